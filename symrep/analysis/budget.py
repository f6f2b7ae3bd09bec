"""Time budgets that also interrupt long SymPy calls.

Cooperative checks (:meth:`Budget.tick`) cost nothing but only run between steps; a single
``simplify`` or ``solve`` can take minutes. On the main thread of a Unix process the budget
therefore also arms ``SIGALRM``, whose handler raises :class:`OutOfTime` inside whatever pure
Python code is running. Elsewhere (worker threads, Windows) only the cooperative checks apply.

Examples
--------
>>> from symrep.analysis.budget import Budget, OutOfTime
>>> budget = Budget(5.0)
>>> with budget.armed():
...     budget.tick()
>>> budget.left() > 0
True
"""

import signal
import threading
import time
from contextlib import contextmanager

__all__ = ["Budget", "OutOfTime"]


class OutOfTime(BaseException):
    """The time budget ran out.

    A BaseException, like KeyboardInterrupt, so that the broad ``except Exception`` clauses
    inside SymPy cannot swallow it.
    """


class Budget:
    """A deadline ``seconds`` from now."""

    def __init__(self, seconds):
        self.seconds = float(seconds)
        self.deadline = time.monotonic() + self.seconds

    def left(self):
        """Seconds remaining (negative once the budget is spent)."""
        return self.deadline - time.monotonic()

    def spent(self):
        return self.left() <= 0

    def tick(self):
        """Raise :class:`OutOfTime` if the budget is spent."""
        if self.spent():
            raise OutOfTime(f"the time budget of {self.seconds:g} s ran out")

    @contextmanager
    def armed(self):
        """Run the block under the budget, interrupting it by SIGALRM where that is possible."""
        usable = hasattr(signal, "setitimer") and threading.current_thread() is threading.main_thread()
        if not usable:
            yield self
            return

        def interrupt(signum, frame):
            raise OutOfTime(f"the time budget of {self.seconds:g} s ran out")

        previous = signal.signal(signal.SIGALRM, interrupt)
        outer = signal.getitimer(signal.ITIMER_REAL)
        signal.setitimer(signal.ITIMER_REAL, max(self.left(), 1e-3))
        try:
            yield self
        finally:
            signal.setitimer(signal.ITIMER_REAL, 0)
            signal.signal(signal.SIGALRM, previous)
            if outer[0] > 0:  # someone else's timer was running: give it back what is left of it
                signal.setitimer(signal.ITIMER_REAL, max(outer[0] - (self.seconds - max(self.left(), 0)), 1e-3),
                                 outer[1])
