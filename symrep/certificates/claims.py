"""The claims a certificate can state: each with its domain, its definition and its methods.

This table is the single source for the checker, the prover, ``symrep certify --help`` and
``docs/theory.md``. A claim about ``f`` is a statement about ``f`` on its *domain*:

* the distance claims and the two function classes concern ``f`` on ``[0, oo)``: ``f(0)`` is the
  diagonal of ``f(distance)`` and is taken from the function as written (SymPy's conventions:
  ``0^0 = 1``, ``Heaviside(0) = 1/2``), or, where ``f`` is undefined at 0, from its limit from
  the right (a removable singularity, stated in the certificate as an ``extension``);
* ``low-rank``, ``polynomial`` and ``cube-rank`` concern ``f`` on the real line, because the
  entries of ``QK^T`` take both signs; a ``low-rank`` refutation may instead state an open interval
  ``(LO, oo)`` on which ``f`` is analytic (:mod:`symrep.certificates.rules.interval`);
* ``stable-rank`` concerns ``f`` on the range of a matrix's entries that the certificate states:
  ``[LO, HI]`` or ``{0} U [LO, HI]`` (exact rationals, ``0 <= LO < HI``), read by
  :mod:`symrep.certificates.stable_rank`.

Examples
--------
>>> from symrep.certificates.claims import DOMAINS
>>> DOMAINS["pd-l1"], DOMAINS["low-rank"]
('[0, oo)', 'R')
"""

__all__ = ["FORMAT", "VERSION", "CLAIMS", "RANK_CLAIM", "STABLE_RANK_CLAIM", "DOMAINS", "DEFINITIONS", "METHODS",
           "HALF_LINE", "REAL_LINE", "MAY_BE_UNDEFINED_AT_0", "PARAMETRIC_CLAIMS"]

FORMAT, VERSION = "symrep-certificate", 3
HALF_LINE, REAL_LINE = "[0, oo)", "R"

CLAIMS = ("pd-l1", "pd-l2", "l1-to-l1", "l1-to-l2sq", "l2-to-l2", "low-rank",
          "completely-monotone", "bernstein", "polynomial")
#: The rank of f(QK^T) over all of {+-1}^d; checked here, stated by symrep.attention.ranks.
RANK_CLAIM = "cube-rank"
#: x/sqrt(l) <= f(x) <= sqrt(L) x on a stated range; checked here, stated by symrep.attention.stable_rank.
STABLE_RANK_CLAIM = "stable-rank"
DISTANCE_CLAIMS = ("pd-l1", "pd-l2", "l1-to-l1", "l1-to-l2sq", "l2-to-l2")
CM_CLAIMS = ("pd-l1", "pd-l2", "completely-monotone")

DOMAINS = {claim: REAL_LINE if claim in ("low-rank", "polynomial", RANK_CLAIM) else HALF_LINE
           for claim in CLAIMS + (RANK_CLAIM,)}
#: The stable-rank claim's domain is the range its certificate states (this is its pattern).
DOMAINS[STABLE_RANK_CLAIM] = "[LO, HI] or {0} U [LO, HI]"
#: Claims whose certificates may speak of a family f(x; a, b) for every parameter value of a region.
PARAMETRIC_CLAIMS = ("pd-l1", "pd-l2", "l1-to-l1", "l1-to-l2sq", "l2-to-l2", "completely-monotone", "bernstein",
                     "polynomial", "low-rank")
#: Claims about f where f may be undefined at 0 as written (1/x is no polynomial; a range [1, 4] needs no f(0)).
MAY_BE_UNDEFINED_AT_0 = ("polynomial", STABLE_RANK_CLAIM)

#: One line per claim: what it says about f (the sense of the seed paper, Alman et al. 2024).
DEFINITIONS = {
    "pd-l1": "[f(|x_i - x_j|_1)] is positive semidefinite for every finite point set in every dimension",
    "pd-l2": "[f(|x_i - x_j|_2)] is positive semidefinite for every finite point set in every dimension",
    "l1-to-l1": "f(|x_i - x_j|_1) is again an l1 (pseudo)metric for every finite point set",
    "l1-to-l2sq": "f(|x_i - x_j|_1) is a squared Euclidean (pseudo)metric for every finite point set",
    "l2-to-l2": "f(|x_i - x_j|_2) is again a Euclidean (pseudo)metric for every finite point set",
    "low-rank": "rank f(QK^T) is bounded by a function of d alone, over all n and all real Q, K "
                "of width d (the seed paper's 'preserves low rank'; f piecewise continuous)",
    "completely-monotone": "the paper's CM on [0, oo): (-1)^k f^(k) >= 0 on (0, oo) for all k, and "
                           "f(0) >= f(0+) (a jump up at 0 is allowed)",
    "bernstein": "the paper's Bernstein on [0, oo): f(0) = 0, f >= 0 and f' completely monotone on (0, oo) "
                 "(a jump up right after 0 is allowed)",
    "polynomial": "f agrees with a polynomial at every real x",
    RANK_CLAIM: "[f(<x, y>)] over x, y in {+-1}^d has the stated rank",
    STABLE_RANK_CLAIM: "x/sqrt(l) <= f(x) <= sqrt(L) x for every x in the stated range, so that "
                       "srank(A)/(L l) <= srank(f(A)) <= L l srank(A) for every matrix A >= 0 with entries in it "
                       "(srank = |.|_F^2 / |.|_2^2)",
}

#: verdict -> claim -> the methods that can establish it
METHODS = {
    "holds": {c: {"polynomial"} if c in ("polynomial", "low-rank") else {"derivation"} for c in CLAIMS},
    "fails": {c: {"not-polynomial"} if c in ("polynomial", "low-rank") else
              {"derivative-witness", "value-witness", "flat-start-witness"} |
              ({"box-witness"} if c in DISTANCE_CLAIMS else set()) |
              ({"triangle-witness"} if c == "l1-to-l1" else set()) |
              ({"log-convexity-witness"} if c in ("pd-l1", "pd-l2", "completely-monotone", "bernstein", "l1-to-l1",
                                                 "l1-to-l2sq", "l2-to-l2") else set()) for c in CLAIMS},
}
METHODS["holds"][RANK_CLAIM] = {"cube-spectrum"}
METHODS["holds"][STABLE_RANK_CLAIM] = {"ratio-enclosure"}
