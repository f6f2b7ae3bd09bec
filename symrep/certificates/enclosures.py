"""Ball arithmetic for the kernel: enclosures of terms, and signs proved at points and over boxes.

:func:`enclose` evaluates a term with python-flint's ``arb`` balls for its variables: the result
contains the term's value at every point of the balls where it is defined, and is not finite
(``nan``) where a point of the balls may lie outside the term's domain (``log`` of a ball that
reaches 0, a pole of ``gamma``, ``u^(1/2)`` of a ball that reaches below 0, ...), so a finite
enclosure also proves the term defined on the whole box. :func:`sign_at` proves the sign of a closed
number at rising precision (64 to 8192 bits), so a zero in disguise never passes as nonzero;
:func:`sign_on` proves a sign over a box of rational intervals by bisection. Every evaluated node,
precision step and box is charged to the fuel.

The constants of the grammar each have a ball: ``pi``, ``E``, ``EulerGamma`` (``arb.const_euler``),
``Catalan``; so do ``polygamma(n, u)`` (``acb.polygamma``), ``besselk`` and ``besseli``.

Examples
--------
>>> from fractions import Fraction
>>> from symrep.certificates.grammar import read
>>> from symrep.certificates.enclosures import sign_at, sign_on
>>> sign_at(read("pi - 3", "c"), "pi > 3")
1
>>> sign_at(read("sin(1)^2 + cos(1)^2 - 1", "c"), "a zero in disguise")
Traceback (most recent call last):
...
symrep.certificates.errors.CheckError: a zero in disguise: could not prove that sin(1)^2 + cos(1)^2 - 1 is not 0
>>> sign_on(read("1 + x - x^2/4", "f"), {"x": (Fraction(0), Fraction(2))}, +1, "on [0, 2]")
1
"""

from fractions import Fraction

from flint import acb, arb, ctx, fmpq

from .errors import CheckError
from .fuel import charge
from .terms import text

__all__ = ["enclose", "ball_of", "interval_ball", "defined_closed", "sign_at", "sign_on", "MAX_PRECISION", "MAX_BOXES"]

MAX_PRECISION, MAX_BOXES = 8192, 4096


def _nan():
    return arb("nan")


def ball_of(value):
    """The exact ball of a rational."""
    value = Fraction(value)
    return arb(fmpq(value.numerator, value.denominator))


def interval_ball(lo, hi):
    """A ball containing the closed interval [lo, hi] of rationals."""
    return ball_of(lo).union(ball_of(hi))


_CONSTANTS = {"pi": arb.pi, "E": arb.const_e, "EulerGamma": arb.const_euler, "Catalan": arb.const_catalan}
_SIMPLE = {"exp": "exp", "sin": "sin", "cos": "cos", "tan": "tan", "sinh": "sinh", "cosh": "cosh", "tanh": "tanh",
           "sech": "sech", "atan": "atan", "asinh": "asinh", "erf": "erf", "erfc": "erfc", "sinc": "sinc"}


def enclose(term, env):
    """A ball containing the term's value at every point of ``env`` (``{name: arb}``), at the current
    precision; ``nan`` where some point may be outside the term's domain."""
    charge(1, "evaluating in ball arithmetic")
    op = term.op
    if op == "num":
        return ball_of(term.value)
    if op == "var":
        if term.args[0] not in env:
            raise CheckError(f"{term.args[0]} has no value here")
        return env[term.args[0]]
    if op == "const":
        return _CONSTANTS[term.args[0]]()
    if op == "+":
        out = arb(0)
        for a in term.args:
            out = out + enclose(a, env)
        return out
    if op == "*":
        out = arb(1)
        for a in term.args:
            out = _times(out, enclose(a, env))
        return out
    if op == "^":
        return _power(term, env)
    args = [enclose(a, env) for a in term.args]
    if not all(a.is_finite() for a in args):
        return _nan()
    u = args[-1]
    if op in _SIMPLE:
        if op == "tan" and not _nonzero(u.cos()):
            return _nan()
        return getattr(u, _SIMPLE[op])()
    if op == "log":
        return u.log() if u > 0 else _nan()
    if op in ("csch", "coth"):
        return getattr(u, op)() if _nonzero(u) else _nan()
    if op in ("asin", "acos"):
        return getattr(u, op)() if u >= -1 and u <= 1 else _nan()
    if op == "acosh":
        return u.acosh() if u >= 1 else _nan()
    if op == "atanh":
        return u.atanh() if u > -1 and u < 1 else _nan()
    if op == "gamma":
        return u.gamma() if not u.contains_integer() or u > 0 else _nan()
    if op == "polygamma":
        n = term.args[0]
        if n.op != "num" or n.value.denominator != 1 or n.value < 0 or (u.contains_integer() and not u > 0):
            return _nan()
        return acb(u).polygamma(acb(int(n.value))).real
    if op == "besselk":
        return u.bessel_k(args[0]) if u > 0 else _nan()
    if op == "besseli":  # entire in u for an integer order (DLMF 10.25.2), else defined for u > 0
        return u.bessel_i(args[0]) if u > 0 or (args[0].is_exact() and args[0].is_integer()) else _nan()
    if op == "Abs":
        return abs(u)
    if op in ("Max", "Min"):
        return args[0].max(args[1]) if op == "Max" else args[0].min(args[1])
    if op == "Heaviside":  # H(0) = 1/2; over a ball that meets 0, the enclosure [0, 1] is still true
        return arb(1) if u > 0 else arb(0) if u < 0 else ball_of(Fraction(1, 2)) if u.is_zero() \
            else interval_ball(0, 1)
    if op == "sign":
        return arb(1) if u > 0 else arb(-1) if u < 0 else arb(0) if u.is_zero() else interval_ball(-1, 1)
    raise CheckError(f"cannot evaluate {op} in ball arithmetic")


def _times(p, q):
    """The product of two balls; for wide ones, the interval product of their ends (min and max of the four
    end products, each a ball), which midpoint-radius arithmetic would widen: [1, 2] [1/4, 1] is [1/4, 2]."""
    if not (p.is_finite() and q.is_finite()) or (p.rad() * 64 <= abs(p.mid()) and q.rad() * 64 <= abs(q.mid())):
        return p * q
    ends = [a * b for a in (p.lower(), p.upper()) for b in (q.lower(), q.upper())]
    out = ends[0]
    for e in ends[1:]:
        out = out.union(e)
    return out


def _nonzero(ball):
    return ball.is_finite() and (ball > 0 or ball < 0)


def _power(term, env):
    base_term, exponent_term = term.args
    base = enclose(base_term, env)
    if not base.is_finite():
        return _nan()
    if exponent_term.op == "num":
        q = exponent_term.value
        if q.denominator == 1:
            if q < 0 and not _nonzero(base):
                return _nan()
            return base ** int(q)  # 0^0 = 1
        if base < 0 or (q < 0 and not base > 0) or not base >= 0:
            return _nan()
        if q.denominator > 2**20 or abs(q.numerator) > 2**20:  # x^1.00000000000000000001: no root of that order
            return (arb(q.numerator) / arb(q.denominator) * base.log()).exp() if base > 0 else _nan()
        root = base.nonnegative_part().root(q.denominator) if not base > 0 else base.root(q.denominator)
        return root ** q.numerator if q > 0 else 1 / root ** (-q.numerator)
    exponent = enclose(exponent_term, env)
    if exponent.is_finite() and base.is_zero() and exponent > 0:  # 0^e = 0 for e > 0
        return arb(0)
    if base.is_zero() and exponent.is_zero():  # 0^e with e exactly 0 (x^(2x) at 0): the grammar's 0^0 = 1
        return arb(1)
    if not exponent.is_finite() or not base > 0:
        return _nan()
    return (exponent * base.log()).exp()


def defined_closed(term):
    """A closed term proved defined: a ball at 64 bits encloses it in a finite interval."""
    try:
        return enclose(term, {}).is_finite()
    except (CheckError, ArithmeticError, ValueError):
        return False


def sign_at(term, where, want=0):
    """Prove the sign of a closed term (no variables): return +1 or -1, or raise. ``want`` (+1, -1) asks
    for that sign; 0 for any nonzero one. Precision rises from 64 to :data:`MAX_PRECISION` bits."""
    old, prec = ctx.prec, 64
    try:
        while prec <= MAX_PRECISION:
            charge(prec // 64, f"proving a sign ({where})")
            ctx.prec = prec
            ball = enclose(term, {})
            found = 1 if ball.is_finite() and ball > 0 else -1 if ball.is_finite() and ball < 0 else 0
            if found and want in (0, found):
                return found
            if found or term.op == "num":
                break
            prec *= 2
    finally:
        ctx.prec = old
    shown = text(term)
    shown = shown if len(shown) <= 200 else shown[:180] + " ..."
    raise CheckError(f"{where}: could not prove that {shown} " + (f"has sign {want:+d}" if want else "is not 0"))


def sign_on(term, box, want, where, *, max_boxes=MAX_BOXES, strict=True):
    """Prove ``sign(term) == want`` (``term >= 0`` or ``<= 0`` with ``strict=False``) at every point of
    ``box`` (``{name: (lo, hi)}``, closed rational intervals), by bisecting the widest side."""
    names = sorted(box)
    pending = [tuple(box[n] for n in names)]
    boxes = 0
    old = ctx.prec
    ctx.prec = 128
    try:
        while pending:
            cell = pending.pop()
            boxes += 1
            charge(4, f"bisecting a box ({where})")
            if boxes > max_boxes:
                break
            value = enclose(term, {n: interval_ball(lo, hi) for n, (lo, hi) in zip(names, cell)})
            if value.is_finite() and (want * value > 0 or (not strict and want * value >= 0)):
                continue
            if value.is_finite() and want * value < 0:
                break  # the sign is wrong somewhere in the box: no bisection helps
            widest = max(range(len(cell)), key=lambda i: cell[i][1] - cell[i][0])
            lo, hi = cell[widest]
            if hi - lo < Fraction(1, 2**60):
                break
            middle = (lo + hi) / 2
            for part in ((lo, middle), (middle, hi)):
                pending.append(cell[:widest] + (part,) + cell[widest + 1:])
        else:
            return want
    finally:
        ctx.prec = old
    relation = (">" if want > 0 else "<") + ("" if strict else "=")
    raise CheckError(f"{where}: could not prove {text(term)[:200]} {relation} 0 on "
                     + ", ".join(f"{n} in [{lo}, {hi}]" for n, (lo, hi) in zip(names, (box[n] for n in names))))
