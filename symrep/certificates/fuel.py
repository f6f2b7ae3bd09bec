"""Counted work for the checker: a verdict is a function of the certificate and the fuel alone.

Every step the checker takes is charged to a tank of *fuel* (as Lean counts heartbeats): terms
built, identities tried, ball evaluations, bisection boxes, derivation nodes. When the tank is empty
the certificate is rejected with a message naming the limit, on every machine, under any load and
in any thread alike, so a check reproduces. A wall-clock limit may sit on top of it; it is checked
cooperatively where fuel is charged (nothing is raised asynchronously), and when it ends a check
the message says that time, not the certificate, ended it (:class:`CheckTimeout`).

This module imports nothing but the standard library, and neither does :mod:`.errors`: the kernel
that checks certificates must not need a computer-algebra system to stop.

Examples
--------
>>> from symrep.certificates.fuel import tank, charge, fuel_used
>>> with tank(1000):
...     charge(10, "reading the function")
...     fuel_used()
10
>>> with tank(5):
...     charge(10, "reading the function")
Traceback (most recent call last):
...
symrep.certificates.errors.CheckError: the check ran out of fuel (5 units) while reading the function; a certificate must be checkable within the fuel it is given (raise it with fuel= or --fuel)
"""

import contextvars
import time
from contextlib import contextmanager

from .errors import CheckError, CheckTimeout

__all__ = ["DEFAULT_FUEL", "MAX_FUEL", "tank", "charge", "fuel_used", "read_fuel"]

#: Units of work a check may use by default: over 50 times what the largest certificate that
#: ``symrep gallery`` writes needs (its figure is recorded in docs/limits.md).
DEFAULT_FUEL = 200_000
#: The most a caller may grant.
MAX_FUEL = 10**12

_TANK = contextvars.ContextVar("symrep_checker_fuel", default=None)


class _Tank:
    __slots__ = ("limit", "used", "deadline", "seconds")

    def __init__(self, limit, seconds):
        self.limit, self.used, self.seconds = limit, 0, seconds
        self.deadline = None if seconds is None else time.monotonic() + seconds


def read_fuel(fuel, what="fuel"):
    """``fuel`` as a positive integer, or an :class:`~.errors.CheckError`-free ``ValueError`` with one line."""
    if isinstance(fuel, bool) or not isinstance(fuel, int) or not 0 < fuel <= MAX_FUEL:
        raise ValueError(f"{what} must be a whole number of units in [1, {MAX_FUEL}], got {fuel!r}")
    return fuel


@contextmanager
def tank(fuel=DEFAULT_FUEL, seconds=None):
    """Run the block with ``fuel`` units of work (and, if ``seconds`` is given, a wall-clock limit
    checked wherever fuel is charged). A nested tank draws from the outer one too."""
    fuel = read_fuel(fuel)
    if seconds is not None and not (isinstance(seconds, (int, float)) and not isinstance(seconds, bool)
                                    and 0 < seconds <= 86400):
        raise ValueError(f"seconds must be a number in (0, 86400], got {seconds!r}")
    outer = _TANK.get()
    inner = _Tank(fuel, seconds)
    token = _TANK.set(inner)
    try:
        yield inner
    finally:
        _TANK.reset(token)
        if outer is not None:
            outer.used += inner.used


def charge(units, what):
    """Spend ``units`` of fuel on ``what`` (words for the message); outside a tank this is free."""
    current = _TANK.get()
    if current is None:
        return
    current.used += units
    if current.used > current.limit:
        raise CheckError(f"the check ran out of fuel ({current.limit:,} units) while {what}; a certificate must be "
                         f"checkable within the fuel it is given (raise it with fuel= or --fuel)")
    if current.deadline is not None and time.monotonic() > current.deadline:
        raise CheckTimeout(f"the check was stopped by its wall-clock limit of {current.seconds:g} s while {what}: "
                           f"time, not the certificate, ended it (the verdict on a certificate depends on its fuel "
                           f"alone; run it again without a time limit)")


def fuel_used():
    """Units spent so far in the innermost tank (0 outside one)."""
    current = _TANK.get()
    return 0 if current is None else current.used
