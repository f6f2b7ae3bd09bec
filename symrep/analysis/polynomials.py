"""Polynomial answers: the coefficients with their feature-map rank bound, or a proof that f agrees
with no polynomial (limits, completely monotone bounds, rational functions, ODEs, derivatives, substitutions, two different
polynomials on the two half-lines, or, for the claim ``polynomial``, a real point where f is undefined), with full-rank box witnesses for ``low-rank``.
"""

import math
from fractions import Fraction
from itertools import combinations_with_replacement

import sympy

from symrep.analysis.common import GRID, POINTS, X, _as_polynomial, _numeric, _provably_nonzero, _t
from symrep.analysis.witnesses import box_eigenvalue
from symrep.certificates import CheckError
from symrep.certificates.reading import XR
from symrep.certificates.terms import substitute as substitute_term
from symrep.analysis.bounded_forms import _kernel_term, _limit_certificate

__all__ = []

#: What a low-rank refutation on an interval rests on (theory section 5).
INTERVAL_THEOREM = ("f real analytic on an open interval I and no polynomial there: for c in I and small s, "
                    "[f(c + s u_i v_j)] has rank n (its determinant's lowest term in s is a product of nonzero Taylor "
                    "coefficients and two generalized Vandermonde determinants, positive for 0 < u_1 < ... < u_n; "
                    "Gantmacher-Krein), so rank f(QK^T) with entries of QK^T in I is unbounded already for d = 2")


#: The share of the budget left that one derivation search of ``completely_monotone_bound`` may take.
CM_SHARE = 0.25


class PolynomialSearch:
    """Mixin of :class:`~symrep.analysis.verdicts._Prover`: the ``polynomial`` and ``low-rank`` claims."""

    def polynomial(self):
        continuous = self.fn.continuous_on_real_line()
        poly = _as_polynomial(self.fn.real, XR) if continuous else None
        coeffs = [_t(c) for c in reversed(poly.all_coeffs())] if poly is not None else \
            _disguised_polynomial(self.fn.real) if continuous else None
        if coeffs is not None:
            g = len(coeffs) - 1
            data = {"coefficients": coeffs}
            if self.claim == "low-rank":
                data.update({"degree": g, "rank_bound": f"binomial(d + {g}, {g})"})
            yield ("holds", "polynomial", data,
                   f"f is a polynomial of degree {g} on R: f(<q, k>) = <phi(q), psi(k)> with monomial feature maps, so "
                   f"rank f(QK^T) <= C(d + {g}, {g}) for every n.")
            return
        if self.claim == "low-rank" and (self.fn.interval_only or not continuous):
            # the theorem assumes no essential discontinuities on R; where f is not real (or not proved continuous)
            # on R, decide on an open interval (LO, oo) where it is analytic, and state the interval
            yield from self.on_interval()
            return
        proof = _undefined_point(self.f) if self.claim == "polynomial" and not self.fn.continuous_on_real_line() \
            else None
        reason = f"f is undefined at x = {proof['point']}, so it agrees with no polynomial on R" if proof else \
            "f agrees with no polynomial on (0, inf) (see the proof in the certificate)"
        proof = proof or self.non_polynomial(self.f, 0, _kernel_half_line(self.fn.real, self.claim))
        # f undefined at a point other than 0: f(0) plays no part, and no extension at 0 is stated
        data_extra = {"_no_extension": True} if proof and proof.get("kind") == "undefined-at" and \
            proof["point"] != "0" else {}
        if proof is None:
            proof = self.two_halves()
            reason = "f is one polynomial on (0, inf) and another on (-inf, 0), so it is no polynomial on R"
        if proof is None:
            return
        data = {"proof": proof, **data_extra}
        if self.claim == "low-rank":
            data["rank_witnesses"] = self.rank_witnesses()
            reason += (f"; by the theorem cited its rank is not bounded in terms of d. Box distance matrices of "
                       f"rank d + 1 map to full rank 2^d for d = 1..{len(data['rank_witnesses'])}")
        yield ("fails", "not-polynomial", data, reason + ".")

    def on_interval(self):
        """``low-rank`` fails on ``(LO, oo)``: f analytic there (the kernel proves it), ``f(x + LO)`` no polynomial on
        ``(0, oo)``; the largest such interval whose start the search finds (a rational at or right of the last
        real point where f stops being defined or analytic)."""
        if self.fn.extended:
            return
        term = _kernel_term(self.fn.real)
        if term is None:
            return
        for lo in _interval_starts(self.fn.real, term):
            self.tick()
            g = self.fn.real.xreplace({XR: X + lo})
            proof = self.non_polynomial(g, 0, _kernel_shifted(term, lo))
            if proof is None:
                continue
            data = {"proof": proof, "_domain": f"({_t(lo)}, oo)", "_rests_on": INTERVAL_THEOREM}
            why = self.fn.interval_only.rstrip(".") if self.fn.interval_only else "f is not proved continuous on R"
            reason = (f"Decided on an interval, since {why[0].lower() + why[1:]}: on the interval ({_t(lo)}, oo) it is real analytic (proved) and agrees with no polynomial "
                      f"(see the proof in the certificate), so the rank of f(QK^T) over Q, K whose products QK^T have "
                      f"their entries in ({_t(lo)}, oo) is not bounded in terms of d (theory section 5)")
            if lo < 0:
                data["rank_witnesses"] = self.rank_witnesses()
                reason += (f". Box distance matrices of rank d + 1 map to full rank 2^d for "
                           f"d = 1..{len(data['rank_witnesses'])}")
            yield ("fails", "not-polynomial", data, reason + ".")
            return

    def two_halves(self):
        neg = sympy.Symbol("x", negative=True)
        P, N = _as_polynomial(self.fn.pos, X), _as_polynomial(self.fn.neg, neg)
        if P is None or N is None:
            return None
        P, N = P.all_coeffs()[::-1], N.all_coeffs()[::-1]
        n = max(len(P), len(N))
        P, N = P + [0] * (n - len(P)), N + [0] * (n - len(N))
        if not any(_provably_nonzero(sympy.sympify(p - q)) for p, q in zip(P, N)):
            return None
        return {"kind": "two-halves", "positive": [_t(c) for c in P], "negative": [_t(c) for c in N]}

    def non_polynomial(self, g, depth, term=None):
        """A proof that g agrees with no polynomial on (0, oo); ``term`` is the kernel's own reading of
        g (its derivatives are the kernel's, unsimplified), which decides whether a ``limit`` node is
        offered."""
        self.tick()
        if term is None:
            term = _kernel_term(g)
        g = sympy.simplify(g)
        if g == 0 or depth > 4:
            return None
        bounded = _limit_certificate(g, term)
        if bounded:
            return bounded
        rational = _rational_certificate(g)
        if rational:
            return rational
        monotone = self.completely_monotone_bound(g, term) if depth <= 1 else None
        if monotone:
            return monotone
        ode = _ode_certificate(g)
        if ode:
            return ode
        for m in (2, 3, 4):
            sub = sympy.expand_power_base(g.subs(X, X**m), force=False)
            sub = sympy.powdenest(sub, force=True)
            if sympy.srepr(sub) != sympy.srepr(g) and not sub.has(sympy.Pow(X, sympy.Rational(1, 2))):
                inner = _rational_certificate(sub) or _ode_certificate(sub)
                if inner:
                    return {"kind": "substitution", "power": m, "of": inner}
        if not _analytic_for_a_checker(g, term):  # a derivative node on Max(1 - x, 0) is rejected by both
            return None
        inner = self.non_polynomial(sympy.diff(g, X), depth + 1, _kernel_derivative(term))
        return {"kind": "derivative", "of": inner} if inner else None

    def completely_monotone_bound(self, g, term=None):
        """``g = +-h(x^m)`` (``m`` = 1, 2) with ``h`` completely monotone by a derivation, or ``g = +-h`` with ``h``
        Bernstein: then ``g`` (resp. ``h'``) is bounded on ``[1, oo)`` and, being nonconstant, ``g`` is no polynomial
        (the kernel's ``completely-monotone`` node). CM kernels whose bounds at infinity meet ``oo * 0``
        (``besselk(0, x)``, ``exp(x^2) erfc(x)``) are settled this way. Float samples choose which searches run
        (an ordering only); each derivation search gets a share (``CM_SHARE``) of what is left of the budget."""
        from symrep.analysis.common import _simplify_sqrt
        from symrep.analysis.mixtures import plausibly_cm

        family = bool(g.free_symbols - {X})
        for cls, m in (("CM", 1), ("CM", 2), ("BF", 1)):
            base = g if m == 1 else _simplify_sqrt(g)
            for negated in (False, True):
                h = -base if negated else base
                k = h if cls == "CM" else sympy.diff(h, X)
                at = [_numeric(k.subs(X, sympy.Integer(p) ** m)) for p in (1, 2)] if not family else None
                if not family and not (all(v == v for v in at) and at[0] > at[1] > -1e-12 and plausibly_cm(k)):
                    continue
                node = self._derive_within(h, cls)
                if node is not None:
                    extra = {**({"root": m} if m > 1 else {}), **({"negated": True} if negated else {})}
                    proof = {"kind": "completely-monotone", "derivation": node, "a": "1", "b": "2", **extra}
                    if family or _kernel_accepts_node(term, proof):  # else the next route (a rejected start at 0)
                        return proof
        return None

    def _derive_within(self, h, cls):
        from symrep.analysis.budget import Budget, OutOfTime

        whole = self.tick
        self.tick = Budget(max(CM_SHARE * self.clock.left(), 1e-3)).tick
        try:
            return self.derive(h, cls, 0)
        except OutOfTime:
            return None
        finally:
            self.tick = whole
            self.tick()

    def rank_witnesses(self):
        out = []
        for d in (1, 2, 3):
            for sides in combinations_with_replacement(GRID[:6], d):
                self.tick()
                values = [box_eigenvalue(self.f, sides, mask, "l1", at0=self.f0) for mask in range(1 << d)]
                if all(abs(_numeric(v)) > 1e-12 for v in values):
                    out.append({"sides": [_t(s) for s in sides], "rank": 2**d})
                    break
            else:
                break
        return out



def _kernel_accepts_node(term, proof):
    """Whether the kernel accepts a ``completely-monotone`` node for its own reading ``term`` of g (no parameters)."""
    from symrep.certificates.fuel import tank
    from symrep.certificates.rules.cm_bounded import check_cm_bounded

    if term is None:
        return True  # the kernel's reading is not at hand: the checker decides at the end
    try:
        with tank():
            return check_cm_bounded(term, proof, "proof", {})
    except (CheckError, ArithmeticError, ValueError, TypeError, RecursionError):
        return False


def _kernel_shifted(term, lo):
    """The kernel's reading of ``g(x) = f(x + LO)`` on ``(0, oo)`` (:mod:`~symrep.certificates.rules.interval`)."""
    from symrep.certificates.rules.function import HALF_LINE, _resolve
    from symrep.certificates.terms import add, num, var

    try:
        return _resolve(substitute_term(term, {"x": add(var("x"), num(Fraction(lo)))}), HALF_LINE)
    except (CheckError, ValueError, TypeError):
        return None


def _interval_starts(f, term):
    """Rational starts LO of intervals (LO, oo) on which the kernel proves f real analytic, largest interval first:
    the last real point where an argument of a logarithm, a root, a negative power, a Bessel function or a gamma
    function vanishes (rounded up to a rational), then 0 and 1."""
    from symrep.certificates.domains import Span, analytic_on
    from symrep.certificates.fuel import tank

    boundaries = set()
    for sub in sympy.preorder_traversal(f):
        args = []
        if isinstance(sub, sympy.log):
            args = [sub.args[0]]
        elif isinstance(sub, sympy.Pow) and not (sub.exp.is_Integer and sub.exp > 0):
            args = [sub.base]
        elif isinstance(sub, (sympy.gamma, sympy.besselk, sympy.tan, sympy.cot, sympy.sec, sympy.csc)):
            args = [sub.args[-1] if not isinstance(sub, (sympy.tan, sympy.sec)) else sympy.cos(sub.args[0])]
        for u in args:
            if not u.has(XR):
                continue
            try:
                roots = sympy.solveset(u, XR, sympy.Reals)
            except Exception:
                continue
            if isinstance(roots, sympy.FiniteSet):
                boundaries |= {r for r in roots if r.is_real and r.is_number}
    starts = []
    top = max(boundaries, key=lambda r: float(r)) if boundaries else None
    if top is not None:
        starts.append(top if top.is_Rational else sympy.Rational(math.ceil(float(top) * 1000) + 1, 1000))
    starts += [sympy.Integer(0), sympy.Integer(1)]
    out = []
    for lo in starts:
        try:
            with tank():
                if analytic_on(term, "x", {"x": Span(Fraction(int(lo.p), int(lo.q)), None, lo_closed=False)}):
                    out.append(lo)
        except CheckError:
            continue
    return list(dict.fromkeys(out))


def _disguised_polynomial(f):
    """The coefficients (text, lowest degree first) of a polynomial that f is in disguise, or None: first the
    kernel's own normal form (trigonometric and hyperbolic functions as exponentials, ``sin x`` through
    ``e^(ix)``: ``cosh(x)^2 - sinh(x)^2`` is 1, ``sin(2x) - 2 sin x cos x`` is 0), read off where it is a
    polynomial in ``x`` with rational coefficients; then SymPy's rewriting into exponentials. Either is only a
    candidate: the kernel proves the identity (its normal forms must be equal exactly)."""
    from symrep.certificates.fuel import tank
    from symrep.certificates.grammar import read
    from symrep.certificates.normal_form import Domain, NotNormal, normal_form

    try:
        with tank():
            nf, builder = normal_form(read(_t(f), "f"), Domain())
        coefficients = _nf_coefficients(nf, builder)
        if coefficients is not None:
            return coefficients
    except (CheckError, NotNormal, ValueError):
        pass
    if not f.has(sympy.sin, sympy.cos, sympy.sinh, sympy.cosh, sympy.tanh, sympy.tan, sympy.exp):
        return None
    try:  # cheap rewriting only (no simplify: it could eat the budget the non-polynomial search needs)
        candidate = sympy.expand(sympy.powsimp(sympy.expand(f.rewrite(sympy.exp)), combine="exp"))
        if candidate.has(sympy.asinh):  # exp(n asinh x) = (x + sqrt(x^2 + 1))^n: cosh(2 asinh x) = 1 + 2 x^2
            candidate = sympy.expand(sympy.radsimp(sympy.expand(candidate.rewrite(sympy.log))))
        if _as_polynomial(candidate, XR) is None:  # a quotient of exponential polynomials: tanh(x)^2 + sech(x)^2
            candidate = sympy.expand(sympy.cancel(candidate))
    except Exception:
        return None
    poly = _as_polynomial(candidate, XR) if candidate.is_real is not False and not candidate.has(sympy.I) else None
    return None if poly is None else [_t(c) for c in reversed(poly.all_coeffs())]


def _nf_coefficients(nf, builder):
    """A normal form that is a polynomial in ``x`` over Q, as its coefficients' text; else None."""
    if nf.den.keys() != {()} or nf.den[()] != 1:
        return None
    x = builder.ids.get(("var", "x"))
    degree_of = {}
    for monomial, c in nf.num.items():
        if monomial == ():
            degree = 0
        elif len(monomial) == 1 and monomial[0][0] == x and monomial[0][1].denominator == 1 and monomial[0][1] > 0:
            degree = int(monomial[0][1])
        else:
            return None
        degree_of[degree] = c
    if not degree_of:
        return ["0"]
    top = max(degree_of)
    if top > 60:
        return None
    return [str(degree_of.get(j, 0)) for j in range(top + 1)]


def _kernel_half_line(real, claim):
    """f on (0, oo) as the kernel reads the certificate's function (kinks resolved, nothing cancelled:
    ``(Max(x, -x)*(sin(x)/x))^3`` stays ``(x*(sin(x)/x))^3``, which SymPy writes ``sin(x)^3``); None if unread."""
    from symrep.certificates import DOMAINS
    from symrep.certificates.fuel import tank
    from symrep.certificates.rules.function import Function as KernelFunction
    from symrep.geometry.expressions import expression_text

    try:
        with tank():
            return KernelFunction(expression_text(real), DOMAINS[claim]).on_half_line()
    except (CheckError, ValueError, TypeError):
        return None


def _analytic_for_a_checker(g, term):
    """Whether the kernel (on its term) or the SymPy-based checker proves g analytic on (0, oo): a
    ``derivative`` node reads g's formal derivative only then."""
    from symrep.certificates.domains import analytic_on
    from symrep.certificates.exact import continuous
    from symrep.certificates.fuel import tank
    from symrep.certificates.rules.function import HALF_LINE

    if term is not None:
        try:
            with tank():
                if analytic_on(term, "x", HALF_LINE):
                    return True
        except CheckError:
            pass
    try:
        return bool(continuous(g, X, analytic=True))
    except CheckError:
        return False


def _kernel_derivative(term):
    from symrep.certificates.derivatives import derivative
    from symrep.certificates.errors import CheckError
    try:
        return None if term is None else derivative(term, "x")
    except CheckError:
        return None


def _undefined_point(f):
    """A real point where f is undefined (a pole: ``tan(x)`` at ``pi/2``, ``1/(x + 1)`` at -1), as the kernel's
    ``undefined-at`` node states it; the kernel proves it undefined there."""
    from symrep.certificates.errors import CheckError
    from symrep.certificates.grammar import read
    from symrep.certificates.rules.function import proved_undefined
    from symrep.certificates.rules.growth import no_finite_limit_at_0
    from symrep.certificates.terms import substitute

    try:
        where = sympy.singularities(f, X, sympy.Reals)
    except Exception:
        return None
    points = list(where) if isinstance(where, sympy.FiniteSet) else []
    for image in where.atoms(sympy.ImageSet):
        points += [image.lamda(n) for n in range(2)]
    term = _kernel_term(f)
    points = sorted((p for p in points if p.is_number and p.is_real), key=lambda p: abs(float(p)))[:6]
    # and where a root or a logarithm meets a negative number (sqrt(x), log(1 + x) below -1)
    points += [p for p in (-sympy.Rational(1, 3), -1, -sympy.Rational(7, 2), -10) if p not in points]
    for x0 in points:
        try:
            if x0 == 0 and (term is None or not no_finite_limit_at_0(term)):  # at 0, f is its limit where it has one
                continue
            if term is not None and proved_undefined(substitute(term, {"x": read(_t(x0), "point", variables=())})):
                return {"kind": "undefined-at", "point": _t(x0)}
        except CheckError:
            continue
    return None


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

