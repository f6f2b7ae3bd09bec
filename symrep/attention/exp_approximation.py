"""Polynomials that replace ``exp`` on ``[-R, R]``, with a proved bound on their *relative* error.

Softmax only sees ratios of weights, so what matters is the relative error
``eps(s) = P(s) e^(-s) - 1`` of a polynomial ``P`` on the logit range ``[-R, R]``. If every weight of a
row is perturbed to ``e^(s_j) (1 + eps_j)`` with ``lo <= eps_j <= hi``, the new attention row moves from
the old one by at most

    sum_j |p_j - w_j| = sum_j w_j |eps_j - mean_w(eps)| / (1 + mean_w(eps)) <= (hi - lo) / (2 (1 + lo))

in L1 (a mean absolute deviation is at most half the range), so every output entry moves by at most
that times ``max|V|``. This is the ``error_bound`` of :class:`ExpApproximant`. It is tight for its class:
a row with half of its weight on a logit where ``eps`` peaks and half where it bottoms out, and ``V = I``,
reaches ``(max eps - min eps) / (2 (1 + mean))``.

``P`` is fitted to minimise the relative error (Lawson's iteratively reweighted least squares in the
Chebyshev basis), converted exactly to monomial coefficients, and rounded to floats; the bound is then
*proved* for those float coefficients, in ball arithmetic (python-flint ``arb``), by the mean-value form
``eps(s) in eps(m) + [-h/2, h/2] * eps'(I)`` on a Chebyshev-spaced partition of ``[-R, R]``, where
``eps'(s) = e^(-s) (P'(s) - P(s))`` is small because ``exp' = exp``. Floating-point evaluation of the
features adds rounding on top, which the benchmark measures.

Examples
--------
>>> from symrep.attention.exp_approximation import exp_approximant
>>> P = exp_approximant(0.5, 1e-6)
>>> P.degree, P.error_bound <= 1e-6
(5, True)
>>> exp_approximant(0.5, 1e-6, family="taylor").degree  # the truncated Taylor series needs more
7
"""

import math
from dataclasses import dataclass
from fractions import Fraction
from functools import lru_cache

import numpy as np
from flint import arb, ctx, fmpq, fmpq_poly

from symrep.errors import InputError, LimitError

__all__ = ["ExpApproximant", "exp_approximant", "predicted_degree", "is_known", "fit_exp", "prove_relative_error", "round_radius_up",
           "MAX_DEGREE"]

#: Largest degree tried before the polynomial method is declared out of reach.
MAX_DEGREE = 80
_PRECISION = 160  # bits for the ball arithmetic of the proof
_FAMILIES = ("minimax", "taylor")


@dataclass(frozen=True)
class ExpApproximant:
    """A polynomial ``P(s) = sum_j coefficients[j] s^j`` with ``lo <= P(s) e^(-s) - 1 <= hi`` on ``[-R, R]``.

    ``lo`` and ``hi`` are proved bounds (ball arithmetic) for the float coefficients as stored;
    ``error_bound = (hi - lo) / (2 (1 + lo))`` bounds the L1 change of every attention row, hence the
    output error relative to ``max|V|`` (rounded up).
    """

    radius: float
    degree: int
    coefficients: tuple
    lo: float
    hi: float
    family: str = "minimax"

    @property
    def error_bound(self):
        if not self.lo > -1:  # a weight may vanish or turn negative: no bound
            return math.inf
        return _up(_up(self.hi - self.lo) / 2 / _down(1 + self.lo))

    @property
    def weight_bound(self):
        """The largest relative error of a single weight, ``max(|lo|, |hi|)``."""
        return max(-self.lo, self.hi)

    def __call__(self, s):
        """``P(s)`` in floating point (Horner), for numpy arrays or scalars."""
        out = np.zeros_like(np.asarray(s, dtype=np.float64))
        for c in reversed(self.coefficients):
            out = out * s + c
        return out


def _up(value):
    return math.nextafter(float(value), math.inf)


def _down(value):
    return math.nextafter(float(value), -math.inf)


def round_radius_up(radius):
    """``radius`` rounded up to 8 significant bits (so nearby inputs share one cached approximant).

    >>> round_radius_up(0.3) >= 0.3, round_radius_up(0.5)
    (True, 0.5)
    """
    radius = float(radius)
    if not (math.isfinite(radius) and radius >= 0):
        raise InputError(f"the logit bound must be a finite number >= 0, got {radius!r}")
    if radius == 0:
        return 0.0
    mantissa, exponent = math.frexp(radius)
    return math.ldexp(math.ceil(mantissa * 256), exponent - 8)


# --- fitting ----------------------------------------------------------------------------------

@lru_cache(maxsize=512)
def fit_exp(radius, degree, family="minimax"):
    """Float monomial coefficients of a degree-``degree`` polynomial close to ``exp`` on ``[-R, R]``.

    ``family="taylor"`` is the truncated Taylor series; ``"minimax"`` minimises the largest relative
    error ``|P(s) e^(-s) - 1|`` (Lawson's algorithm on Chebyshev points, 30 sweeps), then converts the
    Chebyshev coefficients to monomial ones exactly and rounds each once.

    >>> [round(c, 6) for c in fit_exp(1.0, 2)]
    [1.027034, 1.113869, 0.469329]
    """
    if family == "taylor" or radius == 0:
        return tuple(1.0 / math.factorial(j) for j in range(degree + 1))
    points = radius * np.cos(np.pi * (np.arange(20 * (degree + 1)) + 0.5) / (20 * (degree + 1)))
    basis = np.polynomial.chebyshev.chebvander(points / radius, degree) * np.exp(-points)[:, None]
    weights = np.full(points.size, 1.0 / points.size)
    coefficients = None
    for _ in range(30):
        root = np.sqrt(weights)
        coefficients = np.linalg.lstsq(basis * root[:, None], root, rcond=None)[0]
        residual = np.abs(basis @ coefficients - 1)
        weights = weights * residual
        total = weights.sum()
        if not total > 0:
            break
        weights /= total
    return _chebyshev_to_monomial(coefficients, Fraction(radius))


def _chebyshev_to_monomial(chebyshev, radius):
    """Exact conversion of ``sum_k a_k T_k(s / R)`` to ``sum_j c_j s^j``, each c_j rounded to a float."""
    exact = [Fraction(0)] * len(chebyshev)
    before, current = None, [1]  # integer coefficients of T_(k-1), T_k in u = s / R
    for k, a in enumerate(chebyshev):
        for i, c in enumerate(current):
            exact[i] += Fraction(a) * c
        following = [0] + [2 * c for c in current] if k else [0, 1]
        if k:
            for i, c in enumerate(before):
                following[i] -= c
        before, current = current, following
    return tuple(float(c / radius**j) for j, c in enumerate(exact))


# --- the proof --------------------------------------------------------------------------------

def _partition(radius, pieces):
    """Chebyshev-spaced floats from -R to R (exact endpoints; shared, so the pieces cover exactly)."""
    inner = sorted({float(-radius * math.cos(math.pi * k / pieces)) for k in range(1, pieces)})
    return [-radius] + [x for x in inner if -radius < x < radius] + [radius]


def prove_relative_error(coefficients, radius, pieces=None):
    """Proved ``(lo, hi)`` with ``lo <= P(s) e^(-s) - 1 <= hi`` for every ``s`` in ``[-R, R]`` (floats).

    On each piece ``[m - h, m + h]`` of a Chebyshev-spaced partition, with ``G = P - P'``,
    ``eps(m + t) = eps(m) - e^(-m) int_0^t e^(-u) G(m + u) du``, and ``|G(m + u)| <= sum_j |g_j| |u|^j``
    where ``g_j`` are the exact (rational) Taylor coefficients of ``G`` at ``m``: they are small because
    ``exp' = exp``, so the bound does not suffer the cancellation an interval Horner scheme would.

    >>> lo, hi = prove_relative_error((1.0, 1.0), 0.25)
    >>> lo <= math.exp(0.25) * 0.75 - 1 <= hi, -0.04 < lo, 0 <= hi < 1e-4
    (True, True, True)
    """
    degree = len(coefficients) - 1
    P = fmpq_poly([fmpq(*float(c).as_integer_ratio()) for c in coefficients])
    points = _partition(radius, pieces or 16 * (degree + 2))
    old = ctx.prec
    ctx.prec = _PRECISION
    try:
        lo, hi = math.inf, -math.inf
        ends = [fmpq(*x.as_integer_ratio()) for x in points]
        for a, b in zip(ends, ends[1:]):
            m, h = (a + b) / 2, (b - a) / 2
            shifted = P(fmpq_poly([m, 1]))
            gap = shifted - shifted.derivative()  # G(m + t) as a polynomial in t
            integral = sum((abs(g) * h ** (j + 1) / (j + 1) for j, g in enumerate(gap.coeffs())), fmpq(0))
            decay = (-arb(m)).exp()
            value = arb(shifted(0)) * decay - 1
            enclosure = value + arb(0, 1) * decay * arb(h).exp() * arb(integral)
            lo = min(lo, _down(enclosure.lower()))
            hi = max(hi, _up(enclosure.upper()))
    finally:
        ctx.prec = old
    return lo, hi


@lru_cache(maxsize=256)
def _proved(radius, degree, family):
    coefficients = fit_exp(radius, degree, family)
    lo, hi = prove_relative_error(coefficients, radius)
    return ExpApproximant(radius, degree, coefficients, lo, hi, family)


def _estimate(radius, degree, family):
    """The error bound a float evaluation predicts (a guide for the search; not a proof)."""
    coefficients = fit_exp(radius, degree, family)
    s = np.linspace(-radius, radius, 64 * (degree + 2))
    relative = np.polynomial.polynomial.polyval(s, coefficients) * np.exp(-s) - 1
    lo, hi = relative.min(), relative.max()
    return (hi - lo) / 2 / (1 + lo) if lo > -1 else math.inf


def predicted_degree(radius, eps):
    """The degree :func:`exp_approximant` will find, from the asymptotic minimax error
    ``2 (R/2)^(g+1) / (g+1)!`` (a guide for cost models; not a proof).

    >>> predicted_degree(0.5, 1e-6), exp_approximant(0.5, 1e-6).degree
    (5, 5)
    """
    half, term = float(radius) / 2, 2.0
    for degree in range(MAX_DEGREE + 1):
        term *= half / (degree + 1)
        if term <= eps:
            return degree
    return MAX_DEGREE + 1


def is_known(radius, eps, family="minimax"):
    """Whether :func:`exp_approximant` has this answer at hand (no search needed)."""
    return (round_radius_up(radius), float(eps), family) in _FOUND


_FOUND = {}


def exp_approximant(radius, eps, *, family="minimax"):
    """The lowest-degree approximant of ``exp`` on ``[-R, R]`` whose *proved* ``error_bound`` is ``<= eps``.

    ``radius`` is rounded up to 8 significant bits first (the proof then covers the given range).
    Raises :class:`~symrep.errors.LimitError` when no degree up to ``MAX_DEGREE`` reaches ``eps``.

    >>> P = exp_approximant(2.0, 1e-9)
    >>> P.degree, P.error_bound <= 1e-9 < exp_approximant(2.0, 1e-9).error_bound * 10
    (12, True)
    """
    if isinstance(eps, bool) or not (isinstance(eps, (int, float)) and 0 < eps < 1):
        raise InputError(f"eps must be a number in (0, 1), got {eps!r}")
    if family not in _FAMILIES:
        raise InputError(f"family must be one of {', '.join(_FAMILIES)}, got {family!r}")
    key = (round_radius_up(radius), float(eps), family)
    if key not in _FOUND:
        if len(_FOUND) > 1024:
            _FOUND.clear()
        _FOUND[key] = _search(*key)
    return _FOUND[key]


def _search(radius, eps, family):
    # Start near the predicted degree; the float estimate decreases with the degree, so stepping down
    # while the degree below still estimates <= eps finds the first degree whose estimate meets eps.
    degree = max(0, min(MAX_DEGREE, predicted_degree(radius, eps)) - 1) if family == "minimax" else 0
    while degree > 0 and _estimate(radius, degree - 1, family) <= eps:
        degree -= 1
    best, stalled = math.inf, 0
    while degree <= MAX_DEGREE:
        estimate = _estimate(radius, degree, family)
        if estimate <= eps:
            break
        best, stalled = min(best, estimate), (stalled + 1 if estimate >= best / 2 else 0)
        if stalled >= 4 and degree > 2 * radius + 4:  # past the hump, rounding has stopped the progress
            degree = MAX_DEGREE + 1
            break
        degree += 1
    # The estimate samples the relative error, so it is below the proved bound of the same degree: the
    # degree below this one cannot prove eps (tests/test_attention.py checks that with the proof itself).
    while degree <= MAX_DEGREE:
        candidate = _proved(radius, degree, family)
        if candidate.error_bound <= eps:
            return candidate
        degree += 1
    raise LimitError(f"no polynomial of degree <= {MAX_DEGREE} approximates exp on [-{radius:.4g}, {radius:.4g}] "
                     f"to eps = {eps:g}: the logits are too large for the polynomial method")
