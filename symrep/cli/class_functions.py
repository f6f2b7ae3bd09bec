"""``symrep decompose --table NAME --character EXPR``: a class function written in the irreducibles
(tensor products, symmetric and exterior powers; :mod:`symrep.groups.character_expressions`),
decomposed into irreducibles as GAP's ``Decomposition`` does.

Examples
--------
>>> from symrep.cli.app import main
>>> main(["decompose", "--table", "B3", "--character", "alt(3, chi4)"])  # doctest: +NORMALIZE_WHITESPACE
B3 (order 48): alt(3, chi4) has degree 1 and values [1, -1, 1, -1, 1, 1, 1, -1, -1, -1]
  X[[-|1,1,1]]
0
"""

import json

from symrep.cli.output import emit
from symrep.errors import InputError

__all__ = ["run_character_decomposition"]


def run_character_decomposition(args):
    from symrep.groups.character_expressions import character_from_text
    from symrep.groups.tables import table_from_name

    if args.character is None:
        raise InputError('--table needs --character, e.g. --character "sym(2, chi4)"; the irreducibles are listed '
                         'by symrep table NAME')
    table = table_from_name(args.table)
    character = character_from_text(table, args.character)
    decomposition = character.decompose()
    values = [int(v) if isinstance(v, int) else str(v) for v in character.values]
    if args.format == "json":
        emit(args, json.dumps({"group": table.name, "order": table.order, "character": args.character,
                               "degree": str(character.degree), "values": values,
                               "is_character": decomposition.is_character,
                               "constituents": decomposition.to_list()}))
    elif args.format in ("latex", "pdf"):
        raise InputError("--table decompositions print as text or json")
    else:
        emit(args, f"{table.name} (order {table.order}): {args.character} has degree {character.degree} and values "
                   f"{values}\n  {decomposition}" + ("" if decomposition.is_character else
                                                      "\n  (not a character: some multiplicities are not "
                                                      "nonnegative integers)"))
    return 0
