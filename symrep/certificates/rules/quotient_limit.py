"""Limits at ``0+`` of a family's quotient ``N(x)/x^m`` (a removable singularity), for every parameter value.

If ``N`` is real analytic in ``x`` on ``[0, oo)`` (proved by structure for the whole region) then Taylor's
theorem gives ``N(x) = sum_{j <= m} N^(j)(0) x^j / j! + O(x^(m+1))`` near 0; when ``N^(j)(0) = 0`` for every
``j < m`` (proved identically in the parameters by the normal form) the quotient ``N(x)/x^m`` tends to
``N^(m)(0)/m!`` as ``x -> 0+`` (l'Hopital's rule for analytic functions; Rudin, *Principles of Mathematical
Analysis*, Thm 5.13 and 5.15). ``N``'s formal derivatives are its derivatives because it is analytic. This is
how ``(1 - exp(-c x))/x -> c`` for every real ``c``.

Examples
--------
>>> from fractions import Fraction
>>> from symrep.certificates.domains import Span
>>> from symrep.certificates.grammar import read
>>> from symrep.certificates.normal_form import Domain, proved_equal
>>> f = read("(1 - exp(-c*x))/x", "f", parameters=("c",))
>>> region = {"x": Span(Fraction(0), None), "c": Span(None, None)}
>>> proved_equal(quotient_limit(f, region), read("c", "c", variables=(), parameters=("c",)), Domain())
True
"""

from fractions import Fraction
from math import factorial

from ..derivatives import MAX_ORDER, nth_derivative
from ..domains import analytic_on
from ..errors import CheckError
from ..normal_form import Domain, proved_equal
from ..terms import ZERO, mul, num, substitute

__all__ = ["quotient_limit", "family_limit"]


def _power_of_x(factor):
    """``m`` if the factor is ``x^(-m)`` for a positive integer ``m``, else None."""
    if factor.op == "^" and factor.args[1].op == "num":
        base, q = factor.args[0], factor.args[1].value
        if base.op == "^" and base.args[0].op == "var" and base.args[1].op == "num" and \
                base.args[1].value.denominator == 1 and base.args[1].value > 0:  # (x^k)^(-j)
            base, q = base.args[0], q * base.args[1].value
        if base.op == "var" and base.args[0] == "x" and q < 0 and q.denominator == 1:
            return int(-q)
    return None


def quotient_limit(term, region):
    """The limit of ``term = N(x) x^(-m)`` (the factors ``x^(-k)`` of a product collected) at ``0+`` for every
    parameter value of ``region`` (which gives ``x`` the span ``[0, oo)``); a CheckError otherwise."""
    from ..terms import factors

    parts = factors(term)
    m = sum(_power_of_x(f) or 0 for f in parts)
    rest = [f for f in parts if _power_of_x(f) is None]
    if m == 0 or not rest or m > MAX_ORDER:
        raise CheckError(f"a quotient limit takes N(x)/x^m with 1 <= m <= {MAX_ORDER}")
    numerator = rest[0] if len(rest) == 1 else mul(*rest)
    if not analytic_on(numerator, "x", region):
        raise CheckError("the numerator of N(x)/x^m is not proved analytic on [0, oo) for the whole region")
    parameters = {n: s for n, s in region.items() if n != "x"}
    domain = Domain(positive=[n for n, s in parameters.items() if s.lo is not None and s.lo >= 0 and
                              (s.lo > 0 or not s.lo_closed)])
    for j in range(m):
        if not proved_equal(substitute(nth_derivative(numerator, "x", j), {"x": ZERO}), ZERO, domain):
            raise CheckError(f"N(x)/x^{m}: the derivative of order {j} of N at 0 is not proved 0")
    return mul(num(Fraction(1, factorial(m))), substitute(nth_derivative(numerator, "x", m), {"x": ZERO}))


def family_limit(term, region):
    """A family's limit at ``0+``: by the Bessel rule (DLMF 10.30.2) or as a quotient ``N(x)/x^m``."""
    from .bessel import bessel_limit

    try:
        return bessel_limit(term, region)
    except CheckError as first:
        try:
            return quotient_limit(term, region)
        except CheckError as second:
            raise CheckError(f"{first}; {second}") from None
