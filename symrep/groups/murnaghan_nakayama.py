"""Whole character tables of S_n and B_n by the Murnaghan-Nakayama rule, column by column.

Evaluating ``chi(pi)`` peels the cycles of ``pi`` off one at a time (docs/theory.md section 3).
Read backwards, a column of the table is obtained by starting from the vector
``e_(empty)`` and applying, for each cycle of length ``r`` and sign ``eps``, the
operator "add an ``r``-rim hook": a state ``(lam, mu)`` of size ``m - r`` sends
``(-1)^ht`` to ``(lam + hook, mu)`` and ``eps * (-1)^ht`` to ``(lam, mu + hook)``.
After all cycles the vector, indexed by the bipartitions of ``n``, is the column.

Classes are visited depth-first in the trie of their cycle lists sorted in decreasing
order, so two classes with a common prefix of cycles share the vectors for that prefix.
The trie has one node per class of ``B_m``, ``m <= n``; each node costs one sparse
operator application (``numpy.bincount``), with exact integers in float64 because every
intermediate value is a character value of some ``B_m``, bounded by ``sqrt(|B_m|)``.

The same code with a single component and positive cycles only gives ``S_n``.

**Convention (as GAP's ``CharacterTable("WeylB", n)``).** ``chi^((n), ())`` is trivial,
``chi^((1^n), ())`` is the sign of the underlying permutation, and in ``B_1``
``chi^((), (1))`` is ``-1`` on the sign change.

Examples
--------
>>> from symrep.groups.murnaghan_nakayama import hyperoctahedral_character_values
>>> irr, classes, values = hyperoctahedral_character_values(1)
>>> irr, classes, values.tolist()
([((1,), ()), ((), (1,))], [((1,), ()), ((), (1,))], [[1, 1], [1, -1]])
"""

from math import gcd

import numpy as np

from symrep.errors import LimitError
from symrep.groups.young import add_rim_hooks, bipartitions, partitions

__all__ = [
    "hyperoctahedral_character_values",
    "symmetric_character_values",
    "hyperoctahedral_classes",
    "symmetric_classes",
    "signed_cycles_of",
    "class_of_signed_cycles",
    "power_of_class",
    "MAX_HYPEROCTAHEDRAL_N",
    "MAX_SYMMETRIC_N",
]

#: Largest n for a full B_n table (3956 x 3956 at n = 15; 17 would need about 1.4 GB).
MAX_HYPEROCTAHEDRAL_N = 16
#: Largest n for a full S_n table.
MAX_SYMMETRIC_N = 30


def hyperoctahedral_classes(n):
    """Class labels of B_n, ``(alpha, beta)`` = (positive, negative cycle lengths).

    Order: ``|alpha|`` from ``n`` down to 0, each part in increasing lexicographic order,
    so the identity ``((1,)*n, ())`` comes first.
    """
    return [(a, b) for k in range(n, -1, -1) for a in reversed(partitions(k)) for b in reversed(partitions(n - k))]


def symmetric_classes(n):
    """Class labels (cycle types) of S_n, the identity ``(1,)*n`` first."""
    return list(reversed(partitions(n)))


def class_of_signed_cycles(cycles):
    """The label ``(alpha, beta)`` of a list of signed cycles ``(length, +1 or -1)``."""
    alpha = tuple(sorted((r for r, s in cycles if s > 0), reverse=True))
    beta = tuple(sorted((r for r, s in cycles if s < 0), reverse=True))
    return alpha, beta


def signed_cycles_of(label):
    """Inverse of :func:`class_of_signed_cycles`, cycles in decreasing order ``(r, s)``."""
    alpha, beta = label
    return sorted([(r, 1) for r in alpha] + [(r, -1) for r in beta], reverse=True)


def power_of_class(label, k):
    """The class of ``g**k`` for ``g`` in the B_n class ``label``.

    A signed ``r``-cycle with sign ``s`` splits into ``gcd(r, k)`` cycles of length
    ``r / gcd(r, k)``, each with sign ``s**(k / gcd(r, k))``.
    """
    cycles = []
    for r, s in signed_cycles_of(label):
        g = gcd(r, k)
        cycles.extend([(r // g, s ** (k // g))] * g)
    return class_of_signed_cycles(cycles)


def hyperoctahedral_character_values(n, progress=None):
    """Irreducible labels, class labels and the integer table of B_n.

    Returns
    -------
    irreducibles : list of bipartitions, in :func:`symrep.groups.young.bipartitions` order
    classes : list of class labels, in :func:`hyperoctahedral_classes` order
    values : numpy.ndarray of int64, ``values[i, j] = chi_i(class_j)``
    """
    if n > MAX_HYPEROCTAHEDRAL_N:
        raise LimitError(f"the character table of B_{n} is refused: the limit is n <= {MAX_HYPEROCTAHEDRAL_N}")
    engine = _Engine(n, components=2, progress=progress)
    classes = hyperoctahedral_classes(n)
    return engine.states[n], classes, engine.table(classes, class_of_signed_cycles, signed_cycles_of)


def symmetric_character_values(n, progress=None):
    """Irreducible labels (partitions), class labels (cycle types) and the table of S_n."""
    if n > MAX_SYMMETRIC_N:
        raise LimitError(f"the character table of S_{n} is refused: the limit is n <= {MAX_SYMMETRIC_N}")
    engine = _Engine(n, components=1, progress=progress)
    classes = symmetric_classes(n)
    values = engine.table(classes, lambda cycles: tuple(sorted((r for r, _ in cycles), reverse=True)),
                          lambda lam: [(r, 1) for r in lam])
    return [state[0] for state in engine.states[n]], classes, values


class _Engine:
    """Rim-hook operators between multipartitions of consecutive sizes, and the trie walk."""

    def __init__(self, n, components, progress=None):
        self.n = n
        self.components = components
        if components == 2:
            self.states = [bipartitions(m) for m in range(n + 1)]
            self.cycle_kinds = [(r, s) for r in range(n, 0, -1) for s in (1, -1)]
        else:
            self.states = [[(lam,) for lam in partitions(m)] for m in range(n + 1)]
            self.cycle_kinds = [(r, 1) for r in range(n, 0, -1)]
        self.index = [{state: i for i, state in enumerate(states)} for states in self.states]
        self.operators = {}
        self.progress = progress

    def operator(self, m, r, s):
        """(source, target, weight) arrays adding a signed r-cycle to states of size m - r."""
        key = (m, r, s)
        if key not in self.operators:
            src, dst, weight = [], [], []
            target_index = self.index[m]
            for i, state in enumerate(self.states[m - r]):
                for c, part in enumerate(state):
                    for new, height in add_rim_hooks(part, r):
                        new_state = state[:c] + (new,) + state[c + 1:]
                        src.append(i)
                        dst.append(target_index[new_state])
                        weight.append((-1) ** height * (s if c == 1 else 1))
            self.operators[key] = (np.array(src, dtype=np.intp), np.array(dst, dtype=np.intp),
                                   np.array(weight, dtype=float))
        return self.operators[key]

    def table(self, classes, label_of, cycles_of):
        n = self.n
        position = {label: j for j, label in enumerate(classes)}
        out = np.zeros((len(self.states[n]), len(classes)), dtype=np.int64)
        done = [0]

        def walk(m, vector, prefix, max_kind):
            if m == n:
                out[:, position[label_of(prefix)]] = np.rint(vector).astype(np.int64)
                done[0] += 1
                if self.progress is not None:
                    self.progress(done[0], len(classes))
                return
            for kind in self.cycle_kinds[max_kind:]:
                r, s = kind
                if m + r > n:
                    continue
                src, dst, weight = self.operator(m + r, r, s)
                child = np.bincount(dst, weights=weight * vector[src], minlength=len(self.states[m + r]))
                walk(m + r, child, prefix + [kind], self.cycle_kinds.index(kind))

        walk(0, np.ones(1), [], 0)
        return out
