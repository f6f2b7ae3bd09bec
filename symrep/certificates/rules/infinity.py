"""Bounds of terms on a half-line ``[X0, oo)``: interval arithmetic with infinite ends.

:func:`bound_at_infinity` encloses the values of a term of ``x`` for every ``x >= X0`` in an interval whose
ends are arb balls or infinite, by rules that are facts about the real functions: sums and products of
intervals (no ``oo * 0``), reciprocals of intervals away from 0, powers, ``exp`` and ``log`` (increasing,
``exp(-oo) = 0``), the increasing bounded functions ``tanh``, ``atan``, ``erf`` (their limits at the ends),
``erfc`` (decreasing), ``sinh`` (increasing), ``cosh`` (even, increasing on ``[0, oo)``), ``Abs``, ``Max`` and
``Min`` (increasing in each argument), and ``sin``, ``cos``, ``sech``, ``sign``, ``Heaviside`` within their ranges. A finite
enclosure proves the term bounded on ``[X0, oo)`` (and defined there, every side condition included);
a nonconstant polynomial is not, which is what a ``not-polynomial`` proof uses.

Examples
--------
>>> from fractions import Fraction
>>> from symrep.certificates.grammar import read
>>> from symrep.certificates.rules.infinity import bounded_at_infinity
>>> bounded_at_infinity(read("exp(-x)*cos(x) + atan(x) + (x + 1)^(-1/2)", "g"), Fraction(1))
True
>>> bounded_at_infinity(read("x*exp(-x)", "g"), Fraction(1))     # oo * 0: these rules cannot tell
False
>>> bounded_at_infinity(read("Max(0, 1 - x)^2", "g"), Fraction(1))  # compact support: 0 on [1, oo)
True
>>> bounded_at_infinity(read("Max(0, 1 - x)^3*(1 + 3*x)", "g"), Fraction(1))
True
>>> bounded_at_infinity(read("Min(1, x)", "g"), Fraction(1)), bounded_at_infinity(read("Max(1, x)", "g"), Fraction(1))
(True, False)
"""

from flint import arb, ctx

from ..enclosures import ball_of, enclose
from ..fuel import charge

__all__ = ["bound_at_infinity", "bounded_at_infinity"]

#: Not proved defined on the half-line: every bound built on it is void.
UNDEFINED = "undefined"


def _add(a, b):
    return (None if a[0] is None or b[0] is None else a[0] + b[0],
            None if a[1] is None or b[1] is None else a[1] + b[1])


def _finite(a):
    return a[0] is not None and a[1] is not None


def _mul(a, b):
    if _finite(a) and _finite(b):
        products = [p * q for p in a for q in b]
        lo, hi = products[0], products[0]
        for p in products[1:]:
            lo, hi = lo.min(p), hi.max(p)
        return lo, hi
    for zero, other in ((a, b), (b, a)):  # 0 times any real number is 0 (the compact support of Max(0, 1 - x)^k p(x))
        if _finite(zero) and zero[0].is_zero() and zero[1].is_zero():
            return zero
    # one end infinite: only intervals of one strict sign times such intervals
    signs = [_sign(a), _sign(b)]
    if 0 in signs or None in signs:
        return None, None
    lows = [a[0] if signs[0] > 0 else a[1], b[0] if signs[1] > 0 else b[1]]  # the ends nearest 0
    if any(v is None for v in lows):
        return None, None
    near = lows[0] * lows[1]
    if signs[0] * signs[1] > 0:
        return near, None
    return None, near


def _sign(a):
    if a[0] is not None and a[0] > 0:
        return 1
    if a[1] is not None and a[1] < 0:
        return -1
    return 0


def _reciprocal(a):
    s = _sign(a)
    if s == 0:
        return UNDEFINED  # the denominator may vanish
    if s > 0:
        return (arb(0) if a[1] is None else 1 / a[1]), (1 / a[0])
    return (1 / a[1]), (arb(0) if a[0] is None else 1 / a[0])


def _monotone(a, f, at_minus_inf, at_plus_inf):
    return (at_minus_inf if a[0] is None else f(a[0])), (at_plus_inf if a[1] is None else f(a[1]))


def bound_at_infinity(term, start):
    """``(lo, hi)`` enclosing the term for every ``x >= start``; an end is None where it is infinite (or not
    bounded by these rules)."""
    charge(1, "bounding a term at infinity")
    op = term.op
    if op in ("num", "const"):
        value = enclose(term, {})
        return (value, value) if value.is_finite() else UNDEFINED
    if op == "var":
        return (ball_of(start), None) if term.args[0] == "x" else UNDEFINED
    parts = [bound_at_infinity(a, start) for a in term.args]
    if UNDEFINED in parts:
        return UNDEFINED
    if op in ("+", "*"):
        out = parts[0]
        for part in parts[1:]:
            out = _add(out, part) if op == "+" else _mul(out, part)
        return out
    if op == "^":
        return _power(term, parts[0])
    if op in ("Max", "Min"):  # increasing in each argument: the ends are the Max (Min) of the ends
        return _extreme(parts, op == "Max")
    a = parts[-1]
    if op == "exp":
        return _monotone(a, lambda v: v.exp(), arb(0), None)
    if op == "log":
        if _sign(a) <= 0:
            return UNDEFINED
        return _monotone(a, lambda v: v.log(), None, None)
    if op in ("tanh", "erf"):
        return _monotone(a, lambda v: getattr(v, op)(), arb(-1), arb(1))
    if op == "atan":
        return _monotone(a, lambda v: v.atan(), -arb.pi() / 2, arb.pi() / 2)
    if op == "erfc":
        hi, lo = _monotone(a, lambda v: v.erfc(), arb(2), arb(0))
        return lo, hi
    if op in ("sin", "cos"):
        return arb(-1), arb(1)
    if op == "sinh":
        return _monotone(a, lambda v: v.sinh(), None, None)
    if op == "cosh":  # even, increasing on [0, oo): the least value at the end nearest 0 (1 if 0 is inside)
        lo = arb(1) if _sign(a) == 0 else (a[0] if _sign(a) > 0 else a[1]).cosh()
        hi = None if not _finite(a) else a[0].cosh().max(a[1].cosh())
        return lo, hi
    if op == "Abs":
        return _abs(a)
    if op == "sech":
        return arb(0), arb(1)
    if op == "sign":
        return arb(-1), arb(1)
    if op == "Heaviside":
        return arb(0), arb(1)
    return UNDEFINED  # no rule: not even proved defined


def _extreme(parts, larger):
    """The interval of ``Max`` (``larger``) or ``Min`` of two arguments: a missing end is -oo (low) or +oo
    (high), which ``Max`` ignores at the low end and ``Min`` at the high end."""
    (alo, ahi), (blo, bhi) = parts
    if larger:
        lo = alo if blo is None else blo if alo is None else alo.max(blo)
        hi = None if ahi is None or bhi is None else ahi.max(bhi)
    else:
        lo = None if alo is None or blo is None else alo.min(blo)
        hi = ahi if bhi is None else bhi if ahi is None else ahi.min(bhi)
    return lo, hi


def _abs(a):
    s = _sign(a)
    if s > 0:
        return a
    if s < 0:
        return (-a[1], None if a[0] is None else -a[0])
    return arb(0), (None if not _finite(a) else (-a[0]).max(a[1]))


def _power(term, base):
    exponent_term = term.args[1]
    if exponent_term.op != "num":
        return UNDEFINED
    q = exponent_term.value
    if q.denominator == 1:
        k = int(q)
        if k < 0:
            base = _reciprocal(base)
            if base == UNDEFINED:
                return UNDEFINED
            k = -k
        if k % 2 == 0:  # an even power of the interval is that of its absolute values
            base = _abs(base)
        out = (arb(1), arb(1))
        for _ in range(k):
            out = _mul(out, base)
        return out
    if _sign(base) <= 0:  # a root needs a positive base here
        return UNDEFINED
    if q < 0:
        base, q = _reciprocal(base), -q
    exponent = ball_of(q)
    return tuple(None if v is None else arb(0) if v.is_zero() else (exponent * v.log()).exp() for v in base)


def bounded_at_infinity(term, start):
    """True if the rules bound the term on ``[start, oo)`` from both sides."""
    old = ctx.prec
    ctx.prec = 128
    try:
        found = bound_at_infinity(term, start)
        if found == UNDEFINED:
            return False
        lo, hi = found
        return lo is not None and hi is not None and lo.is_finite() and hi.is_finite()
    finally:
        ctx.prec = old

