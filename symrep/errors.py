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
    """Base class of every error symrep raises on purpose.

    Parameters
    ----------
    message : str
        One line that names the offending argument and its value (the same for every subclass).

    Examples
    --------
    >>> import symrep
    >>> try:
    ...     symrep.cube_rank("x", 100)
    ... except symrep.SymrepError as exc:
    ...     print(type(exc).__name__, "-", exc)
    LimitError - d must be an integer in 1..64, got 100
    """


class InputError(SymrepError, ValueError):
    """An argument is malformed or outside the domain of the operation.

    It is also a ``ValueError``, so code that catches that keeps working.

    Examples
    --------
    >>> import symrep
    >>> symrep.Hyperrectangle([1, -1])
    Traceback (most recent call last):
    ...
    symrep.errors.InputError: side lengths must be positive, got a_2 = -1
    """


class ParseError(InputError):
    """User text (a kernel, a side length) is not in the accepted grammar.

    Examples
    --------
    >>> import symrep
    >>> symrep.parse_expression("x +* 2")
    Traceback (most recent call last):
    ...
    symrep.errors.ParseError: cannot read 'x +* 2' near column 3: use + - * / and ^ (or **), and parentheses that match
    """


class LimitError(SymrepError):
    """A request is larger than an operation can do; the message names the limit.

    Examples
    --------
    >>> from symrep import symmetric_table
    >>> symmetric_table(31)  # the limit is 30; the message says how large S_31's table would be
    Traceback (most recent call last):
    symrep.errors.LimitError: the character table of S31 is refused: the limit is n <= 30 (6842 classes: the 6842 x 6842 int64 values alone would take 0.35 GiB)
    """
