"""Derivatives of high order in closed form, for sums of exponential, trigonometric and power atoms.

A term ``g`` of ``x`` is read, if it can be, as a sum of **summands** ``P(x) Q(x)``: ``P`` a polynomial with
closed coefficients (degree at most :data:`MAX_DEGREE`) and ``Q`` one of

* ``1``;
* ``exp(a x + b)``, optionally times ``cos(w x + phi)`` or ``sin(w x + phi)``;
* ``(alpha x + beta)^s`` with a closed exponent ``s``.

Its ``k``-th derivative at a point ``x0`` is then a sum of at most ``(deg P + 1)`` terms per summand, whatever
``k`` is (``k`` up to :data:`MAX_CLOSED_ORDER`):

* **Leibniz's formula** (DLMF 1.4.12): ``(P Q)^(k) = sum_(j <= deg P) C(k, j) P^(j) Q^(k - j)``, since
  ``P^(j) = 0`` for ``j > deg P``;
* ``(e^(a x + b))^(m) = a^m e^(a x + b)``;
* ``e^(a x + b) cos(w x + phi)`` is the real part of ``e^((a + i w) x + b + i phi)`` (Euler's formula, DLMF
  4.14.1), so its ``m``-th derivative is ``r^m e^(a x + b) cos(w x + phi + m theta)`` with ``a + i w = r e^(i theta)``:
  ``r = (a^2 + w^2)^(1/2)``, ``theta = atan(w/a)`` for ``a > 0``, ``atan(w/a) + pi`` for ``a < 0`` (DLMF 4.23.36
  reads the principal branch), and for ``a = 0`` simply ``w^m cos(w x + phi + m pi/2)`` (``cos' (u) = cos(u + pi/2)``);
  the same for ``sin``;
* ``((alpha x + beta)^s)^(m) = s (s - 1) ... (s - m + 1) alpha^m (alpha x + beta)^(s - m)`` (the power rule
  ``m`` times); the falling factorial is exact for ``m <= 64`` (0 for a whole ``s >= 0`` below ``m``), and otherwise
  ``(-1)^m Gamma(m - s)/Gamma(-s)``, or ``Gamma(s + 1)/Gamma(s + 1 - m)`` for a whole ``s >= m`` (the Pochhammer
  symbol ``(a)_m = Gamma(a + m)/Gamma(a)``, DLMF 5.2.5).

The reading of ``g`` is an identity near ``x0``: sums and products distribute; a whole power ``u^n`` (``n >= 0``)
is a product; ``(u v)^n = u^n v^n`` and ``(u^e)^n = u^(e n)`` for a whole ``n``; ``exp``, ``sin``, ``cos`` of an
affine argument are atoms, ``sinh``/``cosh`` are ``(e^u -+ e^(-u))/2``; ``(C e^L)^s = C^s e^(s L)`` and
``(C A^t)^s = C^s A^(t s)`` need ``C > 0`` (proved) unless ``s`` is whole; every power atom's base
``alpha x0 + beta`` is proved ``> 0``, so the atom is analytic near ``x0`` and the power laws hold there. Anything
else is refused. The caller proves ``g`` analytic on ``(0, oo)``, so ``g^(k)(x0)`` is the value computed here.

Examples
--------
>>> from symrep.certificates.grammar import read
>>> from symrep.certificates.terms import text
>>> g = read("exp(-x) - 10^(-20)*exp(-2*x)", "g")
>>> from symrep.certificates.enclosures import sign_at
>>> sign_at(kth_derivative_at(g, 80, read("1/10", "x0", variables=())), "g^(80)(1/10)")
-1
"""

import math
from fractions import Fraction

from .enclosures import sign_at
from .errors import CheckError
from .fuel import charge
from .normal_form import Domain, proved_equal
from .terms import ONE, ZERO, add, apply, const, free_names, mul, num, power

__all__ = ["summands", "kth_derivative_at", "MAX_CLOSED_ORDER", "MAX_DEGREE"]

MAX_CLOSED_ORDER = 1 << 26
MAX_DEGREE = 12
MAX_SUMMANDS = 64
_EXACT_FALLING = 64


def _refuse(what):
    raise CheckError(f"closed-form derivative: {what} is not a sum of exponential, trigonometric and power atoms "
                     f"times polynomials")


def _a(*parts):
    """A sum, its rational literals added (exact)."""
    total = sum((p.value for p in parts if p.op == "num"), Fraction(0))
    parts = [p for p in parts if p.op != "num"] + ([num(total)] if total else [])
    return ZERO if not parts else parts[0] if len(parts) == 1 else add(*parts)


def _m(*parts):
    """A product, its rational literals multiplied (exact)."""
    factor = Fraction(1)
    for p in parts:
        if p.op == "num":
            factor *= p.value
    if factor == 0:
        return ZERO
    parts = ([num(factor)] if factor != 1 else []) + [p for p in parts if p.op != "num"]
    return ONE if not parts else parts[0] if len(parts) == 1 else mul(*parts)


def _poly_times(p, q):
    if len(p) + len(q) - 2 > MAX_DEGREE:
        _refuse("a polynomial factor of high degree")
    out = [[] for _ in range(len(p) + len(q) - 1)]
    for i, a in enumerate(p):
        for j, b in enumerate(q):
            out[i + j].append(_m(a, b))
    return tuple(_a(*c) for c in out)


def _q_times(q1, q2, where):
    if q1 is None or q2 is None:
        return q2 if q1 is None else q1
    if q1[0] == "exp" and q2[0] == "exp" and (q1[3] is None or q2[3] is None):
        return ("exp", _a(q1[1], q2[1]), _a(q1[2], q2[2]), q1[3] or q2[3])
    _refuse(where)


def _times(s1, s2, where):
    out = [(_poly_times(p1, p2), _q_times(q1, q2, where)) for p1, q1 in s1 for p2, q2 in s2]
    if len(out) > MAX_SUMMANDS:
        _refuse("a product with many summands")
    return out


def _collect(parts):
    """The summands with the polynomial ones (``Q = 1``) added into one."""
    plain = [p for p, q in parts if q is None]
    if len(plain) < 2:
        return parts
    width = max(len(p) for p in plain)
    joined = tuple(_a(*[p[i] for p in plain if i < len(p)]) for i in range(width))
    return [(joined, None)] + [(p, q) for p, q in parts if q is not None]


def _affine(u, where):
    """``(a, b)`` with ``u = a x + b``, or a refusal."""
    parts = summands(u)
    if any(q is not None or len(p) > 2 for p, q in parts):
        _refuse(f"{where} of a non-affine argument")
    return _a(*[p[1] for p, _ in parts if len(p) > 1]), _a(*[p[0] for p, _ in parts])


def _whole(e):
    return e.op == "num" and e.value.denominator == 1


def summands(term, name="x"):
    """``term`` as a list of summands ``(P, Q)``: ``P`` a tuple of closed coefficients, ``Q`` None,
    ``("exp", a, b, trig)`` with ``trig`` None or ``(fn, w, phi)``, or ``("pow", alpha, beta, s)``."""
    charge(1, "reading a closed form")
    if name not in free_names(term):
        return [((term,), None)]
    op = term.op
    if op == "var":
        return [((ZERO, ONE), None)]
    if op == "+":
        out = _collect([s for a in term.args for s in summands(a, name)])
        if len(out) > MAX_SUMMANDS:
            _refuse("a sum with many summands")
        return out
    if op == "*":
        out = [((ONE,), None)]
        for a in term.args:
            out = _times(out, summands(a, name), "a product of two non-polynomial atoms")
        return out
    if op == "^":
        return _power(*term.args, name)
    if op in ("exp", "sin", "cos", "sinh", "cosh"):
        a, b = _affine(term.args[0], op)
        if op == "exp":
            return [((ONE,), ("exp", a, b, None))]
        if op in ("sin", "cos"):
            return [((ONE,), ("exp", ZERO, ZERO, (op, a, b)))]
        half = num(Fraction(1, 2))
        other = num(Fraction(-1 if op == "sinh" else 1, 2))
        return [((half,), ("exp", a, b, None)), ((other,), ("exp", _m(num(-1), a), _m(num(-1), b), None))]
    _refuse(op)


def _power(base, exponent, name):
    if name in free_names(exponent):
        _refuse("a power with the variable in its exponent")
    if _whole(exponent) and 0 <= exponent.value <= MAX_DEGREE:
        out = [((ONE,), None)]
        for _ in range(int(exponent.value)):
            out = _times(out, summands(base, name), "a power of a sum of atoms")
        return out
    if _whole(exponent) and base.op == "*":  # (u v)^n = u^n v^n
        return summands(mul(*[power(a, exponent) for a in base.args]), name)
    if base.op == "^" and _whole(exponent):  # (u^e)^n = u^(e n) wherever the left side is defined
        inner, e = base.args
        return summands(power(inner, _m(e, exponent)), name)
    if base.op == "^" and _affine_power(base, name):  # (A^e)^s = A^(e s) needs A > 0: a power atom, whose base is
        (beta, alpha), = [p for p, _ in summands(base.args[0], name)]  # proved > 0 where it is evaluated, even
        return [((ONE,), ("pow", alpha, beta, _m(base.args[1], exponent)))]  # when e s is whole (sqrt(u^2) = |u|)
    parts = summands(base, name)
    if len(parts) == 1 and parts[0][1] is None and len(parts[0][0]) == 2:  # (alpha x + beta)^s
        beta, alpha = parts[0][0]
        return [((ONE,), ("pow", alpha, beta, exponent))]
    if len(parts) != 1 or len(parts[0][0]) != 1 or parts[0][1] is None:
        _refuse("a power of a sum of atoms")
    (c,), q = parts[0]
    if not _whole(exponent):
        sign_at(c, "closed-form derivative: a constant raised to a fractional power", +1)
    if q[0] == "exp" and q[3] is None:
        return [((power(c, exponent),), ("exp", _m(q[1], exponent), _m(q[2], exponent), None))]
    if q[0] == "pow":
        return [((power(c, exponent),), ("pow", q[1], q[2], _m(q[3], exponent)))]
    _refuse("a power of a trigonometric atom")


def _affine_power(base, name):
    """``base = u^e`` with ``u`` affine (read as a power atom, whose base is proved positive where it is evaluated)."""
    parts = summands(base.args[0], name)
    return len(parts) == 1 and parts[0][1] is None and len(parts[0][0]) == 2


def _falling(s, m):
    """``s (s - 1) ... (s - m + 1)`` as a term."""
    if _whole(s) and s.value >= 0:
        if m > s.value:
            return ZERO
        if m > _EXACT_FALLING:  # Gamma(s + 1)/Gamma(s + 1 - m), both arguments positive integers
            return mul(apply("gamma", num(s.value + 1)), power(apply("gamma", num(s.value + 1 - m)), num(-1)))
        out = Fraction(1)
        for i in range(m):
            out *= s.value - i
        return num(out)
    if m <= _EXACT_FALLING:
        if s.op == "num":
            out = Fraction(1)
            for i in range(m):
                out *= s.value - i
            return num(out)
        return _m(*[_a(s, num(-i)) for i in range(m)])
    minus = _m(num(-1), s)
    return mul(num((-1) ** m), apply("gamma", _a(num(m), minus)), power(apply("gamma", minus), num(-1)))


def _is_zero(a):
    if a == ZERO:
        return True
    try:
        sign_at(a, "closed-form derivative: a rate")
        return False
    except CheckError:
        if proved_equal(a, ZERO, Domain()):
            return True
        raise


def _q_derivative(q, m, x0):
    """``Q^(m)(x0)`` as a closed term."""
    if q is None:
        return ONE if m == 0 else ZERO
    if q[0] == "pow":
        _, alpha, beta, s = q
        base = _a(_m(alpha, x0), beta)
        sign_at(base, "closed-form derivative: the base of a power atom at the point", +1)
        falling = _falling(s, m)
        return ZERO if falling == ZERO else _m(falling, power(alpha, num(m)), power(base, _a(s, num(-m))))
    _, a, b, trig = q
    growth = apply("exp", _a(_m(a, x0), b))
    if trig is None:
        return _m(power(a, num(m)), growth)
    fn, w, phi = trig
    if _is_zero(a):
        return _m(power(w, num(m)), growth, apply(fn, _a(_m(w, x0), phi, _m(num(Fraction(m, 2)), const("pi")))))
    theta = apply("atan", _m(w, power(a, num(-1))))
    if sign_at(a, "closed-form derivative: a rate") < 0:
        theta = add(theta, const("pi"))
    radius = power(_a(power(a, num(2)), power(w, num(2))), num(Fraction(m, 2)))
    return _m(radius, growth, apply(fn, _a(_m(w, x0), phi, _m(num(m), theta))))


def _p_derivative(p, j, x0):
    """``P^(j)(x0)`` as a closed term."""
    parts = []
    for n in range(j, len(p)):
        parts.append(_m(num(math.perm(n, j)), p[n], power(x0, num(n - j)) if n > j else ONE))
    return _a(*parts)


def kth_derivative_at(term, k, x0, name="x"):
    """``term^(k)(x0)`` in closed form (a closed term), for ``term`` read by :func:`summands` and a closed
    point ``x0``; refuses anything outside the class."""
    if type(k) is not int or not 0 <= k <= MAX_CLOSED_ORDER:
        raise CheckError(f"closed-form derivative: order in 0..{MAX_CLOSED_ORDER}")
    parts = []
    for p, q in summands(term, name):
        charge(len(p), "a closed-form derivative")
        for j in range(min(len(p) - 1, k) + 1):
            pj = _p_derivative(p, j, x0)
            if pj != ZERO:
                parts.append(_m(num(math.comb(k, j)), pj, _q_derivative(q, k - j, x0)))
    return _a(*parts)
