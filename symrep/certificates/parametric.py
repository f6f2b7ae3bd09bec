"""Facts about expressions in parameters, proved for *every* parameter value in a region (a box of
:mod:`~symrep.certificates.regions`).

:func:`prove` establishes ``expr > 0`` (``>=``, ``<``, ``<=``) for all parameter values in a region,
with no sampling, by the first method that applies:

1. no parameter left: the exact sign of a number (ball arithmetic, :func:`.exact.sign`);
2. a polynomial in one parameter with rational coefficients: exact real-root counting (Sturm
   sequences of the odd part of the square-free decomposition) on the interval, its ends included
   or not as the region says, and the sign at one rational inner point;
3. structure: sums of terms of one sign, products, ``exp`` of anything real, positive bases to
   real powers, even powers, parameters whose interval has a sign, ``gamma`` of a positive argument,
   ``log u`` with the sign of ``u - 1`` (u > 0),
   ``besselk`` of a real order and a positive argument (DLMF 10.32.9: an integral of positive terms);
4. a bounded closed box (the closure of the region, which can only make the claim harder):
   ball arithmetic over sub-boxes, bisected up to ``MAX_PIECES`` pieces.

A claim none of them proves is a rejection.

Examples
--------
>>> import sympy
>>> from symrep.certificates.parametric import prove
>>> from symrep.certificates.regions import read_region, region_text
>>> a = sympy.Symbol("a", real=True)
>>> region = read_region("0 < a <= 1", {"a": a})
>>> region_text(region)
'(0 < a) & (a <= 1)'
>>> prove(1 - a, ">=", region, "x^a is Bernstein"), prove(a, ">", region, "x^a is Bernstein")
(True, True)
>>> prove(a * (a - 1), ">", read_region("a > 1", {"a": a}), "x^a is not Bernstein")
True
"""

import sympy
from flint import arb, ctx, fmpq

from .balls import enclose, nonneg, short, sign
from .fuel import charge
from .reading import CheckError
from .regions import region_text, sample_point

__all__ = ["prove", "MAX_PIECES"]

#: Most sub-boxes the ball-arithmetic proof may bisect a region into.
MAX_PIECES = 4096
_FLIP = {"<": ">", "<=": ">=", ">": "<", ">=": "<="}


# --- the proofs --------------------------------------------------------------------------------

def prove(expr, relation, box, where, *, max_pieces=MAX_PIECES):
    """Prove ``expr relation 0`` for every point of ``box``; return True or raise :class:`CheckError`.

    ``max_pieces`` caps the sub-boxes of the ball-arithmetic method (a prover trying many candidates
    passes less; the checker always allows ``MAX_PIECES``)."""
    if relation not in _FLIP:
        raise CheckError(f"{where}: unknown relation {relation!r}")
    expr = sympy.sympify(expr)
    if relation in ("<", "<="):
        expr, relation = -expr, _FLIP[relation]
    strict = relation == ">"
    free = expr.free_symbols
    stray = free - set(box)
    if stray:
        raise CheckError(f"{where}: {short(expr)} depends on {', '.join(sorted(map(str, stray)))}, not a parameter")
    if not free:
        if strict:
            sign(expr, where, +1)
        else:
            nonneg(expr, where)
        return True
    if len(free) == 1 and _polynomial_sign(expr, next(iter(free)), box[next(iter(free))], strict):
        return True
    if _structural(expr, box) in (("+",) if strict else ("+", "0+", "0")):
        return True
    if _balls(expr, box, strict, min(max_pieces, MAX_PIECES)):
        return True
    raise CheckError(f"{where}: could not prove {short(expr)} {relation} 0 for all {region_text(box)}")


def _polynomial_sign(expr, symbol, interval, strict):
    try:
        poly = sympy.Poly(sympy.expand(expr), symbol)
    except sympy.PolynomialError:
        return False
    if not all(c.is_Rational for c in poly.all_coeffs()) or poly.degree() > 200:
        return False
    if interval.lo == interval.hi:  # a single point
        value = poly.eval(interval.lo)
        return value > 0 or (not strict and value == 0)
    if poly.is_zero:
        return not strict
    leading, factors = poly.sqf_list()
    if strict:  # no root in the interval (ends included where closed), positive at one point
        squarefree = sympy.Poly(leading, symbol)
        for factor, _ in factors:
            squarefree *= factor
        ends = [(interval.lo, interval.lo_closed), (interval.hi, interval.hi_closed)]
        if any(closed and end.is_finite and poly.eval(end) == 0 for end, closed in ends):
            return False
        return not _roots_inside(squarefree, interval) and poly.eval(sample_point(interval)) > 0
    # p >= 0: the factors of even multiplicity never change sign; the odd part must not change sign
    # inside and be positive there (at closed ends p >= 0 then follows by continuity)
    odd = sympy.Poly(leading, symbol)
    for factor, multiplicity in factors:
        if multiplicity % 2:
            odd *= factor
    return not _roots_inside(odd, interval) and odd.eval(sample_point(interval)) > 0


def _sign_changes(chain, point):
    signs = []
    for p in chain:
        if point is sympy.oo or point is sympy.S.NegativeInfinity:
            value = p.LC() * (1 if point is sympy.oo or p.degree() % 2 == 0 else -1)
        else:
            value = p.eval(point)
        if value != 0:
            signs.append(value > 0)
    return sum(1 for s, t in zip(signs, signs[1:]) if s != t)


def _roots_inside(poly, interval):
    """Whether the square-free ``poly`` has a real root strictly inside the interval (Sturm's theorem:
    with neither end a root, ``V(lo) - V(hi)`` counts the distinct roots between them)."""
    for end in (interval.lo, interval.hi):  # move the ends off any root, keeping the inner roots
        if end.is_finite:
            while poly.degree() > 0 and poly.eval(end) == 0:
                poly = poly.quo(sympy.Poly(poly.gen - end, poly.gen))
    if poly.degree() <= 0:
        return False
    chain = sympy.sturm(poly)
    return _sign_changes(chain, interval.lo) - _sign_changes(chain, interval.hi) > 0


def _structural(e, box):
    """A proved sign class of ``e`` on the box: '+', '-', '0+', '0-', '0', or None."""
    if e.is_Rational:
        return "+" if e > 0 else "-" if e < 0 else "0"
    if e in (sympy.pi, sympy.E):
        return "+"
    if e in box:
        interval = box[e]
        if interval.lo >= 0:
            return "+" if interval.lo > 0 or not interval.lo_closed else "0+"
        if interval.hi <= 0:
            return "-" if interval.hi < 0 or not interval.hi_closed else "0-"
        return None
    if e.is_Add:
        signs = {_structural(t, box) for t in e.args}
        for positive, weak in (("+", "0+"), ("-", "0-")):
            if signs <= {positive, weak, "0"}:
                return positive if positive in signs else weak if weak in signs else "0"
        return _exp_minus_one(e, box) or _polynomial_class(e, box)  # 2 - a, exp(a) - 1 may have one sign
    if e.is_Mul:
        out = "+"
        for factor in e.args:
            s = _structural(factor, box)
            if s is None:
                return None
            out = _times(out, s)
        return out
    if e.is_Pow:
        if e.base is sympy.E:
            return "+" if _real(e.exp, box) else None
        base = _structural(e.base, box)
        if e.exp.is_Integer and e.exp < 0 and base not in ("+", "-"):
            return None  # possibly a division by zero
        if e.exp.is_Integer and e.exp % 2 == 0:
            return "+" if base in ("+", "-") else "0+" if base is not None or _real(e.base, box) else None
        if base == "+" and _real(e.exp, box):
            return "+"
        if e.exp.is_Integer:  # odd
            return base
        return None
    if isinstance(e, sympy.exp):
        return "+" if _real(e.args[0], box) else None
    if isinstance(e, sympy.gamma):
        return "+" if _structural(e.args[0], box) == "+" else None
    if isinstance(e, sympy.log) and _structural(e.args[0], box) == "+":  # log u has the sign of u - 1
        above = _structural(sympy.expand(e.args[0] - 1), box)
        return above if above in ("+", "-", "0+", "0-", "0") else None
    if isinstance(e, sympy.besselk):
        return "+" if _real(e.args[0], box) and _structural(e.args[1], box) == "+" else None
    return _polynomial_class(e, box)


def _exp_minus_one(e, box):
    """``c (exp(u) - 1)`` (or with ``1 - exp(u)``) has the sign of ``c u``: exp is increasing and exp(0) = 1."""
    if len(e.args) != 2:
        return None
    for power, rest in (e.args, e.args[::-1]):
        coefficient, atom = power.as_coeff_Mul()
        if not (coefficient.is_Rational and rest == -coefficient and coefficient != 0):
            continue
        exponent = atom.args[0] if isinstance(atom, sympy.exp) else atom.exp if atom.is_Pow and atom.base is sympy.E else None
        if exponent is None:
            continue
        inner = _structural(exponent, box)
        if inner in ("+", "-"):
            return inner if coefficient > 0 else {"+": "-", "-": "+"}[inner]
    return None


def _polynomial_class(e, box):
    """'+' or '-' for a polynomial in one parameter of one sign on its interval (root counting), else None."""
    free = e.free_symbols & set(box)
    if len(free) == 1 and e.free_symbols == free:
        (symbol,) = free
        for found, sign_of in (("+", 1), ("-", -1)):
            if _polynomial_sign(sign_of * e, symbol, box[symbol], True):
                return found
    return None


def _times(a, b):
    if "0" in (a, b):
        return "0"
    negative = (a[-1] == "-") != (b[-1] == "-")
    weak = a.startswith("0") or b.startswith("0")
    return ("0" if weak else "") + ("-" if negative else "+")


def _real(e, box):
    """Structurally real for every parameter value: rationals, parameters, sums, products, integer
    powers, positive bases to real powers, exp."""
    if e.is_Rational or e in (sympy.pi, sympy.E) or e in box:
        return True
    if e.is_Add or e.is_Mul:
        return all(_real(a, box) for a in e.args)
    if e.is_Pow:
        # an integer power of a real base (nonzero if the power is negative), or any real power of a positive one;
        # the base's realness is checked too: (1 + I)^2 = 2 I is no real number (found by an attack on the checker)
        return _real(e.exp, box) and (e.exp.is_Integer and _real(e.base, box)
                                      and (e.exp >= 0 or _structural(e.base, box) in ("+", "-"))
                                      or _structural(e.base, box) == "+")
    if isinstance(e, sympy.exp):
        return _real(e.args[0], box)
    if isinstance(e, (sympy.gamma, sympy.besselk)):
        return _structural(e, box) == "+"
    if isinstance(e, sympy.log):
        return _structural(e.args[0], box) == "+"
    return False


def _balls(expr, box, strict, max_pieces):
    """Ball arithmetic over sub-boxes of the closure of a bounded box."""
    symbols = sorted(box, key=str)
    if not all(box[s].bounded() for s in symbols):
        return False
    pending = [tuple((box[s].lo, box[s].hi) for s in symbols)]
    pieces = 0
    old = ctx.prec
    ctx.prec = 128
    try:
        while pending:
            cell = pending.pop()
            pieces += 1
            charge(4, "bisecting a parameter region")
            if pieces > max_pieces:
                return False
            balls = {s: _ball(lo, hi) for s, (lo, hi) in zip(symbols, cell)}
            try:
                value = enclose(expr, balls)
            except CheckError:
                return False
            if value.is_finite() and (value > 0 or (not strict and value >= 0)):
                continue
            if value.is_finite() and (value < 0 or (strict and value <= 0 and value.upper() <= 0)):
                return False  # the claim fails somewhere in the closure: no bisection will help
            widest = max(range(len(cell)), key=lambda i: cell[i][1] - cell[i][0])
            lo, hi = cell[widest]
            middle = (lo + hi) / 2
            for part in ((lo, middle), (middle, hi)):
                pending.append(cell[:widest] + (part,) + cell[widest + 1:])
    finally:
        ctx.prec = old
    return True


def _ball(lo, hi):
    """A ball containing the closed interval [lo, hi] of rationals."""
    low, high = arb(fmpq(int(lo.p), int(lo.q))), arb(fmpq(int(hi.p), int(hi.q)))
    middle = (low + high) / 2
    return arb(middle.mid(), ((high - low) / 2).upper() + middle.rad())
