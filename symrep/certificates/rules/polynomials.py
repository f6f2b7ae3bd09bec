"""Polynomial certificates on the kernel: ``f`` is a polynomial on R (with the monomial feature identity
for ``low-rank``), and the rank of ``[f(<x, y>)]`` over the cube ``{+-1}^d``.

* **polynomial** (holds): ``f`` is proved continuous on R by its structure and equal to
  ``sum c_j x^j`` by the normal form, which proves the identity wherever ``f`` is defined, that is on all
  of R. For ``low-rank`` the monomial feature identity ``f(<q, k>) = <phi(q), psi(k)>`` (d = 2) is proved
  by the normal form too, so that ``rank f(QK^T) <= binomial(d + g, g)`` (the seed paper's "if" half:
  monomial features).
* **cube-spectrum** (the seed paper, section on the inner-product cube): ``f(<x, y>)`` on ``{+-1}^d`` is a
  group matrix of ``Z_2^d`` with eigenvalue ``lambda_s = sum_t K_s(t) f(d - 2t)`` (``K_s`` the
  Krawtchouk polynomial) of multiplicity ``C(d, s)``; a level stated ``zero`` is proved 0 by the normal
  form, a ``nonzero`` one by ball arithmetic, and the rank is the sum of the nonzero multiplicities.

Examples
--------
>>> from symrep.certificates.rules.function import Function
>>> from symrep.certificates.rules.polynomials import check_cube_rank
>>> levels = ["nonzero", "nonzero", "zero", "nonzero", "zero", "zero", "zero"]
>>> check_cube_rank("cube-rank", Function("x**3 + 2*x + 1", "R"), {"d": 6, "rank": 27, "levels": levels})
('cube-rank', 'holds')
"""

import math

from ..enclosures import sign_at
from ..domains import Span, sign_class
from ..errors import CheckError
from ..fuel import charge
from ..grammar import read
from ..normal_form import Domain, proved_equal
from ..terms import ZERO, add, mul, num, power, substitute, var

__all__ = ["check_polynomial", "check_cube_rank", "MAX_COEFFICIENTS"]

MAX_COEFFICIENTS = 200


def _coefficients(data, where):
    values = data.get("coefficients") if type(data) is dict else None
    if type(values) is not list or not 1 <= len(values) <= MAX_COEFFICIENTS or any(type(c) is not str for c in values):
        raise CheckError(f"{where}: coefficients must be a list of 1 to {MAX_COEFFICIENTS} numbers as text")
    return [read(c, f"{where} coefficient {j}", variables=()) for j, c in enumerate(values)]


def _polynomial(coefficients, x):
    parts = [mul(c, power(x, num(j))) for j, c in enumerate(coefficients)]
    return add(*parts) if len(parts) > 1 else parts[0]


def check_polynomial(claim, f, data):
    where = "polynomial"
    coefficients = _coefficients(data, where)
    line = {"x": Span(None, None), **f.region}
    if not (f.continuous_on_line() or sign_class(f.term, line) is not None):  # defined at every real x (H(x) x^2)
        raise CheckError("f is not proved continuous on R (nor defined at every real x), so it is not shown to be a "
                         "polynomial there")
    fixed = {n: num(s.lo) for n, s in f.region.items() if s.bounded() and s.lo == s.hi}  # one value: put in
    if not proved_equal(substitute(f.term, fixed), _polynomial(coefficients, var("x")), Domain()):
        raise CheckError("f equals the polynomial on R: the normal form of their difference is not 0")
    if claim == "low-rank":
        g = len(coefficients) - 1
        if set(data) != {"coefficients", "degree", "rank_bound"} or data.get("degree") != g or \
                type(data.get("degree")) is not int or data.get("rank_bound") != f"binomial(d + {g}, {g})":
            raise CheckError(f"low-rank data must state coefficients, degree {g} and rank_bound 'binomial(d + {g}, {g})'")
        q1, q2, k1, k2 = (var(n) for n in ("q1", "q2", "k1", "k2"))
        features = []
        for j, c in enumerate(coefficients):
            for a in range(j + 1):
                features.append(mul(c, num(math.comb(j, a)), power(mul(q1, k1), num(a)), power(mul(q2, k2), num(j - a))))
        inner = add(mul(q1, k1), mul(q2, k2))
        # f = P at every real x (proved above) and <q, k> is real: f(<q, k>) = P(<q, k>), a polynomial identity
        polynomial = _polynomial(coefficients, var("x"))
        if not proved_equal(substitute(polynomial, {"x": inner}), add(*features) if len(features) > 1 else features[0],
                            Domain()):
            raise CheckError("feature identity: f(<q, k>) and <phi(q), psi(k)> are not proved equal")
    elif set(data) != {"coefficients"}:
        raise CheckError(f"polynomial data has unknown fields {sorted(set(data) - {'coefficients'})}")
    return claim, "holds"


def check_cube_rank(claim, f, data):
    where = "cube rank"
    if type(data) is not dict or set(data) != {"d", "rank", "levels"}:
        raise CheckError(f"{where}: fields are d, rank and levels")
    d, levels, stated = data["d"], data["levels"], data["rank"]
    if type(d) is not int or type(stated) is not int or type(levels) is not list or not 1 <= d <= 64 \
            or len(levels) != d + 1 or any(v not in ("zero", "nonzero") for v in levels):
        raise CheckError(f"{where}: need an integer 1 <= d <= 64, an integer rank and d + 1 levels 'zero' or 'nonzero'")
    values = [f.at(num(d - 2 * t), where) for t in range(d + 1)]  # <x, y> = d - 2 (disagreements)
    rank = 0
    for s, status in enumerate(levels):
        charge(d + 1, f"{where}: a Krawtchouk sum")
        weights = [sum((-1) ** j * math.comb(s, j) * math.comb(d - s, t - j) for j in range(min(s, t) + 1))
                   for t in range(d + 1)]
        parts = [mul(num(w), v) for w, v in zip(weights, values) if w]
        eigenvalue = add(*parts) if len(parts) > 1 else parts[0] if parts else ZERO
        if status == "zero":
            if not proved_equal(eigenvalue, ZERO, Domain()):
                raise CheckError(f"{where}: lambda at level {s} is not proved 0 by the normal form")
        else:
            sign_at(eigenvalue, f"{where} lambda at level {s}", 0)
            rank += math.comb(d, s)
    if stated != rank:
        raise CheckError(f"{where}: the levels give rank {rank}, not {stated}")
    return claim, "holds"

