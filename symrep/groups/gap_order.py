"""GAP's orders of partitions and partition tuples, so that exported tables list classes and
characters exactly as ``CharacterTable("Symmetric", n)`` and ``CharacterTable("WeylB", n)`` do.

GAP labels both by ``Partitions(n)`` and ``PartitionTuples(n, 2)`` in the order its library
functions generate them (``lib/combinat.gi``); :func:`partition_tuples` follows the same
construction (the m-cycles added in increasing m, each to every tuple known so far from the position
of the last m on), and the tests compare with GAP itself.

Examples
--------
>>> from symrep.groups.gap_order import partition_tuples, partitions
>>> partition_tuples(2, 2)
[[[1, 1], []], [[1], [1]], [[], [1, 1]], [[2], []], [[], [2]]]
>>> partitions(4)
[[1, 1, 1, 1], [2, 1, 1], [2, 2], [3, 1], [4]]
"""

__all__ = ["partition_tuples", "partitions"]


def partitions(n):
    """All partitions of ``n`` (parts in decreasing order), in GAP's order: increasing lexicographically."""
    out = []

    def grow(left, largest, prefix):
        if left == 0:
            out.append(prefix)
            return
        for part in range(min(left, largest), 0, -1):
            grow(left - part, part, prefix + [part])

    grow(n, n, [])
    return sorted(out)


def partition_tuples(n, r):
    """All ``r``-tuples of partitions of total size ``n``, in the order of GAP's ``PartitionTuples(n, r)``."""
    empty_tuple, empty_pos = [[] for _ in range(r)], [0] * max(n - 1, 0)
    if n == 0:
        return [empty_tuple]
    pm = [[] for _ in range(n - 1)]  # pm[k - 1]: tuples of size k built so far, with where each m went
    for m in range(1, n // 2 + 1):
        for i in range(r):  # the m-cycle in every place
            tup, pos = [list(p) for p in empty_tuple], list(empty_pos)
            tup[i], pos[m - 1] = [m], i
            pm[m - 1].append((tup, pos))
        for k in range(m + 1, n - m + 1):  # add the m-cycle to everything known
            for tup, pos in list(pm[k - m - 1]):
                for i in range(pos[m - 1], r):
                    new_tup, new_pos = [list(p) for p in tup], list(pos)
                    new_tup[i] = [m] + tup[i]
                    new_pos[m - 1] = i
                    pm[k - 1].append((new_tup, new_pos))
    out = []
    for k in range(1, n):
        for tup, pos in pm[n - k - 1]:
            for i in range(pos[k - 1], r):
                new_tup = [list(p) for p in tup]
                new_tup[i] = [k] + tup[i]
                out.append(new_tup)
    for i in range(r):
        tup = [list(p) for p in empty_tuple]
        tup[i] = [n]
        out.append(tup)
    return out
