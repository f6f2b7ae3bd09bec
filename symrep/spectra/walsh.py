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

__all__ = ["fwht", "character", "character_matrix", "subset_to_mask", "mask_to_subset"]


def fwht(values, out=None):
    """Fast Walsh-Hadamard transform (unnormalised) of a float array of length ``2**d``.

    Entry ``S`` of the result is ``sum_z values[z] * (-1)^{popcount(S & z)}``.

    Parameters
    ----------
    values : array_like of float, length 2**d
    out : ndarray, optional
        Work in place in this float64 array (may be ``values`` itself).

    Notes
    -----
    ``d`` butterfly passes over the array: ``O(d 2**d)`` time, one array of length
    ``2**d`` plus a temporary of half that length.
    """
    if out is None:
        out = np.array(values, dtype=float)
    elif out is not values:
        out[...] = values
    n = out.shape[0]
    if out.ndim != 1 or n == 0 or n & (n - 1):
        raise InputError(f"fwht needs a 1-d array whose length is a power of two, got shape {out.shape}")
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
