"""Proofs about a character table beyond orthogonality: power maps, Galois action, class sizes.

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

__all__ = ["check_power_maps", "check_classes", "MAX_ADAMS_CLASSES"]

#: Largest number of classes for which the Adams images are checked (an r x r x r exact product per prime).
MAX_ADAMS_CLASSES = 1500


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
        failures += _galois_cyclotomic(table, cyclotomic)
        checked += r * len(maps)
        adams, more, indicators = _adams_cyclotomic(table, cyclotomic)
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


def _galois_cyclotomic(table, cyclotomic):
    """For ``p`` prime to ``o(g)``: column of ``g^p`` = column of ``g`` under ``zeta -> zeta^k``, with ``k`` prime
    to ``e`` and ``k = p mod o(g)`` (so that ``g^k = g^p``); compared after reduction modulo ``Phi_e``."""
    from symrep.groups.cyclotomic import reduce_cyclotomic

    e, vec = cyclotomic
    failures = []
    orders = table.element_orders
    for p, pm in sorted(table.power_maps.items()):
        for c in range(len(table)):
            o = orders[c] if orders else None
            if o is None or o % p == 0:
                continue
            k = next(k for k in range(p % o or o, p % o + o * e + 1, o) if gcd(k, e) == 1)
            for i in range(len(table)):
                image = np.zeros(e, dtype=np.int64)
                np.add.at(image, (np.arange(e) * k) % e, vec[i, c])
                if reduce_cyclotomic(image, e) != reduce_cyclotomic(vec[i, pm[c]], e):
                    failures.append(f"Galois action: {table.class_text(table.classes[c])} has order {o}, prime to {p}, "
                                    f"so the values of its {p}th power {table.class_text(table.classes[pm[c]])} are its "
                                    f"values under zeta -> zeta^{k}; {table.irreducible_text(table.irreducibles[i])} "
                                    f"differs")
                    break
    return failures


def _prime_1_mod(e, lower):
    from flint import fmpz

    q = (lower // e + 1) * e + 1
    while not fmpz(q).is_prime():
        q += e
    return q


def _adams_cyclotomic(table, cyclotomic):
    """Adams images of a table with values in ``Q(zeta_e)`` (integer coefficient vectors), proved modulo a prime.

    ``N_ij = sum_c |C_c| chi_i(g_c^p) conj(chi_j(g_c))`` lies in ``Z[zeta_e]``, and every Galois conjugate has
    absolute value at most ``B = |G| L^2`` (``L`` the largest sum of absolute coefficients of a value). With a
    prime ``q = 1 mod e`` above ``2 (B + |G| L^2)``, each of the ``phi(e)`` embeddings ``zeta -> z^k`` into
    ``F_q`` (``z`` of order ``e``) is computed with FLINT's ``nmod_mat``; if all of them give the same
    ``|G| t`` with ``|t| <= L^2``, then ``x = N_ij - |G| t`` lies in ``q Z[zeta_e]``, so ``|Norm(x)|`` is 0 or at
    least ``q^phi(e)``, while it is below ``(q / 2)^phi(e)``: ``N_ij = |G| t`` exactly, an integer multiple."""
    from flint import nmod_mat

    e, vec = cyclotomic
    r = len(table)
    order = table.order
    failures, checked = [], 0
    L = int(np.abs(vec).sum(axis=-1).max())
    q = _prime_1_mod(e, 4 * order * L * L + 2)
    if q >= 2**63:
        return [f"the Adams check needs a prime above 2^63 for |G| = {order}; not attempted"], 0, None
    # a primitive e-th root of unity mod q
    z = next(pow(g, (q - 1) // e, q) for g in range(2, q)
             if all(pow(pow(g, (q - 1) // e, q), e // f, q) != 1 for f in _primes_of(e)))
    ks = [k for k in range(e) if gcd(k, e) == 1]
    # images[k] = r x r matrix of chi_i(g_c) under zeta -> z^k
    flat = nmod_mat([[int(x) for x in row] for row in vec.reshape(r * r, e).tolist()], q)
    zl = [pow(z, l, q) for l in range(e)]
    Z = nmod_mat([[zl[l * k % e] for k in ks] for l in range(e)], q)
    E = (flat * Z).tolist()  # (r*r) x phi(e): column m is the embedding zeta -> z^ks[m]
    sizes = [s % q for s in table.class_sizes]

    def image(m):
        return [[int(E[i * r + c][m]) for c in range(r)] for i in range(r)]

    per_k = {k: image(m) for m, k in enumerate(ks)}
    bound = L * L
    indicators = None
    if 2 in table.power_maps:  # exactly: sum_c |C_c| chi(g_c^2) as a vector over powers of zeta_e, reduced mod Phi_e
        from symrep.groups.cyclotomic import reduce_cyclotomic

        sums = np.einsum("c,icl->il", np.array(table.class_sizes, dtype=object), vec[:, table.power_maps[2]].astype(object))
        nu = []
        for i, row in enumerate(sums):
            reduced = reduce_cyclotomic([int(x) for x in row], e)
            if any(reduced[1:]):
                failures.append(f"the Frobenius-Schur indicator of {table.irreducible_text(table.irreducibles[i])} "
                                "is not rational")
                nu.append(1)  # placeholder; the failure is recorded
            else:
                nu.append(reduced[0])
        indicators = _indicators(table, nu, failures)
    for p, pm in sorted(table.power_maps.items()):
        if r > MAX_ADAMS_CLASSES:
            break
        result = None
        for k in ks:
            V = per_k[k]
            A = nmod_mat([[V[i][pm[c]] * sizes[c] % q for c in range(r)] for i in range(r)], q)
            conj = per_k[(-k) % e]
            B = nmod_mat([[conj[j][c] for j in range(r)] for c in range(r)], q)
            N = (A * B).tolist()
            t = [[None] * r for _ in range(r)]
            for i in range(r):
                for j in range(r):
                    v = int(N[i][j])
                    v = v - q if v > q // 2 else v
                    t[i][j] = v // order if v % order == 0 and abs(v // order) <= bound else None
            if result is None:
                result = t
            else:
                result = [[a if a == b else None for a, b in zip(ra, rb)] for ra, rb in zip(result, t)]
        for i in range(r):
            checked += r
            j = next((j for j in range(r) if result[i][j] is None), None)
            if j is not None:
                failures.append(_adams_failure(table, p, i, j))
    return failures, checked, indicators


def check_classes(table):
    """``(failures, items checked)``: the classes of a table built from a permutation group, against the group.

    Needs ``table.representatives`` and ``table.generators`` (lists of images, 0-based). The conjugation orbit of
    each representative is enumerated from the generators; its length must be the class size; the orbits must
    be disjoint and together have ``|G|`` elements; each representative has the element order of its class; and
    ``rep^p`` must lie in the orbit of the class that the ``p``-power map names.
    """
    reps = getattr(table, "representatives", None)
    gens = getattr(table, "generators", None)
    if reps is None or gens is None:
        return [], 0
    failures, checked = [], 0
    text = lambda c: table.class_text(table.classes[c])
    reps = [np.asarray(g.array_form if hasattr(g, "array_form") else g, dtype=np.int64) for g in reps]
    n = max(len(g) for g in reps)
    gens = [np.asarray(g, dtype=np.int64) for g in gens]
    ginv = [np.argsort(g) for g in gens]
    dtype = np.uint8 if n <= 256 else np.uint16
    owner = {}
    total = 0
    for c, g in enumerate(reps):
        seen = {g.astype(dtype).tobytes()}
        frontier = g[None, :]
        while len(frontier):
            new = []
            for h, hinv in zip(gens, ginv):
                # h^-1 x h: i -> h[x[hinv[i]]]
                conj = np.ascontiguousarray(h[frontier[:, hinv]].astype(dtype))
                keys = conj.view(np.dtype((np.void, conj.shape[1] * conj.itemsize))).ravel().tolist()
                fresh = [i for i, key in enumerate(keys) if key not in seen and not seen.add(key)]
                if fresh:
                    new.append(conj[fresh].astype(np.int64))
            frontier = np.concatenate(new) if new else np.zeros((0, n), dtype=np.int64)
        checked += 1
        total += len(seen)
        if len(seen) != table.class_sizes[c]:
            failures.append(f"class {text(c)}: its representative has {len(seen)} conjugates, the table says "
                            f"{table.class_sizes[c]}")
        for key in seen:
            if key in owner:
                failures.append(f"classes {text(owner[key])} and {text(c)} are the same class")
                break
            owner[key] = c
        if len(failures) > 10:
            return failures, checked
    if total != table.order:
        failures.append(f"the classes hold {total} elements, not |G| = {table.order}")
    for c, g in enumerate(reps):
        o, x = 1, g.copy()
        ident = np.arange(n)
        while not np.array_equal(x, ident):
            x = g[x]
            o += 1
        if table.element_orders and table.element_orders[c] != o:
            failures.append(f"class {text(c)}: its representative has order {o}, the table says "
                            f"{table.element_orders[c]}")
        for p, pm in sorted((table.power_maps or {}).items()):
            x = ident
            for _ in range(p % o if o else 0):
                x = g[x]
            checked += 1
            if owner.get(x.astype(dtype).tobytes()) != pm[c]:
                failures.append(f"{p}-power map: the {p}th power of the representative of {text(c)} lies in "
                                f"{text(owner.get(x.astype(dtype).tobytes(), 0))}, the map says {text(pm[c])}")
    return failures, checked
