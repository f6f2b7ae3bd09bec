"""Exact attention: the baseline every fast method is measured against.

Matrix attention ``softmax(scale * Q K^T) V`` is computed in row blocks sized to stay in cache: one
GEMM for the scores, ``exp`` in place, one GEMM against ``[V | 1]`` (numerators and row sums at once).
The usual max shift is skipped when a per-row bound ``|scale| |q_i| max_j |k_j|`` proves the scores
stay within ``[-300, 300]`` (no overflow, no underflow to an all-zero row), which saves a pass.

Tensor attention of order ``k`` (Alman and Song, 2023) takes ``k - 1`` key and value matrices: output row
``i`` is ``sum_J w_iJ (V_1[j_1] * ... * V_(k-1)[j_(k-1)]) / sum_J w_iJ`` with
``w_iJ = exp(scale * sum_c Q[i,c] K_1[j_1,c] ... K_(k-1)[j_(k-1),c])``. It costs ``O(n^k d)``: for each query
and each choice of the first ``k - 3`` key indices, the last two form one ``n x n`` GEMM, contracted with
the values from the right; memory stays at one block, and an online (running-max) softmax keeps it
exact for any entry size.

Examples
--------
>>> import numpy as np
>>> from symrep.attention.exact import exact_attention, exact_tensor_attention
>>> rng = np.random.default_rng(0)
>>> Q, K, V = (rng.normal(size=(5, 3)) for _ in range(3))
>>> A = np.exp(Q @ K.T / 3)
>>> bool(np.allclose(exact_attention(Q, K, V, 1 / 3), A @ V / A.sum(axis=1, keepdims=True)))
True
>>> bool(np.allclose(exact_tensor_attention(Q, [K], [V], 1 / 3), exact_attention(Q, K, V, 1 / 3)))
True
"""

import itertools

import numpy as np

__all__ = ["exact_attention", "exact_tensor_attention", "BLOCK_BYTES", "SAFE_LOGIT"]

#: Size of one block of scores (rows x keys x 8 bytes): small enough for the cache, large enough for BLAS.
BLOCK_BYTES = 4 * 2**20
#: Scores proved to lie in [-SAFE_LOGIT, SAFE_LOGIT] need no shift (exp(300) and exp(-300) are normal floats).
SAFE_LOGIT = 300.0


def _with_ones(V):
    out = np.empty((V.shape[0], V.shape[1] + 1))
    out[:, :-1] = V
    out[:, -1] = 1.0
    return out


def exact_attention(Q, K, V, scale):
    """``softmax(scale * Q K^T) V`` row by row, exactly up to floating-point rounding (inputs checked
    by the caller: real 2-d float arrays with matching shapes)."""
    n_keys, width = K.shape[0], V.shape[1]
    scaled = Q * scale
    values = _with_ones(V)
    key_norm = np.sqrt((K * K).sum(axis=1).max())
    safe = np.sqrt((scaled * scaled).sum(axis=1)) * key_norm * (1 + 1e-9) <= SAFE_LOGIT
    out = np.empty((Q.shape[0], width))
    step = max(8, BLOCK_BYTES // (8 * n_keys))
    for start in range(0, Q.shape[0], step):
        rows = slice(start, start + step)
        scores = scaled[rows] @ K.T
        if not safe[rows].all():
            scores -= scores.max(axis=1, keepdims=True)
        np.exp(scores, out=scores)
        block = scores @ values
        out[rows] = block[:, :width] / block[:, width:]
    return out


def exact_tensor_attention(Q, keys, values, scale):
    """Order-``k`` tensor attention, ``k = len(keys) + 1``, in ``O(n^k d)`` time and one block of memory."""
    if len(keys) == 1:
        return exact_attention(Q, keys[0], values[0], scale)
    width = values[0].shape[1]
    *lead_keys, K_a, K_b = keys
    *lead_values, V_a, V_b = [_with_ones(V) for V in values]
    # |score| <= |scale| sum_c |Q_ic| prod_m max_j |K_m[j, c]|: rows within SAFE_LOGIT need no shift
    column_max = np.prod([np.abs(K).max(axis=0) for K in keys], axis=0)
    safe = np.abs(scale) * (np.abs(Q) @ column_max) * (1 + 1e-9) <= SAFE_LOGIT
    out = np.empty((Q.shape[0], width))
    rows = max(1, BLOCK_BYTES // (8 * K_a.shape[0] * K_b.shape[0]))
    for start in range(0, Q.shape[0], rows):
        q = Q[start:start + rows] * scale                      # (b, d)
        b, shift = q.shape[0], not safe[start:start + rows].all()
        top = np.full(b, -np.inf if shift else 0.0)            # running max of the scores (0: no shift)
        total = np.zeros((b, width + 1))                       # running numerators | denominator
        for lead in itertools.product(*(range(K.shape[0]) for K in lead_keys)):
            factor = q.copy()
            weight = np.ones(width + 1)
            for K, V, j in zip(lead_keys, lead_values, lead):
                factor *= K[j]
                weight = weight * V[j]
            # scores[(b, x), y] = sum_c factor[b, c] K_a[x, c] K_b[y, c]: one GEMM
            scores = (factor[:, None, :] * K_a[None, :, :]).reshape(-1, K_a.shape[1]) @ K_b.T
            if shift:
                new_top = np.maximum(top, scores.reshape(b, -1).max(axis=1))
                scores -= np.repeat(new_top, K_a.shape[0])[:, None]
                total *= np.exp(top - new_top)[:, None]
                top = new_top
            np.exp(scores, out=scores)
            # sum_{x,y} w[b,x,y] V_a[x] * V_b[y] = sum_x V_a[x] * (w[b] @ V_b)[x]
            contracted = (scores @ V_b).reshape(b, K_a.shape[0], width + 1)
            total += np.einsum("bxw,xw->bw", contracted, V_a) * weight
        out[start:start + rows] = total[:, :width] / total[:, width:]
    return out
