"""Exact non-polynomial nodes for the kernel, found with SymPy: ``g`` a rational function that is none
(``rational``), ``g^2`` a polynomial that is no square (``square``), and linear ODEs whose indicial polynomial has
no root in N (``ode``). Each is only a candidate: the kernel proves the identity and the side conditions.
"""

import sympy

from symrep.analysis.common import POINTS, X, _numeric, _t

__all__ = []


def _within(node, width):
    """An ``ode`` node whose point lies in ``(0, width)`` (any point for None), else None."""
    if node is None or width is None or sympy.Rational(node["nonzero_at"]) < width:
        return node
    return None


def algebraic(expr):
    """``expr`` with every ``asinh`` written as a logarithm and radicals out of denominators, expanded:
    ``exp(2 asinh x)`` becomes ``(x + sqrt(x^2 + 1))^2``, and ``cosh(2 asinh x)`` (as exponentials) ``2 x^2 + 1``."""
    return sympy.expand(sympy.radsimp(sympy.expand(expr.rewrite(sympy.log))))


def _square_certificate(g):
    """``g^2 = P``, a polynomial with a factor of odd multiplicity (so no square of a real polynomial): the kernel's
    ``square`` node (``sqrt(2x - x^2)``, ``cosh(3 asinh(x))``)."""
    if not g.has(sympy.Pow, sympy.cosh, sympy.sinh) or not g.has(X):
        return None
    try:
        square = sympy.expand(g ** 2)
        if not square.is_polynomial(X) and square.has(sympy.asinh, sympy.cosh, sympy.sinh):
            square = algebraic(square.rewrite(sympy.exp))
        if not square.is_polynomial(X):
            return None
        poly = sympy.Poly(square, X)
        if poly.degree() < 1 or not all(c.is_Rational for c in poly.all_coeffs()):
            return None
        content, factors = sympy.sqf_list(poly)
        if not (content < 0 or any(m % 2 == 1 and f.degree() >= 1 for f, m in factors)):
            return None
    except Exception:
        return None
    return {"kind": "square", "polynomial": [_t(c) for c in reversed(poly.all_coeffs())]}


def _rational_certificate(g):
    num, den = sympy.fraction(sympy.cancel(sympy.together(g)))
    try:
        P, Q = sympy.Poly(num, X), sympy.Poly(den, X)
    except sympy.PolynomialError:
        return None
    if any(c.has(X) for c in P.all_coeffs() + Q.all_coeffs()) or Q.degree() < 1:
        return None
    return {"kind": "rational", "numerator": [_t(c) for c in reversed(P.all_coeffs())],
            "denominator": [_t(c) for c in reversed(Q.all_coeffs())]}


def _constant_coefficient_odes(g, orders=(2, 3, 4, 5, 6), exact=True):
    """``g^(k) = sum_j c_j g^(j)`` with rational ``c_j`` (an exponential polynomial: ``x sin x`` has
    ``g^(4) + 2 g^(2) + g = 0``): the ``c_j`` solved in floating point at ``k`` points, rounded to rationals with
    small denominators and tested at the other points; only a candidate (the kernel proves the ODE exactly)."""
    import mpmath

    try:
        derivatives = [g]
        for _ in range(max(orders)):
            derivatives.append(sympy.diff(derivatives[-1], X))
        with mpmath.workdps(40):
            points = [sympy.Rational(p, 7) for p in (3, 5, 8, 11, 13, 17, 19, 23)]
            table = [[mpmath.mpf(str(sympy.N(d.subs(X, p), 40))) for d in derivatives] for p in points]
    except (TypeError, ValueError, ArithmeticError):
        return []
    out = []
    with mpmath.workdps(40):
        for k in orders:
            try:
                A = mpmath.matrix([[row[j] for j in range(k)] for row in table[:k]])
                b = mpmath.matrix([row[k] for row in table[:k]])
                c = mpmath.lu_solve(A, b)
            except (ZeroDivisionError, ValueError):
                continue
            rational = [sympy.Rational(str(mpmath.nstr(v, 30))).limit_denominator(1000) for v in c]
            values = [mpmath.mpf(q.p) / q.q for q in rational] if exact else list(c)  # (exact=False: any real c_j)
            if any(abs(row[k] - sum(v * row[j] for j, v in enumerate(values))) > mpmath.mpf(10)**-25 for row in table):
                continue
            out.append([[-q] for q in rational] + [[1]])
            break
    return out


def _ode_certificate(g):
    """A first-order ODE Q g' - P g = 0 from a rational logarithmic derivative, or a
    constant-coefficient ODE of order 2, whose indicial polynomial has no root in N."""
    candidates = []
    log_derivative = sympy.cancel(sympy.simplify(sympy.diff(g, X) / g))
    num, den = sympy.fraction(log_derivative)
    try:
        P, Q = sympy.Poly(num, X), sympy.Poly(den, X)
        if not any(c.has(X) for c in P.all_coeffs() + Q.all_coeffs()):
            candidates.append([(-P).all_coeffs()[::-1], Q.all_coeffs()[::-1]])
    except sympy.PolynomialError:
        pass
    if not candidates:  # rational constant coefficients, found numerically (cheap), before SymPy's solve
        candidates += _constant_coefficient_odes(g)
    a, b = sympy.symbols("a b")
    d1, d2 = sympy.diff(g, X), sympy.diff(g, X, 2)
    try:
        sol = [] if candidates or not _constant_coefficient_odes(g, (2,), exact=False) else sympy.solve([sympy.simplify((d2 - a * d1 - b * g).subs(X, p)) for p in (1, 2)], [a, b], dict=True)
    except Exception:
        sol = []
    for s in sol[:1]:
        if a not in s or b not in s:
            continue
        try:  # a numeric test at two more points first: simplifying a wrong candidate can take minutes (x sin x)
            wrong = any(abs(complex(sympy.N((d2 - s[a] * d1 - s[b] * g).subs(X, p), 30))) > 1e-12
                        for p in (3, sympy.Rational(5, 2)))
        except (TypeError, ValueError, ArithmeticError):
            wrong = True
        if wrong:
            continue
        aa, bb = sympy.simplify(s[a]), sympy.simplify(s[b])
        if not (aa.has(X) or bb.has(X)) and sympy.simplify(d2 - aa * d1 - bb * g) == 0:
            candidates.append([[-bb], [-aa], [1]])
    for rows in candidates:
        polys = [sympy.Poly(sum(c * X**j for j, c in enumerate(row)), X) for row in rows]
        shifts = [p.degree() - k for k, p in enumerate(polys) if not p.is_zero]
        top = max(shifts)
        n = sympy.Dummy("n")
        indicial = sympy.Poly(sum(p.LC() * sympy.ff(n, k) for k, p in enumerate(polys)
                                  if not p.is_zero and p.degree() - k == top), n)
        if indicial.degree() == 0 and indicial.is_zero:
            continue
        if indicial.degree() > 0 and any(r.is_integer and r >= 0 for r in indicial.ground_roots()):
            continue
        for x0 in POINTS:
            value = g.subs(X, x0)
            if abs(_numeric(value)) > 1e-12:
                return {"kind": "ode", "coefficients": [[_t(c) for c in row] for row in rows],
                        "nonzero_at": _t(x0)}
    return None

