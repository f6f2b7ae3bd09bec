"""Partitions, bipartitions, hook lengths and rim hooks.

A partition is a non-increasing tuple of positive integers, ``()`` for the empty one.
A bipartition of ``n`` is a pair ``(lam, mu)`` with ``|lam| + |mu| = n``.

**Order.** :func:`partitions` lists partitions of ``n`` in decreasing lexicographic
order, ``(n)`` first and ``(1, ..., 1)`` last. :func:`bipartitions` lists
``(lam, mu)`` with ``|lam|`` from ``n`` down to 0, each part in that order.

Rim hooks are added through beta-sets: a partition with ``N`` beads sits at
positions ``lam_i + N - i``; adding an ``r``-rim hook moves one bead ``r`` places up
into a free position, and the hook's leg length (height) is the number of beads
jumped over.

Examples
--------
>>> from symrep.groups.young import partitions, bipartitions, hook_degree, add_rim_hooks
>>> partitions(4)
[(4,), (3, 1), (2, 2), (2, 1, 1), (1, 1, 1, 1)]
>>> len(bipartitions(3)), bipartitions(1)
(10, [((1,), ()), ((), (1,))])
>>> hook_degree((2, 1))
2
>>> add_rim_hooks((1,), 2)
[((3,), 0), ((1, 1, 1), 1)]
"""

from functools import lru_cache
from math import factorial, prod

__all__ = [
    "partitions",
    "bipartitions",
    "hook_degree",
    "z_partition",
    "add_rim_hooks",
    "is_partition",
    "conjugate",
    "partition_text",
    "bipartition_text",
]


@lru_cache(maxsize=None)
def _partitions(n, largest):
    if n == 0:
        return ((),)
    out = []
    for first in range(min(n, largest), 0, -1):
        out.extend((first,) + rest for rest in _partitions(n - first, first))
    return tuple(out)


def partitions(n):
    """All partitions of ``n`` in decreasing lexicographic order."""
    return list(_partitions(n, n))


@lru_cache(maxsize=None)
def _bipartitions(n):
    return tuple((lam, mu) for k in range(n, -1, -1) for lam in _partitions(k, k)
                 for mu in _partitions(n - k, n - k))


def bipartitions(n):
    """All bipartitions ``(lam, mu)`` of ``n``: ``|lam|`` from ``n`` down to 0."""
    return list(_bipartitions(n))


def is_partition(value):
    """Whether ``value`` is a tuple/list of positive ints in non-increasing order."""
    return (isinstance(value, (tuple, list))
            and all(isinstance(p, int) and not isinstance(p, bool) and p > 0 for p in value)
            and all(a >= b for a, b in zip(value, value[1:])))


def conjugate(lam):
    """The conjugate (transposed) partition."""
    return tuple(sum(1 for part in lam if part > i) for i in range(lam[0])) if lam else ()


def hook_degree(lam):
    """``f^lam``, the number of standard tableaux, by the hook length formula."""
    n = sum(lam)
    conj = conjugate(lam)
    hooks = prod(lam[i] - j + conj[j] - i - 1 for i in range(len(lam)) for j in range(lam[i]))
    return factorial(n) // hooks


def z_partition(lam):
    """``z_lam = prod_i i^{m_i} m_i!``: the centraliser order of cycle type ``lam`` in S_n."""
    out = 1
    for part in set(lam):
        m = lam.count(part)
        out *= part**m * factorial(m)
    return out


@lru_cache(maxsize=None)
def add_rim_hooks(lam, r):
    """All ways to add an ``r``-rim hook to ``lam``: list of ``(new partition, height)``.

    The height is the number of rows the hook occupies minus one.
    """
    beads = len(lam) + r
    positions = [part + beads - 1 - i for i, part in enumerate(lam)] + list(range(beads - len(lam) - 1, -1, -1))
    occupied = set(positions)
    out = []
    for b in positions:
        target = b + r
        if target in occupied:
            continue
        height = sum(1 for c in positions if b < c < target)
        new = sorted([c for c in positions if c != b] + [target], reverse=True)
        parts = tuple(p for p in (c - (beads - 1 - i) for i, c in enumerate(new)) if p > 0)
        out.append((parts, height))
    out.sort(key=lambda item: item[0], reverse=True)
    return out


def partition_text(lam):
    """Compact text: ``(3, 1, 1)`` -> ``'3,1,1'``; the empty partition is ``'-'``."""
    return ",".join(map(str, lam)) if lam else "-"


def bipartition_text(bp):
    """``((2, 1), (1,))`` -> ``'[2,1|1]'``; each part as in :func:`partition_text`."""
    return f"[{partition_text(bp[0])}|{partition_text(bp[1])}]"
