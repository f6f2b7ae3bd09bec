"""Exact facts for the checker: signs by ball arithmetic, identities, continuity by structure,
and the function of a certificate on its domain.

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
>>> from symrep.certificates.exact import continuous, XP, XR
>>> continuous(sympy.atan(sympy.tan(XP)), XP)       # tan jumps at pi/2
False
>>> continuous(sympy.Abs(XR) + sympy.exp(-XR**2), XR), continuous(sympy.Abs(XR), XR, analytic=True)
(True, False)
"""

import sympy
from flint import arb, ctx, fmpq

from .reading import XN, XP, XR, CheckError, number

__all__ = ["sign", "nonneg", "equal", "nonzero", "continuous", "short", "Function"]

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


class Function:
    """The function of a certificate, read on its domain.

    ``real`` is ``f`` parsed with a real ``x`` (the function as written, used for ``f(0)`` and on
    the real line); ``pos`` and ``neg`` are its restrictions to ``x > 0`` and ``x < 0`` (SymPy's
    evaluation under those assumptions, e.g. ``|x| = x`` for ``x > 0``). ``at0`` is ``f(0)`` as
    written or, for a removable singularity at 0, the limit stated in the certificate's
    ``extension`` and re-proved here.
    """

    def __init__(self, real, domain, extension=None, undefined_at_0_allowed=False):
        self.real, self.domain = real, domain
        self.pos = real.xreplace({XR: XP})
        self.neg = real.xreplace({XR: XN})
        written = real.subs(XR, 0)
        if extension is None:
            if (written.has(*_UNDEFINED) or not written.is_extended_real) and undefined_at_0_allowed:
                self.at0 = None  # e.g. 1/x is no polynomial; any use of f(0) is refused
                return
            if written.has(*_UNDEFINED) or not written.is_extended_real:
                raise CheckError(f"f is undefined at 0 (f(0) = {written}); a certificate for a removable "
                                 f"singularity states the limit as its extension")
            self.at0 = written
            return
        if not (written.has(*_UNDEFINED) or written.is_extended_real is False):
            raise CheckError(f"the extension redefines f(0), but f(0) = {written} is defined as written")
        if type(extension) is not dict or set(extension) != {"point", "value"} or extension["point"] != "0":
            raise CheckError("an extension is {\"point\": \"0\", \"value\": TEXT}")
        value = number(extension["value"], "extension value")
        sides = [(self.pos, XP, "+")] + ([(self.neg, XN, "-")] if domain == "R" else [])
        for g, var, side in sides:
            found = _limit(g, var, 0, side, f"extension at 0{side}")
            if found.has(*_UNDEFINED) or not found.is_extended_real:
                raise CheckError(f"extension: the limit of f at 0{side} is {found}, not a finite number")
            equal(found, value, f"extension: the limit of f at 0{side}")
        self.at0 = value

    def at(self, point, where, in_domain=False):
        """``f(point)`` for an exact number ``point`` in the domain (proved there unless the caller
        already knows it, ``in_domain``: a sum of proved-positive sides)."""
        point = sympy.sympify(point)
        if point == 0:
            if self.at0 is None:
                raise CheckError(f"{where}: f is undefined at 0")
            return self.at0
        if self.domain != "R" and not in_domain:
            sign(point, f"{where}: the point {point} must lie in (0, oo)", +1)
        value = self.real.subs(XR, point)
        if value.has(*_UNDEFINED) or value.is_extended_real is False:
            raise CheckError(f"{where}: f({point}) = {value} is not a real number")
        return value

    def value_at_0(self, where):
        if self.at0 is None:
            raise CheckError(f"{where}: f is undefined at 0")
        return self.at0

    def limit_at_0_from_right(self, where):
        found = _limit(self.pos, XP, 0, "+", where)
        if found.has(*_UNDEFINED) or not found.is_extended_real:
            raise CheckError(f"{where}: f(0+) = {found} is not a finite number")
        return found

    def continuous_on_real_line(self):
        """Proved continuous on R: by structure, or on each half-line with f(0) = both one-sided limits."""
        if self.at0 is None:
            return False
        if continuous(self.real, XR):
            return True
        if not (continuous(self.pos, XP) and continuous(self.neg, XN)):
            return False
        for g, var, side in ((self.pos, XP, "+"), (self.neg, XN, "-")):
            try:
                found = _limit(g, var, 0, side, "continuity at 0")
            except CheckError:
                return False
            if found in (sympy.oo, -sympy.oo) or sympy.simplify(found - self.at0) != 0:
                return False
        return True


def _limit(*args):
    from .limits import limit  # limits builds on this module

    return limit(*args)
