"""Parameter regions read by the kernel: a box of spans with rational or infinite ends.

The text is a conjunction (``&``) of comparisons between one parameter and a rational number
(``0 < a <= 1``, ``(nu = 1/4)``, ``-a < 0``), ``True`` for none; it is parsed with ``ast`` and
whitelisted, decimals read exactly. Every parameter of the function gets a span (the whole line if
the text does not bound it); an empty box is a rejection.

Examples
--------
>>> from symrep.certificates.rules.regions import read_region
>>> box = read_region("(0 < a) & (a <= 1)", ("a",))
>>> box["a"]
Span(lo=Fraction(0, 1), hi=Fraction(1, 1), lo_closed=False, hi_closed=True)
"""

import ast
import re

from ..domains import Span
from ..errors import CheckError
from ..grammar import read

__all__ = ["read_region", "MAX_PARAMETERS"]

MAX_PARAMETERS = 2
_RELATIONS = {ast.Lt: "<", ast.LtE: "<=", ast.Gt: ">", ast.GtE: ">="}
_FLIP = {"<": ">", "<=": ">=", ">": "<", ">=": "<="}


def _number(node, text, source_text):
    """The rational a node denotes, read from its own text as written (``1.00000000000000001`` is not 1: an
    earlier reader took the float Python parsed, found by an attack on the checker)."""
    source = ast.get_source_segment(source_text, node)
    if source is None:
        raise CheckError(f"region {text!r}: cannot read a number")
    value = read(source, f"region {text!r}", variables=())
    if value.op != "num" or abs(value.value) > 10**30:
        raise CheckError(f"region {text!r}: expected a rational number, got {source!r}")
    return value.value


def _meet(span, relation, value):
    lo, hi, lo_closed, hi_closed = span.lo, span.hi, span.lo_closed, span.hi_closed
    if relation in (">", ">="):
        closed = relation == ">="
        if lo is None or value > lo or (value == lo and not closed):
            lo, lo_closed = value, closed
    else:
        closed = relation == "<="
        if hi is None or value < hi or (value == hi and not closed):
            hi, hi_closed = value, closed
    return Span(lo, hi, lo_closed, hi_closed)


def _side(node):
    """("name", name, +1 or -1) for ``a`` or ``-a``; None for anything else."""
    if isinstance(node, ast.Name):
        return node.id, 1
    if isinstance(node, ast.UnaryOp) and isinstance(node.op, ast.USub) and isinstance(node.operand, ast.Name):
        return node.operand.id, -1
    return None


def _atom(left, relation, right, text, source):
    """``(name, value, relation)`` meaning ``name relation value``, from one comparison."""
    named_left, named_right = _side(left), _side(right)
    if named_left and not named_right:
        (name, sign), value = named_left, _number(right, text, source)
    elif named_right and not named_left:
        (name, sign), value, relation = named_right, _number(left, text, source), _FLIP[relation]
    else:
        raise CheckError(f"region {text!r}: each comparison needs one parameter and one number")
    return (name, value, relation) if sign > 0 else (name, -value, _FLIP[relation])


def read_region(text, parameters):
    """``{name: Span}`` for every name in ``parameters``, from the region's text."""
    if type(text) is not str or len(text) > 1000:
        raise CheckError("a region must be text of at most 1000 characters")
    if len(parameters) > MAX_PARAMETERS:
        raise CheckError(f"{len(parameters)} parameters; at most {MAX_PARAMETERS} are supported")
    box = {name: Span(None, None, False, False) for name in parameters}
    parts = [] if text.strip() == "True" else text.replace(" and ", "&").split("&")
    for part in parts:
        source = re.sub(r"(?<![<>=!])=(?!=)", "==", part.strip())
        try:
            tree = ast.parse(source, mode="eval").body
        except (SyntaxError, ValueError, RecursionError, MemoryError):
            raise CheckError(f"region {text!r} is not readable: write comparisons like 0 < a <= 1 joined by &") from None
        if not isinstance(tree, ast.Compare):
            raise CheckError(f"region {text!r}: a region is a conjunction (&) of comparisons like 0 < a <= 1")
        sides = [tree.left] + list(tree.comparators)
        for left, op, right in zip(sides, tree.ops, sides[1:]):
            relations = ["<=", ">="] if isinstance(op, ast.Eq) else [_RELATIONS.get(type(op))]
            if relations[0] is None:
                raise CheckError(f"region {text!r}: only < <= > >= = compare a parameter with a number")
            for relation in relations:
                name, value, relation = _atom(left, relation, right, text, source)
                if name not in box:
                    raise CheckError(f"region {text!r}: {name!r} is not a parameter of the function")
                box[name] = _meet(box[name], relation, value)
    for name, span in box.items():
        if span.lo is not None and span.hi is not None and (span.lo > span.hi or (
                span.lo == span.hi and not (span.lo_closed and span.hi_closed))):
            raise CheckError(f"region {text!r} is empty: no value of {name} satisfies it")
    return box

