"""Independent checks of a computed spectrum.

Both checks rebuild the kernel matrix entry by entry from vertex coordinates
(:meth:`Hyperrectangle.kernel_matrix`), so they share nothing with the
Krawtchouk computation they test:

* :func:`verify_eigenpairs` proves ``M chi_S = lambda chi_S`` exactly for every
  eigenvector of every eigenspace, and that the multiplicities add up to ``2**d``;
* :func:`compare_with_dense` compares the eigenvalues with multiplicity against
  ``numpy.linalg.eigvalsh`` (a numeric oracle, labelled as such).

Examples
--------
>>> from symrep import Hyperrectangle, spectrum
>>> report = spectrum(Hyperrectangle([1, 2]), "exp(-x)").check_exact()
>>> report.passed, report.checked
(True, 4)
"""

import numpy as np
import sympy

from symrep.errors import LimitError
from symrep.reports import CheckReport
from symrep.spectra.walsh import character, subset_to_mask

__all__ = ["CheckReport", "verify_eigenpairs", "compare_with_dense",
           "MAX_EXACT_CHECK_DIMENSION", "MAX_DENSE_CHECK_DIMENSION"]

#: Exact eigenpair check: ``8**d`` SymPy additions, so d <= 6.
MAX_EXACT_CHECK_DIMENSION = 6
#: Dense eigensolver oracle: a 4096 x 4096 matrix at d = 12.
MAX_DENSE_CHECK_DIMENSION = 12


def verify_eigenpairs(spec):
    """Prove ``M chi_S = lambda chi_S`` exactly for all ``2**d`` characters.

    Each entry of ``M chi_S - lambda chi_S`` must reduce to 0 by expansion or, failing
    that, simplification; an entry that does not is reported as a failure (not proved).
    """
    box = spec.box
    if box.d > MAX_EXACT_CHECK_DIMENSION:
        raise LimitError(f"the exact eigenpair check for d = {box.d} is refused: the limit is "
                         f"d <= {MAX_EXACT_CHECK_DIMENSION}")
    M = box.kernel_matrix(spec.kernel, spec.metric)
    n = box.n_vertices
    rows = [[M[x, y] for y in range(n)] for x in range(n)]
    failures = []
    checked = 0
    total = sum(e.multiplicity for e in spec)
    if total != n:
        failures.append(f"multiplicities add up to {total}, not 2**d = {n}")
    for e in spec:
        for S in e.subsets():
            chi = character(subset_to_mask(S), box.d)
            checked += 1
            for x in range(n):
                entry = sympy.Add(*[r if c > 0 else -r for r, c in zip(rows[x], chi)])
                diff = entry - int(chi[x]) * e.value
                if not _is_zero(diff):
                    failures.append(f"eigenspace {e.label}, S = {set(S) or '{}'}, row {x}: "
                                    f"M chi - lambda chi = {diff} not proved 0")
                    break
    return CheckReport("exact", not failures, checked, failures)


def compare_with_dense(spec, rtol=1e-9):
    """Compare sorted eigenvalues with multiplicity against ``numpy.linalg.eigvalsh`` (numeric).

    Passes if every difference is at most ``rtol * max(1, max |eigenvalue|)``.
    """
    box = spec.box
    if box.d > MAX_DENSE_CHECK_DIMENSION:
        raise LimitError(f"the dense eigensolver check for d = {box.d} is refused: the limit is "
                         f"d <= {MAX_DENSE_CHECK_DIMENSION}")
    mine = spec.numeric_eigenvalues()
    dense = np.linalg.eigvalsh(box.kernel_matrix(spec.kernel, spec.metric, numeric=True))
    err = float(np.max(np.abs(mine - dense))) if len(mine) == len(dense) else float("inf")
    scale = max(1.0, float(np.max(np.abs(dense))))
    passed = err <= rtol * scale
    failures = [] if passed else [f"max |closed form - eigvalsh| = {err:.3g} > {rtol:g} x {scale:.3g}"]
    return CheckReport("numeric", passed, len(dense), failures, err)


def _is_zero(diff):
    if diff == 0 or sympy.expand(diff) == 0:
        return True
    return sympy.simplify(diff) == 0
