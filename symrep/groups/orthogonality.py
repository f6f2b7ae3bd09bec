"""Exact verification of a character table: both orthogonality relations and the basic counts.

Integer tables use int64 while every partial sum provably fits, and beyond that a multi-modular
proof with exact float64 BLAS products; generic tables with values in ``Q(zeta_e)`` reduce modulo
the cyclotomic polynomial; symbolic tables simplify.

Examples
--------
>>> from symrep.groups.tables import hyperoctahedral_table
>>> from symrep.groups.orthogonality import verify_table
>>> verify_table(hyperoctahedral_table(3)).passed
True
"""

import numpy as np
import sympy

from symrep.errors import LimitError
from symrep.groups.cyclotomic import reduce_cyclotomic
from symrep.reports import CheckReport

__all__ = ["verify_table", "MAX_VERIFY_CLASSES"]

#: Largest number of classes for which exact verification is attempted.
MAX_VERIFY_CLASSES = 5000
#: Primes below 2**21: products of centred residues summed over 4096 classes stay exact in float64.
_PRIME_BITS = 21


def verify_table(table):
    """Check both orthogonality relations and the basic counts, exactly.

    Row orthogonality ``sum_C |C| chi(C) psi(C) = |G| delta`` and column orthogonality
    ``sum_chi chi(C) conj(chi(D)) = |C_G(C)| delta``; class sizes add up to ``|G|``,
    divide it, and the squared degrees add up to ``|G|``.

    Notes
    -----
    Integer tables use int64 arithmetic while every partial sum provably fits, and
    beyond that a multi-modular proof: each relation is checked modulo primes below
    ``2**21`` with exact float64 BLAS products, until the product of the primes exceeds
    twice a bound on every entry (so agreement modulo it is equality).
    """
    failures = []
    r = len(table)
    if r > MAX_VERIFY_CLASSES:
        raise LimitError(f"verifying a table with {r} classes is refused: the limit is {MAX_VERIFY_CLASSES}")
    if len(table.irreducibles) != r:
        failures.append(f"{len(table.irreducibles)} irreducibles but {r} classes")
    if table.class_sizes[0] != 1:
        failures.append(f"the first class has size {table.class_sizes[0]}, not 1 (the identity)")
    for label, size in zip(table.classes, table.class_sizes):
        if size <= 0 or table.order % size:
            failures.append(f"class {table.class_text(label)} has size {size}, not a divisor of {table.order}")
    degree_sum = sum(d * d for d in table.degrees)
    if degree_sum != table.order:
        failures.append(f"squared degrees add up to {degree_sum}, not |G| = {table.order}")
    if not failures:
        if table.is_integral:
            failures += _verify_integral(table)
        elif getattr(table, "cyclotomic", None) is not None:
            failures += _verify_cyclotomic(table)
        else:
            failures += _verify_symbolic(table)
    return CheckReport("exact", not failures, 2 * r * r, failures)

def _verify_integral(table):
    order, r = table.order, len(table)
    sizes = np.array(table.class_sizes, dtype=object)
    cent = np.array(table.centralizer_orders, dtype=object)
    row_target = lambda M: M == order * np.eye(r, dtype=M.dtype)
    col_target = lambda M: M == np.diag(cent).astype(M.dtype)
    # |sum_C |C| chi psi| <= |G| chi(1) psi(1) <= |G|^2; partial sums obey the same bound.
    if order * order * 4 < 2**62:
        V = table.values.astype(np.int64)
        rows = (V * sizes.astype(np.int64)) @ V.T
        cols = V.T @ V
        return _orthogonality_failures(table, row_target(rows), col_target(cols))
    bound = 2 * (order * order + order)
    rows_ok = np.ones((r, r), dtype=bool)
    cols_ok = np.ones((r, r), dtype=bool)
    modulus = 1
    for p in _primes_below(2**_PRIME_BITS):
        if modulus > bound:
            break
        modulus *= p
        V = _centred(table.values % p, p)
        W = _centred((table.values % p) * (sizes % p).astype(np.int64) % p, p)
        rows = np.rint(W.astype(float) @ V.T.astype(float)).astype(np.int64) % p
        cols = np.rint(V.T.astype(float) @ V.astype(float)).astype(np.int64) % p
        rows_ok &= rows == (order % p) * np.eye(r, dtype=np.int64)
        cols_ok &= cols == np.diag((cent % p).astype(np.int64))
    return _orthogonality_failures(table, rows_ok, cols_ok)

def _verify_cyclotomic(table):
    """Orthogonality in Q(zeta_e), values given as integer vectors over powers of zeta_e."""
    e, vec = table.cyclotomic  # vec[i, j] is the coefficient vector of chi_i(C_j)
    r = len(table)
    conj = np.roll(vec[..., ::-1], 1, axis=-1)  # zeta^j -> zeta^(-j)

    def product(a, b):
        full = np.convolve(a, b)
        folded = full[:e].copy()
        folded[: len(full) - e] += full[e:]
        return folded

    def equals(poly, target):
        poly = poly.copy()
        poly[0] -= target
        return not any(reduce_cyclotomic(poly, e))

    cent = table.centralizer_orders
    rows_ok = np.ones((r, r), dtype=bool)
    cols_ok = np.ones((r, r), dtype=bool)
    for i in range(r):
        for j in range(r):
            row = sum(table.class_sizes[c] * product(vec[i, c], conj[j, c]) for c in range(r))
            rows_ok[i, j] = equals(row, table.order if i == j else 0)
            col = sum(product(vec[c, i], conj[c, j]) for c in range(r))
            cols_ok[i, j] = equals(col, cent[i] if i == j else 0)
    return _orthogonality_failures(table, rows_ok, cols_ok)

def _verify_symbolic(table):
    V = sympy.Matrix(table.values.tolist())
    r = len(table)
    sizes = sympy.diag(*table.class_sizes)
    rows = V * sizes * V.H
    cols = V.H * V
    rows_ok = np.array([[sympy.simplify(rows[i, j] - (table.order if i == j else 0)) == 0
                         for j in range(r)] for i in range(r)])
    cent = table.centralizer_orders
    cols_ok = np.array([[sympy.simplify(cols[i, j] - (cent[i] if i == j else 0)) == 0
                         for j in range(r)] for i in range(r)])
    return _orthogonality_failures(table, rows_ok, cols_ok)


def _centred(residues, p):
    residues = np.asarray(residues, dtype=np.int64) % p
    return np.where(residues > p // 2, residues - p, residues)


def _primes_below(limit):
    p = limit
    while p > 3:
        p = sympy.prevprime(p)
        yield p


def _orthogonality_failures(table, rows_ok, cols_ok):
    failures = []
    for i, j in zip(*np.nonzero(~rows_ok)):
        failures.append(f"row orthogonality fails for {table.irreducible_text(table.irreducibles[i])} and "
                        f"{table.irreducible_text(table.irreducibles[j])}")
        if len(failures) >= 10:
            break
    for i, j in zip(*np.nonzero(~cols_ok)):
        failures.append(f"column orthogonality fails for classes {table.class_text(table.classes[i])} and "
                        f"{table.class_text(table.classes[j])}")
        if len(failures) >= 20:
            break
    return failures
