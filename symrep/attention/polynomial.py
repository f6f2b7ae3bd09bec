"""The polynomial method: attention through ``r = C(d + g, g)`` monomial features, in ``O(n r d)``.

Replacing ``exp`` by a polynomial ``P`` of degree ``g`` on the logit range ``[-R, R]`` makes the weight
matrix ``P(scale * Q K^T) = Phi(Q) Psi(K)^T`` (:mod:`~symrep.attention.features`), so
``numerators | denominators = Phi(Q) (Psi(K)^T [V | 1])``. For tensor attention of order ``k`` the weight
tensor factors the same way through every key matrix, and the Khatri-Rao identity
``(U_1 ⊘ ... ⊘ U_(k-1))^T (V_1 ⊘ ... ⊘ V_(k-1)) = (U_1^T V_1) ∘ ... ∘ (U_(k-1)^T V_(k-1))`` keeps the cost at
``O(n r d k)``. The error bound is that of the approximant
(:mod:`~symrep.attention.exp_approximation`), for logits proved to lie in ``[-R, R]`` by
:func:`logit_bound`, plus the floating-point rounding of the evaluation, bounded by
:func:`rounding_bound` for the dtype used (float32 or float64).

**Causal attention** (query ``i`` sees keys ``j <= i``) uses the linear-attention recurrence: with the
state ``S_i = sum_(j <= i) Psi(k_j)^T [v_j | 1]``, row ``i`` is ``Phi(q_i) S_i``. It is run in chunks of
:data:`CAUSAL_CHUNK` rows: the state of the earlier chunks (a prefix sum) plus the chunk's own
lower-triangular block ``tril(Phi(Q_c) Psi(K_c)^T) [V_c | 1]``. Every weight is still ``P(logit)`` for a
logit in ``[-R, R]``, so the same bound holds row by row.

**Rounding.** Every numerator and denominator is a sum of terms ``a_alpha q^alpha k^alpha v_j`` (times
``prod_m`` for tensors), each made of at most ``p`` roundings (the monomials, the weight, the products)
and added through sums of at most ``T`` terms (the blocks of keys, the prefix sums, the ``r`` features).
The classical bound ``|fl(sum) - sum| <= gamma_L sum|terms|``, ``gamma_L = L u / (1 - L u)`` with
``L = p + T`` and ``u`` the unit roundoff of the dtype (``2^-24`` for float32, ``2^-53`` for float64),
holds for any order of summation (BLAS included). The sum of the absolute terms of a weight is at most
``|P|(R) = sum_j |c_j| R^j``, and every weight is at least ``(1 + lo) e^-R``, so numerator and
denominator are computed to within ``kappa gamma_L`` of the denominator with
``kappa = |P|(R) e^R / (1 + lo)``; their quotient then moves by at most
``2 kappa gamma_L / (1 - kappa gamma_L)`` times ``max|V|``, plus ``u`` for the division. The keys are centred
in the input dtype, which moves every logit by at most ``delta = u R / (1 - u)`` and a softmax row by at
most ``(e^(2 delta) - 1) / 2`` in L1. :func:`rounding_bound` returns the sum; the report's
``error_bound`` is the approximant's bound plus it. Key blocks of at most :data:`KEY_BLOCK` rows are
added pairwise, so ``T`` grows with ``log2(m)``, not ``m``.

Examples
--------
>>> import numpy as np
>>> from symrep.attention.exact import exact_attention
>>> from symrep.attention.exp_approximation import exp_approximant
>>> from symrep.attention.polynomial import logit_bound, polynomial_attention
>>> rng = np.random.default_rng(0)
>>> Q, K, V = (rng.uniform(-0.5, 0.5, (200, 4)) for _ in range(3))
>>> R, keys = logit_bound(Q, [K], 0.25)
>>> P = exp_approximant(R, 1e-8)
>>> out = polynomial_attention(Q, keys, [V], 0.25, P)
>>> bool(np.max(np.abs(out - exact_attention(Q, K, V, 0.25))) <= P.error_bound * np.abs(V).max())
True
"""

import math

import numpy as np

from symrep.attention.arrays import amax, amin, cat, is_torch, tril, unit_roundoff, vector_like, zeros_like_shape
from symrep.attention.features import feature_rank, monomials, query_weights

__all__ = ["logit_bound", "polynomial_attention", "feature_bytes", "rounding_bound", "rounding_estimate", "FEATURE_BLOCK_BYTES",
           "KEY_BLOCK", "CAUSAL_CHUNK"]

#: Rows of features built at once are capped to about this many bytes.
FEATURE_BLOCK_BYTES = 16 * 2**20
#: Keys per block on the key side; the blocks' moments are added pairwise (see the rounding bound).
KEY_BLOCK = 1024
#: Rows per chunk of the causal recurrence.
CAUSAL_CHUNK = 256
_ROUNDING = 1 + 1e-10  # covers the float64 rounding of the norms and sums below (d << 10^5 terms)


def _float64(array):
    return array.double() if is_torch(array) else np.asarray(array, dtype=np.float64)


def _number(value):
    return float(value.item()) if is_torch(value) else float(value)


def logit_bound(Q, keys, scale):
    """A proved ``R`` with ``|logit| <= R`` for every query and key tuple, and the keys to use.

    For matrix attention (one key matrix) the keys are first centred on the middle of their bounding
    box (in their own dtype): that shifts every row of logits by a constant, which softmax ignores, and
    ``R`` is the smaller of the Cauchy-Schwarz bound ``max|q| max|k|`` and the coordinate bound
    ``max_i sum_c |q_ic| max_j |k_jc|``, for the centred keys as rounded. For tensors,
    ``R = |scale| max_i sum_c |Q_ic| prod_m max_j |K_m[j, c]|``. ``R`` is computed in float64 whatever the
    dtype, and rounded up. Works on numpy arrays and torch tensors.

    >>> import numpy as np
    >>> R, _ = logit_bound(np.array([[1.0, 0.0]]), [np.array([[3.0, 1.0], [5.0, 1.0]])], 1.0)
    >>> R >= 1.0, R < 1.0 + 1e-9
    (True, True)
    """
    Q64 = _float64(Q)
    if len(keys) == 1:
        K = keys[0]
        center = (amax(K, 0) + amin(K, 0)) / 2
        K = K - center
        keys = [K]
        K64 = _float64(K)
        euclid = math.sqrt(_number(amax((Q64 * Q64).sum(1), 0))) * math.sqrt(_number(amax((K64 * K64).sum(1), 0)))
        coordinate = _number(amax(abs(Q64) @ amax(abs(K64), 0), 0))
        bound = min(euclid, coordinate)
    else:
        column_max = amax(abs(_float64(keys[0])), 0)
        for K in keys[1:]:
            column_max = column_max * amax(abs(_float64(K)), 0)
        bound = _number(amax(abs(Q64) @ column_max, 0))
    return math.nextafter(float(abs(scale) * bound * _ROUNDING), math.inf), keys


def feature_bytes(rank, width, key_count=1, itemsize=8):
    """Bytes the polynomial path holds at once: the ``r x (width + 1)`` products, one block of features."""
    return itemsize * rank * ((key_count + 1) * (width + 1) + 3 * max(1, FEATURE_BLOCK_BYTES // (8 * rank)))


def _rows(rank):
    return max(1, FEATURE_BLOCK_BYTES // (8 * 3 * rank))


def _key_rows(rank):
    return max(1, min(KEY_BLOCK, _rows(rank)))


def _sum_length(count, rows):
    """Additions a term goes through when ``count`` rows are summed in blocks of ``rows`` added pairwise."""
    blocks = -(-count // rows)
    return min(count, rows) + math.ceil(math.log2(blocks)) if blocks > 1 else min(count, rows)


def rounding_bound(approximant, radius, dtype, d, key_counts, causal=False):
    """The proved bound, relative to ``max|V|`` (the product of the ``max|V_m|`` for tensors), on how far the
    floating-point evaluation in ``dtype`` can move the output of :func:`polynomial_attention` from its
    exact value, centring of the keys included (see the module's text for the argument).

    ``key_counts`` are the rows of each key matrix; ``math.inf`` when ``kappa gamma_L >= 1``.

    >>> from symrep.attention.exp_approximation import exp_approximant
    >>> P = exp_approximant(0.5, 1e-6)
    >>> rounding_bound(P, 0.5, "float64", 4, [4096]) < 1e-12 < rounding_bound(P, 0.5, "float32", 4, [4096]) < 1e-3
    True
    """
    absolute = math.fsum(abs(c) * radius**j for j, c in enumerate(approximant.coefficients)) * (1 + 1e-12)
    return _rounding(absolute, approximant.lo, approximant.degree, radius, dtype, d, key_counts, causal)


def rounding_estimate(degree, radius, dtype, d, key_counts, causal=False):
    """:func:`rounding_bound` for an approximant not yet found (``|P|(R)`` taken as ``e^R``, ``lo`` as 0):
    a guide for choosing the approximant's share of ``eps``, not a proof."""
    return _rounding(math.exp(radius), 0.0, degree, radius, dtype, d, key_counts, causal)


def _rounding(absolute, lo, degree, radius, dtype, d, key_counts, causal):
    u = unit_roundoff(dtype)
    order = len(key_counts) + 1
    rank = feature_rank(d, degree)
    rows = _key_rows(rank)
    if causal:  # prefix sums over chunks, then the chunk's own block
        summed = max(CAUSAL_CHUNK + -(-key_counts[0] // CAUSAL_CHUNK), _sum_length(key_counts[0], rows))
    else:
        summed = sum(_sum_length(count, rows) for count in key_counts)
    # per term: monomials of the query and of each key (<= degree - 1 each: order (degree - 1)), the weight
    # (computed in float64 with <= degree + 3 roundings, then rounded to dtype: degree + 4), each value
    # entry times its key's monomial (order - 1), the Hadamard products of the moments (order - 2), the
    # weight and the query's monomial (2): at most (order + 1) degree + order + 3; counted generously
    roundings = (order + 1) * degree + 2 * order + 6
    length = roundings + summed + rank + 2
    if not length * u < 0.5 or not lo > -1:
        return math.inf
    gamma = length * u / (1 - length * u)
    kappa = absolute * math.exp(radius) * (1 + 1e-12) / (1 + lo)
    if not kappa * gamma < 1:
        return math.inf
    quotient = 2 * kappa * gamma / (1 - kappa * gamma)
    delta = u * radius / (1 - u) if order == 2 else 0.0
    centring = math.expm1(2 * delta) / 2
    total = (quotient + u * (1 + quotient) + centring) * (1 + 1e-9)
    return math.nextafter(total, math.inf)


def _with_ones(V):
    return cat([V, zeros_like_shape(V, (V.shape[0], 1)) + 1], 1)


def _pairwise(parts):
    while len(parts) > 1:
        parts = [parts[i] + parts[i + 1] if i + 1 < len(parts) else parts[i] for i in range(0, len(parts), 2)]
    return parts[0]


def _moments(K, V, degree, rank):
    """``Psi(K)^T [V | 1]`` in blocks of keys added pairwise."""
    rows = _key_rows(rank)
    values = _with_ones(V)
    parts = []
    for start in range(0, K.shape[0], rows):
        features = monomials(K[start:start + rows], degree)
        parts.append(features.T @ values[start:start + rows])
    return _pairwise(parts)


def polynomial_attention(Q, keys, values, scale, approximant, causal=False):
    """Attention of order ``len(keys) + 1`` with ``exp`` replaced by ``approximant`` (checked 2-d inputs of
    one kind and dtype: numpy arrays or torch tensors); ``causal`` (matrix attention only): query ``i``
    sees keys ``j <= i``."""
    d, degree, width = Q.shape[1], approximant.degree, values[0].shape[1]
    rank = feature_rank(d, degree)
    weights = vector_like(query_weights(d, approximant.coefficients, scale), Q)
    if causal:
        return _causal(Q, keys[0], values[0], weights, degree, rank)
    product = None
    for K, V in zip(keys, values):
        moments = _moments(K, V, degree, rank)
        product = moments if product is None else product * moments
    product = product * weights[:, None]  # the weights, folded in once
    rows = _rows(rank)
    parts = []
    for start in range(0, Q.shape[0], rows):
        result = monomials(Q[start:start + rows], degree) @ product
        parts.append(result[:, :width] / result[:, width:])
    return parts[0] if len(parts) == 1 else cat(parts, 0)


def _causal(Q, K, V, weights, degree, rank):
    """Causal polynomial attention by the chunked linear-attention recurrence (top-left aligned, as
    PyTorch's ``is_causal``: query ``i`` sees keys ``0..i``)."""
    n, m, width = Q.shape[0], K.shape[0], V.shape[1]
    values = _with_ones(V)
    state = zeros_like_shape(Q, (rank, width + 1))
    parts = []
    for a in range(0, n, CAUSAL_CHUNK):
        b = min(a + CAUSAL_CHUNK, n)
        features = monomials(Q[a:b], degree) * weights[None, :]
        total = features @ state
        low, high = min(a, m), min(b, m)
        if high > low:
            key_features = monomials(K[low:high], degree)
            block = features @ key_features.T
            block = block * tril(block, b - a, high - low, a - low)
            total = total + block @ values[low:high]
            state = state + key_features.T @ values[low:high]
        parts.append(total[:, :width] / total[:, width:])
    return parts[0] if len(parts) == 1 else cat(parts, 0)
