"""Cross-check against GAP's library tables (``pytest -m gap``; CI installs Debian's gap-core).

Classes and characters are matched by their parameters, not up to permutation, so this checks
the labelling convention as well as the values: our ``B_n`` must equal
``CharacterTable("WeylB", n)`` and our ``S_n`` must equal ``CharacterTable("Symmetric", n)``.
A missing GAP is a failure here, never a skip: CI must install it.
"""

import shutil
import subprocess

import pytest

from symrep.groups.tables import hyperoctahedral_table, symmetric_table

pytestmark = pytest.mark.gap

COMPARE = """
CompareLabelled := function(ours, ref, unwrap)
  local cp, chp, ci, chi;
  cp := List(ClassParameters(ref), x -> x[2]);
  chp := List(CharacterParameters(ref), x -> x[2]);
  ci := List(ClassParameters(ours), x -> Position(cp, unwrap(x)));
  chi := List(CharacterParameters(ours), x -> Position(chp, unwrap(x)));
  if fail in ci or fail in chi then return false; fi;
  return SizesCentralizers(ours) = SizesCentralizers(ref){ci}
    and ForAll([1..Length(chi)], i -> ForAll([1..Length(ci)], j -> Irr(ours)[i][j] = Irr(ref)[chi[i]][ci[j]]))
    and OrdersClassRepresentatives(ours) = OrdersClassRepresentatives(ref){ci};
end;
"""


def run_gap(script, tmp_path):
    gap = shutil.which("gap")
    assert gap is not None, "GAP is not installed: CI installs Debian's gap-core and gap-libs for this test"
    path = tmp_path / "script.g"
    path.write_text(script + "\nQUIT;\n")
    proc = subprocess.run([gap, "-q", "-b", str(path)], stdin=subprocess.DEVNULL, capture_output=True,
                          text=True, timeout=600)
    assert proc.returncode == 0, proc.stderr
    return proc.stdout


def test_hyperoctahedral_tables_equal_gaps_weylb(tmp_path):
    script = COMPARE
    for n in range(1, 8):
        script += hyperoctahedral_table(n).to_gap()
        script += f'Print("B{n} ", CompareLabelled(symrep_B{n}, CharacterTable("WeylB", {n}), x -> x[2]), "\\n");\n'
    out = run_gap(script, tmp_path)
    assert out.split() == [w for n in range(1, 8) for w in (f"B{n}", "true")], out


def test_symmetric_tables_equal_gaps_symmetric(tmp_path):
    script = COMPARE
    for n in range(1, 9):
        script += symmetric_table(n).to_gap()
        script += f'Print("S{n} ", CompareLabelled(symrep_S{n}, CharacterTable("Symmetric", {n}), x -> x[2]), "\\n");\n'
    out = run_gap(script, tmp_path)
    assert out.split() == [w for n in range(1, 9) for w in (f"S{n}", "true")], out


def test_gap_reads_a_product_table(tmp_path):
    from symrep.groups.tables import table_from_name

    script = table_from_name("B2xB1").to_gap()
    script += 'Print(Size(symrep_B2xB1), " ", Length(Irr(symrep_B2xB1)), " ", IsCharacterTable(symrep_B2xB1), "\\n");\n'
    assert run_gap(script, tmp_path).split() == ["16", "10", "true"]


def test_the_comparison_can_fail(tmp_path):
    table = hyperoctahedral_table(3)
    table.values = table.values.copy()
    table.values[[3, 4]] = table.values[[4, 3]]  # swap two characters' labels
    script = COMPARE + table.to_gap()
    script += 'Print(CompareLabelled(symrep_B3, CharacterTable("WeylB", 3), x -> x[2]), "\\n");\n'
    assert run_gap(script, tmp_path).split() == ["false"]


def test_export_is_gaps_table_itself(tmp_path):
    """Issue 16: the export lists classes and characters in GAP's order with GAP's parameters
    ([1, [alpha, beta]]), so the tables are equal as they stand, not only up to relabelling."""
    script = ""
    for n in (2, 3, 4, 5):
        script += hyperoctahedral_table(n).to_gap()
        script += (f'ref := CharacterTable("WeylB", {n});;\n'
                   f'Print("B{n} ", ClassParameters(symrep_B{n}) = ClassParameters(ref), " ",\n'
                   f'  CharacterParameters(symrep_B{n}) = CharacterParameters(ref), " ", Irr(symrep_B{n}) = Irr(ref), " ",\n'
                   f'  SizesCentralizers(symrep_B{n}) = SizesCentralizers(ref), " ",\n'
                   f'  ComputedPowerMaps(symrep_B{n})[2] = PowerMap(ref, 2), "\\n");\n')
    for n in (3, 5):
        script += symmetric_table(n).to_gap()
        script += (f'ref := CharacterTable("Symmetric", {n});;\n'
                   f'Print("S{n} ", ClassParameters(symrep_S{n}) = ClassParameters(ref), " ",\n'
                   f'  Irr(symrep_S{n}) = Irr(ref), "\\n");\n')
    words = run_gap(script, tmp_path).split()
    assert words == ["B2"] + ["true"] * 5 + ["B3"] + ["true"] * 5 + ["B4"] + ["true"] * 5 + ["B5"] + ["true"] * 5 \
        + ["S3", "true", "true", "S5", "true", "true"], words
