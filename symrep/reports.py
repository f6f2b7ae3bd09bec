"""The outcome of a check, shared by every module that verifies something.

Examples
--------
>>> from symrep.reports import CheckReport
>>> print(CheckReport("exact", True, 8))
exact check passed: 8 items checked
"""

import decimal
import math
from dataclasses import dataclass, field

__all__ = ["CheckReport", "bound_text"]


def bound_text(value, digits=3):
    """A proved upper bound shown with ``digits`` significant digits, rounded up, never down.

    Examples
    --------
    >>> bound_text(5.3101e-07), bound_text(0.2500000000000001, 4)
    ('5.32e-07', '0.2501')
    """
    if not value or not math.isfinite(value):
        return f"{value:.{digits}g}"
    exact = decimal.Decimal(value)
    step = decimal.Decimal(1).scaleb(exact.adjusted() - digits + 1)
    return f"{float(exact.quantize(step, rounding=decimal.ROUND_CEILING)):.{digits}g}"


@dataclass
class CheckReport:
    """Outcome of a check: ``passed``, how many items were ``checked``, and ``failures``.

    ``max_error`` is meaningful for numeric checks only (``kind == "numeric"``).
    """

    kind: str
    passed: bool
    checked: int
    failures: list = field(default_factory=list)
    max_error: float = 0.0

    def __bool__(self):
        return self.passed

    def __str__(self):
        status = "passed" if self.passed else "FAILED"
        text = f"{self.kind} check {status}: {self.checked} items checked"
        if self.kind == "numeric":
            text += f", max |difference| = {self.max_error:.3g}"
        return "\n".join([text] + [f"  {f}" for f in self.failures[:10]])
