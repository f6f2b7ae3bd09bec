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

from .balls import _UNDEFINED, _arb, short
from .bessel import bessel_normal_form, bessel_product_limit
from .exact import continuous, equal, nonzero, sign
from .fuel import charge
from .reading import CheckError

__all__ = ["limit", "vanishes_at_0"]

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

    A finite limit at a point is *proved*, never taken from SymPy's ``limit`` (which errs: it says
    2 for ``erfc(t - 1)`` at infinity and -2 for a sum of ``erfc`` terms that is 0 near 0): either
    the expression, or a rewriting of it proved equal (``cancel``, ``expand_func``, ``simplify``), is
    continuous at the point by its structure, and the limit is its value there; or it is a quotient
    of two expressions analytic at the point, and the limit is the ratio of the first derivatives
    of the same order that do not both vanish (Taylor: ``N(x)/D(x) -> N^(k)(p)/D^(k)(p)``), with the
    vanishing ones proved 0 and the last one of ``D`` proved nonzero in ball arithmetic. Anything
    else is a rejection. Infinite limits at a point (poles) and limits at infinity are SymPy's,
    confirmed by the guard of :func:`_guard`.
    """
    charge(100, f"proving a limit ({where})")
    if point != sympy.oo:
        structural = None
        if point == 0 and side == "+" and expr.has(sympy.besselk):  # DLMF 10.30: K_b at 0, by structure, first:
            try:  # the rewritings below expand K of half-integer order and take long to compare
                return _structural_limit(bessel_normal_form(expr), var, where)
            except CheckError as error:
                structural = error
        value = _proved_limit(expr, var, point, side)
        if value is not None:
            return value
        if expr.free_symbols - {var}:  # SymPy's limit is not used with parameters (it guesses their signs)
            raise structural or CheckError(f"{where}: cannot prove the limit of {short(expr)} at {point}{side} for "
                                           "every parameter value (a limit must be continuity, a proved rewriting, "
                                           "or a quotient of analytic expressions)")
        found = sympy.limit(expr, var, point, side)
        if found not in (sympy.oo, -sympy.oo) or expr.free_symbols - {var}:
            raise CheckError(f"{where}: cannot prove the limit of {short(expr)} at {point}{side} (SymPy says "
                             f"{found}; a limit must be continuity, a proved rewriting, or a quotient of analytic "
                             f"expressions)")
        probe = [point + (1 if side == "+" else -1) * sympy.Integer(2) ** -k for k in _EXPONENTS]
        return _guard(expr, var, found, probe, point, where)
    found = sympy.limit(expr, var, point, side)
    probe = [sympy.Integer(2) ** k for k in _EXPONENTS]
    parameters = sorted(expr.free_symbols - {var}, key=str)
    if len(parameters) > 1:
        raise CheckError(f"{where}: a limit with more than one parameter is not supported")
    if parameters:  # the upper end of a Laplace piece, a function of x > 0: guarded at x = 1/2, 1, 2
        if found.free_symbols - set(parameters):
            raise CheckError(f"{where}: the limit of {short(expr)} at infinity is {short(found)}")
        for x0 in (sympy.Rational(1, 2), sympy.Integer(1), sympy.Integer(2)):
            _guard(expr.subs(parameters[0], x0), var, found.subs(parameters[0], x0), probe, point, where)
        return found
    return _guard(expr, var, found, probe, point, where)


_EXPONENTS = (8, 16, 32, 64, 128, 256)


def _closed(var, point, side):
    """The variable on the closed side of the point: x >= 0 (or x <= 0) at 0, x > 0 elsewhere."""
    if point != 0:
        return var
    return sympy.Symbol("x", nonnegative=True) if side == "+" else sympy.Symbol("x", nonpositive=True)


def _proved_limit(expr, var, point, side):
    closed = _closed(var, point, side)
    forms = [expr]
    for rewrite in (lambda e: sympy.cancel(sympy.together(e)), sympy.expand_func, sympy.simplify):
        try:
            form = rewrite(expr)
        except Exception:
            continue
        if form != expr and not form.has(*_UNDEFINED):
            try:
                equal(form, expr, "rewriting")
            except CheckError:
                continue
            forms.append(form)
    for form in forms:
        g = form.xreplace({var: closed})
        if continuous(g, closed):
            value = g.subs(closed, point)
            if not value.has(*_UNDEFINED) and value.is_extended_real:
                return value
    for form in forms:
        value = _quotient_limit(form, var, closed, point)
        if value is not None:
            return value
    return None


def _quotient_limit(form, var, closed, point, max_order=4):
    num, den = (part.xreplace({var: closed}) for part in sympy.fraction(sympy.together(form)))
    if not (continuous(num, closed, analytic=True) and continuous(den, closed, analytic=True)):
        return None
    for k in range(max_order + 1):
        n_k, d_k = (sympy.diff(part, closed, k).subs(closed, point) for part in (num, den))
        if n_k.has(*_UNDEFINED) or d_k.has(*_UNDEFINED):
            return None
        try:
            nonzero(d_k, "denominator")
            return sympy.simplify(n_k / d_k)
        except CheckError:
            pass
        if not (_proved_zero(d_k) and _proved_zero(n_k)):
            return None  # 0/0 not established at this order: no conclusion
    return None


def _proved_zero(value):
    return value == 0 or sympy.expand(value) == 0 or sympy.simplify(value) == 0


def _guard(expr, var, found, probe, point, where):
    """Confirm SymPy's limit on samples in ball arithmetic (1024 bits): towards an infinite limit
    the values keep the sign and grow fourfold; towards a finite one the distances shrink at every
    step, to a quarter overall, and the last is no larger than the last step between samples."""
    if found.has(sympy.nan, sympy.zoo, sympy.AccumBounds, sympy.Limit) or not (
            found.is_extended_real or found in (sympy.oo, -sympy.oo)):
        raise CheckError(f"{where}: the limit of {short(expr)} at {point} is {found}, not a number or an infinity")
    samples = []
    for x0 in probe:
        try:
            ball = _ball(sympy.sympify(expr.subs(var, x0)))
        except Exception:
            raise CheckError(f"{where}: cannot evaluate {short(expr)} near {point} to confirm SymPy's limit") from None
        if not ball.is_finite():
            raise CheckError(f"{where}: {short(expr)} is not finite near {point}")
        samples.append(ball)
    shown = ", ".join(f"{float(b.mid()):.4g}" for b in samples)
    if found in (sympy.oo, -sympy.oo):
        sizes = [abs(b) for b in samples]
        if not (all(b.mid() * (1 if found == sympy.oo else -1) > 0 for b in samples)
                and all(later - earlier > 0 for earlier, later in zip(sizes, sizes[1:]))
                and sizes[-1] - 4 * sizes[0] > 0):
            raise CheckError(f"{where}: SymPy's limit {found} at {point} is not borne out by the values near it "
                             f"({shown})")
        return found
    target, tiny = _ball(found), arb(2) ** -40
    gaps = [abs(b - target) for b in samples]
    steady = all(later - earlier - tiny < 0 for earlier, later in zip(gaps, gaps[1:]))
    close = gaps[-1] - abs(samples[-1] - samples[-2]) - tiny < 0
    if not (steady and close and (4 * gaps[-1] - gaps[0] < 0 or gaps[-1] < tiny)):
        raise CheckError(f"{where}: SymPy's limit {found} at {point} is not borne out by the values near it "
                         f"({shown})")
    return found


def vanishes_at_0(expr, var, where):
    """Prove ``expr -> 0`` as ``var -> 0+``, for every parameter value of the active region.

    By structure only: after ``powsimp`` (proved equal) gathers the powers of ``var``, a product
    tends to 0 when one factor does and the others have finite limits; ``var^p`` tends to 0 for
    ``p > 0`` and to 1 for ``p = 0``; ``exp`` and the entire functions pass limits through; sums
    add them; ``x^a K_b(c x)`` by :func:`~symrep.certificates.bessel.bessel_product_limit`, after the
    Bessel functions are written through two orders. Each sign on a parameter is proved on the whole
    region."""
    expr = bessel_normal_form(expr)
    gathered = sympy.powsimp(expr, force=False)
    if gathered != expr:
        equal(gathered, expr, f"{where}: the powers of x gathered")
    value = _structural_limit(gathered, var, where)
    if value != 0:
        raise CheckError(f"{where}: the limit at 0+ is {short(value)}, not 0")


def _structural_limit(e, var, where):
    """The limit of ``e`` at ``var = 0+`` (finite), or a CheckError."""
    if not e.has(var):
        if e.has(*_UNDEFINED):
            raise CheckError(f"{where}: {short(e)} is not finite")
        return e
    if e == var:
        return sympy.Integer(0)
    if e.is_Add:
        return sympy.Add(*[_structural_limit(a, var, where) for a in e.args])
    if e.is_Mul and e.has(sympy.besselk):
        return bessel_product_limit(e, var, where, lambda rest: _structural_limit(rest, var, where))
    if e.is_Mul:
        return sympy.Mul(*[_structural_limit(a, var, where) for a in e.args])
    if e.is_Pow and not e.exp.has(var):
        if e.base == var:  # x^p: 0 for p > 0, 1 for p = 0, unbounded for p < 0
            if e.exp == 0:
                return sympy.Integer(1)
            sign(e.exp, f"{where}: the exponent of x must be positive", +1)
            return sympy.Integer(0)
        inner = _structural_limit(e.base, var, where)
        if e.exp.is_Integer and e.exp > 0:
            return inner ** e.exp
        sign(inner, f"{where}: a power needs a positive base in the limit", +1)
        return inner ** e.exp
    if isinstance(e, sympy.exp) or (e.is_Pow and e.base is sympy.E):
        return sympy.exp(_structural_limit(e.exp if e.is_Pow else e.args[0], var, where))
    if isinstance(e, (sympy.sin, sympy.cos, sympy.atan, sympy.sinh, sympy.cosh, sympy.tanh, sympy.erf)):
        return type(e)(_structural_limit(e.args[0], var, where))
    raise CheckError(f"{where}: no structural limit at 0+ for {short(e)}")
