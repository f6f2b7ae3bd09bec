"""The elements of a permutation group as rows of a small-integer array, with fast lookup: used by the
generic character tables (:mod:`~symrep.groups.dixon`) and by the class-size proofs of
:mod:`~symrep.groups.power_maps`, so that neither imports the other.

Examples
--------
>>> from sympy.combinatorics import Permutation, PermutationGroup
>>> from symrep.groups.elements import _Elements
>>> _Elements(PermutationGroup([Permutation([1, 2, 0]), Permutation([1, 0, 2])])).order
6
"""

import numpy as np

from symrep.errors import InputError

__all__ = []


#: Rows sifted at a time (the work arrays stay in the cache).
_CHUNK = 1 << 14
#: Largest number of codes of one block of levels (:meth:`_Elements._block_tables`).
_BLOCK_CODES = 1 << 16


class _Elements:
    """The elements of a permutation group as rows of a small-integer array, with fast lookup.

    The rows are enumerated from a base and strong generating set (SymPy's Schreier-Sims): every element
    is one product ``u_k ... u_1`` of transversal elements (``u_i`` in the transversal of the stabilizer of
    the first ``i - 1`` base points), built level by level as whole-array gathers, so that the element
    ``e then u_1`` (``e`` fixing the first base point) has number ``t_1 S_1 + number(e)``, ``t_1`` the
    position of ``u_1`` in its transversal and ``S_1`` the order of the stabilizer. ``index(P)`` sifts the
    permutations P through the chain, all at once: ``t_1`` is read off the image of the first base point,
    then ``u_1^-1`` is applied, and so on; several levels at a time (one table lookup for a block of levels,
    :meth:`_block_tables`), in chunks whose work arrays stay in the cache (before issue 25's A10 work, the
    whole array at once took 1.4 s for A10's 1.8 million elements, in chunks 0.1 s, by blocks 0.07 s). A
    permutation that is not an element leaves the chain early (:class:`InputError`), or, if only its base
    images are read, is taken for the element that has them (``index`` with ``exact`` compares the rows).
    """

    def __init__(self, group):
        group.schreier_sims()
        n = group.degree
        self.degree = n
        self.dtype = np.uint8 if n <= 256 else np.uint16
        base = list(group.base)
        self.base = np.array(base, dtype=np.intp)
        self._levels = []  # per level: point -> position in the transversal (-1 if not in the orbit), inverses
        rows = np.arange(n, dtype=self.dtype)[None, :]
        strides = []
        for b, transversal in zip(reversed(base), reversed(group.basic_transversals)):
            perms = [u.array_form + list(range(u.size, n)) for u in transversal.values()]
            T = np.array(perms, dtype=self.dtype)
            position = np.full(n, -1, dtype=np.intp)
            position[[p[b] for p in perms]] = np.arange(len(perms))
            inverse = np.argsort(T, axis=1).astype(self.dtype)
            strides.append(len(rows))
            self._levels.append((b, position, inverse))
            rows = T[:, rows].reshape(-1, n)  # "e then u" for every u of this level and every e so far
        self._levels.reverse()
        self._strides = np.array(strides[::-1], dtype=np.int64)
        self.array = rows
        self.order = len(rows)
        if self.order != int(group.order()):
            raise ArithmeticError("the enumeration from the stabilizer chain does not give the group")
        self._blocks = self._block_tables()

    def index(self, perms, exact=True):
        """Element numbers of the permutations (rows of images); with ``exact``, every row must be an element
        (else :class:`InputError`); without, the rows are taken to be elements and only their base images are read."""
        perms = np.asarray(perms)
        if perms.shape[-1] != self.degree:
            raise InputError(f"a permutation of {perms.shape[-1]} points is not an element of a group on {self.degree}")
        number = self.index_of_base_images(perms[..., self.base])
        if exact and not np.array_equal(self.array[number], perms.astype(self.dtype)):
            raise InputError("a permutation that is not an element of the group")
        return number

    def index_of_base_images(self, images):
        """Element numbers from the images of the base points (``images[..., i]`` the image of ``base[i]``)."""
        images = np.asarray(images)
        shape = images.shape[:-1]
        if not len(self.base):  # the trivial group: its one element has number 0
            return np.zeros(shape, dtype=np.int64)
        R = images.reshape(-1, len(self.base))
        if len(R) <= _CHUNK:
            return self._sift(R).reshape(shape)
        number = np.empty(len(R), dtype=np.int64)
        for lo in range(0, len(R), _CHUNK):  # in chunks that stay in the cache: 10x faster on A10's 1.8e6 elements
            number[lo:lo + _CHUNK] = self._sift(R[lo:lo + _CHUNK])
        return number.reshape(shape)

    def _block_tables(self):
        """The chain's levels in blocks of ``k`` (``n^k`` at most ``_BLOCK_CODES`` and the order), each with its tables.

        A block's ``k`` residual base images, read as a code ``sum_a y_a n^a``, determine its ``k`` transversal
        positions at once: ``offset[code]`` is their part of the element number (-1 for images no element has) and
        ``residual[which[code]]`` the product of their inverses, applied to the later base images in one gather.
        The tables are built by sifting every code through the block's levels (at most ``_BLOCK_CODES`` rows)."""
        n, m = self.degree, len(self.base)
        limit = min(_BLOCK_CODES, max(self.order, n))  # tables larger than the group cost more than they save
        k = 1
        while k < m and float(n) ** (k + 1) <= limit:
            k += 1
        blocks = []
        for s in range(0, m, k):
            levels = list(zip(self._levels, self._strides))[s:s + k]
            width = len(levels)
            codes = np.arange(n ** width, dtype=np.int64)
            Y = (codes[:, None] // n ** np.arange(width, dtype=np.int64)) % n  # the digits: residual images
            offset = np.zeros(len(codes), dtype=np.int64)
            valid = np.ones(len(codes), dtype=bool)
            Q = np.broadcast_to(np.arange(n, dtype=np.intp), (len(codes), n)).copy()  # the residual map so far
            for a, ((b, position, inverse), stride) in enumerate(levels):
                t = position[Y[:, a]]
                valid &= t >= 0
                t = np.where(t >= 0, t, 0)
                offset += t * stride
                Y[:, a + 1:] = inverse[t[:, None], Y[:, a + 1:]]
                Q = inverse[t[:, None], Q].astype(np.intp)
            offset[~valid] = -1
            which = np.full(len(codes), -1, dtype=np.int64)
            which[valid] = np.arange(int(valid.sum()))
            weights = n ** np.arange(width, dtype=np.int64)
            blocks.append((s, width, weights, offset, which, Q[valid].astype(self.dtype).reshape(-1)))
        return blocks

    def _sift(self, images):
        """Element numbers of the rows of base images (at most a few ten thousand rows: the work arrays are
        ``(len(base), rows)``, one contiguous row per base point), block by block (:meth:`_block_tables`)."""
        R = np.array(images.T, dtype=np.intp)
        number = np.zeros(R.shape[1], dtype=np.int64)
        m, n = len(self.base), self.degree
        for s, width, weights, offset, which, residual in self._blocks:
            code = weights @ R[s:s + width] if width > 1 else R[s]
            part = offset[code]
            if (part < 0).any():
                raise InputError("a permutation that is not an element of the group")
            number += part
            if s + width < m:
                R[s + width:] = np.take(residual, (which[code] * n)[None, :] + R[s + width:])
        return number
