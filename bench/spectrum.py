"""Benchmarks for the spectrum of f(distance) on a box (issue: core).

Prints three tables:

(a) the closed-form numeric spectrum (FWHT path, kernel evaluation included) against a
    dense ``numpy.linalg.eigvalsh`` of the 2^d x 2^d matrix, d = 8..12; target >= 1000x at d = 12;
(b) the numeric path for d = 16..24: time (kernel evaluation + FWHT), the FWHT alone (best of 5,
    the same measurement as ``bench/fwht.py``, which compares it with pyfwht and measures the
    cold start), and peak memory; target d = 20 under 1 s, d = 24 within this machine's memory;
(c) the exact spectrum of a d = 50 hypercube with a symbolic side and an undefined f
    (51 eigenspaces); target under 2 s. Also exact spectra with distinct rational sides.

Run: ``python bench/spectrum.py`` (about a minute; ``--quick`` skips d = 12 dense and d = 24).
"""

import argparse
import os
import sys
import time
import tracemalloc

import numpy as np
import sympy

from symrep import Hyperrectangle, numeric_spectrum, spectrum

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import fwht as fwht_bench  # noqa: E402  (bench/fwht.py)


def timed(func, repeat=1):
    best = float("inf")
    for _ in range(repeat):
        start = time.perf_counter()
        result = func()
        best = min(best, time.perf_counter() - start)
    return best, result


def table(title, header, rows):
    print(f"\n{title}")
    widths = [max(len(str(x)) for x in col) for col in zip(header, *rows)]
    for row in [header] + rows:
        print("  ".join(str(x).rjust(w) for x, w in zip(row, widths)))


def bench_dense(dims):
    rows = []
    rng = np.random.default_rng(0)
    for d in dims:
        H = Hyperrectangle(list(rng.uniform(0.2, 2.0, size=d)))
        t_fast, fast = timed(lambda: numeric_spectrum(H, "exp(-x^2)"), repeat=5)
        M = H.kernel_matrix("exp(-x^2)", numeric=True)
        t_dense, dense = timed(lambda: np.linalg.eigvalsh(M))
        err = np.max(np.abs(np.sort(fast) - dense))
        rows.append((d, 2**d, f"{t_fast * 1e3:.3f} ms", f"{t_dense:.3f} s", f"{t_dense / t_fast:,.0f}x",
                     f"{err:.1e}"))
    table("(a) closed-form numeric spectrum vs dense eigvalsh (Gaussian, l1, random sides)",
          ("d", "2^d", "closed form", "eigvalsh", "speed-up", "max |diff|"), rows)


def bench_fwht(dims):
    numeric_spectrum([0.5] * 14, "exp(-x)")  # loads the compiled FWHT kernel: the cold start is bench/fwht.py's
    rows = []
    for d in dims:
        H = Hyperrectangle([0.5] * d)
        tracemalloc.start()
        t, values = timed(lambda: numeric_spectrum(H, "exp(-x)"))
        peak = tracemalloc.get_traced_memory()[1]
        tracemalloc.stop()
        (t_fwht,) = fwht_bench.best_times([fwht_bench.symrep_fwht], values, 5)
        rows.append((d, f"{2**d:,}", f"{t:.3f} s", f"{t_fwht * 1e3:.1f} ms", f"{peak / 2**20:,.0f} MiB",
                     f"{peak / (8 * 2**d):.1f}", f"{values.min():.3g}"))
        del values
    table("(b) numeric path (Laplace, l1): kernel evaluation + FWHT, the FWHT alone, peak traced memory",
          ("d", "eigenvalues", "time", "FWHT alone", "peak memory", "arrays of 2^d", "min eigenvalue"), rows)


def bench_exact():
    a = sympy.Symbol("a", positive=True)
    f = sympy.Function("f")
    rows = []
    for d in (10, 50, 100, 200):
        t, sp = timed(lambda: spectrum([a] * d, f))
        rows.append((f"hypercube d={d}, side a, f undefined", len(sp), f"{t:.3f} s"))
    for d in (6, 8, 10):
        sides = [sympy.Rational(k, 7) for k in range(1, d + 1)]
        t, sp = timed(lambda: spectrum(sides, "exp(-x)"))
        rows.append((f"distinct sides d={d}, exp(-x)", len(sp), f"{t:.3f} s"))
    table("(c) exact spectra", ("case", "eigenspaces", "time"), rows)


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--quick", action="store_true", help="smaller sizes (for a smoke run)")
    args = parser.parse_args()
    bench_dense(range(8, 12 if args.quick else 13))
    bench_fwht(range(16, 22 if args.quick else 25, 2 if args.quick else 1))
    bench_exact()


if __name__ == "__main__":
    main()
