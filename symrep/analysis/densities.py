"""The exact Laplace density route: a rational function with real poles ``<= 0`` and partial fractions of mixed
signs, or a sum of powers, ``f = c_0 + sum_k c_k (x + a_k)^(-s_k)``, is CM when its density
``rho(t) = sum_k c_k t^(s_k-1) e^(-a_k t)/Gamma(s_k)`` is ``>= 0`` on ``(0, oo)`` (Bernstein's theorem, SSV Thm 1.4;
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
    """``(c_0, [(c, a, s)])`` with ``e = c_0 + sum c (x + a)^(-s)``, rationals ``a >= 0`` and ``s > 0`` of one fractional
    part; None when ``e`` is no such function (a pole off ``(-oo, 0]``, a complex pair, a polynomial part)."""
    if e.free_symbols != {X}:
        return None
    try:
        rational = e.is_rational_function(X)
        parts = sympy.Add.make_args(sympy.apart(sympy.cancel(e), X) if rational else e)
    except (sympy.PolynomialError, NotImplementedError):
        return None
    constant, terms = sympy.Integer(0), []
    for part in parts:
        if not part.has(X):
            constant += part
            continue
        c, rest = part.as_independent(X, as_Add=False)
        base, exponent = sympy.powsimp(rest).as_base_exp()
        if not (c.is_Rational and exponent.is_Rational and exponent < 0 and base.is_polynomial(X)) \
                or sympy.degree(base, X) != 1:
            return None
        b, d = sympy.Poly(base, X).all_coeffs()
        if not (b.is_Rational and d.is_Rational and b > 0) or d / b < 0 or -exponent > MAX_POWER:
            return None
        if not (c * b**exponent).is_Rational:  # (2x + 1)^(-3/2) = 2^(-3/2) (x + 1/2)^(-3/2): the kernel reads rationals
            return None
        term = (sympy.Rational(c * b**exponent), sympy.Rational(d / b), sympy.Rational(-exponent))
        if max(abs(term[0].p), term[0].q) > 10**15 or max(term[1].p, term[1].q) > 10**6:
            return None  # the kernel reads coefficients of at most 15 digits and rates of at most 6
        terms.append(term)
    if not constant.is_Rational or constant < 0 or not 1 <= len(terms) <= MAX_TERMS \
            or len({s - sympy.ceiling(s) for _, _, s in terms}) != 1:
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
    exact = [tuple(Fraction(int(v.p), int(v.q)) for v in term) for term in terms]
    bounds = _bounds(exact)
    if bounds is None:
        return None
    rest = sum((c * (X + a) ** (-s) for c, a, s in terms), sympy.Integer(0))
    node = _n("CM", rest, "cm-power-sum", {"terms": [[_t(v) for v in term] for term in terms], "bounds": bounds})
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
        except (CheckError, ArithmeticError, ValueError) as exc:
            if ("needs bounds" not in str(exc) and bounds == []) or "Taylor coefficient" in str(exc):
                return None  # an exact proof failed, or the density is negative near 0: no bounds help
    return None


def _candidates(terms):
    yield []
    low, sigma = min(a for _, a, _ in terms), min(s - math.ceil(s) + 1 for _, _, s in terms)
    slopes = [(s - sigma) / (a - low) for _, a, s in terms if a != low]
    start = max(1, math.ceil(max(slopes, default=0)))
    for T in (start, 2 * start, 4 * start, 8 * start, 16 * start, 32 * start):
        for delta in (Fraction(1, 2), Fraction(1, 8), Fraction(1, 32)):
            yield [str(min(delta, Fraction(T))), str(T)]
