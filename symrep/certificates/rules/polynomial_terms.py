"""Polynomials with constant coefficients as a non-polynomial proof writes them, on the kernel: a list of numbers
(text, lowest degree first), read as rationals (:func:`rationals`) or as closed constant terms whose leading one is
proved nonzero (:func:`constants`), and the term ``sum_j c_j x^j`` (:func:`poly_term`).

Examples
--------
>>> from symrep.certificates.rules.polynomial_terms import poly_term, rationals
>>> from symrep.certificates.terms import text
>>> text(poly_term(rationals(["1", "0", "2", "0"], "p")))
'1*x^0 + 2*x^2'
"""

from fractions import Fraction

from ..enclosures import sign_at
from ..errors import CheckError
from ..grammar import read
from ..terms import ZERO, add, mul, num, power, var

__all__ = ["rationals", "constants", "poly_term", "MAX_DEGREE"]

MAX_DEGREE = 40
X = var("x")


def rationals(values, where):
    if type(values) is not list or not 1 <= len(values) <= MAX_DEGREE + 1 or any(type(v) is not str for v in values):
        raise CheckError(f"{where}: expected a list of 1 to {MAX_DEGREE + 1} numbers")
    out = [read(v, where, variables=()) for v in values]
    if any(v.op != "num" for v in out):
        raise CheckError(f"{where}: the kernel reads rational coefficients here")
    coefficients = [v.value for v in out]
    while len(coefficients) > 1 and coefficients[-1] == 0:
        coefficients.pop()
    return coefficients


def poly_term(coefficients):
    """sum_j c_j x^j of rationals or constant terms (lowest degree first)."""
    terms = [c if not isinstance(c, Fraction) else num(c) for c in coefficients]
    parts = [mul(c, power(X, num(j))) for j, c in enumerate(terms) if not (c.op == "num" and c.value == 0)]
    return add(*parts) if len(parts) > 1 else parts[0] if parts else ZERO


def constants(values, where):
    """A row of an ODE: constant terms, lowest degree first, trailing zeros dropped, its leading coefficient
    proved nonzero (so the row's degree is its true degree)."""
    if type(values) is not list or not 1 <= len(values) <= MAX_DEGREE + 1 or any(type(v) is not str for v in values):
        raise CheckError(f"{where}: expected a list of 1 to {MAX_DEGREE + 1} numbers")
    out = [read(v, where, variables=()) for v in values]
    while out and out[-1].op == "num" and out[-1].value == 0:
        out.pop()
    if out:
        sign_at(out[-1], f"{where}: the leading coefficient must be proved nonzero", 0)
    return out
