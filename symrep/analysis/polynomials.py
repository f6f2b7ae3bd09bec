"""Polynomial answers: the coefficients with their feature-map rank bound, or a proof that f agrees
with no polynomial (limits, completely monotone bounds, rational functions, ODEs, derivatives, substitutions, two different
polynomials on the two half-lines, or, for the claim ``polynomial``, a real point where f is undefined), with full-rank box witnesses for ``low-rank``.
"""

import math
from fractions import Fraction
from itertools import combinations_with_replacement

import sympy

from symrep.analysis.common import GRID, X, _as_polynomial, _numeric, _provably_nonzero, _t
from symrep.analysis.witnesses import box_eigenvalue
from symrep.certificates import CheckError
from symrep.certificates.reading import XR
from symrep.certificates.terms import substitute as substitute_term
from symrep.analysis.bounded_forms import _kernel_term, _limit_certificate
from symrep.analysis.exact_nodes import algebraic, _ode_certificate, _rational_certificate, _square_certificate, _within

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
        if self.f.free_symbols - {X}:  # a family: node proofs the kernel reads over the whole region
            yield from self.family_polynomial()
            return
        # a function read on (0, oo) alone (not real at some negative point) is not continuous on R
        continuous = self.fn.neg is not None and self.fn.continuous_on_real_line()
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
        proof = _undefined_point(self.f) if self.claim == "polynomial" and not continuous else None
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

    def family_polynomial(self):
        """A family on a region: at a single parameter value, its polynomial (the kernel puts the value in); else
        ``g = f``, or ``f(-x)`` (``reflect``), or a derivative of either up to the second, completely monotone (or
        Bernstein) for every parameter value of the region, and nonconstant (``exp(-c x)`` for ``c != 0``)."""
        from symrep.certificates.regions import active_region

        box = active_region() or {}
        fixed = {s: iv.lo for s, iv in box.items() if iv.lo == iv.hi}
        if fixed and set(fixed) >= self.f.free_symbols - {X}:
            poly = _as_polynomial(self.fn.real.subs(fixed), XR)
            if poly is not None and all(c.is_Rational for c in poly.all_coeffs()):
                coeffs, g = [_t(c) for c in reversed(poly.all_coeffs())], poly.degree()
                data = {"coefficients": coeffs, **({"degree": g, "rank_bound": f"binomial(d + {g}, {g})"}
                                                   if self.claim == "low-rank" else {})}
                yield ("holds", "polynomial", data, f"At this parameter value f is a polynomial of degree {g} on R.")
            return
        for reflected in (False, True):
            g = self.fn.real.subs(XR, -X) if reflected else self.f
            for order in range(3):
                self.tick()
                proof = self.completely_monotone_bound(sympy.diff(g, X, order) if order else g)
                if proof is None:
                    continue
                for _ in range(order):
                    proof = {"kind": "derivative", "of": proof}
                proof = {"kind": "reflect", "of": proof} if reflected else proof
                where = "f(-x)" if reflected else "f"
                yield ("fails", "not-polynomial", {"proof": proof},
                       f"For every parameter value of the region, {where} (or a derivative) is completely monotone or "
                       f"Bernstein on (0, inf) and not constant, so bounded there and no polynomial (see the proof in "
                       f"the certificate); f agrees with no polynomial on R.")
                return

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
        for lo, hi in _bounded_intervals(self.fn.real, term)[:3]:  # f real on a bounded interval only: sqrt(1 - x^2)
            self.tick()
            g = self.fn.real.xreplace({XR: X + lo})
            proof = self.non_polynomial(g, 0, _kernel_shifted(term, lo, hi), width=hi - lo)
            if proof is None:
                continue
            span = f"({_t(lo)}, {_t(hi)})"
            why = self.fn.interval_only.rstrip(".") if self.fn.interval_only else "f is not proved continuous on R"
            yield ("fails", "not-polynomial", {"proof": proof, "_domain": span, "_rests_on": INTERVAL_THEOREM},
                   f"Decided on an interval, since {why[0].lower() + why[1:]}: on the interval {span} it is real "
                   f"analytic (proved) and agrees with no polynomial (see the proof in the certificate), so the rank of "
                   f"f(QK^T) over Q, K whose products QK^T have their entries in {span} is not bounded in terms of d "
                   f"(theory section 5).")
            return

    def two_halves(self):
        if self.fn.neg is None:
            return None
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

    def non_polynomial(self, g, depth, term=None, width=None):
        """A proof that g agrees with no polynomial on (0, oo), or on ``(0, width)``; ``term`` is the kernel's own
        reading of g (its derivatives are the kernel's, unsimplified), which decides whether a ``limit`` node is
        offered. On a bounded interval no node about a half-line is offered (bounded at infinity, CM)."""
        self.tick()
        if term is None:
            term = _kernel_term(g)
        g = sympy.simplify(g)
        if g == 0 or depth > 4:
            return None
        bounded = _limit_certificate(g, term) if width is None else None
        if bounded:
            return bounded
        rational = _rational_certificate(g) or _square_certificate(g)
        if rational:
            return rational
        monotone = self.completely_monotone_bound(g, term) if depth <= 1 and width is None else None
        if monotone:
            return monotone
        ode = _within(_ode_certificate(g), width)
        if ode:
            return ode
        for m in (2, 3, 4):
            sub = sympy.expand_power_base(g.subs(X, X**m), force=False)
            sub = sympy.powdenest(sub, force=True)
            if sympy.srepr(sub) != sympy.srepr(g) and not sub.has(sympy.Pow(X, sympy.Rational(1, 2))):
                inner = _rational_certificate(sub) or _within(_ode_certificate(sub), width and min(width, 1))
                if inner:
                    return {"kind": "substitution", "power": m, "of": inner}
        if not _analytic_for_a_checker(g, term, width):  # a derivative node on Max(1 - x, 0) is rejected by both
            return None
        inner = self.non_polynomial(sympy.diff(g, X), depth + 1, _kernel_derivative(term), width)
        return {"kind": "derivative", "of": inner} if inner else None

    def completely_monotone_bound(self, g, term=None):
        """``g = +-h(x^m)`` (``m`` = 1, 2) with ``h`` completely monotone by a derivation, or ``g = +-h`` with ``h``
        Bernstein: then ``g`` (resp. ``h'``) is bounded on ``[1, oo)`` and, being nonconstant, ``g`` is no polynomial
        (the kernel's ``completely-monotone`` node). CM kernels whose bounds at infinity meet ``oo * 0``
        (``besselk(0, x)``, ``exp(x^2) erfc(x)``) are settled this way. Float samples choose which searches run
        (an ordering only); each derivation search gets a share (``CM_SHARE``) of what is left of the budget."""
        from symrep.analysis.common import _simplify_sqrt
        from symrep.analysis.mixtures import plausibly_cm

        from symrep.certificates.regions import active_region, sample_point

        family = bool(g.free_symbols - {X})
        sample = {s: sample_point(iv) for s, iv in (active_region() or {}).items()}  # a family screened at one point
        for cls, m in (("CM", 1), ("CM", 2), ("BF", 1)):
            base = g if m == 1 else _simplify_sqrt(g)
            for negated in (False, True):
                h = -base if negated else base
                k = (h if cls == "CM" else sympy.diff(h, X)).subs(sample)
                at = [_numeric(k.subs(X, sympy.Integer(p) ** m)) for p in (1, 2)]
                if k.free_symbols - {X} or not (all(v == v for v in at) and at[0] > at[1] > -1e-12 and plausibly_cm(k)):
                    continue
                node = self._derive_within(h, cls)
                if node is not None:
                    extra = {**({"root": m} if m > 1 else {}), **({"negated": True} if negated else {})}
                    points = {"slope_at": "1"} if family else {"a": "1", "b": "2"}  # a slope's sign: a product
                    proof = {"kind": "completely-monotone", "derivation": node, **points, **extra}
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


def _kernel_shifted(term, lo, hi=None):
    """The kernel's reading of ``g(x) = f(x + LO)`` on ``(0, oo)``, or on ``(0, HI - LO)``
    (:mod:`~symrep.certificates.rules.interval`)."""
    from symrep.certificates.rules.function import _resolve, open_interval
    from symrep.certificates.terms import add, num, var

    try:
        return _resolve(substitute_term(term, {"x": add(var("x"), num(Fraction(lo)))}),
                        open_interval(None if hi is None else Fraction(hi - lo)))
    except (CheckError, ValueError, TypeError):
        return None


def _boundaries(f):
    """The real points where an argument of a logarithm, a root, a negative power, a Bessel function or a gamma
    function of ``f`` vanishes, or that of an inverse sine, cosine or hyperbolic tangent is 1 or -1 (of ``acosh``,
    1): where ``f`` may stop being defined or analytic."""
    boundaries = set()
    for sub in sympy.preorder_traversal(f):
        args = []
        if isinstance(sub, sympy.log):
            args = [sub.args[0]]
        elif isinstance(sub, sympy.Pow) and not (sub.exp.is_Integer and sub.exp > 0):
            args = [sub.base]
        elif isinstance(sub, (sympy.gamma, sympy.besselk, sympy.tan, sympy.cot, sympy.sec, sympy.csc)):
            args = [sub.args[-1] if not isinstance(sub, (sympy.tan, sympy.sec)) else sympy.cos(sub.args[0])]
        elif isinstance(sub, (sympy.asin, sympy.acos, sympy.atanh)):  # real (and analytic) for |u| < 1
            args = [sub.args[0] - 1, sub.args[0] + 1]
        elif isinstance(sub, sympy.acosh):  # u > 1
            args = [sub.args[0] - 1]
        for u in args:
            if not u.has(XR):
                continue
            try:
                roots = sympy.solveset(u, XR, sympy.Reals)
            except Exception:
                continue
            if isinstance(roots, sympy.FiniteSet):
                boundaries |= {r for r in roots if r.is_real and r.is_number}
    return boundaries


def _inward(r, up):
    """A rational at ``r`` (if rational) or just inside the interval that ``r`` bounds."""
    if r.is_Rational:
        return r
    return sympy.Rational((math.ceil if up else math.floor)(float(r) * 1000) + (1 if up else -1), 1000)


def _kernel_analytic(term, lo, hi=None):
    from symrep.certificates.domains import Span, analytic_on
    from symrep.certificates.fuel import tank

    try:
        with tank():
            span = Span(Fraction(int(lo.p), int(lo.q)), None if hi is None else Fraction(int(hi.p), int(hi.q)),
                        lo_closed=False, hi_closed=False)
            return analytic_on(term, "x", {"x": span})
    except CheckError:
        return False


def _interval_starts(f, term):
    """Rational starts LO of intervals (LO, oo) on which the kernel proves f real analytic, largest interval first:
    the last real point where f may stop being defined or analytic (:func:`_boundaries`, rounded up to a rational),
    then 0 and 1."""
    boundaries = _boundaries(f)
    starts = []
    top = max(boundaries, key=lambda r: float(r)) if boundaries else None
    if top is not None:
        starts.append(_inward(top, True))
    starts += [sympy.Integer(0), sympy.Integer(1)]
    return list(dict.fromkeys(lo for lo in starts if _kernel_analytic(term, lo)))


def _bounded_intervals(f, term):
    """Open intervals (LO, HI) between consecutive boundary points on which the kernel proves f real analytic,
    longest first (``(-1, 1)`` for ``sqrt(1 - x^2)``)."""
    points = sorted(_boundaries(f), key=float)
    pairs = [(_inward(a, True), _inward(b, False)) for a, b in zip(points, points[1:])]
    pairs = [(lo, hi) for lo, hi in pairs if lo < hi]
    return sorted((p for p in pairs if _kernel_analytic(term, *p)), key=lambda p: -(p[1] - p[0]))


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
            candidate = algebraic(candidate)
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


def _analytic_for_a_checker(g, term, width=None):
    """Whether the kernel (on its term) or the SymPy-based checker proves g analytic on (0, oo) (the kernel alone on
    ``(0, width)``): a ``derivative`` node reads g's formal derivative only then."""
    from symrep.certificates.domains import analytic_on
    from symrep.certificates.exact import continuous
    from symrep.certificates.fuel import tank
    from symrep.certificates.rules.function import open_interval

    region = open_interval(None if width is None else Fraction(width))
    if term is not None:
        try:
            with tank():
                if analytic_on(term, "x", region):
                    return True
        except CheckError:
            pass
    if width is not None:
        return False
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
    points += [p for p in (-sympy.Rational(1, 3), -1, -sympy.Rational(7, 2), -10, 2, sympy.Rational(7, 2), 10)
               if p not in points]
    for x0 in points:
        try:
            if x0 == 0 and (term is None or not no_finite_limit_at_0(term)):  # at 0, f is its limit where it has one
                continue
            if term is not None and proved_undefined(substitute(term, {"x": read(_t(x0), "point", variables=())})):
                return {"kind": "undefined-at", "point": _t(x0)}
        except CheckError:
            continue
    return None
