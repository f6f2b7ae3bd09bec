"""``attend`` and ``attend_tensor``: exact or polynomial attention, chosen by a measured cost model.

Both take numpy arrays or PyTorch tensors (CPU or CUDA) and return the same kind, dtype and device;
leading batch dimensions ``(..., n, d)`` broadcast as in PyTorch, and float32 is computed in float32.
On torch tensors the exact matrix path is PyTorch's ``scaled_dot_product_attention``; symrep adds the
planner and the polynomial path. ``scale=None`` is ``1/sqrt(d)`` (PyTorch's convention); ``is_causal`` and
``attn_mask`` have PyTorch's meaning.

``method="auto"`` predicts the time of the exact path (:mod:`~symrep.attention.exact`, ``O(n^k d)``) and
of the polynomial path (:mod:`~symrep.attention.polynomial`, ``O(n r d)`` plus finding the degree) from
per-entry costs measured once per process on this machine, and takes the polynomial path only when it
is predicted to be at least twice as fast, so a misprediction costs little. Small problems go
straight to the exact path. ``method="polynomial"`` forces the polynomial path and, when it is
predicted to take more than a few seconds, says so on standard error before it starts.

The report (``report=True``) records the method, degree ``g``, rank ``r = C(d + g, g)``, the logit bound
``R``, the proved ``error_bound`` (output error relative to ``max|V|``, or to the product of the
``max|V_m|`` for tensors; 0 for the exact path, up to floating-point rounding) and why the method was
chosen. On the polynomial path ``error_bound = approximation_bound + rounding_bound``: the proved error
of the polynomial in exact arithmetic, and the proved effect of rounding in the dtype used
(:func:`~symrep.attention.polynomial.rounding_bound`); ``eps`` bounds their sum. In float32 the rounding
alone is a few ``1e-4`` at ``n`` in the thousands, so the polynomial path needs ``eps`` around ``1e-3`` there.

Examples
--------
>>> import numpy as np
>>> import symrep
>>> rng = np.random.default_rng(0)
>>> Q, K, V = (rng.uniform(-0.5, 0.5, (4096, 4)) for _ in range(3))
>>> out, report = symrep.attend(Q, K, V, eps=1e-6, method="polynomial", report=True)
>>> report.degree, report.rank, report.error_bound <= 1e-6
(5, 126, True)
>>> bool(np.abs(out - symrep.attend(Q, K, V, method="exact")).max() <= 1e-6)
True
"""

import math
import sys
import time

import numpy as np

from symrep.attention.foreign import foreign_namespace, in_kind
from symrep.attention.arrays import FLOAT_DTYPES, is_torch, matrix_inputs, rounding_dtype, tensor_inputs
from symrep.attention.exact import exact_attention, exact_tensor_attention
from symrep.attention.exp_approximation import MAX_DEGREE, exp_approximant, is_known, predicted_degree
from symrep.attention.features import feature_rank
from symrep.attention.plans import AttentionPlan, AttentionReport
from symrep.attention.polynomial import (feature_bytes, logit_bound, polynomial_attention, rounding_bound,
                                         rounding_estimate)
from symrep.errors import InputError, LimitError

__all__ = ["attend", "attend_tensor", "plan_attention", "AttentionPlan", "AttentionReport", "MAX_FEATURE_BYTES", "MAX_TENSOR_ORDER", "METHODS",
           "EXACT_ENTRY", "EXACT_WIDTH", "FEATURE_ENTRY", "PRODUCT_ENTRY"]

#: Largest working memory the polynomial path may hold (features and their products).
MAX_FEATURE_BYTES = 2 * 2**30
#: Highest tensor order accepted (the exact reference costs n^k d).
MAX_TENSOR_ORDER = 8
METHODS = ("auto", "exact", "polynomial")
#: The polynomial path must be predicted this many times faster than the exact one to be taken.
_MARGIN = 2.0
#: Predicted exact times below this go exact without looking for a degree.
_SMALL_SECONDS = 0.02
#: Forced polynomial runs predicted longer than this are announced before they start.
_ANNOUNCE_SECONDS = 3.0


# --- input checks ------------------------------------------------------------------------------

def _options(eps, scale, method, d):
    if isinstance(eps, bool) or not (isinstance(eps, (int, float)) and 0 < eps < 1):
        raise InputError(f"eps must be a number in (0, 1), got {eps!r}")
    if scale is None:
        scale = 1.0 / math.sqrt(d)
    if isinstance(scale, bool) or not (isinstance(scale, (int, float)) and math.isfinite(scale)):
        raise InputError(f"scale must be a finite number, got {scale!r}")
    if method not in METHODS:
        raise InputError(f"method must be one of {', '.join(METHODS)}, got {method!r}")
    return float(eps), float(scale)


# --- the cost model ----------------------------------------------------------------------------

#: Seconds per score entry of the exact path: ``EXACT_ENTRY + EXACT_WIDTH * (d + w)``; and of the
#: polynomial path per feature entry built plus per multiply-add against a value column. Measured on a
#: 2-core Xeon (AVX-512, OpenBLAS) with ``python bench/attention.py --calibrate``. Only the ratio of the
#: two paths steers the choice, and both are memory-bound numpy passes, so it carries across machines;
#: the factor ``_MARGIN`` absorbs the rest.
EXACT_ENTRY, EXACT_WIDTH = 1.75e-9, 2.0e-11
FEATURE_ENTRY, PRODUCT_ENTRY = 1.5e-9, 1.0e-10


def _exact_seconds(counts, d, width):
    return math.prod(counts) * (EXACT_ENTRY + EXACT_WIDTH * (d + width))


def _polynomial_seconds(rows, rank, width, degree, known):
    """Features and products for every row, plus the search for the degree when it is not cached."""
    search = 0.0 if known else 0.004 + 0.0001 * (degree + 2) ** 2
    return rows * rank * (FEATURE_ENTRY + PRODUCT_ENTRY * (width + 1)) + search


# --- the decision ------------------------------------------------------------------------------

def _quantized_down(value):
    """``value`` rounded down to 8 significant bits (so nearby budgets share one cached approximant)."""
    mantissa, exponent = math.frexp(value)
    return math.ldexp(math.floor(mantissa * 256), exponent - 8)


def _fits_eps(R, eps, d, key_counts, dtype, causal):
    """``(approximant, rounding, None)`` with ``approximation + rounding <= eps`` in ``dtype``, or
    ``(approximant for eps alone, None, reason)`` when rounding leaves no room (the caller still checks
    the memory that approximant would need, so the first limit met is the one named)."""
    guess = min(MAX_DEGREE, predicted_degree(R, eps))
    budget = eps - 1.25 * rounding_estimate(guess, R, dtype, d, key_counts, causal)
    advice = {"float32": "use float64 or a larger eps", "float64": "use a larger eps"}.get(
        dtype, f"PyTorch runs float32 products in {dtype} here; torch.set_float32_matmul_precision('highest') "
        "restores float32")
    reason = f"{dtype} rounding alone may move the output by more than eps = {eps:g} ({advice})"
    for _ in range(4):
        if not budget > 0:
            break
        approximant = exp_approximant(R, _quantized_down(budget))
        rounding = rounding_bound(approximant, R, dtype, d, key_counts, causal)
        if approximant.error_bound + rounding <= eps:
            return approximant, rounding, None
        budget = min(_quantized_down(budget) * 0.99, (eps - rounding) * 0.99)
    return exp_approximant(R, eps), None, reason


def _decide(counts, d, width, R, eps, method, batch=1, dtype="float64", causal=False, masked=False,  # noqa: C901
            float32_products=False):
    """The plan for ``batch`` problems of ``counts = [queries, keys_1, ..., keys_(k-1)]`` rows with logits in
    ``[-R, R]``, computed in ``dtype``.

    ``R`` may be ``None`` when the exact path was asked for or is predicted to take under
    ``_SMALL_SECONDS`` (it is not used then)."""
    exact_time = batch * _exact_seconds(counts, d, width) * (0.5 if causal else 1.0)
    predicted = {"exact": exact_time}

    def exact(reason, **known):
        return AttentionPlan("exact", reason, predicted=predicted, dtype=dtype, **known)

    if method == "exact":
        return exact("method='exact' was asked for")
    if masked:
        if method == "polynomial":
            raise InputError("the polynomial path takes is_causal=True but not attn_mask (an arbitrary mask has no "
                             "low-rank form): use method='exact' or 'auto'")
        return exact("an attn_mask was given: only the exact path takes one")
    if dtype not in FLOAT_DTYPES + ("tf32", "bfloat16") or (dtype == "bfloat16" and not float32_products):
        if method == "polynomial":
            raise InputError(f"the polynomial path computes in float32 or float64, got {dtype}: use method='exact' "
                             "or convert the inputs")
        return exact(f"{dtype} inputs: the polynomial path computes in float32 or float64 only")
    if method == "auto" and exact_time < _SMALL_SECONDS:
        return exact(f"the exact path is predicted to take {exact_time:.2g} s: too little to gain from a polynomial")
    key_counts = counts[1:]
    if method == "auto":  # a first look from the predicted degree, before paying for the proof
        guess = predicted_degree(R, eps)
        guess_time = batch * _polynomial_seconds(sum(counts), feature_rank(d, guess), width, guess, is_known(R, eps))
        if guess > MAX_DEGREE or guess_time * _MARGIN > exact_time:
            predicted["polynomial"] = guess_time
            return exact(f"predicted exact {exact_time:.3g} s vs polynomial {guess_time:.3g} s (degree about "
                         f"{guess}): not {_MARGIN:g}x faster", logit_bound=R)
        if rounding_estimate(guess, R, dtype, d, key_counts, causal) * 1.25 >= eps:
            return exact(f"{dtype} rounding alone may move the output by more than eps = {eps:g}", logit_bound=R)
    try:
        approximant, rounding, failure = _fits_eps(R, eps, d, key_counts, dtype, causal)
    except LimitError as error:
        if method == "auto":
            return exact(f"no polynomial reaches eps on the logit range: {error}", logit_bound=R)
        raise
    rank = feature_rank(d, approximant.degree)
    itemsize = 8 if dtype == "float64" else 4
    need = feature_bytes(rank, width, len(counts) - 1, itemsize)
    if failure is not None and not need > MAX_FEATURE_BYTES:
        if method == "auto":
            return exact(failure, logit_bound=R)
        raise LimitError(f"the polynomial path cannot prove eps = {eps:g}: {failure}")
    rounding = math.inf if rounding is None else rounding
    poly_time = batch * _polynomial_seconds(sum(counts), rank, width, approximant.degree, True)
    predicted["polynomial"] = poly_time
    total = math.nextafter(approximant.error_bound + rounding, math.inf)
    known = dict(degree=approximant.degree, rank=rank, logit_bound=R, error_bound=total, approximant=approximant,
                 approximation_bound=approximant.error_bound, rounding_bound=rounding)
    too_big = need > MAX_FEATURE_BYTES
    if method == "auto" and (too_big or poly_time * _MARGIN > exact_time):
        why = (f"the polynomial path needs {need / 2**30:.1f} GiB (MAX_FEATURE_BYTES)" if too_big else
               f"predicted exact {exact_time:.3g} s vs polynomial {poly_time:.3g} s (degree {approximant.degree}, "
               f"rank {rank}): not {_MARGIN:g}x faster")
        return exact(why, **known)
    if too_big:
        raise LimitError(f"the polynomial path needs degree {approximant.degree} and rank {rank}, about "
                         f"{need / 2**30:.1f} GiB; the limit is {MAX_FEATURE_BYTES / 2**30:.0f} GiB (MAX_FEATURE_BYTES): "
                         f"raise eps, shrink the entries, or use method='exact'")
    reason = ("method='polynomial' was asked for" if method == "polynomial" else
              f"predicted polynomial {poly_time:.3g} s vs exact {exact_time:.3g} s")
    return AttentionPlan("polynomial", reason, predicted=predicted, dtype=dtype, **known)


def plan_attention(n, d, *, bound, eps=1e-6, order=2, scale=None, width=None, method="auto", dtype="float64",
                   is_causal=False):
    """What :func:`attend` or :func:`attend_tensor` would do for inputs of a given size, without data.

    For ``n`` rows (of the queries and of each key matrix) of width ``d`` with entries in ``[-bound, bound]``:
    the method, the proved degree, rank and error bound, and the predicted times. The logits are bounded
    by ``|scale| d bound^order`` (the data-driven bound :func:`attend` proves is never larger).

    Parameters
    ----------
    n, d : int
        Rows and columns of the queries and keys (positive).
    bound : float
        The entries of the queries and keys lie in ``[-bound, bound]`` (finite, >= 0).
    eps : float
        Largest output error, relative to ``max|V|``, in (0, 1), rounding in ``dtype`` included.
    order : int
        2 for :func:`attend`, ``k`` for :func:`attend_tensor` with ``k - 1`` keys (up to
        :data:`MAX_TENSOR_ORDER`).
    scale : float, optional
        Multiplies the scores; ``None`` means ``1/sqrt(d)`` (as in :func:`attend` and PyTorch;
        :func:`attend_tensor` uses 1).
    width : int, optional
        Columns of the values; defaults to ``d``.
    method : {"auto", "exact", "polynomial"}
        As for :func:`attend`.
    dtype : {"float64", "float32"}
        The dtype the inputs would have (the rounding bound depends on it).
    is_causal : bool
        Causal matrix attention (order 2 only).

    Returns
    -------
    AttentionPlan

    Raises
    ------
    InputError
        A size, ``bound``, ``order``, ``eps``, ``scale``, ``method`` or ``dtype`` out of its range.
    LimitError
        ``method="polynomial"`` and the polynomial path needs more than :data:`MAX_FEATURE_BYTES` of memory,
        or no polynomial up to the highest degree reaches ``eps`` on the logit range.

    Examples
    --------
    >>> plan = plan_attention(16384, 4, bound=0.5, eps=1e-6)
    >>> plan.method, plan.degree, plan.rank
    ('polynomial', 5, 126)
    >>> plan_attention(1024, 16, bound=2, eps=1e-6).method
    'exact'
    """
    for name, value in (("n", n), ("d", d)):
        if isinstance(value, bool) or not isinstance(value, int) or value < 1:
            raise InputError(f"{name} must be a positive integer, got {value!r}")
    if isinstance(order, bool) or not isinstance(order, int) or not 2 <= order <= MAX_TENSOR_ORDER:
        raise InputError(f"order must be an integer from 2 to {MAX_TENSOR_ORDER}, got {order!r}")
    if isinstance(bound, bool) or not (isinstance(bound, (int, float)) and math.isfinite(bound) and bound >= 0):
        raise InputError(f"bound must be a finite number >= 0, got {bound!r}")
    width = d if width is None else width
    if isinstance(width, bool) or not isinstance(width, int) or width < 1:
        raise InputError(f"width must be a positive integer, got {width!r}")
    if dtype not in FLOAT_DTYPES:
        raise InputError(f"dtype must be one of {', '.join(FLOAT_DTYPES)}, got {dtype!r}")
    if is_causal not in (False, True) or (is_causal and order != 2):
        raise InputError(f"is_causal must be True or False, and True only for order 2, got {is_causal!r}")
    eps, scale = _options(eps, scale, method, d)
    R = math.nextafter(abs(scale) * d * float(bound) ** order, math.inf)
    return _decide([n] * order, d, width, R, eps, method, dtype=dtype, causal=bool(is_causal))


# --- the entry points --------------------------------------------------------------------------

def _element(array, batch, index):
    """``array`` broadcast to ``batch`` leading dimensions, at ``index`` (a view, no copy)."""
    lead = len(array.shape) - 2
    full = tuple(batch)
    offset = len(full) - lead
    picked = tuple(0 if array.shape[a] == 1 else index[offset + a] for a in range(lead))
    return array[picked] if picked else array


def _to_numpy(array):
    return array.detach().cpu().numpy() if is_torch(array) else array


def _like(result, inputs):
    """A numpy result as the kind, dtype and device of the inputs."""
    if inputs.kind != "torch":
        return result
    import torch
    return torch.from_numpy(np.ascontiguousarray(result)).to(device=inputs.device)


def _stack(parts, batch, inputs):
    """Per-element outputs (in ``np.ndindex(batch)`` order) as one ``batch + (n, w)`` array."""
    if not batch:
        return parts[0]
    if inputs.kind == "torch":
        import torch
        return torch.stack(parts).reshape(*batch, *parts[0].shape)
    return np.stack(parts).reshape(*batch, *parts[0].shape)


def _run(inputs, Q, keys, values, eps, scale, method, causal=False, mask=None):
    start = time.perf_counter()
    batch, dtype = inputs.batch, inputs.dtype
    elements = list(np.ndindex(batch)) if batch else [()]
    d, width = Q.shape[-1], values[0].shape[-1]
    counts = [Q.shape[-2]] + [K.shape[-2] for K in keys]
    size = len(elements)
    predicted_exact = size * _exact_seconds(counts, d, width)
    needs_bound = not (method == "exact" or mask is not None or dtype not in FLOAT_DTYPES
                       or (method == "auto" and predicted_exact < _SMALL_SECONDS))
    R, centred = None, None
    if needs_bound:
        R, centred = 0.0, []
        for index in elements:
            bound, chosen = logit_bound(_element(Q, batch, index), [_element(K, batch, index) for K in keys], scale)
            R, centred = max(R, bound), centred + [chosen]
    rounding = rounding_dtype(inputs) if dtype in FLOAT_DTYPES else dtype  # TF32 / bfloat16 GEMMs count
    plan = _decide(counts, d, width, R, eps, method, batch=size, dtype=rounding, causal=causal, masked=mask is not None,
                   float32_products=rounding != dtype)
    if plan.method == "exact":
        out = _exact(inputs, Q, keys, values, scale, causal, mask, elements)
    else:
        poly_time, exact_time = plan.predicted["polynomial"], plan.predicted["exact"]
        if method == "polynomial" and poly_time > _ANNOUNCE_SECONDS:
            print(f"symrep: the polynomial path (degree {plan.degree}, rank {plan.rank}) will take about "
                  f"{poly_time:.0f} s (the exact path about {exact_time:.0f} s)", file=sys.stderr, flush=True)
        # CPU tensors outside autograd run through numpy's kernels (zero-copy views, same dtype): faster
        # than the same steps in torch; on CUDA, or with gradients, the steps run in torch
        host = inputs.kind == "torch" and inputs.device.type == "cpu" and not any(
            a.requires_grad for a in [Q, *keys, *values])
        view = (lambda a: a.detach().numpy()) if host else (lambda a: a)
        parts = [polynomial_attention(view(_element(Q, batch, index)), [view(K) for K in chosen],
                                      [view(_element(V, batch, index)) for V in values], scale, plan.approximant,
                                      causal)
                 for index, chosen in zip(elements, centred)]
        out = _like(_stack(parts, batch, _Numpy), inputs) if host else _stack(parts, batch, inputs)
    seconds = time.perf_counter() - start
    if plan.method == "exact":  # what the polynomial would have needed stays in the reason
        return out, AttentionReport("exact", plan.reason, logit_bound=plan.logit_bound, seconds=seconds,
                                    predicted=plan.predicted, dtype=dtype)
    return out, AttentionReport(plan.method, plan.reason, plan.degree, plan.rank, plan.logit_bound,
                                plan.error_bound, seconds, plan.predicted, plan.approximation_bound,
                                plan.rounding_bound, plan.dtype)  # the precision the products really had


def _exact(inputs, Q, keys, values, scale, causal, mask, elements):
    batch = inputs.batch
    if inputs.kind == "torch" and len(keys) == 1:  # PyTorch's own kernel, on the tensors' device
        import torch
        return torch.nn.functional.scaled_dot_product_attention(Q, keys[0], values[0], attn_mask=mask,
                                                                is_causal=causal, scale=scale)
    parts = []
    for index in elements:
        q = _to_numpy(_element(Q, batch, index))
        ks = [_to_numpy(_element(K, batch, index)) for K in keys]
        vs = [_to_numpy(_element(V, batch, index)) for V in values]
        if len(keys) == 1:
            m = None if mask is None else np.broadcast_to(mask, tuple(batch) + (q.shape[0], ks[0].shape[0]))[index]
            parts.append(exact_attention(q, ks[0], vs[0], scale, causal, m))
        else:
            parts.append(exact_tensor_attention(q, ks, vs, scale))
    return _like(_stack(parts, batch, _Numpy), inputs)


class _Numpy:
    kind = "numpy"


def attend(Q, K, V, *, eps=1e-6, scale=None, method="auto", report=False, is_causal=False, attn_mask=None):
    """Softmax attention ``softmax(scale * Q K^T + mask) V``, exact or by the polynomial method.

    Parameters
    ----------
    Q, K, V : numpy.ndarray or torch.Tensor
        Real finite arrays of shapes ``(..., n, d)``, ``(..., m, d)`` and ``(..., m, w)`` of one kind, one
        dtype (float32 or float64; float16/bfloat16 torch tensors take the exact path) and one device; the
        leading (batch, head) dimensions broadcast as in PyTorch. Nested lists are read as float64.
    eps : float
        Largest output error, relative to ``max|V|``, the polynomial path may make (proved, rounding in the
        inputs' dtype included), in (0, 1).
    scale : float, optional
        Multiplies the scores; ``None`` means ``1/sqrt(d)``, as PyTorch's ``scaled_dot_product_attention``
        (it was ``1/d`` before; see CHANGELOG.md).
    method : {"auto", "exact", "polynomial"}
        ``auto`` takes the polynomial path only where it is predicted at least twice as fast.
    report : bool
        Also return an :class:`AttentionReport`.
    is_causal : bool
        Query ``i`` sees keys ``j <= i`` only (top-left aligned, as PyTorch). The polynomial path then runs
        the linear-attention recurrence (prefix sums over the feature map), with the same proved bound.
    attn_mask : numpy.ndarray or torch.Tensor, optional
        Broadcastable to ``(..., n, m)``: bool (``True``: the key takes part) or of the inputs' dtype (added
        to the scores; ``-inf`` masks out). Not together with ``is_causal``. Exact path only. A row that
        sees no key gives 0, as in PyTorch.

    Returns
    -------
    array or (array, AttentionReport)
        The ``(..., n, w)`` output of the inputs' kind, dtype and device, and with ``report=True`` what was
        done and the proved error bound.

    Raises
    ------
    InputError
        Inputs that are not real finite nonempty arrays of one kind, dtype and device with fitting and
        broadcasting shapes; a mask of the wrong kind, dtype or shape; ``eps``, ``scale`` or ``method`` out of
        range; ``method="polynomial"`` with ``attn_mask``.
    LimitError
        ``method="polynomial"`` when that path needs more than :data:`MAX_FEATURE_BYTES` of memory or no
        polynomial up to the highest degree reaches ``eps`` (with the rounding of the dtype) on the logits' range.

    Examples
    --------
    >>> import numpy as np
    >>> Q = K = V = np.eye(2)
    >>> attend(Q, K, V, scale=float(np.log(3))).round(3).tolist()
    [[0.75, 0.25], [0.25, 0.75]]
    >>> attend(Q, K, V, scale=float(np.log(3)), is_causal=True).round(3).tolist()
    [[1.0, 0.0], [0.25, 0.75]]
    >>> attend(np.ones((8, 2, 5, 4), np.float32), np.ones((5, 4), np.float32), np.ones((5, 3), np.float32)).dtype
    dtype('float32')
    """
    namespace = foreign_namespace(Q, K, V, attn_mask)
    if namespace is not None:  # another array-API library: computed in numpy, answered in its kind
        return in_kind(attend, namespace, Q, Q, K, V, eps=eps, scale=scale, method=method, report=report,
                       is_causal=is_causal, attn_mask=attn_mask)
    inputs = matrix_inputs(Q, K, V, attn_mask, is_causal)
    Q, K, V = (inputs.arrays[name] for name in "QKV")
    eps, scale = _options(eps, scale, method, Q.shape[-1])
    out, what = _run(inputs, Q, [K], [V], eps, scale, method, is_causal, inputs.mask)
    return (out, what) if report else out


def attend_tensor(Q, keys, values, *, eps=1e-6, scale=1.0, method="auto", report=False):
    """Tensor attention of order ``k = len(keys) + 1`` (Alman and Song, 2023).

    Output row ``i`` is ``sum_J w_iJ (V_1[j_1] * ... * V_(k-1)[j_(k-1)]) / sum_J w_iJ`` with
    ``w_iJ = exp(scale * sum_c Q[i,c] K_1[j_1,c] ... K_(k-1)[j_(k-1),c])``; ``keys`` and ``values`` are
    lists of ``k - 1`` matrices (``K_m`` of shape ``(..., n_m, d)``, ``V_m`` of shape ``(..., n_m, w)``). ``k = 2``
    is :func:`attend`. The exact path costs ``O(n^k d)``; the polynomial path ``O(n r d k)``.

    Parameters
    ----------
    Q : numpy.ndarray or torch.Tensor
        The queries, a real finite ``(..., n, d)`` array (float32 or float64).
    keys, values : list of arrays
        ``k - 1`` key arrays ``(..., n_m, d)`` and as many value arrays ``(..., n_m, w)`` (lists, not one
        array), of the kind, dtype and device of ``Q``; the leading dimensions broadcast. ``k`` is at most
        :data:`MAX_TENSOR_ORDER`.
    eps : float
        Largest output error, relative to the product of the ``max|V_m|``, the polynomial path may make
        (proved, rounding included), in (0, 1).
    scale : float
        Multiplies the scores (default 1).
    method, report
        As for :func:`attend`. On torch tensors the exact tensor path runs in numpy on the CPU (the output
        comes back on the inputs' device); the polynomial path runs in torch.

    Returns
    -------
    array or (array, AttentionReport)
        As for :func:`attend`: the ``(..., n, w)`` output, with the report if asked for.

    Raises
    ------
    InputError
        Inputs that are not real finite nonempty arrays of one kind and dtype with fitting shapes, keys and
        values not lists of the same length, values of different widths; ``eps``, ``scale`` or ``method`` out
        of range.
    LimitError
        An order above :data:`MAX_TENSOR_ORDER`; or, with ``method="polynomial"``, a polynomial path that
        needs more than :data:`MAX_FEATURE_BYTES` or no polynomial that reaches ``eps``.

    Examples
    --------
    >>> import numpy as np
    >>> rng = np.random.default_rng(1)
    >>> Q, K1, K2, V1, V2 = (rng.uniform(-0.5, 0.5, (60, 3)) for _ in range(5))
    >>> fast, rep = attend_tensor(Q, [K1, K2], [V1, V2], method="polynomial", report=True)
    >>> exact = attend_tensor(Q, [K1, K2], [V1, V2], method="exact")
    >>> bool(np.abs(fast - exact).max() <= rep.error_bound * 0.25)
    True
    """
    namespace = foreign_namespace(Q, *(keys if isinstance(keys, (list, tuple)) else []))
    if namespace is not None:
        return in_kind(attend_tensor, namespace, Q, Q, keys, values, eps=eps, scale=scale, method=method, report=report)
    inputs, Q, keys, values = tensor_inputs(Q, keys, values, MAX_TENSOR_ORDER)
    eps, scale = _options(eps, scale, method, Q.shape[-1])
    if inputs.dtype not in FLOAT_DTYPES:
        raise InputError(f"attend_tensor computes in float32 or float64, got {inputs.dtype}")
    out, what = _run(inputs, Q, keys, values, eps, scale, method)
    return (out, what) if report else out
