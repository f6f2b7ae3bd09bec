"""Exact attention: the baseline every fast method is measured against.

Matrix attention ``softmax(scale * Q K^T + mask) V`` is computed in row blocks (small ones that stay in
cache at ``d <= 4``, 512 rows above): one GEMM for the scores, ``exp`` in place, one GEMM against
``[V | 1]`` (numerators and row sums at once), in the inputs' dtype (float32 or float64). The usual max
shift is skipped when a per-row bound ``|scale| |q_i| max_j |k_j|`` proves the scores stay within
``[-300, 300]`` in float64 (``[-80, 80]`` in float32, less when many keys times ``max|V|`` could overflow):
no overflow, no underflow to an all-zero row, and a pass saved. A causal block computes only the keys
its rows can see; a float mask always takes the shift.

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
import math

import numpy as np

__all__ = ["exact_attention", "exact_tensor_attention", "BLOCK_BYTES", "SAFE_LOGIT"]

#: Size of one block of scores (rows x keys x itemsize) at small d: it stays in the core's cache between
#: the GEMM that writes it, the exp, and the GEMM that reads it; from d = 16 on, taller blocks are taken
#: for the GEMMs' sake (see :func:`_rows_per_block`).
BLOCK_BYTES = 256 * 2**10
#: Scores proved to lie in [-SAFE_LOGIT, SAFE_LOGIT] need no shift (exp(300) and exp(-300) are normal floats).
SAFE_LOGIT = 300.0
_KEY_CHUNK = 4096  # keys per block (more go in chunks, with a running max)


def _with_ones(V):
    out = np.empty((V.shape[0], V.shape[1] + 1), dtype=V.dtype)
    out[:, :-1] = V
    out[:, -1] = 1.0
    return out


def _rows_per_block(d, chunk, itemsize):
    """Query rows per block of scores: at ``d <= 4`` small blocks that stay in cache (``exp`` dominates);
    above, 512 rows as a plain blocked softmax uses (measured on 2 busy cores: blocks of 32 or 128 rows
    are 1.5-9x slower at d = 8..32, where many small GEMMs pay BLAS's thread start-up each time)."""
    if d <= 4:
        return max(32, BLOCK_BYTES // (itemsize * chunk))
    return 512


def safe_logit(dtype, keys, value_max):
    """Largest ``|score|`` that needs no max shift in ``dtype``: ``exp`` of it neither underflows to 0 nor,
    summed over ``keys`` keys and times ``max|V|``, overflows (300 in float64, at most 80 in float32)."""
    info = np.finfo(dtype)
    cap = min(SAFE_LOGIT, -math.log(float(info.tiny)) - 7)
    room = math.log(float(info.max)) - math.log(8.0 * keys * max(1.0, value_max))
    return min(cap, room)


def exact_attention(Q, K, V, scale, causal=False, mask=None):
    """``softmax(scale * Q K^T + mask) V`` row by row, exactly up to floating-point rounding, in the
    dtype of the inputs (checked by the caller: real 2-d float arrays of one dtype with matching shapes).

    ``causal``: query ``i`` sees keys ``j <= i`` (top-left aligned, as PyTorch's ``is_causal``). ``mask``: a
    bool ``(n, m)`` array (``True``: the key takes part) or a float one added to the scores. A row that
    sees no key gives 0, as in PyTorch."""
    n_keys, width, dtype = K.shape[0], V.shape[1], Q.dtype
    scaled = Q * dtype.type(scale)
    values = _with_ones(V)
    keys_t = np.ascontiguousarray(K.T)
    key_norm = np.sqrt((K * K).sum(axis=1, dtype=np.float64).max())
    limit = safe_logit(dtype, n_keys, float(np.abs(V).max()))
    safe = np.sqrt((scaled * scaled).sum(axis=1, dtype=np.float64)) * key_norm * (1 + 1e-6) <= limit
    out = np.empty((Q.shape[0], width), dtype=dtype)
    chunk = min(n_keys, _KEY_CHUNK)
    step = _rows_per_block(Q.shape[1], chunk, dtype.itemsize)
    floating_mask = mask is not None and mask.dtype != bool
    for start in range(0, Q.shape[0], step):
        rows = slice(start, start + step)
        stop = min(start + step, Q.shape[0])
        seen = min(n_keys, stop) if causal else n_keys  # keys any row of the block sees
        shift = floating_mask or not safe[rows].all()
        top = np.full(stop - start, -np.inf, dtype=dtype) if shift else None  # the running row max
        total = 0.0
        for first in range(0, seen, chunk):
            last = min(first + chunk, seen)
            scores = scaled[rows] @ keys_t[:, first:last]
            if mask is not None:
                if floating_mask:
                    scores += mask[rows, first:last]
                else:
                    scores[~mask[rows, first:last]] = -np.inf
            if causal and last > start:
                hidden = ~np.tri(stop - start, last - first, start - first, dtype=bool)
                scores[hidden] = -np.inf
            if shift:
                new_top = np.maximum(top, scores.max(axis=1))
                finite = np.where(np.isfinite(new_top), new_top, 0)  # rows with no key yet
                scores -= finite[:, None]
                known = np.isfinite(top)  # rows that have seen a key before this chunk
                total = total * np.where(known, np.exp(np.where(known, top, 0) - finite), 0)[:, None]
                top = new_top
            np.exp(scores, out=scores)
            total = total + scores @ values[first:last]
        if isinstance(total, float):  # the block sees no key at all
            out[rows] = 0
            continue
        denominator = total[:, width:]
        empty = denominator == 0
        if empty.any():  # rows that see no key (masked out): 0, as PyTorch
            total[:, :width][empty[:, 0]] = 0
            denominator = np.where(empty, 1, denominator)
        np.divide(total[:, :width], denominator, out=out[rows])
    return out


def exact_tensor_attention(Q, keys, values, scale):
    """Order-``k`` tensor attention, ``k = len(keys) + 1``, in ``O(n^k d)`` time and one block of memory."""
    if len(keys) == 1:
        return exact_attention(Q, keys[0], values[0], scale)
    width = values[0].shape[1]
    *lead_keys, K_a, K_b = keys
    *lead_values, V_a, V_b = [_with_ones(V) for V in values]
    # |score| <= |scale| sum_c |Q_ic| prod_m max_j |K_m[j, c]|: rows within SAFE_LOGIT need no shift
    column_max = np.prod([np.abs(K).max(axis=0).astype(np.float64) for K in keys], axis=0)
    value_max = math.prod(float(np.abs(V).max()) for V in values)
    limit = safe_logit(Q.dtype, math.prod(K.shape[0] for K in keys), value_max)
    safe = np.abs(scale) * (np.abs(Q) @ column_max) * (1 + 1e-6) <= limit
    out = np.empty((Q.shape[0], width), dtype=Q.dtype)
    n_a, n_b = K_a.shape[0], K_b.shape[0]
    chunk = max(1, min(n_a, BLOCK_BYTES // (8 * n_b)))      # rows of K_a per block of scores
    rows = max(1, BLOCK_BYTES // (8 * chunk * n_b))         # queries per block
    for start in range(0, Q.shape[0], rows):
        q = Q[start:start + rows] * Q.dtype.type(scale)        # (b, d)
        b, shift = q.shape[0], not safe[start:start + rows].all()
        top = np.full(b, -np.inf if shift else 0.0, dtype=Q.dtype)  # running max of the scores (0: no shift)
        total = np.zeros((b, width + 1), dtype=Q.dtype)             # running numerators | denominator
        for lead in itertools.product(*(range(K.shape[0]) for K in lead_keys)):
            factor = q.copy()
            weight = np.ones(width + 1, dtype=Q.dtype)
            for K, V, j in zip(lead_keys, lead_values, lead):
                factor *= K[j]
                weight = weight * V[j]
            for x in range(0, n_a, chunk):
                part = K_a[x:x + chunk]
                # scores[(b, x), y] = sum_c factor[b, c] K_a[x, c] K_b[y, c]: one GEMM
                scores = (factor[:, None, :] * part[None, :, :]).reshape(-1, part.shape[1]) @ K_b.T
                if shift:
                    new_top = np.maximum(top, scores.reshape(b, -1).max(axis=1))
                    scores -= np.repeat(new_top, part.shape[0])[:, None]
                    total *= np.exp(top - new_top)[:, None]
                    top = new_top
                np.exp(scores, out=scores)
                # sum_{x,y} w[b,x,y] V_a[x] * V_b[y] = sum_x V_a[x] * (w[b] @ V_b)[x]
                contracted = (scores @ V_b).reshape(b, part.shape[0], width + 1)
                total += (contracted * V_a[x:x + chunk]).sum(axis=1) * weight
        out[start:start + rows] = total[:, :width] / total[:, width:]
    return out
