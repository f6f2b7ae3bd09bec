"""Benchmark: symrep's fast Walsh-Hadamard transform against pyfwht, in the same run (issue 17).

For 2^16 .. 2^24 float64 values it times, best of ``--repeat`` runs (default 7) on a fresh copy
of the same random array each run, alternating the two programs:

* symrep: ``symrep.spectra.walsh.fwht(x, out=x)`` (the public function, compiled kernel above
  2^14 values), single thread;
* pyfwht (C, SIMD): ``pyfwht.transform(x, backend=pyfwht.Backend.CPU)``, its single-threaded CPU
  backend (``OMP_NUM_THREADS=1`` is also set before it is imported);
* the bandwidth floor: ``passes`` times the time of ``x *= 1.0`` (one read and one write of the
  array), where ``passes`` is the number of sweeps symrep's blocking makes over the whole array
  (``symrep.spectra.fwht_kernel.memory_passes``).

It prints a markdown table, then the cold start: the first call in a new process, with numba's
cache empty (compilation) and filled (what every later process pays), against the numpy path.
It prints the load average before and after: the machine has two cores, and other jobs skew the
figures (compare the ratios, which are measured in the same run).

Run: ``python bench/fwht.py`` (about a minute; ``--quick`` stops at 2^20, ``--no-cold`` skips
the cold start). pyfwht is optional (``pip install pyfwht``): without it the script says so and
prints symrep's column only.
"""

import argparse
import os
import subprocess
import sys
import tempfile
import time

os.environ.setdefault("OMP_NUM_THREADS", "1")

import numpy as np  # noqa: E402

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
if ROOT not in sys.path:
    sys.path.insert(0, ROOT)

from symrep.spectra.fwht_kernel import memory_passes  # noqa: E402
from symrep.spectra.walsh import fwht  # noqa: E402

SIZES = (16, 18, 20, 21, 22, 23, 24)


def load_pyfwht():
    """``(transform, note)``: pyfwht's single-threaded transform, or None and why not."""
    try:
        import pyfwht
    except ImportError:
        return None, "pyfwht is not installed (pip install pyfwht): only symrep's column is measured"
    backend = pyfwht.Backend.CPU

    def transform(x):
        pyfwht.transform(x, backend=backend)

    return transform, f"pyfwht {getattr(pyfwht, '__version__', '?')}, Backend.CPU (single thread)"


def best_times(functions, source, repeat):
    """Best wall time of each in-place function over ``repeat`` rounds, alternating them."""
    work = np.empty_like(source)
    best = [float("inf")] * len(functions)
    for _ in range(repeat):
        for k, func in enumerate(functions):
            np.copyto(work, source)
            start = time.perf_counter()
            func(work)
            best[k] = min(best[k], time.perf_counter() - start)
    return best


def symrep_fwht(x):
    fwht(x, out=x)


def scale_once(x):
    x *= 1.0


def measure(sizes=SIZES, repeat=7, peer=None):
    """Rows ``(d, symrep, pyfwht or None, floor, passes, max relative difference or None)``."""
    fwht(np.ones(1 << 14))  # load (or compile) the kernel outside the timings
    rng = np.random.default_rng(17)
    rows = []
    for d in sizes:
        source = rng.standard_normal(1 << d)
        functions = [symrep_fwht, scale_once] + ([peer] if peer else [])
        times = best_times(functions, source, repeat)
        diff = None
        if peer:
            mine, theirs = source.copy(), source.copy()
            symrep_fwht(mine)
            peer(theirs)
            diff = float(np.max(np.abs(mine - theirs)) / np.max(np.abs(theirs)))
        passes = memory_passes(d)
        rows.append((d, times[0], times[2] if peer else None, passes * times[1], passes, diff))
    return rows


def markdown(rows):
    lines = ["| size | symrep | pyfwht (1 thread) | symrep / pyfwht | passes | bandwidth floor | symrep / floor |",
             "|---|---|---|---|---|---|---|"]
    for d, mine, theirs, floor, passes, _ in rows:
        peer = f"{theirs * 1e3:.2f} ms" if theirs is not None else "n/a"
        ratio = f"{mine / theirs:.2f}" if theirs is not None else "n/a"
        lines.append(f"| 2^{d} | {mine * 1e3:.2f} ms | {peer} | {ratio} | {passes} | {floor * 1e3:.2f} ms | "
                     f"{mine / floor:.2f} |")
    return "\n".join(lines)


_COLD = """
import time, numpy as np
from symrep.spectra import walsh
x = np.random.default_rng(0).standard_normal(1 << {d})
y = x.copy()
start = time.perf_counter(); walsh.fwht(x, out=x); first = time.perf_counter() - start
start = time.perf_counter(); walsh.fwht(y, out=y); second = time.perf_counter() - start
z = np.random.default_rng(0).standard_normal(1 << {d})
start = time.perf_counter(); walsh._fwht_numpy(z); numpy_path = time.perf_counter() - start
print(first, second, numpy_path)
"""


def cold_start(d=20):
    """First call in a new process: with an empty numba cache, then with that cache filled."""
    out = []
    with tempfile.TemporaryDirectory() as cache:
        env = dict(os.environ, NUMBA_CACHE_DIR=cache, PYTHONPATH=ROOT + os.pathsep + os.environ.get("PYTHONPATH", ""))
        for label in ("empty numba cache (compiles)", "numba cache filled (later processes)"):
            run = subprocess.run([sys.executable, "-c", _COLD.format(d=d)], env=env, capture_output=True, text=True,
                                 check=True)
            first, second, numpy_path = map(float, run.stdout.split())
            out.append((label, first, second, numpy_path))
    return out


def load():
    return "load average %.2f %.2f %.2f (2 cores)" % os.getloadavg()


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--quick", action="store_true", help="sizes up to 2^20 only")
    parser.add_argument("--repeat", type=int, default=7, help="runs per size, best taken (at least 5)")
    parser.add_argument("--no-cold", action="store_true", help="skip the cold-start measurement")
    args = parser.parse_args()
    repeat = max(5, args.repeat)
    peer, note = load_pyfwht()
    print(f"FWHT, float64, in place, best of {repeat}; {note}")
    print(f"before: {load()}")
    rows = measure(tuple(d for d in SIZES if d <= 20) if args.quick else SIZES, repeat, peer)
    print()
    print(markdown(rows))
    worst = max((r[5] for r in rows if r[5] is not None), default=None)
    if worst is not None:
        print(f"\nlargest relative difference symrep vs pyfwht: {worst:.1e}")
    print(f"after: {load()}")
    if not args.no_cold:
        d = 20
        print(f"\ncold start, 2^{d} values, a new Python process each:")
        print("| numba cache | first call | second call | numpy path (no numba) |")
        print("|---|---|---|---|")
        for label, first, second, numpy_path in cold_start(d):
            print(f"| {label} | {first:.3f} s | {second * 1e3:.2f} ms | {numpy_path * 1e3:.1f} ms |")


if __name__ == "__main__":
    main()
