"""The plain-Python Dixon-Schneider implementation that symrep.groups.dixon replaced (tuples, loops and
row reduction in Python), kept as the slow reference it is tested against in tests/test_characters.py."""

from math import isqrt, lcm
from types import SimpleNamespace

import numpy as np
import sympy
from sympy.combinatorics import Permutation

from symrep.groups.dixon import _common_eigenvectors, _prime, _root_of_unity, _sqrt_small  # shared: number theory, the driver loop
from symrep.groups.dixon import _lift as lift

__all__ = ["generic_character_table"]


def generic_character_table(group, name=None):
    """Class sizes, representatives and values (rows sorted as the library sorts them) of ``group``."""
    order = int(group.order())  # the inputs are the tests' own: no validation here
    elements = [tuple(g.array_form) for g in group.generate()]
    degree = len(elements[0])
    position = {g: i for i, g in enumerate(elements)}
    mul = lambda a, b: tuple(b[a[i]] for i in range(degree))  # a then b
    inverse = lambda a: tuple(sorted(range(degree), key=lambda i: a[i]))
    classes = _conjugacy_classes(elements, position, mul, inverse)
    r = len(classes)
    class_of = np.empty(order, dtype=np.int64)
    for k, cls in enumerate(classes):
        for g in cls:
            class_of[position[g]] = k
    reps = [cls[0] for cls in classes]
    sizes = [len(cls) for cls in classes]
    orders = [_element_order(g, mul) for g in reps]
    exponent = lcm(*orders)
    p = _prime(exponent, 2 * isqrt(order) + 2)
    coeff = _class_coefficients(classes, reps, position, class_of, mul, inverse)
    vectors = _common_eigenvectors(coeff, p, r, split=_split)
    inverse_class = [int(class_of[position[inverse(g)]]) for g in reps]
    power_class = {}
    z_e = _root_of_unity(exponent, p)  # one root for all classes (issue 25)
    values = []
    for w in vectors:
        d2_inv = sum(w[k] * w[inverse_class[k]] * pow(sizes[k], -1, p) for k in range(r)) % p
        d2 = order * pow(d2_inv, -1, p) % p
        deg = _sqrt_small(d2, p, isqrt(order))
        modp = [deg * w[k] * pow(sizes[k], -1, p) % p for k in range(r)]
        lifted = [_lift(k, modp, reps, orders, exponent, p, deg, power_class, class_of, position, mul, z_e)
                  for k in range(r)]
        values.append([val for _, val in lifted])
    rows = sorted(values, key=lambda row: (any(v != 1 for v in row), row[0], [sympy.default_sort_key(v) for v in row]))
    return SimpleNamespace(class_sizes=sizes, representatives=[Permutation(list(g)) for g in reps],
                           values=np.array(rows, dtype=object))


def _conjugacy_classes(elements, position, mul, inverse):
    seen = [False] * len(elements)
    classes = []
    for i, g in enumerate(elements):
        if seen[i]:
            continue
        cls = []
        for h in elements:
            c = mul(mul(inverse(h), g), h)
            j = position[c]
            if not seen[j]:
                seen[j] = True
                cls.append(c)
        classes.append(cls)
    identity = tuple(range(len(elements[0])))
    classes.sort(key=lambda cls: (identity not in cls, _element_order(cls[0], mul), len(cls)))
    return classes


def _element_order(g, mul):
    identity = tuple(range(len(g)))
    k, h = 1, g
    while h != identity:
        h = mul(h, g)
        k += 1
    return k


def _class_coefficients(classes, reps, position, class_of, mul, inverse):
    """``a[i][j][k]``: the number of x in C_i with x^-1 z_k in C_j, for the representative z_k."""
    r = len(classes)
    a = np.zeros((r, r, r), dtype=np.int64)
    for k, z in enumerate(reps):
        for i, cls in enumerate(classes):
            for x in cls:
                y = mul(inverse(x), z)  # x * y = z with "x then y" composition order
                a[i, class_of[position[y]], k] += 1
    return a


def _split(V, M, p):
    """Split the row space of V (M-invariant, rows are row vectors w with w M^T = lambda w)."""
    # Eigenvectors w satisfy M w = lambda w (column), i.e. rows w with w M^T = lambda w.
    MT = M.T % p
    A = _restrict(V, MT, p)
    pieces = []
    found = 0
    for lam in range(p):
        N = _nullspace((A - lam * np.eye(A.shape[0], dtype=np.int64)) % p, p)
        if N.shape[0]:
            pieces.append(N @ V % p)
            found += N.shape[0]
            if found == V.shape[0]:
                break
    return pieces


def _restrict(V, MT, p):
    """The matrix A with (V MT) = A V, for V of full row rank mod p."""
    W = V @ MT % p
    # Solve A V = W: A = W V^+ using a left inverse from row reduction of V.
    k, n = V.shape
    aug = np.concatenate([V.T % p, W.T % p], axis=1)  # V^T A^T = W^T
    sol = _solve(aug, k, p)
    return sol.T % p


def _row_reduce(rows, n_pivot_columns, p):
    """Reduced row echelon form mod p, pivoting only in the first columns; returns (rows, pivots)."""
    M = [[int(x) % p for x in row] for row in rows]
    pivots, row = [], 0
    for col in range(n_pivot_columns):
        pivot = next((i for i in range(row, len(M)) if M[i][col]), None)
        if pivot is None:
            continue
        M[row], M[pivot] = M[pivot], M[row]
        inv = pow(M[row][col], -1, p)
        M[row] = [x * inv % p for x in M[row]]
        for i in range(len(M)):
            if i != row and M[i][col]:
                f = M[i][col]
                M[i] = [(x - f * y) % p for x, y in zip(M[i], M[row])]
        pivots.append(col)
        row += 1
    return M, pivots


def _solve(aug, k, p):
    """Solve V^T X = W^T (columns of aug: k unknown columns, then right-hand sides)."""
    M, pivots = _row_reduce(aug, k, p)
    X = np.zeros((k, len(M[0]) - k), dtype=np.int64)
    for r_i, col in enumerate(pivots):
        X[col] = M[r_i][k:]
    return X


def _nullspace(A, p):
    """Basis (rows) of {w : w A = 0} mod p, i.e. the left null space."""
    n_cols = A.shape[0]
    M, pivots = _row_reduce(A.T, n_cols, p)  # w A = 0  <=>  A^T w^T = 0
    basis = []
    for fcol in (c for c in range(n_cols) if c not in pivots):
        v = [0] * n_cols
        v[fcol] = 1
        for r_i, pc in enumerate(pivots):
            v[pc] = -M[r_i][fcol] % p
        basis.append(v)
    return np.array(basis, dtype=np.int64).reshape(len(basis), n_cols)


def _lift(k, modp, reps, orders, exponent, p, deg, power_class, class_of, position, mul, z_e):
    """``chi(g_k)`` exactly: its coefficient vector over powers of ``zeta_e`` and a SymPy value."""
    o = orders[k]
    g = reps[k]
    if k not in power_class:
        powers, h = [], tuple(range(len(g)))
        for _ in range(o):
            powers.append(int(class_of[position[h]]))
            h = mul(h, g)
        power_class[k] = powers
    return lift(modp, power_class[k], exponent, p, deg, z_e)  # the powers found here; the lift itself is shared
