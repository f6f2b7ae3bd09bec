"""Slow, obviously correct references that the fast code is tested against."""

import sympy

from symrep.geometry.kernels import as_kernel


def brute_force_eigenvalue(box, f, mask, metric="l1", p=None):
    """lambda_S = sum_z f(dist(0, z)) chi_S(z), distances from vertex coordinates."""
    kernel = as_kernel(f)
    terms = []
    for z in range(box.n_vertices):
        sign = -1 if bin(z & mask).count("1") % 2 else 1
        terms.append(sign * kernel(box.distance(0, z, metric, p)))
    return sympy.Add(*terms)


def provably_equal(a, b):
    diff = a - b
    return diff == 0 or sympy.expand(diff) == 0 or sympy.simplify(diff) == 0


def walsh_hadamard(values):
    """Unnormalised Walsh-Hadamard transform as ``d`` tensor contractions with ``[[1, 1], [1, -1]]``.

    Index bit ``i`` of ``z`` is axis ``d - 1 - i`` of the ``2 x ... x 2`` tensor; each axis is
    transformed by a sum and a difference of its two slices (no butterflies in place, no
    reuse of symrep's code). Float64 result; integers are exact while below 2**53.
    """
    import numpy as np

    v = np.array(values, dtype=float)
    d = v.shape[0].bit_length() - 1
    assert v.ndim == 1 and v.shape[0] == 1 << d
    t = v.reshape((2,) * d)
    for axis in range(d):
        a, b = np.take(t, 0, axis=axis), np.take(t, 1, axis=axis)
        t = np.stack([a + b, a - b], axis=axis)
    return t.reshape(-1)
