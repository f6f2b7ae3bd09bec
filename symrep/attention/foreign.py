"""Arrays of other array-API libraries (``__array_namespace__``): read through DLPack, answered in kind.

numpy arrays and PyTorch tensors are attention's own kinds (:mod:`~symrep.attention.arrays`). An array of
any other library that follows the Python array API standard (array-api-strict, CuPy, JAX, ...) is read
into numpy without a copy where DLPack allows (``numpy.from_dlpack``), computed on, and the answer is
given back by that library's own ``asarray`` with the input's dtype and device: the same kind out.

Examples
--------
>>> import numpy as np
>>> from symrep.attention.foreign import foreign_namespace
>>> foreign_namespace(np.ones(2), None) is None
True
"""

import numpy as np

from symrep.errors import InputError

__all__ = ["foreign_namespace", "to_numpy", "answer_in_kind", "in_kind"]


def _is_own(value):
    module = type(value).__module__ or ""
    return isinstance(value, np.ndarray) or module == "torch" or module.startswith("torch.")


def foreign_namespace(*values):
    """The array-API namespace of the arguments that are arrays of another library, or None if there are
    none; arrays of two different such libraries are refused."""
    spaces = {id(ns): ns for ns in (v.__array_namespace__() for v in values
                                    if v is not None and not _is_own(v) and hasattr(v, "__array_namespace__"))}
    if len(spaces) > 1:
        raise InputError("Q, K, V and attn_mask are arrays of different array-API libraries; pass one kind")
    if spaces and any(v is not None and _is_own(v) for v in values):
        raise InputError("Q, K, V and attn_mask mix an array-API library's arrays with numpy or torch ones "
                         "(symrep does not convert between array kinds); pass one kind")
    return next(iter(spaces.values()), None)


def to_numpy(value):
    """A numpy view of an array-API array (DLPack), or a copy where DLPack is not offered."""
    if value is None or _is_own(value) or not hasattr(value, "__array_namespace__"):
        return value
    try:
        return np.from_dlpack(value)
    except (TypeError, ValueError, RuntimeError, BufferError):
        return np.asarray(value)


def answer_in_kind(namespace, like, result):
    """``result`` (a numpy array) as an array of ``namespace`` with ``like``'s dtype and device."""
    device = getattr(like, "device", None)
    try:
        return namespace.asarray(result, dtype=like.dtype, device=device)
    except TypeError:  # a library whose asarray takes no device
        return namespace.asarray(result, dtype=like.dtype)


def in_kind(function, namespace, like, *args, **options):
    """``function`` on the numpy views of ``args`` (arrays, or lists of arrays), its answer (with or without a
    report, as ``options["report"]`` asks) in ``namespace``'s kind, like ``like``."""
    read = [[to_numpy(a) for a in arg] if isinstance(arg, (list, tuple)) else to_numpy(arg) for arg in args]
    options = {k: to_numpy(v) for k, v in options.items()}
    out = function(*read, **options)
    if options.get("report"):
        return answer_in_kind(namespace, like, out[0]), out[1]
    return answer_in_kind(namespace, like, out)
