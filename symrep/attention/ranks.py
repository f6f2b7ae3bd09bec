"""The symbolic side of fast attention: rank bounds, exact ranks on the ±1 cube, tensor flattenings.

On the inner-product cube (rows of Q and K all of {±1}^d), ``f(QK^T)`` is a group matrix of
``Z_2^d``: its eigenvalues are the ``lambda_S`` of :func:`symrep.spectrum` with metric ``inner``, one
value per level ``|S| = s`` with multiplicity ``C(d, s)``, so the rank is the number of ``S`` with
``lambda_S != 0``. Each level is decided exactly: zero by exact simplification, nonzero by a sign
proved in ball arithmetic; a level that is neither is reported undecided (never guessed). The
third-order flattening ``[f(sum_k x_k y_k w_k)]`` (rows x, columns (y, w)) has the same rank, since
its entries depend on ``x ⊙ y ⊙ w`` only (docs/theory.md section 7).

Examples
--------
>>> from symrep.attention.ranks import cube_rank, polynomial_rank_certificate
>>> cube_rank("1 + x + x^2/2", 4).rank        # degree 2: levels |S| <= 2 survive: 1 + 4 + 6
11
>>> cube_rank("exp(x/4)", 4).rank             # exp: full rank 2^4
16
>>> cube_rank("1 + x + x^2/2", 4).certificate()["data"]["levels"]
['nonzero', 'nonzero', 'nonzero', 'zero', 'zero']
>>> polynomial_rank_certificate(3).certificate["data"]["rank_bound"]
'binomial(d + 3, 3)'
"""

import reprlib
from dataclasses import dataclass
from math import comb

import numpy as np
import sympy
from sympy.core.function import AppliedUndef

from symrep.analysis.balls import prove_sign
from symrep.errors import LimitError
from symrep.spectra.closed_form import spectrum

__all__ = ["CubeRank", "cube_rank", "taylor_polynomial", "polynomial_rank_certificate", "flattening_matrix",
           "MAX_CUBE_DIMENSION"]

#: Largest d for the exact cube rank (one exact eigenvalue per level; the levels are d + 1).
MAX_CUBE_DIMENSION = 64


@dataclass(repr=False)
class CubeRank:
    """Exact rank of ``f(QK^T)`` on the ±1 cube, level by level (the answer of :func:`cube_rank`).

    Attributes
    ----------
    function : str
        ``f`` as text.
    d : int
        The dimension of the cube.
    levels : list of (sympy.Expr, str)
        ``levels[s] = (lambda, status)`` for the eigenvalue of the ``C(d, s)`` sets ``|S| = s``, with status
        ``"zero"``, ``"nonzero"`` or ``"undecided"``.
    rank : int
        The number of ``S`` with ``lambda_S`` proved nonzero (a lower bound while a level is undecided).
    decided : bool
        Whether every level is proved zero or nonzero.

    Examples
    --------
    >>> r = cube_rank("x^3", 5)
    >>> r
    CubeRank('x**3', d=5, rank=15)
    >>> [status for _, status in r.levels]
    ['zero', 'nonzero', 'zero', 'nonzero', 'zero', 'zero']
    """

    function: str
    d: int
    levels: list

    @property
    def rank(self):
        """Number of S with lambda_S proved nonzero (a lower bound if a level is undecided)."""
        return sum(comb(self.d, s) for s, (_, status) in enumerate(self.levels) if status == "nonzero")

    @property
    def decided(self):
        """Whether every level is proved zero or nonzero."""
        return all(status != "undecided" for _, status in self.levels)

    def certificate(self):
        """A ``cube-rank`` certificate (checked by :func:`symrep.certificates.check` before it is returned),
        or None while a level is undecided."""
        from symrep.certificates import DOMAINS, FORMAT, RANK_CLAIM, VERSION, check
        from symrep.analysis.verdicts import Certificate

        if not self.decided:
            return None
        cert = Certificate({
            "format": FORMAT, "version": VERSION, "claim": RANK_CLAIM, "domain": DOMAINS[RANK_CLAIM],
            "function": self.function,
            "verdict": "holds", "method": "cube-spectrum",
            "rests_on": "f(QK^T) over all of {+-1}^d is a group matrix of Z_2^d: its eigenvalues are lambda_S, "
                        "one per level |S| = s with multiplicity C(d, s) (docs/theory.md section 6); the third-order "
                        "flattening f(sum_k x_k y_k w_k) has the same rank (docs/theory.md section 7)",
            "data": {"d": self.d, "rank": self.rank, "levels": [status for _, status in self.levels]},
            "reason": f"rank f(QK^T) = {self.rank} on the +-1 cube of dimension {self.d}"})
        check(cert)
        return cert

    def __str__(self):
        lines = [f"rank of f(QK^T) on the +-1 cube, f(x) = {self.function}, d = {self.d}: {self.rank}"
                 + ("" if self.decided else " (at least; some levels undecided)")]
        lines += [f"  |S| = {s}: multiplicity {comb(self.d, s)}, {status}, lambda = {sympy.sstr(value)}"
                  for s, (value, status) in enumerate(self.levels)]
        return "\n".join(lines)

    def __repr__(self):
        undecided = sum(status == "undecided" for _, status in self.levels)
        rank = f"rank={self.rank}" if not undecided else f"rank>={self.rank}, undecided levels: {undecided}"
        return f"CubeRank({reprlib.repr(self.function)}, d={self.d}, {rank})"

    def _repr_latex_(self):
        from symrep.analysis.verdicts import _latex_function

        relation = "=" if self.decided else r"\ge"
        return (f"$\\operatorname{{rank}} f(QK^\\top) {relation} {self.rank} \\text{{ on }} "
                f"\\{{\\pm 1\\}}^{{{self.d}}},\\ f(x) = {_latex_function(self.function)}$")


def cube_rank(f, d):
    """Exact rank of ``f(QK^T)`` over all ``2^d`` points of {±1}^d, level by level.

    The eigenvalue of level ``s`` (shared by the ``C(d, s)`` sets ``|S| = s``) is the exact ``lambda_S`` of
    :func:`symrep.spectrum` with metric ``inner``; it is zero when it simplifies to 0, nonzero when ball
    arithmetic proves its sign, and undecided otherwise (never guessed).

    Parameters
    ----------
    f : str or sympy.Expr
        The function (text is parsed, never executed).
    d : int
        The dimension, 1 to :data:`MAX_CUBE_DIMENSION`.

    Returns
    -------
    CubeRank
        The levels and their statuses; :meth:`CubeRank.certificate` gives a checked ``cube-rank``
        certificate once every level is decided.

    Raises
    ------
    LimitError
        ``d`` not an integer in ``1..MAX_CUBE_DIMENSION``.
    InputError
        ``f`` is not a kernel symrep reads (:class:`ParseError` for text outside the grammar), or is undefined
        at an inner product ``-d, -d + 2, ..., d``.

    Examples
    --------
    >>> cube_rank("exp(x)", 3).rank
    8
    >>> cube_rank("x^2", 3)
    CubeRank('x**2', d=3, rank=4)
    """
    if not (isinstance(d, int) and 1 <= d <= MAX_CUBE_DIMENSION):
        raise LimitError(f"d must be an integer in 1..{MAX_CUBE_DIMENSION}, got {d!r}")
    spec = spectrum([1] * d, f, "inner", merge=False)
    levels = []
    for e in spec:
        formal = e.value.free_symbols or e.value.atoms(AppliedUndef)  # parameters, or f(x) left undefined
        value = e.value if formal else sympy.simplify(e.value)
        if value == 0:
            levels.append((value, "zero"))
        else:
            proof = prove_sign(value) if not formal else None
            levels.append((value, "nonzero" if proof is not None else "undecided"))
    return CubeRank(spec.kernel.text, d, levels)


def taylor_polynomial(g, scale=1):
    """``sum_{j <= g} (scale x)^j / j!`` as exact SymPy (the polynomial the fast path uses)."""
    x = sympy.Symbol("x", real=True)
    scale = sympy.nsimplify(scale) if not isinstance(scale, sympy.Basic) else scale
    return sum((scale * x) ** j / sympy.factorial(j) for j in range(g + 1)).expand()


def polynomial_rank_certificate(g, scale=1):
    """The ``low-rank`` certificate of the degree-g Taylor polynomial: rank <= C(d + g, g) for every n."""
    from symrep.analysis.verdicts import certify

    return certify(taylor_polynomial(g, scale), "low-rank")


def flattening_matrix(f, d):
    """The numeric ``2^d x 4^d`` flattening ``[f(sum_k x_k y_k w_k)]`` over the ±1 cube (small d;
    a cross-check of the rank claim by a dense computation)."""
    if d > 6:
        raise LimitError(f"the dense flattening has 2^d x 4^d entries; d <= 6 allowed, got {d}")
    from symrep.geometry.kernels import Kernel

    kernel = Kernel(f)
    points = np.array([[1 - 2 * ((v >> k) & 1) for k in range(d)] for v in range(1 << d)], dtype=float)
    triple = np.einsum("ik,jk,lk->ijl", points, points, points)  # sum_k x_k y_k w_k
    return kernel.numeric(triple.reshape(1 << d, -1))
