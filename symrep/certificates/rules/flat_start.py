"""The flat-start refutation on the kernel: ``u = (-1)^k g^(k)`` tends to 0 at ``0+`` yet ``u(x0) != 0``.

A completely monotone ``u`` is ``>= 0`` and nonincreasing on ``(0, oo)`` (Bernstein's theorem, SSV Thm 1.4), so
``u(0+) = 0`` forces ``u = 0``: ``g`` is not CM. ``g`` is the function the claim needs CM (``f``,
``f(sqrt x)``, ``f'``, ``(f(sqrt x)^2)'``), proved analytic on ``(0, oo)`` so that ``g^(k)`` is its derivative.
The limit is proved for every parameter value of the region, by structure: a sum tends to 0 when every
term does; a product does when the powers of ``x`` in it (``x^p``, ``(x^r)^p`` for rational ``r``) add up to an
exponent proved positive on the region (``(x^r)^p = x^(r p)`` for ``x > 0``) and every other factor is continuous on ``[0, oo)`` (so has a
finite limit), or when one factor tends to 0 and the others are continuous there; without parameters,
the Taylor model of :mod:`~symrep.certificates.series` may prove it. This refutes ``exp(-x^a)`` for every
``a > 1`` at once, where no single box or point works near the boundary.

Examples
--------
>>> from fractions import Fraction
>>> from symrep.certificates.domains import Span
>>> from symrep.certificates.rules.function import Function
>>> from symrep.certificates.rules.flat_start import check_flat_start
>>> f = Function("exp(-x**a)", "[0, oo)", ("a",), region={"a": Span(Fraction(1), None, False, False)})
>>> check_flat_start("pd-l1", f, {"kind": "flat-start", "order": 1, "point": "1/2", "of": "f"})
('pd-l1', 'fails')
"""

from fractions import Fraction

from ..derivatives import MAX_ORDER, nth_derivative
from ..domains import Span, continuous_on, prove_sign
from ..errors import CheckError
from ..grammar import read
from ..normal_form import Domain, proved_equal
from ..terms import ZERO, add, factors, mul, num, substitute
from .bessel import bessel_vanishes
from .witnesses import needed_function

__all__ = ["check_flat_start"]


def check_flat_start(claim, f, data):
    where = "flat-start witness"
    if type(data) is not dict or not {"kind", "order", "point", "of"} <= set(data) <= {"kind", "order", "point", "of", "u"} \
            or data.get("kind") != "flat-start":
        raise CheckError(f"{where}: fields are kind (flat-start), order, point, of, and optionally u")
    k = data["order"]
    if type(k) is not int or not 0 <= k <= MAX_ORDER:
        raise CheckError(f"{where}: order in 0..{MAX_ORDER}")
    if type(data["point"]) is not str or type(data["of"]) is not str:
        raise CheckError(f"{where}: point and of are text")
    point = read(data["point"], where, variables=())
    f.sign(point, +1, f"{where}: the point must lie in (0, oo)")
    g = needed_function(claim, f, data["of"], where)
    u = mul(num((-1) ** k), nth_derivative(g, "x", k))
    closed = {"x": Span(Fraction(0), None), **f.region}
    stated = u
    if "u" in data:  # u in another form, proved equal to (-1)^k g^(k) on (0, oo) by the normal form
        if type(data["u"]) is not str:
            raise CheckError(f"{where}: u is text")
        stated = read(data["u"], f"{where} u", parameters=tuple(f.region))
        positive = ["x"] + [n for n, span in f.region.items() if span.lo is not None and span.lo >= 0 and
                            (span.lo > 0 or not span.lo_closed)]
        if not continuous_on(stated, "x", {**f.region, "x": Span(Fraction(0), None, False)}) or \
                not proved_equal(stated, u, Domain(positive=positive)):
            raise CheckError(f"{where} u: the stated u is not proved equal to (-1)^k g^(k) on (0, oo)")
    if not _vanishes(stated, closed):
        if f.region:
            raise CheckError(f"{where} u(0+): u is not proved to tend to 0 at 0+ for every parameter value")
        from .growth import right_limit as limit_at_0

        if not proved_equal(limit_at_0(u), ZERO, Domain()):
            raise CheckError(f"{where} u(0+): the limit of u at 0+ is not proved 0")
    f.sign(substitute(stated, {"x": point}), 0, f"{where} u(x0)")
    return claim, "fails"


def _x_power(term):
    """The exponent ``p`` if the term is ``x^p``, ``(x^r)^p`` (r rational) or ``x``, else None."""
    if term.op == "var" and term.args[0] == "x":
        return num(1)
    if term.op == "^" and "x" not in _names(term.args[1]):
        inner = _x_power(term.args[0])  # (x^r)^p = x^(r p) for x > 0, whatever r and p are
        if inner is not None:
            if inner.op == "num" and term.args[1].op == "num":
                return num(inner.value * term.args[1].value)
            return mul(inner, term.args[1])
    return None


def _names(term):
    from ..terms import free_names

    return free_names(term)


def _holds(term, region, relation):
    try:
        return prove_sign(term, {k: v for k, v in region.items() if k != "x"}, relation, "an exponent")
    except CheckError:
        return False


def _vanishes(term, region):
    """``term -> 0`` as ``x -> 0+``, for every parameter value of the region (``region`` has ``x`` in ``[0, oo)``)."""
    if term.op == "+":
        return all(_vanishes(a, region) for a in term.args)
    parts = factors(term)
    powers = [p for p in (_x_power(a) for a in parts) if p is not None]
    others = [a for a in parts if _x_power(a) is None]
    total = add(*powers) if len(powers) > 1 else powers[0] if powers else ZERO
    if powers and _holds(total, region, ">") and all(continuous_on(a, "x", region) for a in others):
        return True
    if powers and not _holds(total, region, ">="):
        return False
    for i, a in enumerate(others):
        rest = others[:i] + others[i + 1:]
        if a.op == "+" and _vanishes(a, region) and all(continuous_on(b, "x", region) for b in rest):
            return True
    if bessel_vanishes(term, region):
        return True
    if not powers and len(parts) == 1 and continuous_on(term, "x", region):
        value = substitute(term, {"x": ZERO})
        return proved_equal(value, ZERO, Domain())
    return False
