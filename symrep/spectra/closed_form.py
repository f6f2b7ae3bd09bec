"""Closed-form spectra of ``f(dist)`` on a box, and the numeric fast path.

The kernel matrix ``M[x, y] = f(dist(x, y))`` of a box depends only on
``x XOR y``, so its eigenvectors are the characters ``chi_S`` whatever ``f`` and
the sides are, and its eigenvalues are ``lambda_S = sum_z f(dist(0, z)) chi_S(z)``
(docs/theory.md section 2). When sides repeat, ``lambda_S`` depends only on how many
coordinates ``S`` takes from each block of equal sides, the *block vector*
``s = (s_1, ..., s_k)``, and

``lambda_s = sum_t f(dist(t)) prod_j K_{t_j}(s_j; m_j)``     (Krawtchouk form)

with multiplicity ``prod_j C(m_j, s_j)``. :func:`spectrum` computes these exactly
(one eigenspace per block vector, then merges eigenspaces whose values are
provably equal); :func:`numeric_spectrum` computes all ``2**d`` eigenvalues in
floating point with one fast Walsh-Hadamard transform.

Examples
--------
>>> from symrep import Hyperrectangle, spectrum
>>> sp = spectrum(Hyperrectangle([1]), "exp(-x)")
>>> [(e.label, e.value) for e in sp]
[('S={}', exp(-1) + 1), ('S={1}', 1 - exp(-1))]
>>> sp = spectrum(Hyperrectangle([1, 1, 2]), "exp(-x)")
>>> [(e.label, e.multiplicity) for e in sp]
[('s=(0,0)', 1), ('s=(1,0)', 2), ('s=(0,1)', 1), ('s=(2,0)', 1), ('s=(1,1)', 2), ('s=(2,1)', 1)]
"""

import random
from functools import cmp_to_key
from itertools import product
from math import comb, prod

import mpmath
import numpy as np
import sympy
from sympy.core.function import AppliedUndef

from symrep.errors import InputError, LimitError
from symrep.geometry.boxes import Hyperrectangle
from symrep.geometry.kernels import as_kernel
from symrep.spectra.krawtchouk_polynomials import krawtchouk_matrix
from symrep.geometry.metrics import get_metric
from symrep.spectra.eigenspaces import Eigenspace, Spectrum, _block_label
from symrep.spectra.walsh import fwht, mask_to_subset, subset_to_mask

__all__ = [
    "spectrum",
    "numeric_spectrum",
    "MAX_EXACT_TERMS",
    "MAX_NUMERIC_DIMENSION",
]

#: Exact path: (number of block vectors) ** 2 may not exceed this (d = 10 with distinct sides, ~2 s).
MAX_EXACT_TERMS = 1 << 20
#: Numeric FWHT path: largest dimension (2**27 float64 values = 1 GiB per array).
MAX_NUMERIC_DIMENSION = 27
#: Simplification to prove two eigenvalues equal is tried only below this many operations.
_MAX_SIMPLIFY_OPS = 400
_DIGITS = 50
#: The order SymPy's Add sorts its terms in (Add.flatten uses the same comparison).
_CANONICAL_ORDER = cmp_to_key(sympy.Basic.compare)


def spectrum(box, f, metric="l1", *, p=None, merge=True):
    """Exact spectrum of the kernel matrix ``[f(dist(x, y))]`` of a box.

    Parameters
    ----------
    box : Hyperrectangle or sequence of sides
    f : kernel
        Text, a SymPy expression in one variable, a ``Lambda`` or an undefined ``Function``.
    metric : str
        ``l1`` (default), ``l2``, ``l2sq``, ``lp`` (give ``p``) or ``inner`` (the
        weighted +-1 inner-product cube).
    p : number, optional
        Exponent of the ``lp`` metric.
    merge : bool
        Merge eigenspaces whose values are provably equal (default True).

    Returns
    -------
    Spectrum

    Raises
    ------
    InputError
        Bad sides, metric or kernel; or ``f`` undefined at a distance that occurs.
    LimitError
        More than :data:`MAX_EXACT_TERMS` coefficient terms would be needed.

    Notes
    -----
    With blocks of sizes ``m_1, ..., m_k`` there are ``E = prod (m_j + 1)`` block
    vectors; the eigenvalues take ``O(E**2)`` integer operations and ``E`` SymPy sums
    over the distinct distances. A hypercube of dimension ``d`` has ``E = d + 1``; a
    box with distinct sides has ``E = 2**d``.

    Examples
    --------
    >>> import sympy
    >>> a = sympy.Symbol("a", positive=True)
    >>> sp = spectrum(Hyperrectangle([a, a]), sympy.Function("f"))
    >>> [(e.label, e.multiplicity, e.value) for e in sp]
    [('s=(0)', 1, f(0) + 2*f(a) + f(2*a)), ('s=(1)', 2, f(0) - f(2*a)), ('s=(2)', 1, f(0) - 2*f(a) + f(2*a))]
    """
    box = box if isinstance(box, Hyperrectangle) else Hyperrectangle(box)
    kernel = as_kernel(f)
    metric = get_metric(metric, p)
    ms = box.multiplicities
    n_vectors = prod(m + 1 for m in ms)
    if n_vectors**2 > MAX_EXACT_TERMS:
        raise LimitError(
            f"the exact spectrum of this box needs {n_vectors} eigenspaces x {n_vectors} terms = "
            f"{n_vectors**2} > limit {MAX_EXACT_TERMS}; use numeric_spectrum() for numeric sides "
            f"(limit d <= {MAX_NUMERIC_DIMENSION})"
        )
    vectors = list(product(*[range(m + 1) for m in ms]))
    distances, dist_index = [], []
    seen = {}
    for t in vectors:
        dist = metric.block_value([(b, tj) for (b, _), tj in zip(box.blocks, t)], box.total)
        if dist not in seen:
            seen[dist] = len(distances)
            distances.append((dist, t))
        dist_index.append(seen[dist])
    fvalues = [_kernel_at(kernel, dist, t, box, metric) for dist, t in distances]
    coeffs = _grouped_coefficients(ms, dist_index, len(distances))
    values = _linear_combinations(coeffs, fvalues)
    multiplicities = [prod(comb(m, sj) for m, sj in zip(ms, s)) for s in vectors]
    symbolic_f = any(fv.has(AppliedUndef) for fv in fvalues)
    points = None if symbolic_f else _evaluation_points(box, fvalues, coeffs, kernel.parameters)
    numeric = points and box.is_numeric and not kernel.parameters
    numerics = [float(v) for v in points[0]] if numeric else [None] * len(values)
    labels = [_block_label(box, s) for s in vectors]
    groups, notes = (_merge_groups(values, points, labels) if merge
                     else ([[i] for i in range(len(values))], []))
    # Graded order: by |s|, then coordinates in order (S={1} before S={2}).
    rank = {i: (sum(s), tuple(-x for x in s)) for i, s in enumerate(vectors)}
    eigenspaces = []
    for group in sorted((sorted(g, key=rank.get) for g in groups), key=lambda g: rank[g[0]]):
        i = group[0]
        pieces = [(vectors[j], multiplicities[j]) for j in group]
        eigenspaces.append(Eigenspace(box, values[i], pieces, numerics[i], kernel, metric))
    return Spectrum(box, kernel, metric, eigenspaces, notes)


def numeric_spectrum(box, f, metric="l1", *, p=None, labels=False):
    """All ``2**d`` eigenvalues in floating point by one fast Walsh-Hadamard transform.

    Entry ``S`` (a bit mask, bit ``i - 1`` for coordinate ``i``) is ``lambda_S``. This is
    a numeric path: floats, not a proof. The exact :func:`spectrum` lists eigenspaces in graded
    order instead; ``labels=True`` returns a dict keyed by the same ``"S={1,3}"`` labels (in mask
    order), and :meth:`Eigenspace.subsets` gives the sets ``S`` of an exact eigenspace, so the two
    can be compared entry by entry.

    Parameters
    ----------
    box : Hyperrectangle or sequence of numeric sides
    f : kernel with numeric values (not an undefined function)
    metric, p : as for :func:`spectrum`
    labels : bool
        Return ``{"S={...}": value}`` instead of the array.

    Returns
    -------
    numpy.ndarray of shape (2**d,), or dict

    Raises
    ------
    LimitError
        If ``d >`` :data:`MAX_NUMERIC_DIMENSION`.
    InputError
        If the kernel has no numeric values there (an undefined function, a parameter, a value that is
        infinite, NaN or complex at one of the distances).

    Notes
    -----
    ``O(d 2**d)`` time and ``O(2**d)`` memory.

    Examples
    --------
    >>> numeric_spectrum([1.0, 2.0], "exp(-x)").round(6)
    array([1.553002, 0.717669, 1.182757, 0.546572])
    >>> {k: round(v, 6) for k, v in numeric_spectrum([1.0, 2.0], "exp(-x)", labels=True).items()}
    {'S={}': 1.553002, 'S={1}': 0.717669, 'S={2}': 1.182757, 'S={1,2}': 0.546572}
    """
    box = box if isinstance(box, Hyperrectangle) else Hyperrectangle(box)
    if box.d > MAX_NUMERIC_DIMENSION:
        raise LimitError(
            f"the numeric spectrum for d = {box.d} is refused: the limit is d <= {MAX_NUMERIC_DIMENSION} "
            f"(2**d float64 values)"
        )
    kernel = as_kernel(f)
    metric = get_metric(metric, p)
    g = kernel.numeric(metric.numeric_values(box.float_sides()))
    values = fwht(g, out=g)
    if labels:
        return {"S={" + ",".join(map(str, mask_to_subset(mask))) + "}": float(v) for mask, v in enumerate(values)}
    return values


def _kernel_at(kernel, dist, t, box, metric):
    try:
        return kernel(dist)
    except InputError as exc:
        coords = [c for (_, cs), tj in zip(box.blocks, t) for c in cs[:tj]]
        mask = subset_to_mask(coords)
        raise InputError(
            f"{exc}; the {metric.label} {'distance' if metric.is_distance else 'inner product'} {dist} "
            f"occurs in this box (between vertices 0 and {mask})"
        ) from None


def _linear_combinations(coeffs, fvalues):
    """The sums ``sum_k row[k] * fvalues[k]`` for every row, as SymPy expressions.

    When the f-values are distinct atoms (not numbers, sums or products), the canonical
    Add is just the sorted list of terms ``c * f_k``, and is built directly: SymPy's
    flattening would split and rebuild every term, which dominates large hypercubes.
    """
    atomic = (len(set(fvalues)) == len(fvalues)
              and not any(v.is_Number or v.is_Add or v.is_Mul or v.is_Pow for v in fvalues))
    values = []
    for row in coeffs:
        terms = [_scaled(int(c), fv) for c, fv in zip(row, fvalues) if c]
        if atomic and len(terms) > 1:
            values.append(sympy.Add._from_args(sorted(terms, key=_CANONICAL_ORDER)))
        else:
            values.append(sympy.Add(*terms))
    return values


def _scaled(c, value):
    """``c * value`` for an integer ``c``; skips SymPy's flattening when ``value`` is atomic.

    For a factor that is not a number, sum or product, the canonical product is just the
    pair ``(c, value)``; building it directly avoids re-deriving assumptions, which
    dominates large hypercubes (d = 200: 15 s -> under 1 s).
    """
    if c == 1:
        return value
    if value.is_Number or value.is_Add or value.is_Mul or value.is_Pow and value.base.is_Number:
        return c * value
    return sympy.Mul._from_args((sympy.Integer(c), value))


def _grouped_coefficients(ms, dist_index, n_distances):
    """Rows s, columns distinct distances: sum over t with that distance of prod_j K_{t_j}(s_j)."""
    # |K_t(s; m)| <= C(m, t) <= 2**m, so the products are bounded by 2**d: int64 holds d <= 62.
    dtype = np.int64 if sum(ms) <= 62 else object
    full = np.ones((1, 1), dtype=dtype)
    for m in ms:
        full = np.kron(full, np.array(krawtchouk_matrix(m), dtype=dtype))
    grouped = np.zeros((full.shape[0], n_distances), dtype=dtype)
    for col, k in enumerate(dist_index):
        grouped[:, k] += full[:, col]
    return grouped.tolist()


def _merge_groups(values, points, labels):
    """Group indices of provably equal values; note the ones equal only numerically.

    ``points`` holds high-precision values of every eigenvalue at one or two points (None
    when ``f`` is undefined: then only structurally equal values are merged).
    """
    parent = list(range(len(values)))

    def find(i):
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    first = {}
    for i, v in enumerate(values):
        if v in first:
            parent[find(i)] = find(first[v])
        else:
            first[v] = i
    notes = []
    if points is not None:
        reps = sorted(first.values())
        order = sorted(reps, key=lambda i: points[0][i])
        for i, j in zip(order, order[1:]):
            if all(_close(pt[i], pt[j]) for pt in points) and find(i) != find(j):
                if _provably_zero(values[i] - values[j]):
                    parent[find(j)] = find(i)
                else:
                    notes.append(f"eigenvalues of {labels[i]} and {labels[j]} agree to {_DIGITS - 10} "
                                 "digits but were not proved equal, so they are kept apart")
    groups = {}
    for i in range(len(values)):
        groups.setdefault(find(i), []).append(i)
    return list(groups.values()), notes


def _evaluation_points(box, fvalues, coeffs, parameters=()):
    """High-precision values of every eigenvalue at the sides (or at two random positive points of the
    symbolic sides and the kernel's parameters: a screen for merging, whose equalities are then proved)."""
    symbols = sorted(set().union(*[s.free_symbols for s in box.sides], parameters), key=lambda s: s.name)
    rng = random.Random(20261122)
    substitutions = ([{}] if not symbols else
                     [{s: sympy.Rational(rng.randint(1, 10**6), rng.randint(1, 10**6)) for s in symbols}
                      for _ in range(2)])
    points = []
    with mpmath.workdps(_DIGITS):
        for sub in substitutions:
            fnum = [_to_mpf(fv.xreplace(sub)) for fv in fvalues]
            points.append([mpmath.fsum(c * v for c, v in zip(row, fnum) if c) for row in coeffs])
    return points


def _to_mpf(expr):
    value = sympy.N(expr, _DIGITS)
    if not value.is_real:
        return mpmath.mpf("nan")
    return mpmath.mpf(value)


def _close(u, v):
    with mpmath.workdps(_DIGITS):
        return abs(u - v) <= mpmath.mpf(10) ** (-(_DIGITS - 10)) * max(1, abs(u), abs(v))


def _provably_zero(diff):
    """Sound test: True only if SymPy's rewriting reduces ``diff`` to 0."""
    if diff == 0 or sympy.expand(diff) == 0:
        return True
    if sympy.count_ops(diff) > _MAX_SIMPLIFY_OPS:
        return False
    return sympy.simplify(diff) == 0
