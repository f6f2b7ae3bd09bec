"""Proofs about a character table beyond orthogonality: power maps, Galois action, class sizes.

Why this module is long: each proof comes in an integer and a cyclotomic form (exact products modulo
primes, embeddings of Q(zeta_e) into F_q) with its bound argument next to the code that relies on it.

Orthogonality does not see a column that carries the values of another class: the Galois
conjugate of a column is again a column of the table (that of ``g^k``), with the same class size,
so a table whose columns are twisted by Galois automorphisms (issue 25: PGL(2, 9), where the
values of a class of order 10 belonged to its Galois conjugate) passes both relations. What
catches it is the *power map* ``g -> g^p`` read against the values:

* the **Adams image** ``psi(g) = chi(g^p)`` of every irreducible ``chi`` is a virtual character
  (it is ``Sym^p - Alt``-like: an integer combination of characters), so its inner products with all
  irreducibles are integers;
* **element orders**: ``o(g^p) = o(g) / gcd(o(g), p)``; **centralizers**: ``C(g)`` lies in ``C(g^p)``,
  so ``|C(g)|`` divides ``|C(g^p)|``;
* **Galois action**: for ``p`` not dividing ``o(g)``, the column of ``g^p`` is the image of the column
  of ``g`` under ``zeta_o -> zeta_o^p``.

For a table built from a permutation group (it keeps ``representatives`` and ``generators``), the
classes themselves are checked against the group: the conjugation orbit of every representative is
enumerated from the generators (orbit counting), its length must be the class size, the orbits must
be disjoint and fill the group, and ``rep^p`` must lie in the orbit of the representative that the
``p``-power map names. The Frobenius-Schur indicators ``(1/|G|) sum_g chi(g^2)`` are reported (and must
be 1, 0 or -1).

Examples
--------
>>> from symrep.groups.tables import symmetric_table
>>> from symrep.groups.power_maps import check_power_maps
>>> failures, checked, indicators = check_power_maps(symmetric_table(4))
>>> failures, indicators
([], [1, 1, 1, 1, 1])
"""

from math import gcd

import numpy as np

from symrep.groups.embeddings import (_MAX_EMBEDDED_EXPONENT, _embeddings, _matmul_mod, _prime_1_mod, _primes_of,  # noqa: F401
                                       embedded_values)
from symrep.reports import CheckReport

__all__ = ["verify_all", "check_power_maps", "check_classes", "TableReport", "MAX_ADAMS_CLASSES"]

#: Largest number of classes for which the Adams images are checked (an r x r x r exact product per prime).
MAX_ADAMS_CLASSES = 1500


class TableReport(CheckReport):
    """A :class:`~symrep.reports.CheckReport` of a character table, with its Frobenius-Schur indicators and notes
    on checks not made."""

    def __init__(self, kind, passed, checked, failures, *, indicators=None, notes=()):
        super().__init__(kind, passed, checked, failures)
        self.indicators = indicators
        self.notes = list(notes)

    def indicator_text(self):
        """One line: ``Frobenius-Schur indicators: + + o - ...`` (``+`` real, ``o`` not real, ``-`` quaternionic),
        or "" when unknown."""
        if not self.indicators:
            return ""
        sign = {1: "+", 0: "o", -1: "-", None: "?"}
        return "Frobenius-Schur indicators (+ real, o not real, - quaternionic): " + " ".join(
            sign[v] for v in self.indicators)

    def __str__(self):
        lines = [super().__str__(), self.indicator_text()] + [f"  ({note})" for note in self.notes]
        return "\n".join(line for line in lines if line)


def verify_all(table):
    """:meth:`CharacterTable.verify`: orthogonality and the basic counts
    (:func:`~symrep.groups.orthogonality.verify_table`), then (if they pass) the power maps against the values
    (:func:`check_power_maps`), and the classes against the group (:func:`check_classes`), in one
    :class:`TableReport` with the Frobenius-Schur indicators."""
    from symrep.groups.orthogonality import verify_table

    report = verify_table(table)
    failures, checked = list(report.failures), report.checked
    indicators, notes = None, []
    if report.passed:
        more, count, indicators = check_power_maps(table, notes)
        failures += more
        checked += count
    more, count = check_classes(table)
    return TableReport(report.kind, not failures and not more, checked + count, failures + more,
                       indicators=indicators, notes=notes)


def check_power_maps(table, notes=None):
    """``(failures, items checked, Frobenius-Schur indicators or None)`` for the table's power maps.

    ``notes`` (a list), when given, receives a line for each check that was not made.

    Every prime dividing ``|G|`` needs a power map; then orders, centralizers, the Galois action on
    columns and (up to :data:`MAX_ADAMS_CLASSES` classes) the Adams images, exactly.
    """
    failures, checked = [], 0
    r = len(table)
    maps = table.power_maps or {}
    if not maps:
        return failures, 0, None
    text = lambda c: table.class_text(table.classes[c])
    orders = table.element_orders
    cent = table.centralizer_orders
    for p in _primes_of(table.order):
        if p not in maps:
            failures.append(f"no {p}-power map, though {p} divides |G| = {table.order}")
    for p, pm in sorted(maps.items()):
        if len(pm) != r or not all(0 <= int(c) < r for c in pm):
            failures.append(f"the {p}-power map does not name a class for every class")
            continue
        for c in range(r):
            checked += 1
            if orders:
                expected = orders[c] // gcd(orders[c], p)
                if orders[pm[c]] != expected:
                    failures.append(f"{p}-power map: the {p}th power of {text(c)} (order {orders[c]}) is put in "
                                    f"{text(pm[c])} of order {orders[pm[c]]}, not {expected}")
            if cent[pm[c]] % cent[c]:
                failures.append(f"{p}-power map: |C({text(c)})| = {cent[c]} does not divide |C({text(pm[c])})| = "
                                f"{cent[pm[c]]}, the centralizer of its {p}th power")
    if failures:
        return failures, checked, None
    cyclotomic = getattr(table, "cyclotomic", None)
    if notes is not None and r > MAX_ADAMS_CLASSES:
        notes.append(f"Adams images not checked: {r} classes, the limit is {MAX_ADAMS_CLASSES}")
    if table.is_integral:
        X = np.asarray(table.values, dtype=np.int64)
        for p, pm in sorted(maps.items()):
            if not orders:
                break
            prime_to_p = np.array([o % p != 0 for o in orders])
            checked += int(prime_to_p.sum())
            same = (X[:, pm] == X).all(axis=0)
            for c in np.nonzero(prime_to_p & ~same)[0][:10]:
                failures.append(f"Galois action: {text(c)} has order prime to {p}, so its {p}th power "
                                f"{text(pm[c])} must have the same (rational) values, and has not")
        adams, more, indicators = _adams_integral(table, X)
    elif cyclotomic is not None:
        adams, more, indicators, embedded = _adams_cyclotomic(table, cyclotomic)
        if embedded is None:  # Q(zeta_e) too large for the embeddings (e >= 2^15): not proved, and said so
            if notes is not None:
                notes.append(f"Adams images and Galois action not checked: the exponent {cyclotomic[0]} is beyond "
                             f"the embeddings' limit of {_MAX_EMBEDDED_EXPONENT}")
        else:
            failures += _galois_cyclotomic(table, cyclotomic, embedded)
        checked += r * len(maps)
    else:
        return failures, checked, None
    return failures + adams, checked + more, indicators


def _adams_integral(table, X):
    """Adams images of an integer table: ``sum_c |C| chi_i(g_c^p) chi_j(g_c)`` divisible by ``|G|``.

    Checked modulo moduli ``m < 2^26`` whose product is ``|G|`` (prime powers grouped), each product by
    float64 BLAS on 13-bit limbs (:func:`_product_mod`), so every float64 product is an exact integer.
    """
    r = len(table)
    failures, checked = [], 0
    sizes = np.array(table.class_sizes, dtype=object)
    indicators = None
    if 2 in table.power_maps:
        nu = (X[:, table.power_maps[2]].astype(object) * sizes).sum(axis=1)
        indicators = _indicators(table, [int(v) for v in nu], failures)
    if r > MAX_ADAMS_CLASSES:
        return failures, checked, indicators
    moduli = _moduli(table.order)
    if moduli is None:  # a prime power of |G| at or above 2^26: exact integers (slow, but such groups are rare)
        from flint import fmpz_mat

        B = fmpz_mat([[int(x) for x in row] for row in X.T.tolist()])
        for p, pm in sorted(table.power_maps.items()):
            A = fmpz_mat([[int(x) * int(s) for x, s in zip(row, table.class_sizes)] for row in X[:, pm].tolist()])
            N = (A * B).tolist()
            bad = [(i, j) for i in range(r) for j in range(r) if int(N[i][j]) % table.order]
            checked += r * r
            failures += [_adams_failure(table, p, i, j) for i, j in bad[:5]]
        return failures, checked, indicators
    primes = sorted(table.power_maps)
    for m in moduli:
        residues = X % m
        s = np.array([int(c) % m for c in table.class_sizes], dtype=np.int64)
        # A rows: for each p, chi_i(g_c^p) |C_c| mod m (products below 2^52)
        A = np.concatenate([residues[:, table.power_maps[p]] * s % m for p in primes])
        ok = _product_mod(A, residues.T, m) == 0
        for k, p in enumerate(primes):
            block = ok[k * r:(k + 1) * r]
            checked += r * r
            for i, j in zip(*np.nonzero(~block)):
                failures.append(_adams_failure(table, p, i, j))
                if len(failures) > 10:
                    return failures, checked, indicators
    return failures, checked, indicators


def _moduli(order):
    """Pairwise coprime moduli below 2^26 (products of the prime powers of ``order``) whose product is
    ``order``; None if a prime power is too large."""
    powers = []
    n = order
    for q in _primes_of(order):
        m = 1
        while n % q == 0:
            n //= q
            m *= q
        if m >= 2**26:
            return None
        powers.append(m)
    moduli = []
    for m in sorted(powers, reverse=True):
        for k, x in enumerate(moduli):
            if x * m < 2**26:
                moduli[k] = x * m
                break
        else:
            moduli.append(m)
    return moduli


def _product_mod(A, B, m):
    """``A @ B mod m`` for residues ``0 <= A, B < m < 2^26`` and at most 2^13 inner terms, exactly: A is split
    into two 13-bit limbs; each limb product is a float64 BLAS product of integers whose partial sums stay
    below 2^13 * 2^13 * 2^26 = 2^52 (exact); the limbs are recombined modulo m in int64."""
    assert A.shape[1] <= 2**13 and m < 2**26
    Bf = B.astype(np.float64)
    mm = np.int64(m)
    high = ((A >> 13).astype(np.float64) @ Bf).astype(np.int64) % mm
    low = ((A & 0x1FFF).astype(np.float64) @ Bf).astype(np.int64) % mm
    return (high * 8192 + low) % mm


def _adams_failure(table, p, i, j):
    name = table.irreducible_text
    return (f"{p}-power map: the Adams image g -> chi(g^{p}) of {name(table.irreducibles[i])} is not a virtual "
            f"character (its inner product with {name(table.irreducibles[j])} is not an integer)")


def _indicators(table, sums, failures):
    out = []
    for i, s in enumerate(sums):
        if s % table.order or s // table.order not in (-1, 0, 1):
            failures.append(f"the Frobenius-Schur indicator of {table.irreducible_text(table.irreducibles[i])} "
                            f"is {s}/{table.order}, not 1, 0 or -1")
            out.append(None)
        else:
            out.append(s // table.order)
    return out


def _galois_cyclotomic(table, cyclotomic, embedded=None):
    """For ``p`` prime to ``o(g)``: column of ``g^p`` = column of ``g`` under ``sigma_k: zeta -> zeta^k``, with ``k``
    prime to ``e`` and ``k = p mod o(g)`` (so that ``g^k = g^p``).

    Compared in every embedding ``zeta -> z^j`` into ``F_q`` (``q = 1 mod e``): the image of ``sigma_k(x)`` under
    embedding ``j`` is the image of ``x`` under ``jk``. If all agree, the difference ``d`` of the two values lies
    in ``q Z[zeta_e]``; every conjugate of ``d`` is at most ``2L`` (``L`` the largest sum of absolute coefficients)
    in absolute value, so ``|Norm(d)| < q^phi(e)`` when ``q > 2L``, and ``d = 0``."""
    e, vec = cyclotomic
    failures = []
    orders = table.element_orders
    L = int(np.abs(vec).sum(axis=-1).max())
    if embedded is None:
        q = _prime_1_mod(e, max(2 * L + 1, 2**20))
        embedded = (q, *_embeddings(vec, e, q))
    q, ks, E = embedded
    if q <= 2 * L:
        return [f"the Galois check needs a prime above {2 * L}; not attempted"]
    slot = {k: m for m, k in enumerate(ks)}
    for p, pm in sorted(table.power_maps.items()):
        for c in range(len(table)):
            o = orders[c] if orders else None
            if o is None or o % p == 0:
                continue
            k = next(k for k in range(p % o or o, p % o + o * e + 1, o) if gcd(k, e) == 1)
            twisted = [slot[j * k % e] for j in ks]
            same = (E[:, :, pm[c]] == E[twisted, :, c]).all(axis=0)
            for i in np.flatnonzero(~same)[:1]:
                failures.append(f"Galois action: {table.class_text(table.classes[c])} has order {o}, prime to {p}, "
                                f"so the values of its {p}th power {table.class_text(table.classes[pm[c]])} are its "
                                f"values under zeta -> zeta^{k}; {table.irreducible_text(table.irreducibles[i])} differs")
    return failures


def _adams_cyclotomic(table, cyclotomic):
    """Adams images of a table with values in ``Q(zeta_e)`` (integer coefficient vectors), proved modulo primes.

    ``N_ij = sum_c |C_c| chi_i(g_c^p) conj(chi_j(g_c))`` lies in ``Z[zeta_e]``, and every Galois conjugate has
    absolute value at most ``|G| L^2`` (``L`` the largest sum of absolute coefficients of a value). With primes
    ``q_1, q_2, ... = 1 mod e`` (below 2^25, for exact float64 products) whose product ``Q`` exceeds
    ``4 |G| L^2``, every embedding ``zeta -> z^k`` into each ``F_q`` is computed; ``t`` is read from the first
    embedding by the Chinese remainder theorem (it must be a multiple of ``|G|``, quotient at most ``L^2``);
    if ``N_ij = |G| t`` in every embedding modulo every ``q``, then ``x = N_ij - |G| t`` lies in
    ``Q Z[zeta_e]``, so ``|Norm(x)|`` is 0 or at least ``Q^phi(e)``, while it is at most ``(2 |G| L^2)^phi(e)``:
    ``N_ij = |G| t`` exactly, an integer multiple. Returns ``(failures, checked, indicators, embedded)``."""
    e, vec = cyclotomic
    r = len(table)
    order = table.order
    failures, checked = [], 0
    L = int(np.abs(vec).sum(axis=-1).max())
    bound = L * L
    indicators = None
    if 2 in table.power_maps:  # exactly: sum_c |C_c| chi(g_c^2) as a vector over powers of zeta_e, reduced mod Phi_e
        from symrep.groups.cyclotomic import reduce_cyclotomic

        sizes64 = np.array(table.class_sizes, dtype=np.int64)
        if order * L * r < 2**62:
            sums = np.einsum("c,icl->il", sizes64, vec[:, table.power_maps[2]])
        else:
            sums = np.einsum("c,icl->il", np.array(table.class_sizes, dtype=object),
                             vec[:, table.power_maps[2]].astype(object))
        nu = []
        for i, row in enumerate(sums):
            reduced = reduce_cyclotomic([int(x) for x in row], e)
            if any(reduced[1:]):
                failures.append(f"the Frobenius-Schur indicator of {table.irreducible_text(table.irreducibles[i])} "
                                "is not rational")
                nu.append(order)  # placeholder; the failure is recorded
            else:
                nu.append(reduced[0])
        indicators = _indicators(table, nu, failures)
    embedded = embedded_values(table, max(4 * order * bound, 4 * L + 2))
    if embedded is None:
        return failures, 0, indicators, None
    if r > MAX_ADAMS_CLASSES:
        return failures, checked, indicators, embedded[0]
    ks = embedded[0][1]
    minus = [ks.index((-k) % e) for k in ks]
    for p, pm in sorted(table.power_maps.items()):
        residues = []
        for q, ks, E in embedded:
            s = np.array([c % q for c in table.class_sizes], dtype=np.int64)
            A = E[:, :, pm] * s % q  # (phi, r, r): chi_i(g_c^p) |C_c|
            B = np.transpose(E[minus], (0, 2, 1))  # conj(chi_j(g_c)) = chi_j(g_c) under zeta -> z^-k
            residues.append(_matmul_mod(A, B, q))  # (phi, r, r)
        # t from the first embedding, by CRT over the primes
        t = np.zeros((r, r), dtype=object)
        for i in range(r):
            for j in range(r):
                value, modulus = 0, 1
                for (q, _, _), N in zip(embedded, residues):
                    x = int(N[0, i, j])
                    value += modulus * ((x - value) * pow(modulus, -1, q) % q)
                    modulus *= q
                if value > modulus // 2:
                    value -= modulus
                t[i, j] = value // order if value % order == 0 and abs(value // order) <= bound else None
        ok = np.array([[t[i, j] is not None for j in range(r)] for i in range(r)])
        for (q, _, _), N in zip(embedded, residues):
            target = np.array([[(t[i, j] * order) % q if t[i, j] is not None else -1 for j in range(r)]
                               for i in range(r)], dtype=np.int64)
            ok &= (N == target[None]).all(axis=0)
        checked += r * r
        for i, j in zip(*np.nonzero(~ok)):
            failures.append(_adams_failure(table, p, i, j))
            break
    return failures, checked, indicators, embedded[0]


def check_classes(table):
    """``(failures, items checked)``: the classes of a table built from a permutation group, against the group.

    Needs ``table.representatives`` and ``table.generators`` (lists of images, 0-based). The group is rebuilt from
    the generators (a new stabilizer chain, whose element numbers serve as a membership index), and the
    conjugation orbit of each representative is grown breadth first on the conjugation maps of the generators
    (:func:`~symrep.groups.classes.conjugation_maps`, computed once for all elements); its length must be
    the class size; the orbits must be disjoint and together have ``|G|`` elements; each representative has the
    element order of its class; and ``rep^p`` must lie in the orbit of the class that the ``p``-power map names.
    """
    from sympy.combinatorics import Permutation, PermutationGroup

    from symrep.groups.classes import conjugation_maps
    from symrep.groups.elements import _Elements

    reps = getattr(table, "representatives", None)
    gens = getattr(table, "generators", None)
    if reps is None or gens is None:
        return [], 0
    failures, checked = [], 0
    text = lambda c: table.class_text(table.classes[c])
    n = max(len(g) for g in gens)
    G = _Elements(PermutationGroup([Permutation(list(g) + list(range(len(g), n))) for g in gens]))
    if G.order != table.order:
        return [f"the generators generate a group of order {G.order}, the table is of order {table.order}"], 1
    reps = [np.asarray(list(g.array_form if hasattr(g, "array_form") else g), dtype=np.intp) for g in reps]
    reps = [np.concatenate([g, np.arange(len(g), n)]) for g in reps]
    hs = [np.asarray(list(g) + list(range(len(g), n)), dtype=np.intp) for g in gens]
    maps = conjugation_maps(G, hs)  # maps[h][x]: the number of h^-1 x h, one sift per element and generator
    owner = np.full(G.order, -1, dtype=np.int32)
    stamp = np.zeros(G.order, dtype=np.int32)
    for c, g in enumerate(reps):
        start = G.index([g])
        if owner[start[0]] >= 0:
            failures.append(f"classes {text(owner[start[0]])} and {text(c)} are the same class")
            continue
        owner[start] = c
        size, frontier = 1, start
        while len(frontier):
            found = np.concatenate([pi[frontier] for pi in maps])
            others = owner[found]
            clash = others[(others >= 0) & (others != c)]
            if len(clash):
                failures.append(f"classes {text(c)} and {text(int(clash[0]))} are the same class")
                break
            fresh = found[others < 0]
            count = np.arange(len(fresh), dtype=np.int32)
            stamp[fresh] = count  # keep the last copy of each (no sort)
            fresh = fresh[stamp[fresh] == count]
            owner[fresh] = c
            size += len(fresh)
            frontier = fresh
        checked += 1
        if size != table.class_sizes[c]:
            failures.append(f"class {text(c)}: its representative has {size} conjugates, the table says "
                            f"{table.class_sizes[c]}")
        if len(failures) > 10:
            return failures, checked
    total = int((owner >= 0).sum())
    if total != table.order:
        failures.append(f"the classes hold {total} elements, not |G| = {table.order}")
    ident = np.arange(n)
    for c, g in enumerate(reps):
        o, x = 1, g.copy()
        while not np.array_equal(x, ident):
            x = g[x]
            o += 1
        if table.element_orders and table.element_orders[c] != o:
            failures.append(f"class {text(c)}: its representative has order {o}, the table says "
                            f"{table.element_orders[c]}")
        for p, pm in sorted((table.power_maps or {}).items()):
            x = ident
            for _ in range(p % o):
                x = g[x]
            checked += 1
            where = int(owner[G.index([x])[0]])
            if where != pm[c]:
                failures.append(f"{p}-power map: the {p}th power of the representative of {text(c)} lies in "
                                f"{text(where) if where >= 0 else 'no class'}, the map says {text(pm[c])}")
    return failures, checked
