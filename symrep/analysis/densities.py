"""The exact Laplace density route: a rational function with real poles ``<= 0`` and partial fractions of mixed
signs, ``f = c_0 + sum_k c_k (x + a_k)^(-j_k)``, is CM when its density
``rho(t) = sum_k c_k t^(j_k-1) e^(-a_k t)/(j_k-1)!`` is ``>= 0`` on ``(0, oo)`` (Bernstein's theorem, SSV Thm 1.4;
Widder, *The Laplace Transform*, Thm IV.12a). The kernel's ``cm-power-sum`` rule
(:mod:`symrep.certificates.rules.densities`) builds ``rho`` from the terms itself and proves its sign; this module
finds the terms (SymPy's partial fractions) and, where the proof needs them, the bounds ``[delta, T]`` of the
Taylor model at 0 and of the tail, by running the kernel's own proof on candidates.

Examples
--------
>>> import sympy
>>> from symrep.analysis.common import X
>>> node = power_sum_node(1/(X + 1) - 1/(X + 2) + 1/(X + 3))
>>> node["rule"], node["params"]["terms"]
('cm-power-sum', [['1', '1', '1'], ['-1', '2', '1'], ['1', '3', '1']])
>>> power_sum_node(1/(X + 1) - 1/(10*(X + 1)**2)) is None   # the density e^(-t) (1 - t/10) changes sign
True
"""

import math
from fractions import Fraction

import sympy

from symrep.analysis.common import X, _n, _t
from symrep.certificates.errors import CheckError
from symrep.certificates.fuel import tank
from symrep.certificates.rules.densities import MAX_POWER, MAX_TERMS, density_sign

__all__ = ["power_sum_node", "power_sum_terms", "partial_fractions"]

#: Fuel one trial of the kernel's sign proof may use while the prover looks for bounds.
TRIAL_FUEL = 60_000


def partial_fractions(e):
    """A rational function of ``x`` as its partial fractions over Q (``(1 + x)/(1 + 2x) = 1/2 + 1/(2 (2x + 1))``):
    each term ``c/(x + a)^k`` with ``c, a >= 0`` is CM (``cm-power``, scaled), and a sum of CM functions is CM; with
    some ``c < 0``, :func:`power_sum_node` proves the sum through its density."""
    if not e.is_rational_function(X) or sympy.degree(sympy.denom(sympy.cancel(e)), X) < 1:
        return e
    return sympy.apart(e, X)


def power_sum_terms(e):
    """``(c_0, [(c, a, j)])`` with ``e = c_0 + sum c (x + a)^(-j)``, rationals ``a >= 0`` and integers ``j >= 1``; None
    when ``e`` is not such a rational function (a pole off ``(-oo, 0]``, a complex pair, a polynomial part)."""
    if e.free_symbols != {X} or not e.is_rational_function(X):
        return None
    try:
        parts = sympy.Add.make_args(sympy.apart(sympy.cancel(e), X))
    except (sympy.PolynomialError, NotImplementedError):
        return None
    constant, terms = sympy.Integer(0), []
    for part in parts:
        if not part.has(X):
            constant += part
            continue
        numerator, denominator = sympy.fraction(sympy.together(part))
        if numerator.has(X) or not numerator.is_Rational:
            return None
        scale, factors = sympy.factor_list(denominator, X)
        if len(factors) != 1 or sympy.degree(factors[0][0], X) != 1:
            return None
        linear, j = factors[0]
        b, d = sympy.Poly(linear, X).all_coeffs()
        if not (b.is_Rational and d.is_Rational) or d / b < 0 or not 1 <= j <= MAX_POWER:
            return None
        terms.append((sympy.Rational(numerator / (scale * b**j)), sympy.Rational(d / b), int(j)))
    if not constant.is_Rational or constant < 0 or not 1 <= len(terms) <= MAX_TERMS:
        return None
    return constant, sorted(terms, key=lambda term: (term[1], term[2]))


def power_sum_node(e):
    """A ``cm-power-sum`` node proving ``e`` CM (with ``cm-const`` for a constant part, by ``sum``), or None when
    ``e`` is no such function, every coefficient is ``>= 0`` (the calculus proves it term by term), or the kernel
    does not prove the density ``>= 0``."""
    found = power_sum_terms(e)
    if found is None or all(c >= 0 for c, _, _ in found[1]):
        return None
    constant, terms = found
    exact = [(Fraction(int(c.p), int(c.q)), Fraction(int(a.p), int(a.q)), j) for c, a, j in terms]
    bounds = _bounds(exact)
    if bounds is None:
        return None
    rest = sum((c * (X + a) ** (-j) for c, a, j in terms), sympy.Integer(0))
    node = _n("CM", rest, "cm-power-sum", {"terms": [[_t(c), _t(a), str(j)] for c, a, j in terms], "bounds": bounds})
    if constant == 0:
        return node if rest == e else _n("CM", e, "rewrite", {}, [node])
    return _n("CM", e, "sum", {}, [_n("CM", constant, "cm-const", {"c": _t(constant)}), node])


def _bounds(terms):
    """The ``bounds`` under which the kernel proves the density ``>= 0`` (``[]`` where it needs none), or None."""
    for bounds in _candidates(terms):
        try:
            with tank(TRIAL_FUEL):
                density_sign(terms, bounds)
            return bounds
        except CheckError as exc:
            if ("needs bounds" not in str(exc) and bounds == []) or "Taylor coefficient" in str(exc):
                return None  # an exact proof failed, or the density is negative near 0: no bounds help
    return None


def _candidates(terms):
    yield []
    low = min(a for _, a, _ in terms)
    slopes = [Fraction(j - 1) / (a - low) for _, a, j in terms if a != low]
    start = max(1, math.ceil(max(slopes, default=0)))
    for T in (start, 2 * start, 4 * start, 8 * start, 16 * start, 32 * start):
        for delta in (Fraction(1, 2), Fraction(1, 8), Fraction(1, 32)):
            yield [str(min(delta, Fraction(T))), str(T)]
