"""The certificate checker's own reading of text and JSON: a strict grammar and exact types.

Nothing here executes text: expressions are parsed with :func:`ast.parse` and whitelisted node by
node. The grammar is deliberately independent of the prover's parser (``symrep.geometry.expressions``), so
that a bug there cannot make the checker see a different function.

Symbols: ``x`` is real where a claim concerns the real line or the value at 0, positive where a
statement concerns ``(0, oo)`` only (derivation nodes); ``t`` (densities) is positive.

Examples
--------
>>> from symrep.certificates.reading import parse, XR
>>> parse("Abs(x)", "f", symbol=XR)
Abs(x)
>>> parse("Abs(x)", "node expr")      # on (0, oo), |x| = x
x
"""

import ast
import contextvars
import re
from fractions import Fraction

import sympy

from .errors import CheckError, MalformedCertificate
from .fuel import charge

__all__ = ["CheckError", "MalformedCertificate", "parse", "number", "get", "exact_int",
           "XR", "XP", "XN", "T", "FUNCTIONS", "PARAMETERS", "constant", "decimal"]

XR = sympy.Symbol("x", real=True)
XP = sympy.Symbol("x", positive=True)
XN = sympy.Symbol("x", negative=True)
T = sympy.Symbol("t", positive=True)
#: The parameters of the certificate being checked (name -> symbol); set by
#: :func:`symrep.certificates.parametric.region_scope`, empty otherwise.
PARAMETERS = contextvars.ContextVar("symrep_checker_parameters", default={})
MAX_TEXT, MAX_SYNTAX_NODES, MAX_DEPTH = 4000, 600, 80

FUNCTIONS = {"exp": sympy.exp, "log": sympy.log, "sqrt": sympy.sqrt, "sin": sympy.sin, "cos": sympy.cos,
             "tan": sympy.tan, "sinh": sympy.sinh, "cosh": sympy.cosh, "tanh": sympy.tanh, "sech": sympy.sech,
             "csch": sympy.csch,
             "coth": sympy.coth, "atan": sympy.atan,
             "asinh": sympy.asinh, "erf": sympy.erf, "erfc": sympy.erfc, "gamma": sympy.gamma, "Abs": sympy.Abs,
             "besselk": sympy.besselk, "besseli": sympy.besseli, "cbrt": sympy.cbrt, "sinc": sympy.sinc, "Heaviside": sympy.Heaviside,
             "Max": sympy.Max, "Min": sympy.Min, "sign": sympy.sign, "polygamma": sympy.polygamma}
_ARITY = {"besselk": (2,), "besseli": (2,), "polygamma": (2,), "Max": range(2, 9), "Min": range(2, 9)}


def parse(text, where, variable="x", symbol=None, size=1):
    """Parse restricted expression text in one variable (``x`` or ``t``, or ``"x,t"`` for both);
    never executes it.

    ``symbol`` is the SymPy symbol the variable becomes; by default ``x`` is positive (a statement
    on ``(0, oo)``) and ``t`` is positive. ``size`` multiplies the limits on length and syntax nodes
    (antiderivatives are long).
    """
    if type(text) is not str or not text.strip() or len(text) > MAX_TEXT * size:
        raise CheckError(f"{where}: expected expression text of at most {MAX_TEXT * size} characters, got {text[:80]!r}")
    source = text.replace("^", "**")
    try:
        tree = ast.parse(source, mode="eval")
    except (SyntaxError, ValueError, RecursionError, MemoryError):
        raise CheckError(f"{where}: cannot parse {text!r}") from None
    nodes = sum(1 for _ in ast.walk(tree))
    charge(nodes, f"reading {where}")
    if nodes > MAX_SYNTAX_NODES * size:
        raise CheckError(f"{where}: expression {text[:40]!r} is too large")
    names = {"x": XP, "t": T} if variable == "x,t" else {variable: symbol or (XP if variable == "x" else T)}
    names = {**PARAMETERS.get(), **names}
    value = _build(tree.body, source, where, 0, names)
    if value.has(sympy.nan, sympy.zoo, sympy.oo, -sympy.oo, sympy.AccumBounds):
        raise CheckError(f"{where}: {text!r} is undefined (it evaluates to {value})")
    if value.has(sympy.I):  # sqrt(-1): every statement here is about real functions and numbers
        raise CheckError(f"{where}: {text!r} involves the imaginary unit ({value}); certificates are real")
    return value


def _build(node, text, where, depth, variable):
    if depth > MAX_DEPTH:
        raise CheckError(f"{where}: expression {text[:40]!r} is nested too deeply")
    if isinstance(node, ast.Constant) and type(node.value) is int:
        if abs(node.value) > 10**400:
            raise CheckError(f"{where}: integer too large in {text!r}")
        return sympy.Integer(node.value)
    if isinstance(node, ast.Constant) and type(node.value) is float:
        return decimal(ast.get_source_segment(text, node), where)
    if isinstance(node, ast.Name):
        names = {**variable, "pi": sympy.pi, "E": sympy.E, "EulerGamma": sympy.EulerGamma}
        if node.id not in names:
            raise CheckError(f"{where}: unknown name {node.id!r} in {text!r}")
        return names[node.id]
    if isinstance(node, ast.UnaryOp) and isinstance(node.op, (ast.USub, ast.UAdd)):
        v = _build(node.operand, text, where, depth + 1, variable)
        return -v if isinstance(node.op, ast.USub) else v
    if isinstance(node, ast.BinOp) and isinstance(node.op, (ast.Add, ast.Sub, ast.Mult, ast.Div, ast.Pow)):
        a, b = (_build(side, text, where, depth + 1, variable) for side in (node.left, node.right))
        if isinstance(node.op, ast.Pow):
            if b.is_Number and abs(b) > 2000 or (a.is_Number and b.is_Number and abs(b) * 64 > 20000):
                raise CheckError(f"{where}: power too large in {text!r}")
            return a**b
        return {ast.Add: a + b, ast.Sub: a - b, ast.Mult: a * b}.get(type(node.op)) if not isinstance(
            node.op, ast.Div) else a / b
    if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id in FUNCTIONS \
            and not node.keywords:
        if len(node.args) not in _ARITY.get(node.func.id, (1,)):
            raise CheckError(f"{where}: {node.func.id} takes {_ARITY.get(node.func.id, (1,))[0]} argument(s) in {text!r}")
        args = [_build(a, text, where, depth + 1, variable) for a in node.args]
        if node.func.id in ("sign", "Heaviside"):
            _decided_jump(args[0], node.func.id, where, text)
        return FUNCTIONS[node.func.id](*args)
    raise CheckError(f"{where}: {type(node).__name__} is not allowed in {text!r}")


def number(text, where):
    """A closed real number in the grammar (no variable)."""
    value = parse(text, where)
    if value.free_symbols:
        raise CheckError(f"{where}: expected a number, got {text!r}")
    return value


_DECIMAL = re.compile(r"(\d*\.?\d*)(?:[eE]([+-]?\d{1,4}))?")


def decimal(literal, where):
    """The exact rational a decimal literal *as written* denotes: ``1.00000000000000001`` is not 1 and
    ``1e-400`` is not 0 (a float would round both). Exponents beyond +-400 are refused."""
    match = _DECIMAL.fullmatch((literal or "").replace("_", ""))
    if not match or not match.group(1).strip("."):
        raise CheckError(f"{where}: cannot read the number {literal!r}")
    if match.group(2) and abs(int(match.group(2))) > 400:
        raise CheckError(f"{where}: the exponent of {literal!r} is beyond 400")
    value = Fraction(match.group(0).replace("_", ""))
    return sympy.Rational(value.numerator, value.denominator)


def constant(text, where):
    """A closed real number, or an expression in the parameters of the certificate being checked (no
    variable): a rule's parameter such as the ``s`` of ``x^s``."""
    value = parse(text, where)
    if not value.free_symbols <= set(PARAMETERS.get().values()):
        raise CheckError(f"{where}: expected a number or an expression in the parameters, got {text!r}")
    return value


def _decided_jump(argument, name, where, text):
    """A jump function of a number needs that number's sign proved (an exact 0, or nonzero in ball
    arithmetic): SymPy decides ``sign(z^2 + z^4)`` = 1 for ``z = atan(2) + atan(1/2) - pi/2``, which is 0
    (found by an attack on the checker)."""
    if argument == 0 or argument.is_Rational:
        return
    if argument.free_symbols:  # SymPy may still decide it, from what it assumes of the constants inside
        decided = not isinstance(FUNCTIONS[name](argument), FUNCTIONS[name])
        if decided and any(part.is_number and not part.is_Rational for part in sympy.preorder_traversal(argument)):
            raise CheckError(f"{where}: SymPy decides {name}({argument}) from assumptions about the constants in "
                             f"it, which are not proved, in {text!r}")
        return
    from .balls import sign

    sign(argument, f"{where}: the argument of {name} in {text!r}", 0)


def exact_int(value):
    """JSON integers only: ``true`` and ``1.0`` are not ``1``."""
    return type(value) is int


def get(data, key, kind, where):
    """``data[key]`` of the exact JSON type ``kind`` (int, list, str, dict)."""
    if type(data) is not dict or key not in data:
        raise CheckError(f"{where}: missing {key!r}")
    value = data[key]
    if type(value) is not {"int": int, "list": list, "str": str, "dict": dict}[kind]:
        article = "an" if kind == "int" else "a"
        raise CheckError(f"{where}: {key!r} must be {article} {kind}, got {value!r}")
    return value
