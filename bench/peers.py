"""Benchmark: symrep against the best peer, every workload of issue 17 in one run, one table.

Each row is measured here, in this run, against the peer a user could pick instead: pyfwht's
single-threaded C transform (FWHT), GAP 4 as a whole process (character tables), a bare Python
interpreter (start-up). The detailed benchmarks behind each row are ``bench/fwht.py``,
``bench/tables_vs_gap.py``, ``bench/generic_vs_gap.py`` and ``bench/startup.py``.

Run: ``python bench/peers.py [--repeat 3]``. Needs GAP (``apt-get install gap-core gap-libs``) and
pyfwht (``pip install pyfwht``); a missing peer is reported as such, never replaced by a guess.
"""

import argparse
import os
import shutil
import statistics
import sys
import tempfile

os.environ.setdefault("OMP_NUM_THREADS", "1")  # pyfwht single-threaded, as in bench/fwht.py

import numpy as np  # noqa: E402

import fwht as fwht_bench  # noqa: E402
import generic_vs_gap  # noqa: E402
import startup  # noqa: E402
from processes import best  # noqa: E402


def _fwht_rows(repeat):
    peer, note = fwht_bench.load_pyfwht()
    rows = []
    for d, mine, theirs, floor, _, _ in fwht_bench.measure(sizes=(20, 22, 24), repeat=max(repeat, 5), peer=peer):
        ratio = mine / theirs if theirs else None
        rows.append((f"FWHT 2^{d} float64, in place", f"{mine * 1e3:.1f} ms",
                     f"pyfwht {theirs * 1e3:.1f} ms" if theirs else note, ratio, "<= 1.0", ratio is not None and ratio <= 1))
        if d == 24:
            rows.append(("FWHT 2^24 against the memory-bandwidth floor", f"{mine * 1e3:.1f} ms",
                         f"floor {floor * 1e3:.1f} ms", mine / floor, "<= 2.0", mine / floor <= 2))
    return rows


def _table_rows(gap, repeat, folder):
    rows = []
    out = os.path.join(folder, "table.json")
    for n in (10, 12, 15):
        ours = best([sys.executable, "-m", "symrep", "table", f"B{n}", "--format", "json", "-o", out, "--force"], repeat)
        verified = best([sys.executable, "-m", "symrep", "table", f"B{n}", "--format", "json", "-o", out, "--force",
                         "--verify"], repeat)
        if gap is None:
            rows.append((f"B_{n} table, whole process", f"{ours[1]:.2f} s CPU", "GAP not installed", None, "<= 0.5", False))
            continue
        script = f't := CharacterTable("WeylB", {n});; Irr(t);; Size(ClassParameters(t));;\nQUIT;\n'
        theirs = best([gap, "-q", "-b"], repeat, stdin_text=script)
        rows.append((f"B_{n} table, whole process (CPU)", f"{ours[1]:.2f} s", f"GAP {theirs[1]:.2f} s",
                     ours[1] / theirs[1], "<= 0.5", ours[1] / theirs[1] <= 0.5))
        rows.append((f"B_{n} table, peak memory", f"{ours[2]:.0f} MiB", f"GAP {theirs[2]:.0f} MiB",
                     ours[2] / theirs[2], "<= 1.0", ours[2] / theirs[2] <= 1))
        rows.append((f"B_{n} `--verify` against the table alone", f"{verified[1]:.2f} s", f"table {ours[1]:.2f} s",
                     verified[1] / ours[1], "<= 1.5", verified[1] / ours[1] <= 1.5))
    return rows


def _generic_rows(gap, repeat, folder):
    rows = []
    out = os.path.join(folder, "generic.json")
    for name, generators in list(generic_vs_gap.GROUPS.items())[:3]:
        _, _, build, verify, passed = generic_vs_gap._in_process(generators)
        ours = best([sys.executable, "-m", "symrep", "table", "--generators", generators, "--format", "json",
                     "-o", out, "--force", "--verify"], repeat)
        rows.append((f"{name}: `verify()` against building the table", f"{verify:.3f} s", f"build {build:.3f} s",
                     verify / build, "<= 1.0", passed and verify <= build))
        if gap is None:
            rows.append((f"{name} table with --verify, whole process", f"{ours[0]:.2f} s", "GAP not installed", None,
                         "<= 1.5", False))
            continue
        theirs = best([gap, "-q", "-b"], repeat, stdin_text=f"ct := CharacterTable(Group({generators}));; Irr(ct);;\nQUIT;\n")
        rows.append((f"{name} table with --verify, whole process", f"{ours[0]:.2f} s", f"GAP {theirs[0]:.2f} s",
                     ours[0] / theirs[0], "<= 1.5", ours[0] / theirs[0] <= 1.5))
    return rows


def _startup_rows():
    times = {name: statistics.median(startup.cpu(cmd) for _ in range(5)) for name, cmd in startup.COMMANDS[:3]}
    bare = times["python -c pass"]
    return [(f"`{name}` CPU", f"{times[name]:.2f} s", f"bare interpreter {bare:.2f} s", times[name] / bare,
             "under 0.2 s", times[name] < 0.2) for name in ("symrep --version", "symrep --help")]


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=3, help="best of this many runs (default 3)")
    args = parser.parse_args()
    gap = shutil.which("gap")
    print(f"load average before: {os.getloadavg()[0]:.2f}; numpy {np.__version__}; GAP: {gap or 'not installed'}")
    with tempfile.TemporaryDirectory() as folder:
        rows = _fwht_rows(args.repeat) + _table_rows(gap, args.repeat, folder) + \
            _generic_rows(gap, args.repeat, folder) + _startup_rows()
    print("| workload | symrep | peer or reference | ratio | target | met |")
    print("|---|---|---|---|---|---|")
    for workload, ours, theirs, ratio, target, met in rows:
        shown = f"{ratio:.2f}" if ratio is not None else "n/a"
        print(f"| {workload} | {ours} | {theirs} | {shown} | {target} | {'yes' if met else '**no**'} |")
    print(f"load average after: {os.getloadavg()[0]:.2f}")
    return 0 if all(row[-1] for row in rows) else 1


if __name__ == "__main__":
    raise SystemExit(main())
