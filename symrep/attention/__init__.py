"""Fast attention: exact references, the polynomial method with proved degrees, and the exact
ranks of f(QK^T) on the +-1 cube.

May import ``symrep.geometry``, ``symrep.spectra``, ``symrep.analysis`` and ``symrep.certificates``.

Modules: :mod:`~symrep.attention.dispatch` (the entry points ``attend`` and ``attend_tensor`` and their cost
model; named so that no module shadows a function), :mod:`~symrep.attention.arrays` (numpy arrays and torch
tensors in, the same kind out; batch shapes and masks), :mod:`~symrep.attention.plans` (the plan and
the report),
:mod:`~symrep.attention.exact` (exact matrix and tensor attention), :mod:`~symrep.attention.exp_approximation`
(polynomials for ``exp`` with proved relative error), :mod:`~symrep.attention.features` (monomial feature
maps), :mod:`~symrep.attention.polynomial` (the polynomial method), :mod:`~symrep.attention.ranks` (exact
ranks on the cube).

Examples
--------
>>> from symrep.attention import cube_rank
>>> cube_rank("1 + x", 3).rank
4
"""

from symrep.lazy import lazy_exports

#: Public names and the modules that define them (imported on first use).
_EXPORTS = {
    "attend": "dispatch", "attend_tensor": "dispatch", "AttentionReport": "plans", "MAX_FEATURE_BYTES": "dispatch",
    "MAX_TENSOR_ORDER": "dispatch", "exact_attention": "exact", "exact_tensor_attention": "exact",
    "ExpApproximant": "exp_approximation", "exp_approximant": "exp_approximation", "monomials": "features",
    "monomial_exponents": "features", "feature_rank": "features", "logit_bound": "polynomial",
    "polynomial_attention": "polynomial", "CubeRank": "ranks", "cube_rank": "ranks",
    "taylor_polynomial": "ranks", "polynomial_rank_certificate": "ranks", "flattening_matrix": "ranks",
    "MAX_CUBE_DIMENSION": "ranks", "plan_attention": "dispatch", "AttentionPlan": "plans",
    "stable_rank_bound": "stable_rank", "box_stable_rank": "stable_rank_box",
}

__all__ = sorted(_EXPORTS)
__getattr__, __dir__ = lazy_exports(__name__, _EXPORTS)
