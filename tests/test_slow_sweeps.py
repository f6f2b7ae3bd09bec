"""Large sweeps, run by CI as a separate step (``python -m pytest -m slow``).

Growth: the dense oracle is O(8^d) (about 5 s at d = 12 here); the exact eigenpair
check is O(8^d) SymPy additions (about 10 s at d = 6).
"""

import numpy as np
import pytest

from symrep import Hyperrectangle, numeric_spectrum, spectrum

pytestmark = pytest.mark.slow


@pytest.mark.parametrize("metric", ["l1", "l2", "inner"])
def test_fwht_spectrum_matches_dense_eigensolver_at_d_12(metric):
    rng = np.random.default_rng(12)
    H = Hyperrectangle(list(rng.uniform(0.1, 1.0, size=12)))
    kernel = "exp(-x^2)" if metric != "inner" else "exp(x/4)"
    fast = np.sort(numeric_spectrum(H, kernel, metric))
    dense = np.linalg.eigvalsh(H.kernel_matrix(kernel, metric, numeric=True))
    assert np.allclose(fast, dense, atol=1e-9 * max(1, np.abs(dense).max()))


@pytest.mark.parametrize("sides", [[1, 1, 1, 2, 2, 3], [1, 2, 3, 4, 5, 6]])
def test_exact_eigenpairs_at_d_6(sides):
    assert spectrum(sides, "exp(-x)").check_exact().passed


def test_exact_closed_form_matches_dense_at_d_10():
    sp = spectrum([1, 1, 1, 2, 2, 2, 3, 3, 4, 5], "1/(1+x)^2", "l2")
    assert sp.check_numeric().passed


@pytest.mark.parametrize("n", [9, 10, 12])
def test_large_hyperoctahedral_tables_verify(n):
    # The multi-modular proof: about 1 s at n = 12, 30 s at n = 15 (grows like classes^3).
    from symrep.groups.tables import hyperoctahedral_table

    T = hyperoctahedral_table(n)
    assert T.verify().passed
    assert sum(d * d for d in T.degrees) == T.order


@pytest.mark.parametrize("n", range(9, 13))
def test_cube_vertex_decomposition_for_larger_n(n):
    from symrep.spectra.decompositions import decompose_action

    expected = {(((n - k,) if n - k else ()), ((k,) if k else ())): 1 for k in range(n + 1)}
    assert dict(decompose_action([1] * n, "vertices")) == expected
