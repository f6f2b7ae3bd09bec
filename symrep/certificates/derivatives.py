"""Derivatives of terms, computed by the kernel from the rules of calculus, one rule per function.

:func:`derivative` is syntactic: the result is a term built by the chain, product and power rules
(with only the trivial clean-ups ``0 + u = u``, ``1 * u = u``, ``0 * u = 0``). It equals the
derivative wherever the term is differentiable and the result is defined; the caller proves the
term analytic on the interval where it uses the result (:mod:`~symrep.certificates.domains`).
``Heaviside``, ``sign``, ``Max`` and ``Min`` have no rule: a term containing them with the variable
inside is refused, since the formula would hide their jumps and kinks. ``Abs(u)' = sign(u) u'``
holds where ``u != 0``.

References: the derivatives of the special functions are DLMF 5.15.1 (``gamma' = gamma psi``), 5.15
(``polygamma``), 7.2.1 and 7.2.2 (``erf``, ``erfc``), 10.29.2 (``K_nu' = -(K_(nu-1) + K_(nu+1))/2``).

Examples
--------
>>> from symrep.certificates.grammar import read
>>> from symrep.certificates.terms import text
>>> text(derivative(read("x^3*exp(-2*x)", "f"), "x"))
'3*x^2*exp(-2*x) + x^3*(exp(-2*x)*(-2))'
"""

from fractions import Fraction

from .errors import CheckError
from .fuel import charge
from .terms import ONE, ZERO, add, apply, const, free_names, mul, num, power

__all__ = ["derivative", "nth_derivative", "MAX_ORDER", "QUOTIENTS", "through_sinh_cosh"]

MAX_ORDER = 40


def _add(*parts):
    parts = [p for p in parts if p != ZERO]
    return ZERO if not parts else add(*parts)


def _mul(*parts):
    if any(p == ZERO for p in parts):
        return ZERO
    parts = [p for p in parts if p != ONE]
    return ONE if not parts else mul(*parts)


def _neg(u):
    return _mul(num(-1), u)


def _div(a, b):
    return _mul(a, power(b, num(-1)))


def derivative(term, name, _memo=None):
    """The derivative of ``term`` in the variable ``name``, as a term."""
    memo = {} if _memo is None else _memo
    if term in memo:
        return memo[term]
    charge(1, "differentiating")
    if name not in free_names(term):
        out = ZERO
    else:
        out = _rule(term, name, memo)
    memo[term] = out
    return out


def _rule(t, name, memo):
    op = t.op
    d = lambda u: derivative(u, name, memo)
    if op == "var":
        return ONE
    if op == "+":
        return _add(*[d(a) for a in t.args])
    if op == "*":
        parts = []
        for i, a in enumerate(t.args):
            da = d(a)
            if da != ZERO:
                parts.append(_mul(*(t.args[:i] + (da,) + t.args[i + 1:])))
        return _add(*parts)
    if op == "^":
        base, exponent = t.args
        if name not in free_names(exponent):
            if exponent.op == "num":
                lower = num(exponent.value - 1)
                return _mul(exponent, power(base, lower) if exponent.value != 1 else ONE, d(base))
            return _mul(exponent, power(base, add(exponent, num(-1))), d(base))
        # u^v = exp(v log u) where u > 0: (u^v)' = u^v (v' log u + v u'/u)
        return _mul(t, _add(_mul(d(exponent), apply("log", base)), _mul(exponent, _div(d(base), base))))
    u = t.args[-1]
    du = d(u)
    if op in ("besselk", "besseli"):  # DLMF 10.29.1: K' = -(K_(nu-1) + K_(nu+1))/2, I' = (I_(nu-1) + I_(nu+1))/2
        if name in free_names(t.args[0]):
            raise CheckError(f"the kernel differentiates {op} in its argument only, not in its order")
        nu = t.args[0]
        return _mul(num(Fraction(-1 if op == "besselk" else 1, 2)), _add(apply(op, add(nu, num(-1)), u),
                                                                         apply(op, add(nu, num(1)), u)), du)
    if op == "polygamma":
        n = t.args[0]
        if n.op != "num":
            raise CheckError("polygamma needs a whole-number order to be differentiated")
        return _mul(apply("polygamma", num(n.value + 1), u), du)
    if op not in _OUTER:
        raise CheckError(f"the kernel has no derivative for {op} (it jumps or bends; the formula would hide it)")
    return _mul(_OUTER[op](u, t), du)


def _sq(u):
    return power(u, num(2))


_OUTER = {
    "exp": lambda u, t: t,
    "log": lambda u, t: power(u, num(-1)),
    "sin": lambda u, t: apply("cos", u),
    "cos": lambda u, t: _neg(apply("sin", u)),
    "tan": lambda u, t: add(ONE, _sq(t)),
    "sinh": lambda u, t: apply("cosh", u),
    "cosh": lambda u, t: apply("sinh", u),
    "tanh": lambda u, t: add(ONE, _neg(_sq(t))),
    "sech": lambda u, t: _neg(mul(t, apply("tanh", u))),
    "csch": lambda u, t: _neg(mul(t, apply("coth", u))),
    "coth": lambda u, t: _neg(_sq(apply("csch", u))),
    "asin": lambda u, t: power(add(ONE, _neg(_sq(u))), num(Fraction(-1, 2))),
    "acos": lambda u, t: _neg(power(add(ONE, _neg(_sq(u))), num(Fraction(-1, 2)))),
    "atan": lambda u, t: power(add(ONE, _sq(u)), num(-1)),
    "asinh": lambda u, t: power(add(_sq(u), ONE), num(Fraction(-1, 2))),
    "acosh": lambda u, t: power(add(_sq(u), num(-1)), num(Fraction(-1, 2))),
    "atanh": lambda u, t: power(add(ONE, _neg(_sq(u))), num(-1)),
    "erf": lambda u, t: mul(num(2), power(const("pi"), num(Fraction(-1, 2))), apply("exp", _neg(_sq(u)))),
    "erfc": lambda u, t: mul(num(-2), power(const("pi"), num(Fraction(-1, 2))), apply("exp", _neg(_sq(u)))),
    "gamma": lambda u, t: mul(t, apply("polygamma", ZERO, u)),
    "sinc": lambda u, t: add(_div(apply("cos", u), u), _neg(_div(apply("sin", u), _sq(u)))),
    "Abs": lambda u, t: apply("sign", u),
}


#: tanh, coth, sech, csch as quotients of sinh and cosh (identities wherever the left side is defined); the n-th
#: derivatives of sinh and cosh stay one term, while tanh's grow as trees (a Taylor model of order 6 at 0 needs 7)
QUOTIENTS = {"tanh": ("sinh", "cosh"), "coth": ("cosh", "sinh"), "sech": (None, "cosh"), "csch": (None, "sinh")}


def through_sinh_cosh(term):
    """``tanh u`` as ``sinh(u) cosh(u)^(-1)``, and the others of :data:`QUOTIENTS` alike."""
    top, bottom = QUOTIENTS[term.op]
    below = power(apply(bottom, term.args[0]), num(-1))
    return below if top is None else mul(apply(top, term.args[0]), below)


def nth_derivative(term, name, order):
    """The ``order``-th derivative (``order <= MAX_ORDER``)."""
    if not 0 <= order <= MAX_ORDER:
        raise CheckError(f"a derivative of order {order}; the limit is {MAX_ORDER}")
    memo = {}
    for _ in range(order):
        term = derivative(term, name, memo)
    return term

