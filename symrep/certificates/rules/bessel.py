"""Limits at ``0+`` of products with a modified Bessel function, for every parameter value of a region.

DLMF 10.30.2: ``K_b(z) ~ Gamma(b) 2^(b-1) z^(-b)`` as ``z -> 0+`` for ``b > 0``, so ``(c x)^b K_b(c x) -> 2^(b-1)
Gamma(b)`` for ``c > 0``, and ``(k x^q)^b K_b(c x^q) -> (k/c)^b 2^(b-1) Gamma(b)`` for ``k, c > 0`` and a rational
``q > 0`` (``z = c x^q -> 0+``; ``x^(q b)`` is ``(x^q)^b``: ``sqrt(x) K_1(sqrt x) -> 1``). A product whose
factors are one such pair and factors continuous at 0 (on ``[0, oo)`` for the whole region) tends to the
pair's limit times their values at 0. The Matérn kernel ``2^(1-nu)/Gamma(nu) (sqrt(2 nu) x)^nu
K_nu(sqrt(2 nu) x)`` tends to 1 this way, for every ``nu > 0``.

:func:`bessel_vanishes`: ``(k x)^a K_b(c x) -> 0`` as ``x -> 0+`` when ``a > |b|`` (``k, c > 0``): ``K_b(z) ~
Gamma(|b|) 2^(|b|-1) z^(-|b|)`` for ``b != 0`` (DLMF 10.30.2 with ``K_{-b} = K_b``, 10.27.3) and ``K_0(z) ~ -ln z``
(DLMF 10.30.3). This is how ``-f'`` of the Matérn kernel, ``c (c x)^nu K_{nu-1}(c x)`` up to a constant, tends to 0
for every ``nu > 1/2``.

Examples
--------
>>> from fractions import Fraction
>>> from symrep.certificates.domains import Span
>>> from symrep.certificates.grammar import read
>>> from symrep.certificates.normal_form import Domain, proved_equal
>>> from symrep.certificates.rules.bessel import bessel_limit
>>> f = read("2**(1 - nu)*(sqrt(2)*sqrt(nu)*x)**nu*besselk(nu, sqrt(2)*sqrt(nu)*x)/gamma(nu)", "f", parameters=("nu",))
>>> region = {"x": Span(Fraction(0), None), "nu": Span(Fraction(0), Fraction(1, 2), False, True)}
>>> proved_equal(bessel_limit(f, region), read("1", "c"), Domain(positive=("nu",)))
True
"""

from ..domains import continuous_on, prove_sign
from ..errors import CheckError
from ..normal_form import Domain, proved_equal
from ..terms import ONE, ZERO, add, apply, factors, free_names, mul, num, power, substitute

__all__ = ["bessel_limit", "bessel_vanishes"]


def _scale(u):
    """``c`` if ``u`` is written ``c*x`` (or ``x``: c = 1) with ``c`` free of ``x``, else None."""
    found = _scaled_power(u)
    return found[0] if found is not None and found[1] == ONE else None


def _scaled_power(u):
    """``(c, q)`` if ``u`` is written ``c*x^q`` (``x^q``, ``c*x`` or ``x``) with ``c`` free of ``x`` and ``q`` a
    rational number > 0, else None."""
    parts = u.args if u.op == "*" else (u,)
    powers = [a for a in parts if "x" in free_names(a)]
    if len(powers) != 1 or powers[0] is not parts[-1]:
        return None
    p = powers[0]
    if p.op == "var" and p.args[0] == "x":
        q = ONE
    elif p.op == "^" and p.args[0].op == "var" and p.args[0].args[0] == "x" and p.args[1].op == "num" and p.args[1].value > 0:
        q = p.args[1]
    else:
        return None
    rest = parts[:-1]
    return (mul(*rest) if len(rest) > 1 else rest[0] if rest else ONE), q



def one_bessel_factor(parts, op, shown):
    """The one factor ``op(b, c x^q)`` (``besselk`` or ``besseli``; order free of x, c free of x, rational q > 0) among
    a product's factors: ``(factor, b, (c, q))``, or a CheckError naming ``shown``."""
    found = [f for f in parts if f.op == op and "x" not in free_names(f.args[0])]
    if len(found) != 1:
        raise CheckError(f"a Bessel limit takes a product with one factor {shown}")
    scaled = _scaled_power(found[0].args[1])
    if scaled is None:
        raise CheckError(f"the Bessel factor must be {shown} with c free of x and a rational q > 0")
    return found[0], found[0].args[0], scaled


def bessel_limit(term, region):
    """The limit of ``term`` at ``x -> 0+`` for every parameter value of ``region`` (which gives ``x`` the span
    ``[0, oo)``), by DLMF 10.30.2; a CheckError when the product is not of that form."""
    parameters = {n: s for n, s in region.items() if n != "x"}
    domain = Domain(positive=[n for n, s in parameters.items() if s.lo is not None and s.lo >= 0 and
                              (s.lo > 0 or not s.lo_closed)])
    parts = factors(term)
    k, b, (c, q) = one_bessel_factor(parts, "besselk", "K_b(c x^q)")
    prove_sign(c, parameters, ">", "the scale c of K_b(c x)")
    prove_sign(b, parameters, ">", "the order b of K_b(c x) must be positive (DLMF 10.30.2)")
    qb = mul(q, b)
    rest, pair = [], None
    for factor in parts:
        if factor is k:
            continue
        if pair is None and factor.op == "var" and factor.args[0] == "x" and proved_equal(ONE, qb, domain):
            factor = power(factor, ONE)  # x K_1(c x): the pair with k = 1, b = 1
        if pair is None and factor.op == "^" and "x" not in free_names(factor.args[1]):
            base, exponent = factor.args
            scale = None
            if base.op == "var" and base.args[0] == "x" and proved_equal(exponent, qb, domain):
                scale = ONE  # x^(q b) = (x^q)^b
            elif proved_equal(exponent, b, domain) and _scaled_power(base) is not None and \
                    _scaled_power(base)[1] == q:
                scale = _scaled_power(base)[0]  # (k x^q)^b
            if scale is not None:
                prove_sign(scale, parameters, ">", "the factor k of (k x^q)^b")
                pair = mul(power(mul(scale, power(c, num(-1))), b), power(num(2), add(b, num(-1))), apply("gamma", b))
                continue
        if not continuous_on(factor, "x", region):
            raise CheckError("a factor of the Bessel product is not proved continuous at 0")
        rest.append(substitute(factor, {"x": ZERO}))
    if pair is None:
        raise CheckError("no factor (k x^q)^b pairs with K_b(c x^q)")
    return mul(pair, *rest) if rest else pair


def bessel_vanishes(term, region):
    """True if ``term``, a product of one ``K_b(c x^q)``, powers ``(k x^p)^a`` or ``x^a`` and factors continuous on
    ``[0, oo)``, tends to 0 at ``x -> 0+`` for every parameter value of ``region``: with ``z = c x^q``, the powers
    make ``z^A`` with ``A = (sum of p a)/q``, and ``A > |b|`` is proved on the region. False when this rule cannot
    tell."""
    parameters = {n: s for n, s in region.items() if n != "x"}
    parts = factors(term)
    bessels = [f for f in parts if f.op == "besselk" and "x" not in free_names(f.args[0])]
    if len(bessels) != 1:
        return False
    (k,) = bessels
    b, u = k.args
    scaled = _scaled_power(u)
    exponents = []
    try:
        if scaled is None:
            return False
        c, q = scaled
        prove_sign(c, parameters, ">", "the scale c of K_b(c x)")
        for factor in parts:
            if factor is k:
                continue
            if factor.op == "var" and factor.args[0] == "x":
                exponents.append(ONE)
            elif factor.op == "^" and "x" not in free_names(factor.args[1]) and _scaled_power(factor.args[0]) is not None:
                scale, p = _scaled_power(factor.args[0])
                prove_sign(scale, parameters, ">", "the factor k of (k x)^a")
                exponents.append(mul(p, factor.args[1]))
            elif not continuous_on(factor, "x", region):
                return False
        if not exponents:
            return False
        a = mul(add(*exponents) if len(exponents) > 1 else exponents[0], power(q, num(-1)))
        prove_sign(add(a, mul(num(-1), b)), parameters, ">", "a - b in (k x)^a K_b(c x)")
        prove_sign(add(a, b), parameters, ">", "a + b in (k x)^a K_b(c x)")
    except CheckError:
        return False
    return True
