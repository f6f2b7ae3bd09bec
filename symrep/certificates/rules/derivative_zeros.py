"""The zero refutation on derivatives: ``(-1)^k g^(k)`` vanishes exactly at a point of ``(0, oo)``, ``g`` does not
(``k = 0``), or ``g`` is not constant (``k >= 1``).

``g`` is the function the claim needs completely monotone (``f``, ``f(sqrt x)``, ``f'``, ``(f(sqrt x)^2)'``, as for a
derivative witness). If ``g`` is CM on ``(0, oo)``, so is ``u = (-1)^k g^(k)`` for every ``k`` (the definition), and
a CM ``u`` with a zero at ``x1 > 0`` is identically 0: ``u(x) = int e^(-x s) mu(ds)`` with ``mu >= 0`` (Bernstein's
theorem; Schilling, Song, Vondraček, *Bernstein Functions*, 2nd ed., Thm 1.4 and Remark 1.5), and ``u(x1) = 0``
forces ``mu = 0``. For ``k = 0`` then ``g = 0``, refuted by ``g(x2) != 0``. For ``k >= 1``, ``g^(k) = 0`` makes ``g``
a polynomial of degree below ``k`` on ``(0, oo)``; a CM ``g`` is ``>= 0`` and nonincreasing, hence bounded on
``[1, oo)``, and a polynomial bounded there is constant: refuted by ``g(x2) != g(x3)``. So ``Max(0, 1 - x)^2 +
10^-30`` is refuted in l2: ``t -> f(sqrt t)`` is constant on ``(1, oo)`` but not constant.

``g`` need not be analytic on all of ``(0, oo)`` as written (``Max``, ``Abs``, ``Heaviside``): every point ``p`` comes
with the closed interval ``[p - r, p + r]`` (``r`` the stated ``radius``, ``p - r > 0``), on which the jumps and
kinks are resolved by signs proved on the whole interval (``Max(a, b) = a`` where ``a - b >= 0`` there, by
bisection in ball arithmetic); the resolved term ``h`` equals ``g`` on the interval and is proved analytic on its
interior, so the derivatives of ``g`` at ``p`` are those of ``h`` (a CM ``g`` is smooth, and near ``p`` it is
``h``). The zero is proved **exactly** by the normal form (never by a ball), the other values by balls.

Examples
--------
>>> from symrep.certificates.rules.function import Function
>>> data = {"kind": "zero", "order": 1, "point": "4", "radius": "1", "of": "f(sqrt(x))", "unequal": ["1/4", "4"]}
>>> check_derivative_zero("pd-l2", Function("Max(0, 1 - x)^2 + 10^(-30)", "[0, oo)"), data)
('pd-l2', 'fails')
"""

from fractions import Fraction

from ..derivatives import MAX_ORDER, derivative, nth_derivative
from ..domains import Span, analytic_on
from ..enclosures import sign_at
from ..errors import CheckError
from ..grammar import read
from ..normal_form import Domain, proved_equal
from ..terms import ZERO, add, mul, num, substitute, text
from .function import _resolve, claimed_function
from .zeros import fold_rationals

__all__ = ["check_derivative_zero", "local_derivative"]


def _rational(data, key, where):
    if type(data.get(key)) is not str:
        raise CheckError(f"{where}: {key} is text")
    value = read(data[key], f"{where} {key}", variables=())
    if value.op != "num" or value.value <= 0:
        raise CheckError(f"{where}: {key} must be a positive rational number, got {data[key]!r}")
    return value.value


def local_derivative(f, claim, of, point, radius, order, where):
    """``(-1)^order g^(order)(point)`` for the claim's ``g``, read on ``[point - radius, point + radius]`` (rational
    ends, inside ``(0, oo)``) where ``g`` is proved analytic once its jumps and kinks are resolved."""
    g = claimed_function(claim, f, of, where)
    lo, hi = Fraction(point) - Fraction(radius), Fraction(point) + Fraction(radius)
    if lo <= 0:
        raise CheckError(f"{where}: the interval [{lo}, {hi}] around {point} must lie in (0, oo)")
    h = _resolve(g, {"x": Span(lo, hi)})
    if not analytic_on(h, "x", {"x": Span(lo, hi, False, False)}):
        raise CheckError(f"{where}: {text(h)[:120]} is not proved analytic on ({lo}, {hi})")
    if of.endswith("'"):
        h = derivative(h, "x")
    return substitute(mul(num((-1) ** order), nth_derivative(h, "x", order)), {"x": num(point)})


def check_derivative_zero(claim, f, data):
    """Verify ``{"kind": "zero", "order": k, "point": x1, "radius": r, "of": g}`` with ``"nonzero": x2`` (``k = 0``)
    or ``"unequal": [x2, x3]`` (``k >= 1``)."""
    where = "derivative zero witness"
    k = data.get("order")
    extra = {"nonzero"} if k == 0 else {"unequal"}
    if set(data) != {"kind", "order", "point", "radius", "of"} | extra or type(k) is not int:
        raise CheckError(f"{where}: fields are kind (zero), order, point, radius, of and nonzero (order 0) or "
                         f"unequal (a list of two points, order >= 1)")
    if f.region:
        raise CheckError(f"{where}: read for functions without parameters")
    if not 0 <= k <= MAX_ORDER:
        raise CheckError(f"{where}: order in 0..{MAX_ORDER}")
    of, radius = data["of"], _rational(data, "radius", where)
    if type(of) is not str:
        raise CheckError(f"{where}: of is text")
    x1 = _rational(data, "point", where)
    value = fold_rationals(local_derivative(f, claim, of, x1, radius, k, f"{where} at {x1}"))
    if not (value == ZERO or proved_equal(value, ZERO, Domain())):
        raise CheckError(f"{where}: (-1)^{k} g^({k})({x1}) = {text(value)[:120]} is not proved exactly 0")
    if k == 0:
        x2 = _rational(data, "nonzero", where)
        sign_at(local_derivative(f, claim, of, x2, min(radius, x2 / 2), 0, where), f"{where}: g({x2})")
        return claim, "fails"
    points = data["unequal"]
    if type(points) is not list or len(points) != 2:
        raise CheckError(f"{where}: unequal is a list of two points")
    x2, x3 = (_rational({"p": p}, "p", where) for p in points)
    a, b = (local_derivative(f, claim, of, p, min(radius, p / 2), 0, where) for p in (x2, x3))
    sign_at(add(a, mul(num(-1), b)), f"{where}: g({x2}) - g({x3})")
    return claim, "fails"
