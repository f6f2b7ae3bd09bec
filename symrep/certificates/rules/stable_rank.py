"""The stable-rank claim on the kernel: ``x/sqrt(l) <= f(x) <= sqrt(L) x`` for every entry ``x`` of a stated range,
proved by ball enclosures of ``f(x)/x`` over subintervals that cover the range.

With ``srank(M) = |M|_F^2 / |M|_2^2``, the seed paper (Alman et al., NeurIPS 2024) proves: if ``A >= 0``
entrywise and every entry ``x`` of ``A`` satisfies the inequality, then ``srank(A)/(L l) <= srank(f(A)) <=
L l srank(A)``. The domain is ``[LO, HI]``, or ``{0} U [LO, HI]`` for matrices whose other entries are 0. The
kernel trusts none of the certificate's numbers; it proves:

* ``LO``, ``HI``, ``l``, ``L`` and every end are exact rationals ``p/q`` (text), ``0 <= LO < HI`` (``LO > 0`` after
  ``{0} U``), ``l, L > 0``, and the subintervals (at most :data:`MAX_SUBINTERVALS`) cover ``[LO, HI]`` exactly;
* on ``[a, b]`` with ``a > 0``: ``g = f(x)/x`` enclosed over a ball containing ``[a, b]``
  (:func:`~symrep.certificates.enclosures.enclose`, so ``f`` is defined there), intersected, where ``g`` is
  proved analytic on ``(0, oo)``, with the mean value form ``g(m) + g'(X) (X - m)``; the enclosure ``R`` must
  satisfy ``R > 0``, ``l R^2 >= 1`` and ``R^2 <= L`` with its exact rational ends;
* on a first subinterval ``[0, b]``: ``f(0) = 0``, ``f(0+) = 0`` and ``f`` analytic on ``(0, oo)``, so
  ``f(x)/x = f'(xi)`` with ``0 < xi < x`` (mean value theorem), and ``R`` encloses ``f'`` over ``[0, b]``;
* with ``{0} U``: ``f(0) = 0`` (the entry 0 needs ``0 <= f(0) <= 0``).

Examples
--------
>>> from symrep.certificates.rules.stable_rank import read_domain, domain_text
>>> read_domain("{0} U [1/2, 4]")
(1/2, 4, True)
>>> domain_text(0, 4, False)
'[0, 4]'
"""

from fractions import Fraction

from flint import arb, ctx, fmpq

from ..derivatives import derivative
from ..domains import analytic_on
from ..enclosures import enclose
from ..errors import CheckError
from ..fuel import charge
from ..normal_form import Domain, proved_equal
from ..terms import ZERO, mul, num, power, var
from .function import HALF_LINE

__all__ = ["check_ratio_enclosure", "Ratio", "read_domain", "domain_text", "rational", "within", "ends",
           "MAX_SUBINTERVALS", "PRECISION"]

#: Largest number of subintervals a certificate may list.
MAX_SUBINTERVALS = 4096
#: Bits of the ball arithmetic (the width of a subinterval, not the precision, limits an enclosure).
PRECISION = 128
#: Levels of bisection the kernel adds to a subinterval whose enclosure is too wide.
MAX_SPLITS = 8
_ZERO = "{0} U "
_DIGITS = frozenset("0123456789")


def rational(text, where):
    """An exact rational from text ``p/q`` or ``p`` (decimal digits, an optional leading ``-``)."""
    if type(text) is not str:
        raise CheckError(f"{where}: expected an exact rational as text p/q, got {text!r}")
    num, slash, den = text.partition("/")
    digits = num[1:] if num.startswith("-") else num
    ok = all(0 < len(part) <= 4000 and set(part) <= _DIGITS for part in ((digits, den) if slash else (digits,)))
    if not ok or slash and int(den) == 0:
        raise CheckError(f"{where}: expected an exact rational as text p/q, got {text[:80]!r}")
    return fmpq(int(num), int(den) if slash else 1)


def read_domain(text):
    """``(LO, HI, zero)`` from ``"[LO, HI]"`` or ``"{0} U [LO, HI]"``."""
    zero = type(text) is str and text.startswith(_ZERO)
    body = text[len(_ZERO):] if zero else text
    parts = body[1:-1].split(", ") if type(body) is str and body[:1] == "[" and body[-1:] == "]" else []
    if len(parts) != 2:
        raise CheckError(f"stable-rank concerns f on a range \"[LO, HI]\" or \"{_ZERO}[LO, HI]\", but the "
                         f"certificate states the domain {text!r}")
    lo, hi = (rational(p, f"domain {end}") for p, end in zip(parts, ("LO", "HI")))
    if lo < 0:
        raise CheckError(f"domain {text!r}: the range must lie in [0, oo) (the theorem is about A >= 0)")
    if not lo < hi:
        raise CheckError(f"domain {text!r}: need LO < HI")
    if zero and lo == 0:
        raise CheckError(f"domain {text!r}: with {{0}} U [LO, HI], LO must be positive")
    return lo, hi, zero


def domain_text(lo, hi, zero):
    """The domain as a certificate states it (the inverse of :func:`read_domain`); ``lo`` and ``hi`` are
    exact rationals (int, Fraction, SymPy or flint)."""
    lo, hi = (fmpq(int(v.numerator), int(v.denominator)) for v in (lo, hi))
    return f"{_ZERO if zero else ''}[{lo}, {hi}]"


def _interval(a, b):
    """A ball containing every point of ``[a, b]`` (a ball is an interval: one containing a and b will do)."""
    return arb(a).union(arb(b))


class Ratio:
    """Enclosures of ``f(x)/x`` over subintervals, for the kernel term ``f`` on ``(0, oo)``."""

    def __init__(self, f_term):
        x = var("x")
        self.ratio = _monomial_form(mul(f_term, power(x, num(-1))))
        self.derivative = derivative(f_term, "x")
        self.slope = derivative(self.ratio, "x") if analytic_on(self.ratio, "x", HALF_LINE) else None

    def enclose(self, a, b):
        """A ball containing ``f(x)/x`` for every ``x`` in ``[a, b]``; on ``[0, b]`` one containing ``f'`` there."""
        old = ctx.prec
        ctx.prec = PRECISION
        try:
            if a == 0:
                return enclose(self.derivative, {"x": _interval(a, b).nonnegative_part()})
            X = _interval(a, b)
            naive = enclose(self.ratio, {"x": X})
            if self.slope is None or a == b:
                return naive
            m = arb((a + b) / 2)
            try:
                form = enclose(self.ratio, {"x": m}) + enclose(self.slope, {"x": X}) * (X - m)
            except CheckError:
                return naive
            if not form.is_finite():
                return naive
            return form if not naive.is_finite() else naive.intersection(form)
        finally:
            ctx.prec = old


def ends(R):
    """The exact rational ends ``(lower, upper)`` of a finite ball (its midpoint and radius are dyadic)."""
    out = []
    for part in (R.mid(), R.rad()):
        man, exp = part.man_exp()
        if abs(int(exp)) > 10000:
            raise CheckError(f"an enclosure {R.str(5)} is out of the range this checker reads")
        out.append(fmpq(int(man)) * (fmpq(2) ** int(exp) if exp >= 0 else fmpq(1, 2 ** -int(exp))))
    return out[0] - out[1], out[0] + out[1]


def within(R, l, L):
    """None if the enclosure ``R`` of ``f(x)/x`` proves ``1/sqrt(l) <= f(x)/x <= sqrt(L)``, else why not; the
    comparisons are exact, with the rational ends of ``R``."""
    if not R.is_finite():
        return ("f(x)/x has no finite enclosure (a pole, a point where f is undefined or not real, or a "
                "function arb cannot bound there)")
    low, high = ends(R)
    shown = f"[{R.lower().str(6, radius=False)}, {R.upper().str(6, radius=False)}]"
    if not low > 0:
        return f"f(x)/x in {shown} is not proved positive (the theorem needs f(x) >= x/sqrt(l) > 0)"
    if l * low * low < 1:
        return f"l f(x)^2 >= x^2 is not proved: f(x)/x in {shown}, l = {l}"
    if high * high > L:
        return f"f(x)^2 <= L x^2 is not proved: f(x)/x in {shown}, L = {L}"
    return None


def _subintervals(data, lo, hi, where):
    pieces = data.get("subintervals")
    if type(pieces) is not list:
        raise CheckError(f"{where}: 'subintervals' must be a list")
    if not 1 <= len(pieces) <= MAX_SUBINTERVALS:
        raise CheckError(f"{where}: need 1 to {MAX_SUBINTERVALS} subintervals, got {len(pieces)}")
    bounds = []
    for i, piece in enumerate(pieces):
        if type(piece) is not list or len(piece) != 2:
            raise CheckError(f"{where}: subinterval {i} must be a pair [a, b] of texts, got {str(piece)[:80]}")
        a, b = (rational(t, f"{where} subinterval {i}") for t in piece)
        if not a < b:
            raise CheckError(f"{where}: subinterval {i} [{a}, {b}] is empty or reversed")
        if i and a != bounds[-1][1]:
            raise CheckError(f"{where}: subinterval {i} starts at {a}, but subinterval {i - 1} ends at {bounds[-1][1]}: "
                             f"a gap or an overlap")
        bounds.append((a, b))
    if bounds[0][0] != lo:
        raise CheckError(f"{where}: the first subinterval starts at {bounds[0][0]}, not at LO = {lo}")
    if bounds[-1][1] != hi:
        raise CheckError(f"{where}: the last subinterval ends at {bounds[-1][1]}, not at HI = {hi}")
    return bounds


def _monomial_form(term):
    """The term written as the monomial ``c x^e`` its normal form is, when the term is proved continuous on
    ``(0, oo)`` (so the two are equal there): ``sqrt(x)/x`` is enclosed as ``x^(-1/2)``, without the
    dependency that widens a product of balls. Otherwise the term itself."""
    from ..domains import continuous_on
    from ..normal_form import normal_form
    if not continuous_on(term, "x", HALF_LINE):
        return term
    try:
        nf, builder = normal_form(term, Domain(positive=("x",)))
    except CheckError:
        return term
    found = nf.monomial()
    if found is None or any(builder.kinds[g] != ("var", "x") for g, _ in found[1]):
        return term
    c, m = found
    exponent = m[0][1] if m else 0
    return mul(num(Fraction(int(c.p), int(c.q))), power(var("x"), num(exponent)))


def check_ratio_enclosure(claim, f, data, domain):
    """Verify a ``stable-rank`` certificate's data; ``f`` is the kernel's
    :class:`~symrep.certificates.rules.function.Function` of the certificate."""
    where = "stable rank"
    lo, hi, zero = read_domain(domain)
    if type(data) is not dict or set(data) != {"l", "L", "subintervals"}:
        raise CheckError(f"{where}: fields are l, L and subintervals")
    l, L = (rational(data[k], f"{where} {k}") for k in ("l", "L"))
    if not (l > 0 and L > 0):
        raise CheckError(f"{where}: l and L must be positive, got l = {l}, L = {L}")
    bounds = _subintervals(data, lo, hi, where)
    g = f.on_half_line()
    if zero or lo == 0:
        if not proved_equal(f.at(ZERO, "the entry 0"), ZERO, Domain()):
            raise CheckError("the entry 0 needs f(0) = 0 (x/sqrt(l) <= f(x) <= sqrt(L) x at x = 0)")
    if lo == 0:
        from .growth import right_limit as limit_at_0

        if not proved_equal(limit_at_0(g), ZERO, Domain()):
            raise CheckError("near 0, f(x)/x is bounded only if f(0+) = 0")
        if not analytic_on(g, "x", HALF_LINE):
            raise CheckError(f"{where}: f is not proved analytic on (0, oo), so the mean value theorem cannot bound "
                             f"f(x)/x on [0, {bounds[0][1]}]")
    ratio = Ratio(g)
    for a, b in bounds:
        _prove_on(ratio, a, b, l, L, where, 0)
    return claim, "holds"


def _prove_on(ratio, a, b, l, L, where, depth):
    """The bounds on ``[a, b]``, bisecting it (up to :data:`MAX_SPLITS` levels) where its enclosure is too wide:
    the certificate's cover is where the kernel starts, and a finer cover proves the same."""
    charge(2, f"{where}: enclosing f(x)/x on a subinterval")
    why = within(ratio.enclose(a, b), l, L)
    if why is None:
        return
    if depth >= MAX_SPLITS or "not proved" not in why:
        raise CheckError(f"{where} on [{a}, {b}]: {why}")
    middle = (a + b) / 2
    _prove_on(ratio, a, middle, l, L, where, depth + 1)
    _prove_on(ratio, middle, b, l, L, where, depth + 1)
