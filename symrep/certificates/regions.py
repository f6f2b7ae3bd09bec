"""Regions of parameter space for the checker: boxes read from text, written back, and made active.

A region is a box: each parameter lies in an interval whose ends are rationals or infinite, each
end open or closed. It is read from text such as ``(0 < a) & (a <= 1)`` (comparisons between one
parameter and a rational number, chained or joined by ``&``; ``True`` for no condition), and
written back in that form. While a parametric certificate is checked, :func:`region_scope` makes its
parameters readable in expressions and its box the region on which signs are proved
(:mod:`~symrep.certificates.parametric`).

Examples
--------
>>> import sympy
>>> from symrep.certificates.regions import read_region, region_text, signed_symbols
>>> a = sympy.Symbol("a", real=True)
>>> box = read_region("0 < a <= 1", {"a": a})
>>> region_text(box), signed_symbols(box)[a].is_positive
('(0 < a) & (a <= 1)', True)
"""

import ast
import contextlib
import contextvars
import re
from dataclasses import dataclass

import sympy

from .claims import PARAMETRIC_CLAIMS
from .reading import FUNCTIONS, PARAMETERS, CheckError, decimal, get

__all__ = ["Interval", "read_region", "region_text", "sample_point", "signed_symbols", "region_scope", "active_region",
           "certificate_region", "MAX_PARAMETERS"]

#: Most parameters a region may have.
MAX_PARAMETERS = 2
_RELATIONS = {ast.Lt: "<", ast.LtE: "<=", ast.Gt: ">", ast.GtE: ">="}
_REGION = contextvars.ContextVar("symrep_checker_region", default=None)
_FLIP = {"<": ">", "<=": ">=", ">": "<", ">=": "<="}


@dataclass(frozen=True)
class Interval:
    """``lo < p < hi`` with each end a SymPy Rational or infinite, and closed where flagged."""

    lo: object = -sympy.oo
    hi: object = sympy.oo
    lo_closed: bool = False
    hi_closed: bool = False

    def is_empty(self):
        return self.lo > self.hi or (self.lo == self.hi and not (self.lo_closed and self.hi_closed))

    def meet(self, other):
        lo, lo_closed = max((self.lo, not self.lo_closed), (other.lo, not other.lo_closed))
        hi, hi_closed = min((self.hi, self.hi_closed), (other.hi, other.hi_closed))
        return Interval(lo, hi, not lo_closed, hi_closed)

    def bounded(self):
        return self.lo.is_finite and self.hi.is_finite


def _number(node, text, source):
    """A rational from a literal, a unary minus, or a quotient of literals (``-3/2``); ``source`` is the
    conjunct the node was parsed from (for the literal as written)."""
    if isinstance(node, ast.UnaryOp) and isinstance(node.op, (ast.USub, ast.UAdd)):
        value = _number(node.operand, text, source)
        return -value if isinstance(node.op, ast.USub) else value
    if isinstance(node, ast.BinOp) and isinstance(node.op, ast.Div):
        den = _number(node.right, text, source)
        if den == 0:
            raise CheckError(f"region {text!r}: division by 0")
        return _number(node.left, text, source) / den
    if isinstance(node, ast.Constant) and type(node.value) is int:
        if abs(node.value) > 10**30:
            raise CheckError(f"region {text!r}: number too large")
        return sympy.Integer(node.value)
    if isinstance(node, ast.Constant) and type(node.value) is float:  # exactly as written, not as a float
        value = decimal(ast.get_source_segment(source, node), f"region {text!r}")
        if abs(float(value) - node.value) > 1e-9 * max(1.0, abs(node.value)):  # the text read is the literal parsed
            raise CheckError(f"region {text!r}: the decimal {node.value!r} was read as {value}")
        if abs(value) > 10**30:
            raise CheckError(f"region {text!r}: number too large")
        return value
    raise CheckError(f"region {text!r}: expected a rational number, got {ast.dump(node)[:60]}")


def _atoms(node, text):
    if isinstance(node, ast.BinOp) and isinstance(node.op, ast.BitAnd):
        return _atoms(node.left, text) + _atoms(node.right, text)
    if isinstance(node, ast.BoolOp) and isinstance(node.op, ast.And):
        return [atom for value in node.values for atom in _atoms(value, text)]
    if isinstance(node, ast.Compare):
        terms = [node.left] + list(node.comparators)
        out = []
        for left, op, right in zip(terms, node.ops, terms[1:]):
            if isinstance(op, ast.Eq):  # a = 1/4: the single point, as two bounds
                out += [(left, "<=", right), (left, ">=", right)]
                continue
            if type(op) not in _RELATIONS:
                raise CheckError(f"region {text!r}: only < <= > >= = compare a parameter with a number")
            out.append((left, _RELATIONS[type(op)], right))
        return out
    raise CheckError(f"region {text!r}: a region is a conjunction (&) of comparisons like 0 < a <= 1")


def _negated_name(node):
    return isinstance(node, ast.UnaryOp) and isinstance(node.op, ast.USub) and isinstance(node.operand, ast.Name)


def _negated(node):
    """``-node`` as a tree: a negated name loses its minus, anything else gains one."""
    return node.operand if _negated_name(node) else ast.UnaryOp(op=ast.USub(), operand=node)


def read_region(text, parameters):
    """The box ``{name: Interval}`` (keyed by the parameter's symbol) that ``text`` describes.

    ``parameters`` maps each allowed name to its symbol; every one of them gets an interval
    (the whole line if the text does not bound it). An empty box is a rejection.
    """
    if not isinstance(text, str) or len(text) > 1000:
        raise CheckError("a region must be text of at most 1000 characters")
    if len(parameters) > MAX_PARAMETERS:
        raise CheckError(f"{len(parameters)} parameters; at most {MAX_PARAMETERS} are supported")
    atoms = []
    # & binds tighter than < in Python's grammar: read each conjunct on its own ("True": no condition)
    for part in [] if text.strip() == "True" else text.replace(" and ", "&").split("&"):
        try:
            # the source of every literal is this rewritten text: a decimal is read from its own positions
            # (reading it from the text as typed shifted "nu = 1.5" to ".5": found by an attack on the checker)
            source = re.sub(r"(?<![<>=!])=(?!=)", "==", part.strip())
            tree = ast.parse(source, mode="eval")
        except (SyntaxError, ValueError, RecursionError, MemoryError):
            raise CheckError(f"region {text!r} is not readable: write comparisons like 0 < a <= 1 joined by &") from None
        atoms += [(left, relation, right, source) for left, relation, right in _atoms(tree.body, text)]
    box = {symbol: Interval() for symbol in parameters.values()}
    for left, relation, right, source in atoms:
        if _negated_name(left) or _negated_name(right):  # -a < 0 reads as 0 < a
            left, right = _negated(right), _negated(left)
        if isinstance(left, ast.Name) and not isinstance(right, ast.Name):
            name, value = left.id, _number(right, text, source)
        elif isinstance(right, ast.Name) and not isinstance(left, ast.Name):
            name, value, relation = right.id, _number(left, text, source), _FLIP[relation]
        else:
            raise CheckError(f"region {text!r}: each comparison needs one parameter and one number")
        if name not in parameters:
            raise CheckError(f"region {text!r}: {name!r} is not a parameter of the function")
        symbol = parameters[name]
        bound = (Interval(value, sympy.oo, relation == ">=", False) if relation in (">", ">=")
                 else Interval(-sympy.oo, value, False, relation == "<="))
        box[symbol] = box[symbol].meet(bound)
    for symbol, interval in box.items():
        if interval.is_empty():
            raise CheckError(f"region {text!r} is empty: no value of {symbol} satisfies it")
    return box


def region_text(box):
    """The canonical text of a box: ``(lo < p) & (p <= hi)``, parameters in name order."""
    parts = []
    for symbol in sorted(box, key=str):
        interval = box[symbol]
        if interval.lo.is_finite:
            parts.append(f"({interval.lo} {'<=' if interval.lo_closed else '<'} {symbol})")
        if interval.hi.is_finite:
            parts.append(f"({symbol} {'<=' if interval.hi_closed else '<'} {interval.hi})")
    return " & ".join(parts) if parts else "True"


def sample_point(interval):
    """A rational point inside the interval (its interior where it has one)."""
    lo, hi = interval.lo, interval.hi
    if lo.is_finite and hi.is_finite:
        return (lo + hi) / 2  # lo itself for a single point
    if lo.is_finite:
        return lo + 1
    if hi.is_finite:
        return hi - 1
    return sympy.Integer(0)


def signed_symbols(box):
    """``{symbol: symbol of the same name with the sign its interval implies}`` (positive, nonnegative,
    negative, nonpositive, or only real): what lets SymPy read ``0**a`` as 0 where ``a > 0``."""
    out = {}
    for symbol, interval in box.items():
        flags = {}
        if interval.lo >= 0:
            flags = {"positive": True} if interval.lo > 0 or not interval.lo_closed else {"nonnegative": True}
        elif interval.hi <= 0:
            flags = {"negative": True} if interval.hi < 0 or not interval.hi_closed else {"nonpositive": True}
        out[symbol] = sympy.Symbol(symbol.name, real=True, **flags)
    return out


@contextlib.contextmanager
def region_scope(box):
    """Within the block, parameters parse as the box's symbols and signs are proved on the box."""
    names = {symbol.name: symbol for symbol in box}
    tokens = _REGION.set(box), PARAMETERS.set(names)
    try:
        yield box
    finally:
        _REGION.reset(tokens[0])
        PARAMETERS.reset(tokens[1])


def active_region():
    """The box of the certificate being checked, or None outside a parametric check."""
    return _REGION.get()


def certificate_region(cert, claim):
    """The box of parameter values the certificate speaks of (empty when the function has none).

    Every name in the function other than ``x``, ``pi``, ``E`` and the functions is a parameter; a
    certificate with parameters must state their region in ``assume``, and then proves its verdict
    for every point of it (each sign and inequality is proved on the whole box)."""
    text = get(cert, "function", "str", "certificate")
    try:
        tree = ast.parse(text.replace("^", "**"), mode="eval") if len(text) <= 4000 else None
    except (SyntaxError, ValueError, RecursionError, MemoryError):
        raise CheckError(f"function: cannot parse {text[:80]!r}") from None
    called = {n.func.id for n in ast.walk(tree) if isinstance(n, ast.Call) and isinstance(n.func, ast.Name)} \
        if tree else set()
    names = sorted({n.id for n in ast.walk(tree) if isinstance(n, ast.Name)} - called - {"x", "pi", "E"}) \
        if tree else []
    if not names:
        if "assume" in cert:
            raise CheckError("the certificate states a region ('assume') but its function has no parameters")
        return {}
    bad = [n for n in names if n in ("t",) + tuple(FUNCTIONS) or n.startswith("_")]
    if bad:
        raise CheckError(f"{', '.join(bad)} cannot name a parameter")
    if claim not in PARAMETRIC_CLAIMS or claim in ("polynomial", "low-rank"):  # the kernel alone reads those
        raise CheckError(f"{claim} certificates take no parameters (the function has {', '.join(names)})")
    if "assume" not in cert:
        raise CheckError(f"the function has parameters ({', '.join(names)}): the certificate must state their "
                         f"region in 'assume'")
    box = read_region(get(cert, "assume", "str", "certificate"), {n: sympy.Symbol(n, real=True) for n in names})
    signed = signed_symbols(box)
    return {signed[symbol]: interval for symbol, interval in box.items()}
