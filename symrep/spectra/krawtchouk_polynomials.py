"""Krawtchouk polynomials: the eigenvalue coefficients of hypercube blocks.

``K_t(s; m) = sum_i (-1)^i C(s, i) C(m - s, t - i)`` is the value, on a vertex
differing in ``t`` of ``m`` equal coordinates, of the sum of all characters
``chi_S`` with ``|S| = s`` divided by nothing: equivalently the coefficient of
``z^t`` in ``(1 - z)^s (1 + z)^(m - s)``.

Examples
--------
>>> from symrep.spectra.krawtchouk_polynomials import krawtchouk, krawtchouk_matrix
>>> krawtchouk(1, 1, 3)
1
>>> krawtchouk_matrix(2)
[[1, 2, 1], [1, 0, -1], [1, -2, 1]]
"""

from math import comb

__all__ = ["krawtchouk", "krawtchouk_matrix"]


def krawtchouk(t, s, m):
    """``K_t(s; m)`` by its defining sum (the slow reference)."""
    return sum((-1) ** i * comb(s, i) * comb(m - s, t - i) for i in range(0, min(s, t) + 1) if t - i <= m - s)


def krawtchouk_matrix(m):
    """All ``K_t(s; m)`` as a list of rows ``[K_0(s), ..., K_m(s)]`` for ``s`` from 0 to ``m``.

    Notes
    -----
    Uses the three-term recurrence
    ``(t + 1) K_{t+1} = (m - 2s) K_t - (m - t + 1) K_{t-1}``, exact in Python
    integers: ``O(m**2)`` operations.
    """
    rows = []
    for s in range(m + 1):
        row = [1]
        if m >= 1:
            row.append(m - 2 * s)
        for t in range(1, m):
            num = (m - 2 * s) * row[t] - (m - t + 1) * row[t - 1]
            row.append(num // (t + 1))
        rows.append(row)
    return rows
