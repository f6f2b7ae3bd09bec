"""The derivation calculus of completely monotone (CM) and Bernstein (BF) functions on (0, oo).

A node ``{class, expr, rule, params, children}`` proves that ``expr`` (parsed with ``x > 0``) is
of its class on ``(0, oo)``. Each rule states the classes it can prove: an atom labelled with the
wrong class is refused. The behaviour at 0 (the paper's ``f(0) >= f(0+)`` for CM, ``f(0) = 0``
for Bernstein) is checked by the caller from the certificate's own function text.

References: Schilling, Song, Vondracek, *Bernstein Functions* (de Gruyter), for every rule; the NIST
Digital Library of Mathematical Functions (DLMF), chapter 10, for the Matern atom.
"""

import itertools

import sympy

from .exact import continuous, equal, nonneg, sign
from .limits import limit
from .fuel import charge
from .reading import XP, CheckError, T, constant, get, parse

__all__ = ["check_node", "positive_density", "laplace_transform", "root_exponential_family", "RULES", "MAX_NODES"]

MAX_NODES = 400
_BOTH = ("CM", "BF")
#: rule -> (classes it proves, parameter names, number of children or None for >= 2)
RULES = {
    "cm-const": (("CM",), ("c",), 0), "bf-const": (("BF",), ("c",), 0),
    "cm-exp": (("CM",), ("a",), 0), "cm-power": (("CM",), ("s", "b"), 0), "cm-log-ratio": (("CM",), ("b",), 0),
    "cm-log1p-ratio": (("CM",), ("b",), 0),
    "cm-laplace": (("CM",), ("density",), 0), "cm-matern": (("CM",), ("nu", "c"), 0),  # optional: rate, coefficients (the root-exponential family)
    "bf-linear": (("BF",), ("beta",), 0), "bf-power": (("BF",), ("s",), 0), "bf-log1p": (("BF",), (), 0),
    "sum": (_BOTH, (), None), "product": (("CM",), (), None), "scale": (_BOTH, ("c",), 1),
    "rewrite": (_BOTH, (), 1), "compose": (_BOTH, (), 2), "exp-of-cm": (("CM",), (), 1),
    "reciprocal": (("CM",), (), 1), "derivative": (("BF",), (), 1),
}


def check_node(node, where, budget):
    """Verify one node and its subtree; return the node's expression (in ``x > 0``)."""
    budget[0] += 1
    charge(10, f"checking derivation node {where}")
    if budget[0] > MAX_NODES:
        raise CheckError(f"derivation has more than {MAX_NODES} nodes")
    if type(node) is not dict or set(node) - {"class", "expr", "rule", "params", "children"}:
        raise CheckError(f"{where}: malformed derivation node {str(node)[:80]}")
    cls, rule = get(node, "class", "str", where), get(node, "rule", "str", where)
    if rule not in RULES:
        raise CheckError(f"{where}: unknown rule {rule!r}")
    classes, names, n_children = RULES[rule]
    here = f"{where} ({rule})"
    if cls not in classes:
        raise CheckError(f"{here}: the rule {rule} proves {' or '.join(classes)}, not {cls!r}")
    expr = parse(get(node, "expr", "str", where), where)
    params, kids = node.get("params", {}), node.get("children", [])
    if type(params) is not dict or type(kids) is not list:
        raise CheckError(f"{here}: params must be an object and children a list")
    optional = {"rate", "coefficients"} if rule == "cm-laplace" else set()
    if not set(names) <= set(params) <= set(names) | optional or \
            (len(kids) < 2 if n_children is None else len(kids) != n_children):
        raise CheckError(f"{here}: needs params {sorted(names)} and "
                         f"{'at least 2' if n_children is None else n_children} children")
    readers = {"density": lambda v: parse(v, f"{here} density", "t"),
               "coefficients": lambda v: [constant(c, f"{here} coefficient") for c in v] if type(v) is list
               and 1 <= len(v) <= 8 else _refuse(f"{here}: coefficients must be a list of 1 to 8 numbers")}
    p = {k: readers[k](v) if k in readers else constant(v, f"{here} param {k}") for k, v in params.items()}

    def child(i, want):
        if type(kids[i]) is not dict or kids[i].get("class") != want:
            raise CheckError(f"{here}: child {i} must be a {want} derivation")
        return check_node(kids[i], f"{where}.{i}", budget)

    if rule in ("cm-const", "bf-const"):
        nonneg(p["c"], here); equal(expr, p["c"], here)
    elif rule == "cm-exp":
        nonneg(p["a"], here); equal(expr, sympy.exp(-p["a"] * XP), here)
    elif rule == "cm-power":
        nonneg(p["s"], here); nonneg(p["b"], here); equal(expr, (XP + p["b"]) ** (-p["s"]), here)
    elif rule == "cm-log-ratio":
        sign(p["b"], here, +1); equal(expr, sympy.log(1 + p["b"] / XP), here)
    elif rule == "cm-log1p-ratio":  # log(1 + b x)/x = int_0^b dt/(1 + t x): a mixture of CM functions
        sign(p["b"], here, +1); equal(expr, sympy.log(1 + p["b"] * XP) / XP, here)
    elif rule == "cm-matern":  # (c x)^nu K_nu(c x), c > 0, nu <= 1/2: see _matern
        sign(p["c"], here, +1); nonneg(sympy.Rational(1, 2) - p["nu"], here)
        equal(expr, (p["c"] * XP) ** p["nu"] * sympy.besselk(p["nu"], p["c"] * XP), here)
    elif rule == "bf-linear":
        nonneg(p["beta"], here); equal(expr, p["beta"] * XP, here)
    elif rule == "bf-power":
        sign(p["s"], here, +1); nonneg(1 - p["s"], here); equal(expr, XP ** p["s"], here)
    elif rule == "bf-log1p":
        equal(expr, sympy.log(1 + XP), here)
    elif rule == "cm-laplace":
        if ("rate" in p) != ("coefficients" in p):
            raise CheckError(f"{here}: the root-exponential family needs both rate and coefficients")
        if "rate" in p:
            density, transform = root_exponential_family(p["rate"], p["coefficients"], here)
            equal(p["density"], density, f"{here}: the density is the family's")
            positive_density(p["density"], here)
        else:
            transform = laplace_transform(p["density"], here)
        equal(transform, expr, here)
    elif rule in ("sum", "product"):
        parts = [child(i, cls) for i in range(len(kids))]
        equal(expr, sympy.Add(*parts) if rule == "sum" else sympy.Mul(*parts), here)
    elif rule == "scale":
        nonneg(p["c"], here); equal(expr, p["c"] * child(0, cls), here)
    elif rule == "rewrite":
        equal(expr, child(0, cls), here)
    elif rule == "compose":  # CM o BF is CM, BF o BF is BF
        outer, inner = child(0, cls), child(1, "BF")
        equal(expr, outer.subs(XP, inner), here)
    elif rule == "exp-of-cm":  # exp is absolutely monotone
        equal(expr, sympy.exp(child(0, "CM")), here)
    elif rule == "reciprocal":  # 1/h is CM for a Bernstein h that is not identically 0
        h = child(0, "BF")
        sign(h.subs(XP, 1), f"{here} h(1)", +1)
        equal(expr * h, 1, here)
    elif rule == "derivative":  # f >= 0 with f' CM; needs f continuous on (0, oo), else f' says nothing
        if not continuous(expr, XP):
            raise CheckError(f"{here}: {expr} is not proved continuous on (0, oo), so its derivative "
                             f"does not determine it (a jump hides behind a smooth derivative)")
        equal(sympy.diff(expr, XP), child(0, "CM"), here)
        start = limit(expr, XP, 0, "+", f"{here} f(0+)")
        nonneg(start, f"{here} f(0+)")
    return expr


# The Matern atom, t^nu K_nu(t) (t = c x, c > 0), is completely monotone for every real nu <= 1/2:
# * nu < 1/2: DLMF 10.32.8 at order -nu (K is even in its order, 10.27.3) gives
#   t^nu K_nu(t) = sqrt(pi) 2^nu / Gamma(1/2 - nu) int_1^oo exp(-t s) (s^2 - 1)^(-nu - 1/2) ds, a Laplace
#   transform of a density >= 0 (Gamma(1/2 - nu) > 0), hence CM (Bernstein's theorem);
# * nu = 1/2: t^(1/2) K_(1/2)(t) = sqrt(pi/2) exp(-t) (DLMF 10.39.2).
# Composed with x -> c x (c > 0, a Bernstein function), it stays CM. f(0) is the caller's concern
# (for nu <= 0 the atom is unbounded at 0+ and no finite f(0) can follow).


def positive_density(rho, where):
    """rho(t) >= 0 for every t > 0, read off its structure: products, sums and real powers of
    positive constants, t, exp(real) and Heaviside factors."""
    if not rho.has(T):
        sign(rho, where, +1)
    elif rho.is_Add or rho.is_Mul:
        for term in rho.args:
            positive_density(term, where)
    elif rho.is_Pow and rho.exp.is_extended_real:
        positive_density(rho.base, where)
    elif not (rho == T or isinstance(rho, sympy.Heaviside) or (isinstance(rho, sympy.exp) and rho.args[0].is_extended_real)):
        raise CheckError(f"{where}: cannot see from its form that the density {rho} is >= 0")


def laplace_transform(rho, where):
    """``int_0^oo rho(t) exp(-t x) dt`` for a density ``rho >= 0``, proved by the fundamental theorem
    of calculus, not taken from an integral table.

    ``(0, oo)`` is cut at the jumps of the Heaviside factors; on each open piece the integrand
    ``g = rho exp(-t x)`` is continuous and >= 0, ``G`` (SymPy's indefinite integral, term by term,
    computed here: a certificate cannot supply one) is proved continuous with ``dG/dt = g`` by differentiation, and the
    piece contributes ``G(b-) - G(a+)`` (one-sided limits, finite: by monotone convergence the
    improper integral then converges for every x > 0). SymPy's ``laplace_transform`` is not used: it
    returns wrong transforms (for ``t exp(-t^2)`` it drops a factor ``exp(x^2/4)``).
    """
    positive_density(rho, where)
    breaks = set()
    for h in rho.atoms(sympy.Heaviside):
        arg = sympy.expand(h.args[0])
        slope = arg.coeff(T)
        if not slope.is_number or slope == 0 or sympy.expand(arg - slope * T).has(T):
            raise CheckError(f"{where}: a Heaviside factor of the density must have an argument linear in t")
        point = -sympy.expand(arg - slope * T) / slope
        if point == 0:
            continue
        try:  # the sign proved (ball arithmetic or the region), not what SymPy assumes of the constant
            if sign(point, f"{where}: the jump of {h}", 0) > 0:
                breaks.add(point)
        except CheckError:
            raise CheckError(f"{where}: cannot place the jump of {h} relative to 0") from None
    if len(breaks) > 1 and any(p.free_symbols for p in breaks):  # a family's jumps: their order is not read
        raise CheckError(f"{where}: the density jumps at several points that depend on parameters")
    points = [sympy.Integer(0)] + sorted(breaks, key=lambda p: float(p) if not p.free_symbols else 0) + [sympy.oo]
    total = sympy.Integer(0)
    for lo, hi in zip(points, points[1:]):
        inside = lo + 1 if hi == sympy.oo else (lo + hi) / 2  # Heaviside is constant on the open piece
        piece = rho.xreplace({h: h.subs(T, inside) for h in rho.atoms(sympy.Heaviside)})
        if piece == 0:
            continue
        integrand = piece * sympy.exp(-T * XP)
        if not continuous(integrand, T):
            raise CheckError(f"{where}: the density {piece} is not proved continuous on ({lo}, {hi})")
        # term by term, with exponentials combined: SymPy's limit errs on the uncombined form
        charge(1000, f"{where}: integrating a density piece")
        G = sympy.Add(*[sympy.integrate(sympy.powsimp(term), T) for term in sympy.Add.make_args(
            sympy.expand(integrand))])
        G = sympy.powsimp(sympy.expand(G))
        if G.has(sympy.Integral) or not continuous(G, T):
            raise CheckError(f"{where}: no antiderivative of {integrand} proved continuous on ({lo}, {hi})")
        equal(sympy.diff(G, T), integrand, f"{where}: d/dt of the antiderivative")
        # the limits of G as a whole: SymPy errs on single terms such as erfc(t - 1) (it says 2)
        # at a jump of the density G is continuous (proved above): its value; at 0+ and oo, SymPy's
        # limit of G as a whole, guarded below
        ends = [G.subs(T, end) if end not in (0, sympy.oo) else limit(G, T, end, side, where)
                for end, side in ((hi, "-"), (lo, "+"))]
        if any(e.has(sympy.oo, -sympy.oo, sympy.zoo, sympy.nan, sympy.AccumBounds, sympy.Limit) for e in ends):
            raise CheckError(f"{where}: the antiderivative has no finite limits at {lo} and {hi}: {ends}")
        _monotone_guard(G, ends, lo, hi, where)
        total += ends[0] - ends[1]
    return total


def _monotone_guard(G, ends, lo, hi, where):
    """A rigorous guard on SymPy's limits: G increases in t (its derivative is >= 0), so at
    x = 1/2, 1, 2 every interior value lies between the limits at the ends."""
    top = (hi if hi != sympy.oo else lo + 64)
    for k, x0 in itertools.product(range(1, 8), (sympy.Rational(1, 2), 1, 2)):
        t0 = lo + (top - lo) * sympy.Rational(k, 8) ** 2
        value = G.subs({T: t0, XP: x0})
        for end, side in ((ends[0], +1), (ends[1], -1)):
            gap = side * (end.subs(XP, x0) - value)
            if gap != 0:
                sign(gap, f"{where}: the limit of the antiderivative at the {'upper' if side > 0 else 'lower'} end "
                          f"against its value at t = {t0} (it increases)", +1)


_A = sympy.Dummy("a", positive=True)  # a Dummy: a parameter named a must never be taken for it
_BASE = _A / (2 * sympy.sqrt(sympy.pi)) * T ** sympy.Rational(-3, 2) * sympy.exp(-_A**2 / (4 * T))
_BASE_PAIR = []  # set once the pair below has been proved in this process


def _base_pair():
    """Prove, once, that ``a / (2 sqrt(pi)) t^(-3/2) exp(-a^2/(4t))`` has the Laplace transform
    ``exp(-a sqrt x)`` for every a > 0: by the fundamental theorem of calculus with the antiderivative
    ``(exp(a sqrt x) erfc(a/(2 sqrt t) + sqrt(x t)) + exp(-a sqrt x) erfc(a/(2 sqrt t) - sqrt(x t)))/2``,
    checked by differentiation, its continuity, and its limits at 0+ and oo (a symbolic)."""
    if not _BASE_PAIR:
        root_x, root_t = sympy.sqrt(XP), sympy.sqrt(T)
        G = (sympy.exp(_A * root_x) * sympy.erfc(_A / (2 * root_t) + root_x * root_t)
             + sympy.exp(-_A * root_x) * sympy.erfc(_A / (2 * root_t) - root_x * root_t)) / 2
        where = "the root-exponential pair"
        if not continuous(G, T):
            raise CheckError(f"{where}: the antiderivative is not proved continuous")
        equal(sympy.diff(G, T), _BASE * sympy.exp(-T * XP), where)
        equal(sympy.limit(G, T, sympy.oo), sympy.exp(-_A * root_x), f"{where} at oo")
        equal(sympy.limit(G, T, 0, "+"), 0, f"{where} at 0")
        _BASE_PAIR.append(True)


def root_exponential_family(rate, coefficients, where):
    """Density and Laplace transform of ``sum_k c_k (sqrt x)^k exp(-a sqrt x)`` at ``a = rate > 0``.

    The base pair ``L[a / (2 sqrt(pi)) t^(-3/2) exp(-a^2/(4t))] = exp(-a sqrt x)`` is proved by
    :func:`_base_pair`; differentiating under the integral sign in the parameter ``a`` (dominated
    convergence on compact subsets of a > 0) turns ``(-d/da)^k`` of the density into multiplication
    of the transform by ``sqrt(x)^k``. The caller still proves the density >= 0 from its form.
    """
    sign(rate, f"{where}: the rate must be positive", +1)
    _base_pair()
    density = sum(c * (-1) ** k * sympy.diff(_BASE, _A, k) for k, c in enumerate(coefficients)).subs(_A, rate)
    transform = sum(c * sympy.sqrt(XP) ** k for k, c in enumerate(coefficients)) * sympy.exp(-rate * sympy.sqrt(XP))
    return density, transform


def _refuse(message):
    raise CheckError(message)
