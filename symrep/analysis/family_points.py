"""Witness points for families (parameters in the function): candidate points that depend on the
parameters, sample values of the parameters for a numeric screen, and forms of a witness's value whose
sign the kernel can read. Used by :meth:`~symrep.analysis.witnesses.WitnessSearch.parametric_witnesses`.

Examples
--------
>>> import sympy
>>> from symrep.certificates.regions import Interval
>>> c = sympy.Symbol("c")
>>> _parametric_points({c: Interval(sympy.Integer(0), sympy.Integer(1), False, True)})[3:5]
[1/c, log(1 + 1/c)]
"""

import sympy

from symrep.analysis.common import X, _t
from symrep.certificates import CheckError

__all__ = []


def _region_samples(box):
    """Parameter values inside the box (near each end, in the middle, far out on an unbounded side), as dicts;
    at most 25."""
    per = {}
    for symbol, interval in box.items():
        lo, hi = interval.lo, interval.hi
        if lo == hi:
            values = [lo]
        elif lo.is_finite and hi.is_finite:
            w = hi - lo
            values = [lo + w / 1000, lo + w / 4, lo + w / 2, hi - w / 4, hi - w / 1000]
        elif lo.is_finite:
            values = [lo + sympy.Rational(1, 1000), lo + 1, lo + 10, lo + 1000]
        elif hi.is_finite:
            values = [hi - sympy.Rational(1, 1000), hi - 1, hi - 10, hi - 1000]
        else:
            values = [sympy.Integer(v) for v in (-100, -1, 0, 1, 100)]
        per[symbol] = values
    out = [{}]
    for symbol, values in per.items():
        out = [{**o, symbol: v} for o in out for v in values]
    return out[:25]


def _parametric_points(box):
    """Witness points for a family: a few numbers, then for one parameter ``p`` with an open finite end ``e``
    of its interval, with ``d = |p - e|`` (positive on the box): ``k/d`` and ``log(1 + k/d)``, points that run to
    infinity as ``p`` approaches ``e``, algebraically or logarithmically, and ``d/4``, ``d/(4 + 4d)``, which run
    to 0 (a sign change of a derivative near 0 that moves to 0 as ``p -> e``)."""
    points = [sympy.Integer(1), sympy.Rational(1, 2), sympy.Integer(2)]
    for symbol, interval in box.items():
        ends = []
        if interval.lo.is_finite and not interval.lo_closed and interval.lo != interval.hi:
            ends.append(symbol - interval.lo)
        if interval.hi.is_finite and not interval.hi_closed and interval.lo != interval.hi:
            ends.append(interval.hi - symbol)
        for d in ends:
            for k in (1, 2):
                points += [k / d, sympy.log(1 + k / d)]
            points += [d / 4, d / (4 + 4 * d)]  # points that run to 0 as p approaches e (bounded where d is not)
    return points


def _negative_at(value, samples):
    """``value < 0`` numerically at every sample of the parameters (a screen, not a proof: mpmath at 30
    digits, the middle sample first)."""
    import mpmath

    symbols = sorted(value.free_symbols, key=str)
    if any(s not in samples[0] for s in symbols):
        return False
    try:
        function = sympy.lambdify(symbols, value, modules="mpmath")
    except Exception:  # noqa: BLE001 - SymPy's printers raise many kinds
        return False
    order = samples[len(samples) // 2:] + samples[:len(samples) // 2]
    with mpmath.workdps(30):
        for sample in order:
            try:
                number = mpmath.mpc(function(*(mpmath.mpf(sympy.Rational(sample[s]).p) / sympy.Rational(sample[s]).q
                                               for s in symbols)))
            except Exception:  # noqa: BLE001 - undefined there (a pole, a log of a negative number)
                return False
            if not (mpmath.isfinite(number.real) and abs(number.imag) <= 1e-20 * max(1, abs(number.real))
                    and number.real < 0):
                return False
    return True


def _kernel_negative(value, box):
    """The kernel's own sign rules prove ``value < 0`` on the box (so a candidate it cannot read is not offered)."""
    from symrep.certificates.domains import prove_sign as kernel_sign
    from symrep.certificates.fuel import tank
    from symrep.certificates.grammar import read
    from symrep.certificates.regions import region_text
    from symrep.certificates.rules.regions import read_region

    names = tuple(sorted(s.name for s in box))
    try:
        with tank():
            region = read_region(region_text(box), names)
            return kernel_sign(read(_t(value), "simplified", variables=(), parameters=names), region, "<", "screen")
    except (CheckError, ArithmeticError, ValueError, TypeError, RecursionError):
        return False


def _kernel_form_at(expr, point):
    """``expr`` at ``x = log u`` simplified for the kernel without letting SymPy take ``log u`` apart: with
    ``x = L`` and ``exp(k L) = U^k`` for rational ``k`` the value is a rational function of ``U`` (times
    exponentials with a parameter in the exponent, ``exp(-c L)``, kept whole); ``U = u``, then ``L = log u`` as
    written in the point (so that the kernel's normal form meets the same atom ``log u``)."""
    L, U = sympy.Dummy("L", positive=True), sympy.Dummy("U", positive=True)
    try:
        e = sympy.powsimp(sympy.expand(expr.subs(X, L).rewrite(sympy.exp)))
        swap = {}
        for a in e.atoms(sympy.exp):
            arg = sympy.expand(a.args[0])
            k = arg.coeff(L)
            rest = sympy.expand(arg - k * L)
            if rest.has(L):
                return None
            number, symbolic = k.as_independent(*(k.free_symbols)) if k.free_symbols else (k, 0)
            if not number.is_Rational:
                return None
            swap[a] = U ** number * sympy.exp(symbolic * L + rest)
        e = sympy.factor(sympy.cancel(sympy.factor(e.xreplace(swap)).subs(U, point.args[0])))
    except (TypeError, ValueError, ArithmeticError, RecursionError, NotImplementedError, sympy.PolynomialError):
        return None
    powers = {p: sympy.exp(p.exp * sympy.log(p.base)) for p in e.atoms(sympy.Pow)
              if not p.exp.is_number and p.base != sympy.E}
    e = e.xreplace(powers) if powers else e
    return e.xreplace({L: point})


def _kernel_form(value):
    """``value`` simplified by SymPy into a form whose sign the kernel can read off (products of powers and
    rational functions of a parameter), None where SymPy fails. A power ``b^(e + n)`` with an exponent that is
    not a number (``n`` its integer part) is held as a placeholder times ``b^n`` while SymPy simplifies and
    comes back as ``b^e`` with ``b`` whole: the kernel's normal form knows ``b^(e + n) = b^e b^n`` but would not
    see SymPy's ``(s - 1)^s (s + 3)^(-s)`` as ``((s - 1)/(s + 3))^s``."""
    held, back = {}, {}
    for p in value.atoms(sympy.Pow):
        if p.exp.is_number or p.base == sympy.E:
            continue
        n, rest = p.exp.as_coeff_Add()
        n = sympy.floor(n) if n.is_Rational else sympy.Integer(0)
        key = (p.base, p.exp - n)
        if key not in back:
            back[key] = sympy.Dummy("P", positive=True)
        held[p] = back[key] * p.base ** n
    try:
        simple = sympy.factor(sympy.simplify(value.xreplace(held).rewrite(sympy.exp)))
    except (TypeError, ValueError, ArithmeticError, RecursionError, NotImplementedError, sympy.PolynomialError):
        return None
    return simple.xreplace({d: sympy.Pow(b, e, evaluate=False) for (b, e), d in back.items()})
