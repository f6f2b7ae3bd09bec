"""Benchmark: generic (Dixon-Schneider) character tables against GAP, in session and as whole processes.

**In session** (the default; issue 25): for M12, W(E6), S4 wr S3, PSU(3,3), PSL(3,4), A9, A10 and M22 (their
generators taken from GAP in the same run), symrep's ``generic_character_table`` through the Python API,
best of ``--repeat`` (a new ``PermutationGroup`` each time, so nothing is cached), against GAP's
``Runtime()`` around ``C := CharacterTable(Group(gens));; Irr(C);;``, best of ``--repeat`` in one GAP
session (a new group each time). Neither side pays its start-up; symrep's ``verify()`` is timed apart.
Target (issue 25): no slower than GAP on any group, at least 1.5x faster on the median.

**Whole processes** (``--processes``): for each group of ``GROUPS``, times the command a user would run, best of
``--repeat``, and its peak memory:

* symrep: ``python -m symrep table --generators GENS --format json -o FILE --force --verify``
  (the table computed, verified exactly in cyclotomic arithmetic, and written);
* GAP: ``gap -q -b`` on ``ct := CharacterTable(Group(GENS));; Irr(ct);;``.

It also prints, in one process, the time to build the table and the time of ``verify()``
(target: verification no slower than building). Targets (issue 17): symrep within 1.5x of GAP's
whole-process time. GAP must be installed (``apt-get install gap-core gap-libs``).

Run: ``python bench/generic_vs_gap.py [--repeat 3] [--processes]``.
"""

import argparse
import os
import shutil
import sys
import tempfile
import time

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))  # this checkout's symrep

from processes import best  # noqa: E402

GROUPS = {"M11 (11 points)": "(1,2,3,4,5,6,7,8,9,10,11),(3,7,11,8)(4,10,5,6)",
          "PSL(2,7) (8 points)": "(3,7,5)(4,8,6),(1,2,6)(3,4,8)",
          "SL(2,3) (8 points)": "(3,4,5)(6,8,7),(1,6,2,3)(4,7,8,5)",
          "S8 (8 points)": "(1,2,3,4,5,6,7,8),(1,2)"}


#: The in-session groups: GAP expressions (permutation groups of small degree).
SESSION_GROUPS = {
    "M12": "MathieuGroup(12)",
    "W(E6)": "Image(SmallerDegreePermutationRepresentation(Action(WeylGroup(RootSystem(SimpleLieAlgebra(\"E\", 6, "
             "Rationals))), Orbit(WeylGroup(RootSystem(SimpleLieAlgebra(\"E\", 6, Rationals))), "
             "SimpleSystem(RootSystem(SimpleLieAlgebra(\"E\", 6, Rationals)))[1], OnRight), OnRight)))",
    "S4 wr S3": "WreathProduct(SymmetricGroup(4), SymmetricGroup(3))",
    "PSU(3,3)": "Image(SmallerDegreePermutationRepresentation(PSU(3, 3)))",
    "PSL(3,4)": "PSL(3, 4)",
    "A9": "AlternatingGroup(9)",
    "A10": "AlternatingGroup(10)",
    "M22": "MathieuGroup(22)",
}


def gap_session(gap, repeat, groups=SESSION_GROUPS):
    """``{name: (generators text, degree, GAP's best CharacterTable + Irr time in seconds)}``, from one GAP session."""
    import subprocess

    script = "SizeScreen([4096, 24]);;\n"
    for name, expression in groups.items():
        script += (f"G := {expression};; gens := GeneratorsOfGroup(G);; best := infinity;;\n"
                   f"for i in [1..{repeat}] do H := Group(gens);; t := Runtime();; C := CharacterTable(H);; Irr(C);; "
                   f"best := Minimum(best, Runtime() - t);; od;\n"
                   f'Print("{name}|", best, "|", LargestMovedPoint(G), "|", gens, "\\n");\n')
    out = subprocess.run([gap, "-q", "-b", "-o", "4g"], input=script + "QUIT;\n", capture_output=True, text=True,
                         check=True).stdout.replace("\\\n", "")
    found = {}
    for line in out.splitlines():
        if line.count("|") == 3:
            name, ms, degree, gens = line.split("|")
            found[name] = (gens, int(degree), int(ms) / 1000)
    return found


def symrep_session(generators, repeat):
    """``(order, classes, best build wall s, best build CPU s, verify s, passed)`` through the Python API."""
    from sympy.combinatorics import PermutationGroup

    from symrep.groups.dixon import generic_character_table
    from symrep.groups.permutation_input import parse_generators

    gens = parse_generators(generators).generators
    walls, cpus = [], []
    for _ in range(repeat):
        group = PermutationGroup(list(gens))  # new each time: no stabilizer chain cached
        start, cpu = time.perf_counter(), time.process_time()
        table = generic_character_table(group, budget=3600)
        walls.append(time.perf_counter() - start)
        cpus.append(time.process_time() - cpu)
    start = time.perf_counter()
    passed = table.verify().passed
    return table.order, len(table), min(walls), min(cpus), time.perf_counter() - start, passed


def session_table(gap, repeat):
    import statistics

    theirs = gap_session(gap, repeat)
    print(f"in session, {time.strftime('%Y-%m-%d', time.gmtime())}, load average {os.getloadavg()[0]:.2f}, "
          f"best of {repeat}")
    print("| group | degree | order | classes | symrep wall | symrep CPU | GAP CPU (Runtime) | GAP / symrep CPU | "
          "GAP / symrep wall | symrep verify() |")
    print("|---|---|---|---|---|---|---|---|---|---|")
    ratios = []
    for name in SESSION_GROUPS:
        generators, degree, gap_time = theirs[name]
        order, classes, wall, cpu, verify, passed = symrep_session(generators, repeat)
        if not passed:
            raise SystemExit(f"{name}: the table failed its verification")
        # GAP's Runtime() is the CPU time of its one thread; symrep's CPU time counts all its threads (BLAS)
        ratio = gap_time / cpu
        ratios.append(ratio)
        print(f"| {name} | {degree} | {order} | {classes} | {wall:.3f} s | {cpu:.3f} s | {gap_time:.3f} s | "
              f"{ratio:.2f} | {gap_time / wall:.2f} | {verify:.2f} s |", flush=True)
    print(f"median GAP / symrep (CPU): {statistics.median(ratios):.2f}; slowest against GAP: {min(ratios):.2f}; "
          f"load average after: {os.getloadavg()[0]:.2f}")


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
    parser.add_argument("--processes", action="store_true", help="whole processes (issue 17's table) instead")
    args = parser.parse_args()
    gap = shutil.which("gap")
    if not args.processes:
        if gap is None:
            raise SystemExit("GAP is not installed (apt-get install gap-core gap-libs)")
        session_table(gap, args.repeat)
        return
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
