"""Helpers of ``symrep table``: stages of a long generic table on stderr, the verification in JSON.

Examples
--------
>>> from symrep.groups.tables import symmetric_table
>>> verification_json(symmetric_table(3).verify())
{'verified': True, 'frobenius_schur': [1, 1, 1]}
"""

import sys
import time

__all__ = ["stage_printer", "verification_json"]


def stage_printer():
    """``show(text)`` printing the stages of a long generic table on stderr (a terminal only; from one second on,
    or at once when the estimate is a second or more)."""
    if not sys.stderr.isatty():
        return None
    started = time.perf_counter()

    def show(text):
        if time.perf_counter() - started >= 1 or ("estimate" in text and "estimate 0" not in text):
            print(f"symrep: {text}", file=sys.stderr, flush=True)

    return show


def verification_json(report):
    """``{"verified": ..., "frobenius_schur": [...], "failures": [...]}`` (the last two when known / failed)."""
    extra = {"verified": report.passed}
    if getattr(report, "indicators", None):
        extra["frobenius_schur"] = report.indicators
    if not report.passed:
        extra["failures"] = report.failures[:20]
    return extra
