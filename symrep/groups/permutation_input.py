"""Permutation groups typed by people: cycle notation, GAP's ``Group(...)`` form, or a GAP file.

Nothing is evaluated: the text is matched against a regular grammar of cycles on the points
``1..n`` and the wrappers GAP users write around them (``G := Group( ... );``, ``[ ... ]``,
``# comments``).

Examples
--------
>>> from symrep.groups.permutation_input import parse_generators
>>> parse_generators("(1,2,3,4,5),(1,2)").order()
120
>>> parse_generators("G := Group([ (1,2)(3,4), (1,3)(2,4) ]);").order()
4
"""

import os
import re

from symrep.errors import InputError
from symrep.fileio import read_text_limited

__all__ = ["parse_generators", "read_generators", "MAX_POINTS", "MAX_GENERATOR_FILE_BYTES"]

#: Largest point moved by a generator (PSL(2, 64) acts on 65 points, M24 on 24; the generic tables hold a
#: point in one byte up to 256 points and in two beyond).
MAX_POINTS = 4096
#: Largest generator file read.
MAX_GENERATOR_FILE_BYTES = 64 * 1024

_CYCLES = re.compile(r"(\((\d+,)*\d+\))+(,(\((\d+,)*\d+\))+)*")
_ASSIGNMENT = re.compile(r"^[A-Za-z_][A-Za-z_0-9]*:=")


def parse_generators(text, max_points=MAX_POINTS):
    """A SymPy ``PermutationGroup`` from cycle notation on the points 1..n.

    Accepts ``"(1,2,3,4,5),(1,2)"`` and GAP's forms of the same list: ``Group((1,2,3,4,5),(1,2))``,
    ``[ (1,2,3,4,5), (1,2) ]``, ``G := Group(...);``, with ``#`` comments and line breaks, and GAP's
    continuation of long lines (a backslash at the end of a line, even inside a number).
    ``()`` (GAP's identity) is accepted as a generator.

    Parameters
    ----------
    text : str
        The generators; nothing in it is evaluated.
    max_points : int
        The largest point a cycle may move (:data:`MAX_POINTS` by default).

    Returns
    -------
    sympy.combinatorics.PermutationGroup
        The group generated, acting on the points ``0..n-1`` (SymPy counts from 0: point ``i`` of the
        text is ``i - 1``).

    Raises
    ------
    InputError
        On anything else, naming what could not be read; on points outside ``1..max_points``; on a cycle that
        repeats a point.

    Examples
    --------
    >>> G = parse_generators("Group((1,2,3), (1,2))")
    >>> G.order(), G.degree
    (6, 3)
    >>> parse_generators("(1,2,x)")
    Traceback (most recent call last):
    ...
    symrep.errors.InputError: cannot read generators '(1,2,x)': write cycles on the points 1..n, e.g. "(1,2,3),(1,2)" (GAP's Group(...) form is also read)
    """
    from sympy.combinatorics import Permutation, PermutationGroup

    if not isinstance(text, str):
        raise InputError(f"generators must be text in cycle notation, got {type(text).__name__}")
    # GAP breaks long output lines with a backslash before the newline, also inside a number
    text = re.sub(r"\\\r?\n", "", text)
    lines = [line.split("#", 1)[0] for line in text.splitlines()]
    cleaned = re.sub(r"\s+", "", "".join(lines))
    body = _unwrap(cleaned).replace("()", "(1)")
    if not body or not _CYCLES.fullmatch(body):
        raise InputError(f"cannot read generators {text.strip()[:80]!r}: write cycles on the points 1..n, "
                         "e.g. \"(1,2,3),(1,2)\" (GAP's Group(...) form is also read)")
    generators = []
    for word in re.findall(r"(?:\((?:\d+,)*\d+\))+", body):
        cycles = [[int(p) for p in c.split(",")] for c in re.findall(r"\(([\d,]+)\)", word)]
        points = [p for c in cycles for p in c]
        if min(points) < 1:
            raise InputError(f"generator {word[:60]}: point {min(points)} is not a point; points are numbered 1..n")
        if max(points) > max_points:
            raise InputError(f"generator {word[:60]}: point {max(points)} is beyond the largest point allowed, {max_points}")
        for c in cycles:
            if len(set(c)) != len(c):
                twice = next(p for p in c if c.count(p) > 1)
                raise InputError(f"generator {word[:60]} is not a permutation: the cycle "
                                 f"({','.join(map(str, c))[:40]}) repeats point {twice}")
        perm = Permutation(max(points) - 1)
        for c in cycles:
            perm = perm * Permutation([[p - 1 for p in c]], size=max(points))
        generators.append(perm)
    size = max(g.size for g in generators)
    return PermutationGroup([Permutation(g.array_form + list(range(g.size, size))) for g in generators])


def _unwrap(text):
    """Strip GAP's ``name :=``, ``;``, ``Group( )`` and ``[ ]`` around a list of cycles."""
    text = _ASSIGNMENT.sub("", text).removesuffix(";")
    if text.startswith("Group(") and text.endswith(")"):
        text = text[len("Group("):-1]
    if text.startswith("[") and text.endswith("]"):
        text = text[1:-1]
    return text


def read_generators(value, max_points=MAX_POINTS):
    """``parse_generators`` of the text, or of a file's contents when ``value`` names a file
    (``@FILE`` forces reading a file; files are limited to :data:`MAX_GENERATOR_FILE_BYTES`).

    Examples
    --------
    >>> read_generators("(1,2)(3,4),(1,3)").order()
    8
    """
    path = value[1:] if value.startswith("@") else value
    if value.startswith("@") or ("(" not in value and os.path.isfile(path)):
        return parse_generators(read_text_limited(path, MAX_GENERATOR_FILE_BYTES, "generator file"), max_points)
    return parse_generators(value, max_points)
