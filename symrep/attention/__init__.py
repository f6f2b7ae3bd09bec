"""Fast attention: exact references, the polynomial method with proved degrees, and the exact
ranks of f(QK^T) on the +-1 cube.

May import ``symrep.geometry``, ``symrep.spectra``, ``symrep.analysis`` and ``symrep.certificates``.

Modules: :mod:`~symrep.attention.algorithms`, :mod:`~symrep.attention.ranks`.

Examples
--------
>>> from symrep.attention import cube_rank
>>> cube_rank("1 + x", 3).rank
4
"""

from symrep.lazy import lazy_exports

#: Public names and the modules that define them (imported on first use).
_EXPORTS = {
    "softmax_attention": "algorithms", "tensor_attention": "algorithms", "fast_softmax_attention":
    "algorithms", "fast_tensor_attention": "algorithms", "AttentionReport": "algorithms", "taylor_degree":
    "algorithms", "monomial_exponents": "algorithms", "MAX_FEATURE_BYTES": "algorithms", "MAX_DEGREE":
    "algorithms", "CubeRank": "ranks", "cube_rank": "ranks", "taylor_polynomial": "ranks",
    "polynomial_rank_certificate": "ranks", "flattening_matrix": "ranks", "MAX_CUBE_DIMENSION": "ranks",
}

__all__ = sorted(_EXPORTS)
__getattr__, __dir__ = lazy_exports(__name__, _EXPORTS)
