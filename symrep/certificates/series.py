"""Limits at ``0+`` by Taylor models with proved remainders: removable singularities without a CAS.

A Taylor model of ``g`` on ``(0, h]`` is ``g(x) = x^v (c_0 + c_1 x + ... + c_n x^n + x^(n+1) r(x))`` with an
integer valuation ``v``, exact coefficients ``c_i`` (closed terms of the grammar, computed by the kernel) and
a ball ``R`` that contains ``r(x)`` for every ``x`` in ``(0, h]``. Models are built bottom-up: sums,
products, quotients by a model whose first coefficient is proved nonzero, integer and rational powers,
and every function of the grammar that the kernel differentiates, through Taylor's theorem with the
Lagrange remainder ``F^(n+1)(xi)/(n+1)! e^(n+1)``, ``xi`` in the ball ``c_0 + e((0, h])`` (enclosed in ball
arithmetic, so ``F`` is proved analytic there). ``besselk(1/2, u)`` is first written as
``sqrt(pi/(2u)) e^(-u)`` (DLMF 10.39.2) and powers ``x^(p/2)`` are handled by ``x = u^2``.

:func:`limit_at_0` reads the limit off a model: 0 for ``v > 0``, ``c_0`` for ``v = 0``, no finite limit for
``v < 0`` with ``c_0`` proved nonzero. Leading coefficients are proved 0 by the normal form before they
are dropped. Anything else (``x log x``, ``x atan(1/x)``) is refused with the reason: the kernel does
not expand it at 0 yet.

Examples
--------
>>> from symrep.certificates.grammar import read
>>> from symrep.certificates.series import limit_at_0
>>> from symrep.certificates.terms import text
>>> from symrep.certificates.normal_form import Domain, proved_equal
>>> value = limit_at_0(read("(1 - cos(x))/x^2", "f"))
>>> text(value), proved_equal(value, read("1/2", "c"), Domain())     # an exact term (folded), proved equal to 1/2
('1/2', True)
"""

import math
from fractions import Fraction

from flint import arb, ctx

from .derivatives import QUOTIENTS, nth_derivative, through_sinh_cosh
from .enclosures import enclose, interval_ball, sign_at
from .errors import CheckError
from .fuel import charge
from .normal_form import Domain, normal_form, proved_equal
from .terms import HALF, ONE, ZERO, Term, add, apply, const, free_names, mul, num, power, substitute, var, walk

__all__ = ["limit_at_0", "NoLimit", "ORDER", "RADIUS"]

ORDER, RADIUS = 6, Fraction(1, 8)
_U = "_u"


class NoLimit(CheckError):
    """The term has no finite limit at 0+ (its model starts with a negative power of x and a nonzero
    coefficient)."""


def _plus(a, b):
    """``a + b`` with the literal clean-ups that keep coefficients short (0 + b = b, p + q folded)."""
    if a == ZERO:
        return b
    if b == ZERO:
        return a
    if a.op == "num" and b.op == "num":
        return num(a.value + b.value)
    return add(a, b)


def _times(a, b):
    if a == ZERO or b == ZERO:
        return ZERO
    if a == ONE:
        return b
    if b == ONE:
        return a
    if a.op == "num" and b.op == "num":
        return num(a.value * b.value)
    return mul(a, b)


def _folded(term):
    """A closed coefficient with a finite ball and a rational normal form, as that number (products stay short)."""
    try:
        if term.op != "num" and not free_names(term) and _ball(term).is_finite():
            value = normal_form(term, Domain())[0].constant()
            return num(value) if value is not None else term
    except CheckError:  # not proved defined: it fails where it is used, as before
        pass
    return term


def _is_zero(term):
    return term == ZERO or proved_equal(term, ZERO, Domain())


class Model:
    """``x^v (sum c_i x^i + x^(n+1) R)`` on ``(0, h]``."""

    __slots__ = ("v", "c", "R", "h")

    def __init__(self, v, c, R, h):
        self.v, self.c, self.R, self.h = v, list(c), R, h

    @property
    def n(self):
        return len(self.c) - 1

    def x_ball(self):
        return interval_ball(0, self.h)

    def range(self):
        """A ball containing ``sum c_i x^i + x^(n+1) r(x)`` (without ``x^v``) on ``[0, h]``."""
        X = self.x_ball()
        out = arb(0)
        for i, c in enumerate(self.c):
            out += _ball(c) * X ** i
        return out + X ** (self.n + 1) * self.R

    def normalized(self):
        """Leading coefficients proved 0 dropped into the valuation."""
        c, v = list(self.c), self.v
        while len(c) > 1 and _is_zero(c[0]):
            c, v = c[1:], v + 1  # the order drops: the remainder is x^(n) r, i.e. keep R at the new top
        return Model(v, c, self.R, self.h)


def _ball(term):
    value = enclose(term, {})
    if not value.is_finite():
        raise CheckError(f"a coefficient of a series is not proved defined: {term}")
    return value


def _truncate(model, n):
    """The model at order ``n`` (``<= model.n``): the dropped terms join the remainder."""
    if n >= model.n:
        return model
    X = model.x_ball()
    extra = arb(0)
    for i in range(n + 1, model.n + 1):
        extra += _ball(model.c[i]) * X ** (i - n - 1)
    extra += X ** (model.n - n) * model.R
    return Model(model.v, model.c[:n + 1], extra, model.h)


def _shift(model, k):
    """``x^k`` times the model's polynomial part, at the same valuation (``k >= 0``)."""
    if k == 0:
        return model
    return _truncate(Model(model.v, [ZERO] * k + model.c, model.R, model.h), model.n)


def _add(a, b):
    v = min(a.v, b.v)
    a, b = _shift(Model(v, a.c, a.R, a.h), a.v - v), _shift(Model(v, b.c, b.R, b.h), b.v - v)
    n = min(a.n, b.n)
    a, b = _truncate(a, n), _truncate(b, n)
    return Model(v, [_plus(p, q) for p, q in zip(a.c, b.c)], a.R + b.R, a.h)


def _mul(a, b):
    n = min(a.n, b.n)
    a, b = _truncate(a, n), _truncate(b, n)
    X = a.x_ball()
    c = [ZERO] * (n + 1)
    high = arb(0)
    for i, p in enumerate(a.c):
        for j, q in enumerate(b.c):
            charge(1, "multiplying series")
            if i + j <= n:
                c[i + j] = _plus(c[i + j], _times(p, q))
            else:
                high += _ball(p) * _ball(q) * X ** (i + j - n - 1)
    pa, pb = Model(0, a.c, arb(0), a.h).range(), Model(0, b.c, arb(0), b.h).range()
    R = high + pa * b.R + pb * a.R + X ** (n + 1) * a.R * b.R
    return Model(a.v + b.v, c, R, a.h)


def _compose(F, inner):
    """``F(inner)`` for ``F`` a term in the variable ``_u``, by Taylor's theorem at ``c_0``."""
    inner = inner.normalized()
    if inner.v < 0:
        raise CheckError("a function of something unbounded at 0 is not expanded")
    if inner.v > 0:
        inner = Model(0, [ZERO] * inner.v + inner.c, inner.R, inner.h)
        inner = _truncate(inner, inner.n - inner.v) if inner.n - inner.v >= 0 else inner
    n = inner.n
    c0 = inner.c[0]
    if not enclose(F, {_U: _ball(c0)}).is_finite():
        raise CheckError(f"{F.op} is not defined (or not analytic) at the value its argument takes at 0: the kernel "
                         f"does not expand it there")
    e = Model(1, inner.c[1:], inner.R, inner.h) if n >= 1 else Model(1, [ZERO], inner.R, inner.h)
    coefficients = []
    for k in range(n + 1):
        charge(1, "a Taylor coefficient")
        coefficients.append(_folded(_times(num(Fraction(1, math.factorial(k))), substitute(nth_derivative(F, _U, k), {_U: c0}))))
    # sum_k a_k e^k, e = x * e1: e^k has valuation k
    out = Model(0, [coefficients[0]] + [ZERO] * n, arb(0), inner.h)
    power_of_e = Model(0, [ONE] + [ZERO] * n, arb(0), inner.h)
    for k in range(1, n + 1):
        power_of_e = _mul(power_of_e, e)
        out = _add(out, _mul(Model(0, [coefficients[k]] + [ZERO] * n, arb(0), inner.h), power_of_e))
    # remainder F^(n+1)(xi)/(n+1)! e^(n+1), xi in c0 + e((0, h]); e^(n+1) = x^(n+1) e1^(n+1)
    e1 = Model(0, e.c, e.R, e.h).range()
    hull = _ball(c0) + inner.x_ball() * e1
    slope = enclose(nth_derivative(F, _U, n + 1), {_U: hull})
    if not slope.is_finite():
        raise CheckError("the function is not proved analytic near the point of expansion")
    rest = slope / math.factorial(n + 1) * e1 ** (n + 1)
    return Model(out.v, out.c, out.R + rest, out.h)


def _model(term, n, h, memo):
    key = (term, n)
    if key in memo:
        return memo[key]
    charge(1, "building a series")
    op = term.op
    if "x" not in free_names(term):
        out = Model(0, [term] + [ZERO] * n, arb(0), h)
    elif op == "var":
        out = Model(1, [ONE] + [ZERO] * n, arb(0), h)
    elif op == "+":
        out = _model(term.args[0], n, h, memo)
        for a in term.args[1:]:
            out = _add(out, _model(a, n, h, memo))
    elif op == "*":
        out = _model(term.args[0], n, h, memo)
        for a in term.args[1:]:
            out = _mul(out, _model(a, n, h, memo))
    elif op == "^":
        out = _power(term, n, h, memo)
    elif op == "besselk" and term.args[0].op == "num" and abs(term.args[0].value) == HALF.value:
        u = term.args[1]  # DLMF 10.39.2, for u > 0
        rewritten = mul(power(mul(const("pi"), power(mul(num(2), u), num(-1))), HALF), apply("exp", mul(num(-1), u)))
        out = _model(rewritten, n, h, memo)
    elif op in QUOTIENTS:  # tanh u = sinh(u)/cosh(u): the derivatives of tanh itself grow exponentially as trees
        out = _model(through_sinh_cosh(term), n, h, memo)
    elif op == "gamma" and _pole_order(term.args[0]) is not None:
        u, m = term.args[0], _pole_order(term.args[0])  # Gamma(u) = Gamma(u + m + 1)/(u (u + 1) ... (u + m)), DLMF 5.5.1
        below = [power(add(u, num(j)) if j else u, num(-1)) for j in range(m + 1)]
        out = _model(mul(apply("gamma", add(u, num(m + 1))), *below), n, h, memo)
    elif len(term.args) == 1 or (op in ("besselk", "besseli", "polygamma") and "x" not in free_names(term.args[0])):
        F = Term(op, term.args[:-1] + (var(_U),))
        out = _compose(F, _model(term.args[-1], n, h, memo))
    else:
        raise CheckError(f"the kernel does not expand {op} at 0 yet")
    memo[key] = out
    return out


def _pole_order(u):
    """``m`` if ``u`` at ``x = 0`` is the pole ``-m`` of Gamma (``0 <= m <= 10``, by the normal form), else None."""
    at_0 = substitute(u, {"x": ZERO})
    return next((m for m in range(11) if proved_equal(at_0, num(-m), Domain())), None)


def _power(term, n, h, memo):
    base, exponent = term.args
    if "x" in free_names(exponent):  # u^e = exp(e log u) for u > 0
        return _model(apply("exp", mul(exponent, apply("log", base))), n, h, memo)
    base_model = _model(base, n, h, memo).normalized()
    for more in (4, 8):  # every coefficient kept is 0 (the order was spent on divisions): expand further
        base_model = _truncate(_model(base, n + more, h, memo).normalized(), n) if len(base_model.c) == 1 and \
            _is_zero(base_model.c[0]) else base_model
    if exponent.op != "num":
        raise CheckError("a power of a function vanishing at 0 with a symbolic exponent is not expanded")
    q = exponent.value
    if q.denominator == 1 and q >= 0:
        out = Model(0, [ONE] + [ZERO] * n, arb(0), h)
        for _ in range(int(q)):
            out = _mul(out, base_model)
        return out
    sign_at(base_model.c[0], "the leading coefficient of a series", +1 if q.denominator != 1 else 0)  # (x^v S)^q = x^(v q) S^q
    if (base_model.v * q).denominator != 1:
        raise CheckError(f"x^({base_model.v * q}) is not a whole power of x: expand in sqrt(x)")
    S = Model(0, base_model.c, base_model.R, h)
    out = _compose(power(var(_U), exponent), S)
    return Model(out.v + int(base_model.v * q), out.c, out.R, h)


def _half_powers(term):
    return any(t.op == "^" and t.args[1].op == "num" and t.args[1].value.denominator == 2 and "x" in free_names(t.args[0])
               for t in walk(term))


def limit_at_0(term, *, order=ORDER, radius=RADIUS):
    """The limit of a term of ``x`` as ``x -> 0+``, as an exact closed term; :class:`NoLimit` when it is infinite,
    :class:`~symrep.certificates.errors.CheckError` when the kernel cannot expand the term."""
    old, ctx.prec = ctx.prec, 256
    try:
        if _half_powers(term):  # x = u^2, u -> 0+: the same limit
            term = substitute(term, {"x": power(var("x"), num(2))})
        model = _model(term, order, radius, {}).normalized()
        if not model.R.is_finite() or not all(_ball(c).is_finite() for c in model.c):
            raise CheckError("the series of the function has no finite remainder bound near 0")
    finally:
        ctx.prec = old
    if model.v > 0:
        return ZERO
    if model.v == 0:
        return model.c[0]
    sign_at(model.c[0], "the leading coefficient of a series", 0)
    raise NoLimit(f"no finite limit at 0+: the function grows like x^({model.v})")


