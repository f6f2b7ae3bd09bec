"""Benchmark: B_n character tables as whole processes, symrep against GAP in the same run.

For each n, times the command a user would run and its peak memory (maximum resident set size of
the child process, from ``wait4``), best of ``--repeat``:

* symrep: ``python -m symrep table Bn --format json -o FILE --force`` (the whole table computed
  and written; ``--verify`` adds the exact verification of both orthogonality relations);
* GAP: ``gap -q -b`` on ``t := CharacterTable("WeylB", n);; Irr(t);; Size(ClassParameters(t));;``
  (the library's generic construction, all irreducible values computed).

Targets (issue 17): symrep at most 0.5x GAP's time for 10 <= n <= 15, peak memory no more than
GAP's. GAP must be installed (``apt-get install gap-core gap-libs``); the script says so otherwise.

Run: ``python bench/tables_vs_gap.py [--min 10] [--max 15] [--repeat 3] [--verify]``.
"""

import argparse
import os
import shutil
import sys
import tempfile

from processes import best as _best


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--min", type=int, default=10)
    parser.add_argument("--max", type=int, default=15)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--verify", action="store_true", help="symrep also verifies the table exactly")
    args = parser.parse_args()
    gap = shutil.which("gap")
    print(f"load average before: {os.getloadavg()[0]:.2f}; GAP: {gap or 'not installed'}")
    print("| n | symrep wall | symrep CPU | symrep peak | GAP wall | GAP CPU | GAP peak | CPU ratio | memory ratio |")
    print("|---|---|---|---|---|---|---|---|---|")
    with tempfile.TemporaryDirectory() as folder:
        for n in range(args.min, args.max + 1):
            out = os.path.join(folder, f"b{n}.json")
            ours = _best([sys.executable, "-m", "symrep", "table", f"B{n}", "--format", "json", "-o", out, "--force"]
                         + (["--verify"] if args.verify else []), args.repeat)
            if gap is None:
                print(f"| {n} | {ours[0]:.2f} s | {ours[1]:.2f} s | {ours[2]:.0f} MiB | - | - | - | - | - |", flush=True)
                continue
            script = f't := CharacterTable("WeylB", {n});; Irr(t);; Size(ClassParameters(t));;\nQUIT;\n'
            theirs = _best([gap, "-q", "-b"], args.repeat, stdin_text=script)
            print(f"| {n} | {ours[0]:.2f} s | {ours[1]:.2f} s | {ours[2]:.0f} MiB | {theirs[0]:.2f} s | "
                  f"{theirs[1]:.2f} s | {theirs[2]:.0f} MiB | {ours[1] / theirs[1]:.2f} | {ours[2] / theirs[2]:.2f} |",
                  flush=True)
    print(f"load average after: {os.getloadavg()[0]:.2f}")


if __name__ == "__main__":
    main()
