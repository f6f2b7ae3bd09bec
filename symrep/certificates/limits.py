"""One-sided limits for the checker: exact where continuity is proved, else SymPy's, guarded.

Examples
--------
>>> import sympy
>>> from symrep.certificates.limits import limit
>>> from symrep.certificates.reading import XP
>>> limit(sympy.exp(-XP), XP, 0, "+", "f(0+)"), limit((1 - sympy.exp(-XP)) / XP, XP, 0, "+", "f(0+)")
(1, 1)
"""

import sympy
from flint import arb, ctx

from .exact import _UNDEFINED, _arb, continuous, short
from .reading import CheckError

__all__ = ["limit"]

#: Bits for the guard's samples: 2^-64 next to 1 needs far more than double precision.
_GUARD_BITS = 1024


def _ball(value):
    old = ctx.prec
    try:
        ctx.prec = _GUARD_BITS
        return _arb(value)
    finally:
        ctx.prec = old


def limit(expr, var, point, side, where):
    """The one-sided limit of ``expr`` as ``var`` tends to ``point`` (0 from ``side``, a number > 0,
    or ``oo``), as a finite number or ``oo``/``-oo``.

    Where the expression is proved continuous at the point by its structure (on ``[0, oo)`` for
    0+, on ``(0, oo)`` for a positive point), the limit is its value there, exactly. Otherwise it is
    SymPy's ``limit``, which errs (it gives 2 for ``erfc(1 - 1/x)`` terms whose sum tends to 0), so
    the answer must also survive a rigorous guard: at ``var = 2^-k`` (or ``2^k`` at ``oo``) for
    k = 8, 16, 32, 64, the distance of the value to a finite limit must shrink to a quarter, and
    the size of the value must grow fourfold towards an infinite one. A limit that fails the guard
    is a rejection.
    """
    if point == sympy.oo:
        probe = [sympy.Integer(2) ** k for k in (8, 16, 32, 64)]
    elif point == 0:
        closed = sympy.Symbol("x", nonnegative=True) if side == "+" else sympy.Symbol("x", nonpositive=True)
        g = expr.xreplace({var: closed})
        if continuous(g, closed):
            value = g.subs(closed, 0)
            if not value.has(*_UNDEFINED) and value.is_extended_real:
                return value
        probe = [(1 if side == "+" else -1) * sympy.Integer(2) ** -k for k in (8, 16, 32, 64)]
    else:  # a point > 0 of an expression in a positive variable
        if continuous(expr, var):
            return expr.subs(var, point)
        probe = [point + (1 if side == "+" else -1) * sympy.Integer(2) ** -k for k in (8, 16, 32, 64)]
    value = sympy.limit(expr, var, point, side)
    if value.free_symbols or expr.free_symbols - {var}:
        return value  # a limit with parameters (the Laplace pieces) is guarded by its caller
    if value.has(sympy.nan, sympy.zoo, sympy.AccumBounds, sympy.Limit) or not (
            value.is_extended_real or value in (sympy.oo, -sympy.oo)):
        raise CheckError(f"{where}: the limit of {short(expr)} at {point}{side if point != sympy.oo else ''} "
                         f"is {value}, not a number or an infinity")
    samples = []
    for x0 in probe:
        try:
            ball = _ball(sympy.sympify(expr.subs(var, x0)))
        except Exception:
            raise CheckError(f"{where}: cannot evaluate {short(expr)} near {point} to confirm SymPy's limit") from None
        if not ball.is_finite():
            raise CheckError(f"{where}: {short(expr)} is not finite near {point}")
        samples.append(ball)
    if value in (sympy.oo, -sympy.oo):
        sizes = [abs(b) for b in samples]
        grows = all(b.mid() * (1 if value == sympy.oo else -1) > 0 for b in samples) and \
            (sizes[-1] - 4 * sizes[0]) > 0
        if not grows:
            raise CheckError(f"{where}: SymPy's limit {value} at {point} is not borne out by the values near it")
        return value
    target = _ball(value)
    gaps = [abs(b - target) for b in samples]
    if not (4 * gaps[-1] - gaps[0] < 0 or gaps[-1] < arb(2) ** -40):
        raise CheckError(f"{where}: SymPy's limit {value} at {point} is not borne out by the values near it "
                         f"(at 2^-8 ... 2^-64: {', '.join(f'{float(b.mid()):.4g}' for b in samples)})")
    return value
