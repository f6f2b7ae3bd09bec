"""``low-rank`` refuted on an open interval ``I = (LO, oo)`` or ``(LO, HI)`` that the certificate states as its domain.

Theorem (theory section 5): if ``f`` is real analytic on the open interval ``I`` and agrees with no polynomial
on ``I``, then ``rank f(QK^T)`` over ``Q, K`` of width 2 whose product has its entries in ``I`` is unbounded. By
the identity theorem the Taylor series of ``f`` at ``c`` in ``I`` has infinitely many nonzero coefficients
``a_k1, a_k2, ...``; for ``0 < u_1 < ... < u_n``, ``0 < v_1 < ... < v_n`` the matrix ``[f(c + s u_i v_j)]`` has, by
Cauchy-Binet, a determinant whose lowest power of ``s`` is ``s^(k1 + ... + kn)`` with coefficient
``a_k1 ... a_kn`` times two generalized Vandermonde determinants, positive for positive increasing nodes
(Gantmacher-Krein; Polya-Szego II, Part V, problem 76): rank ``n`` for small ``s != 0``.

The kernel proves ``f`` real analytic on ``I`` from its structure (as written: no extension), reads the proof
node (:mod:`~symrep.certificates.rules.not_polynomial`) for ``g(x) = f(x + LO)`` on ``(0, HI - LO)`` (which is ``f``
on ``I``; a bounded interval admits no node about a half-line), refuses the line's ``two-halves`` and ``undefined-at``, and reads rank witnesses (boxes, whose distances
include 0) only when ``0`` lies in ``I``. A ``holds`` on an interval is refused by the header: the monomial
feature bound is about all of R.

Examples
--------
>>> from symrep.certificates.rules.function import Function
>>> from symrep.certificates.rules.interval import check_on_interval
>>> proof = {"kind": "rational", "numerator": ["1"], "denominator": ["0", "1"]}      # 1/x on (0, oo)
>>> check_on_interval("low-rank", Function("1/(3 + x)", "R"), {"proof": proof}, "(-3, oo)")
('low-rank', 'fails')
"""

from ..domains import Span, analytic_on
from ..errors import CheckError
from ..grammar import read
from ..terms import add, num, substitute
from .function import _resolve, open_interval
from .not_polynomial import X, _node, _rank_witness

__all__ = ["check_on_interval", "read_interval"]


def read_interval(text):
    """The ends ``(LO, HI)`` of a ``low-rank`` domain ``"(LO, oo)"`` or ``"(LO, HI)"`` (exact rationals, ``LO < HI``;
    ``HI`` None for ``oo``), or a CheckError."""
    if type(text) is not str or not text.startswith("(") or not text.endswith(")") or len(text) > 80 or \
            text.count(",") != 1:
        raise CheckError(f"low-rank concerns f on R, or on an open interval stated as '(LO, oo)' or '(LO, HI)'; "
                         f"got {text!r}")
    ends = [part.strip() for part in text[1:-1].split(",")]
    lo = read(ends[0], "domain", variables=())
    hi = None if ends[1] == "oo" else read(ends[1], "domain", variables=())
    if lo.op != "num" or (hi is not None and hi.op != "num"):
        raise CheckError(f"the interval's ends must be exact rationals, got {text!r}")
    if hi is not None and not lo.value < hi.value:
        raise CheckError(f"the interval {text!r} is empty")
    return lo.value, None if hi is None else hi.value


def check_on_interval(claim, f, data, domain):
    """``low-rank`` on ``I = (LO, oo)``: ``f`` is proved real analytic on ``I`` (defined there, as written: no
    extension), and ``g(x) = f(x + LO)`` agrees with no polynomial on ``(0, oo)``, that is ``f`` with none on ``I``.
    Then the Taylor series of ``f`` at any ``c`` in ``I`` has infinitely many nonzero terms (identity theorem), and
    ``[f(c + s u_i v_j)]`` (``QK^T`` of width 2, entries in ``I`` for small ``s``) has rank ``n``: its determinant's
    lowest term in ``s`` is a product of nonzero Taylor coefficients times two generalized Vandermonde
    determinants, positive for ``0 < u_1 < ... < u_n`` (theory section 5). Rank witnesses (boxes, entries >= 0)
    need ``0`` in ``I``."""
    if type(data) is not dict or set(data) - {"proof", "rank_witnesses"}:
        raise CheckError("not-polynomial data has the fields proof and rank_witnesses")
    lo, hi = read_interval(domain)
    if claim != "low-rank":
        raise CheckError(f"{claim} concerns f on R; only low-rank is decided on an interval")
    if f.extension is not None:
        raise CheckError("on an interval, f is read as written: no extension")
    interval = {"x": Span(lo, hi, lo_closed=False, hi_closed=False)}
    if not analytic_on(f.term, "x", {**interval, **f.region}):
        raise CheckError(f"f is not proved real analytic on the interval {domain}")
    proof = data.get("proof")
    if type(proof) is not dict or proof.get("kind") in ("two-halves", "undefined-at"):
        raise CheckError("on an interval the proof is a node about g(x) = f(x + LO) on (0, HI - LO)")
    width = None if hi is None else hi - lo
    g = _resolve(substitute(f.term, {"x": add(X, num(lo))}), open_interval(width))
    _node(g, proof, "proof", [0], f.region, width)
    witnesses = data.get("rank_witnesses", [])
    if type(witnesses) is not list or len(witnesses) > 6:
        raise CheckError("rank_witnesses must be a list of at most 6 boxes")
    if witnesses and (lo >= 0 or hi is not None):
        raise CheckError("rank witnesses evaluate f at the distances of a box (0 among them, and any large one): the "
                         "interval must be (LO, oo) with LO < 0")
    for w in witnesses:
        _rank_witness(f, w)
    return claim, "fails"
