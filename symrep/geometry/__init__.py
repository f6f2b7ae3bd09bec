"""Boxes, distances and functions of one variable: the ground the rest stands on.

Imports nothing of symrep but ``symrep.errors``.

Modules: :mod:`~symrep.geometry.expressions`, :mod:`~symrep.geometry.kernels`, :mod:`~symrep.geometry.metrics`, :mod:`~symrep.geometry.boxes`.

Examples
--------
>>> from symrep.geometry import Hyperrectangle
>>> Hyperrectangle([1, 1, 2]).blocks
((1, (1, 2)), (2, (3,)))
"""

from symrep.geometry.expressions import (
    FUNCTIONS, CONSTANTS, MAX_TEXT_LENGTH, MAX_NODES, MAX_DEPTH, MAX_POWER_BITS, MAX_EXPONENT,
    parse_expression, parse_side, expression_text,
)
from symrep.geometry.kernels import (
    Kernel, as_kernel, UNDEFINED_FUNCTION_NAMES,
)
from symrep.geometry.metrics import (
    Metric, METRIC_NAMES, get_metric,
)
from symrep.geometry.boxes import (
    Hyperrectangle, MAX_EXACT_MATRIX_DIMENSION, MAX_NUMERIC_MATRIX_DIMENSION,
)

__all__ = [
    "FUNCTIONS", "CONSTANTS", "MAX_TEXT_LENGTH", "MAX_NODES", "MAX_DEPTH", "MAX_POWER_BITS", "MAX_EXPONENT",
    "parse_expression", "parse_side", "expression_text", "Kernel", "as_kernel", "UNDEFINED_FUNCTION_NAMES",
    "Metric", "METRIC_NAMES", "get_metric", "Hyperrectangle", "MAX_EXACT_MATRIX_DIMENSION",
    "MAX_NUMERIC_MATRIX_DIMENSION",
]
