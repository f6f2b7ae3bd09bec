"""The stable-rank claim: ``x/sqrt(l) <= f(x) <= sqrt(L) x`` for every entry ``x`` of a stated range,
proved by ball enclosures of ``f(x)/x`` over subintervals that cover the range.

With ``srank(M) = |M|_F^2 / |M|_2^2``, the seed paper (Alman et al., NeurIPS 2024) proves: if ``A >= 0``
entrywise and every entry ``x`` of ``A`` satisfies the inequality, then ``srank(A)/(L l) <= srank(f(A)) <=
L l srank(A)`` (``|f(A)|_F^2 <= L |A|_F^2`` entry by entry, and the spectral norm of a nonnegative matrix
grows with its entries, so ``|f(A)|_2 >= |A|_2 / sqrt(l)``; the other side likewise).

The domain is ``[LO, HI]``, or ``{0} U [LO, HI]`` for matrices whose other entries are 0 (a diagonal of
distances). The checker trusts none of the certificate's numbers; it proves:

* ``LO``, ``HI``, ``l``, ``L`` and every subinterval end are exact rationals ``p/q`` (text), ``0 <= LO < HI``
  (``LO > 0`` after ``{0} U``), ``l, L > 0``;
* the subintervals (at most :data:`MAX_SUBINTERVALS`) cover ``[LO, HI]`` exactly: each ``[a, b]`` has
  ``a < b``, the first starts at ``LO``, each starts where the one before ends, the last ends at ``HI``;
* on ``[a, b]`` with ``a > 0``: arb evaluates ``f(x)/x`` (SymPy's expression for ``x > 0``) with ``x`` a ball
  containing ``[a, b]``; the enclosure ``R`` is finite, ``R > 0`` (so ``f > 0``), ``l R^2 >= 1`` and
  ``R^2 <= L``. Only functions whose arb versions enclose their values over a ball are evaluated (see
  :func:`symrep.certificates.exact._arb`); ``Heaviside``, ``sign`` and the like are refused;
* on a first subinterval ``[0, b]``: ``f(0) = 0``, ``f(0+) = 0`` (a proved limit) and ``f`` analytic on
  ``(0, oo)`` by its structure, so by the mean value theorem ``f(x)/x = f'(xi)`` with ``0 < xi < x``, and
  ``R`` encloses ``f'`` over ``[0, b]``;
* with ``{0} U``: ``f(0) = 0`` (the entry 0 needs ``0 <= f(0) <= 0``).

Examples
--------
>>> from symrep.certificates.stable_rank import read_domain, domain_text
>>> read_domain("{0} U [1/2, 4]")
(1/2, 4, True)
>>> domain_text(0, 4, False)
'[0, 4]'
"""

import sympy
from flint import arb, ctx

from .balls import _arb, short
from .rules.stable_rank import (MAX_SUBINTERVALS, PRECISION, _interval, _subintervals, domain_text, ends, rational,
                                read_domain, within)
from .exact import continuous, equal
from .fuel import charge
from .reading import XP, CheckError, get

__all__ = ["check_ratio_enclosure", "Ratio", "read_domain", "domain_text", "rational", "within", "ends",
           "MAX_SUBINTERVALS", "PRECISION"]



class Ratio:
    """Enclosures of ``f(x)/x`` over subintervals, for ``f`` on ``(0, oo)`` (``f_pos``, with ``x > 0``).

    On ``[a, b]`` with ``a > 0`` the enclosure is ``g(X)`` for ``g = f/x`` and ``X`` a ball containing
    ``[a, b]``, intersected, where ``g`` is proved analytic on ``(0, oo)`` by its structure, with the mean value
    form ``g(m) + g'(X) (X - m)`` (``g(x) = g(m) + g'(xi) (x - m)`` with ``xi`` in ``[a, b]``), which is tight
    to second order on short subintervals.
    """

    def __init__(self, f_pos):
        self.ratio = f_pos / XP
        self.derivative = sympy.diff(f_pos, XP)
        self.slope = sympy.diff(self.ratio, XP) if continuous(self.ratio, XP, analytic=True) else None

    def enclose(self, a, b):
        """A ball containing ``f(x)/x`` for every ``x`` in ``[a, b]``; on ``[0, b]`` (``a == 0``) one containing
        ``f'`` there, which holds ``f(x)/x`` by the mean value theorem where its conditions are proved."""
        old = ctx.prec
        ctx.prec = PRECISION
        try:
            if a == 0:
                return _arb(self.derivative, (XP, _interval(a, b).nonnegative_part()))
            X = _interval(a, b)
            naive = _arb(self.ratio, (XP, X))
            if self.slope is None or a == b:
                return naive
            m = arb((a + b) / 2)
            try:  # optional: where arb cannot evaluate g' (polygamma, say), g(X) alone is the enclosure
                form = _arb(self.ratio, (XP, m)) + _arb(self.slope, (XP, X)) * (X - m)
            except CheckError:
                return naive
            if not form.is_finite():
                return naive
            return form if not naive.is_finite() else naive.intersection(form)
        finally:
            ctx.prec = old


def check_ratio_enclosure(claim, f, data, domain):
    """Verify a ``stable-rank`` certificate's data (see the module docstring); ``f`` is the certificate's
    :class:`~symrep.certificates.function.Function`."""
    where = "stable rank"
    lo, hi, zero = read_domain(domain)
    if set(data) != {"l", "L", "subintervals"}:
        raise CheckError(f"{where}: fields are l, L and subintervals")
    l, L = (rational(get(data, k, "str", where), f"{where} {k}") for k in ("l", "L"))
    if not (l > 0 and L > 0):
        raise CheckError(f"{where}: l and L must be positive, got l = {l}, L = {L}")
    bounds = _subintervals(data, lo, hi, where)
    if zero or lo == 0:
        equal(f.value_at_0("the entry 0"), 0, "the entry 0 needs f(0) = 0 (x/sqrt(l) <= f(x) <= sqrt(L) x at x = 0)")
    if lo == 0:
        equal(f.limit_at_0_from_right("f(0+)"), 0, "near 0, f(x)/x is bounded only if f(0+) = 0")
        if not continuous(f.pos, XP, analytic=True):
            raise CheckError(f"{where}: f = {short(f.pos)} is not proved analytic on (0, oo), so the mean value "
                             f"theorem cannot bound f(x)/x on [0, {bounds[0][1]}]")
    ratio = Ratio(f.pos)
    for a, b in bounds:
        charge(2, f"{where}: enclosing f(x)/x on a subinterval")
        why = within(ratio.enclose(a, b), l, L)
        if why:
            raise CheckError(f"{where} on [{a}, {b}]: {why}")
    return claim, "holds"
