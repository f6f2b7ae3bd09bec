"""Non-polynomial proofs about ``f`` on the whole line, on the kernel (:mod:`~symrep.certificates.rules.not_polynomial`):

* ``two-halves`` ``{positive P, negative N}``: ``f = P`` on ``(0, oo)`` and ``f = N`` on ``(-oo, 0)`` by the normal
  form, with a coefficient of ``P - N`` proved nonzero: no polynomial agrees with ``f`` on R (``Abs(x)``);
* ``undefined-at`` ``{point}``, for the claim ``polynomial``: ``f`` is proved undefined at a real point (``tan(x)`` at
  ``pi/2``), never at 0 where ``f`` is read by its limit, unless an infinite limit there is proved.

Examples
--------
>>> from symrep.certificates.rules.function import Function
>>> from symrep.certificates.rules.line_proofs import two_halves
>>> two_halves(Function("Abs(x)", "R"), {"kind": "two-halves", "positive": ["0", "1"], "negative": ["0", "-1"]})
"""

from ..enclosures import sign_at
from ..errors import CheckError
from ..grammar import read
from ..normal_form import Domain, proved_equal
from ..terms import ZERO, add, mul, num, substitute, var
from .function import NEGATIVE_LINE, _resolve, proved_undefined
from .growth import no_finite_limit_at_0
from .polynomial_terms import constants, poly_term

__all__ = ["two_halves", "undefined_at"]

X = var("x")
POSITIVE = Domain(positive=("x",))


def two_halves(f, node):
    """``f`` is the polynomial ``P`` on ``(0, oo)`` and ``N`` on ``(-oo, 0)`` with a coefficient of ``P - N`` proved
    nonzero: no polynomial agrees with f on R (it would be P, and N)."""
    where = "proof (two-halves)"
    if set(node) != {"kind", "positive", "negative"}:
        raise CheckError(f"{where}: fields are kind, positive, negative")
    P = constants(node["positive"], f"{where} positive")
    N = constants(node["negative"], f"{where} negative")
    if not proved_equal(f.on_half_line(), poly_term(P), POSITIVE):
        raise CheckError(f"{where}: f = P on (0, oo) is not proved")
    minus_x = {"x": mul(num(-1), X)}  # f(-x) = N(-x) for x > 0 is f = N on (-oo, 0)
    if not proved_equal(substitute(_resolve(f.term, NEGATIVE_LINE), minus_x), substitute(poly_term(N), minus_x),
                        POSITIVE):
        raise CheckError(f"{where}: f = N on (-oo, 0) is not proved")
    for j in range(max(len(P), len(N))):
        a, b = (P[j] if j < len(P) else ZERO), (N[j] if j < len(N) else ZERO)
        try:
            sign_at(add(a, mul(num(-1), b)), f"{where} coefficient {j}", 0)
            return
        except CheckError:
            continue
    raise CheckError(f"{where}: no coefficient of the two halves is proved different")


def undefined_at(claim, f, node):
    """``f`` undefined at a real point: it agrees with no polynomial at every real ``x`` (the claim's definition)."""
    where = "proof (undefined-at)"
    if claim != "polynomial" or set(node) != {"kind", "point"} or type(node["point"]) is not str:
        raise CheckError(f"{where}: fields are kind and point, for the claim polynomial only")
    point = read(node["point"], where, variables=())
    try:  # a point proved nonzero, or proved 0 where an infinite limit is proved (at 0 f is its limit where it has one)
        sign_at(point, f"{where}: the point", 0)
    except CheckError:
        if not proved_equal(point, ZERO, Domain()):  # Heaviside(-1) is 0 in disguise (found by an attack)
            raise CheckError(f"{where}: the point {node['point']} is proved neither 0 nor nonzero") from None
        if not no_finite_limit_at_0(f.term):
            raise CheckError(f"{where}: f is read at 0 by its limit where it has one; no infinite limit at 0+ is "
                             f"proved") from None
    if not proved_undefined(substitute(f.term, {"x": point})):
        raise CheckError(f"{where}: f is not proved undefined at {node['point']}")
