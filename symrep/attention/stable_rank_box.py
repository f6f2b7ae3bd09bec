"""The exact stable rank of ``f(D)`` on a box, and how it sits inside the seed paper's certified bound.

``f(D)``, for the l1 distance matrix ``D`` of a box's vertices, is a symmetric group matrix of ``Z_2^d`` with
the closed-form eigenvalues ``lambda_S`` of :func:`symrep.spectrum`, so ``srank f(D) = sum_S lambda_S^2 /
max_S lambda_S^2`` exactly (docs/theory.md section 8). :func:`stable_rank_comparison` sets it against the bound
``srank(D)/(L l) <= . <= L l srank(D)`` of :func:`symrep.attention.stable_rank.stable_rank_bound`.

Examples
--------
>>> from symrep.attention.stable_rank_box import box_stable_rank
>>> box_stable_rank("x", [1, 1]).value             # D of the unit square: 1 + (1 + 1)/(1 + 1)^2
3/2
"""

import reprlib
from dataclasses import dataclass
from fractions import Fraction
from itertools import product

import sympy

from symrep.analysis.balls import prove_sign
from symrep.attention.stable_rank import StableRankBound, _approx, stable_rank_bound
from symrep.errors import InputError
from symrep.geometry.boxes import Hyperrectangle
from symrep.geometry.kernels import as_kernel
from symrep.spectra.closed_form import spectrum

__all__ = ["BoxStableRank", "box_stable_rank", "StableRankComparison", "stable_rank_comparison"]


@dataclass(repr=False)
class BoxStableRank:
    """The exact stable rank of ``f(D)`` (``D`` the l1 distance matrix of a box's vertices): ``value =
    frobenius / spectral^2`` with ``frobenius = sum_S lambda_S^2`` and ``spectral = max_S |lambda_S|``."""

    function: str
    sides: tuple
    value: sympy.Expr
    numeric: float
    frobenius: sympy.Expr
    spectral: sympy.Expr
    how: str

    def __str__(self):
        number = "" if self.numeric is None else f" = {self.numeric:.10g}"
        return (f"srank f(D) for f(x) = {self.function} on the box with sides "
                f"{', '.join(map(str, self.sides))}: {sympy.sstr(self.value)}{number}\n"
                f"  |f(D)|_F^2 = {sympy.sstr(self.frobenius)}\n  |f(D)|_2 = {sympy.sstr(self.spectral)} ({self.how})")

    def __repr__(self):
        value = f"{self.numeric:.10g}" if self.numeric is not None else reprlib.repr(sympy.sstr(self.value))
        return f"BoxStableRank({reprlib.repr(self.function)}, d={len(self.sides)}, srank={value})"

    def latex(self):
        """One line of LaTeX (math mode): ``srank f(D) = value``."""
        return f"$\\operatorname{{srank}} f(D) = {sympy.latex(self.value)}$"

    def _repr_latex_(self):
        return self.latex()


def box_stable_rank(f, sides, *, off_diagonal=False):
    """The exact stable rank of ``f(D)`` for the l1 distance matrix ``D`` of a box, from its spectrum.

    ``f(D)`` is a symmetric group matrix of ``Z_2^d`` with eigenvalues ``lambda_S``, so ``|f(D)|_F^2 =
    sum_S lambda_S^2`` and ``|f(D)|_2 = max_S |lambda_S|``. When every entry ``f(a_T)`` is proved
    nonnegative (by SymPy's assumptions, or in ball arithmetic), that maximum is the Perron root
    ``lambda_{}`` (the all-ones eigenvector; every other ``|lambda_S|`` is at most the row sum), also with
    symbolic sides; otherwise the sides must be numeric and the eigenvalues are compared exactly.

    Parameters
    ----------
    f : str, sympy.Expr or kernel
        The function (text is parsed, never executed).
    sides : sequence
        The box's sides (numbers, or names for positive symbols).
    off_diagonal : bool
        Apply ``f`` off the diagonal only (the diagonal is 0): ``f(D) - f(0) I``, eigenvalues
        ``lambda_S - f(0)``.

    Returns
    -------
    BoxStableRank

    Raises
    ------
    InputError
        Bad sides or kernel; symbolic sides where an entry of ``f(D)`` is not proved nonnegative; ``f(D)``
        the zero matrix; or two eigenvalues whose absolute values cannot be ordered.

    Examples
    --------
    >>> r = box_stable_rank("exp(-x)", [1, 2])
    >>> round(r.numeric, 6)
    1.917444
    >>> import sympy
    >>> a = sympy.Symbol("a", positive=True)
    >>> box_stable_rank("x", [a, a, a]).value         # srank D = 1 + sum a_i^2 / (sum a_i)^2
    4/3
    """
    box = sides if isinstance(sides, Hyperrectangle) else Hyperrectangle(sides)
    kernel = as_kernel(f)
    shift = kernel(0) if off_diagonal else 0
    values = [(e.value - shift, e.multiplicity, any(not any(s) for s, _ in e.pieces)) for e in spectrum(box, kernel)]
    frobenius = sympy.Add(*[m * v**2 for v, m, _ in values])
    distances = {sum(t * b for (b, _), t in zip(box.blocks, ts))
                 for ts in product(*[range(len(cs) + 1) for _, cs in box.blocks])}
    entries = [kernel(dist) for dist in distances if not (off_diagonal and dist == 0)]
    if all(_nonnegative(v) for v in entries):
        spectral, how = next(v for v, _, empty in values if empty), "the Perron root lambda_{}: every entry is >= 0"
    elif not any(v.free_symbols for v, _, _ in values):
        spectral, how = _largest(values), "the largest |lambda_S|, compared exactly"
    else:
        raise InputError(f"with symbolic sides, |f(D)|_2 is the Perron root lambda_{{}} only when every entry "
                         f"f(a_T) is proved >= 0, which SymPy cannot do for f = {kernel.text}; give numeric sides")
    if spectral == 0:
        raise InputError(f"f(D) is the zero matrix for f = {kernel.text}: its stable rank is undefined")
    value = frobenius / spectral**2
    free = sorted(value.free_symbols, key=str)
    simpler = sympy.cancel(value) if free and value.is_rational_function(*free) else value
    numeric = None if value.free_symbols else float(sympy.N(value, 30))
    spectral = spectral if spectral.free_symbols else abs(spectral)
    return BoxStableRank(kernel.text, box.sides, simpler, numeric, frobenius, spectral, how)


def _nonnegative(value):
    if value == 0 or value.is_nonnegative:
        return True
    if value.free_symbols:
        return False
    proof = prove_sign(value, max_precision=1024)
    return proof is not None and proof.sign > 0


def _largest(values):
    best = values[0][0]
    for v, _, _ in values[1:]:
        gap = sympy.expand(v**2 - best**2)
        if gap == 0:
            continue
        proof = prove_sign(gap, max_precision=4096)
        if proof is None:
            if sympy.simplify(gap) == 0:
                continue
            raise InputError(f"cannot decide which of |{v}| and |{best}| is larger")
        if proof.sign > 0:
            best = v
    return best


@dataclass
class StableRankComparison:
    """``srank(M)`` against the certified bound ``[srank(D)/(L l), L l srank(D)]`` on a numeric box.

    ``M = f(D) - f(0) I`` (``f`` applied off the diagonal, whose entries are 0 in ``D``); when ``f(0) = 0``
    this is ``f(D)`` itself, and the bound's certificate covers the entry 0 (``{0} U [lo, hi]``).
    """

    function: str
    sides: tuple
    distance: BoxStableRank
    transformed: BoxStableRank
    bound: StableRankBound
    lower: sympy.Expr
    upper: sympy.Expr

    @property
    def holds(self):
        """Whether ``lower <= srank(M) <= upper`` (proved in ball arithmetic; the theorem says it must)."""
        return all(_nonnegative(sympy.sympify(d)) for d in (self.transformed.value - self.lower,
                                                             self.upper - self.transformed.value))

    @property
    def slack(self):
        """How far each side of the bound is from the truth: ``(srank(M)/lower, upper/srank(M))``, both >= 1."""
        m = self.transformed.numeric
        return m / float(self.lower), float(self.upper) / m

    def __str__(self):
        name = "f(D)" if self.bound.zero else "f(D) - f(0) I (f off the diagonal)"
        low, high = self.slack
        return (f"f(x) = {self.function} on the box with sides {', '.join(map(str, self.sides))}: off the diagonal, "
                f"the entries of D lie in [{self.bound.lo}, {self.bound.hi}]\n"
                f"  srank D = {sympy.sstr(self.distance.value)} = {self.distance.numeric:.6g}\n"
                f"  certified l = {self.bound.l}, L = {self.bound.L}, L l = {_approx(self.bound.factor):.6g}\n"
                f"  bound: {float(self.lower):.6g} <= srank {name} <= {float(self.upper):.6g}\n"
                f"  exact: srank {name} = {self.transformed.numeric:.6g} "
                f"({'inside' if self.holds else 'OUTSIDE'} the bound; {low:.3g}x above the lower end, "
                f"{high:.3g}x below the upper end)")


def stable_rank_comparison(f, sides, *, budget=None):
    """Compare the exact ``srank(f(D))`` on a numeric box with the seed paper's certified bound.

    The entries of the l1 distance matrix ``D`` are 0 on the diagonal and lie in ``[min a_i, sum a_i]``
    elsewhere. The theorem needs ``x/sqrt(l) <= f(x) <= sqrt(L) x`` at every entry, so at ``x = 0`` it needs
    ``f(0) = 0``. When ``f(0) = 0`` the bound is certified on ``{0} U [min a_i, sum a_i]`` and applies to
    ``f(D)``; otherwise it is certified on ``[min a_i, sum a_i]`` and applies to ``M = f(D) - f(0) I``, the
    matrix of ``f`` off the diagonal (entry 0 kept 0).

    Examples
    --------
    >>> c = stable_rank_comparison("sqrt(x)", [1, 2, 3])
    >>> c.holds, c.bound.certificate["domain"]
    (True, '{0} U [1, 6]')
    >>> print(c)                                    # doctest: +ELLIPSIS
    f(x) = sqrt(x) on the box with sides 1, 2, 3: ...
      srank D = 25/18 = 1.38889
    ...
    """
    box = sides if isinstance(sides, Hyperrectangle) else Hyperrectangle(sides)
    if any(not s.is_Rational for s in box.sides):
        raise InputError(f"the comparison needs exact numeric sides, got {box.sides_text()}")
    if box.d < 2:
        raise InputError("a box of dimension 1 has a single distance; the range [lo, hi] of the bound needs d >= 2")
    kernel = as_kernel(f)
    at0 = kernel(0)
    zero = sympy.simplify(at0) == 0
    lo, hi = min(box.sides), sympy.Add(*box.sides)
    bound = stable_rank_bound(kernel.expr, Fraction(int(lo.p), int(lo.q)), Fraction(int(hi.p), int(hi.q)),
                              zero=zero, budget=budget)
    distance = box_stable_rank("x", box)
    transformed = box_stable_rank(kernel, box, off_diagonal=not zero)
    factor = sympy.Rational(bound.factor.numerator, bound.factor.denominator)
    return StableRankComparison(kernel.text, box.sides, distance, transformed, bound,
                                distance.value / factor, distance.value * factor)
