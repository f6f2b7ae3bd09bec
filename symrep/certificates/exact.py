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

from . import balls
from .balls import _provably_nonzero, short
from .fuel import charge
from .parametric import _real, _structural, prove
from .regions import Interval, active_region
from .reading import CheckError

__all__ = ["sign", "nonneg", "equal", "nonzero", "continuous", "short", "exponential_form"]

# atoms analytic wherever their argument is real (any real argument)
_ENTIRE = (sympy.exp, sympy.sin, sympy.cos, sympy.atan, sympy.sinh, sympy.cosh, sympy.tanh, sympy.asinh,
           sympy.erf, sympy.erfc, sympy.sinc, sympy.sech)
# atoms continuous, but not analytic, on the whole real line
_CONTINUOUS_ONLY = (sympy.Abs, sympy.Max, sympy.Min)


def sign(value, where, want):
    """Prove ``sign(value) == want`` (+1 or -1), or ``value != 0`` (``want`` 0, returning the sign).

    A value with parameters is proved for every point of the active region
    (:func:`~symrep.certificates.parametric.prove`); outside a region, parameters are a rejection."""
    value = sympy.sympify(value)
    box = active_region()
    if value.free_symbols and box is not None:
        if want:
            prove(value, ">" if want > 0 else "<", box, where)
            return want
        for found, relation in ((1, ">"), (-1, "<")):
            try:
                prove(value, relation, box, where)
                return found
            except CheckError:
                continue
        raise CheckError(f"{where}: could not prove that {short(value)} is not 0 for all parameter values")
    return balls.sign(value, where, want)


def nonneg(value, where):
    value = sympy.sympify(value)
    if value == 0:
        return
    box = active_region()
    if value.free_symbols and box is not None:
        prove(value, ">=", box, where)
        return
    sign(value, where, +1)


def nonzero(value, where):
    """Prove ``value != 0`` (rigorously: an exact 0 or a disguised one is a rejection)."""
    return sign(value, where, 0)


def equal(a, b, where):
    """Prove the identity ``a = b`` (for all values of the variable allowed by its assumptions)."""
    diff = sympy.sympify(a) - sympy.sympify(b)
    size = _size(diff)
    charge(size, f"proving {where}")
    if diff == 0 or sympy.expand(diff) == 0:
        return
    if not diff.free_symbols and _provably_nonzero(diff):  # a cheap, rigorous refusal before simplify
        raise CheckError(f"{where}: {short(a)} and {short(b)} differ (their difference is proved nonzero)")
    if diff.has(sympy.sign, sympy.Heaviside):  # simplify takes sign(z^2) for 1 when z is a zero in disguise
        raise CheckError(f"{where}: {short(a)} and {short(b)} are not proved equal (SymPy's simplify is not "
                         f"trusted with sign and Heaviside)")
    charge(20 * size, f"simplifying for {where}")
    if sympy.simplify(diff) == 0:
        return
    exponential = exponential_form(diff)  # b^u = exp(u log b) for a constant b > 0: SymPy misses it
    if exponential != diff and sympy.simplify(exponential) == 0:
        return
    raise CheckError(f"{where}: {short(a)} and {short(b)} are not proved equal")


def _size(e):
    """The number of nodes of an expression tree: the unit in which identities are charged."""
    return sum(1 for _ in sympy.preorder_traversal(e))


def exponential_form(e):
    """``e`` with every power ``b^u`` of a positive constant ``b != E`` (a number, or an expression in
    parameters positive on the whole active region) and a non-numeric exponent written as
    ``exp(u log b)``: an identity for ``b > 0`` (principal logarithm). ``2^(-x)`` is ``exp(-log(2) x)``.

    Examples
    --------
    >>> from symrep.certificates.reading import XP
    >>> exponential_form(2 ** (-XP))
    exp(-x*log(2))
    """
    box = active_region()
    powers = {}
    for p in e.atoms(sympy.Pow):
        if p.base == sympy.E or p.exp.is_number or p.base.has(*(s for s in p.base.free_symbols if s.name == "x")):
            continue
        positive = p.base.is_positive or (box is not None and p.base.free_symbols <= set(box)
                                          and _structural(p.base, box) == "+")
        if positive:
            powers[p] = sympy.exp(p.exp * sympy.log(p.base))
    return e.xreplace(powers) if powers else e


def continuous(e, var, analytic=False):
    """True if ``e`` is proved continuous (``analytic``: real analytic) at every value of ``var``
    allowed by its assumptions (``XP``: (0, oo), ``XN``: (-oo, 0), ``XR``: the real line).

    The proof is structural: numbers and ``var``; sums and products; ``exp sin cos atan sinh cosh
    tanh asinh erf erfc sinc`` of a continuous argument; ``Abs Max Min`` (continuous only);
    ``log`` and ``besselk(nu, .)`` and ``gamma`` of a positive argument; powers with a nonnegative
    integer exponent, a negative integer exponent of a nonzero base, any other real exponent of a
    positive base (or a nonnegative one with a positive exponent, continuous only). Anything else
    (``tan``, ``Heaviside``, ``sign``, ...) is not proved continuous. Conditions on expressions in
    parameters (``sqrt(2 nu) x > 0``) are proved for the whole active region.
    """
    charge(1, "proving continuity")
    if not e.has(var):
        return bool(e.is_extended_real and e.is_finite) or _on_region(e, var, "real")
    if e == var:
        return True
    args_ok = lambda *parts: all(continuous(p, var, analytic) for p in parts)
    if e.is_Add or e.is_Mul:
        return args_ok(*e.args)
    if e.is_Pow:
        base, exp = e.args
        if exp.has(var):
            return _on_region(base, var, "positive") and args_ok(base, exp)
        if exp.is_Integer:
            return args_ok(base) and (exp >= 0 or _on_region(base, var, "nonzero"))
        if not (exp.is_extended_real and exp.is_finite or _on_region(exp, var, "real")):
            return False
        if _on_region(base, var, "positive"):
            return args_ok(base)
        return not analytic and _on_region(exp, var, "positive") and _on_region(base, var, "nonnegative") \
            and args_ok(base)
    if isinstance(e, _ENTIRE):
        return args_ok(*e.args)
    if isinstance(e, _CONTINUOUS_ONLY):
        return not analytic and args_ok(*e.args)
    if isinstance(e, (sympy.log, sympy.gamma)):
        return _on_region(e.args[0], var, "positive") and args_ok(e.args[0])
    if isinstance(e, sympy.besselk):
        return not e.args[0].has(var) and _on_region(e.args[1], var, "positive") and args_ok(e.args[1])
    return False


_CLASSES = {"positive": ("+",), "nonzero": ("+", "-"), "nonnegative": ("+", "0+", "0")}


def _on_region(e, var, kind):
    """``e`` is positive (nonzero, nonnegative, real and finite) at every value of ``var`` and, for an
    expression in parameters, at every point of the active region: SymPy's assumptions where they
    answer, else the region's structural proof (:func:`~symrep.certificates.parametric._structural`)."""
    signed = signed_constants(e)  # SymPy reasons from the constants' signs: give it proved ones only
    if signed is not None:
        fact = signed.is_extended_real and signed.is_finite if kind == "real" else getattr(signed, "is_" + kind)
        if fact:
            return True
    box = active_region()
    if box is None or not e.free_symbols - {var}:
        return False
    box = dict(box)
    box[var] = Interval(0, sympy.oo) if var.is_positive else Interval(-sympy.oo, 0) if var.is_negative else Interval()
    return _real(e, box) if kind == "real" else _structural(e, box) in _CLASSES[kind]



def signed_constants(e):
    """``e`` with every numeric part other than a rational, pi or E replaced by a symbol carrying the sign
    that ball arithmetic proves for it, or None if some sign is not proved. SymPy's own answer for a
    constant such as ``sinh(cosh(1)^2 - sinh(1)^2 - 1)`` (exactly 0) is "positive" (found by an attack)."""
    if e.is_number:
        if e.is_Rational or e in (sympy.pi, sympy.E):
            return e
        try:
            found = balls.sign(e, "a constant", 0)
        except CheckError:
            return None
        return sympy.Dummy(positive=True) if found > 0 else sympy.Dummy(negative=True)
    if not e.args:
        return e
    args = [signed_constants(a) for a in e.args]
    return None if any(a is None for a in args) else e.func(*args)
