"""Limits at ``0+`` by orders of growth, where no Taylor model exists: ``x log x``, ``x^x``, ``x atan(1/x)``.

Each subterm of ``x`` gets a class on ``(0, h]`` (``h = 1/8``): ``finite`` (a limit, an exact term, and the
subterm tends to it), ``bounded`` (between two constants), ``logarithmic`` (``|t| <= C (1 + |log x|^k)``) or
``power p`` (``|t| <= C x^p`` for a rational ``p``). The rules are standard facts: ``x^p |log x|^k -> 0`` for
``p > 0``; a bounded factor times one that tends to 0 tends to 0; ``exp``, ``log`` (of a positive limit) and
powers are continuous; the logarithm of a ``u >= 1`` with ``|u| <= C x^p |log x|^k`` is logarithmic; ``atan``, ``tanh``, ``erf``, ``sin``, ``cos`` are bounded whatever their (defined)
argument. A limit is read only when the whole term is ``finite`` or tends to 0.

Examples
--------
>>> from symrep.certificates.grammar import read
>>> from symrep.certificates.normal_form import Domain, proved_equal
>>> from symrep.certificates.rules.growth import growth_limit
>>> [proved_equal(growth_limit(read(s, "f")), read(v, "c"), Domain()) for s, v in
...  (("x*log(x)", "0"), ("x^x", "1"), ("x*atan(1/x)", "0"), ("exp(x*log(x)^2)", "1"), ("x*log(1 + 1/x)", "0"))]
[True, True, True, True, True]
"""

from fractions import Fraction

from ..domains import Span, continuous_on, prove_sign, sign_class
from ..enclosures import sign_at
from ..errors import CheckError
from ..fuel import charge
from ..terms import HALF, ZERO, add, apply, const, factors, free_names, mul, num, power, substitute

__all__ = ["growth_limit", "right_limit"]

_NEAR_0 = {"x": Span(Fraction(0), Fraction(1, 8))}
_BOUNDED = ("atan", "tanh", "erf", "sin", "cos", "sech", "sign", "Heaviside")
#: The limits at +oo of monotone functions: atan -> pi/2 (DLMF 4.24), tanh -> 1 (4.35), erf -> 1 and erfc -> 0 (7.2)
_AT_INFINITY = {"atan": lambda: mul(HALF, const("pi")), "tanh": lambda: num(1), "erf": lambda: num(1),
                "erfc": lambda: ZERO}


def right_limit(term):
    """The limit of a term of ``x`` (no parameters) at ``0+``: by its Taylor model
    (:func:`~symrep.certificates.series.limit_at_0`), or else by orders of growth; an infinite one is a
    :class:`~symrep.certificates.series.NoLimit`."""
    from ..series import NoLimit, limit_at_0

    if term.op in ("Max", "Min"):  # continuous: the limit of Max(a, b) is Max(lim a, lim b), the larger one proved
        try:
            a, b = (right_limit(u) for u in term.args)
        except NoLimit:  # an argument that tends to -oo under a Max may lose: Max(-1/x^2, 0) -> 0 (found by an attack)
            raise CheckError(f"an argument of {term.op} has no finite limit at 0+: the kernel does not read this "
                             f"{term.op}'s limit") from None
        from ..normal_form import Domain, proved_equal

        if proved_equal(a, b, Domain()):
            return a
        larger = sign_at(add(a, mul(num(-1), b)), f"the limits of the arguments of {term.op} at 0+", 0) > 0
        return a if larger == (term.op == "Max") else b
    try:
        return limit_at_0(term)
    except NoLimit:
        raise
    except CheckError as series_error:
        try:
            return growth_limit(term)
        except CheckError:
            pass
        try:  # K_b(c x) has no Taylor model at 0 (a pole of order b, DLMF 10.30.2): (k x)^b K_b(c x) by its rule
            return _bessel_limit(term)
        except CheckError:
            raise series_error from None


def no_finite_limit_at_0(term):
    """True when ``term`` is proved to have no finite limit at ``0+`` (an infinite one, :class:`NoLimit`)."""
    from ..series import NoLimit

    try:
        right_limit(term)
    except NoLimit:
        return True
    except CheckError:
        return False
    return False


def _bessel_limit(term):
    """The limit of a closed product ``(k x)^b K_b(c x) * (factors continuous at 0)`` by DLMF 10.30.2
    (:func:`~symrep.certificates.rules.bessel.bessel_limit`, the rule families use too)."""
    from fractions import Fraction

    from ..domains import Span
    from .bessel import bessel_limit, bessel_vanishes
    from .besseli_limit import besseli_limit

    if any(f.op == "besseli" for f in factors(term)):
        return besseli_limit(term)  # DLMF 10.30.1
    if term.op == "+" and any(f.op == "besseli" for a in term.args for f in factors(a)):
        return add(*(_finite_limit(a) for a in term.args))  # each summand's limit is finite: the sum's is their sum
    region = {"x": Span(Fraction(0), None)}
    return ZERO if bessel_vanishes(term, region) else bessel_limit(term, region)  # DLMF 10.30.2, 10.30.3


def _finite_limit(term):
    """``right_limit(term)``, with "no finite limit" read as "not proved" (a sum of two infinite limits may be finite)."""
    from ..series import NoLimit

    try:
        return right_limit(term)
    except NoLimit:
        raise CheckError("a summand has no finite limit at 0+") from None


def growth_limit(term):
    """The limit at ``0+`` as an exact term, or a CheckError naming why it is not read."""
    limit, order, logs = _growth(term)
    if limit is not None:
        return limit
    if order > 0:
        return ZERO  # |t| <= C x^p |log x|^k with p > 0
    raise CheckError("no finite limit at 0+ is read from the orders of growth (the function may be unbounded)")


def _growth(term):
    """``(limit, p, k)``: near 0, ``|term| <= C x^p |log x|^k`` (``p`` rational, ``k >= 0``), and ``term -> limit``
    when ``limit`` is not None. Every class implies that the term is defined on some ``(0, d]``."""
    charge(1, "an order of growth")
    if "x" not in free_names(term):
        return term, Fraction(0), 0
    if term.op == "var":
        return ZERO, Fraction(1), 0
    q = _x_exponent(term)
    if q is not None:  # x^q, or (x^p)^r = x^(p r) for x > 0
        return (ZERO if q > 0 else num(1) if q == 0 else None), q, 0
    if term.op == "log" and term.args[0].op == "var":
        return None, Fraction(0), 1
    if continuous_on(term, "x", _NEAR_0):
        return substitute(term, {"x": ZERO}), Fraction(0), 0
    op = term.op
    if op in ("+", "*"):
        parts = [_growth(a) for a in term.args]
        limits = [l for l, _, _ in parts]
        if op == "+":
            order, logs = min(p for _, p, _ in parts), max(k for _, _, k in parts)
            limit = _sum(limits) if all(l is not None for l in limits) else None
        else:
            order, logs = sum((p for _, p, _ in parts), Fraction(0)), sum(k for _, _, k in parts)
            limit = mul(*limits) if all(l is not None for l in limits) else ZERO if order > 0 else None
        return limit, order, logs
    if op == "^":
        base, exponent = term.args
        if "x" in free_names(exponent):
            return _growth(apply("exp", mul(exponent, apply("log", base))))
        limit, order, logs = _growth(base)
        if exponent.op == "num":
            q = exponent.value
            if limit is not None and limit != ZERO:
                sign_at(limit, "the limit of a power's base", +1 if q.denominator != 1 else 0)
                return power(limit, exponent), Fraction(0), 0
            if q > 0:
                if q.denominator != 1:  # a root is defined where its base is >= 0: near 0, for every x
                    prove_sign(base, {"x": Span(Fraction(0), Fraction(1, 8), lo_closed=False)}, ">=",
                               "the base of a root near 0")
                return (ZERO if order > 0 else None), order * q, logs * q
        raise CheckError("a power whose base has no nonzero limit at 0+ is not read")
    u = term.args[-1] if term.args else None
    if op in _AT_INFINITY and _to_plus_infinity(u):  # monotone with a limit at +oo (DLMF 4.24, 4.35, 7.2, 7.12.1)
        return _AT_INFINITY[op](), Fraction(0), 0
    if op in _BOUNDED:
        limit, _, _ = _growth(u)
        if limit is not None and op in ("sign", "Heaviside"):  # they jump at 0: continuous only at a nonzero limit
            try:
                sign_at(limit, "the limit of a jump's argument", 0)
            except CheckError:
                limit = None  # found by an attack: H(u) with u -> 0+ tends to 1, not to H(0) = 1/2
        return (apply(op, *term.args[:-1], limit) if limit is not None else None), Fraction(0), 0
    if op == "exp":
        limit, order, logs = _growth(u)
        if limit is not None:
            return apply("exp", limit), Fraction(0), 0
        raise CheckError("exp of something without a limit at 0+ is not read")
    if op == "log":
        limit, order, logs = _growth(u)
        if limit is not None:
            sign_at(limit, "the limit of a logarithm's argument", +1)
            return apply("log", limit), Fraction(0), 0
        # u >= 1 near 0 and u <= C x^p |log x|^k: 0 <= log u <= log C + |p| |log x| + k log(1 + |log x|)
        if not _at_least_one_near_0(u):
            raise CheckError("a logarithm of something without a limit at 0+ is read only where its argument is "
                             "c + (terms >= 0) with a number c >= 1")
        return None, Fraction(0), 1
    raise CheckError(f"{op} near 0 is not read by orders of growth")


def _to_plus_infinity(u):
    """True if ``u -> +oo`` as ``x -> 0+``, by structure: ``c x^q`` with ``q < 0`` and a closed ``c > 0`` (proved by
    balls), or a sum of such terms and terms with a finite limit (at least one of the first kind)."""
    if u.op == "+":
        diverging = [a for a in u.args if _to_plus_infinity(a)]
        try:
            return bool(diverging) and all(_growth(a)[0] is not None for a in u.args if a not in diverging)
        except CheckError:
            return False
    parts = u.args if u.op == "*" else (u,)
    powers = [a for a in parts if "x" in free_names(a)]
    if len(powers) != 1:
        return False
    (p,) = powers
    if p.op == "^" and _x_exponent(p) is not None and _x_exponent(p) < 0:
        constants = [a for a in parts if a is not p]
        if not constants:
            return True
        try:
            return sign_at(mul(*constants) if len(constants) > 1 else constants[0], "a coefficient", +1) > 0
        except CheckError:
            return False
    return False


def _x_exponent(t):
    """``q`` if ``t`` is ``x^q`` written as ``x``, ``x^q`` or nested powers ``(x^p)^r`` (``= x^(p r)`` for ``x > 0``)
    with rational exponents, else None."""
    if t.op == "var" and t.args[0] == "x":
        return Fraction(1)
    if t.op == "^" and t.args[1].op == "num":
        inner = _x_exponent(t.args[0])
        return None if inner is None else inner * t.args[1].value
    return None


def _at_least_one_near_0(u):
    """True if ``u >= 1`` on ``(0, 1/8]`` by its structure: a sum of numbers adding up to at least 1 and terms
    whose sign class there is ``>= 0`` (``1 + 1/x``)."""
    parts = u.args if u.op == "+" else (u,)
    numbers = [a.value for a in parts if a.op == "num"]
    rest = [a for a in parts if a.op != "num"]
    if sum(numbers, Fraction(0)) < 1:
        return False
    near = {"x": Span(Fraction(0), Fraction(1, 8), lo_closed=False)}
    return all(sign_class(a, near) in ("+", "0+", "0") for a in rest)


def _sum(values):
    from ..terms import add

    return add(*values) if len(values) > 1 else values[0]
