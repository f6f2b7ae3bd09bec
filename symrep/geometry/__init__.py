"""Boxes, distances and functions of one variable: the ground the rest stands on.

Imports nothing of symrep but ``symrep.errors``.

Modules: :mod:`~symrep.geometry.expressions`, :mod:`~symrep.geometry.kernels`, :mod:`~symrep.geometry.metrics`, :mod:`~symrep.geometry.boxes`.

Examples
--------
>>> from symrep.geometry import Hyperrectangle
>>> Hyperrectangle([1, 1, 2]).blocks
((1, (1, 2)), (2, (3,)))
"""

from symrep.lazy import lazy_exports

#: Public names and the modules that define them (imported on first use).
_EXPORTS = {
    "FUNCTIONS": "expressions", "CONSTANTS": "expressions", "MAX_TEXT_LENGTH": "expressions", "MAX_NODES":
    "expressions", "MAX_DEPTH": "expressions", "MAX_POWER_BITS": "expressions", "MAX_EXPONENT": "expressions",
    "parse_expression": "expressions", "parse_side": "expressions", "expression_text": "expressions",
    "Kernel": "kernels", "as_kernel": "kernels", "UNDEFINED_FUNCTION_NAMES": "kernels", "Metric": "metrics",
    "METRIC_NAMES": "metrics", "get_metric": "metrics", "Hyperrectangle": "boxes",
    "MAX_EXACT_MATRIX_DIMENSION": "boxes", "MAX_NUMERIC_MATRIX_DIMENSION": "boxes",
}

__all__ = sorted(_EXPORTS)
__getattr__, __dir__ = lazy_exports(__name__, _EXPORTS)
