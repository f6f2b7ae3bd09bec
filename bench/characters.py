"""Benchmark: the full character table of B_n, n = 6..15 (issue: character tables).

Prints, for each n: the number of classes, the time to compute the whole table by the
column-wise Murnaghan-Nakayama rule, the peak traced memory, the time of the exact
verification of both orthogonality relations and its ratio to the table time
(``--verify``; target: at most 1.5x for 10 <= n <= 15), and the ratio against the reference figures of a memoised per-entry rule on these
machines (about 6 s for B_10 and 34 s for B_12, docs/theory.md section 3).

Targets: B_12 under 0.5 s, B_15 under 10 s, peak memory under 2 GB.

Each n runs in a fresh process (cold caches): untraced for the times (the best of
``--repeat`` builds and verifications, default 3, since other jobs share the machine), and
once under ``tracemalloc`` for the peak memory (tracing slows Python allocations, so the two
are measured apart).

Run: ``python bench/characters.py [--verify] [--min N] [--max N] [--repeat K]``.
"""

import argparse
import json
import subprocess
import sys


REFERENCE_SECONDS = {10: 6.0, 12: 34.0}


_CHILD = """
import json, sys, time, tracemalloc
from symrep.groups.tables import hyperoctahedral_table
n, verify, repeat = int(sys.argv[1]), sys.argv[2] == "1", int(sys.argv[3])
times, verify_times, verified = [], [], []
for _ in range(repeat):
    start = time.perf_counter()
    table = hyperoctahedral_table(n)
    times.append(time.perf_counter() - start)
    if verify:
        start = time.perf_counter()
        verified.append(table.verify().passed)
        verify_times.append(time.perf_counter() - start)
out = {"classes": len(table), "time": min(times)}
if verify:
    out["verified"] = all(verified)
    out["verify_time"] = min(verify_times)
print(json.dumps(out))
"""

_CHILD_MEMORY = """
import sys, tracemalloc
tracemalloc.start()
from symrep.groups.tables import hyperoctahedral_table
hyperoctahedral_table(int(sys.argv[1]))
print(tracemalloc.get_traced_memory()[1])
"""


def measure(n, verify, repeat=3):
    """Best time (untraced) and peak traced memory of the B_n table, each in a fresh process."""
    run = lambda code, *a: subprocess.run([sys.executable, "-c", code, *map(str, a)], check=True,
                                          capture_output=True, text=True).stdout
    out = json.loads(run(_CHILD, n, int(verify), repeat))
    out["peak"] = int(run(_CHILD_MEMORY, n))
    return out


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--verify", action="store_true", help="also time the exact verification")
    parser.add_argument("--min", type=int, default=6, help="smallest n (default 6)")
    parser.add_argument("--max", type=int, default=15, help="largest n (default 15)")
    parser.add_argument("--repeat", type=int, default=3, help="best of this many runs (default 3)")
    args = parser.parse_args()
    header = ("n", "classes", "table time", "peak memory", "vs memoised rule")
    if args.verify:
        header += ("verify time", "verify / table", "verified")
    rows = []
    for n in range(args.min, args.max + 1):
        m = measure(n, args.verify, args.repeat)
        ref = REFERENCE_SECONDS.get(n)
        row = (n, m["classes"], f"{m['time']:.3f} s", f"{m['peak'] / 2**20:,.0f} MiB",
               f"{ref / m['time']:,.0f}x faster" if ref else "")
        if args.verify:
            row += (f"{m['verify_time']:.3f} s", f"{m['verify_time'] / m['time']:.2f}x", str(m["verified"]))
        rows.append(row)
    widths = [max(len(str(x)) for x in col) for col in zip(header, *rows)]
    print("Full character table of B_n (column-wise Murnaghan-Nakayama), best of", args.repeat)
    for row in [header] + rows:
        print("  ".join(str(x).rjust(w) for x, w in zip(row, widths)))


if __name__ == "__main__":
    main()
