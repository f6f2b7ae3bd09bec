"""Quotients of sparse polynomials over Q: the arithmetic under the kernel's normal form.

A polynomial is a dictionary ``{monomial: coefficient}``; a monomial is a sorted tuple of
``(generator number, exponent)`` with nonzero Fraction exponents, a coefficient a python-flint ``fmpq``.
:class:`NormalForm` is a quotient ``num/den`` kept with no monomial factor in ``den`` (a monomial
denominator becomes negative exponents) and ``den`` made monic in its first term. Every product is
charged to the fuel and limited in size.

Examples
--------
>>> from symrep.certificates.rational_functions import NormalForm, nf_add, nf_const
>>> nf_add(nf_const(1), nf_const(-1)).is_zero
True
"""

import math
from fractions import Fraction

from flint import fmpq

from .errors import CheckError
from .fuel import charge

__all__ = ["NormalForm", "NotNormal", "ONE", "nf_add", "nf_mul", "nf_inv", "nf_pow", "nf_const", "mono_pow",
           "order", "MAX_POWER", "resultant", "determinant"]

MAX_TERMS, MAX_POWER = 20000, 400


class NotNormal(CheckError):
    """The term has no normal form: it divides by something that is identically 0, or is undefined
    everywhere (the log of a negative number), or grows past the limits."""


def _mono_mul(a, b):
    if not a:
        return b
    if not b:
        return a
    out = dict(a)
    for g, e in b:
        e2 = out.get(g, 0) + e
        if e2:
            out[g] = e2
        else:
            del out[g]
    return tuple(sorted(out.items()))


def mono_pow(m, k):
    return tuple((g, e * k) for g, e in m) if k else ()


def _padd(a, b, sign=1):
    out = dict(a)
    for m, c in b.items():
        v = out.get(m, 0) + (c if sign == 1 else -c)
        if v:
            out[m] = v
        else:
            out.pop(m, None)
    return out


def _pmul(a, b):
    charge(len(a) * len(b), "multiplying polynomials of a normal form")
    if len(a) * len(b) > MAX_TERMS * 4:
        raise NotNormal(f"a normal form grows past {MAX_TERMS} terms")
    out = {}
    for m1, c1 in a.items():
        for m2, c2 in b.items():
            m = _mono_mul(m1, m2)
            v = out.get(m, 0) + c1 * c2
            if v:
                out[m] = v
            else:
                out.pop(m, None)
    if len(out) > MAX_TERMS:
        raise NotNormal(f"a normal form grows past {MAX_TERMS} terms")
    return out


def _pscale(a, c, m=()):
    return {_mono_mul(k, m): v * c for k, v in a.items()} if c else {}


def _const(c):
    c = fmpq(c.numerator, c.denominator) if isinstance(c, Fraction) else fmpq(c)
    return {(): c} if c else {}


ONE = {(): fmpq(1)}


class NormalForm:
    """``num/den``: polynomials over Q in generators; ``den`` has no monomial factor and, if it is not
    constant, its first term has coefficient 1 (constant denominators are divided out)."""

    __slots__ = ("num", "den")

    def __init__(self, num, den=None):
        den = ONE if den is None else den
        if not den:
            raise NotNormal("division by a normal form that is identically 0")
        if not num:  # 0/d is 0 (where d is defined and not 0: the term's own domain)
            den = ONE
        elif len(den) == 1:  # a monomial denominator moves into the numerator
            (m, c), = den.items()
            num, den = _pscale(num, 1 / c, mono_pow(m, -1)), ONE
        else:
            first = min(den)
            c = den[first]
            if c != 1:
                num, den = _pscale(num, 1 / c), _pscale(den, 1 / c)
        self.num, self.den = num, den

    def key(self):
        return (tuple(sorted(self.num.items(), key=order)), tuple(sorted(self.den.items(), key=order)))

    @property
    def is_zero(self):
        return not self.num

    def constant(self):
        """The rational value if the normal form is a rational constant, else None."""
        if self.den is ONE or self.den == ONE:
            if not self.num:
                return Fraction(0)
            if len(self.num) == 1 and () in self.num:
                c = self.num[()]
                return Fraction(int(c.p), int(c.q))
        return None

    def monomial(self):
        """``(c, M)`` if the normal form is one term ``c M``, else None."""
        if (self.den is ONE or self.den == ONE) and len(self.num) == 1:
            (m, c), = self.num.items()
            return c, m
        return None


def order(item):
    return (len(item[0]), [(g, e.numerator, e.denominator) for g, e in item[0]])


def nf_add(a, b, sign=1):
    if a.den == b.den:
        return NormalForm(_padd(a.num, b.num, sign), a.den)
    return NormalForm(_padd(_pmul(a.num, b.den), _pmul(b.num, a.den), sign), _pmul(a.den, b.den))


def nf_mul(a, b):
    return NormalForm(_pmul(a.num, b.num), _pmul(a.den, b.den))


def nf_inv(a):
    if not a.num:
        raise NotNormal("division by a term whose normal form is 0")
    return NormalForm(a.den, a.num)


def nf_pow(a, k):
    if k < 0:
        return nf_pow(nf_inv(a), -k)
    if k > MAX_POWER:
        raise NotNormal(f"an integer power beyond {MAX_POWER}")
    out, base = NormalForm(ONE), a
    while k:
        if k & 1:
            out = nf_mul(out, base)
        k >>= 1
        if k:
            base = nf_mul(base, base)
    return out


def nf_const(c):
    return NormalForm(_const(c))


def factor(poly):
    """``(content, [(factor, multiplicity), ...])`` with ``poly = content * prod factor^multiplicity``, by
    python-flint's exact multivariate factorisation over Q (``fmpq_mpoly.factor``); None for the polynomial 0.
    A generator ``g`` with rational exponents is factored as ``y = g^(1/L)``, ``L`` the least common denominator
    of its exponents (``x + 3 x^(1/2) + 2 = (x^(1/2) + 1)(x^(1/2) + 2)``): the normal form gives a generator
    rational exponents only where ``g^a g^b = g^(a + b)``."""
    if not poly:
        return None
    generators = sorted({g for m in poly for g, _ in m})
    scale = {g: math.lcm(*[e.denominator for m in poly for h, e in m if h == g]) for g in generators}
    if any(v > 12 for v in scale.values()):
        return None
    poly = {tuple((g, e * scale[g]) for g, e in m): c for m, c in poly.items()}
    shift = {g: min([0] + [int(e) for m in poly for h, e in m if h == g]) for g in generators}
    if not generators:
        return poly[()], []
    charge(len(poly) * len(generators), "factoring a polynomial")
    from flint import fmpq_mpoly_ctx

    context = fmpq_mpoly_ctx.get(tuple(f"g{g}" for g in generators), "lex")
    index = {g: i for i, g in enumerate(generators)}

    def exponents(m):
        out = [0] * len(generators)
        for g, e in m:
            out[index[g]] = int(e)
        return tuple(out[i] - shift[g] for i, g in enumerate(generators))

    flint_poly = context.from_dict({exponents(m): c for m, c in poly.items()})
    content, factors = flint_poly.factor()
    out = []
    for f, multiplicity in factors:
        out.append(({tuple((generators[i], Fraction(int(e), scale[generators[i]])) for i, e in enumerate(k) if e): c
                     for k, c in f.to_dict().items()}, int(multiplicity)))
    monomial = tuple((g, Fraction(s, scale[g])) for g, s in shift.items() if s)
    if monomial:
        out.append(({monomial: fmpq(1)}, 1))
    return content, out


def reduced_zero(difference, needs, reduce_poly):
    """True if ``difference`` is 0 once the integer parts of its roots are reduced (``needs`` a monomial, by
    ``reduce_poly``): a difference of two reduced forms can carry ``u^(1/2) u^(1/2) = u^1`` in its numerator
    (``1/(x + 1)^(3/2)`` against ``(x + 1)^(-3/2)``), and ``u^1`` is ``u`` wherever ``u^(1/2)`` is defined."""
    numerator = difference
    for _ in range(3):
        if numerator.is_zero or not any(needs(m) for m in numerator.num):
            break
        numerator = reduce_poly(numerator.num)
    return numerator.is_zero


def at_least_one(u, nonnegative_gen):
    """``u >= 1`` wherever defined, by its shape: a polynomial ``1 + q + sum c_m m`` with ``q >= 0`` and every
    ``c_m > 0``, each monomial ``m`` of generators that ``nonnegative_gen`` proves ``>= 0`` (so ``log u >= 0``:
    ``log(1 + x)`` for ``x >= 0``)."""
    if not (u.den is ONE or u.den == ONE) or u.num.get((), 0) < 1:
        return False
    return all(c > 0 and all(nonnegative_gen(g) for g, _ in m) for m, c in u.num.items() if m)


def resultant(p, q):
    """The Sylvester resultant of two coefficient lists (lowest first), exactly."""
    p, q = list(reversed(p)), list(reversed(q))
    m, n = len(p) - 1, len(q) - 1
    if m == 0:
        return p[0] ** n
    rows = [[Fraction(0)] * i + p + [Fraction(0)] * (n - 1 - i) for i in range(n)] + \
           [[Fraction(0)] * i + q + [Fraction(0)] * (m - 1 - i) for i in range(m)]
    return determinant(rows)


def determinant(rows):
    """The determinant of a square matrix of Fractions (a list of rows), by exact elimination."""
    rows = [list(r) for r in rows]
    size, det = len(rows), Fraction(1)
    for col in range(size):
        charge(size, "a determinant")
        pivot = next((r for r in range(col, size) if rows[r][col] != 0), None)
        if pivot is None:
            return Fraction(0)
        if pivot != col:
            rows[col], rows[pivot] = rows[pivot], rows[col]
            det = -det
        det *= rows[col][col]
        for r in range(col + 1, size):
            factor = rows[r][col] / rows[col][col]
            if factor:
                rows[r] = [a - factor * b for a, b in zip(rows[r], rows[col])]
    return det
