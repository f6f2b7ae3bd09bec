"""The kernel's reader: certificate text to :class:`~symrep.certificates.terms.Term`, never executed.

The text is parsed by Python's ``ast`` module and every node is whitelisted; the grammar and the
conventions are those of :mod:`~symrep.certificates.terms`. Anything outside them is a
:class:`~symrep.certificates.errors.CheckError` that quotes the text.

Examples
--------
>>> from symrep.certificates.grammar import read
>>> read("x/2", "f")
Term('*', (Term('var', ('x',)), Term('^', (Term('num', (Fraction(2, 1),)), Term('num', (Fraction(-1, 1),))))))
>>> read("x.__class__", "f")
Traceback (most recent call last):
...
symrep.certificates.errors.CheckError: f: Attribute is not allowed in "x.__class__"
"""

import ast
import re
from fractions import Fraction

from .errors import CheckError
from .fuel import charge
from .terms import CONSTANTS, FUNCTIONS, MAX_DEPTH, MAX_EXPONENT, MAX_NODES, MAX_TEXT, Term, add, const, mul, negative, num, power, var

__all__ = ["read", "MAX_INTEGER_DIGITS"]

MAX_INTEGER_DIGITS = 400
_SUGAR = {"sqrt": Fraction(1, 2), "cbrt": Fraction(1, 3)}
_RESERVED = set(FUNCTIONS) | set(_SUGAR) | set(CONSTANTS)
_NAME = re.compile(r"[A-Za-z][A-Za-z0-9_]{0,30}")


def read(source, where, variables=("x",), parameters=()):
    """Parse ``source`` into a term; ``variables`` and ``parameters`` are the names it may use.

    Raises :class:`~symrep.certificates.errors.CheckError` naming the offending text for anything outside
    the grammar or the limits; nothing in the text is executed.
    """
    if type(source) is not str or not source.strip():
        raise CheckError(f"{where}: expected expression text, got {str(source)[:80]!r}")
    if len(source) > MAX_TEXT:
        raise CheckError(f"{where}: the expression has {len(source)} characters; the limit is {MAX_TEXT}")
    python = source.replace("^", "**")
    try:
        tree = ast.parse(python, mode="eval")
    except (SyntaxError, ValueError, RecursionError, MemoryError):
        raise CheckError(f"{where}: cannot parse {_quote(source)}") from None
    nodes = sum(1 for _ in ast.walk(tree))
    charge(nodes, f"reading {where}")
    if nodes > MAX_NODES:
        raise CheckError(f"{where}: the expression has {nodes} syntax nodes; the limit is {MAX_NODES}")
    names = set(variables) | set(parameters)
    for name in names:
        if not _NAME.fullmatch(name) or name in _RESERVED:
            raise CheckError(f"{where}: {name!r} cannot name a variable or parameter")
    return _build(tree.body, _Reader(source, python, where, names), 0)


class _Reader:
    __slots__ = ("source", "python", "where", "names")

    def __init__(self, source, python, where, names):
        self.source, self.python, self.where, self.names = source, python, where, names

    def fail(self, message):
        raise CheckError(f"{self.where}: {message} in {_quote(self.source)}")


def _quote(source):
    shown = source if len(source) <= 120 else source[:100] + f" ... ({len(source)} characters)"
    return '"' + shown + '"' if '"' not in shown else repr(shown)


def _build(node, reader, depth):
    if depth > MAX_DEPTH:
        reader.fail(f"the expression is nested more than {MAX_DEPTH} deep")
    if isinstance(node, ast.Constant):
        if type(node.value) is int:
            if len(str(abs(node.value))) > MAX_INTEGER_DIGITS:
                reader.fail(f"an integer has more than {MAX_INTEGER_DIGITS} digits")
            return num(node.value)
        if type(node.value) is float:
            return num(_decimal(ast.get_source_segment(reader.python, node), node.value, reader))
        reader.fail(f"the literal {node.value!r} is not a number")
    if isinstance(node, ast.Name):
        if node.id in reader.names:
            return var(node.id)
        if node.id in CONSTANTS:
            return const(node.id)
        if node.id in _RESERVED:
            reader.fail(f"{node.id!r} is a function and needs an argument")
        reader.fail(f"unknown name {node.id!r}")
    if isinstance(node, ast.UnaryOp) and isinstance(node.op, (ast.USub, ast.UAdd)):
        inner = _build(node.operand, reader, depth + 1)
        return inner if isinstance(node.op, ast.UAdd) else negative(inner)
    if isinstance(node, ast.BinOp) and isinstance(node.op, (ast.Add, ast.Sub, ast.Mult, ast.Div, ast.Pow)):
        left, right = _build(node.left, reader, depth + 1), _build(node.right, reader, depth + 1)
        if isinstance(node.op, ast.Add):
            return add(left, right)
        if isinstance(node.op, ast.Sub):
            return add(left, negative(right))
        if isinstance(node.op, ast.Mult):
            return mul(left, right)
        if isinstance(node.op, ast.Div):
            if left.op == "num" and right.op == "num":  # p/q is the rational literal
                if right.value == 0:
                    reader.fail("division by the literal 0")
                return num(left.value / right.value)
            return mul(left, power(right, num(-1)))
        if right.op == "num" and abs(right.value) > MAX_EXPONENT:
            reader.fail(f"the exponent {right.value} is larger than {MAX_EXPONENT} in size")
        return power(left, right)
    if isinstance(node, ast.Call):
        if not isinstance(node.func, ast.Name):
            reader.fail("only named functions may be called")
        name = node.func.id
        if node.keywords or any(isinstance(a, ast.Starred) for a in node.args):
            reader.fail(f"{name} takes plain arguments")
        if name in _SUGAR:
            if len(node.args) != 1:
                reader.fail(f"{name} takes 1 argument")
            return power(_build(node.args[0], reader, depth + 1), num(_SUGAR[name]))
        if name not in FUNCTIONS:
            reader.fail(f"{name!r} is not a function of the grammar")
        if name in ("Max", "Min") and 2 <= len(node.args) <= 16:  # Max(a, b, c) = Max(Max(a, b), c)
            out = _build(node.args[0], reader, depth + 1)
            for a in node.args[1:]:
                out = Term(name, (out, _build(a, reader, depth + 1)))
            return out
        if len(node.args) != FUNCTIONS[name]:
            reader.fail(f"{name} takes {FUNCTIONS[name]} argument(s), got {len(node.args)}")
        return Term(name, tuple(_build(a, reader, depth + 1) for a in node.args))
    reader.fail(f"{type(node).__name__} is not allowed")


_DECIMAL = re.compile(r"(\d*\.?\d*)(?:[eE]([+-]?\d{1,4}))?")


def _decimal(literal, parsed, reader):
    """The exact rational a decimal literal denotes *as written* (``1e-400`` is not 0, ``0.1`` is 1/10),
    compared with the literal Python's parser saw, so that no shifted text is read."""
    match = _DECIMAL.fullmatch((literal or "").replace("_", ""))
    if not match or not match.group(1).strip("."):
        reader.fail(f"cannot read the number {literal!r}")
    if match.group(2) and abs(int(match.group(2))) > 400:
        reader.fail(f"the exponent of {literal!r} is beyond 400")
    value = Fraction(match.group(0).replace("_", ""))
    if parsed != float(value):
        reader.fail(f"the decimal {literal!r} does not read as the literal {parsed!r}")
    return value
