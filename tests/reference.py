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
