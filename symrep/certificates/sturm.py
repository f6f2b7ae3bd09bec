"""Signs of univariate polynomials with rational coefficients over spans, by Sturm's theorem.

:func:`polynomial_sign` decides ``p > 0`` (``>= 0``, ``< 0``, ``<= 0``) on a span exactly: the distinct real
roots strictly inside are counted by the sign changes of the Sturm sequence at the ends (Sturm's
theorem, with the ends moved off any root); for a non-strict relation only the factors of odd
multiplicity count (Yun's square-free decomposition), since the rest is a square; then one rational
point where ``p`` is not 0 gives the sign. All arithmetic is exact (Fractions).

Examples
--------
>>> from fractions import Fraction
>>> from symrep.certificates.domains import Span
>>> from symrep.certificates.sturm import polynomial_sign
>>> polynomial_sign([Fraction(1), Fraction(-2), Fraction(1)], Span(None, None), ">=")   # (x - 1)^2
True
>>> polynomial_sign([Fraction(1), Fraction(-2), Fraction(1)], Span(None, None), ">")
False
"""

from fractions import Fraction

from .fuel import charge

__all__ = ["polynomial_sign"]


def polynomial_sign(p, span, relation):
    """True if ``p`` (coefficients lowest first) satisfies ``p relation 0`` at every point of the span."""
    p = _trim(list(p))
    want = 1 if relation in (">", ">=") else -1
    strict = relation in (">", "<")
    if len(p) == 1:
        return want * p[0] > 0 or (not strict and p[0] == 0)
    chain = _sturm_chain(p)
    g = chain[-1] if len(chain[-1]) > 1 else [Fraction(1)]
    square_free = _divide(p, g)
    if strict:
        for end, closed in ((span.lo, span.lo_closed), (span.hi, span.hi_closed)):
            if end is not None and closed and _value(p, end) == 0:
                return False
        if _roots_inside(square_free, span):
            return False
    elif _roots_inside(_odd_part(p), span):
        return False
    # p keeps one sign (strictly, or up to the roots of a square) inside the span: read it at a point
    point = span.point()
    for k in range(2, 2 + len(p)):
        if _value(p, point) != 0:
            break
        point = _inner_point(span, k)
    return want * _value(p, point) > 0




def _value(p, x):
    out = Fraction(0)
    for c in reversed(p):
        out = out * x + c
    return out


def _trim(p):
    while len(p) > 1 and p[-1] == 0:
        p = p[:-1]
    return p


def _remainder(a, b):
    a = list(a)
    while len(a) >= len(b) and any(a):
        factor = a[-1] / b[-1]
        _charge_step(len(b), factor, "computing a polynomial remainder")
        shift = len(a) - len(b)
        for i, c in enumerate(b):
            a[shift + i] -= factor * c
        a = _trim(a[:-1]) if len(a) > 1 else a
    return _trim(a)


def _charge_step(length, factor, what):
    """One elimination step: ``length`` products of rationals the size of ``factor`` (coefficients grow along a
    remainder sequence, so the work is charged by their bits, not their count: a degree-79 chain took minutes)."""
    charge(length * (1 + (factor.numerator.bit_length() + factor.denominator.bit_length()) // 128), what)


def _sturm_chain(p):
    derivative = _trim([k * c for k, c in enumerate(p)][1:] or [Fraction(0)])
    chain = [p, derivative]
    while len(chain[-1]) > 1 or chain[-1][0] != 0:
        charge(len(chain[-1]), "a Sturm sequence")
        rest = _remainder(chain[-2], chain[-1])
        if rest == [0]:
            break
        chain.append([-c for c in rest])
    return chain


def _changes(chain, x):
    """Sign changes of the chain at x (None: -oo, 'inf': +oo)."""
    signs = []
    for p in chain:
        if x in (None, "inf"):
            lead = p[-1] * (1 if x == "inf" or (len(p) - 1) % 2 == 0 else -1)
            value = lead
        else:
            value = _value(p, x)
        if value != 0:
            signs.append(value > 0)
    return sum(1 for s, t in zip(signs, signs[1:]) if s != t)


def _inner_point(span, k):
    if span.bounded():
        return span.lo + (span.hi - span.lo) / k
    if span.lo is not None:
        return span.lo + Fraction(1, k)
    if span.hi is not None:
        return span.hi - Fraction(1, k)
    return Fraction(1, k)


def _divide(a, b):
    """The exact quotient a / b of polynomials (b divides a)."""
    a, out = list(a), [Fraction(0)] * max(1, len(a) - len(b) + 1)
    while len(a) >= len(b) and any(a):
        factor = a[-1] / b[-1]
        _charge_step(len(b), factor, "dividing polynomials")
        shift = len(a) - len(b)
        out[shift] = factor
        for i, c in enumerate(b):
            a[shift + i] -= factor * c
        a = a[:-1]
    return _trim(out)


def _odd_part(p):
    """The product of the distinct irreducible-free factors of odd multiplicity (Yun's square-free
    decomposition): p >= 0 on a span iff this part keeps its sign there (the rest is a square)."""
    out = [Fraction(1)]
    current = p
    multiplicity = 1
    g = _gcd(current, _trim([k * c for k, c in enumerate(current)][1:] or [Fraction(0)]))
    w = _divide(current, g)
    while len(w) > 1:
        charge(len(w), "a square-free decomposition")
        y = _gcd(w, g)
        factor = _divide(w, y)
        if multiplicity % 2 == 1:
            out = _times_poly(out, factor)
        w, g, multiplicity = y, _divide(g, y), multiplicity + 1
    return _trim(out)


def _gcd(a, b):
    a, b = _trim(a), _trim(b)
    while b != [0] and len(b) >= 1 and any(b):
        a, b = b, _remainder(a, b)
    lead = a[-1]
    return [c / lead for c in a]


def _times_poly(a, b):
    out = [Fraction(0)] * (len(a) + len(b) - 1)
    for i, c in enumerate(a):
        for j, d in enumerate(b):
            out[i + j] += c * d
    return out


def _roots_inside(p, span):
    """Whether the square-free ``p`` has a root strictly inside the span (ends moved off roots)."""
    p = _trim(p)
    for end in (span.lo, span.hi):
        if end is not None:
            while len(p) > 1 and _value(p, end) == 0:
                p = _divide(p, [-end, Fraction(1)])
    if len(p) <= 1:
        return False
    chain = _sturm_chain(p)
    return _changes(chain, span.lo) - _changes(chain, "inf" if span.hi is None else span.hi) > 0


# --- signs of quotients of polynomials in one parameter (used by domains.sign_class) ----------------------

def quotient_class(term, region, name, sign_class):
    """The sign class (``+``, ``-`` or ``?``) of a sum defined on the whole region, with one parameter ``name``:
    a quotient ``N/D`` of polynomials in it has the sign of ``N D`` (``D`` divides the product of the written
    denominators, nonzero where the term is defined); else :func:`_log_comparison`."""
    product = univariate_quotient(term, name)
    if product is not None and len(product) <= 200:
        for relation, cls in ((">", "+"), ("<", "-")):
            if polynomial_sign(product, region[name], relation):
                return cls
    return _log_comparison(term, region, name, sign_class) or "?"


def univariate_quotient(term, name):
    """The coefficients (lowest first) of ``N D`` where the term's normal form is ``N/D``, both polynomials in
    ``name`` alone with rational coefficients; None otherwise. Where the term is defined it has the sign of
    ``N D``."""
    from .errors import CheckError
    from .normal_form import Domain, normal_form

    try:
        nf, builder = normal_form(term, Domain())
    except CheckError:
        return None

    def exponents(polynomial):
        out = {}
        for monomial, c in polynomial.items():
            if len(monomial) > 1:
                return None
            power = 0
            if monomial:
                (g, e), = monomial
                if builder.kinds[g] != ("var", name) or e.denominator != 1 or abs(e) > 400:
                    return None
                power = int(e)
            out[power] = Fraction(int(c.p), int(c.q))
        return out

    def coefficients(powers, shift):
        return [powers.get(k - shift, Fraction(0)) for k in range(max(powers) + shift + 1)] if powers else [Fraction(0)]

    n, d = exponents(nf.num), exponents(nf.den)
    if n is None or d is None:
        return None
    # Laurent monomials (c^(-1) from a written 1/c): N/D = (N c^m)/(D c^m), whose sign is that of N D c^(2m)
    shift = max([0] + [-k for k in (*n, *d)])
    n, d = coefficients(n, shift), coefficients(d, shift)
    if n is None or d is None or len(n) + len(d) > 200:
        return None
    product = [Fraction(0)] * (len(n) + len(d) - 1)
    for i, a in enumerate(n):
        for j, b in enumerate(d):
            product[i + j] += a * b
    charge(len(product), "multiplying a quotient's numerator and denominator")
    return product


def _log_comparison(term, region, name, sign_class):
    """A sum ``P + N`` of positive terms ``P`` and negative terms ``N`` (each class strict) has the sign of
    ``log P - log(-N)`` (``log`` is increasing); the normal form turns ``log(exp u)`` into ``u``, so ``1 - exp(-c)``
    on ``c < 0`` is negative because ``log 1 - (-c) = c`` is. Decided where that difference is a quotient of
    polynomials in one parameter, else None."""
    from .terms import add, apply, mul, num

    positive, negative = [], []
    for a in term.args:
        cls = sign_class(a, region)
        if cls == "+":
            positive.append(a)
        elif cls == "-":
            negative.append(mul(num(-1), a))
        else:
            return None
    if not positive or not negative:
        return None
    p = positive[0] if len(positive) == 1 else add(*positive)
    n = negative[0] if len(negative) == 1 else add(*negative)
    product = univariate_quotient(add(apply("log", p), mul(num(-1), apply("log", n))), name)
    if product is None or len(product) > 200:
        return None
    for relation, cls in ((">", "+"), ("<", "-")):
        if polynomial_sign(product, region[name], relation):
            return cls
    return None


def univariate_polynomial(term, name):
    """The coefficients (lowest first, Fractions) if the term's normal form is a polynomial in ``name``
    alone with rational coefficients, else None."""
    from .errors import CheckError
    from .normal_form import Domain, normal_form

    try:
        nf, builder = normal_form(term, Domain())
    except CheckError:
        return None
    if nf.den != {(): 1} and len(nf.den) != 1:
        return None
    coefficients = {}
    for monomial, c in nf.num.items():
        if len(monomial) > 1:
            return None
        power = 0
        if monomial:
            (g, e), = monomial
            if builder.kinds[g] != ("var", name) or e.denominator != 1 or e < 0:
                return None
            power = int(e)
        coefficients[power] = Fraction(int(c.p), int(c.q))
    if not coefficients:
        return [Fraction(0)]
    return [coefficients.get(k, Fraction(0)) for k in range(max(coefficients) + 1)]
