"""Rigorous signs of exact real numbers by ball arithmetic (python-flint's ``arb``).

A float comparison is never a proof. :func:`prove_sign` encloses an exact SymPy number
(integers, rationals, binary floats taken at their exact value, ``pi``, ``E``, sums,
products, powers and the functions of :mod:`symrep.geometry.expressions`) in an ``arb`` ball,
doubling the working precision until the ball excludes 0. Every operation of ``arb``
returns a ball that contains the true result, so a ball that lies above 0 proves the
number positive.

An expression equal to 0 but not structurally 0 (``sqrt(2) + sqrt(3) - sqrt(5 + 2 sqrt(6))``)
never gets a sign: it stays undecided (``None``) however high the precision. This is the
sound answer, like python-flint's distinction between false and unknown.

Examples
--------
>>> import sympy
>>> from symrep.analysis.balls import prove_sign
>>> prove_sign(sympy.pi - sympy.Rational(355, 113)).sign
-1
>>> e = sympy.exp(sympy.pi * sympy.sqrt(163)) - 640320**3 - 744   # -7.5e-13, Ramanujan's near-integer
>>> proof = prove_sign(e)
>>> proof.sign, proof.precision >= 128
(-1, True)
>>> print(prove_sign(sympy.sqrt(2) + sympy.sqrt(3) - sympy.sqrt(5 + 2*sympy.sqrt(6)), max_precision=512))
None
"""

import time
from dataclasses import dataclass

import sympy
from flint import arb, ctx, fmpq
from sympy.core.function import AppliedUndef

from symrep.errors import InputError

__all__ = ["SignProof", "prove_sign", "enclose", "UnsupportedExpression", "DEFAULT_MAX_PRECISION"]

#: Highest working precision (bits) tried by default.
DEFAULT_MAX_PRECISION = 16384


class UnsupportedExpression(Exception):
    """The expression has a piece that ball arithmetic here does not evaluate."""


@dataclass(frozen=True)
class SignProof:
    """A proved sign: ``sign`` is +1 or -1; the ball at ``precision`` bits excluded 0.

    ``enclosure`` is the ball as text (midpoint +/- radius), for the record.
    """

    sign: int
    precision: int
    enclosure: str


def enclose(expr, precision):
    """An ``arb`` ball containing the exact real number ``expr``, at ``precision`` bits.

    Raises :class:`UnsupportedExpression` for pieces it cannot evaluate (complex numbers,
    unknown functions); returns a non-finite ball where a function is undefined on the
    ball (e.g. ``log`` of a ball containing 0).
    """
    old = ctx.prec
    ctx.prec = int(precision)
    try:
        return _eval(sympy.sympify(expr))
    finally:
        ctx.prec = old


def prove_sign(expr, *, start_precision=64, max_precision=DEFAULT_MAX_PRECISION, deadline=None):
    """Prove the sign of the exact real number ``expr``, or return None if undecided.

    Parameters
    ----------
    expr : sympy.Expr
        A closed exact expression (no free symbols, no undefined functions).
    start_precision, max_precision : int
        Working precision in bits: doubled from the first to at most the second.
    deadline : float, optional
        A ``time.monotonic()`` value after which no further precision is tried.

    Returns
    -------
    SignProof or None
        None when the number is 0 or too close to 0 for ``max_precision``, when the
        deadline passes, or when the expression cannot be evaluated in ball arithmetic.
    """
    expr = sympy.sympify(expr)
    if expr.free_symbols or expr.has(AppliedUndef):
        raise InputError(f"a sign needs a closed number, got {expr} with free symbols or undefined functions")
    if expr == 0:
        return None
    precision = start_precision
    while precision <= max_precision:
        if deadline is not None and time.monotonic() > deadline:
            return None
        try:
            ball = enclose(expr, precision)
        except UnsupportedExpression:
            return None
        if ball.is_finite():
            if ball > 0:
                return SignProof(1, precision, ball.str(radius=True))
            if ball < 0:
                return SignProof(-1, precision, ball.str(radius=True))
        precision *= 2
    return None


def _eval(e):
    if e.is_Integer:
        return arb(int(e))
    if e.is_Rational:
        return arb(fmpq(int(e.p), int(e.q)))
    if e.is_Float:
        sign, man, exp, _ = e._mpf_
        value = fmpq(int(man) * (-1 if sign else 1)) * (fmpq(2) ** int(exp) if exp >= 0 else fmpq(1, 2 ** -int(exp)))
        return arb(value)
    if e is sympy.pi:
        return arb.pi()
    if e is sympy.E:
        return arb.const_e()
    if e is sympy.EulerGamma:
        return arb.const_euler()
    if e.is_Add:
        out = arb(0)
        for term in e.args:
            out += _eval(term)
        return out
    if e.is_Mul:
        out = arb(1)
        for factor in e.args:
            out *= _eval(factor)
        return out
    if e.is_Pow:
        return _power(e.base, e.exp)
    func = _FUNCTIONS.get(type(e))
    if func is not None:
        return func(*[_eval(a) for a in e.args])
    raise UnsupportedExpression(f"cannot evaluate {e} ({type(e).__name__}) in ball arithmetic")


def _power(base, exponent):
    if base is sympy.E:
        return _eval(exponent).exp()
    b = _eval(base)
    if exponent.is_Integer:
        return b ** int(exponent)
    if exponent.is_Rational:
        if exponent.q == 2 and exponent.p == 1:
            return b.sqrt()
        return b ** fmpq(int(exponent.p), int(exponent.q)) if b > 0 else _nan()
    x = _eval(exponent)
    return (b.log() * x).exp() if b > 0 else _nan()


def _nan():
    return arb("nan")


def _besselk(nu, x):
    return x.bessel_k(nu)


def _besseli(nu, x):  # entire for an integer order (DLMF 10.25.2), else real for x > 0 only
    return x.bessel_i(nu) if x > 0 or (nu.is_exact() and nu.is_integer()) else _nan()


_FUNCTIONS = {
    sympy.exp: lambda x: x.exp(),
    sympy.log: lambda x: x.log(),
    sympy.sin: lambda x: x.sin(),
    sympy.cos: lambda x: x.cos(),
    sympy.tan: lambda x: x.tan(),
    sympy.sinh: lambda x: x.sinh(),
    sympy.cosh: lambda x: x.cosh(),
    sympy.tanh: lambda x: x.tanh(),
    sympy.sech: lambda x: x.sech(),
    sympy.csch: lambda x: x.csch(),
    sympy.coth: lambda x: x.coth(),
    sympy.atan: lambda x: x.atan(),
    sympy.asinh: lambda x: x.asinh(),
    sympy.erf: lambda x: x.erf(),
    sympy.erfc: lambda x: x.erfc(),
    sympy.gamma: lambda x: x.gamma(),
    sympy.Abs: lambda x: abs(x),
    sympy.besselk: _besselk,
    sympy.besseli: _besseli,
    sympy.Min: lambda *xs: _fold(xs, "min"),
    sympy.Max: lambda *xs: _fold(xs, "max"),
}


def _fold(values, how):
    out = values[0]
    for v in values[1:]:
        out = getattr(out, how)(v)
    return out
