"""The kernel's ``cm-power-sum`` atom: ``sum_k c_k (x + a_k)^(-s_k)`` with mixed signs, CM through its exact
Laplace density, which the kernel builds from the terms itself and proves ``>= 0`` on ``(0, oo)``.

**Theorem.** For ``x > 0``, ``a >= 0`` and ``s > 0``, ``(x + a)^(-s) = int_0^oo e^(-x t) t^(s-1) e^(-a t) / Gamma(s) dt``
(Euler's Gamma integral; Schilling, Song, Vondracek, *Bernstein Functions*, 2nd ed., Ch. 1), so
``f = sum_k c_k (x + a_k)^(-s_k)`` is the Laplace transform of ``rho(t) = sum_k c_k t^(s_k-1) e^(-a_k t) / Gamma(s_k)``.
Where ``rho >= 0`` on ``(0, oo)``, ``f`` is completely monotone: ``(-1)^n f^(n)(x) = int t^n e^(-x t) rho(t) dt >= 0``
(Bernstein's theorem, SSV Thm 1.4; Widder, *The Laplace Transform*, Thm IV.12a). Nothing about ``rho`` is read
from the certificate: it states the terms ``[c, a, s]`` (exact rationals, ``a >= 0``, ``0 < s <= 12``, every
``s_k`` with one fractional part ``sigma`` in ``(0, 1]``, so ``s_k = sigma + m_k`` with integers ``m_k >= 0``); the
caller proves the node's expression equal to their sum by the normal form, and the density is the kernel's:
``Gamma(sigma + m) = Gamma(sigma) (sigma)_m`` (DLMF 5.2.5) gives
``rho(t) = t^(sigma-1)/Gamma(sigma) sum_k w_k t^(m_k) e^(-a_k t)`` with rational ``w_k = c_k / (sigma)_(m_k)``, and the
first factor is positive: the sign of ``rho`` is that of the exponential polynomial (``sigma = 1``: integer powers,
``w_k = c_k/(s_k - 1)!``).

**The sign of ``rho`` on ``(0, oo)``**, exactly or by balls:

1. one rate (every ``a_k`` equal): the polynomial ``D``, ``sum w_k t^(m_k) = e^(a t) D(t)`` with ``D`` a polynomial: ``D >= 0`` on ``(0, oo)`` by
   Sturm's theorem (:mod:`~symrep.certificates.sturm`);
2. no powers of ``t`` (every ``m_k = 0``): with ``q`` the common denominator of the rates and ``u = e^(-t/q)``,
   which maps ``(0, oo)`` onto ``(0, 1)``, ``rho = P(u)`` for a polynomial ``P`` of degree at most 48: ``P >= 0`` on
   ``(0, 1)`` by Sturm's theorem on the factors of odd multiplicity (in python-flint's ``fmpq_poly``);
3. otherwise ``h = e^(a_min t) sum w_k t^(m_k) e^(-a_k t) = D(t) + sum_(b_k > 0) w_k t^(m_k) e^(-b_k t)``, with the certificate's
   ``bounds`` ``[delta, T]``, ``0 < delta <= T``:

   * ``(0, delta]``: the exact Taylor coefficients ``r_n`` of ``h`` at 0; the first nonzero one, ``r_(n0)``, must
     be positive, and ``h / t^(n0) = sum_(n0 <= n <= N) r_n t^(n - n0) + R`` with
     ``|R| <= sum_k |w_k| b_k^(N+1-m_k) delta^(N+1-n0) e^(b_k delta) / (N+1-m_k)!`` (the tail of the
     exponential series, ``sum_(n >= M) y^n/n! <= y^M e^y / M!`` for ``y >= 0``) is enclosed by balls > 0;
   * ``[delta, T]``: ball enclosures of ``h`` > 0 on bisected pieces;
   * ``[T, oo)``: ``T >= m_k / b_k`` makes each ``t^(m_k) e^(-b_k t)`` nonincreasing there, so the decaying part
     is at most ``M`` (a rational proved above its ball at ``T``) in absolute value, and ``D(t) - M >= 0`` on
     ``[T, oo)`` by Sturm.

Examples
--------
>>> from symrep.certificates.rules.densities import density_sign
>>> from fractions import Fraction as Q
>>> density_sign([(Q(1), Q(1), 1), (Q(-1), Q(2), 1), (Q(1), Q(3), 1)], [])  # u (1 - u + u^2), u = e^(-t)
'exponential sum'
>>> density_sign([(Q(1), Q(1), 2), (Q(1), Q(1), 1), (Q(-1), Q(2), 1)], ["1/2", "4"])
'bounds'
>>> density_sign([(Q(1), Q(1), 1), (Q(-1, 10), Q(1), 2)], [])  # e^(-t) (1 - t/10)
Traceback (most recent call last):
...
symrep.certificates.errors.CheckError: cm-power-sum: the density e^(-t) D(t) has D = 1 - 1/10 t, not proved >= 0 for t > 0
"""

import math
import re
from fractions import Fraction

from flint import arb, ctx, fmpq, fmpq_poly

from ..domains import Span
from ..enclosures import ball_of, interval_ball
from ..errors import CheckError
from ..fuel import charge
from ..sturm import polynomial_sign

__all__ = ["power_sum_terms", "density_sign", "MAX_TERMS", "MAX_POWER", "MAX_DEGREE"]

MAX_TERMS, MAX_POWER, MAX_DEGREE, MAX_PIECES, ORDER = 16, 12, 48, 2048, 12
WHERE = "cm-power-sum"
_BOUND = re.compile(r"[0-9]{1,7}(/[1-9][0-9]{0,6})?")


def power_sum_terms(raw, read_number):
    """The certificate's ``terms`` as ``[(c, a, s)]`` of Fractions; ``read_number(text, where)`` reads a constant
    term, which must be an exact rational."""
    if type(raw) is not list or not 1 <= len(raw) <= MAX_TERMS:
        raise CheckError(f"{WHERE}: terms must be a list of 1 to {MAX_TERMS} triples [c, a, s]")
    out = []
    for i, item in enumerate(raw):
        if type(item) is not list or len(item) != 3:
            raise CheckError(f"{WHERE}: term {i} must be a triple [c, a, s] of texts")
        values = [read_number(v, f"{WHERE} term {i}") for v in item]
        if any(v.op != "num" for v in values):
            raise CheckError(f"{WHERE}: term {i} must be exact rational numbers (no parameters, no constants)")
        c, a, s = (Fraction(v.value) for v in values)
        if a < 0 or not 0 < s <= MAX_POWER or s.denominator > 1000 or max(abs(c.numerator), c.denominator) > 10**15 \
                or max(a.numerator, a.denominator) > 10**6:
            raise CheckError(f"{WHERE}: term {i} needs a >= 0 (at most 6 digits), 0 < s <= {MAX_POWER} (denominator "
                             f"<= 1000) and c of at most 15 digits, got c = {c}, a = {a}, s = {s}")
        out.append((c, a, s))
    if len({s - math.ceil(s) for _, _, s in out}) != 1:
        raise CheckError(f"{WHERE}: the exponents s must differ by integers (one fractional part)")
    return out


def density_sign(terms, bounds):
    """Prove ``rho(t) = sum c t^(s-1) e^(-a t)/Gamma(s) >= 0`` for every ``t > 0``; return which proof did it.

    Raises
    ------
    CheckError
        Naming the part of ``(0, oo)`` where the sign is not proved.
    """
    sigma = {Fraction(s) - math.ceil(s) + 1 for _, _, s in terms}
    if len(sigma) != 1:
        raise CheckError(f"{WHERE}: the exponents s must differ by integers (one fractional part)")
    sigma = sigma.pop()
    weights = {}
    for c, a, s in terms:  # w t^m e^(-a t) with s = sigma + m, w = c/(sigma)_m, grouped exactly by (a, m)
        m = int(s - sigma)
        weights[(a, m)] = weights.get((a, m), Fraction(0)) + c / math.prod(sigma + i for i in range(m))
    weights = {k: w for k, w in weights.items() if w != 0}
    if not weights:
        return "zero"
    rates = sorted({a for a, _ in weights})
    if len(rates) == 1:
        D = _poly({m: w for (_, m), w in weights.items()})
        if not polynomial_sign(D, Span(Fraction(0), None, False), ">="):
            raise CheckError(f"{WHERE}: the density e^(-{_show_number(rates[0])}t) D(t) has D = {_show(D)}, not proved "
                             f">= 0 for t > 0")
        return "one rate"
    if all(m == 0 for _, m in weights):
        q = math.lcm(*(a.denominator for a in rates))
        if max(rates) * q > MAX_DEGREE:
            raise CheckError(f"{WHERE}: the polynomial in u = e^(-t/{q}) has degree {max(rates) * q} > {MAX_DEGREE}")
        if not _nonnegative_on_unit_interval(_poly({int(a * q): w for (a, _), w in weights.items()})):
            raise CheckError(f"{WHERE}: the density, a polynomial in u = e^(-t/{q}), is not proved >= 0 for 0 < u < 1")
        return "exponential sum"
    _bounded_proof({(a - rates[0], m): w for (a, m), w in weights.items()}, bounds)
    return "bounds"


def _bounded_proof(h, bounds):
    """``h = sum w t^m e^(-b t) > 0`` on ``(0, oo)`` (``b >= 0``, some ``b = 0``): Taylor, balls, tail."""
    if type(bounds) is not list or len(bounds) != 2 or not all(type(v) is str and _BOUND.fullmatch(v) for v in bounds):
        raise CheckError(f"{WHERE}: a density with several rates and powers of t needs bounds [delta, T], texts p/q")
    delta, T = (Fraction(v) for v in bounds)
    if not 0 < delta <= T or max(delta.denominator, T.denominator, T.numerator) > 10**6:
        raise CheckError(f"{WHERE}: bounds need 0 < delta <= T (numbers of at most 7 digits), got {delta}, {T}")
    old = ctx.prec
    ctx.prec = 128
    try:
        _near_zero(h, delta)
        _middle(h, delta, T)
        _tail(h, T)
    finally:
        ctx.prec = old


def _near_zero(h, delta):
    top = max(m for _, m in h)

    def coefficient(n):  # the exact Taylor coefficient of t^n in h at 0
        charge(len(h), "Taylor coefficients of the density")
        return sum((w * Fraction((-b) ** (n - m)) / math.factorial(n - m) for (b, m), w in h.items() if n >= m),
                   Fraction(0))

    # a nonzero exponential polynomial of dimension d = sum (m + 1) <= 16 * 12 vanishes at 0 to order < d
    n0 = next((n for n in range(MAX_TERMS * MAX_POWER + 1) if coefficient(n) != 0), None)
    if n0 is None or coefficient(n0) < 0:
        raise CheckError(f"{WHERE}: the density's first nonzero Taylor coefficient at 0 is not positive")
    N = max(n0, top) + ORDER
    r = [coefficient(n) for n in range(N + 1)]
    tail = sum((abs(ball_of(w)) * ball_of(b) ** (N + 1 - m) * ball_of(delta) ** (N + 1 - n0) * ball_of(b * delta).exp()
                / math.factorial(N + 1 - m) for (b, m), w in h.items() if b != 0), arb(0))
    pieces, count = [(Fraction(0), delta)], 0
    while pieces:
        lo, hi = pieces.pop()
        count += 1
        charge(N, "enclosing the density near 0")
        t = interval_ball(lo, hi)
        value = sum((ball_of(r[n]) * t ** (n - n0) for n in range(n0, N + 1)), arb(0)) + tail.union(-tail)
        if value > 0:
            continue
        if value < 0 or count > MAX_PIECES or hi - lo < delta / 2**20:
            raise CheckError(f"{WHERE}: the density's Taylor model at 0 is not proved > 0 on (0, {delta}]")
        pieces += [(lo, (lo + hi) / 2), ((lo + hi) / 2, hi)]


def _enclose(h, t):
    return sum((ball_of(w) * t ** m * (-ball_of(b) * t).exp() for (b, m), w in h.items()), arb(0))


def _middle(h, delta, T):
    pieces, count = [(delta, T)] if delta < T else [], 0
    while pieces:
        lo, hi = pieces.pop()
        count += 1
        charge(2 * len(h), "enclosing the density")
        if count > MAX_PIECES:
            raise CheckError(f"{WHERE}: the density is not proved > 0 on [delta, T] within {MAX_PIECES} pieces")
        value = _enclose(h, interval_ball(lo, hi))
        if value > 0:
            continue
        if value < 0 or hi - lo < Fraction(1, 2**40):
            raise CheckError(f"{WHERE}: the density is not proved > 0 on [{lo}, {hi}]")
        pieces += [(lo, (lo + hi) / 2), ((lo + hi) / 2, hi)]


def _tail(h, T):
    decaying = {k: w for k, w in h.items() if k[0] != 0}
    for (b, m) in decaying:
        if T < Fraction(m) / b:
            raise CheckError(f"{WHERE}: T = {T} is below m/b = {Fraction(m) / b}, where t^{m} e^(-{b} t) still grows")
    bound = sum((abs(ball_of(w)) * ball_of(T) ** m * (-ball_of(b * T)).exp() for (b, m), w in decaying.items()), arb(0))
    if not (bound.is_finite() and bound < 10**50):
        raise CheckError(f"{WHERE}: the decaying part at T has no enclosure below 10^50")
    M = Fraction(float(bound.mid()) + 2 * float(bound.rad())).limit_denominator(10**12) * Fraction(1 + 10**-9) \
        + Fraction(1, 10**30)
    if not ball_of(M) > bound:
        raise CheckError(f"{WHERE}: no rational bound of the decaying part at T was proved")
    D = _poly({m: w for (b, m), w in h.items() if b == 0})
    D[0] -= M
    if not polynomial_sign(D, Span(T, None, True), ">="):
        raise CheckError(f"{WHERE}: the leading rate's polynomial does not dominate the decaying part on [{T}, oo)")


def _nonnegative_on_unit_interval(P):
    """``P >= 0`` on ``(0, 1)`` (coefficients lowest first), exactly: the factors of odd multiplicity (python-flint's
    square-free decomposition) have no root in ``(0, 1)`` by Sturm's theorem (the chain in ``fmpq_poly`` arithmetic,
    each remainder scaled by a positive number; the factors ``u`` and ``u - 1`` removed so the ends are no roots),
    and ``P > 0`` at a rational point of ``(0, 1)`` where it is not 0. (The kernel's :mod:`~..sturm` does the same in
    Python fractions, too slow for the sparse polynomials of high degree met here.)"""
    p = fmpq_poly([fmpq(c.numerator, c.denominator) for c in P])
    if p.degree() < 0:
        return True
    charge(4 * p.degree() ** 2, "Sturm sequences of the density")
    odd = fmpq_poly([1])
    for factor, multiplicity in p.factor_squarefree()[1]:
        odd = odd * factor if multiplicity % 2 else odd
    for end in (fmpq_poly([0, 1]), fmpq_poly([-1, 1])):
        while odd.degree() > 0 and odd % end == 0:
            odd = odd // end
    if odd.degree() > 0:
        chain = [odd, odd.derivative()]
        while chain[-1].degree() > 0:
            rest = -(chain[-2] % chain[-1])
            if rest.degree() < 0:
                break
            lead = rest.coeffs()[-1]
            chain.append(rest / (lead if lead > 0 else -lead))

        def changes(point):
            signs = [v > 0 for v in (s(point) for s in chain) if v != 0]
            return sum(a != b for a, b in zip(signs, signs[1:]))

        if changes(fmpq(0)) != changes(fmpq(1)):
            return False
    for k in range(2, p.degree() + 4):  # p has at most deg p roots: one of these points is none
        value = p(fmpq(1, k))
        if value != 0:
            return value > 0
    return False


def _poly(coefficients):
    out = [Fraction(0)] * (max(coefficients) + 1)
    for k, c in coefficients.items():
        out[k] += c
    return out


def _show_number(v):
    return "" if v == 1 else str(v)


def _show(p):
    return " + ".join(f"{c}" if k == 0 else f"{c} t" if k == 1 else f"{c} t^{k}" for k, c in enumerate(p) if c) \
        .replace("+ -", "- ") or "0"
