"""The hyperrectangle (box) and its distance and kernel matrices.

A box has side lengths ``a = (a_1, ..., a_d)``, each an exact positive number
(int, ``Rational``, a positive SymPy symbol or expression), a finite positive float,
or text such as ``"3/2"`` or ``"a"`` (a name becomes a positive symbol).

**Bit order.** Vertices are numbered ``0 .. 2**d - 1``; bit ``i - 1`` of the number
``v`` is the coordinate bit ``x_i``, so vertex ``v`` sits at
``(a_1 x_1, ..., a_d x_d)``. Subsets ``S`` of ``[d]`` are stored as bit masks the
same way (bit ``i - 1`` set iff ``i`` is in ``S``). On the +-1 cube used by the
``inner`` metric, bit 0 is the sign +1 and bit 1 is -1.

Sides that are provably equal form *blocks*; the box's symmetry group is the
product of the hyperoctahedral groups of the blocks, and the closed-form spectrum
is indexed by how many coordinates of each block a character uses.

Examples
--------
>>> from symrep.geometry.boxes import Hyperrectangle
>>> H = Hyperrectangle([1, 1, 2])
>>> H.d, H.n_vertices, H.vertex(5)
(3, 8, (1, 0, 2))
>>> H.blocks
((1, (1, 2)), (2, (3,)))
>>> H.distance(0, 7, "l1"), H.distance(0, 7, "l2")
(4, sqrt(6))
"""

import math
import numbers

import numpy as np
import sympy

from symrep.errors import InputError, LimitError
from symrep.geometry.expressions import parse_side
from symrep.geometry.kernels import as_kernel
from symrep.geometry.metrics import get_metric

__all__ = ["Hyperrectangle", "MAX_EXACT_MATRIX_DIMENSION", "MAX_NUMERIC_MATRIX_DIMENSION"]

#: Largest d for which exact (SymPy) 2**d x 2**d matrices are built.
MAX_EXACT_MATRIX_DIMENSION = 8
#: Largest d for which dense numpy 2**d x 2**d matrices are built (2 GiB of float64 at 14).
MAX_NUMERIC_MATRIX_DIMENSION = 14


class Hyperrectangle:
    """A d-dimensional box with exact or float side lengths.

    Parameters
    ----------
    sides : sequence
        The side lengths ``a_1, ..., a_d`` (see the module docstring). At least one.

    Attributes
    ----------
    sides : tuple of sympy.Expr
        The validated side lengths (floats are kept as SymPy ``Float``).
    d : int
        The dimension.
    blocks : tuple of (side, coordinates)
        Provably equal sides grouped, in order of first occurrence; coordinates are 1-based.

    Examples
    --------
    >>> import sympy
    >>> a = sympy.Symbol("a", positive=True)
    >>> Hyperrectangle([a, a, 2*a]).blocks
    ((a, (1, 2)), (2*a, (3,)))
    >>> Hyperrectangle([1, -1])
    Traceback (most recent call last):
    ...
    symrep.errors.InputError: side lengths must be positive, got a_2 = -1
    """

    def __init__(self, sides):
        if isinstance(sides, (str, bytes)) or not hasattr(sides, "__iter__"):
            raise InputError(f"sides must be a sequence of side lengths, got {sides!r}")
        sides = tuple(_validate_side(s, i) for i, s in enumerate(sides, start=1))
        if not sides:
            raise InputError("a box needs at least one side; got an empty list of sides")
        self.sides = sides
        self.d = len(sides)
        self.blocks = _group_equal(sides)

    def __repr__(self):
        return f"Hyperrectangle([{', '.join(map(str, self.sides))}])"

    def __eq__(self, other):
        return isinstance(other, Hyperrectangle) and self.sides == other.sides

    def __hash__(self):
        return hash(self.sides)

    @property
    def n_vertices(self):
        """The number of vertices, ``2**d``."""
        return 1 << self.d

    @property
    def is_numeric(self):
        """Whether every side is a number (no symbols)."""
        return all(s.is_number for s in self.sides)

    @property
    def is_exact(self):
        """Whether every side is exact (no floats)."""
        return not any(s.has(sympy.Float) for s in self.sides)

    @property
    def total(self):
        """The sum of the side lengths."""
        return sympy.Add(*self.sides)

    @property
    def multiplicities(self):
        """The block sizes ``m_1, ..., m_k``."""
        return tuple(len(coords) for _, coords in self.blocks)

    def sides_text(self):
        """The sides as short text, runs of equal sides as ``VALUE:COUNT`` (the CLI notation).

        Examples
        --------
        >>> Hyperrectangle([1, 1, 2]).sides_text(), Hyperrectangle([3] * 50).sides_text()
        ('1,1,2', '3:50')
        """
        runs = []
        for a in self.sides:
            if runs and runs[-1][0] == a:
                runs[-1][1] += 1
            else:
                runs.append([a, 1])
        if self.d <= 6:
            return ",".join(str(a) for a in self.sides)
        return ",".join(f"{a}:{n}" if n > 1 else str(a) for a, n in runs)

    def float_sides(self):
        """The sides as a float array (numeric; needs numeric sides)."""
        if not self.is_numeric:
            raise InputError(f"numeric evaluation needs numeric sides, got symbolic sides {self.sides}")
        return np.array([float(s) for s in self.sides])

    def vertex(self, v):
        """Coordinates of vertex number ``v`` (bit ``i - 1`` of ``v`` is ``x_i``)."""
        v = self._vertex_index(v)
        return tuple(a if v >> i & 1 else sympy.Integer(0) for i, a in enumerate(self.sides))

    def vertices(self):
        """All vertices, in vertex-number order."""
        return [self.vertex(v) for v in range(self.n_vertices)]

    def distance(self, u, v, metric="l1", p=None):
        """Exact distance between vertices ``u`` and ``v``, computed from coordinates.

        For ``metric="inner"`` it is the weighted inner product ``sum a_i x_i y_i`` of
        the corresponding +-1 vectors (bit 0 is +1).
        """
        metric = get_metric(metric, p)
        x, y = self.vertex(u), self.vertex(v)
        if metric.name == "inner":
            signs = [(1 - 2 * (self._vertex_index(u) >> i & 1)) * (1 - 2 * (self._vertex_index(v) >> i & 1))
                     for i in range(self.d)]
            return sympy.Add(*[a * s for a, s in zip(self.sides, signs)])
        diffs = [sympy.Abs(xi - yi) for xi, yi in zip(x, y)]
        if metric.name == "l1":
            return sympy.Add(*diffs)
        if metric.name == "l2sq":
            return sympy.Add(*[t**2 for t in diffs])
        if metric.name == "l2":
            return sympy.sqrt(sympy.Add(*[t**2 for t in diffs]))
        return sympy.Add(*[t**metric.p for t in diffs]) ** (1 / metric.p)

    def distance_matrix(self, metric="l1", p=None, numeric=False):
        """The ``2**d x 2**d`` matrix of :meth:`distance` (SymPy, or numpy if ``numeric``).

        The exact matrix is built entry by entry from coordinates, as a slow reference.
        """
        return self.kernel_matrix(None, metric, p, numeric=numeric)

    def kernel_matrix(self, f, metric="l1", p=None, numeric=False):
        """The matrix ``[f(dist(x, y))]`` over all vertex pairs.

        Parameters
        ----------
        f : kernel or None
            Anything :class:`symrep.geometry.kernels.Kernel` accepts; None gives the distance matrix.
        metric : str
            One of ``l1``, ``l2``, ``l2sq``, ``lp`` (with ``p``), ``inner``.
        numeric : bool
            Return a float numpy array instead of an exact SymPy matrix.

        Examples
        --------
        >>> Hyperrectangle([1]).kernel_matrix("exp(-x)")
        Matrix([
        [      1, exp(-1)],
        [exp(-1),       1]])
        """
        metric = get_metric(metric, p)
        kernel = None if f is None else as_kernel(f)
        if numeric:
            self._check_matrix_size(MAX_NUMERIC_MATRIX_DIMENSION, "numeric")
            g = metric.numeric_values(self.float_sides())
            if kernel is not None:
                g = kernel.numeric(g)
            idx = np.arange(self.n_vertices)
            return g[idx[:, None] ^ idx[None, :]]
        self._check_matrix_size(MAX_EXACT_MATRIX_DIMENSION, "exact")
        n = self.n_vertices
        cache = {}

        def entry(u, v):
            dist = self.distance(u, v, metric)
            if kernel is None:
                return dist
            if dist not in cache:
                cache[dist] = kernel(dist)
            return cache[dist]

        return sympy.Matrix(n, n, entry)

    def _check_matrix_size(self, limit, kind):
        if self.d > limit:
            raise LimitError(
                f"a {kind} {self.n_vertices} x {self.n_vertices} matrix for d = {self.d} is refused: "
                f"the limit is d <= {limit}"
            )

    def _vertex_index(self, v):
        if isinstance(v, bool) or not isinstance(v, numbers.Integral) or not 0 <= v < self.n_vertices:
            raise InputError(f"vertex index must be an integer in [0, {self.n_vertices}), got {v!r}")
        return int(v)

    def _latex(self, printer):
        body = r" \times ".join(r"[0, %s]" % printer._print(a) for a in self.sides)
        return body

    def _repr_latex_(self):
        return f"$\\displaystyle {sympy.latex(self)}$"


def _validate_side(value, i):
    name = f"a_{i}"
    if isinstance(value, bool):
        raise InputError(f"side length {name} must be a number, got {value!r}")
    if isinstance(value, str):
        value = parse_side(value)
    elif isinstance(value, complex):
        raise InputError(f"side lengths must be real, got {name} = {value}")
    elif isinstance(value, numbers.Real) and not isinstance(value, numbers.Rational):
        if not math.isfinite(float(value)):
            raise InputError(f"side lengths must be finite, got {name} = {value}")
        value = sympy.Float(float(value))
    elif isinstance(value, numbers.Rational) and not isinstance(value, sympy.Basic):
        value = sympy.Rational(value.numerator, value.denominator)
    if not isinstance(value, sympy.Expr):
        raise InputError(f"side length {name} must be a number or SymPy expression, got {type(value).__name__}")
    if value.has(sympy.nan, sympy.zoo, sympy.oo, -sympy.oo):
        raise InputError(f"side lengths must be finite, got {name} = {value}")
    if value.is_extended_real is False:
        raise InputError(f"side lengths must be real, got {name} = {value}")
    if value.is_positive is False:
        raise InputError(f"side lengths must be positive, got {name} = {value}")
    if value.is_positive is None:
        raise InputError(
            f"cannot prove side length {name} = {value} positive; "
            "declare its symbols with positive=True"
        )
    return value


def _provably_equal(a, b):
    if a == b:
        return True
    diff = sympy.expand(a - b)
    return diff == 0 or diff.is_zero is True


def _group_equal(sides):
    blocks = []
    for i, a in enumerate(sides, start=1):
        for block in blocks:
            if _provably_equal(block[0], a):
                block[1].append(i)
                break
        else:
            blocks.append((a, [i]))
    return tuple((a, tuple(coords)) for a, coords in blocks)
