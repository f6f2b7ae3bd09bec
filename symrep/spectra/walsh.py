"""Characters of Z_2^d and the fast Walsh-Hadamard transform.

The characters of ``Z_2^d`` are ``chi_S(z) = (-1)^{|S & z|}`` for subsets ``S``
(bit masks, bit ``i - 1`` for coordinate ``i``). If ``M[x, y] = g(x XOR y)`` then
``M chi_S = lambda_S chi_S`` with ``lambda_S = sum_z g(z) chi_S(z)``, the
Walsh-Hadamard transform of ``g`` (docs/theory.md section 2).

Examples
--------
>>> import numpy as np
>>> from symrep.spectra.walsh import fwht, character
>>> fwht(np.array([1.0, 0.5, 0.5, 0.25]))
array([2.25, 0.75, 0.75, 0.25])
>>> character(0b01, 2)
array([ 1, -1,  1, -1])
"""

import numpy as np
import sympy

from symrep.errors import InputError

__all__ = ["fwht", "KERNEL_MIN_LENGTH", "character", "character_matrix", "subset_to_mask", "mask_to_subset"]


#: From this length on (2**14 values), :func:`fwht` uses the compiled kernel of
#: :mod:`symrep.spectra.fwht_kernel` (numba). Shorter arrays take the numpy path, so that a
#: process that only transforms small arrays never imports numba (about 0.2 s) or loads
#: the compiled code; at 2**14 the numpy path takes about 0.4 ms, the kernel 0.013 ms.
KERNEL_MIN_LENGTH = 1 << 14
_KERNEL_DTYPES = (np.dtype(np.float64), np.dtype(np.float32))
_INT64 = np.dtype(np.int64)


def fwht(values, out=None):
    """Fast Walsh-Hadamard transform (unnormalised) of a float array of length ``2**d``.

    Entry ``S`` of the result is ``sum_z values[z] * (-1)^{popcount(S & z)}``.

    Parameters
    ----------
    values : array_like of float, length 2**d
    out : ndarray, optional
        Work in place in this array (may be ``values`` itself), in its dtype; float64
        when omitted.

    Returns
    -------
    numpy.ndarray
        ``out``, or a new float64 array.

    Raises
    ------
    InputError
        ``values`` is not 1-d or its length is not a power of two.

    Notes
    -----
    ``O(d 2**d)`` time. From :data:`KERNEL_MIN_LENGTH` values on, float64, float32 and
    int64 arrays go through the compiled, cache-blocked kernel
    (:func:`symrep.spectra.fwht_kernel.fwht_inplace`): in place, no temporary array, and
    at ``2**24`` values three sweeps over the array instead of ``d``. A strided
    ``out`` is transformed in one contiguous copy. int64 takes the kernel only when
    ``2**d * max |values|`` fits in int64, so that the result is exact; otherwise, and
    for other dtypes and short arrays, the numpy path below runs (``d`` radix-2 passes and
    a temporary of half the length). The two paths group the floating-point additions
    differently, so float results can differ in the last bits.
    """
    if out is None:
        out = np.array(values, dtype=float)
    elif out is not values:
        out[...] = values
    n = out.shape[0] if out.ndim == 1 else 0
    if n == 0 or n & (n - 1):
        raise InputError(f"fwht needs a 1-d array whose length is a power of two, got shape {out.shape}")
    if n >= KERNEL_MIN_LENGTH and out.flags.writeable and _kernel_fits(out, n):
        from symrep.spectra.fwht_kernel import fwht_inplace

        if out.flags.c_contiguous:
            fwht_inplace(out)
        else:
            work = np.ascontiguousarray(out)
            fwht_inplace(work)
            out[...] = work
        return out
    return _fwht_numpy(out)


def _kernel_fits(out, n):
    """Whether the compiled kernel computes this transform (exactly, for integers)."""
    if out.dtype in _KERNEL_DTYPES:
        return True
    if out.dtype != _INT64:
        return False
    # every partial sum is bounded by n * max|x|; int64 wraps beyond 2**63 - 1
    return n * max(int(out.max()), -int(out.min())) <= np.iinfo(np.int64).max


def _fwht_numpy(out):
    """The numpy path: ``d`` radix-2 passes in place, with a temporary of half the length."""
    n = out.shape[0]
    tmp = np.empty(n // 2)
    h = 1
    while h < n:
        view = out.reshape(-1, 2, h)
        lo, hi = view[:, 0, :], view[:, 1, :]
        t = tmp.reshape(-1, h)
        np.subtract(lo, hi, out=t)
        lo += hi
        hi[...] = t
        h *= 2
    return out


def character(mask, d):
    """The character ``chi_S`` as an integer vector of length ``2**d`` (entries +-1)."""
    z = np.arange(1 << d)
    parity = np.zeros(1 << d, dtype=np.int64)
    m = z & mask
    while m.any():
        parity ^= m & 1
        m >>= 1
    return 1 - 2 * parity


def character_matrix(d):
    """The ``2**d x 2**d`` Sylvester-Hadamard matrix as an exact SymPy matrix, rows ``chi_S``."""
    return sympy.Matrix([list(character(s, d)) for s in range(1 << d)])


def subset_to_mask(subset):
    """Bit mask of a set of 1-based coordinates: ``{1, 3} -> 0b101``."""
    mask = 0
    for i in subset:
        mask |= 1 << (int(i) - 1)
    return mask


def mask_to_subset(mask):
    """The set of 1-based coordinates of a bit mask: ``0b101 -> (1, 3)``."""
    return tuple(i + 1 for i in range(mask.bit_length()) if mask >> i & 1)
