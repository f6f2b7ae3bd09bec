"""Array kinds for attention: numpy arrays and PyTorch tensors in, the same kind out.

:func:`checked` reads ``Q, K, V`` (and a mask) as one kind (numpy, or torch on one device), one real
floating dtype, finite, with matching trailing shapes ``(..., n, d)``, ``(..., m, d)``, ``(..., m, w)`` and
batch dimensions that broadcast as in PyTorch; everything else is an :class:`~symrep.errors.InputError`
naming the argument and its shape or dtype. Nothing is converted: float32 stays float32, a CUDA tensor
stays on its device. PyTorch is imported only when a tensor is passed (``symrep[torch]`` is optional).

A few operations differ between numpy and torch (``concatenate`` / ``cat``, ``amax``); :func:`cat`,
:func:`amax`, :func:`amin`, :func:`zeros_like_shape`, :func:`vector_like` and :func:`tril` give one
spelling for both, so the polynomial path is written once.

Examples
--------
>>> import numpy as np
>>> from symrep.attention.arrays import checked
>>> inputs = checked({"Q": np.ones((2, 3, 4, 8)), "K": np.ones((3, 5, 8)), "V": np.ones((1, 5, 6))})
>>> inputs.kind, inputs.batch, inputs.dtype
('numpy', (2, 3), 'float64')
"""

import math
from dataclasses import dataclass

import numpy as np

from symrep.errors import InputError, LimitError

__all__ = ["is_torch", "checked", "checked_mask", "matrix_inputs", "tensor_inputs", "CheckedInputs", "cat", "amax", "amin", "zeros_like_shape", "vector_like", "tril",
           "unit_roundoff", "rounding_dtype", "FLOAT_DTYPES"]

#: The dtypes both paths compute in (half precision goes to PyTorch's exact kernel only).
FLOAT_DTYPES = ("float32", "float64")
_HALF = ("float16", "bfloat16")


def is_torch(value):
    """Whether ``value`` is a PyTorch tensor (without importing torch when it is not)."""
    module = type(value).__module__ or ""
    if not (module == "torch" or module.startswith("torch.")):
        return False
    import torch
    return isinstance(value, torch.Tensor)


def _dtype_name(array):
    return str(array.dtype).removeprefix("torch.")


def unit_roundoff(dtype):
    """``u = 2^-p``: the largest relative error of one rounding in ``dtype`` (``'float32'``, ``'float64'``).

    >>> unit_roundoff("float32") == 2.0**-24, unit_roundoff("float64") == 2.0**-53
    (True, True)
    """
    return {"float64": 2.0**-53, "float32": 2.0**-24, "tf32": 2.0**-11, "float16": 2.0**-11, "bfloat16": 2.0**-8}[dtype]


def rounding_dtype(inputs):
    """The precision float32 products really get: PyTorch may run float32 GEMMs in TF32 (CUDA, when
    ``torch.backends.cuda.matmul.allow_tf32`` or ``set_float32_matmul_precision("high")``) or bfloat16
    (``"medium"``); the rounding bound must use that unit roundoff, not float32's."""
    if inputs.kind != "torch" or inputs.dtype != "float32":
        return inputs.dtype
    import torch
    precision = torch.get_float32_matmul_precision()
    if precision == "medium":
        return "bfloat16"
    if precision == "high" or (inputs.device.type == "cuda" and torch.backends.cuda.matmul.allow_tf32):
        return "tf32"
    return "float32"


@dataclass
class CheckedInputs:
    """What :func:`checked` found: the arrays (same kind, dtype and device), their kind and dtype, the
    broadcast batch shape, and the mask (``None``, a bool array or an additive float array)."""

    arrays: dict
    kind: str
    dtype: str
    device: object
    batch: tuple
    mask: object = None


def _describe(value):
    if is_torch(value):
        return f"a torch tensor of dtype {_dtype_name(value)} on {value.device}"
    if isinstance(value, np.ndarray):
        return f"a numpy array of dtype {value.dtype}"
    return type(value).__name__


def _read(name, value, kind, device):
    """One argument as an array of ``kind`` (numpy arrays or array-likes; torch tensors), unconverted."""
    if kind == "torch":
        if not is_torch(value):
            raise InputError(f"{name} must be a torch tensor like the other inputs, got {_describe(value)} "
                             "(symrep does not convert between array kinds)")
        if value.device != device:
            raise InputError(f"{name} is on {value.device}, the other inputs on {device} (symrep does not move tensors)")
        return value
    if isinstance(value, np.ndarray):
        return value
    if hasattr(value, "__array_namespace__") or hasattr(value, "__dlpack__"):
        raise InputError(f"{name} is {type(value).__module__}.{type(value).__name__}: symrep.attend takes numpy "
                         "arrays and torch tensors")
    try:
        array = np.asarray(value, dtype=np.float64)  # nested lists of numbers: read as float64
    except (TypeError, ValueError):
        raise InputError(f"{name} must be a real array, got {type(value).__name__}") from None
    return array


def _real_float(name, array, kind):
    dtype = _dtype_name(array)
    if dtype in FLOAT_DTYPES or (kind == "torch" and dtype in _HALF):
        return dtype
    allowed = "float32 or float64" + (" (or float16/bfloat16 for the exact path)" if kind == "torch" else "")
    raise InputError(f"{name} must have a real floating dtype ({allowed}), got {dtype} of shape {tuple(array.shape)}: "
                     "convert it yourself (symrep does not change dtypes)")


def _finite(name, array, kind):
    if kind == "torch":
        import torch
        ok = bool(torch.isfinite(array).all())
    else:
        ok = bool(np.isfinite(array).all())
    if not ok:
        raise InputError(f"{name} has NaN or infinite entries (shape {tuple(array.shape)})")


def checked(arrays):
    """``arrays`` (a dict ``name -> array``, at least two axes each) checked as one kind, dtype and device.

    The batch shape is the broadcast of every array's leading axes. Shapes of the trailing two axes are
    checked by the caller, which knows what must match.
    """
    kind = "torch" if any(is_torch(a) for a in arrays.values()) else "numpy"
    device = None
    if kind == "torch":
        device = next(a for a in arrays.values() if is_torch(a)).device
    out = {name: _read(name, value, kind, device) for name, value in arrays.items()}
    dtypes = {name: _real_float(name, a, kind) for name, a in out.items()}
    if len(set(dtypes.values())) > 1:
        listed = ", ".join(f"{name} {dtype}" for name, dtype in dtypes.items())
        raise InputError(f"the inputs must share one dtype, got {listed} (symrep does not change dtypes)")
    for name, a in out.items():
        if a.ndim < 2 or 0 in tuple(a.shape):
            raise InputError(f"{name} must be a nonempty array with at least 2 axes (..., rows, columns), "
                             f"got shape {tuple(a.shape)}")
        _finite(name, a, kind)
    leading = {name: tuple(a.shape[:-2]) for name, a in out.items()}
    try:
        batch = tuple(np.broadcast_shapes(*leading.values()))
    except ValueError:
        listed = ", ".join(f"{name} {tuple(a.shape)}" for name, a in out.items())
        raise InputError(f"the batch dimensions (all but the last two) do not broadcast: {listed}") from None
    dtype = dtypes[next(iter(out))]
    return CheckedInputs(out, kind, dtype, device, batch)


def checked_mask(mask, inputs, shape):
    """``mask`` checked against :func:`checked`'s ``inputs``: of their kind and device, bool or of their
    dtype (``-inf`` allowed, NaN and ``+inf`` not), broadcasting to ``batch + shape`` without enlarging it."""
    kind, device, dtype, batch = inputs.kind, inputs.device, inputs.dtype, inputs.batch
    target = tuple(batch) + tuple(shape)
    if kind == "torch":
        if not is_torch(mask):
            raise InputError(f"attn_mask must be a torch tensor like Q, K, V, got {_describe(mask)}")
        if mask.device != device:
            raise InputError(f"attn_mask is on {mask.device}, Q, K, V on {device}")
    elif not isinstance(mask, np.ndarray):
        raise InputError(f"attn_mask must be a numpy array like Q, K, V, got {_describe(mask)}")
    mask_dtype = _dtype_name(mask)
    if mask_dtype != "bool" and mask_dtype != dtype:
        raise InputError(f"attn_mask must be bool (True: the key takes part) or {dtype} like Q (added to the "
                         f"scores), got {mask_dtype} of shape {tuple(mask.shape)}")
    try:
        fits = tuple(np.broadcast_shapes(tuple(mask.shape), target)) == target
    except ValueError:
        fits = False
    if not fits:
        raise InputError(f"attn_mask of shape {tuple(mask.shape)} does not broadcast to (batch..., n, m) = {target}")
    if mask_dtype != "bool":
        bad = (mask != mask) | (mask == math.inf)  # NaN or +inf; -inf masks a key out
        if bool(bad.any()):
            raise InputError(f"attn_mask (shape {tuple(mask.shape)}) has NaN or +inf entries (-inf masks a key out)")
    return mask


# --- the inputs of attend and attend_tensor ------------------------------------------------

def _shape(array):
    return tuple(array.shape)


def matrix_inputs(Q, K, V, attn_mask, is_causal):
    """``Q, K, V`` (and ``attn_mask``) of :func:`~symrep.attention.dispatch.attend`, checked."""
    if not isinstance(is_causal, bool):
        raise InputError(f"is_causal must be True or False, got {is_causal!r}")
    if is_causal and attn_mask is not None:
        raise InputError("give attn_mask or is_causal=True, not both (as PyTorch): fold the causal mask into attn_mask")
    inputs = checked({"Q": Q, "K": K, "V": V})
    Q, K, V = (inputs.arrays[name] for name in "QKV")
    if K.shape[-1] != Q.shape[-1]:
        raise InputError(f"K has {K.shape[-1]} columns, expected {Q.shape[-1]} (the columns of Q): "
                         f"Q {_shape(Q)}, K {_shape(K)}")
    if V.shape[-2] != K.shape[-2]:
        raise InputError(f"V has {V.shape[-2]} rows, expected {K.shape[-2]} (the rows of K): K {_shape(K)}, V {_shape(V)}")
    if attn_mask is not None:
        inputs.mask = checked_mask(attn_mask, inputs, (Q.shape[-2], K.shape[-2]))
    return inputs


def tensor_inputs(Q, keys, values, max_order):
    """The query and the lists of keys and values of :func:`~symrep.attention.dispatch.attend_tensor`, checked."""
    if isinstance(keys, np.ndarray) or isinstance(values, np.ndarray) or is_torch(keys) or is_torch(values):
        raise InputError("keys and values must be lists of k - 1 matrices (one per key position), not arrays")
    keys, values = list(keys), list(values)
    if not keys or len(keys) != len(values):
        raise InputError(f"keys and values must be nonempty lists of the same length (k - 1), got {len(keys)} "
                         f"and {len(values)}")
    if len(keys) + 1 > max_order:
        raise LimitError(f"tensor order {len(keys) + 1} is above the limit MAX_TENSOR_ORDER = {max_order}")
    named = {"Q": Q} | {f"keys[{m}]": K for m, K in enumerate(keys)} | {f"values[{m}]": V for m, V in enumerate(values)}
    inputs = checked(named)
    Q = inputs.arrays["Q"]
    keys = [inputs.arrays[f"keys[{m}]"] for m in range(len(keys))]
    values = [inputs.arrays[f"values[{m}]"] for m in range(len(values))]
    for m, (K, V) in enumerate(zip(keys, values)):
        if K.shape[-1] != Q.shape[-1]:
            raise InputError(f"keys[{m}] has {K.shape[-1]} columns, expected {Q.shape[-1]} (the columns of Q): "
                             f"Q {_shape(Q)}, keys[{m}] {_shape(K)}")
        if V.shape[-2] != K.shape[-2]:
            raise InputError(f"values[{m}] has {V.shape[-2]} rows, expected {K.shape[-2]} (the rows of keys[{m}]): "
                             f"keys[{m}] {_shape(K)}, values[{m}] {_shape(V)}")
    widths = {V.shape[-1] for V in values}
    if len(widths) > 1:
        raise InputError(f"all values must have the same number of columns, got {sorted(widths)}")
    return inputs, Q, keys, values


# --- one spelling for numpy and torch ----------------------------------------------------------

def cat(parts, axis):
    if is_torch(parts[0]):
        import torch
        return torch.cat(parts, dim=axis)
    return np.concatenate(parts, axis=axis)


def amax(array, axis):
    if is_torch(array):
        import torch
        return torch.amax(array, dim=axis)
    return array.max(axis=axis)


def amin(array, axis):
    if is_torch(array):
        import torch
        return torch.amin(array, dim=axis)
    return array.min(axis=axis)


def zeros_like_shape(like, shape):
    """Zeros of ``shape`` with the kind, dtype and device of ``like``."""
    if is_torch(like):
        import torch
        return torch.zeros(shape, dtype=like.dtype, device=like.device)
    return np.zeros(shape, dtype=like.dtype)


def vector_like(values, like):
    """The float64 numpy vector ``values`` as an array of the kind, dtype and device of ``like`` (rounded once)."""
    if is_torch(like):
        import torch
        return torch.as_tensor(np.asarray(values, dtype=np.float64)).to(dtype=like.dtype, device=like.device)
    return np.asarray(values, dtype=like.dtype)


def tril(like, rows, columns, offset):
    """A bool ``rows x columns`` array with ``True`` where ``column <= row + offset``."""
    if is_torch(like):
        import torch
        return torch.ones((rows, columns), dtype=torch.bool, device=like.device).tril(offset)
    return np.tri(rows, columns, offset, dtype=bool)


def to_float64(array):
    """A float64 numpy copy (for the bounds, which are computed in float64 whatever the input dtype)."""
    if is_torch(array):
        return array.detach().to("cpu").double().numpy()
    return np.asarray(array, dtype=np.float64)
