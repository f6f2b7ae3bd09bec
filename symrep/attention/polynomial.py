"""The polynomial method: attention through ``r = C(d + g, g)`` monomial features, in ``O(n r d)``.

Replacing ``exp`` by a polynomial ``P`` of degree ``g`` on the logit range ``[-R, R]`` makes the weight
matrix ``P(scale * Q K^T) = Phi(Q) Psi(K)^T`` (:mod:`~symrep.attention.features`), so
``numerators | denominators = Phi(Q) (Psi(K)^T [V | 1])``. For tensor attention of order ``k`` the weight
tensor factors the same way through every key matrix, and the Khatri-Rao identity
``(U_1 ⊘ ... ⊘ U_(k-1))^T (V_1 ⊘ ... ⊘ V_(k-1)) = (U_1^T V_1) ∘ ... ∘ (U_(k-1)^T V_(k-1))`` keeps the cost at
``O(n r d k)``. The error bound is that of the approximant
(:mod:`~symrep.attention.exp_approximation`), for logits proved to lie in ``[-R, R]`` by
:func:`logit_bound`.

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

from symrep.attention.features import feature_rank, monomials, query_weights

__all__ = ["logit_bound", "polynomial_attention", "feature_bytes", "FEATURE_BLOCK_BYTES"]

#: Rows of features built at once are capped to about this many bytes.
FEATURE_BLOCK_BYTES = 16 * 2**20
_ROUNDING = 1 + 1e-10  # covers the float rounding of the norms and sums below (d << 10^5 terms)


def logit_bound(Q, keys, scale):
    """A proved ``R`` with ``|logit| <= R`` for every query and key tuple, and the keys to use.

    For matrix attention (one key matrix) the keys are first centred on the middle of their bounding
    box: that shifts every row of logits by a constant, which softmax ignores, and ``R`` is the
    smaller of the Cauchy-Schwarz bound ``max|q| max|k|`` and the coordinate bound
    ``max_i sum_c |q_ic| max_j |k_jc|``. For tensors, ``R = |scale| max_i sum_c |Q_ic| prod_m max_j |K_m[j, c]|``.

    >>> import numpy as np
    >>> R, _ = logit_bound(np.array([[1.0, 0.0]]), [np.array([[3.0, 1.0], [5.0, 1.0]])], 1.0)
    >>> R >= 1.0, R < 1.0 + 1e-9
    (True, True)
    """
    if len(keys) == 1:
        K = keys[0]
        center = (K.max(axis=0) + K.min(axis=0)) / 2
        K = K - center
        keys = [K]
        euclid = np.sqrt((Q * Q).sum(axis=1).max()) * np.sqrt((K * K).sum(axis=1).max())
        coordinate = (np.abs(Q) @ np.abs(K).max(axis=0)).max()
        bound = min(euclid, coordinate)
    else:
        column_max = np.prod([np.abs(K).max(axis=0) for K in keys], axis=0)
        bound = (np.abs(Q) @ column_max).max()
    return math.nextafter(float(abs(scale) * bound * _ROUNDING), math.inf), keys


def feature_bytes(rank, width, key_count=1):
    """Bytes the polynomial path holds at once: the ``r x (width + 1)`` products, one block of features."""
    return 8 * rank * ((key_count + 1) * (width + 1) + 3 * max(1, FEATURE_BLOCK_BYTES // (8 * rank)))


def _rows(rank):
    return max(1, FEATURE_BLOCK_BYTES // (8 * 3 * rank))


def polynomial_attention(Q, keys, values, scale, approximant):
    """Attention of order ``len(keys) + 1`` with ``exp`` replaced by ``approximant`` (checked inputs)."""
    d, degree, width = Q.shape[1], approximant.degree, values[0].shape[1]
    rank = feature_rank(d, degree)
    rows = _rows(rank)
    product = None
    for K, V in zip(keys, values):
        moments = np.zeros((rank, width + 1))
        for start in range(0, K.shape[0], rows):
            block = slice(start, start + rows)
            features = monomials(K[block], degree)
            moments[:, :width] += features.T @ V[block]
            moments[:, width] += features.sum(axis=0)
        product = moments if product is None else product * moments
    product *= query_weights(d, approximant.coefficients, scale)[:, None]  # the weights, folded in once
    out = np.empty((Q.shape[0], width))
    for start in range(0, Q.shape[0], rows):
        block = slice(start, start + rows)
        result = monomials(Q[block], degree) @ product
        out[block] = result[:, :width] / result[:, width:]
    return out
