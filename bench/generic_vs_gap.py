"""Benchmark: generic (Dixon-Schneider) character tables against GAP, whole processes in the same run.

For each group given by permutation generators, times the command a user would run, best of
``--repeat``, and its peak memory:

* symrep: ``python -m symrep table --generators GENS --format json -o FILE --force --verify``
  (the table computed, verified exactly in cyclotomic arithmetic, and written);
* GAP: ``gap -q -b`` on ``ct := CharacterTable(Group(GENS));; Irr(ct);;``.

It also prints, in one process, the time to build the table and the time of ``verify()``
(target: verification no slower than building). Targets (issue 17): symrep within 1.5x of GAP's
whole-process time. GAP must be installed (``apt-get install gap-core gap-libs``).

Run: ``python bench/generic_vs_gap.py [--repeat 3]``.
"""

import argparse
import os
import shutil
import sys
import tempfile
import time

from processes import best

GROUPS = {"M11 (11 points)": "(1,2,3,4,5,6,7,8,9,10,11),(3,7,11,8)(4,10,5,6)",
          "PSL(2,7) (8 points)": "(3,7,5)(4,8,6),(1,2,6)(3,4,8)",
          "SL(2,3) (8 points)": "(3,4,5)(6,8,7),(1,6,2,3)(4,7,8,5)",
          "S8 (8 points)": "(1,2,3,4,5,6,7,8),(1,2)"}


def _in_process(generators):
    from symrep.groups.dixon import generic_character_table
    from symrep.groups.permutation_input import parse_generators

    group = parse_generators(generators)
    start = time.perf_counter()
    table = generic_character_table(group)
    built = time.perf_counter()
    passed = table.verify().passed
    return int(group.order()), len(table), built - start, time.perf_counter() - built, passed


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    gap = shutil.which("gap")
    print(f"load average before: {os.getloadavg()[0]:.2f}; GAP: {gap or 'not installed'}")
    print("| group | order | classes | build | verify | symrep wall | symrep CPU | GAP wall | GAP CPU | "
          "wall ratio | CPU ratio | memory ratio |")
    print("|---|---|---|---|---|---|---|---|---|---|---|---|")
    with tempfile.TemporaryDirectory() as folder:
        out = os.path.join(folder, "table.json")
        for name, generators in GROUPS.items():
            order, classes, build, verify, passed = _in_process(generators)
            if not passed:
                raise SystemExit(f"{name}: the table failed its verification")
            ours = best([sys.executable, "-m", "symrep", "table", "--generators", generators, "--format", "json",
                         "-o", out, "--force", "--verify"], args.repeat)
            row = f"| {name} | {order} | {classes} | {build:.3f} s | {verify:.3f} s | {ours[0]:.2f} s | {ours[1]:.2f} s"
            if gap is None:
                print(row + " | - | - | - | - | - |", flush=True)
                continue
            theirs = best([gap, "-q", "-b"], args.repeat,
                          stdin_text=f"ct := CharacterTable(Group({generators}));; Irr(ct);;\nQUIT;\n")
            print(f"{row} | {theirs[0]:.2f} s | {theirs[1]:.2f} s | {ours[0] / theirs[0]:.2f} | "
                  f"{ours[1] / theirs[1]:.2f} | {ours[2] / theirs[2]:.2f} |", flush=True)
    print(f"load average after: {os.getloadavg()[0]:.2f}")


if __name__ == "__main__":
    main()
