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


GENERIC_GROUPS = {"M11": "(1,2,3,4,5,6,7,8,9,10,11),(3,7,11,8)(4,10,5,6)",
                  "PSL27": "(3,7,5)(4,8,6),(1,2,6)(3,4,8)",
                  "SL23": "(3,4,5)(6,8,7),(1,6,2,3)(4,7,8,5)"}


def test_generic_tables_are_gaps_tables_of_the_same_groups(tmp_path):
    """Issue 17: the Dixon-Schneider tables (irrational values exported as GAP cyclotomics, with
    power maps) are GAP's CharacterTable(Group(...)) up to a permutation of classes and characters."""
    from symrep.groups.dixon import generic_character_table
    from symrep.groups.permutation_input import parse_generators

    script = ""
    for name, generators in GENERIC_GROUPS.items():
        script += generic_character_table(parse_generators(generators), name=name).to_gap()
        script += (f"ct := CharacterTable(Group({generators}));; Irr(ct);;\n"
                   f'Print("{name} ", TransformingPermutationsCharacterTables(symrep_{name}, ct) <> fail, "\\n");\n')
    # a changed value must be caught by the same comparison
    script += 'bad := ShallowCopy(List(Irr(symrep_PSL27), ValuesOfClassFunction));; bad[2] := ShallowCopy(bad[2]);;\n'
    script += 'bad[2][3] := bad[2][3] + 1;; t := ConvertToCharacterTableNC(rec(UnderlyingCharacteristic := 0, '
    script += 'SizesCentralizers := SizesCentralizers(symrep_PSL27), Irr := bad));;\n'
    script += 'Print("changed ", TransformingPermutationsCharacterTables(t, CharacterTable(Group(' \
              + GENERIC_GROUPS["PSL27"] + '))) <> fail, "\\n");\n'
    words = run_gap(script, tmp_path).split()
    assert words == ["M11", "true", "PSL27", "true", "SL23", "true", "changed", "false"], words


def test_restriction_and_induction_decompose_as_in_gap(tmp_path, capsys):
    """Issue 16: `symrep decompose --generators G --induce-from H` against GAP's InducedClassFunction
    and Decomposition, compared as the multiset of (degree, multiplicity)."""
    import json

    from symrep.cli.app import main

    group, sub = "(1,2,3,4,5),(1,2)", "(1,2,3),(1,2)(4,5)"
    assert main(["decompose", "--generators", group, "--induce-from", sub, "--character", "chi2",
                 "--format", "json"]) == 0
    ours = sorted((c["degree"], c["multiplicity"]) for c in json.loads(capsys.readouterr().out)["constituents"])
    from symrep.groups.dixon import generic_character_table
    from symrep.groups.permutation_input import parse_generators

    psi = generic_character_table(parse_generators(sub)).values[1]
    # pick GAP's irreducible of H with the same degree and the same value multiset as ours
    script = (f"G := Group({group});; H := Group({sub});; tH := CharacterTable(H);; tG := CharacterTable(G);;\n"
              f"psi := First(Irr(tH), x -> SortedList(ValuesOfClassFunction(x)) = SortedList({[int(v) for v in psi]}));;\n"
              f"ind := InducedClassFunction(psi, G);; dec := Decomposition(Irr(tG), [ind], \"nonnegative\")[1];;\n"
              f"for i in [1..Length(dec)] do if dec[i] > 0 then Print(Irr(tG)[i][1], \" \", dec[i], \"\\n\"); fi; od;\n")
    out = run_gap(script, tmp_path).split()
    theirs = sorted((int(out[i]), int(out[i + 1])) for i in range(0, len(out), 2))
    assert ours == theirs and ours


def test_product_exports_are_gaps_direct_products_as_they_stand(tmp_path):
    """Issue 16: a product table lists classes and characters as CharacterTableDirectProduct does, with
    the factors' parameters, so the tables are equal without relabelling."""
    from symrep.groups.tables import table_from_name

    script = ""
    for name, gap_factors in (("B2xB1", '"WeylB", 2), CharacterTable("WeylB", 1'),
                              ("S3xB2", '"Symmetric", 3), CharacterTable("WeylB", 2')):
        script += table_from_name(name).to_gap()
        script += (f"ref := CharacterTableDirectProduct(CharacterTable({gap_factors}));;\n"
                   f'Print("{name} ", ClassParameters(symrep_{name}) = ClassParameters(ref), " ", '
                   f"CharacterParameters(symrep_{name}) = CharacterParameters(ref), \" \", Irr(symrep_{name}) = Irr(ref), "
                   f'" ", ComputedPowerMaps(symrep_{name})[2] = PowerMap(ref, 2), "\\n");\n')
    words = run_gap(script, tmp_path).split()
    assert words == ["B2xB1"] + ["true"] * 4 + ["S3xB2"] + ["true"] * 4, words
