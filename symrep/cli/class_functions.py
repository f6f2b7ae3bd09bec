"""``symrep decompose --table NAME --character EXPR``: a class function written in the irreducibles
(tensor products, symmetric and exterior powers; :mod:`symrep.groups.character_expressions`),
decomposed into irreducibles as GAP's ``Decomposition`` does; ``--generators`` for any permutation
group, ``--restrict-to H`` and ``--induce-from H`` for restriction to and induction from a subgroup
(the class fusion computed by :mod:`symrep.groups.fusion`).

Examples
--------
>>> from symrep.cli.app import main
>>> main(["decompose", "--table", "B3", "--character", "alt(3, chi4)"])  # doctest: +NORMALIZE_WHITESPACE
B3 (order 48): alt(3, chi4) has degree 1 and values [1, -1, 1, -1, 1, 1, 1, -1, -1, -1]
  X[[-|1,1,1]]
0
>>> main(["decompose", "--generators", "(1,2,3,4),(1,2)", "--character", "chi4",
...       "--restrict-to", "(1,2,3)"])  # doctest: +NORMALIZE_WHITESPACE
<(1,2,3)> (order 3): chi4 of <(1,2,3,4),(1,2)> restricted has degree 3 and values [3, 0, 0]
  X1 + X2 + X3
0
"""

import json

from symrep.cli.output import emit
from symrep.errors import InputError

__all__ = ["run_character_decomposition", "group_table"]

_GENERATOR_STARTS = ("(", "[", "Group", "@")


def group_table(spec, from_generators=False):
    """``(table, permutation group or None)`` for a named group (``B3``) or generators in cycle notation."""
    from symrep.groups.permutation_input import read_generators

    text = spec.strip()
    if from_generators or text.startswith(_GENERATOR_STARTS) or ":=" in text:
        from symrep.groups.dixon import generic_character_table

        group = read_generators(text)
        return generic_character_table(group, name=f"<{text}>"), group
    from symrep.groups.tables import table_from_name

    return table_from_name(text), None


def run_character_decomposition(args):
    from symrep.groups.character_expressions import character_from_text
    from symrep.groups.fusion import fusion_map

    if args.character is None:
        raise InputError('--table and --generators need --character, e.g. --character "sym(2, chi4)"; the '
                         'irreducibles are listed by symrep table NAME')
    if args.restrict_to is not None and args.induce_from is not None:
        raise InputError("give --restrict-to or --induce-from, not both")
    table, group = group_table(args.table if args.table is not None else args.generators,
                               from_generators=args.table is None)
    described = args.character
    if args.restrict_to is not None:
        subtable, subgroup = group_table(args.restrict_to)
        fusion = fusion_map(table, subtable, group, subgroup)
        character = table.restrict(character_from_text(table, args.character), subtable, fusion)
        described, table = f"{args.character} of {table.name} restricted", subtable
    elif args.induce_from is not None:
        subtable, subgroup = group_table(args.induce_from)
        fusion = fusion_map(table, subtable, group, subgroup)
        character = table.induce(character_from_text(subtable, args.character), subtable, fusion)
        described = f"{args.character} of {subtable.name} induced"
    else:
        character = character_from_text(table, args.character)
    decomposition = character.decompose()
    values = [int(v) if isinstance(v, int) else str(v) for v in character.values]
    if args.format == "json":
        emit(args, json.dumps({"group": table.name, "order": table.order, "character": described,
                               "degree": str(character.degree), "values": values,
                               "is_character": decomposition.is_character,
                               "constituents": decomposition.to_list()}))
    elif args.format in ("latex", "pdf"):
        raise InputError("--table and --generators decompositions print as text or json")
    else:
        emit(args, f"{table.name} (order {table.order}): {described} has degree {character.degree} and values "
                   f"{values}\n  {decomposition}" + ("" if decomposition.is_character else
                                                      "\n  (not a character: some multiplicities are not "
                                                      "nonnegative integers)"))
    return 0
