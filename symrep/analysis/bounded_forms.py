"""Proofs that ``g`` is bounded on a half-line ``[X0, oo)`` for the kernel's ``limit`` node of a non-polynomial proof:
a nonconstant ``g`` bounded there is no polynomial. The kernel bounds terms by interval arithmetic with infinite
ends (:mod:`~symrep.certificates.rules.infinity`); where the dependency of ``x`` on ``x`` defeats it
(``x/(x^2 + 1)``, ``sinh(x)/cosh(x)``), the node names a form that it sees bounded, proved equal by the normal form.
"""

from itertools import combinations_with_replacement

import sympy

from symrep.analysis.common import POINTS, X, _numeric, _t
from symrep.certificates import CheckError

__all__ = []


def _limit_certificate(g, term):
    """A nonconstant g bounded on a half-line is no polynomial (a nonconstant polynomial is unbounded there).

    Offered only where the kernel's own half-line bounds see g bounded (``x*exp(-x)`` is bounded, but
    interval arithmetic meets ``oo * 0`` there): otherwise the search goes on to an ODE or a derivative,
    which the kernel can check.
    """
    form = None
    if not _kernel_sees_bounded(term):  # the kernel's interval bounds: no limit needs to exist (cos(x)^2)
        form = _bounded_form(g, term)  # or a form of g they see bounded: 1/(x + 1/x) for x/(x^2 + 1)
        if form is None:
            return None
    for a, b in combinations_with_replacement(POINTS[:4], 2):
        if a != b and abs(_numeric(g.subs(X, a) - g.subs(X, b))) > 1e-9:
            return {"kind": "limit", "a": _t(a), "b": _t(b), **({"as": form} if form else {})}
    return None


def _bounded_form(g, term):
    """Text of a form of ``g`` that the kernel's interval bounds at infinity see bounded and its normal form proves
    equal to ``term`` (continuous on (0, oo)); None if neither candidate serves. Candidates: SymPy's simplified
    ``g`` (``tanh(x)`` for ``sinh(x)/cosh(x)``) and ``g`` with its polynomial factors divided by the denominator's
    leading power (``(1/x)/(1 + x^(-2))`` for ``x/(x^2 + 1)``): interval arithmetic loses to the dependency of
    ``x`` on ``x`` otherwise."""
    from symrep.certificates.domains import continuous_on
    from symrep.certificates.fuel import tank
    from symrep.certificates.normal_form import Domain, proved_equal
    from symrep.certificates.rules.function import HALF_LINE

    if term is None or g.free_symbols - {X}:
        return None
    for candidate in (_leading_power_form(g), sympy.simplify(g)):
        cterm = _kernel_term(candidate) if candidate is not None else None
        if cterm is None or not _kernel_sees_bounded(cterm):
            continue
        try:
            with tank():
                if continuous_on(term, "x", HALF_LINE) and proved_equal(term, cterm, Domain(positive=("x",))):
                    return _t(candidate)
        except (CheckError, ArithmeticError, ValueError, TypeError, RecursionError):
            continue
    return None


def _leading_power_form(g):
    """``g`` with the product ``P/Q`` of its polynomial factors written ``(P/x^d)/(Q/x^d)``, ``d = deg Q``."""
    num, den = sympy.S.One, sympy.S.One
    rest = sympy.S.One
    for factor, exponent in g.as_powers_dict().items():
        if factor.is_polynomial(X) and exponent.is_Integer:
            if exponent > 0:
                num *= factor ** exponent
            else:
                den *= factor ** (-exponent)
        else:
            rest *= factor ** exponent
    if den == 1 or not den.has(X):
        return None
    d = sympy.degree(sympy.expand(den), X)
    scaled = sympy.expand(num / X ** d) / sympy.expand(den / X ** d)
    return sympy.Mul(scaled, rest, evaluate=True) if rest != 1 else scaled


def _kernel_sees_bounded(term):
    from symrep.certificates.errors import CheckError
    from symrep.certificates.rules.infinity import bounded_at_infinity
    try:
        return term is not None and any(bounded_at_infinity(term, x0) for x0 in (1, 4, 16, 64))
    except CheckError:
        return False


def _kernel_term(g):
    from symrep.certificates.grammar import read
    try:
        return read(_t(g), "g")
    except CheckError:
        return None
