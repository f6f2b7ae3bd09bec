"""Stable rank under entrywise transforms: the seed paper's bound, with rigorous l and L and a certificate.

``srank(M) = |M|_F^2 / |M|_2^2``. Theorem (Alman, Chu, Miller, Narayanan, Sellke, Song, NeurIPS 2024):
if ``A >= 0`` entrywise and ``x/sqrt(l) <= f(x) <= sqrt(L) x`` for every entry ``x`` of ``A``, then
``srank(A)/(L l) <= srank(f(A)) <= L l srank(A)`` (docs/theory.md section 8).

:func:`stable_rank_bound` finds rigorous, nearly tight rational ``l`` and ``L`` for ``f`` on a range of
entries (the infimum and supremum of ``f(x)/x``, enclosed in ball arithmetic over subintervals that it
bisects where the enclosure is not yet tight, then rounded outward to a few digits) and states them in a
``stable-rank`` certificate that the independent checker accepts before it is returned.
The exact stable rank of ``f(D)`` on a box, against this bound, is :mod:`symrep.attention.stable_rank_box`.

Examples
--------
>>> from symrep.attention.stable_rank import stable_rank_bound
>>> b = stable_rank_bound("sqrt(x)", 1, 4)
>>> b.l, b.L, b.factor
(Fraction(4001, 1000), Fraction(10001, 10000), Fraction(40014001, 10000000))
"""

import math
import re
import time
import reprlib
from dataclasses import dataclass
from fractions import Fraction

import sympy
from flint import fmpq

from symrep.analysis import hard_stop
from symrep.analysis.budget import Budget, OutOfTime, default_seconds
from symrep.analysis.verdicts import Certificate
from symrep.certificates import FORMAT, VERSION, CheckError, check
from symrep.certificates.claims import HALF_LINE, STABLE_RANK_CLAIM
from symrep.certificates.exact import continuous
from symrep.certificates.function import Function
from symrep.certificates.limits import limit
from symrep.certificates.reading import XP, XR
from symrep.certificates.rules.stable_rank import MAX_SUBINTERVALS, Ratio, domain_text, ends, within
from symrep.errors import InputError, LimitError
from symrep.geometry.expressions import expression_text, lambda_body, parse_expression

__all__ = ["StableRankBound", "stable_rank_bound", "THEOREM", "MAX_SUBINTERVALS"]

THEOREM = ("srank(A)/(L l) <= srank(f(A)) <= L l srank(A) for every matrix A >= 0 whose entries x satisfy "
           "x/sqrt(l) <= f(x) <= sqrt(L) x, srank = |.|_F^2/|.|_2^2 (Alman, Chu, Miller, Narayanan, Sellke, Song, "
           "NeurIPS 2024): |f(A)|_F^2 <= L |A|_F^2 entry by entry, and the spectral norm of a nonnegative matrix "
           "grows with its entries, so |f(A)|_2 >= |A|_2/sqrt(l); the other side likewise")
_EXACT = re.compile(r"[+-]?(\d{1,100}(/\d{1,100})?|\d{0,100}\.\d{1,100})")
_UNDEFINED = (sympy.nan, sympy.zoo, sympy.oo, -sympy.oo, sympy.AccumBounds)
_FIRST_PIECES = 8


def _exact(value, name):
    """An exact rational from an int, a Fraction, a SymPy rational or text (``"1/2"``, ``"0.25"``)."""
    if isinstance(value, bool) or isinstance(value, float):
        raise InputError(f"{name} must be an exact rational (an int, a Fraction or text like '1/10'), "
                         f"not {value!r}")
    if isinstance(value, int | Fraction):
        return Fraction(value)
    if isinstance(value, sympy.Rational):
        return Fraction(int(value.p), int(value.q))
    if isinstance(value, str) and _EXACT.fullmatch(value.strip()):
        try:
            return Fraction(value.strip())
        except ZeroDivisionError:
            pass
    raise InputError(f"{name} must be an exact rational (an int, a Fraction or text like '1/10'), got {value!r}")


def _q(value):
    return fmpq(value.numerator, value.denominator)


def _parse(f):
    if isinstance(f, str):
        return parse_expression(f, {"x": XR})
    body = lambda_body(f, XR)
    f = body if body is not None else f
    if not isinstance(f, sympy.Expr) or len(f.free_symbols) > 1:
        raise InputError(f"f must be text or a SymPy expression in x alone, got {f!r}")
    return f.xreplace({s: XR for s in f.free_symbols})


def _function(expr, text, zero_entry):
    """The certificate's Function; where 0 is an entry and f is undefined there, its proved limit (an extension)."""
    written = expr.subs(XR, 0)
    extension = None
    if zero_entry and (written.has(*_UNDEFINED) or written.is_extended_real is False):
        try:
            value = limit(expr.xreplace({XR: XP}), XP, 0, "+", "f(0+)")
        except CheckError as exc:
            raise InputError(f"f = {text} is undefined at 0, an entry of the range, and its limit there is not "
                             f"proved ({exc})") from None
        if value.has(*_UNDEFINED) or not value.is_extended_real:
            raise InputError(f"f = {text} is undefined at 0, an entry of the range, and tends to {value} there")
        extension = {"point": "0", "value": expression_text(value)}
    try:
        fn = Function(expr, HALF_LINE, extension, undefined_at_0_allowed=True)
    except CheckError as exc:
        raise InputError(f"f = {text}: {exc}") from None
    if zero_entry and sympy.simplify(fn.at0) != 0:
        raise InputError(f"0 is an entry of the range, where x/sqrt(l) <= f(x) <= sqrt(L) x forces f(0) = 0, but "
                         f"f(0) = {fn.at0} for f = {text}")
    return fn, extension


def _ends(ball):
    """Exact rational lower and upper ends of a finite arb ball."""
    try:
        return tuple(Fraction(int(q.p), int(q.q)) for q in ends(ball))
    except CheckError as exc:
        raise LimitError(f"f(x)/x is too large or too small to certify here: {exc}") from None


def _approx(q):
    """A float near the positive rational ``q`` (inf when it is too large for one)."""
    try:
        return float(q)
    except OverflowError:
        return math.inf


def _few_digits(value, cap):
    """The rational with the fewest significant decimal digits in ``[value, cap]`` (``value`` rounded up)."""
    e = math.floor(math.log10(value.numerator) - math.log10(value.denominator))
    while Fraction(10) ** e > value:
        e -= 1
    while Fraction(10) ** (e + 1) <= value:
        e += 1
    for digits in range(1, 40):
        unit = Fraction(10) ** (e - digits + 1)
        candidate = math.ceil(value / unit) * unit
        if candidate <= cap:
            return candidate
    return value


class _Search:
    """Bisect the subintervals of ``[lo, hi]`` until the enclosures of ``f(x)/x`` are within ``tolerance``
    (relative) of values at sample points: a lower bound of the supremum and an upper bound of the infimum."""

    def __init__(self, ratio, lo, hi, text, clock):
        self.ratio, self.lo, self.hi, self.text, self.clock = ratio, lo, hi, text, clock
        self.sup, self.inf = 0.0, math.inf

    def enclose(self, a, b):
        try:
            return self.ratio.enclose(_q(a), _q(b))
        except CheckError as exc:
            raise InputError(f"f(x)/x for f = {self.text} cannot be enclosed in ball arithmetic: {exc}; only "
                             "functions that arb bounds over an interval are allowed") from None

    def sample(self, x):
        R = self.enclose(x, x)
        if not R.is_finite():
            raise InputError(f"f = {self.text} is undefined, infinite or not real at x = {x} in the range")
        low, high = _ends(R)
        if low <= 0:
            raise InputError(f"f = {self.text} is not positive on the range: at x = {x}, f(x)/x lies in "
                             f"[{_approx(low):.6g}, {_approx(high):.6g}] (the theorem needs f(x) >= x/sqrt(l) > 0)")
        self.sup, self.inf = max(self.sup, _approx(low)), min(self.inf, _approx(high))

    def run(self, tolerance):
        lo, hi = self.lo, self.hi
        points = [lo + (hi - lo) * k / _FIRST_PIECES for k in range(_FIRST_PIECES + 1)]
        for x in points:
            if x > 0:
                self.sample(x)
        pieces = [(a, b, self.enclose(a, b)) for a, b in zip(points, points[1:])]
        while True:
            self.clock.tick()
            top, bottom = self.sup * (1 + tolerance / 4), self.inf * (1 - tolerance / 4)
            bad = [i for i, (_, _, R) in enumerate(pieces) if not R.is_finite() or float(R.upper()) > top
                   or float(R.lower()) < bottom]
            if not bad:
                return pieces
            if len(pieces) + len(bad) > 4 * MAX_SUBINTERVALS:
                raise LimitError(f"f(x)/x for f = {self.text} was not enclosed within {tolerance:g} (relative) by "
                                 f"{4 * MAX_SUBINTERVALS} subintervals of [{lo}, {hi}]")
            for i in bad:
                a, b, R = pieces[i]
                if b - a < (hi - lo) / 2**60:
                    self._stuck(a, R)
            for i in reversed(bad):
                a, b, R = pieces[i]
                m = (a + b) / 2
                self.sample(m)
                pieces[i:i + 1] = [(a, m, self.enclose(a, m)), (m, b, self.enclose(m, b))]

    def _stuck(self, a, R):
        where = f"near x = {float(a):.6g}"
        hint = (" (on [0, b], f(x)/x is bounded by f' through the mean value theorem, and f' as written is "
                "singular at 0; give lo > 0)") if a == 0 else ""
        if not R.is_finite():
            raise InputError(f"f(x)/x for f = {self.text} has no finite enclosure {where}: a pole, a point where f "
                             f"is undefined, or a function arb cannot bound there{hint}")
        if float(R.lower()) <= 0:
            raise InputError(f"f(x)/x for f = {self.text} is not bounded away from 0 {where}, so no l exists")
        raise LimitError(f"f(x)/x for f = {self.text} cannot be enclosed tightly {where} (ball arithmetic loses "
                         f"accuracy there; a range that keeps away from it may work)")


@dataclass(repr=False)
class StableRankBound:
    """Certified ``x/sqrt(l) <= f(x) <= sqrt(L) x`` on a range of entries, so that ``srank(A)/(L l) <=
    srank(f(A)) <= L l srank(A)`` for every ``A >= 0`` with entries in the range.

    ``ratio`` is a rigorous enclosure ``(low, high)`` of the range of ``f(x)/x`` (floats rounded outward),
    ``subintervals`` the number the certificate lists.
    """

    function: str
    lo: Fraction
    hi: Fraction
    zero: bool
    l: Fraction
    L: Fraction
    ratio: tuple
    subintervals: int
    certificate: Certificate

    @property
    def factor(self):
        """``L l``: srank(f(A)) is within this factor of srank(A)."""
        return self.L * self.l

    @property
    def domain(self):
        return domain_text(self.lo, self.hi, self.zero)

    def bounds(self, srank):
        """``(srank / (L l), L l srank)``: where ``srank(f(A))`` lies for a matrix with ``srank(A) = srank``."""
        return srank / self.factor, srank * self.factor

    def __str__(self):
        return (f"stable rank under f(x) = {self.function} for entries in {self.domain}:\n"
                f"  x/sqrt(l) <= f(x) <= sqrt(L) x with l = {self.l} ({_approx(self.l):.6g}), L = {self.L} "
                f"({_approx(self.L):.6g})\n"
                f"  f(x)/x lies in [{self.ratio[0]:.6g}, {self.ratio[1]:.6g}] (ball arithmetic, "
                f"{self.subintervals} subinterval{'s' if self.subintervals > 1 else ''})\n"
                f"  srank(A)/{_approx(self.factor):.6g} <= srank(f(A)) <= {_approx(self.factor):.6g} srank(A) for every "
                f"A >= 0 with entries there (L l = {self.factor})")

    def latex(self):
        """One line of LaTeX (math mode) with the inequality, the range and the factor."""
        f = sympy.latex(parse_expression(self.function, {"x": XR}))
        rng = ("\\{0\\} \\cup " if self.zero else "") + f"[{sympy.latex(sympy.Rational(self.lo))}, " \
                                                       f"{sympy.latex(sympy.Rational(self.hi))}]"
        return (f"$\\frac{{x}}{{\\sqrt{{\\ell}}}} \\le {f} \\le \\sqrt{{L}}\\,x$ on ${rng}$ with "
                f"$\\ell = {sympy.latex(sympy.Rational(self.l))}$, $L = {sympy.latex(sympy.Rational(self.L))}$: "
                f"$\\operatorname{{srank}}(f(A)) \\in [\\operatorname{{srank}}(A)/{sympy.latex(sympy.Rational(self.factor))}, "
                f"{sympy.latex(sympy.Rational(self.factor))}\\,\\operatorname{{srank}}(A)]$")

    def __repr__(self):
        return (f"StableRankBound({reprlib.repr(self.function)} on {reprlib.repr(self.domain)}: "
                f"l={_approx(self.l):.6g}, L={_approx(self.L):.6g}, factor={_approx(self.factor):.6g})")

    def _repr_latex_(self):
        return self.latex()


def stable_rank_bound(f, lo, hi, *, zero=False, budget=None, tolerance=1e-3):
    """Certified, nearly tight ``l`` and ``L`` with ``x/sqrt(l) <= f(x) <= sqrt(L) x`` on ``[lo, hi]``.

    Parameters
    ----------
    f : str or sympy.Expr
        The function of ``x`` (text is parsed by the whitelisting parser, never executed).
    lo, hi : int, Fraction or str
        The range of the entries, exact, ``0 <= lo < hi``. With ``lo = 0``, ``f(0) = 0`` and ``f`` analytic on
        ``(0, oo)`` are needed (``f(x)/x`` near 0 is bounded by ``f'`` through the mean value theorem).
    zero : bool
        The entries may also be 0 (a diagonal of distances): the range is ``{0} U [lo, hi]`` and ``f(0) = 0``
        is needed (the inequality at ``x = 0``).
    budget : float
        Seconds the search may take.
    tolerance : float
        Relative slack of ``sqrt(L)`` and ``1/sqrt(l)`` over the supremum and infimum of ``f(x)/x``
        (about; ``l`` and ``L`` are then rounded up to a few digits).

    Returns
    -------
    StableRankBound
        With a ``stable-rank`` certificate that :func:`symrep.certificates.check` has accepted.

    Raises
    ------
    InputError
        Bad range; ``f`` not positive on it, undefined or unbounded there, or not evaluable in ball arithmetic.
    LimitError
        The search needs more than its subintervals or its time budget.

    Examples
    --------
    >>> b = stable_rank_bound("log(1+x)", 0, 4)         # f(x)/x falls from 1 (at 0+) to log(5)/4
    >>> float(b.L), round(float(b.l), 3), b.certificate["domain"]
    (1.0001, 6.18, '[0, 4]')
    >>> b.bounds(2)[1] <= 2 * 6.2
    True
    """
    expr = _parse(f)
    text = expression_text(expr)
    lo, hi = _exact(lo, "lo"), _exact(hi, "hi")
    if lo < 0:
        raise InputError(f"the range [{lo}, {hi}] must lie in [0, oo): the theorem is about matrices A >= 0")
    if not lo < hi:
        raise InputError(f"the range needs lo < hi, got [{lo}, {hi}]")
    if zero and lo == 0:
        raise InputError("zero=True adds the entry 0 to [lo, hi]; give lo > 0 (or lo = 0 without zero)")
    budget = default_seconds(10.0) if budget is None else budget
    if (isinstance(budget, bool) or not (isinstance(budget, (int, float)) and 0 < budget <= 3600)
            or not (isinstance(tolerance, (int, float)) and 0 < tolerance < 1)):
        raise InputError(f"budget must be in (0, 3600] seconds and tolerance in (0, 1), got {budget!r}, {tolerance!r}")
    deadline = time.monotonic() + budget
    if hard_stop.in_process():
        return _stable_rank_here(expr, lo, hi, zero, budget, tolerance, deadline)
    outcome = hard_stop.run("stable-rank", (expr, lo, hi, zero, budget, tolerance, deadline), deadline=deadline)
    if outcome.stopped:
        raise LimitError(f"the time budget of {budget:g} s ran out enclosing f(x)/x for f = {text} (the search "
                         f"was stopped)")
    if outcome.died:
        raise LimitError(f"no bound for f = {text}: {outcome.reason}")
    return outcome.value  # its certificate was checked by the kernel in the worker (the same checker)


def _stable_rank_here(expr, lo, hi, zero, budget, tolerance, deadline):
    """The search of :func:`stable_rank_bound` in this process (a worker's, or the caller's when asked
    for), stopped cooperatively at ``deadline``."""
    text = expression_text(expr)
    fn, extension = _function(expr, text, zero or lo == 0)
    if lo == 0 and not continuous(fn.pos, XP, analytic=True):
        raise InputError(f"the range starts at 0, where f(x)/x is bounded through f' (mean value theorem), which "
                         f"needs f = {text} proved analytic on (0, oo); give lo > 0")
    if lo == 0:
        try:
            right = fn.limit_at_0_from_right("f(0+)")
        except CheckError as exc:
            raise InputError(f"the range starts at 0 and f(0+) is not proved: {exc}") from None
        if sympy.simplify(right) != 0:
            raise InputError(f"the range starts at 0, but f(0+) = {right}, not 0: f(x)/x is unbounded there")
    clock = Budget(budget, deadline=deadline)
    try:
        pieces, l, L, ratio = _bound(_kernel_ratio(text, extension), lo, hi, text, tolerance, clock)
    except OutOfTime:
        raise LimitError(f"the time budget of {budget:g} s ran out enclosing f(x)/x for f = {text}") from None
    domain = domain_text(lo, hi, zero)
    cert = {"format": FORMAT, "version": VERSION, "claim": STABLE_RANK_CLAIM, "domain": domain, "function": text,
            "verdict": "holds", "method": "ratio-enclosure", "rests_on": THEOREM,
            "data": {"l": str(l), "L": str(L), "subintervals": [[str(a), str(b)] for a, b in pieces]},
            "reason": f"f(x)/x lies in [{ratio[0]:.6g}, {ratio[1]:.6g}] on {domain}, so x/sqrt(l) <= f(x) <= sqrt(L) x "
                      f"with l = {l}, L = {L}, and the stable rank changes by a factor of at most L l = {L * l}"}
    if extension:
        cert["extension"] = extension
    cert = Certificate(cert)
    try:
        check(cert)
    except CheckError as exc:  # the search and the checker share their enclosures: this is a bug
        raise LimitError(f"the stable-rank certificate was rejected by the checker: {exc}") from None
    return StableRankBound(text, lo, hi, zero, l, L, ratio, len(pieces), cert)


def _kernel_ratio(text, extension):
    """The kernel's enclosures of ``f(x)/x`` (the checker's own), so that the search, the merging of
    subintervals and the check agree on every enclosure."""
    from symrep.certificates.rules.function import Function as KernelFunction

    try:
        return Ratio(KernelFunction(text, HALF_LINE, (), extension).on_half_line())
    except CheckError as exc:
        raise InputError(f"f(x)/x cannot be enclosed as the checker encloses it: {exc}") from None


def _bound(ratio, lo, hi, text, tolerance, clock):
    """Subintervals, ``l``, ``L`` and the enclosure of ``f(x)/x``: search, round outward, merge."""
    pieces = _Search(ratio, lo, hi, text, clock).run(tolerance)
    bounds = [_ends(R) for _, _, R in pieces]
    low, high = min(b[0] for b in bounds) ** 2, max(b[1] for b in bounds) ** 2
    slack = 1 + Fraction(tolerance) / 2
    L, l = _few_digits(high, high * slack), _few_digits(1 / low, slack / low)
    merged, (a, b) = [], pieces[0][:2]
    for _, c, _ in pieces[1:]:  # join neighbours while the joined enclosure still proves the bounds
        clock.tick()
        if within(ratio.enclose(_q(a), _q(c)), _q(l), _q(L)) is None:
            b = c
        else:
            merged.append((a, b))
            a, b = b, c
    merged.append((a, b))
    if len(merged) > MAX_SUBINTERVALS:
        raise LimitError(f"f(x)/x for f = {text} needs {len(merged)} subintervals, more than {MAX_SUBINTERVALS}")
    return merged, l, L, (math.sqrt(_approx(low)), math.sqrt(_approx(high)))
