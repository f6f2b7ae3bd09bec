"""Time budgets, checked cooperatively.

:meth:`Budget.tick` raises :class:`OutOfTime` once the deadline has passed; the search calls it between
steps, so it costs nothing but cannot interrupt one long SymPy call (a ``simplify`` or ``limit`` can take
minutes). What stops such a call for sure is the process boundary: the search runs in a worker process
that is killed at the deadline (:mod:`symrep.analysis.hard_stop`). No signal handler raises anything
asynchronously inside library code.

Examples
--------
>>> from symrep.analysis.budget import Budget, OutOfTime
>>> budget = Budget(5.0)
>>> budget.tick()
>>> budget.left() > 0
True
>>> Budget(0.0).spent()
True
"""

import os
import time

__all__ = ["Budget", "OutOfTime", "default_seconds", "SCALE_VARIABLE"]

#: The environment variable that scales every *default* budget (never one a caller passes).
SCALE_VARIABLE = "SYMREP_BUDGET_SCALE"


def default_seconds(seconds):
    """A default time budget: ``seconds`` times the factor in ``SYMREP_BUDGET_SCALE`` (1 when unset).

    A budget bounds time, not truth; a slow or loaded machine, or a test suite that asserts verdicts rather
    than speed, sets the factor (the project's test suite sets 4) so that the default searches get the
    same amount of work done. Budgets passed explicitly are never scaled.

    Examples
    --------
    >>> import os
    >>> from symrep.analysis.budget import default_seconds
    >>> os.environ.pop("SYMREP_BUDGET_SCALE", None) and None
    >>> default_seconds(10.0)
    10.0
    """
    raw = os.environ.get(SCALE_VARIABLE, "").strip()
    if not raw:
        return float(seconds)
    try:
        factor = float(raw)
    except ValueError:
        factor = float("nan")
    if not 0 < factor <= 100:
        from symrep.errors import InputError

        raise InputError(f"{SCALE_VARIABLE} must be a number in (0, 100], got {raw!r}")
    return min(float(seconds) * factor, 3600.0)


class OutOfTime(BaseException):
    """The time budget ran out (raised by :meth:`Budget.tick`, synchronously).

    A BaseException, like KeyboardInterrupt, so that the broad ``except Exception`` clauses
    inside the search cannot swallow it.
    """


class Budget:
    """A deadline ``seconds`` from now, or at ``deadline`` (a ``time.monotonic()`` value) if given."""

    def __init__(self, seconds, *, deadline=None):
        self.seconds = float(seconds)
        self.deadline = time.monotonic() + self.seconds if deadline is None else float(deadline)

    def left(self):
        """Seconds remaining (negative once the budget is spent)."""
        return self.deadline - time.monotonic()

    def spent(self):
        return self.left() <= 0

    def tick(self):
        """Raise :class:`OutOfTime` if the budget is spent."""
        if self.spent():
            raise OutOfTime(f"the time budget of {self.seconds:g} s ran out")
