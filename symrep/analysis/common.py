"""What the prover's searches share: the symbols, the sample points, exact helpers, node builders.

``x`` is positive here: every search works on ``(0, oo)`` or on a half-line, and the value at 0
comes separately from the function as written (see :mod:`symrep.analysis.verdicts`).
"""

import sympy

from symrep.analysis.balls import prove_sign
from symrep.analysis.parameters import proved_on_region
from symrep.certificates.reading import XR
from symrep.geometry.expressions import expression_text

__all__ = []

X, T = sympy.Symbol("x", positive=True), sympy.Symbol("t", positive=True)
GRID = [sympy.Rational(n, d) for n, d in ((1, 2), (1, 1), (1, 4), (3, 4), (3, 2), (2, 1), (1, 8), (3, 1), (4, 1))]
POINTS = [sympy.Rational(1, 2), sympy.Integer(1), sympy.Integer(2), sympy.Rational(1, 4), sympy.Integer(4),
          sympy.Rational(1, 8), sympy.Integer(8), sympy.Rational(3, 2)]


def _t(e):
    """Certificate text of an expression in the positive symbol x (or a number)."""
    return expression_text(sympy.sympify(e).xreplace({X: XR, sympy.Symbol("x", negative=True): XR}))



def _n(cls, expr, rule, params, children=()):
    node = {"class": cls, "expr": _t(expr), "rule": rule, "params": params}
    if children:
        node["children"] = list(children)
    return node

def _simplify_sqrt(f):
    return sympy.powdenest(sympy.expand_power_base(f.subs(X, sympy.sqrt(X)), force=True), force=True)


def _numeric(value):
    try:
        v = complex(sympy.N(value, 30))
    except (TypeError, ValueError):
        return float("nan")
    return v.real if abs(v.imag) < 1e-20 else float("nan")


def _nonneg(value):
    value = sympy.sympify(value)
    if value.free_symbols:  # parameters: proved for the whole active region, or not at all
        return proved_on_region(value, ">=")
    return value == 0 or _proved_positive(value)


def _proved_positive(value):
    value = sympy.sympify(value)
    if value.free_symbols:
        return proved_on_region(value, ">")
    if value.is_Rational:
        return value > 0
    proof = prove_sign(value, max_precision=1024)
    return proof is not None and proof.sign > 0


def _provably_nonzero(value):
    if value.free_symbols or value.has(sympy.nan, sympy.zoo):
        return False
    return value != 0 and prove_sign(value, max_precision=1024) is not None


def _as_polynomial(e, var):
    """``e`` as a Poly in ``var`` with constant coefficients, or None."""
    try:
        poly = sympy.Poly(sympy.expand(e), var)
    except sympy.PolynomialError:
        return None
    return poly if all(not c.has(var) for c in poly.all_coeffs()) and poly.gens == (var,) else None


def _limit_from_right(f):
    try:
        value = sympy.limit(f, X, 0, "+")
    except Exception:
        return None
    return value if value.is_extended_real and value.is_finite else None


