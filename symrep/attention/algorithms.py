"""Softmax and tensor attention: exact references and the polynomial method (docs/theory.md section 7).

``softmax_attention(Q, K, V)`` is ``D^-1 exp(QK^T/d) V``; ``tensor_attention`` is the third-order
version ``D^-1 A (V1 ⊘ V2)`` with ``A[i,(j,l)] = exp(scale * sum_k Q_ik K1_jk K2_lk)``. Both are
max-shifted and batched. The ``fast_*`` versions read an entry bound ``R`` from the inputs, take
the Taylor polynomial ``P`` of ``exp`` of the smallest degree ``g`` whose remainder bound (proved in
ball arithmetic) keeps the output error below ``eps``, and factor ``P`` of the score matrix through
monomial feature maps of rank ``r = C(d+g, g)``, in ``O(n r d)`` time.

Error bound. On ``[-R, R]``, ``|e^x - P(x)| <= R^(g+1)/(g+1)! * e^R``, so every weight of the
softmax is perturbed by a relative ``|delta| <= eta = R^(g+1)/(g+1)! * e^(2R)``. A row of the output
is a weighted average of rows of ``V``; perturbing the weights by relative ``eta`` moves it by at most
``2 eta / (1 - eta) * max|V|``. The report's ``error_bound`` is that number divided by ``max|V|``
(``max|V1| max|V2|`` for tensors): a proved bound on ``max|fast - exact| / max|V|`` in exact
arithmetic; floating point adds rounding on top, which the benchmark measures.

Examples
--------
>>> import numpy as np
>>> from symrep.attention.algorithms import softmax_attention, fast_softmax_attention
>>> rng = np.random.default_rng(0)
>>> Q, K, V = (rng.uniform(-0.5, 0.5, (64, 4)) for _ in range(3))
>>> fast, report = fast_softmax_attention(Q, K, V, eps=1e-8, report=True)
>>> report.degree, report.rank, report.error_bound <= 1e-8
(6, 210, True)
>>> bool(np.max(np.abs(fast - softmax_attention(Q, K, V))) < 1e-8)
True
"""

import math
import time
from dataclasses import dataclass
from fractions import Fraction
from functools import lru_cache

import numpy as np
from flint import arb, ctx

from symrep.errors import InputError, LimitError

__all__ = ["softmax_attention", "tensor_attention", "fast_softmax_attention", "fast_tensor_attention",
           "AttentionReport", "taylor_degree", "monomial_exponents", "MAX_FEATURE_BYTES", "MAX_DEGREE"]

#: Largest feature matrix (n x r float64) the fast path will allocate.
MAX_FEATURE_BYTES = 2 * 2**30
#: Largest Taylor degree tried.
MAX_DEGREE = 200
#: Rows per batch of the exact references (bounds their memory to a few hundred MiB).
_EXACT_BATCH_BYTES = 256 * 2**20


@dataclass(frozen=True)
class AttentionReport:
    """What the fast path did: degree g, rank r, entry bound R, proved error bound, seconds."""

    degree: int
    rank: int
    entry_bound: float
    error_bound: float
    seconds: float

    def __str__(self):
        return (f"degree {self.degree}, rank {self.rank}, entries in [-{self.entry_bound:.4g}, "
                f"{self.entry_bound:.4g}], proved error bound {self.error_bound:.3g} (relative to max|V|), "
                f"{self.seconds:.3g} s")


# --- input checks ------------------------------------------------------------------------------

def _matrix(name, value, d=None, n=None):
    try:
        array = np.asarray(value, dtype=np.float64)
    except (TypeError, ValueError):
        raise InputError(f"{name} must be a real matrix, got {type(value).__name__}") from None
    if array.ndim != 2 or 0 in array.shape:
        raise InputError(f"{name} must be a nonempty 2-d array (n x d), got shape {array.shape}")
    if not np.all(np.isfinite(array)):
        raise InputError(f"{name} has NaN or infinite entries")
    if d is not None and array.shape[1] != d:
        raise InputError(f"{name} has {array.shape[1]} columns, expected d = {d} (the columns of Q)")
    if n is not None and array.shape[0] != n:
        raise InputError(f"{name} has {array.shape[0]} rows, expected n = {n} (the rows of its keys)")
    return array


def _softmax_inputs(Q, K, V):
    Q = _matrix("Q", Q)
    K = _matrix("K", K, d=Q.shape[1])
    return Q, K, _matrix("V", V, n=K.shape[0])


def _tensor_inputs(Q, K1, K2, V1, V2):
    Q = _matrix("Q", Q)
    K1, K2 = _matrix("K1", K1, d=Q.shape[1]), _matrix("K2", K2, d=Q.shape[1])
    V1, V2 = _matrix("V1", V1, n=K1.shape[0]), _matrix("V2", V2, n=K2.shape[0])
    if V1.shape[1] != V2.shape[1]:
        raise InputError(f"V1 and V2 must have the same number of columns, got {V1.shape[1]} and {V2.shape[1]}")
    return Q, K1, K2, V1, V2


def _eps(eps):
    if not (isinstance(eps, (int, float)) and 0 < eps < 1):
        raise InputError(f"eps must be a number in (0, 1), got {eps!r}")
    return float(eps)


def _scale(scale):
    if not (isinstance(scale, (int, float)) and math.isfinite(scale)):
        raise InputError(f"scale must be a finite number, got {scale!r}")
    return float(scale)


# --- exact references --------------------------------------------------------------------------

def softmax_attention(Q, K, V):
    """Exact ``D^-1 exp(QK^T/d) V`` (row-wise max-shifted, batched over rows of Q)."""
    Q, K, V = _softmax_inputs(Q, K, V)
    d = Q.shape[1]
    out = np.empty((Q.shape[0], V.shape[1]))
    step = max(1, _EXACT_BATCH_BYTES // (8 * K.shape[0]))
    for start in range(0, Q.shape[0], step):
        scores = Q[start:start + step] @ K.T / d
        weights = np.exp(scores - scores.max(axis=1, keepdims=True))
        out[start:start + step] = (weights @ V) / weights.sum(axis=1, keepdims=True)
    return out


def tensor_attention(Q, K1, K2, V1, V2, *, scale=1.0):
    """Exact third-order attention ``D^-1 A (V1 ⊘ V2)``, one query row at a time (O(n^3 d))."""
    Q, K1, K2, V1, V2 = _tensor_inputs(Q, K1, K2, V1, V2)
    scale = _scale(scale)
    out = np.empty((Q.shape[0], V1.shape[1]))
    for i in range(Q.shape[0]):
        scores = (K1 * (scale * Q[i])) @ K2.T  # [j, l] = scale * sum_k Q_ik K1_jk K2_lk
        weights = np.exp(scores - scores.max())
        # sum_{j,l} w_jl V1_j * V2_l = sum_j V1_j * (w @ V2)_j
        out[i] = (V1 * (weights @ V2)).sum(axis=0) / weights.sum()
    return out


# --- the polynomial method ---------------------------------------------------------------------

def taylor_degree(entry_bound, eps):
    """Smallest g with ``2 eta / (1 - eta) <= eps``, ``eta = R^(g+1)/(g+1)! e^(2R)``, proved with arb.

    Returns ``(g, bound)`` where ``bound`` is a float upper bound of ``2 eta / (1 - eta)``.

    >>> taylor_degree(0.5, 1e-6)[0]
    7
    """
    radius = Fraction(entry_bound)  # the float R exactly; callers already rounded it up
    old = ctx.prec
    ctx.prec = 128
    try:
        R = arb(radius.numerator) / radius.denominator
        growth = (2 * R).exp()
        term = R  # R^(g+1)/(g+1)! for g = 0
        for g in range(MAX_DEGREE + 1):
            eta = term * growth
            if eta < 1:
                bound = 2 * eta / (1 - eta)
                upper = float(bound.upper())  # float() of an upper endpoint may round down by an ulp ...
                upper = math.nextafter(upper, math.inf)  # ... so step up once: still a proved bound
                if upper <= eps:
                    return g, upper
            term = term * R / (g + 2)
    finally:
        ctx.prec = old
    raise LimitError(f"no Taylor degree up to {MAX_DEGREE} reaches eps = {eps:g} for entries in "
                     f"[-{float(entry_bound):.4g}, {float(entry_bound):.4g}]; the entries are too large for the "
                     f"polynomial method")


@lru_cache(maxsize=64)
def monomial_exponents(d, g):
    """Exponent vectors of all monomials of degree <= g in d variables, with their multinomial
    coefficients ``j! / alpha!`` (exact integers), grouped by degree: a tuple of (alpha, j, coeff).

    >>> [(a, j, c) for a, j, c in monomial_exponents(2, 2)]
    [((0, 0), 0, 1), ((1, 0), 1, 1), ((0, 1), 1, 1), ((2, 0), 2, 1), ((1, 1), 2, 2), ((0, 2), 2, 1)]
    """
    out = [((0,) * d, 0, 1)]
    frontier = [((0,) * d, 0)]  # (alpha, index of the last variable raised), for unique generation
    for j in range(1, g + 1):
        nxt = []
        for alpha, last in frontier:
            for k in range(last, d):
                beta = alpha[:k] + (alpha[k] + 1,) + alpha[k + 1:]
                nxt.append((beta, k))
        for beta, _ in nxt:
            coeff = math.factorial(j)
            for e in beta:
                coeff //= math.factorial(e)
            out.append((beta, j, coeff))
        frontier = nxt
    return tuple(out)


def _monomials(X, d, g):
    """Columns X^alpha for every exponent of :func:`monomial_exponents`, built degree by degree."""
    n = X.shape[0]
    columns = [np.ones(n)]
    frontier = [(np.ones(n), 0)]
    for _ in range(g):
        nxt = []
        for values, last in frontier:
            for k in range(last, d):
                nxt.append((values * X[:, k], k))
        columns += [v for v, _ in nxt]
        frontier = nxt
    return np.stack(columns, axis=1)


def _weights(d, g, factor):
    """Coefficient of each feature: c_j * multinomial * factor^j with c_j = 1/j! (Taylor of exp)."""
    return np.array([coeff * factor**j / math.factorial(j) for _, j, coeff in monomial_exponents(d, g)])


def _check_memory(n_rows, rank, what):
    need = 8 * n_rows * rank
    if need > MAX_FEATURE_BYTES:
        raise LimitError(f"{what} needs an {n_rows} x {rank} feature matrix ({need / 2**30:.1f} GiB); the limit "
                         f"is {MAX_FEATURE_BYTES / 2**30:.0f} GiB (MAX_FEATURE_BYTES): raise eps or shrink the entries")


def _round_up(value):
    return math.nextafter(float(value), math.inf)


def fast_softmax_attention(Q, K, V, *, eps=1e-6, report=False):
    """Polynomial-method softmax attention, ``O(n r d)``; see the module docstring for the bound.

    Returns the output, or ``(output, AttentionReport)`` with ``report=True``.
    """
    start = time.perf_counter()
    Q, K, V = _softmax_inputs(Q, K, V)
    n, d = Q.shape
    eps = _eps(eps)
    # |<q, k>| / d <= |q| |k| / d (Cauchy-Schwarz); rounded up so the bound is proved for the floats given
    R = _round_up(np.sqrt((Q * Q).sum(axis=1).max()) * np.sqrt((K * K).sum(axis=1).max()) / d * (1 + 1e-12))
    g, bound = taylor_degree(R, eps)
    rank = math.comb(d + g, g)
    _check_memory(max(n, K.shape[0]), rank, f"degree {g} in d = {d}")
    U1 = _monomials(Q, d, g) * _weights(d, g, 1.0 / d)
    U2 = _monomials(K, d, g)
    numerator = U1 @ (U2.T @ V)
    denominator = U1 @ U2.sum(axis=0)
    out = numerator / denominator[:, None]
    if report:
        return out, AttentionReport(g, rank, R, bound, time.perf_counter() - start)
    return out


def fast_tensor_attention(Q, K1, K2, V1, V2, *, eps=1e-6, scale=1.0, report=False):
    """Polynomial-method tensor attention through ``(U2 ⊘ U3)^T (V1 ⊘ V2) = (U2^T V1) ∘ (U3^T V2)``."""
    start = time.perf_counter()
    Q, K1, K2, V1, V2 = _tensor_inputs(Q, K1, K2, V1, V2)
    n, d = Q.shape
    eps, scale = _eps(eps), _scale(scale)
    # |scale * sum_k q_k a_k b_k| <= |scale| * sum_k max|Q_.k| max|K1_.k| max|K2_.k|
    R = _round_up(abs(scale) * float((np.abs(Q).max(axis=0) * np.abs(K1).max(axis=0) * np.abs(K2).max(axis=0)).sum())
                  * (1 + 1e-12))
    g, bound = taylor_degree(R, eps)
    rank = math.comb(d + g, g)
    _check_memory(max(n, K1.shape[0], K2.shape[0]), rank, f"degree {g} in d = {d}")
    U1 = _monomials(Q, d, g) * _weights(d, g, scale)
    U2, U3 = _monomials(K1, d, g), _monomials(K2, d, g)
    numerator = U1 @ ((U2.T @ V1) * (U3.T @ V2))            # the Khatri-Rao identity, r x d
    denominator = U1 @ (U2.sum(axis=0) * U3.sum(axis=0))
    out = numerator / denominator[:, None]
    if report:
        return out, AttentionReport(g, rank, R, bound, time.perf_counter() - start)
    return out
