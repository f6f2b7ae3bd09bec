"""Exact values in cyclotomic fields ``Q(zeta_e)``, stored as integer coefficient vectors.

Shared by the generic (Dixon-Schneider) tables, which produce such vectors, and by
:class:`~symrep.groups.character_table.CharacterTable`, which verifies orthogonality with them; it
sits below both so that neither imports the other.

Examples
--------
>>> from symrep.groups.cyclotomic import reduce_cyclotomic
>>> reduce_cyclotomic([1, 1, 1], 3)          # 1 + zeta + zeta^2 = 0
[0, 0]
"""

from functools import lru_cache
from math import gcd

from flint import fmpz_poly

from symrep.lazy import lazy_module

sympy = lazy_module("sympy")  # integer tables (B_n, S_n) never need it: the table command starts faster

__all__ = ["cyclotomic_value", "reduce_cyclotomic"]


def cyclotomic_value(vector, e):
    """The SymPy number ``sum_j vector[j] exp(2 pi i j / e)``, in its simplest exact form.

    An integer when the reduced form modulo the cyclotomic polynomial is constant; radicals
    (by exact rewriting: ``expand_complex`` then ``simplify``) for real values of small
    order and for orders 3, 4 and 6; otherwise the sum of roots of unity as it is.

    Examples
    --------
    >>> cyclotomic_value([1, 1, 1], 3), cyclotomic_value([0, 1, 0, 0, 1], 5)
    (0, -1/2 + sqrt(5)/2)
    """
    # the value lies in Q(zeta_(e/g)), g the gcd of e and the powers that occur: reduce there (cheaper, the same)
    support = [j for j, c in enumerate(vector) if c] if not hasattr(vector, "nonzero") else \
        [int(j) for j in vector.nonzero()[0]]
    if not support:
        return sympy.Integer(0)
    g = gcd(e, *support)
    sub = tuple(int(vector[j]) for j in range(0, e, g))  # the same value over powers of zeta_(e/g)
    reduced = reduce_cyclotomic(list(sub), e // g)
    if not any(reduced[1:]):
        return sympy.Integer(reduced[0])
    return _value(sub, e // g)


@lru_cache(maxsize=4096)
def _value(vector, e):
    """The SymPy form of a non-rational value (cached: a table repeats its irrational values)."""
    g = 0
    for j, c in enumerate(vector):
        if c:
            g = gcd(g, j)
    order = e // gcd(g, e) if g else 1
    value = sympy.Add(*[int(c) * sympy.exp(2 * sympy.pi * sympy.I * sympy.Rational(j, e))
                        for j, c in enumerate(vector) if c])
    is_real = all(vector[j] == vector[(-j) % e] for j in range(e))
    if order in (3, 4, 6) or (is_real and order <= 12):
        return sympy.simplify(sympy.expand_complex(value))
    return value


def reduce_cyclotomic(vector, e):
    """Coefficients of ``sum_j vector[j] x^j`` reduced modulo the e-th cyclotomic polynomial.

    Exact integer polynomial remainder (python-flint's ``fmpz_poly``; Phi_e is monic).
    """
    phi = _cyclotomic_polynomial(e)
    coefficients = (fmpz_poly([int(c) for c in vector]) % phi).coeffs()
    deg = phi.degree()
    return [int(c) for c in coefficients] + [0] * (deg - len(coefficients))


@lru_cache(maxsize=64)
def _cyclotomic_polynomial(e):
    return fmpz_poly.cyclotomic(e)
