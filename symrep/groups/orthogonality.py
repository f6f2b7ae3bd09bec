"""Exact verification of a character table: both orthogonality relations and the basic counts.

Integer tables check column orthogonality with exact float64 BLAS products, restricted to the
column blocks and row orbits given by the linear characters, with a multi-modular proof for the
few columns of large norm; row orthogonality follows for a square table (see
:func:`_verify_integral`; :func:`_verify_integral_reference` is the slow entry-by-entry check with
Python integers kept for tests). Generic tables with values in ``Q(zeta_e)`` reduce modulo
the cyclotomic polynomial; symbolic tables simplify.

Examples
--------
>>> from symrep.groups.tables import hyperoctahedral_table
>>> from symrep.groups.orthogonality import verify_table
>>> verify_table(hyperoctahedral_table(3)).passed
True
"""

import math

import numpy as np
from symrep.lazy import lazy_module

sympy = lazy_module("sympy")  # integer tables (B_n, S_n) never need it: the table command starts faster

from symrep.errors import LimitError
from symrep.reports import CheckReport

__all__ = ["verify_table", "MAX_VERIFY_CLASSES"]

#: Largest number of classes for which exact verification is attempted.
MAX_VERIFY_CLASSES = 5000
#: Columns with a (float64) norm below this enter one exact float64 product (see _verify_integral).
_EXACT_NORM_LIMIT = 2**52
#: Primes below 2**21: products of centred residues summed over 4096 classes stay exact in float64.
_PRIME_BITS = 21


def verify_table(table):
    """Check both orthogonality relations and the basic counts, exactly.

    Row orthogonality ``sum_C |C| chi(C) psi(C) = |G| delta`` and column orthogonality
    ``sum_chi chi(C) conj(chi(D)) = |C_G(C)| delta``; class sizes add up to ``|G|``,
    divide it, and the squared degrees add up to ``|G|``.

    Notes
    -----
    Integer tables: ``X^T X = diag(|C_G(g)|)`` is checked with float64 BLAS products that
    are provably exact (every partial sum below ``2**53``), only on the diagonal blocks
    of columns that the linear characters leave possibly nonzero, and once per orbit of
    rows; columns of norm ``>= 2**52`` go through a multi-modular proof (primes below
    ``2**21`` until their product exceeds twice a bound on every entry). For a square
    table this equality implies row orthogonality ``X diag(|C|) X^T = |G| I``. For
    ``B_15`` it costs less than building the table. See :func:`_verify_integral`.
    """
    failures = []
    r = len(table)
    if r > MAX_VERIFY_CLASSES:
        raise LimitError(f"verifying a table with {r} classes is refused: the limit is {MAX_VERIFY_CLASSES}")
    if len(table.irreducibles) != r:
        failures.append(f"{len(table.irreducibles)} irreducibles but {r} classes")
    if table.class_sizes[0] != 1:
        failures.append(f"the first class has size {table.class_sizes[0]}, not 1 (the identity)")
    for label, size in zip(table.classes, table.class_sizes):
        if size <= 0 or table.order % size:
            failures.append(f"class {table.class_text(label)} has size {size}, not a divisor of {table.order}")
    degree_sum = sum(d * d for d in table.degrees)
    if degree_sum != table.order:
        failures.append(f"squared degrees add up to {degree_sum}, not |G| = {table.order}")
    if not failures:
        if table.is_integral:
            failures += _verify_integral(table)
        elif getattr(table, "cyclotomic", None) is not None:
            failures += _verify_cyclotomic(table)
        else:
            failures += _verify_symbolic(table)
    return CheckReport("exact", not failures, 2 * r * r, failures)

def _verify_integral(table):
    """Both orthogonality relations of an integer table, exactly, from a few small products.

    1. *Column orthogonality* ``X^T X = diag(|C_G(g)|)`` is computed with float64 BLAS
       (``syrk``) products that are exact because every partial sum stays below ``2**53``: for
       columns whose norm ``sum_i X[i, c]^2`` is below ``2**52`` (Cauchy-Schwarz bounds every
       partial sum by the norms) one product; for the few others (at most the centre for
       ``n <= 15``) modulo primes ``p < 2**21`` on centred residues (asserted), until the primes
       multiply to more than twice a bound on every entry, so that agreement modulo all of them
       is equality over the integers.
    2. *Linear characters.* If multiplying by a +-1 valued row ``lam`` (a linear character)
       permutes the rows, ``X[pi(i), c] = lam(c) X[i, c]`` (checked exactly), then for columns
       ``c, d`` with ``lam(c) != lam(d)`` the sum ``sum_i X[i,c] X[i,d]`` equals its own negative
       (substitute ``i -> pi(i)``), so it is 0: only the diagonal blocks of columns with equal
       signs need a product. Within a block the term ``X[i,c] X[i,d]`` is constant on the orbits
       of the ``pi``, so each orbit is summed once with its size as weight. For ``B_n`` (four
       linear characters) this is about 1/64 of the full product.
    3. *Row orthogonality follows.* For a square ``X`` with ``X^T X = C`` diagonal and invertible,
       ``X^{-1} = C^{-1} X^T``, hence ``X C^{-1} X^T = I``; with ``C = |G| diag(1/|class|)`` this
       is ``X diag(|class|) X^T = |G| I``. (Square shape and class sizes dividing ``|G|`` are
       checked before.) When the check fails, :func:`_verify_integral_dense` locates the rows.
    """
    X = np.asarray(table.values, dtype=np.int64)
    r = X.shape[0]
    cent = [int(c) for c in table.centralizer_orders]
    max_abs = max(int(X.max()), -int(X.min())) if X.size else 0
    if max_abs >= 2**25 or r > 2**13 or max(cent) >= 2**62:
        return _verify_integral_dense(table)
    blocks, reps, weights = _linear_character_blocks(X)
    column_order = np.concatenate(blocks)
    # An orbit of size m = s^2 q (q squarefree; q <= 2 here since the permutations are commuting
    # involutions) enters q times as s * row, so that q (s x)(s y) = m x y in a plain product.
    squares = np.array([_square_part(int(m)) for m in weights], dtype=np.int64)
    copies = weights // (squares * squares)
    if max_abs * int(squares.max()) >= 2**26 or copies.sum() > 2 * r:
        return _verify_integral_dense(table)
    reps, squares = np.repeat(reps, copies), np.repeat(squares, copies)
    # rows of Xt are the classes grouped by block (contiguous slices), columns the orbit representatives
    Xt = X[np.ix_(reps, column_order)].T.astype(np.float64, order="C") * squares
    target = np.array([cent[j] for j in column_order], dtype=np.int64)
    # Column norms N_c = sum_i X[i, c]^2 (in float64: relative error below 2r 2**-53).
    # By Cauchy-Schwarz every partial sum of the product in columns c, d is at most
    # sqrt(N_c N_d) in absolute value, so for columns with N_c < 2**52 (rounding included)
    # one float64 product is exact. The few other columns (the centre of B_15) are done
    # modulo primes.
    norms = (Xt * Xt).sum(axis=1)
    small = norms < _EXACT_NORM_LIMIT
    # |entry of X^T X - C| <= r max|X|^2 + max(C); the weighted sums obey the same bound
    bound = r * max_abs * max_abs + max(cent)
    inner = Xt.shape[1]
    # centred residues |x| <= (p - 1) / 2; a product sums `inner` terms of at most
    # ((p - 1) / 2)^2, so with p below this limit every partial sum is an exact float64 integer
    prime_limit = min(2**_PRIME_BITS, math.isqrt(4 * (2**53 - 1) // inner))
    primes, modulus = [], 1
    for p in _primes_below(prime_limit):
        if modulus > 2 * bound or small.all():
            break
        assert inner * ((p - 1) // 2) ** 2 < 2**53, "float64 products would not be exact"
        modulus *= p
        primes.append(p)

    ok = []
    start = 0
    for b in blocks:
        rows = slice(start, start + len(b))
        start += len(b)
        mask = np.ones((len(b), len(b)), dtype=bool)
        inside = np.nonzero(small[rows])[0]
        S = Xt[rows][inside]
        if len(inside) ** 2 * S.shape[1] < 2**21:  # small: integer product, no BLAS threads to wake
            S = S.astype(np.int64)
        G = S @ S.T  # syrk; exact integers: |partial sums| < 2**53
        mask[np.ix_(inside, inside)] = G.astype(np.int64) == np.diag(target[rows][inside])
        outside = np.nonzero(~small[rows])[0]
        if len(outside):
            # rows of the product for these columns (and by symmetry the columns), modulo primes
            for p in primes:
                R = Xt[rows] - p * np.rint(Xt[rows] / p)  # exact: |Xt| < 2**26, p rint(Xt / p) < 2**48
                assert np.abs(R).max(initial=0) <= (p - 1) // 2
                G = R[outside] @ R.T
                t = np.zeros_like(G)
                t[np.arange(len(outside)), outside] = target[rows][outside] % p
                good = np.fmod(G - t, p) == 0
                mask[outside, :] &= good
                mask[:, outside] &= good.T
        ok.append(mask)
    if all(m.all() for m in ok):
        return []
    # locate the failures: column pairs within blocks, then the row relation (equivalent, see 3.)
    cols_ok = np.ones((r, r), dtype=bool)
    for m, b in zip(ok, blocks):
        cols_ok[np.ix_(b, b)] = m
    failures = _orthogonality_failures(table, np.ones((r, r), dtype=bool), cols_ok)
    if r <= _DENSE_DIAGNOSTIC_CLASSES:
        failures += [f for f in _verify_integral_dense(table) if f.startswith("row")]
    else:
        failures.append("row orthogonality fails as well (for a square table it is equivalent to "
                        "column orthogonality)")
    return failures


#: Largest table for which a failed fast check also locates the failing pairs of rows.
_DENSE_DIAGNOSTIC_CLASSES = 1500


def _square_part(m):
    """The largest s with s^2 dividing m."""
    s = 1
    for k in range(2, int(m**0.5) + 1):
        while m % (k * k) == 0:
            m //= k * k
            s *= k
    return s


def _linear_character_blocks(X):
    """Column blocks outside of which ``X^T X`` provably vanishes, and weighted row orbits.

    Returns ``(blocks, reps, weights)``: integer arrays partitioning the columns, one row per
    orbit of the row permutations found, and the orbit sizes (see :func:`_verify_integral`).
    Uses the +-1 rows whose multiplication permutes the rows (checked exactly).
    """
    r, c = X.shape
    trivial = ([np.arange(c)], np.arange(r), np.ones(r, dtype=np.int64))
    if r < 2:
        return trivial
    rng = np.random.default_rng(12345)
    w = rng.integers(-2**62, 2**62, size=c, dtype=np.int64)
    keys = X @ w  # a hash of each row, exact modulo 2**64 (integer products wrap)
    index = {int(k): i for i, k in enumerate(keys.tolist())}
    if len(index) != r:
        return trivial  # equal hashes (or equal rows): no blocks
    signature = np.zeros(c, dtype=np.int64)
    n_blocks, perms = 1, []
    for i in np.nonzero(X[:, 0] == 1)[0]:
        lam = X[i]
        if len(perms) >= 16 or not np.all(np.abs(lam) == 1) or (lam == 1).all():
            continue
        candidate = signature * 2 + (lam < 0)
        count = len(np.unique(candidate))
        if count == n_blocks:
            continue  # does not split the blocks any further
        image = X @ (w * lam)  # hashes of the rows of X * lam
        perm = np.array([index.get(k, -1) for k in image.tolist()], dtype=np.intp)
        if (perm < 0).any() or len(np.unique(perm)) != r:
            continue
        if not all(np.array_equal(X[perm[a:a + 256]], X[a:a + 256] * lam)  # the exact check
                   for a in range(0, r, 256)):                               # that pi exists
            continue
        signature, n_blocks = candidate, count
        perms.append(perm)
    if not perms:
        return trivial
    # orbits of the group generated by the permutations: label each row by its smallest member
    label = np.arange(r)
    while True:
        new = label.copy()
        for perm in perms:
            np.minimum(new, new[perm], out=new)
            np.minimum.at(new, perm, label)
        if np.array_equal(new, label):
            break
        label = new
    reps, weights = np.unique(label, return_counts=True)
    blocks = [np.nonzero(signature == s)[0] for s in np.unique(signature)]
    return blocks, reps, weights.astype(np.int64)


def _verify_integral_dense(table):
    """Both relations as full products (no blocks): int64 while every sum provably fits, else
    multi-modular with exact float64 BLAS products. Slower; used to locate failures."""
    order, r = table.order, len(table)
    sizes = np.array(table.class_sizes, dtype=object)
    cent = np.array(table.centralizer_orders, dtype=object)
    row_target = lambda M: M == order * np.eye(r, dtype=M.dtype)
    col_target = lambda M: M == np.diag(cent).astype(M.dtype)
    max_abs = int(np.abs(table.values).max()) if table.values.size else 0
    # |sum_C |C| chi psi| <= |G| max_abs^2 and |sum_chi chi(C) chi(D)| <= r max_abs^2
    bound = max(order, r) * max_abs * max_abs + order
    if 2 * bound < 2**62:
        V = table.values.astype(np.int64)
        rows = (V * sizes.astype(np.int64)) @ V.T
        cols = V.T @ V
        return _orthogonality_failures(table, row_target(rows), col_target(cols))
    rows_ok = np.ones((r, r), dtype=bool)
    cols_ok = np.ones((r, r), dtype=bool)
    modulus = 1
    for p in _primes_below(2**_PRIME_BITS):
        if modulus > 2 * bound:
            break
        modulus *= p
        V = _centred(table.values % p, p)
        W = _centred((table.values % p) * (sizes % p).astype(np.int64) % p, p)
        rows = np.rint(W.astype(float) @ V.T.astype(float)).astype(np.int64) % p
        cols = np.rint(V.T.astype(float) @ V.astype(float)).astype(np.int64) % p
        rows_ok &= rows == (order % p) * np.eye(r, dtype=np.int64)
        cols_ok &= cols == np.diag((cent % p).astype(np.int64))
    return _orthogonality_failures(table, rows_ok, cols_ok)


def _verify_integral_reference(table):
    """Both relations entry by entry with Python integers: slow (O(r^3) big-int operations),
    for tests against the fast path."""
    r = len(table)
    X = [[int(v) for v in row] for row in table.values.tolist()]
    sizes, cent, order = table.class_sizes, table.centralizer_orders, table.order
    rows_ok = np.ones((r, r), dtype=bool)
    cols_ok = np.ones((r, r), dtype=bool)
    for i in range(r):
        for j in range(r):
            rows_ok[i, j] = sum(s * a * b for s, a, b in zip(sizes, X[i], X[j])) == (order if i == j else 0)
            cols_ok[i, j] = sum(row[i] * row[j] for row in X) == (cent[i] if i == j else 0)
    return _orthogonality_failures(table, rows_ok, cols_ok)

def _verify_cyclotomic(table):
    """Orthogonality in Q(zeta_e), values given as integer vectors over powers of zeta_e.

    Every embedding ``zeta -> z^k`` of ``Q(zeta_e)`` into ``F_q`` (primes ``q = 1 mod e`` below 2^25, see
    :func:`symrep.groups.embeddings.embedded_values`) turns both relations into matrix products mod q
    (float64 BLAS on limbs, exact). A difference ``x`` between a sum and its target lies in ``Z[zeta_e]``, and
    every conjugate of it is at most ``D = |G| (L^2 + 1) + r L^2`` in absolute value (``L`` the largest sum of
    absolute coefficients of a value). If ``x`` vanishes in every embedding modulo primes whose product ``Q``
    exceeds ``2 D``, then ``x`` lies in ``Q Z[zeta_e]``, so ``|Norm(x)|`` is 0 or at least ``Q^phi(e)`` while it is
    at most ``D^phi(e)``: ``x = 0``. (Where no such primes exist, the values are reduced modulo the cyclotomic
    polynomial instead: :func:`_verify_cyclotomic_polynomials`.)"""
    from symrep.groups.embeddings import _matmul_mod, embedded_values

    e, vec = table.cyclotomic
    r = len(table)
    L = int(np.abs(vec).sum(axis=-1).max())
    D = table.order * (L * L + 1) + r * L * L
    embedded = embedded_values(table, 2 * D)
    if embedded is None or r > 2**15:
        return _verify_cyclotomic_polynomials(table)
    cent = table.centralizer_orders
    rows_ok = np.ones((r, r), dtype=bool)
    cols_ok = np.ones((r, r), dtype=bool)
    for q, ks, E in embedded:
        minus = [ks.index((-k) % e) for k in ks]
        conj = E[minus]  # (phi, r, r): conj(chi_i(g_c))
        s = np.array([c % q for c in table.class_sizes], dtype=np.int64)
        rows = _matmul_mod(E * s % q, np.transpose(conj, (0, 2, 1)), q)  # sum_c |C| chi_i conj(chi_j)
        rows_ok &= (rows == (np.eye(r, dtype=np.int64) * (table.order % q))[None]).all(axis=0)
        cols = _matmul_mod(np.transpose(conj, (0, 2, 1)), E, q)  # sum_i conj(chi_i(c)) chi_i(d)
        target = np.diag(np.array([c % q for c in cent], dtype=np.int64))
        cols_ok &= (np.transpose(cols, (0, 2, 1)) == target[None]).all(axis=0)
    return _orthogonality_failures(table, rows_ok, cols_ok)


def _verify_cyclotomic_polynomials(table):
    """Orthogonality in Q(zeta_e) by polynomial arithmetic: each value becomes an integer polynomial reduced modulo
    the cyclotomic polynomial Phi_e (python-flint, exact); a sum equals its target exactly when their difference
    is 0 modulo Phi_e. Slow (r^3 polynomial products); the reference for :func:`_verify_cyclotomic`."""
    from flint import fmpz_poly

    e, vec = table.cyclotomic  # vec[i, j] is the coefficient vector of chi_i(C_j)
    r = len(table)
    conj = np.roll(vec[..., ::-1], 1, axis=-1)  # zeta^j -> zeta^(-j)
    phi = fmpz_poly.cyclotomic(e)
    values = [[fmpz_poly([int(c) for c in vec[i, j]]) % phi for j in range(r)] for i in range(r)]
    conjugates = [[fmpz_poly([int(c) for c in conj[i, j]]) % phi for j in range(r)] for i in range(r)]

    def equals(poly, target):
        return (poly - target) % phi == 0

    cent = table.centralizer_orders
    rows_ok = np.ones((r, r), dtype=bool)
    cols_ok = np.ones((r, r), dtype=bool)
    for i in range(r):
        for j in range(r):
            row = sum((int(table.class_sizes[c]) * values[i][c] * conjugates[j][c] for c in range(r)), fmpz_poly(0))
            rows_ok[i, j] = equals(row, table.order if i == j else 0)
            col = sum((values[c][i] * conjugates[c][j] for c in range(r)), fmpz_poly(0))
            cols_ok[i, j] = equals(col, cent[i] if i == j else 0)
    return _orthogonality_failures(table, rows_ok, cols_ok)


def _verify_symbolic(table):
    V = sympy.Matrix(table.values.tolist())
    r = len(table)
    sizes = sympy.diag(*table.class_sizes)
    rows = V * sizes * V.H
    cols = V.H * V
    rows_ok = np.array([[sympy.simplify(rows[i, j] - (table.order if i == j else 0)) == 0
                         for j in range(r)] for i in range(r)])
    cent = table.centralizer_orders
    cols_ok = np.array([[sympy.simplify(cols[i, j] - (cent[i] if i == j else 0)) == 0
                         for j in range(r)] for i in range(r)])
    return _orthogonality_failures(table, rows_ok, cols_ok)


def _centred(residues, p):
    residues = np.asarray(residues, dtype=np.int64) % p
    return np.where(residues > p // 2, residues - p, residues)


def _primes_below(limit):
    """The primes below ``limit``, largest first (FLINT's proven primality test; importing SymPy for its
    ``prevprime`` would cost an integer table's verification a quarter of a second)."""
    from flint import fmpz

    p = limit - 1
    while p > 3:
        if fmpz(p).is_prime():
            yield p
        p -= 1


def _orthogonality_failures(table, rows_ok, cols_ok):
    failures = []
    for i, j in zip(*np.nonzero(~rows_ok)):
        failures.append(f"row orthogonality fails for {table.irreducible_text(table.irreducibles[i])} and "
                        f"{table.irreducible_text(table.irreducibles[j])}")
        if len(failures) >= 10:
            break
    for i, j in zip(*np.nonzero(~cols_ok)):
        failures.append(f"column orthogonality fails for classes {table.class_text(table.classes[i])} and "
                        f"{table.class_text(table.classes[j])}")
        if len(failures) >= 20:
            break
    return failures
