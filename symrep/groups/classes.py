"""The conjugacy classes and class matrices of an enumerated permutation group (for :mod:`~symrep.groups.dixon`).

The group is a :class:`~symrep.groups.elements._Elements` (every element a row of images, numbered by its
place in the stabilizer chain). Conjugation by a generator ``h`` is computed once for every element, in
chunks that stay in the cache: ``pi_h[x]`` is the number of ``h^-1 x h``. The classes are then the orbits
of these maps, grown breadth first by gathers on integer arrays (no more sifting), each from the smallest
element number not yet in a class; the class matrices' rows are one pass over the smaller of two classes.

Examples
--------
>>> import numpy as np
>>> from sympy.combinatorics.named_groups import SymmetricGroup
>>> from symrep.groups.elements import _Elements
>>> G = _Elements(SymmetricGroup(4))
>>> gens = [np.array(g.array_form, dtype=np.intp) for g in SymmetricGroup(4).generators]
>>> starts, sizes, class_of = conjugacy_classes(G, gens)
>>> sizes
[1, 3, 6, 8, 6]
"""

from math import lcm

import numpy as np

from symrep.errors import LimitError

__all__ = ["conjugacy_classes", "conjugation_maps", "permutation_order", "power_classes", "ClassMatrices",
           "class_coefficients", "MAX_GENERIC_CLASSES", "COMPILED_ORDER"]

#: Largest number of conjugacy classes (the split works on r x r class matrices mod p).
MAX_GENERIC_CLASSES = 512
#: From this order on, the classes and the class-matrix rows are computed by the compiled loops of
#: :mod:`symrep.groups.class_kernel` (numba). They save about 0.15 s a table at A10 (1.8e6 elements), but the
#: first of them in a process pays about 0.55 s once (importing numba, loading the machine code), so smaller
#: groups (M22, 443520 elements: 0.13 s a table in numpy) keep the numpy path and never import numba.
COMPILED_ORDER = 1_000_000
#: Elements handled at a time by the whole-group passes (their work arrays stay in the cache).
_CHUNK = 1 << 14


def conjugation_maps(G, gens):
    """``[pi_h for h in gens]``: ``pi_h[x]`` is the element number of ``h^-1 x h`` (one sift per element and
    generator, in chunks of :data:`_CHUNK` elements; only the base images of the conjugates are formed)."""
    maps = []
    for h in gens:
        columns = np.argsort(h)[G.base]  # (h^-1 x h)(b) = h[x[h^-1(b)]]
        images = np.asarray(h, dtype=G.dtype)
        pi = np.empty(G.order, dtype=np.int32 if G.order < 2**31 else np.int64)
        for lo in range(0, G.order, _CHUNK):
            block = G.array[lo:lo + _CHUNK]
            pi[lo:lo + _CHUNK] = G.index_of_base_images(images[np.take(block, columns, axis=1)])
        maps.append(pi)
    return maps


def conjugacy_classes(G, gens):
    """The classes of the enumerated group ``G``: their smallest element numbers, their sizes, each element's class.

    Parameters
    ----------
    G : symrep.groups.elements._Elements
        The enumerated group.
    gens : list of numpy.ndarray
        Its generators, as arrays of images on all ``G.degree`` points.

    Returns
    -------
    starts : list of int
        Each class's smallest element number (its representative); the classes are ordered by (the identity
        first, element order, size, smallest element number).
    sizes : list of int
        The class sizes.
    class_of : numpy.ndarray
        ``class_of[x]``, the position of element ``x``'s class.

    Notes
    -----
    Each class is the orbit of its smallest element number under conjugation by the generators: grown
    breadth first on the maps of :func:`conjugation_maps` (numpy), or, from :data:`COMPILED_ORDER` elements
    on, by the compiled loop of :func:`symrep.groups.class_kernel.conjugation_orbits` (the same orbits, the
    same numbering). The total work is ``|G|`` sifts per generator.

    Raises
    ------
    LimitError
        As soon as there are more than :data:`MAX_GENERIC_CLASSES` classes.
    """
    refused = LimitError(f"the generic character table of a group with more than {MAX_GENERIC_CLASSES} "
                         f"conjugacy classes is refused (the limit is {MAX_GENERIC_CLASSES})")
    if G.order >= COMPILED_ORDER:
        from symrep.groups.class_kernel import conjugation_orbits

        found = conjugation_orbits(G, gens, MAX_GENERIC_CLASSES)
        if found is None:
            raise refused
        class_of, starts = found
        starts = [int(x) for x in starts]
    else:
        class_of, starts = _orbits(G, conjugation_maps(G, gens), refused)
    sizes = np.bincount(class_of, minlength=len(starts)).tolist()
    identity = int(G.index([np.arange(G.degree)])[0])
    orders = [permutation_order(G.array[x]) for x in starts]
    ranking = sorted(range(len(starts)), key=lambda k: (starts[k] != identity, orders[k], sizes[k]))
    renumber = np.empty(len(starts), dtype=np.int32)
    renumber[ranking] = np.arange(len(starts))
    return [starts[k] for k in ranking], [sizes[k] for k in ranking], renumber[class_of]


def _orbits(G, maps, refused):
    """``(class_of, starts)``: the orbits under the conjugation maps, grown breadth first, numbered in the order of
    their smallest element number ``starts[c]``."""
    class_of = np.full(G.order, -1, dtype=np.int32)
    stamp = np.zeros(G.order, dtype=np.int32)
    starts = []
    start = _next_free(class_of, 0)
    while start is not None:
        c = len(starts)
        if c >= MAX_GENERIC_CLASSES:
            raise refused
        starts.append(start)
        class_of[start] = c
        frontier = np.array([start], dtype=maps[0].dtype)
        while len(frontier):
            found = np.concatenate([pi[frontier] for pi in maps])
            fresh = found[class_of[found] < 0]
            count = np.arange(len(fresh), dtype=np.int32)
            stamp[fresh] = count  # keep the last copy of each (no sort)
            fresh = fresh[stamp[fresh] == count]
            class_of[fresh] = c
            frontier = fresh
        start = _next_free(class_of, start)
    return class_of, starts


def _next_free(class_of, start, step=1 << 16):
    """The smallest element number at or after ``start`` in no class yet (``None`` if there is none)."""
    while start < len(class_of):
        free = np.flatnonzero(class_of[start:start + step] < 0)
        if len(free):
            return start + int(free[0])
        start += step
    return None


def permutation_order(g):
    """The lcm of the cycle lengths of the permutation ``g`` (an array of images)."""
    seen, lengths = set(), []
    for start in range(len(g)):
        if start not in seen:
            length, j = 0, start
            while j not in seen:
                seen.add(j)
                j = int(g[j])
                length += 1
            lengths.append(length)
    return lcm(*lengths)


def power_classes(g, G, class_of):
    """The classes of ``g^0, g^1, ..., g^(o-1)``."""
    o = permutation_order(g)
    rows = [np.arange(G.degree)]
    for _ in range(o - 1):
        rows.append(g[rows[-1]])
    return [int(c) for c in class_of[G.index(np.array(rows), exact=False)]]


def class_coefficients(G, reps, class_of, r):
    """``a[i][j][k]`` for all i (the whole r x r x r array)."""
    M = ClassMatrices(G, np.bincount(class_of, minlength=r).tolist(), reps, class_of, r)
    return np.array([M[i] for i in range(r)])


class ClassMatrices:
    """``M[i][j, k] = a_ijk``: the number of x in C_i with x^-1 z_k in C_j, for the representative z_k.

    The split needs only the rows of ``M_i`` at pivot columns of the subspaces still to be split
    (:func:`~symrep.groups.dixon._split_adaptively`), so rows are computed when first asked for: counting the
    pairs ``(x, y)`` in ``C_i x C_j`` with ``xy`` in ``C_k`` two ways gives
    ``|C_k| a_ijk = |C_j| #{x in C_i : x z_j in C_k}``, so row ``j`` is one pass over ``C_i`` (one product and one
    lookup per element); as ``K_i K_j = K_j K_i``, ``a_ijk = a_jik``, so the pass is made over the smaller of
    ``C_i`` and ``C_j``. A class's elements are listed when first needed. ``M[i]`` is the whole matrix.
    """

    def __init__(self, G, sizes, reps, class_of, r):
        self.G, self.class_of, self.r = G, class_of, r
        self.reps = [np.asarray(z, dtype=np.intp) for z in reps]
        self.sizes = np.array(sizes, dtype=np.int64)
        self._rows, self._members = {}, {}
        self._tables = None
        if G.order >= COMPILED_ORDER:
            from symrep.groups.class_kernel import chain_tables

            self._tables = chain_tables(G)

    def members(self, i):
        """The element numbers of class ``i``."""
        if i not in self._members:
            self._members[i] = np.flatnonzero(self.class_of == i)
        return self._members[i]

    def row(self, i, j):
        """Row ``j`` of ``M_i``: ``(a_ij1, ..., a_ijr)``."""
        key = (i, j)
        if key not in self._rows:
            if self.sizes[j] < self.sizes[i]:
                i, j = j, i
            G, r = self.G, self.r
            members = self.members(i)
            if self._tables is not None:
                from symrep.groups.class_kernel import class_counts

                counts = class_counts(G, self._tables, members, self.reps[j], self.class_of, r)
            else:
                counts = np.zeros(r, dtype=np.int64)
                z = self.reps[j].astype(G.dtype)
                for lo in range(0, len(members), _CHUNK):
                    X = G.array[members[lo:lo + _CHUNK, None], G.base[None, :]]  # the base images of x
                    counts += np.bincount(self.class_of[G.index_of_base_images(z[X])], minlength=r)  # x then z_j
            numerator = counts * self.sizes[j]
            if (numerator % self.sizes).any():
                raise ArithmeticError("class multiplication coefficients are not integers")
            self._rows[key] = self._rows[(i, j)] = numerator // self.sizes
        return self._rows[key]

    def rows(self, i, js):
        """The rows ``js`` of ``M_i`` as an array."""
        return np.array([self.row(i, j) for j in js], dtype=np.int64).reshape(len(js), self.r)

    def __getitem__(self, i):
        return self.rows(i, range(self.r))
