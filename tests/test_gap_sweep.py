"""Issue 25: GAP's group libraries as the test bed (``pytest -m gap``; CI installs Debian's gap-core and gap-libs,
which hold the TransitiveGroups and SmallGroups libraries).

Every transitive group of degree 2..10, a sample of degree 11 and 12, and a sample of the groups of order 64
and 128 (as permutation groups, ``Image(IsomorphismPermGroup(SmallGroup(n, k)))``): the generators are taken
from GAP at test time, symrep computes and verifies the table (orthogonality, power maps against the values,
class sizes by orbit counting), and GAP compares it with its own ``CharacterTable(G)`` by
``TransformingPermutationsCharacterTables``, *including the power maps* (GAP's are computed for every prime
dividing ``|G|`` first, so that the comparison uses them). A table built with the lift as it was before
issue 25 must be rejected by the same comparison.
"""

import os
import re
import shutil
import subprocess
import time

import pytest

from symrep.groups import dixon
from symrep.groups.dixon import generic_character_table
from symrep.groups.permutation_input import parse_generators

pytestmark = pytest.mark.gap

#: Degree 12: every 10th group of the 301 (A12 and S12, of orders 2.4e8 and 4.8e8, are not among them)
DEGREE_12 = list(range(1, 301, 10))
#: Order 64 (267 groups) and 128 (2328 groups): samples spread over the libraries
ORDER_64 = [1, 2, 5, 18, 32, 50, 73, 100, 134, 138, 150, 182, 200, 215, 242, 260, 266, 267]
ORDER_128 = [1, 36, 161, 500, 928, 1000, 1578, 2000, 2100, 2200, 2300, 2320]  # (C2^7 and 2150: GAP needs minutes for
#                                           the automorphisms of their tables, which its comparison computes)

LIST_GROUPS = """SizeScreen([4096, 24]);;
Emit := function(name, G)
  Print(name, "|", Size(G), "|", GeneratorsOfGroup(G), "\\n");
end;;
for n in [2..10] do for k in [1..NrTransitiveGroups(n)] do
  Emit(Concatenation("T", String(n), "_", String(k)), TransitiveGroup(n, k)); od; od;
for k in [1..6] do Emit(Concatenation("T11_", String(k)), TransitiveGroup(11, k)); od;
for k in %s do Emit(Concatenation("T12_", String(k)), TransitiveGroup(12, k)); od;
for k in %s do Emit(Concatenation("SG64_", String(k)), Image(IsomorphismPermGroup(SmallGroup(64, k)))); od;
for k in %s do Emit(Concatenation("SG128_", String(k)), Image(IsomorphismPermGroup(SmallGroup(128, k)))); od;
""" % (DEGREE_12, ORDER_64, ORDER_128)

COMPARE = """Compare := function(ours, G)
  local ct, p;
  ct := CharacterTable(G);; Irr(ct);;
  for p in Set(Concatenation([2], Factors(Size(G)))) do PowerMap(ct, p); od;
  return TransformingPermutationsCharacterTables(ours, ct) <> fail;
end;;
"""


def run_gap(script, tmp_path, name="script.g"):
    gap = shutil.which("gap")
    assert gap is not None, "GAP is not installed: CI installs Debian's gap-core and gap-libs for this test"
    path = tmp_path / name
    path.write_text(script + "\nQUIT;\n")
    proc = subprocess.run([gap, "-q", "-b", "-o", "4g", str(path)], stdin=subprocess.DEVNULL, capture_output=True,
                          text=True, timeout=1200)
    assert proc.returncode == 0 and "Error" not in proc.stdout, (proc.stdout[-2000:], proc.stderr[-2000:])
    return proc.stdout


def library_groups(tmp_path):
    """``{name: (order, generator text)}`` as GAP prints them (long lines continued with a backslash)."""
    out = run_gap(LIST_GROUPS, tmp_path, "list.g").replace("\\\n", "")
    groups = {}
    for line in out.splitlines():
        if line.count("|") == 2:
            name, order, gens = line.split("|")
            groups[name] = (int(order), gens.strip() if gens.strip() != "[  ]" else "()")
    return groups


def _gap_name(name):
    return "symrep_" + re.sub(r"\W+", "_", name)


def test_library_tables_equal_gaps_with_power_maps(tmp_path, monkeypatch):
    started = time.perf_counter()
    groups = library_groups(tmp_path)
    assert len([g for g in groups if g.startswith("T") and not g.startswith(("T11", "T12"))]) == 165  # degree 2..10 (GAP has no TransitiveGroup(1, 1))
    script = COMPARE
    built = {}
    failures = []
    for name, (order, gens) in groups.items():
        table = generic_character_table(parse_generators(gens), name=name, budget=600)
        assert table.order == order
        if order <= 10**6:  # the proofs of power maps and classes (A10, S10: only GAP's comparison)
            report = table.verify()
            if not report.passed:
                failures.append(f"{name}: {report.failures[:3]}")
        built[name] = len(table)
        script += table.to_gap()
        script += f'Print("{name} ", Compare({_gap_name(name)}, Group({gens})), "\\n");\nUnbind({_gap_name(name)});\n'
    ours = time.perf_counter() - started
    # the lift as it was before issue 25 (a root of unity for each element order): GAP must reject it
    import test_power_maps

    monkeypatch.setattr(dixon, "_lift_column", test_power_maps._old_lift)
    pgl = groups["T10_30"][1]
    script += generic_character_table(parse_generators(pgl), name="OLD_T10_30").to_gap()
    script += f'Print("OLD_T10_30 ", Compare(symrep_OLD_T10_30, Group({pgl})), "\\n");\n'
    monkeypatch.undo()
    out = run_gap(script, tmp_path)
    answers = dict(line.split() for line in out.splitlines() if len(line.split()) == 2)
    wrong = sorted(name for name in groups if answers.get(name) != "true")
    total = time.perf_counter() - started
    print(f"\nGAP sweep: {len(groups)} groups ({sum(built.values())} classes): symrep {ours:.1f} s, all {total:.1f} s")
    assert not failures, failures
    assert not wrong, f"symrep's table differs from GAP's for {wrong}"
    assert answers.get("OLD_T10_30") == "false", "the comparison must see the power-map error of issue 25"
