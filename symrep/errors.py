"""The one small exception tree of symrep.

Every error a user can provoke with bad input derives from :class:`SymrepError`,
so callers (the command line above all) can catch one type, print its message on
one line and exit with code 2. Messages name the offending argument and value.

Examples
--------
>>> from symrep.errors import InputError
>>> try:
...     raise InputError("side lengths must be positive, got a_2 = -1")
... except ValueError as exc:
...     print(exc)
side lengths must be positive, got a_2 = -1
"""

__all__ = ["SymrepError", "InputError", "ParseError", "LimitError"]


class SymrepError(Exception):
    """Base class of every error symrep raises on purpose."""


class InputError(SymrepError, ValueError):
    """An argument is malformed or outside the domain of the operation."""


class ParseError(InputError):
    """User text (a kernel, a side length) is not in the accepted grammar."""


class LimitError(SymrepError):
    """A request is larger than an operation can do; the message names the limit."""
