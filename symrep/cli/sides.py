"""Side lengths as the command line reads them (``--sides 1,1,2``, ``a:50``, ``1/2:3,2``).

Shared by :mod:`~symrep.cli.app` and :mod:`~symrep.cli.srank`, so that neither imports the other.

Examples
--------
>>> from symrep.cli.sides import parse_sides
>>> parse_sides("a:2,3/2")
[a, a, 3/2]
"""

from symrep.errors import SymrepError

__all__ = ["parse_sides", "MAX_SIDE_REPEAT"]

#: Largest repeat count accepted in ``VALUE:COUNT`` side notation.
MAX_SIDE_REPEAT = 10000


def parse_sides(text):
    """Parse ``"1,1,2"``, ``"a:50"`` or ``"1/2:3,2"`` into a list of side lengths.

    Examples
    --------
    >>> parse_sides("1/2:2,3")
    [1/2, 1/2, 3]
    """
    sides = []
    for item in _split_top_level(text):
        value, _, count = item.partition(":")
        n = 1
        if count:
            if not count.strip().isdigit() or not 1 <= int(count) <= MAX_SIDE_REPEAT:
                raise SymrepError(f"bad repeat count in side {item!r}: expected 1..{MAX_SIDE_REPEAT}")
            n = int(count)
        sides.extend([_parse_side(value)] * n)
    return sides


def _parse_side(value):
    from symrep.geometry.expressions import parse_side

    return parse_side(value)


def _split_top_level(text):
    parts, depth, current = [], 0, []
    for ch in text:
        depth += ch == "("
        depth -= ch == ")"
        if ch == "," and depth == 0:
            parts.append("".join(current))
            current = []
        else:
            current.append(ch)
    parts.append("".join(current))
    if any(not p.strip() for p in parts):
        raise SymrepError(f"empty side length in {text!r}")
    return parts
