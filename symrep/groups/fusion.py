"""Class fusion of a subgroup into a group, for restriction and induction of class functions.

A fusion map sends each conjugacy class of the subgroup H to the class of G containing it. It is
computed, never assumed:

* both groups given by permutation generators (generic tables): every generator of H must be an
  element of G (checked), and the class of each H representative is looked up in G;
* named tables: ``S_k`` in ``S_n`` and ``B_n``, ``B_k`` in ``B_n`` (k <= n, on the first k points; a
  permutation is a signed permutation with no sign changes), and a group in itself; other named pairs
  are refused with a message saying how to proceed.

Examples
--------
>>> from symrep.groups.tables import hyperoctahedral_table, symmetric_table
>>> from symrep.groups.fusion import fusion_map
>>> fusion_map(hyperoctahedral_table(2), symmetric_table(2))
[0, 1]
"""

import re

from symrep.errors import InputError

__all__ = ["fusion_map"]


def fusion_map(table, subtable, group=None, subgroup=None):
    """For each class of ``subtable`` (a subgroup H), the index of the class of ``table`` (G) containing it.

    Parameters
    ----------
    table, subtable : CharacterTable
        Tables of G and H. Generic tables (built from permutation generators) carry class
        representatives; named tables are recognised by name.
    group, subgroup : sympy.combinatorics.PermutationGroup, optional
        The permutation groups of generic tables; ``subgroup``'s generators are checked to lie in
        ``group``.

    Returns
    -------
    list of int
        ``fusion[j]``: the index in ``table`` of the class containing class ``j`` of ``subtable``.

    Raises
    ------
    InputError
        If H is not a subgroup of G, or no fusion is known for the two named tables.

    Examples
    --------
    >>> from symrep.groups.dixon import generic_character_table
    >>> from symrep.groups.permutation_input import parse_generators
    >>> G, H = parse_generators("(1,2,3,4),(1,2)"), parse_generators("(1,2,3)")
    >>> fusion_map(generic_character_table(G), generic_character_table(H), G, H)
    [0, 3, 3]
    """
    if table.order % subtable.order:
        raise InputError(f"|{subtable.name}| = {subtable.order} does not divide |{table.name}| = {table.order}: "
                         "not a subgroup")
    generic = hasattr(table, "representatives") and hasattr(subtable, "representatives")
    if generic and group is not None and subgroup is not None:
        return _permutation_fusion(table, subtable, group, subgroup)
    if table.name == subtable.name:
        return list(range(len(table)))
    big, small = re.fullmatch(r"([BS])(\d+)", table.name), re.fullmatch(r"([BS])(\d+)", subtable.name)
    if big and small and int(small.group(2)) <= int(big.group(2)) and (big.group(1), small.group(1)) != ("S", "B"):
        return [table.class_index(_embedded(label, small.group(1), big.group(1), int(big.group(2)) - int(small.group(2))))
                for label in subtable.classes]
    raise InputError(f"no class fusion of {subtable.name} into {table.name} is known: named tables fuse S_k and B_k "
                     "into S_n and B_n (k <= n, on the first k points); give both groups by generators in cycle "
                     "notation to have the fusion computed")


def _embedded(label, small, big, extra):
    """The class of ``big``_n containing the ``small``_k class ``label``, for the embedding on the first k
    points: ``extra = n - k`` fixed points become 1-cycles (positive ones in B_n)."""
    positive, negative = (label, ()) if small == "S" else label
    positive = tuple(sorted(positive + (1,) * extra, reverse=True))
    return positive if big == "S" else (positive, tuple(negative))


def _permutation_fusion(table, subtable, group, subgroup):
    from sympy.combinatorics import Permutation

    degree = group.degree
    if subgroup.degree > degree:
        raise InputError(f"{subtable.name} moves points beyond the {degree} points of {table.name}: not a subgroup")

    def padded(g):
        return Permutation(list(g.array_form) + list(range(g.size, degree)))

    for g in subgroup.generators:
        if not group.contains(padded(g)):
            raise InputError(f"{subtable.name} is not a subgroup of {table.name}: the generator "
                             f"{_cycles(g)} is not an element of it")
    index = {label: k for k, label in enumerate(table.classes)}
    return [index[table.class_of(padded(rep))] for rep in subtable.representatives]


def _cycles(g):
    cycles = [c for c in g.cyclic_form]
    return "".join("(" + ",".join(str(p + 1) for p in c) + ")" for c in cycles) or "()"
