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

from symrep.attention.algorithms import (
    softmax_attention, tensor_attention, fast_softmax_attention, fast_tensor_attention, AttentionReport,
    taylor_degree, monomial_exponents, MAX_FEATURE_BYTES, MAX_DEGREE,
)
from symrep.attention.ranks import (
    CubeRank, cube_rank, taylor_polynomial, polynomial_rank_certificate, flattening_matrix, MAX_CUBE_DIMENSION,
)

__all__ = [
    "softmax_attention", "tensor_attention", "fast_softmax_attention", "fast_tensor_attention",
    "AttentionReport", "taylor_degree", "monomial_exponents", "MAX_FEATURE_BYTES", "MAX_DEGREE", "CubeRank",
    "cube_rank", "taylor_polynomial", "polynomial_rank_certificate", "flattening_matrix", "MAX_CUBE_DIMENSION",
]
