"""Proofs that ``f`` agrees with no polynomial, on the kernel; and the rank witnesses of ``low-rank``.

A proof is a small tree of nodes, each proving that a function ``g`` of ``x`` agrees with no polynomial
on ``(0, oo)`` (so neither on R):

* ``derivative`` (``g`` proved analytic on ``(0, oo)``): if ``g`` were a polynomial, so would be ``g'``;
* ``substitution`` ``x -> x^m``: if ``g`` were a polynomial, so would be ``g(x^m)``;
* ``limit`` ``{a, b}``: ``g`` is bounded on a half-line ``[X0, oo)`` (:mod:`~symrep.certificates.rules.infinity`;
  ``X0`` is 1, 4, 16 or 64, or the node's ``from``; or its form ``as``, proved equal) and ``g(a) != g(b)``: a
  bounded polynomial is constant;
* ``rational`` ``{numerator P, denominator Q}``: ``g Q = P`` by the normal form, with ``deg Q >= 1`` and the
  resultant of ``P`` and ``Q`` nonzero (they are coprime, so ``Q`` does not divide ``P``); rational
  coefficients;
* ``completely-monotone`` ``{derivation, a, b}``: ``g`` is CM by a derivation, so bounded on ``[1, oo)``, and
  ``g(a) != g(b)`` (:mod:`~symrep.certificates.rules.cm_bounded`);
* ``ode`` ``{coefficients, nonzero_at}``: ``sum_k p_k(x) g^(k) = 0`` with ``g`` analytic and ``g(x0) != 0``, whose
  indicial polynomial has no root in N: a polynomial solution of degree ``n`` would make the top
  coefficient ``lc(g) indicial(n)`` vanish. Coefficients are constants (``sqrt(3)``: the Matérn kernels);
  every row's leading one is proved nonzero, so the indicial polynomial has its true degree.

At the top only (for ``f`` itself, on R): ``two-halves`` ``{positive P, negative N}`` (``f = P`` on ``(0, oo)``,
``f = N`` on ``(-oo, 0)``, a coefficient of ``P - N`` proved nonzero: ``Abs(x)``, ``Max(x, 0)``), and, for the
claim ``polynomial`` (``f`` agrees with a polynomial at *every* real ``x``), ``undefined-at`` ``{point}``: ``f``
proved undefined at that real point (``tan(x)`` at ``pi/2``), never 0, where ``f`` is read by its limit.

``rank_witnesses`` are l1 boxes whose distance matrix has rank ``<= d + 1`` while ``f`` of it has every
eigenvalue ``lambda_S`` proved nonzero: rank ``2^d`` (the seed paper's low-rank witnesses).

Examples
--------
>>> from symrep.certificates.rules.function import Function
>>> from symrep.certificates.rules.not_polynomial import check_not_polynomial
>>> check_not_polynomial("polynomial", Function("tanh(x)", "R"), {"proof": {"kind": "limit", "a": "1/2", "b": "1"}})
('polynomial', 'fails')
"""

import math
from fractions import Fraction

from ..derivatives import derivative, nth_derivative
from ..domains import analytic_on, continuous_on
from ..enclosures import enclose, sign_at
from ..errors import CheckError
from ..fuel import charge
from ..grammar import read
from ..normal_form import Domain, proved_equal
from ..rational_functions import resultant
from ..terms import ZERO, add, mul, num, power, substitute, var
from .cm_bounded import FIELDS as CM, OPTIONAL, check_cm_bounded
from .function import HALF_LINE, _resolve, defined_at, open_interval
from .infinity import bounded_at_infinity
from .line_proofs import two_halves, undefined_at
from .polynomial_terms import constants, poly_term, rationals
from .square_node import check_square

__all__ = ["check_not_polynomial", "MAX_PROOF_NODES"]

MAX_PROOF_NODES = 20
_OPTIONAL = {"limit": {"from", "as"}, "completely-monotone": OPTIONAL}
_FIELDS = {"derivative": {"of"}, "substitution": {"power", "of"}, "limit": {"a", "b"},
           "rational": {"numerator", "denominator"}, "ode": {"coefficients", "nonzero_at"}, "completely-monotone": CM,
           "square": {"polynomial"}}
X = var("x")
POSITIVE = Domain(positive=("x",))


def check_not_polynomial(claim, f, data):
    if type(data) is not dict or set(data) - {"proof", "rank_witnesses"}:
        raise CheckError("not-polynomial data has the fields proof and rank_witnesses")
    if claim == "low-rank" and not f.continuous_on_line():
        raise CheckError("the low-rank theorem needs f without essential discontinuities; f is not proved "
                         "continuous on R")
    proof = data.get("proof")
    kind = proof.get("kind") if type(proof) is dict else None
    if f.region and (kind in ("two-halves", "undefined-at") or data.get("rank_witnesses")):
        raise CheckError("for a family the kernel reads a proof by nodes, on (0, oo) or reflected, and no rank witnesses")
    if kind == "two-halves":
        two_halves(f, proof)
    elif kind == "undefined-at":
        undefined_at(claim, f, proof)
    elif kind == "reflect":  # f = P on R makes f(-x) = P(-x) a polynomial: a proof about f(-x) on (0, oo)
        if set(proof) != {"kind", "of"}:
            raise CheckError("proof (reflect): the fields are kind and of")
        g = _resolve(substitute(f.term, {"x": mul(num(-1), X)}), {**HALF_LINE, **f.region})
        _node(g, proof["of"], "proof.reflect", [0], f.region)
    else:
        _node(f.on_half_line(), proof, "proof", [0], f.region)
    witnesses = data.get("rank_witnesses", [])
    if type(witnesses) is not list or len(witnesses) > 6:
        raise CheckError("rank_witnesses must be a list of at most 6 boxes")
    for w in witnesses:
        _rank_witness(f, w)
    return claim, "fails"


def _point(source, where, width=None):
    value = read(source, where, variables=()) if type(source) is str else None
    if value is None:
        raise CheckError(f"{where}: a point is text")
    sign_at(value, f"{where}: the point must lie in (0, oo)", +1)
    if width is not None:
        sign_at(add(num(width), mul(num(-1), value)), f"{where}: the point must lie in (0, {width})", +1)
    return value


def _node(g, node, where, count, region=None, width=None):
    """Verify that ``g`` agrees with no polynomial on ``(0, width)``: a polynomial on a larger interval is one on every
    part of it, so a node may pass a shorter interval on (``x^m`` maps ``(0, min(width, 1))`` into itself)."""
    count[0] += 1
    charge(10, f"checking non-polynomial proof node {where}")
    if count[0] > MAX_PROOF_NODES or type(node) is not dict or node.get("kind") not in _FIELDS:
        raise CheckError(f"{where}: malformed non-polynomial proof (kinds: {', '.join(_FIELDS)}; the kernel does not "
                         f"read others yet)")
    kind = node["kind"]
    allowed = _FIELDS[kind] | {"kind"} | _OPTIONAL.get(kind, set())
    if not _FIELDS[kind] | {"kind"} <= set(node) <= allowed:
        raise CheckError(f"{where}: a {kind} node has the fields {sorted(_FIELDS[kind] | {'kind'})}")
    here = f"{where} ({kind})"
    if region and kind not in ("derivative", "substitution", "completely-monotone"):
        raise CheckError(f"{here}: for a family the kernel reads derivative, substitution and completely-monotone nodes")
    if width is not None and kind in ("limit", "completely-monotone"):
        raise CheckError(f"{here}: a {kind} node speaks of a half-line; the interval is (0, {width})")
    if kind == "derivative":
        if not analytic_on(g, "x", {**open_interval(width), **(region or {})}):
            raise CheckError(f"{here}: g is not proved analytic on the interval, so its formal derivative may lie")
        _node(derivative(g, "x"), node["of"], f"{where}.derivative", count, region, width)
    elif kind == "substitution":
        m = node["power"]
        if type(m) is not int or not 2 <= m <= 12:
            raise CheckError(f"{here}: substitution power must be in 2..12")
        _node(substitute(g, {"x": power(X, num(m))}), node["of"], f"{where}.x^{m}", count, region,
              None if width is None else min(Fraction(width), Fraction(1)))
    elif kind == "limit":
        starts = [Fraction(1), Fraction(4), Fraction(16), Fraction(64)]
        if "from" in node:
            start = read(node["from"], here, variables=()) if type(node["from"]) is str else None
            if start is None or start.op != "num" or start.value <= 0:
                raise CheckError(f"{here}: 'from' must be a positive rational")
            starts = [start.value]
        bounded = _equal_form(g, node["as"], here) if "as" in node else g
        if not any(bounded_at_infinity(bounded, s) for s in starts):
            raise CheckError(f"{here}: g is not proved bounded on a half-line [X0, oo)")
        a, b = (_point(node[k], here) for k in ("a", "b"))
        difference = add(defined_at(substitute(g, {"x": a}), f"{here} g(a)"),
                         mul(num(-1), defined_at(substitute(g, {"x": b}), f"{here} g(b)")))
        sign_at(difference, f"{here} g(a) - g(b)", 0)
    elif kind == "rational":
        p = rationals(node["numerator"], f"{here} numerator")
        q = rationals(node["denominator"], f"{here} denominator")
        if len(q) < 2:
            raise CheckError(f"{here}: the denominator must have degree >= 1")
        if resultant(p, q) == 0:
            raise CheckError(f"{here}: the numerator and denominator have a common root (their resultant is 0)")
        if not proved_equal(mul(g, poly_term(q)), poly_term(p), POSITIVE):
            raise CheckError(f"{here}: g Q = P is not proved")
    elif kind == "completely-monotone":
        check_cm_bounded(g, node, here, region or {})
    elif kind == "square":
        check_square(g, node, here, width)
    else:
        _ode(g, node, here, width)


def _equal_form(g, source, where):
    """The node's ``as``: a form ``h`` of ``g`` that interval bounds see bounded (``1/(x + 1/x)`` for ``x/(x^2 + 1)``,
    ``tanh(x)`` for ``sinh(x)/cosh(x)``). ``g`` is proved continuous on ``(0, oo)`` and ``h = g`` by the normal form,
    which holds wherever both are defined: where ``h`` is proved bounded (and defined), ``g`` is too."""
    h = read(source, f"{where} as") if type(source) is str else None
    if h is None or not continuous_on(g, "x", HALF_LINE) or not proved_equal(g, h, POSITIVE):
        raise CheckError(f"{where}: g continuous on (0, oo) and equal to its form 'as' are not proved")
    return h


def _ode(g, node, here, width=None):
    rows = node["coefficients"]
    if type(rows) is not list or not 2 <= len(rows) <= 7:
        raise CheckError(f"{here}: ODE order must be 1..6")
    if not analytic_on(g, "x", open_interval(width)):
        raise CheckError(f"{here}: g is not proved analytic on the interval, so its formal derivatives may lie")
    polys = [constants(row, f"{here} row {k}") for k, row in enumerate(rows)]
    parts = [mul(poly_term(p), nth_derivative(g, "x", k)) for k, p in enumerate(polys) if p]
    if not parts:
        raise CheckError(f"{here}: all coefficients are 0")
    if not proved_equal(add(*parts) if len(parts) > 1 else parts[0], ZERO, POSITIVE):
        raise CheckError(f"{here}: the ODE is not proved")
    # a polynomial solution c x^n + ... makes the coefficient of x^(n + top) vanish: lc(g) indicial(n) = 0, with
    # indicial(n) = sum over the rows with deg p_k - k = top of lc(p_k) n (n - 1) ... (n - k + 1)
    top = max(len(p) - 1 - k for k, p in enumerate(polys) if p)
    leading = {k: p[-1] for k, p in enumerate(polys) if p and len(p) - 1 - k == top}
    order = max(leading)  # indicial has degree `order` and leading coefficient leading[order], proved nonzero

    def indicial(n):
        return add(*[mul(num(math.prod(n - j for j in range(k))), c) for k, c in leading.items()]) \
            if len(leading) > 1 else mul(num(math.prod(n - j for j in range(order))), leading[order])

    # Cauchy's bound on its roots: 1 + max |a_j / a_order|, a_j = sum_k s(k, j) lc(p_k) (Stirling numbers)
    lead = enclose(leading[order], {})
    bound = Fraction(1)
    for j in range(order):
        a_j = add(*[mul(num(_stirling(k, j)), c) for k, c in leading.items()] + [ZERO])
        ratio = abs(enclose(a_j, {}) / lead)
        if not ratio.is_finite() or ratio.upper() > 10**4:
            raise CheckError(f"{here}: cannot bound the roots of the indicial polynomial below 10^4")
        bound = max(bound, 1 + Fraction(int(ratio.upper().floor().unique_fmpz()) + 1))
    for n in range(int(bound) + 2):
        sign_at(indicial(n), f"{here}: the indicial polynomial may vanish at n = {n}: indicial({n})", 0)
    x0 = _point(node["nonzero_at"], here, width)
    sign_at(defined_at(substitute(g, {"x": x0}), f"{here} g(x0)"), f"{here} g(x0)", 0)


def _stirling(k, j):
    """The signed Stirling number of the first kind s(k, j): n (n - 1) ... (n - k + 1) = sum_j s(k, j) n^j."""
    row = [1]
    for m in range(k):
        row = [(row[i - 1] if i else 0) - m * (row[i] if i < len(row) else 0) for i in range(len(row) + 1)]
    return row[j] if j < len(row) else 0


def _rank_witness(f, w):
    where = "rank witness"
    if type(w) is not dict or set(w) != {"sides", "rank"} or type(w["sides"]) is not list:
        raise CheckError(f"{where}: fields are sides and rank")
    sides = [read(s, where, variables=()) if type(s) is str else None for s in w["sides"]]
    if not 1 <= len(sides) <= 6 or any(s is None or s.op != "num" or s.value <= 0 for s in sides):
        raise CheckError(f"{where}: 1 to 6 positive rational sides")
    d = len(sides)
    if w["rank"] != 2**d or type(w["rank"]) is not int:
        raise CheckError(f"{where}: rank must be 2^d")
    # the l1 distance matrix of a box has rank <= d + 1 (its eigenvalues: 2^(d-1) sum a, -2^(d-1) a_i, zeros)
    values = [sum((s.value for i, s in enumerate(sides) if T >> i & 1), Fraction(0)) for T in range(1 << d)]
    nonzero = sum(1 for mask in range(1 << d)
                  if sum((-1) ** bin(T & mask).count("1") * values[T] for T in range(1 << d)) != 0)
    if nonzero > d + 1:
        raise CheckError(f"{where}: the distance matrix has rank above d + 1")
    at = [f.at(num(v), where) for v in values]
    for mask in range(1 << d):
        parts = [mul(num((-1) ** bin(T & mask).count("1")), at[T]) for T in range(1 << d)]
        sign_at(add(*parts) if len(parts) > 1 else parts[0], f"{where} lambda_{mask}", 0)


