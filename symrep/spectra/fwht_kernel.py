"""Compiled, cache-blocked, in-place fast Walsh-Hadamard transform (numba).

:func:`fwht_inplace` overwrites a contiguous 1-d array of length ``2**d`` with its
unnormalised Walsh-Hadamard transform, entry ``S`` being
``sum_z x[z] * (-1)^{popcount(S & z)}``. It is the large-size path of
:func:`symrep.spectra.walsh.fwht`, which keeps a pure numpy transform for small
arrays, checks lengths and dtypes, and handles ``out=`` and strided input; call that
function unless you already hold a suitable array.

Blocking. The ``d`` butterfly levels commute, so they are applied in groups, each group
in one sweep over data that stays in one level of cache:

* levels ``0 .. 11`` in blocks of ``2**12`` values (32 KiB, L1): an 8-point butterfly
  on consecutive values, then radix-8 passes with stride 8, 64 and 512;
* levels ``12 .. 17`` in blocks of ``2**18`` values (2 MiB, L2): radix-8 passes over the
  L1 blocks just transformed;
* levels ``18 .. 20`` in blocks of ``2**21`` values (16 MiB, last-level cache);
* the remaining levels, radix-8 passes over the whole array (each reads and writes the
  array once, streaming 8 rows).

So a transform of ``2**24`` float64 values (128 MiB) sweeps the whole array three times:
levels ``0 .. 17`` block by block, ``18 .. 20`` in 16 MiB blocks (which a server CPU's
last-level cache may hold), ``21 .. 23`` over the whole array; a radix-2 transform
sweeps it 24 times. Every pass is in place: no temporary array at all.
The radix-8 butterflies are written on eight row views of the array, so that LLVM
vectorises the inner loops (AVX2/AVX-512 on x86); indices masked with ``_NONNEG`` tell
it they are not negative, which removes numba's negative-index wraparound code.

Compilation uses ``cache=True``: the first call in a fresh installation compiles (about 2 s
per dtype), later processes load the machine code from numba's cache (next to
this file, or in the user cache directory when that is not writable). Importing this
module imports numba (about 0.2 s); :mod:`symrep.spectra.walsh` does so only when a
transform is large enough to need it.

Single-threaded. Supported dtypes: float64, float32 and int64 (integer arithmetic wraps
on overflow; :func:`~symrep.spectra.walsh.fwht` uses it only when ``2**d * max|x|`` fits).

Examples
--------
>>> import numpy as np
>>> from symrep.spectra.fwht_kernel import fwht_inplace
>>> x = np.array([1.0, 0.5, 0.5, 0.25])
>>> fwht_inplace(x)
>>> x
array([2.25, 0.75, 0.75, 0.25])
>>> y = np.random.default_rng(0).normal(size=1 << 16)
>>> z = y.copy()
>>> fwht_inplace(z); fwht_inplace(z)            # H H = 2**d I
>>> bool(np.allclose(z, y * 2**16))
True
"""

import numpy as np
from numba import njit

__all__ = ["fwht_inplace", "L1_LOG", "L2_LOG", "L3_LOG", "memory_passes"]

_OPTS = dict(cache=True, nogil=True, error_model="numpy", boundscheck=False)
#: ``i & _NONNEG`` is ``i`` for the indices used here, and tells LLVM that it is >= 0.
_NONNEG = 0x7FFFFFFFFFFFFFFF
#: log2 of the block sizes (values) transformed in L1, L2 and the last-level cache.
L1_LOG = 12
L2_LOG = 18
L3_LOG = 21


def memory_passes(d):
    """Sweeps over an array of ``2**d`` values that are not confined to a cache-sized block.

    ``1`` for ``d <= L3_LOG`` (everything happens block by block); above, one more per
    radix-8 (or final radix-4/2) pass over the whole array, plus one for the
    ``L3_LOG``-sized blocks. The bandwidth floor of a transform is this many times the
    time of one read-modify-write sweep (``x *= 1.0``) over the array.
    """
    if d <= L2_LOG:
        return 1
    if d <= L3_LOG:
        return 2
    return 2 + -(-(d - L3_LOG) // 3)


@njit(**_OPTS)
def _low3(x, base, n):
    """Levels 1, 2, 4 (an 8-point butterfly on each run of 8 values); ``n % 8 == 0``."""
    y = x[base:base + n]
    for g in range(n >> 3):
        i = (g << 3) & _NONNEG
        a0 = y[i]
        a1 = y[i + 1]
        a2 = y[i + 2]
        a3 = y[i + 3]
        a4 = y[i + 4]
        a5 = y[i + 5]
        a6 = y[i + 6]
        a7 = y[i + 7]
        b0 = a0 + a4
        b1 = a1 + a5
        b2 = a2 + a6
        b3 = a3 + a7
        b4 = a0 - a4
        b5 = a1 - a5
        b6 = a2 - a6
        b7 = a3 - a7
        c0 = b0 + b2
        c1 = b1 + b3
        c2 = b0 - b2
        c3 = b1 - b3
        c4 = b4 + b6
        c5 = b5 + b7
        c6 = b4 - b6
        c7 = b5 - b7
        y[i] = c0 + c1
        y[i + 1] = c0 - c1
        y[i + 2] = c2 + c3
        y[i + 3] = c2 - c3
        y[i + 4] = c4 + c5
        y[i + 5] = c4 - c5
        y[i + 6] = c6 + c7
        y[i + 7] = c6 - c7


@njit(**_OPTS)
def _h8(x, base, n):
    """Levels 8, 16, 32 with the stride a constant (short rows vectorise); ``n % 64 == 0``."""
    for g in range(n >> 6):
        y = x[base + (g << 6):base + (g << 6) + 64]
        for jj in range(8):
            j = jj & _NONNEG
            a0 = y[j]
            a1 = y[j + 8]
            a2 = y[j + 16]
            a3 = y[j + 24]
            a4 = y[j + 32]
            a5 = y[j + 40]
            a6 = y[j + 48]
            a7 = y[j + 56]
            b0 = a0 + a1
            b1 = a0 - a1
            b2 = a2 + a3
            b3 = a2 - a3
            b4 = a4 + a5
            b5 = a4 - a5
            b6 = a6 + a7
            b7 = a6 - a7
            c0 = b0 + b2
            c2 = b0 - b2
            c1 = b1 + b3
            c3 = b1 - b3
            c4 = b4 + b6
            c6 = b4 - b6
            c5 = b5 + b7
            c7 = b5 - b7
            y[j] = c0 + c4
            y[j + 32] = c0 - c4
            y[j + 8] = c1 + c5
            y[j + 40] = c1 - c5
            y[j + 16] = c2 + c6
            y[j + 48] = c2 - c6
            y[j + 24] = c3 + c7
            y[j + 56] = c3 - c7


@njit(**_OPTS)
def _radix8(x, base, n, h):
    """Levels h, 2h, 4h of ``x[base:base+n]`` in one sweep (eight rows of length h)."""
    for i in range(base, base + n, 8 * h):
        x0 = x[i:i + h]
        x1 = x[i + h:i + 2 * h]
        x2 = x[i + 2 * h:i + 3 * h]
        x3 = x[i + 3 * h:i + 4 * h]
        x4 = x[i + 4 * h:i + 5 * h]
        x5 = x[i + 5 * h:i + 6 * h]
        x6 = x[i + 6 * h:i + 7 * h]
        x7 = x[i + 7 * h:i + 8 * h]
        for j in range(h):
            a0 = x0[j]
            a1 = x1[j]
            a2 = x2[j]
            a3 = x3[j]
            a4 = x4[j]
            a5 = x5[j]
            a6 = x6[j]
            a7 = x7[j]
            b0 = a0 + a1
            b1 = a0 - a1
            b2 = a2 + a3
            b3 = a2 - a3
            b4 = a4 + a5
            b5 = a4 - a5
            b6 = a6 + a7
            b7 = a6 - a7
            c0 = b0 + b2
            c2 = b0 - b2
            c1 = b1 + b3
            c3 = b1 - b3
            c4 = b4 + b6
            c6 = b4 - b6
            c5 = b5 + b7
            c7 = b5 - b7
            x0[j] = c0 + c4
            x4[j] = c0 - c4
            x1[j] = c1 + c5
            x5[j] = c1 - c5
            x2[j] = c2 + c6
            x6[j] = c2 - c6
            x3[j] = c3 + c7
            x7[j] = c3 - c7


@njit(**_OPTS)
def _radix4(x, base, n, h):
    """Levels h, 2h of ``x[base:base+n]`` in one sweep."""
    for i in range(base, base + n, 4 * h):
        x0 = x[i:i + h]
        x1 = x[i + h:i + 2 * h]
        x2 = x[i + 2 * h:i + 3 * h]
        x3 = x[i + 3 * h:i + 4 * h]
        for j in range(h):
            a0 = x0[j]
            a1 = x1[j]
            a2 = x2[j]
            a3 = x3[j]
            b0 = a0 + a1
            b1 = a0 - a1
            b2 = a2 + a3
            b3 = a2 - a3
            x0[j] = b0 + b2
            x2[j] = b0 - b2
            x1[j] = b1 + b3
            x3[j] = b1 - b3


@njit(**_OPTS)
def _radix2(x, base, n, h):
    """Level h of ``x[base:base+n]``."""
    for i in range(base, base + n, 2 * h):
        x0 = x[i:i + h]
        x1 = x[i + h:i + 2 * h]
        for j in range(h):
            a0 = x0[j]
            a1 = x1[j]
            x0[j] = a0 + a1
            x1[j] = a0 - a1


@njit(**_OPTS)
def _levels(x, base, n, h, top):
    """Levels ``h, 2h, ..., top/2`` of ``x[base:base+n]``: radix-8 sweeps, then one radix-4 or 2."""
    while h * 8 <= top:
        _radix8(x, base, n, h)
        h *= 8
    if h * 4 <= top:
        _radix4(x, base, n, h)
    elif h * 2 <= top:
        _radix2(x, base, n, h)


@njit(**_OPTS)
def _l1_block(x, base, n):
    """The whole transform of ``x[base:base+n]`` (n a power of two, small enough for L1)."""
    h = np.int64(1)  # np.int64(): a literal argument would compile one more specialisation
    if n >= 8:
        _low3(x, base, n)
        h = np.int64(8)
    if n >= 64:
        _h8(x, base, n)
        h = np.int64(64)
    _levels(x, base, n, h, n)


@njit(**_OPTS)
def _transform(x):
    n = x.shape[0]
    b1 = min(n, 1 << L1_LOG)
    b2 = min(n, 1 << L2_LOG)
    b3 = min(n, 1 << L3_LOG)
    for base3 in range(0, n, b3):
        for base2 in range(base3, base3 + b3, b2):
            for base1 in range(base2, base2 + b2, b1):
                _l1_block(x, base1, b1)
            _levels(x, base2, b2, b1, b2)
        _levels(x, base3, b3, b2, b3)
    _levels(x, np.int64(0), n, b3, n)


def fwht_inplace(x):
    """Overwrite ``x`` with its unnormalised Walsh-Hadamard transform (compiled, single thread).

    Parameters
    ----------
    x : numpy.ndarray
        1-d, C-contiguous, writeable, length a power of two, dtype float64, float32 or
        int64 (native byte order). Not checked here: use
        :func:`symrep.spectra.walsh.fwht` for checked input.

    Returns
    -------
    None
        ``x`` holds the result.

    Notes
    -----
    ``O(d 2**d)`` operations, no allocation, :func:`memory_passes` sweeps over memory.
    The result equals :func:`symrep.spectra.walsh.fwht`'s up to floating-point rounding
    (the additions are grouped differently), exactly for integers.
    """
    _transform(x)
