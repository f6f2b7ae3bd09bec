"""Numbers and balls for the checker: exact signs by ball arithmetic, and enclosures of an expression
over balls of its symbols' values.

Signs are proved with python-flint's ``arb`` at rising precision (64 to 8192 bits) until the
enclosure excludes 0; an enclosure that never does is a rejection, so a zero in disguise
(``sin(1)^2 + cos(1)^2 - 1``) can never pass as nonzero. :mod:`~symrep.certificates.exact` adds the
facts about parameters on top (:mod:`~symrep.certificates.parametric`).

Examples
--------
>>> import sympy
>>> from symrep.certificates.balls import sign
>>> sign(sympy.pi - 3, "pi > 3", +1)
1
"""

import sympy
from flint import acb, arb, ctx, fmpq

from .fuel import charge
from .errors import CheckError

__all__ = ["sign", "nonneg", "nonzero", "short", "enclose"]

_UNDEFINED = (sympy.nan, sympy.zoo, sympy.oo, -sympy.oo, sympy.AccumBounds)
_ARB = {sympy.exp: "exp", sympy.log: "log", sympy.sin: "sin", sympy.cos: "cos", sympy.tan: "tan",
        sympy.sinh: "sinh", sympy.cosh: "cosh", sympy.tanh: "tanh", sympy.atan: "atan", sympy.asinh: "asinh",
        sympy.sech: "sech", sympy.csch: "csch", sympy.coth: "coth", sympy.cot: "cot", sympy.sec: "sec",
        sympy.csc: "csc", sympy.sinc: "sinc",
        sympy.erf: "erf", sympy.erfc: "erfc", sympy.gamma: "gamma"}
def sign(value, where, want):
    """Prove ``sign(value) == want`` (+1 or -1), or ``value != 0`` (``want`` 0, returning the sign)."""
    value = sympy.sympify(value)
    if value.has(*_UNDEFINED) or value.free_symbols:
        raise CheckError(f"{where}: {value} is not a finite closed number")
    old, prec = ctx.prec, 64
    try:
        while prec <= 8192:
            charge(prec // 64, f"proving the sign of a number ({where})")
            ctx.prec = prec
            try:
                ball = _arb(value)
            except CheckError:
                raise
            except Exception:
                raise CheckError(f"{where}: cannot evaluate {value} in ball arithmetic") from None
            found = 1 if ball.is_finite() and ball > 0 else -1 if ball.is_finite() and ball < 0 else 0
            if found and want in (0, found):
                return found
            if found or value.is_Rational:
                break
            prec *= 2
    finally:
        ctx.prec = old
    raise CheckError(f"{where}: could not prove that {short(value)} " + (f"has sign {want:+d}" if want else "is not 0"))


def short(e, limit=240):
    """An expression as text for a message, cut to ``limit`` characters."""
    text = str(e)
    return text if len(text) <= limit else text[:limit - 25] + f" ... ({len(text)} characters)"


def nonzero(value, where):
    """Prove ``value != 0`` (rigorously: an exact 0 or a disguised one is a rejection)."""
    return sign(value, where, 0)


def _arb(e, at=None):
    """A ball containing the exact number ``e``; with ``at = (symbol, ball)`` (or ``{symbol: ball, ...}``), a
    ball containing the value of ``e`` at every point of ``ball`` (arb's functions enclose their value over a whole ball, and give a
    non-finite ball where a point of it is a pole or outside the function's domain)."""
    charge(1, "evaluating in ball arithmetic")
    if isinstance(at, tuple):
        at = {at[0]: at[1]}
    if at is not None and e in at:
        return at[e]
    if e.is_Integer:
        return arb(int(e))
    if e.is_Rational:
        return arb(fmpq(int(e.p), int(e.q)))
    if e is sympy.pi:
        return arb.pi()
    if e is sympy.E:
        return arb.const_e()
    if e is sympy.EulerGamma:
        return arb.const_euler()
    if e is sympy.Catalan:
        return arb.const_catalan()
    if isinstance(e, sympy.polygamma):  # psi^(n)(u): acb's polygamma, its real part (u real)
        order, u = e.args
        if not order.is_Integer or order < 0:
            raise CheckError(f"cannot evaluate {short(e)} in ball arithmetic")
        ball = _arb(u, at)
        if not ball.is_finite() or (ball.contains_integer() and not ball > 0):
            return arb("nan")
        return acb(ball).polygamma(acb(int(order))).real
    if e.is_Add or e.is_Mul:
        out = arb(0) if e.is_Add else arb(1)
        for a in e.args:
            out = out + _arb(a, at) if e.is_Add else out * _arb(a, at)
        return out
    if e.is_Pow:
        if e.base is sympy.E:
            return _arb(e.exp, at).exp()
        b = _arb(e.base, at)
        if e.exp.is_Integer:
            return b ** int(e.exp)
        if not (b > 0 or b >= 0 and e.exp.is_Rational and e.exp > 0):  # x^(p/q) is continuous at 0 for p/q > 0
            return arb("nan")
        return b ** fmpq(int(e.exp.p), int(e.exp.q)) if e.exp.is_Rational else (b.log() * _arb(e.exp, at)).exp()
    if type(e) in _ARB:
        return getattr(_arb(e.args[0], at), _ARB[type(e)])()
    if isinstance(e, sympy.Abs):
        return abs(_arb(e.args[0], at))
    if isinstance(e, (sympy.Max, sympy.Min)):  # arb_max and arb_min enclose the max (min) over the balls
        balls = [_arb(a, at) for a in e.args]
        out = balls[0]
        for ball in balls[1:]:
            out = out.max(ball) if isinstance(e, sympy.Max) else out.min(ball)
        return out
    if isinstance(e, sympy.besselk):
        return _arb(e.args[1], at).bessel_k(_arb(e.args[0], at))
    if isinstance(e, sympy.besseli) and e.args[0].is_integer:  # entire for an integer order (DLMF 10.25.2)
        return _arb(e.args[1], at).bessel_i(_arb(e.args[0], at))
    raise CheckError(f"cannot evaluate {short(e)} in ball arithmetic")


def _provably_nonzero(value):
    old = ctx.prec
    try:
        ctx.prec = 128
        ball = _arb(value)
        return bool(ball.is_finite() and (ball > 0 or ball < 0))
    except Exception:
        return False
    finally:
        ctx.prec = old


def nonneg(value, where):
    value = sympy.sympify(value)
    if value == 0:
        return
    sign(value, where, +1)


def enclose(e, values):
    """A ball containing ``e`` at every point of ``values`` (``{symbol: ball}``), at the current precision."""
    return _arb(e, values)
