"""The outcome of a check, shared by every module that verifies something.

Examples
--------
>>> from symrep.reports import CheckReport
>>> print(CheckReport("exact", True, 8))
exact check passed: 8 items checked
"""

from dataclasses import dataclass, field

__all__ = ["CheckReport"]


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
