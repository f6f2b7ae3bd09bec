"""Polynomial certificates: ``f`` is a polynomial on R (with the monomial feature identity for
``low-rank``), or ``f`` agrees with no polynomial.

A non-polynomial proof is a small tree. Its nodes prove that a function ``g`` agrees with no
polynomial on ``(0, oo)`` (which implies the same on R), except ``two-halves``, which proves it on
R from the two half-lines. Every coefficient whose being nonzero matters is proved nonzero by ball
arithmetic, and coprimality is a resultant proved nonzero: SymPy's notion of a polynomial's degree
alone would believe a zero in disguise.
"""

import math

import sympy

from .exact import continuous, equal, nonzero, sign
from .limits import limit
from .fuel import charge
from .reading import XN, XP, XR, CheckError, get, number

__all__ = ["check_polynomial", "check_not_polynomial", "MAX_PROOF_NODES"]

MAX_PROOF_NODES, MAX_COEFFICIENTS = 20, 200


def _poly_of(coeffs, var, where):
    if type(coeffs) is not list or not 1 <= len(coeffs) <= MAX_COEFFICIENTS:
        raise CheckError(f"{where}: coefficients must be a list of 1 to {MAX_COEFFICIENTS} numbers")
    return [number(c, f"{where} coefficient {j}") for j, c in enumerate(coeffs)]


def _true_degree(coeffs, where):
    """Degree with its leading coefficient proved nonzero (structural zeros are dropped first)."""
    while coeffs and coeffs[-1] == 0:
        coeffs = coeffs[:-1]
    if coeffs:
        nonzero(coeffs[-1], f"{where} leading coefficient")
    return len(coeffs) - 1, coeffs


def check_polynomial(claim, f, data):
    coeffs = _poly_of(get(data, "coefficients", "list", "data"), XR, "data")
    # on R, as written: f continuous there (so an identity off a few points is one everywhere),
    # the identity in a real x, and f(0) from the function text or its extension
    if not f.continuous_on_real_line():
        raise CheckError("f is not proved continuous on R, so it is not shown to be a polynomial there")
    equal(f.real, sum(c * XR**j for j, c in enumerate(coeffs)), "f equals the polynomial on R")
    equal(f.value_at_0("f(0)"), coeffs[0], "f(0) equals the constant coefficient")
    if claim == "low-rank":
        g = len(coeffs) - 1
        if set(data) != {"coefficients", "degree", "rank_bound"} or get(data, "degree", "int", "data") != g \
                or get(data, "rank_bound", "str", "data") != f"binomial(d + {g}, {g})":
            raise CheckError(f"low-rank data must state coefficients, degree {g} and rank_bound 'binomial(d + {g}, {g})'")
        # the monomial feature identity f(<q,k>) = <phi(q), psi(k)>, checked for d = 2
        q, k = sympy.symbols("q1 q2", real=True), sympy.symbols("k1 k2", real=True)
        phi, psi = [], []
        for j, c in enumerate(coeffs):
            for a in range(j + 1):
                phi.append(c * sympy.binomial(j, a) * q[0] ** a * q[1] ** (j - a))
                psi.append(k[0] ** a * k[1] ** (j - a))
        equal(f.real.subs(XR, q[0] * k[0] + q[1] * k[1]), sum(u * v for u, v in zip(phi, psi)), "feature identity")
    elif set(data) != {"coefficients"}:
        raise CheckError(f"polynomial data has unknown fields {sorted(set(data) - {'coefficients'})}")
    return claim, "holds"


def check_not_polynomial(claim, f, data, rank_witness):
    if set(data) - {"proof", "rank_witnesses"}:
        raise CheckError(f"not-polynomial data has unknown fields {sorted(set(data) - {'proof', 'rank_witnesses'})}")
    if claim == "low-rank" and not f.continuous_on_real_line():
        raise CheckError("the low-rank theorem needs f without essential discontinuities; f is not proved "
                         "continuous on R")
    proof = data.get("proof")
    if type(proof) is dict and proof.get("kind") == "two-halves":
        _two_halves(f, proof)
    else:
        _node(f.pos, proof, "proof", [0])
    witnesses = data.get("rank_witnesses", [])
    if type(witnesses) is not list or len(witnesses) > 6:
        raise CheckError("rank_witnesses must be a list of at most 6 boxes")
    for w in witnesses:
        rank_witness(f, w)
    return claim, "fails"


def _two_halves(f, node):
    """f is the polynomial P on (0, oo) and N on (-oo, 0) with P != N: no polynomial on R."""
    where = "proof (two-halves)"
    if set(node) != {"kind", "positive", "negative"}:
        raise CheckError(f"{where}: fields are kind, positive, negative")
    P = _poly_of(node["positive"], XP, f"{where} positive")
    N = _poly_of(node["negative"], XN, f"{where} negative")
    equal(f.pos, sum(c * XP**j for j, c in enumerate(P)), f"{where}: f on (0, oo)")
    equal(f.neg, sum(c * XN**j for j, c in enumerate(N)), f"{where}: f on (-oo, 0)")
    n = max(len(P), len(N))
    P, N = P + [0] * (n - len(P)), N + [0] * (n - len(N))
    for j in range(n):
        if P[j] - N[j] != 0:
            try:
                nonzero(P[j] - N[j], f"{where} coefficient {j}")
                return
            except CheckError:
                continue
    raise CheckError(f"{where}: no coefficient of the two halves is proved different")


def _node(g, node, where, budget):
    """Prove that g (a function of x > 0) agrees with no polynomial on (0, oo)."""
    budget[0] += 1
    charge(10, f"checking non-polynomial proof node {where}")
    if budget[0] > MAX_PROOF_NODES or type(node) is not dict:
        raise CheckError(f"{where}: malformed non-polynomial proof")
    kind = get(node, "kind", "str", where)
    fields = {"derivative": {"of"}, "substitution": {"power", "of"}, "limit": {"a", "b"}, "pole": {"point"},
              "rational": {"numerator", "denominator"}, "ode": {"coefficients", "nonzero_at"}}
    if kind not in fields:
        raise CheckError(f"{where}: unknown non-polynomial proof kind {kind!r}")
    if set(node) != fields[kind] | {"kind"}:
        raise CheckError(f"{where}: a {kind} node has the fields {sorted(fields[kind] | {'kind'})}")
    here = f"{where} ({kind})"
    if kind == "derivative":  # if g were a polynomial, so would be g' (g analytic: the formula is g')
        if not continuous(g, XP, analytic=True):
            raise CheckError(f"{here}: {g} is not proved analytic on (0, oo), so its formal derivative may lie")
        _node(sympy.diff(g, XP), node["of"], f"{where}.derivative", budget)
    elif kind == "substitution":  # if g were a polynomial, so would be g(x^m)
        m = get(node, "power", "int", where)
        if not 2 <= m <= 12:
            raise CheckError(f"{here}: substitution power must be in 2..12")
        _node(sympy.expand_power_base(g.subs(XP, XP**m), force=False), node["of"], f"{where}.x^{m}", budget)
    elif kind == "limit":  # a nonconstant polynomial is unbounded at infinity
        at_infinity = limit(g, XP, sympy.oo, "-", here)
        if not (at_infinity.is_number and at_infinity.is_finite and at_infinity.is_extended_real):
            raise CheckError(f"{here}: the limit of {g} at infinity is {at_infinity}, not a finite number")
        a, b = (number(get(node, k, "str", where), here) for k in ("a", "b"))
        sign(a, f"{here}: the point a = {a} must lie in (0, oo)", +1)
        sign(b, f"{here}: the point b = {b} must lie in (0, oo)", +1)
        nonzero(g.subs(XP, a) - g.subs(XP, b), f"{here} g(a) - g(b)")  # g is not constant
    elif kind == "pole":  # a polynomial is bounded near every point
        x0 = number(get(node, "point", "str", where), here)
        sign(x0, f"{here}: the point must lie in (0, oo)", +1)
        if not any(_infinite_limit(g, x0, side, here) for side in "+-"):
            raise CheckError(f"{here}: {g} does not tend to infinity at {x0}")
    elif kind == "rational":  # g Q = P with Res(P, Q) != 0 and deg Q >= 1
        num = _poly_of(node["numerator"], XP, f"{here} numerator")
        deg_q, den = _true_degree(_poly_of(node["denominator"], XP, f"{here} denominator"), f"{here} denominator")
        if deg_q < 1 or len(num) > 40 or deg_q > 40:
            raise CheckError(f"{here}: need a denominator of degree 1..40 and a numerator of degree <= 39")
        nonzero(_resultant(num, den), f"{here} resultant of numerator and denominator (coprime)")
        equal(g * sum(c * XP**j for j, c in enumerate(den)), sum(c * XP**j for j, c in enumerate(num)), f"{here} g = P/Q")
    elif kind == "ode":
        _ode(g, node, here)


def _infinite_limit(g, x0, side, where):
    try:
        return limit(g, XP, x0, side, where) in (sympy.oo, -sympy.oo)
    except CheckError:
        return False


def _resultant(p, q):
    """The Sylvester resultant of two coefficient lists (lowest degree first), as an exact expression."""
    p, q = list(reversed(p)), list(reversed(q))  # highest first
    m, n = len(p) - 1, len(q) - 1
    if m == 0:
        return p[0] ** n
    rows = [[0] * i + p + [0] * (n - 1 - i) for i in range(n)] + [[0] * i + q + [0] * (m - 1 - i) for i in range(m)]
    return sympy.Matrix(rows).det(method="berkowitz")


def _ode(g, node, here):
    """sum_k p_k(x) g^(k) = 0 with an indicial polynomial that has no root in N, and g(x0) != 0.

    If g were a nonzero polynomial of degree n, the top coefficient of the sum would be
    lc(g) * indicial(n); so indicial(n) = 0. The p_k's degrees are the true ones (leading
    coefficients proved nonzero), and so is the indicial polynomial's.
    """
    rows = get(node, "coefficients", "list", here)
    if not 1 <= len(rows) - 1 <= 6:
        raise CheckError(f"{here}: ODE order must be 1..6")
    if not continuous(g, XP, analytic=True):
        raise CheckError(f"{here}: {g} is not proved analytic on (0, oo), so its formal derivatives may lie")
    polys = [_true_degree(_poly_of(row, XP, f"{here} row {k}"), f"{here} row {k}") for k, row in enumerate(rows)]
    if all(deg < 0 for deg, _ in polys):
        raise CheckError(f"{here}: all coefficients are 0")
    equal(sum(sum(c * XP**j for j, c in enumerate(cs)) * sympy.diff(g, XP, k) for k, (_, cs) in enumerate(polys)),
          0, f"{here} the ODE")
    top = max(deg - k for k, (deg, _) in enumerate(polys) if deg >= 0)
    n = sympy.Dummy("n")
    indicial = sympy.expand(sum(cs[-1] * sympy.ff(n, k) for k, (deg, cs) in enumerate(polys)
                                if deg >= 0 and deg - k == top))
    coeffs = sympy.Poly(indicial, n).all_coeffs()
    deg_i, coeffs_low = _true_degree(list(reversed(coeffs)), f"{here} indicial polynomial")
    if deg_i < 0:
        raise CheckError(f"{here}: the indicial polynomial is identically 0")
    # Cauchy: every root has modulus below 1 + max |a_i / a_n|
    lead = coeffs_low[-1]
    cauchy = 1 + max([abs(c / lead) for c in coeffs_low[:-1]] or [sympy.Integer(0)])
    if sign(10**4 - cauchy, f"{here} root bound", 0) < 0:
        raise CheckError(f"{here}: cannot bound the roots of {indicial} below 10^4")
    for value in range(int(math.floor(float(sympy.N(cauchy, 30)))) + 2):
        nonzero(indicial.subs(n, value), f"{here} indicial({value})")
    x0 = number(get(node, "nonzero_at", "str", here), here)
    sign(x0, f"{here}: the point must lie in (0, oo)", +1)
    nonzero(g.subs(XP, x0), f"{here} g(x0)")
