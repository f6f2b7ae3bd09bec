"""The limit at ``0+`` of a closed product with one modified Bessel function of the first kind (DLMF 10.30.1).

As ``z -> 0+``, ``I_b(z) ~ (z/2)^b / Gamma(b + 1)`` for ``b != -1, -2, ...`` (DLMF 10.30.1). For ``b > -1``, ``c > 0``
and a rational ``q > 0``, with ``z = c x^q``, a product of ``I_b(c x^q)``, powers ``(k_i x^(p_i))^(e_i)`` (``k_i > 0``,
constant exponents) whose orders add up to ``sum p_i e_i = -q b``, and factors continuous on ``[0, oo)`` tends to

    prod k_i^(e_i) * c^b / (2^b Gamma(b + 1)) * (the other factors at 0).

This is where the Taylor models of :mod:`~symrep.certificates.series` stop: ``I_b`` of an order that is not an
integer is not analytic at 0 (``exp(-x)*besseli(1/2, x)/sqrt(x) -> sqrt(2/pi)``).

Examples
--------
>>> from symrep.certificates.grammar import read
>>> from symrep.certificates.normal_form import Domain, proved_equal
>>> value = besseli_limit(read("exp(-x)*besseli(1/2, x)/sqrt(x)", "f"))
>>> proved_equal(value, read("sqrt(2/pi)", "c"), Domain())
True
"""

from fractions import Fraction

from ..domains import Span, continuous_on, prove_sign
from ..errors import CheckError
from ..normal_form import Domain, proved_equal
from ..terms import ONE, ZERO, add, apply, factors, free_names, mul, num, power, substitute
from .bessel import _scaled_power, one_bessel_factor

__all__ = ["besseli_limit"]


def besseli_limit(term):
    """The limit of the closed product ``term`` at ``x -> 0+`` by DLMF 10.30.1; a CheckError when it is not of the
    form above."""
    region, closed = {}, {"x": Span(Fraction(0), None)}
    parts = factors(term)
    if free_names(term) - {"x"}:
        raise CheckError("a Bessel I limit takes a closed product (no parameters)")
    i, b, (c, q) = one_bessel_factor(parts, "besseli", "I_b(c x^q)")
    prove_sign(c, region, ">", "the scale c of I_b(c x^q)")
    prove_sign(add(b, ONE), region, ">", "the order b of I_b(c x^q) must be > -1 (DLMF 10.30.1)")
    constants, orders, rest = [], [], []
    for factor in parts:
        if factor is i:
            continue
        if factor.op == "var" and factor.args[0] == "x":
            factor = power(factor, ONE)
        base_power = _scaled_power(factor.args[0]) if factor.op == "^" and "x" not in free_names(factor.args[1]) else None
        if base_power is not None:
            k, p = base_power
            prove_sign(k, region, ">", "the factor k of (k x^p)^e")
            constants.append(power(k, factor.args[1]))
            orders.append(mul(p, factor.args[1]))
            continue
        if not continuous_on(factor, "x", closed):
            raise CheckError("a factor of the Bessel I product is not proved continuous at 0")
        rest.append(substitute(factor, {"x": ZERO}))
    if not orders or not proved_equal(add(*orders, mul(q, b)), ZERO, Domain()):
        raise CheckError("the powers of x do not pair with I_b(c x^q): their orders must add up to -q b")
    pair = mul(power(c, b), power(mul(power(num(2), b), apply("gamma", add(b, ONE))), num(-1)))
    return mul(*constants, pair, *rest)
