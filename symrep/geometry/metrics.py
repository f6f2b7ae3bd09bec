"""Separable distances on the vertices of a box.

Every distance symrep handles depends only on the set ``T`` of coordinates where
two vertices differ, and has the form ``outer(sum_{i in T} w(a_i))``:

========  ==============  ==========================  =============================
name      weight w(a)     outer(s)                    distance
========  ==============  ==========================  =============================
l1        a               s                           Manhattan, ``a_T``
l2sq      a**2            s                           squared Euclidean
l2        a**2            sqrt(s)                     Euclidean
lp        a**p            s**(1/p)                    l_p, any p > 0
inner     a               A - 2 s  (A = sum of a)     weighted inner product on the
                                                      +-1 cube: sum_i a_i x_i y_i
========  ==============  ==========================  =============================

``inner`` is not a distance: it is the weighted inner product of the +-1 cube
(vertex bit 0 is +1, bit 1 is -1), so ``x_i y_i = -1`` exactly on ``T``. It is
listed here because the kernel matrix ``f(<x, y>_a)`` is a group matrix of the
same kind and used for rank questions.

Examples
--------
>>> import sympy
>>> from symrep.geometry.metrics import get_metric
>>> m = get_metric("l2")
>>> m.block_value([(3, 1), (4, 1)], total=7)
5
>>> get_metric("lp", p=sympy.Rational(1, 2)).block_value([(1, 1), (4, 1)], total=5)
9
"""

import math

import numpy as np
import sympy

from symrep.errors import InputError

__all__ = ["Metric", "METRIC_NAMES", "get_metric"]

METRIC_NAMES = ("l1", "l2", "l2sq", "lp", "inner")


class Metric:
    """A separable distance ``outer(sum_{i in T} w(a_i))`` (see the module table).

    Use :func:`get_metric` to make one.
    """

    def __init__(self, name, p=None):
        self.name = name
        self.p = p

    def __repr__(self):
        return f"Metric({self.name!r})" if self.p is None else f"Metric({self.name!r}, p={self.p})"

    def __eq__(self, other):
        return isinstance(other, Metric) and (self.name, self.p) == (other.name, other.p)

    def __hash__(self):
        return hash((self.name, self.p))

    @property
    def label(self):
        """Short text naming the metric, e.g. ``l1`` or ``lp(p=3/2)``."""
        return self.name if self.p is None else f"lp(p={self.p})"

    @property
    def is_distance(self):
        """Whether the value is a distance (every name except ``inner``)."""
        return self.name != "inner"

    def weight(self, a):
        """The weight ``w(a)`` of one coordinate of side ``a`` (exact)."""
        if self.name in ("l1", "inner"):
            return a
        if self.name in ("l2", "l2sq"):
            return a**2
        return a**self.p

    def outer(self, s, total):
        """The value for weight sum ``s``; ``total`` is the sum of all sides."""
        if self.name in ("l1", "l2sq"):
            return s
        if self.name == "l2":
            return sympy.sqrt(s)
        if self.name == "lp":
            return s ** (1 / self.p)
        return total - 2 * s

    def block_value(self, parts, total):
        """Exact value for a difference set given as ``(side, count)`` pairs.

        ``parts`` lists, for each distinct side ``b``, how many coordinates of
        that side lie in ``T``. ``total`` is the sum of all side lengths.
        """
        return self.outer(sympy.Add(*[t * self.weight(b) for b, t in parts]), total)

    def numeric_values(self, sides):
        """All ``2**d`` values as a float array indexed by the difference mask ``z``.

        Bit ``i - 1`` of ``z`` says whether coordinate ``i`` differs. Built by
        doubling, ``O(2**d)`` time and memory.
        """
        sides = np.asarray(sides, dtype=float)
        weights = sides if self.name in ("l1", "inner") else sides ** (2.0 if self.p is None else float(self.p))
        s = np.zeros(1 << len(sides))
        for i, w in enumerate(weights):
            half = 1 << i
            np.add(s[:half], w, out=s[half : 2 * half])
        if self.name in ("l1", "l2sq"):
            return s
        if self.name == "l2":
            return np.sqrt(s, out=s)
        if self.name == "lp":
            return np.power(s, 1.0 / float(self.p), out=s)
        return sides.sum() - 2.0 * s


def get_metric(name, p=None):
    """Return the :class:`Metric` called ``name`` (one of :data:`METRIC_NAMES`).

    Parameters
    ----------
    name : str or Metric
        ``l1``, ``l2``, ``l2sq``, ``lp`` (then ``p`` is required) or ``inner``.
    p : number, optional
        The exponent of ``lp``: a positive real number (kept exact).

    Returns
    -------
    Metric
        ``lp`` with ``p = 1`` or ``p = 2`` is returned as ``l1`` or ``l2``.

    Raises
    ------
    InputError
        For an unknown name, an exponent given to a metric that takes none, or a missing or bad ``p``.

    Examples
    --------
    >>> get_metric("lp", p="3/2")
    Metric('lp', p=3/2)
    >>> get_metric("lp", p=1)
    Metric('l1')
    """
    if isinstance(name, Metric):
        return name
    if name not in METRIC_NAMES:
        raise InputError(f"unknown metric {name!r}; choose one of {', '.join(METRIC_NAMES)}")
    if name != "lp":
        if p is not None:
            raise InputError(f"metric {name!r} takes no exponent p, got p = {p}")
        return Metric(name)
    if p is None:
        raise InputError("metric 'lp' needs an exponent p > 0")
    p = _exact_positive(p, "p")
    if p == 1:
        return Metric("l1")
    if p == 2:
        return Metric("l2")
    return Metric("lp", p)


def _exact_positive(value, what):
    from symrep.geometry.expressions import parse_expression  # local: metrics is imported by expressions' users

    if isinstance(value, str):
        value = parse_expression(value, variables=())
    elif isinstance(value, float) and math.isfinite(value):
        value = sympy.Rational(repr(value))  # the decimal the user wrote: 1.5 -> 3/2
    try:
        value = sympy.sympify(value, strict=True)
    except (sympy.SympifyError, TypeError):
        raise InputError(f"{what} must be a number, got {value!r}") from None
    if not value.is_number or value.is_extended_real is not True or not value.is_finite:
        raise InputError(f"{what} must be a finite real number, got {what} = {value}")
    if not value.is_positive:
        raise InputError(f"{what} must be positive, got {what} = {value}")
    return value
