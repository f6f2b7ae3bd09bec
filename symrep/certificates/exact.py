"""Exact facts for the checker: signs by ball arithmetic, identities, continuity by structure,
(the function on its domain is :mod:`symrep.certificates.function`).

Signs are proved with python-flint's ``arb`` at rising precision (64 to 8192 bits) until the
enclosure excludes 0; an enclosure that never does is a rejection, so a zero in disguise
(``sin(1)^2 + cos(1)^2 - 1``) can never pass as nonzero. Continuity and analyticity are read off
the structure of an expression: every atom must be one that is continuous (analytic) where its
arguments are, and each argument condition (``log`` of something positive, a negative power of
something nonzero) must follow from the variable's assumptions in SymPy's assumption system,
which answers ``None`` rather than guess.

Examples
--------
>>> import sympy
>>> from symrep.certificates.exact import continuous
>>> from symrep.certificates.reading import XP, XR
>>> continuous(sympy.atan(sympy.tan(XP)), XP)       # tan jumps at pi/2
False
>>> continuous(sympy.Abs(XR) + sympy.exp(-XR**2), XR), continuous(sympy.Abs(XR), XR, analytic=True)
(True, False)
"""

import sympy
from flint import arb, ctx, fmpq

from .reading import CheckError

__all__ = ["sign", "nonneg", "equal", "nonzero", "continuous", "short"]

_UNDEFINED = (sympy.nan, sympy.zoo, sympy.oo, -sympy.oo, sympy.AccumBounds)
_ARB = {sympy.exp: "exp", sympy.log: "log", sympy.sin: "sin", sympy.cos: "cos", sympy.tan: "tan",
        sympy.sinh: "sinh", sympy.cosh: "cosh", sympy.tanh: "tanh", sympy.atan: "atan", sympy.asinh: "asinh",
        sympy.sech: "sech", sympy.csch: "csch", sympy.coth: "coth", sympy.cot: "cot", sympy.sec: "sec",
        sympy.csc: "csc",
        sympy.erf: "erf", sympy.erfc: "erfc", sympy.gamma: "gamma"}
# atoms analytic wherever their argument is real (any real argument)
_ENTIRE = (sympy.exp, sympy.sin, sympy.cos, sympy.atan, sympy.sinh, sympy.cosh, sympy.tanh, sympy.asinh,
           sympy.erf, sympy.erfc, sympy.sinc, sympy.sech)
# atoms continuous, but not analytic, on the whole real line
_CONTINUOUS_ONLY = (sympy.Abs, sympy.Max, sympy.Min)


def sign(value, where, want):
    """Prove ``sign(value) == want`` (+1 or -1), or ``value != 0`` (``want`` 0, returning the sign)."""
    value = sympy.sympify(value)
    if value.has(*_UNDEFINED) or value.free_symbols:
        raise CheckError(f"{where}: {value} is not a finite closed number")
    old, prec = ctx.prec, 64
    try:
        while prec <= 8192:
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


def _arb(e):
    if e.is_Integer:
        return arb(int(e))
    if e.is_Rational:
        return arb(fmpq(int(e.p), int(e.q)))
    if e is sympy.pi:
        return arb.pi()
    if e is sympy.E:
        return arb.const_e()
    if e.is_Add or e.is_Mul:
        out = arb(0) if e.is_Add else arb(1)
        for a in e.args:
            out = out + _arb(a) if e.is_Add else out * _arb(a)
        return out
    if e.is_Pow:
        if e.base is sympy.E:
            return _arb(e.exp).exp()
        b = _arb(e.base)
        if e.exp.is_Integer:
            return b ** int(e.exp)
        if not b > 0:
            return arb("nan")
        return b ** fmpq(int(e.exp.p), int(e.exp.q)) if e.exp.is_Rational else (b.log() * _arb(e.exp)).exp()
    if type(e) in _ARB:
        return getattr(_arb(e.args[0]), _ARB[type(e)])()
    if isinstance(e, sympy.Abs):
        return abs(_arb(e.args[0]))
    if isinstance(e, sympy.besselk):
        return _arb(e.args[1]).bessel_k(_arb(e.args[0]))
    raise CheckError(f"cannot evaluate {e} in ball arithmetic")


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


def equal(a, b, where):
    """Prove the identity ``a = b`` (for all values of the variable allowed by its assumptions)."""
    diff = sympy.sympify(a) - sympy.sympify(b)
    if diff == 0 or sympy.expand(diff) == 0:
        return
    if not diff.free_symbols and _provably_nonzero(diff):  # a cheap, rigorous refusal before simplify
        raise CheckError(f"{where}: {short(a)} and {short(b)} differ (their difference is proved nonzero)")
    if sympy.simplify(diff) == 0:
        return
    raise CheckError(f"{where}: {short(a)} and {short(b)} are not proved equal")


def continuous(e, var, analytic=False):
    """True if ``e`` is proved continuous (``analytic``: real analytic) at every value of ``var``
    allowed by its assumptions (``XP``: (0, oo), ``XN``: (-oo, 0), ``XR``: the real line).

    The proof is structural: numbers and ``var``; sums and products; ``exp sin cos atan sinh cosh
    tanh asinh erf erfc sinc`` of a continuous argument; ``Abs Max Min`` (continuous only);
    ``log`` and ``besselk(nu, .)`` and ``gamma`` of a positive argument; powers with a nonnegative
    integer exponent, a negative integer exponent of a nonzero base, any other real exponent of a
    positive base (or a nonnegative one with a positive exponent, continuous only). Anything else
    (``tan``, ``Heaviside``, ``sign``, ...) is not proved continuous.
    """
    if not e.has(var):
        return bool(e.is_extended_real and e.is_finite)
    if e == var:
        return True
    args_ok = lambda *parts: all(continuous(p, var, analytic) for p in parts)
    if e.is_Add or e.is_Mul:
        return args_ok(*e.args)
    if e.is_Pow:
        base, exp = e.args
        if exp.has(var):
            return bool(base.is_positive) and args_ok(base, exp)
        if exp.is_Integer:
            return args_ok(base) and (exp >= 0 or bool(base.is_nonzero))
        if not (exp.is_extended_real and exp.is_finite):
            return False
        if base.is_positive:
            return args_ok(base)
        return not analytic and bool(exp.is_positive) and bool(base.is_nonnegative) and args_ok(base)
    if isinstance(e, _ENTIRE):
        return args_ok(*e.args)
    if isinstance(e, _CONTINUOUS_ONLY):
        return not analytic and args_ok(*e.args)
    if isinstance(e, (sympy.log, sympy.gamma)):
        return bool(e.args[0].is_positive) and args_ok(e.args[0])
    if isinstance(e, sympy.besselk):
        return not e.args[0].has(var) and bool(e.args[1].is_positive) and args_ok(e.args[1])
    return False
