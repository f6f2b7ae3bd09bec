"""The values of a cyclotomic character table in the embeddings of ``Q(zeta_e)`` into ``F_q``, and exact
matrix products modulo ``q`` in float64: shared by the orthogonality proof
(:mod:`~symrep.groups.orthogonality`) and the power-map proofs (:mod:`~symrep.groups.power_maps`), so that
neither imports the other.

Examples
--------
>>> import numpy as np
>>> from symrep.groups.embeddings import _matmul_mod, _prime_1_mod
>>> q = _prime_1_mod(4, 2**20)
>>> q % 4, int(_matmul_mod(np.array([[q - 1]]), np.array([[q - 1]]), q)[0, 0])
(1, 1)
"""

from math import gcd

import numpy as np

__all__ = ["embedded_values"]


def _primes_of(n):
    out, d = [], 2
    while d * d <= n:
        if n % d == 0:
            out.append(d)
            while n % d == 0:
                n //= d
        d += 1
    if n > 1:
        out.append(n)
    return out


def _prime_1_mod(e, lower):
    from flint import fmpz

    q = (lower // e + 1) * e + 1
    while not fmpz(q).is_prime():
        q += e
    return q


def _primitive_root_of_unity(e, q):
    for g in range(2, q):
        z = pow(g, (q - 1) // e, q)
        if all(pow(z, e // f, q) != 1 for f in _primes_of(e)):
            return z
    raise ArithmeticError(f"no primitive {e}-th root of unity mod {q}")


#: Largest exponent e for the embeddings (float64 exactness: 2^13 e q < 2^53 with q < 2^25).
_MAX_EMBEDDED_EXPONENT = 2**15
#: Primes for the embeddings of Q(zeta_e) stay below 2^25, so that float64 products are exact (see _embeddings).
_EMBEDDING_PRIME_BITS = 25


def _embeddings(vec, e, q):
    """``E[m, i, c]``: the value ``chi_i(g_c)`` (coefficient vector ``vec[i, c]`` over powers of ``zeta_e``) under the
    embedding ``zeta -> z^k_m`` into ``F_q``, for the ``k_m`` prime to ``e``, with ``z`` of order ``e``. Only the
    powers of ``zeta`` that occur enter; float64 BLAS products on 13-bit limbs of the vectors: every partial sum
    stays below ``2^13 e q < 2^53``."""
    ks = [k for k in range(e) if gcd(k, e) == 1]
    z = _primitive_root_of_unity(e, q)
    r1, r2, _ = vec.shape
    flat = vec.reshape(r1 * r2, e)
    support = np.flatnonzero(flat.any(axis=0))
    zl = np.array([pow(z, int(l), q) for l in range(e)], dtype=np.int64)
    Z = zl[np.outer(support, ks) % e].astype(np.float64)  # |support| x phi(e)
    V = flat[:, support] % q  # residues
    assert (1 << 13) * e * q < 2**53, "float64 products would not be exact"
    high = ((V >> 13).astype(np.float64) @ Z).astype(np.int64) % q
    low = ((V & 0x1FFF).astype(np.float64) @ Z).astype(np.int64) % q
    E = (high * 8192 + low) % q
    return ks, np.ascontiguousarray(E.T.reshape(len(ks), r1, r2))


def embedded_values(table, bound):
    """``[(q, ks, E), ...]``: the table's values in every embedding of ``Q(zeta_e)`` into ``F_q`` (see
    :func:`_embeddings`) for primes ``q = 1 mod e`` below 2^25 whose product exceeds ``bound``; None if there are
    not enough such primes. Cached on the table for the same ``table.cyclotomic``."""
    e, vec = table.cyclotomic
    if e >= _MAX_EMBEDDED_EXPONENT:
        return None
    cache = table.__dict__.get("_embedded")
    if cache is not None and cache[0] is table.cyclotomic and cache[1] >= bound:
        return cache[2]
    found, Q, q = [], 1, 2**20
    while Q <= bound:
        q = _prime_1_mod(e, q)
        if q >= 2**_EMBEDDING_PRIME_BITS:
            return None
        found.append((q, *_embeddings(vec, e, q)))
        Q *= q
    table.__dict__["_embedded"] = (table.cyclotomic, bound, found)
    return found


def _matmul_mod(A, B, q):
    """Batched ``A @ B mod q`` for residues below ``q < 2^25`` and at most 2^15 inner terms (13-bit limbs of A:
    partial sums below 2^13 q 2^15 < 2^53, exact in float64)."""
    assert A.shape[-1] <= 2**15 and q < 2**25
    Bf = np.ascontiguousarray(B, dtype=np.float64)  # contiguous: numpy's batched matmul then calls BLAS
    high = np.matmul(np.ascontiguousarray(A >> 13, dtype=np.float64), Bf).astype(np.int64) % q
    low = np.matmul(np.ascontiguousarray(A & 0x1FFF, dtype=np.float64), Bf).astype(np.int64) % q
    return (high * 8192 + low) % q
