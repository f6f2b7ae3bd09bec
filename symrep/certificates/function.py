"""The function of a certificate, read on its claim's domain.

Examples
--------
>>> import sympy
>>> from symrep.certificates.function import Function
>>> from symrep.certificates.reading import XR
>>> f = Function(1 - sympy.Heaviside(-XR), "[0, oo)")
>>> f.at0, f.pos                               # f(0) as written; 1 on (0, oo)
(1/2, 1)
"""

import sympy

from .balls import _UNDEFINED, _arb
from .exact import continuous, equal, sign, signed_constants
from .limits import limit
from .reading import XN, XP, XR, CheckError, constant

__all__ = ["Function"]


class Function:
    """The function of a certificate, read on its domain.

    ``real`` is ``f`` parsed with a real ``x`` (the function as written, used for ``f(0)`` and on
    the real line); ``pos`` and ``neg`` are its restrictions to ``x > 0`` and ``x < 0`` (SymPy's
    evaluation under those assumptions, e.g. ``|x| = x`` for ``x > 0``). ``at0`` is ``f(0)`` as
    written or, for a removable singularity at 0, the limit stated in the certificate's
    ``extension`` and re-proved here.
    """

    def __init__(self, real, domain, extension=None, undefined_at_0_allowed=False, kernel_checked=False):
        self.real, self.domain = real, domain
        self.pos, self.neg = (_restricted(real, var, side, domain) for var, side in ((XP, "> 0"), (XN, "< 0")))
        try:
            written = real.subs(XR, 0)
        except (ValueError, TypeError):  # SymPy cannot form it: Max(nan, 0) is "not comparable", a subterm
            written = sympy.nan  # at 0 is undefined or not real, so f(0) as written is not a real number
        hidden = _hidden_zero_power(real)
        if hidden is not None:  # 0 * 0**(a - 2) reads as 0 in SymPy, though it is 0 * oo for a < 2
            if extension is None and not undefined_at_0_allowed:
                raise CheckError(f"f is undefined at 0 for part of the region: at x = 0, {hidden} has an exponent "
                                 f"not proved positive for the whole region")
            written = sympy.nan
        elif _not_defined_at(real, 0) is not None:  # 0 * (something that may be infinite) reads as 0 in SymPy
            written = sympy.nan
        # besselk(nu, 1), gamma(a): SymPy cannot tell whether they are real; proved for every parameter value
        real0 = written.is_extended_real or (written.is_extended_real is None and _real_on_the_region(written))
        if extension is None:
            if (written.has(*_UNDEFINED) or not real0) and undefined_at_0_allowed:
                self.at0 = None  # e.g. 1/x is no polynomial; any use of f(0) is refused
                return
            if written.has(*_UNDEFINED) or not real0:
                raise CheckError(f"f is undefined at 0 (f(0) = {written}); a certificate for a removable "
                                 f"singularity states the limit as its extension")
            self.at0 = written
            return
        if not (written.has(*_UNDEFINED) or written.is_extended_real is False):
            raise CheckError(f"the extension redefines f(0), but f(0) = {written} is defined as written")
        if type(extension) is not dict or set(extension) != {"point", "value"} or extension["point"] != "0":
            raise CheckError("an extension is {\"point\": \"0\", \"value\": TEXT}")
        value = constant(extension["value"], "extension value")
        sides = [(self.pos, XP, "+")] + ([(self.neg, XN, "-")] if domain == "R" else [])
        for g, var, side in sides if not kernel_checked else ():  # the kernel proved it (x log(1 + 1/x))
            found = limit(g, var, 0, side, f"extension at 0{side}")
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
        doubtful = _not_defined_at(self.real, point)
        if doubtful is not None:
            raise CheckError(f"{where}: f({point}) is not proved defined: {doubtful} there is not proved finite")
        value = self.real.subs(XR, point)
        if value.has(*_UNDEFINED) or value.is_extended_real is False:
            raise CheckError(f"{where}: f({point}) = {value} is not a real number")
        return value

    def value_at_0(self, where):
        if self.at0 is None:
            raise CheckError(f"{where}: f is undefined at 0")
        return self.at0

    def limit_at_0_from_right(self, where):
        found = limit(self.pos, XP, 0, "+", where)
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
                found = limit(g, var, 0, side, "continuity at 0")
            except CheckError:
                return False
            if found in (sympy.oo, -sympy.oo) or sympy.simplify(found - self.at0) != 0:
                return False
        return True


def _real_on_the_region(value):
    """True if a value in the parameters is proved of one sign (so defined and real) for every point of the active
    region (:func:`~symrep.certificates.parametric.prove`); False without parameters or region."""
    from .parametric import prove
    from .regions import active_region

    box = active_region()
    if not box or not value.free_symbols or not value.free_symbols <= set(box) or value.has(*_UNDEFINED):
        return False
    for relation in (">", "<", ">=", "<="):
        try:
            if prove(value, relation, box, "f(0)"):
                return True
        except CheckError:
            continue
    return False


def _not_defined_at(expr, point):
    """A part of ``expr`` that is not proved finite at ``x = point``, or None.

    SymPy evaluates ``0 * u`` to 0 whatever ``u`` is, so a value at a point is only what is written if
    every factor is finite there. Two kinds of parts may not be (both found by attacks on the checker):
    a power ``g^p`` whose exponent is not proved positive and whose base is not proved nonzero at the
    point (``x/(x + sin(1)^2 + cos(1)^2 - 1)`` at 0 is ``0 * z^(-1)`` with ``z`` a zero in disguise, so
    it is 0/0, not 0); and a function application whose value there SymPy does not know to be finite
    (``besselk(a^2 - a + 1/2, 0)`` stays unevaluated; K is infinite at 0 for every order). Signs are
    proved by ball arithmetic, or on the whole region for expressions in parameters."""
    for power in expr.atoms(sympy.Pow):
        if not power.base.has(XR) or power.exp.is_number and _positive_number(power.exp):
            continue
        try:
            sign(power.exp, "the exponent", +1)
            continue
        except CheckError:
            pass
        base = _subs_or_nan(power.base, point)
        if base.has(*_UNDEFINED):
            return power
        try:
            sign(base, "the base of a power", 0)
        except CheckError:
            return power
    for jump in expr.atoms(sympy.sign, sympy.Heaviside):  # SymPy may decide the sign of a disguised zero
        argument = _subs_or_nan(jump.args[0], point)
        if argument.has(*_UNDEFINED):
            return jump
        if jump.args[0].has(XR) and argument != 0:
            try:
                sign(argument, "the argument of a jump", 0)
            except CheckError:
                return jump
    for application in expr.atoms(sympy.Function):
        if application.has(XR):
            value = _subs_or_nan(application, point)
            if value.has(*_UNDEFINED):
                continue  # undefined as written: reported as such by the caller
            if value.free_symbols:  # in parameters: SymPy's answer from proved signs of the constants only
                signed = signed_constants(value)
                if (signed is None or signed.is_finite is not True) and not _real_on_the_region(value):
                    return application  # (a value proved of one sign on the whole region is finite there)
            elif not _finite_ball(value):  # a number: log(sinh(cosh(1)^2 - sinh(1)^2 - 1)) is log 0
                return application
    return None


def _finite_ball(number):
    try:
        return bool(_arb(number).is_finite())
    except Exception:
        return False


def _hidden_zero_power(expr):
    """A power ``g(x)**p`` of ``expr`` with ``g(0) = 0`` whose exponent depends on parameters and is not
    proved positive on the whole region, or None: SymPy takes ``0**p`` for finite, so a product with it
    would read as 0 where it is ``0 * oo`` for part of the region (then f(0) is not what is written)."""
    for power in expr.atoms(sympy.Pow):
        if power.exp.free_symbols - {XR} and power.base.has(XR) and power.base.subs(XR, 0) == 0:
            try:
                sign(power.exp, "the exponent of a power of 0", +1)
            except CheckError:
                return power
    return None


def _restricted(real, var, side, domain):
    """``f`` with ``x`` replaced by ``var`` (``x > 0`` or ``x < 0``), or a CheckError where SymPy cannot form it
    (``Max(x, x**(3/2))`` with a negative ``x`` is "not comparable"); on ``[0, oo)`` the negative side is not
    used, and is None there."""
    try:
        return real.xreplace({XR: var})
    except (ValueError, TypeError):
        if side == "< 0" and domain != "R":
            return None
        raise CheckError(f"f for x {side} cannot be read: SymPy cannot form {real} there") from None


def _subs_or_nan(expr, point):
    """``expr`` at ``x = point``, or ``nan`` where SymPy cannot form it (``Max(0, nan)`` is "not comparable")."""
    try:
        return expr.subs(XR, point)
    except (ValueError, TypeError):
        return sympy.nan


def _positive_number(value):
    """``value > 0`` for a number, False where SymPy cannot compare it (``besselk(1, -1)`` is not real)."""
    try:
        return bool(value > 0)
    except TypeError:
        return False
