"""Refutations on a box, at a point, or on three points of a line; and the cube rank.

Every witness is checked by exact recomputation and a sign proved by ball arithmetic. Each point
at which ``f`` is evaluated is first proved to lie in the claim's domain; distance 0 (the
diagonal) uses ``f(0)`` from the certificate's own function text (or its proved extension).
"""

import math

import sympy

from .bessel import bessel_normal_form
from .claims import CM_CLAIMS
from .exact import continuous, equal, nonneg, sign
from .limits import vanishes_at_0
from .fuel import charge
from .reading import XP, CheckError, get, number

__all__ = ["check_box", "check_derivative", "check_flat_start", "derivative_value", "derivative_function", "check_value", "check_triangle", "check_cube_rank", "check_rank_witness",
           "MAX_BOX_D", "MAX_ORDER"]

MAX_BOX_D, MAX_ORDER = 12, 40


def _sides(data, where, max_d):
    sides = [number(s, f"{where} side") for s in get(data, "sides", "list", where)]
    if not 1 <= len(sides) <= max_d:
        raise CheckError(f"{where}: need 1 <= d <= {max_d}, got {len(sides)}")
    for i, s in enumerate(sides):
        sign(s, f"{where}: side a_{i + 1} must be positive", +1)
    return sides


def eigenvalue(f, sides, mask, metric, square):
    """lambda_S = sum_T (-1)^|S & T| f(dist(0, 1_T)) exactly; dist = 0 uses f(0)."""
    terms = []
    charge(1 << len(sides), "summing an eigenvalue over a box")
    for T in range(1 << len(sides)):
        inside = [a for i, a in enumerate(sides) if T >> i & 1]
        dist = sympy.Add(*inside) if metric == "l1" else sympy.sqrt(sympy.Add(*[a**2 for a in inside]))
        value = f.at(dist, f"f at distance {dist}", in_domain=True)
        terms.append((-1) ** bin(T & mask).count("1") * (value**2 if square else value))
    return sympy.Add(*terms)


def check_box(claim, f, data):
    where = "box witness"
    if set(data) != {"sides", "subset", "metric", "transform", "kind"}:
        raise CheckError(f"{where}: fields are sides, subset, metric, transform, kind")
    sides = _sides(data, where, MAX_BOX_D)
    d = len(sides)
    subset = get(data, "subset", "list", where)
    if any(type(i) is not int or not 1 <= i <= d for i in subset) or len(set(subset)) != len(subset):
        raise CheckError(f"{where}: subset must list distinct coordinates in 1..{d}, got {subset}")
    metric, transform, kind = (get(data, k, "str", where) for k in ("metric", "transform", "kind"))
    expected = {"pd-l1": ("l1", "identity", "not-psd"), "pd-l2": ("l2", "identity", "not-psd"),
                "l1-to-l1": ("l1", "identity", "not-negative-type"),
                "l1-to-l2sq": ("l1", "identity", "not-negative-type"),
                "l2-to-l2": ("l2", "square", "not-negative-type")}[claim]
    if (metric, transform, kind) != expected:
        raise CheckError(f"{where}: {claim} is refuted by metric/transform/kind {expected}, got {(metric, transform, kind)}")
    if kind == "not-negative-type" and not subset:
        raise CheckError(f"{where}: a negative-type witness needs a nonempty subset")
    lam = eigenvalue(f, sides, sum(1 << (i - 1) for i in subset), metric, transform == "square")
    sign(lam, f"{where} lambda_S", -1 if kind == "not-psd" else +1)
    return claim, "fails"


def check_derivative(claim, f, data):
    """(-1)^k g^(k)(x0) < 0 for the g that the claim needs to be CM on (0, oo)."""
    where = "derivative witness"
    if set(data) != {"order", "point", "of"}:
        raise CheckError(f"{where}: fields are order, point, of")
    k = get(data, "order", "int", where)
    if not 0 <= k <= MAX_ORDER:
        raise CheckError(f"{where}: order in 0..{MAX_ORDER}")
    x0 = number(get(data, "point", "str", where), where)
    sign(x0, f"{where}: the point must lie in (0, oo)", +1)
    of = _of(claim, get(data, "of", "str", where), where)
    base = f.pos.subs(XP, sympy.sqrt(XP)) ** (2 if claim == "l2-to-l2" else 1) if "sqrt" in of else f.pos
    if not continuous(base, XP, analytic=True):
        raise CheckError(f"{where}: {base} is not proved analytic on (0, oo), so its formal derivatives may lie")
    value = derivative_value(f.pos, claim, of, k, x0)
    sign(value, f"{where} (-1)^{k} g^({k})({x0})", -1)  # a CM function has (-1)^k g^(k) >= 0
    return claim, "fails"


def derivative_value(f_pos, claim, of, k, x0):
    """``(-1)^k g^(k)(x0)`` for the function ``g`` named by ``of`` (``f``, ``f'``, ``f(sqrt(x))``,
    ``(f(sqrt(x))^2)'``), from ``f`` on ``(0, oo)``."""
    return derivative_function(f_pos, claim, of, k).subs(XP, x0)


def derivative_function(f_pos, claim, of, k):
    """``(-1)^k g^(k)`` on ``(0, oo)`` for the ``g`` named by ``of``: completely monotone if ``g`` is.

    Bessel functions in it are written through two orders (an identity, DLMF 10.29.1), so that a
    derivative's cancellations show: ``-d/dx (x^nu K_nu(x)) = x^nu K_(nu-1)(x)``."""
    g = f_pos.subs(XP, sympy.sqrt(XP)) ** (2 if claim == "l2-to-l2" else 1) if "sqrt" in of else f_pos
    g = sympy.diff(g, XP) if of.endswith("'") else g
    return bessel_normal_form((-1) ** k * sympy.diff(g, XP, k))


def check_flat_start(claim, f, data):
    """u = (-1)^k g^(k) tends to 0 at 0+ yet u(x0) != 0, for the g the claim needs CM: impossible, since a
    completely monotone u is >= 0 and nonincreasing, so u(0+) = 0 forces u = 0 on (0, oo)."""
    where = "flat-start witness"
    if set(data) != {"kind", "order", "point", "of"} or data.get("kind") != "flat-start":
        raise CheckError(f"{where}: fields are kind (flat-start), order, point, of")
    k = get(data, "order", "int", where)
    if not 0 <= k <= MAX_ORDER:
        raise CheckError(f"{where}: order in 0..{MAX_ORDER}")
    x0 = number(get(data, "point", "str", where), where)
    sign(x0, f"{where}: the point must lie in (0, oo)", +1)
    of = _of(claim, get(data, "of", "str", where), where)
    base = f.pos.subs(XP, sympy.sqrt(XP)) ** (2 if claim == "l2-to-l2" else 1) if "sqrt" in of else f.pos
    if not continuous(base, XP, analytic=True):
        raise CheckError(f"{where}: {base} is not proved analytic on (0, oo), so its formal derivatives may lie")
    u = derivative_function(f.pos, claim, of, k)
    vanishes_at_0(u, XP, f"{where} u(0+)")
    sign(u.subs(XP, x0), f"{where} u({x0})", 0)
    return claim, "fails"


def _of(claim, of, where):
    needed = {"pd-l1": "f", "completely-monotone": "f", "pd-l2": "f(sqrt(x))", "bernstein": "f'", "l1-to-l1": "f'",
              "l1-to-l2sq": "f'", "l2-to-l2": "(f(sqrt(x))^2)'"}[claim]
    if of != needed:
        raise CheckError(f"{where}: a derivative of {of!r} does not bear on {claim}")
    return of


def check_value(claim, f, data):
    where = "value witness"
    kind = get(data, "kind", "str", where)
    if kind == "nonzero-at-0" and claim in ("bernstein", "l1-to-l1", "l1-to-l2sq", "l2-to-l2") and set(data) == {"kind"}:
        sign(f.value_at_0(where), f"{where} f(0)", 0)  # a metric and a Bernstein function in the paper's sense vanish at 0
    elif kind == "negative" and set(data) == {"kind", "point"}:
        x0 = number(get(data, "point", "str", where), where)
        nonneg(x0, f"{where}: the point must lie in [0, oo)")
        sign(f.at(x0, where), f"{where} f(x0)", -1)
    elif kind == "below-limit-at-0" and claim in CM_CLAIMS and set(data) == {"kind"}:
        # the paper's CM needs f(0) >= f(0+); pd-l2 concerns f(sqrt t), with the same values at 0
        sign(f.limit_at_0_from_right(where) - f.value_at_0(where), f"{where} f(0+) - f(0)", +1)
    else:
        raise CheckError(f"{where}: kind {kind!r} with fields {sorted(data)} does not bear on {claim}")
    return claim, "fails"


def check_triangle(claim, f, data):
    where = "triangle witness"
    if set(data) != {"a", "b"}:
        raise CheckError(f"{where}: fields are a and b")
    a, b = (number(get(data, k, "str", where), where) for k in ("a", "b"))
    sign(a, f"{where}: a must be positive", +1)
    sign(b, f"{where}: b must be positive", +1)
    # points 0, a, a + b on a line: an l1 metric needs f(a + b) <= f(a) + f(b)
    gap = f.at(a + b, where) - f.at(a, where) - f.at(b, where)
    sign(gap, f"{where} f(a+b) - f(a) - f(b)", +1)
    return claim, "fails"


def check_rank_witness(f, w):
    """An l1 box whose distance matrix has rank <= d + 1 while f of it has full rank 2^d."""
    where = "rank witness"
    if type(w) is not dict or set(w) != {"sides", "rank"}:
        raise CheckError(f"{where}: fields are sides and rank")
    sides = _sides(w, where, 6)
    d = len(sides)
    if get(w, "rank", "int", where) != 2**d:
        raise CheckError(f"{where}: rank must be 2^d")
    distances = [sum(a for i, a in enumerate(sides) if T >> i & 1) for T in range(1 << d)]
    identity_values = [sum((-1) ** bin(T & mask).count("1") * distances[T] for T in range(1 << d))
                       for mask in range(1 << d)]
    if sum(sympy.simplify(v) != 0 for v in identity_values) > d + 1:
        raise CheckError(f"{where}: the distance matrix of {sides} has rank above d + 1")
    for mask in range(1 << d):
        sign(eigenvalue(f, sides, mask, "l1", False), f"{where} lambda_{mask}", 0)


def check_cube_rank(claim, f, data):
    """rank f(QK^T) over {+-1}^d: level s has lambda_s = sum_t K_s(t) f(d - 2t), multiplicity C(d, s)."""
    where = "cube rank"
    if set(data) != {"d", "rank", "levels"}:
        raise CheckError(f"{where}: fields are d, rank and levels")
    d, levels = get(data, "d", "int", where), get(data, "levels", "list", where)
    if not 1 <= d <= 64 or len(levels) != d + 1 or any(v not in ("zero", "nonzero") for v in levels):
        raise CheckError(f"{where}: need 1 <= d <= 64 and d + 1 levels, each 'zero' or 'nonzero'")
    values = [f.at(d - 2 * t, where) for t in range(d + 1)]  # <x, y> = d - 2 (number of disagreements)
    rank = 0
    for s, status in enumerate(levels):
        lam = sum(sum((-1) ** j * math.comb(s, j) * math.comb(d - s, t - j) for j in range(min(s, t) + 1)) * values[t]
                  for t in range(d + 1))
        if status == "zero":
            equal(lam, 0, f"{where} lambda at level {s}")
        else:
            sign(lam, f"{where} lambda at level {s}", 0)
            rank += math.comb(d, s)
    if get(data, "rank", "int", where) != rank:
        raise CheckError(f"{where}: the levels give rank {rank}, not {data['rank']}")
    return claim, "holds"
