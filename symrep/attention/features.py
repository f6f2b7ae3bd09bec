"""Monomial feature maps: ``P(<x, y>) = <phi(x), psi(y)>`` for a polynomial ``P`` of degree ``g``.

``(sum_c x_c y_c)^j = sum_{|alpha| = j} j!/alpha! x^alpha y^alpha``, so with ``P(s) = sum_j c_j s^j`` the
query side carries ``c_j j!/alpha! x^alpha`` and the key side ``y^alpha``: ``r = C(d + g, g)`` columns.
The same holds for products of several vectors (tensor attention): ``(sum_c q_c a_c b_c)^j`` expands
over the same exponents with ``q^alpha a^alpha b^alpha``.

Columns are built degree by degree, a block per smallest variable: the monomials of degree ``j``
whose smallest variable is ``k`` are ``x_k`` times the degree ``j - 1`` monomials in the variables
``k, ..., d - 1`` (a suffix of the previous degree), so a whole degree costs ``d`` numpy products.

Examples
--------
>>> import numpy as np
>>> from symrep.attention.features import monomial_exponents, monomials
>>> monomial_exponents(2, 2)[0].tolist()
[[0, 0], [1, 0], [0, 1], [2, 0], [1, 1], [0, 2]]
>>> monomials(np.array([[2.0, 3.0]]), 2).tolist()
[[1.0, 2.0, 3.0, 4.0, 6.0, 9.0]]
"""

import math
from functools import lru_cache

import numpy as np

from symrep.attention.arrays import cat, is_torch

__all__ = ["monomial_exponents", "monomials", "query_weights", "feature_rank"]


def feature_rank(d, degree):
    """``C(d + g, g)``, the number of monomials of degree ``<= g`` in ``d`` variables.

    >>> feature_rank(4, 5)
    126
    """
    return math.comb(d + degree, degree)


@lru_cache(maxsize=64)
def monomial_exponents(d, degree):
    """``(exponents, degrees, multinomials)``: an ``r x d`` integer array of exponent vectors in column
    order, the degree of each, and the exact multinomial coefficient ``j! / alpha!`` of each (Python ints).
    """
    blocks, offsets = [np.zeros((1, d), dtype=np.int64)], [[0] * d]
    for _ in range(degree):
        previous, start = blocks[-1], offsets[-1]
        parts = []
        for k in range(d):
            part = previous[start[k]:].copy()
            part[:, k] += 1
            parts.append(part)
        offsets.append(list(np.cumsum([0] + [len(p) for p in parts[:-1]])))
        blocks.append(np.concatenate(parts))
    exponents = np.concatenate(blocks)
    degrees = exponents.sum(axis=1)
    multinomials = tuple(math.factorial(int(j)) // math.prod(math.factorial(int(e)) for e in alpha)
                         for alpha, j in zip(exponents, degrees))
    return exponents, degrees, multinomials


def monomials(X, degree):
    """The ``n x r`` matrix of all monomials ``X[i]^alpha`` of degree ``<= g``, in the order of
    :func:`monomial_exponents` (written in place, one product per degree and variable)."""
    if is_torch(X):
        return _monomials_by_blocks(X, degree)
    n, d = X.shape
    X = np.asfortranarray(X)
    out = np.empty((n, feature_rank(d, degree)), dtype=X.dtype, order="F")  # column slices contiguous
    out[:, 0] = 1.0
    begin, end, start = 0, 1, [0] * d  # the previous degree's columns, and where each suffix starts
    for _ in range(degree):
        write, starts = end, []
        for k in range(d):
            width = end - begin - start[k]
            starts.append(write - end)
            np.multiply(X[:, k:k + 1], out[:, begin + start[k]:end], out=out[:, write:write + width])
            write += width
        begin, end, start = end, write, starts
    return out


def _monomials_by_blocks(X, degree):
    """The same columns as :func:`monomials`, built by concatenation (any array kind, e.g. torch on CUDA)."""
    d = X.shape[1]
    previous, start = X[:, :1] * 0 + 1, [0] * d
    columns = [previous]
    for _ in range(degree):
        parts, starts, offset = [], [], 0
        for k in range(d):
            part = X[:, k:k + 1] * previous[:, start[k]:]
            starts.append(offset)
            offset += part.shape[1]
            parts.append(part)
        previous, start = cat(parts, 1), starts
        columns.append(previous)
    return cat(columns, 1)


def query_weights(d, coefficients, scale):
    """The weight ``c_j scale^j j!/alpha!`` of each column, for ``P(s) = sum_j c_j s^j`` at ``s = scale * <., .>``.

    >>> query_weights(2, (1.0, 1.0, 0.5), 1.0).tolist()
    [1.0, 1.0, 1.0, 0.5, 1.0, 0.5]
    """
    degree = len(coefficients) - 1
    _, degrees, multinomials = monomial_exponents(d, degree)
    per_degree = np.array([c * scale**j for j, c in enumerate(coefficients)])
    return per_degree[degrees] * np.array(multinomials, dtype=np.float64)
