"""The derivation search: completely monotone and Bernstein functions on (0, oo) by the calculus of the theory's
section 4 (atoms, closure rules, the derivative rule), with rewrites, the mixture route (:mod:`~symrep.analysis.mixtures`)
and the Laplace routes (root-exponential densities; exact densities of partial fractions, :mod:`~symrep.analysis.densities`).
"""

import math
import time

import sympy

from symrep.analysis.budget import Budget, OutOfTime, default_seconds
from symrep.analysis.complements import ComplementSearch
from symrep.analysis.common import T, X, _limit_from_right, _n, _nonneg, _proved_positive, _t
from symrep.analysis.densities import partial_fractions as _partial_fractions, power_sum_node
from symrep.analysis.mixtures import MixtureSearch, plausibly_cm
from symrep.analysis.special_atoms import _log1p_ratio, _matern, besseli_cm, polygamma_cm
from symrep.analysis.stieltjes import StieltjesSearch, demoted
from symrep.analysis.weierstrass import weierstrass_node, weierstrass_times_power
from symrep.certificates import CheckError
from symrep.certificates.calculus import laplace_transform as checked_laplace_transform, positive_density, \
    root_exponential_family
from symrep.certificates.exact import continuous, exponential_form
from symrep.certificates.regions import active_region
from symrep.geometry.expressions import expression_text

__all__ = []

#: Seconds the Laplace route may take, in all, of one search's budget.
LAPLACE_SECONDS = 4.0
#: Seconds one call of the Stieltjes / complete Bernstein route may take (scaled like every default budget).
STIELTJES_SECONDS = 0.5


class DerivationSearch(StieltjesSearch, MixtureSearch, ComplementSearch):
    """Mixin of :class:`~symrep.analysis.verdicts._Prover`: ``derive(e, "CM" | "BF", depth)``."""

    def derive(self, e, cls, depth):
        self.tick()
        if depth > 12:
            return None
        # the S / CBF route is structural and cheap: before the rewrites (simplify can take seconds) for Bernstein
        # functions and for hyperbolic functions (tanh(sqrt(x))/sqrt(x)); after them for other CM functions
        early = cls == "BF" or e.has(sympy.tanh, sympy.coth, sympy.sinh, sympy.cosh)
        if cls == "CM" and (node := weierstrass_node(e)) is not None:
            return node  # Weierstrass products (1/cosh(sqrt(x))^2, tanh(sqrt(x)) sech(sqrt(x))^2/sqrt(x)): cheap
        if depth <= 1 and early:
            routes = [self._by_stieltjes if cls == "CM" else self._by_complete_bernstein]
            if cls == "BF" and depth == 0:  # f' Stieltjes (log(cosh(sqrt(x)))) or a Weierstrass product (tanh^2)
                quick = lambda e, cls, depth: self._by_derivative(
                    e, cls, depth, slope=lambda d: weierstrass_node(d) or weierstrass_times_power(d)
                    or self._by_stieltjes(d, "CM", depth + 1))
                routes.insert(0 if isinstance(e, sympy.log) else 1, quick)
            for route in routes:
                node = route(e, cls, depth)
                if node is not None:
                    return node
        seen = []
        for candidate in _rewrites(e):
            if any(candidate == s for s in seen):
                continue
            seen.append(candidate)
            node = (self._cm if cls == "CM" else self._bf)(candidate, depth)
            if node is not None:
                return node if candidate == e else _n(cls, e, "rewrite", {}, [node])
        # f = int_a^b g(x, s) ds with each g(., s) of the class (the kernel's integral rule): after the Laplace
        # route for a family (the kernel does not read a family's removable singularity at 0 yet) and for the
        # root-exponential family (read at once), after the derivative rule for Bernstein functions
        late = () if depth <= 1 and early else ("complete_bernstein",) if cls == "BF" else ("stieltjes",)
        if cls == "BF":
            order = (*late, "complement", "derivative", "mixture")
        elif active_region() or _root_exponential_family(e) is not None:
            order = (*late, "laplace", "mixture", "antiderivative")
        else:
            order = (*late, "mixture", "laplace", "antiderivative")
        for route in order:
            node = getattr(self, f"_by_{route}")(e, cls, depth)
            if node is not None:
                return node
        return None

    def _by_complete_bernstein(self, e, cls, depth):  # CBF is inside BF (theory section 4)
        inner = self._shared(self._complete_bernstein, e) if depth < 6 else None
        if inner is None:
            return None
        return demoted(inner) or _n("BF", e, "cbf-is-bf", {}, [inner])

    def _by_stieltjes(self, e, cls, depth):  # S is inside CM
        inner = self._shared(self._stieltjes, e) if depth < 6 else None
        if inner is None:
            return None
        return demoted(inner) or _n("CM", e, "st-is-cm", {}, [inner])

    def _shared(self, search, e):
        """The S / CBF search on ``e`` within its share of the budget (``STIELTJES_SECONDS`` per call)."""
        whole = self.tick
        self.tick = Budget(min(default_seconds(STIELTJES_SECONDS), max(self.clock.left(), 1e-3))).tick
        try:
            return search(e)
        except OutOfTime:
            whole()  # the whole budget may be spent too; otherwise the search goes on without the route
            return None
        finally:
            self.tick = whole

    def _by_laplace(self, e, cls, depth):
        if depth <= 2 and not getattr(self, "in_mixture", False):
            return self._laplace(e)
        return None

    def _by_derivative(self, e, cls, depth, slope=None):
        if depth < 6 and continuous(e, X):  # a jump would hide behind a smooth derivative
            derivative = sympy.diff(e, X)
            if slope is not None:  # a quick search for f' first (the start is then proved only if it succeeds)
                inner = slope(derivative)
                if inner is None:
                    return None
            start = _limit_from_right(e)  # None where SymPy cannot tell (a parameter of unknown sign)
            if start is not None and (start == 0 or _proved_positive(start)):
                inner = self.derive(derivative, "CM", depth + 1) if slope is None else inner
                if inner is not None:
                    return _n("BF", e, "derivative", {}, [inner])
        return None

    def _by_antiderivative(self, e, cls, depth):
        """``e >= 0`` on ``(0, oo)`` and ``-e'`` CM make ``e`` CM (the definition, k = 0 and k >= 1): the kernel's
        ``antiderivative`` rule proves ``e >= 0``; the search only samples it first (``atan(1/sqrt x)``)."""
        if depth > 0 or active_region() or not e.has(X) or not plausibly_cm(e) or not _nonnegative_samples(e) \
                or not continuous(e, X):  # at the root only, where samples do not already refute it: each try
            return None  # derives -f' from scratch
        slope = -sympy.diff(e, X)
        if slope == 0:
            return None
        inner = self.derive(slope, "CM", depth + 1)
        return _n("CM", e, "antiderivative", {}, [inner]) if inner is not None else None

    def _cm(self, e, depth):
        if not e.has(X):
            return _n("CM", e, "cm-const", {"c": _t(e)}) if _nonneg(e) else None
        if isinstance(e, sympy.exp):
            arg = e.args[0]
            a = sympy.simplify(-arg / X)
            if not a.has(X):
                return _n("CM", e, "cm-exp", {"a": _t(a)}) if _nonneg(a) else None
            inner = self.derive(-arg, "BF", depth + 1)
            if inner is not None:
                outer = _n("CM", sympy.exp(-X), "cm-exp", {"a": "1"})
                return _n("CM", e, "compose", {}, [outer, inner])
            inner = self.derive(arg, "CM", depth + 1)
            if inner is not None:
                return _n("CM", e, "exp-of-cm", {}, [inner])
            return None
        if isinstance(e, (sympy.cosh, sympy.sinh)) and e.args[0].has(X):  # power series >= 0 of a CM function
            inner = self.derive(e.args[0], "CM", depth + 1)
            return _n("CM", e, f"{type(e).__name__}-of-cm", {}, [inner]) if inner is not None else None
        if e.is_Pow and not e.exp.has(X) and e.exp != 0 and (_proved_positive(-e.exp) or _nonneg(-e.exp)):  # (x+b)^0 = 1 too
            s = -e.exp
            b = sympy.expand(e.base - X)
            if not b.has(X) and _nonneg(b):
                return _n("CM", e, "cm-power", {"s": _t(s), "b": _t(b)})
            inner = self.derive(e.base, "BF", depth + 1)
            if inner is not None:
                outer = _n("CM", X ** (-s), "cm-power", {"s": _t(s), "b": "0"})
                return _n("CM", e, "compose", {}, [outer, inner])
            return None
        if e.is_Pow and e.exp.is_Integer and e.exp > 1:
            inner = self.derive(e.base, "CM", depth + 1)
            return _n("CM", e, "product", {}, [inner] * int(e.exp)) if inner else None
        if isinstance(e, sympy.log):
            b = sympy.simplify((e.args[0] - 1) * X)
            if not b.has(X) and _proved_positive(b):
                return _n("CM", e, "cm-log-ratio", {"b": _t(b)})
            return None
        if e.is_Add:  # a sum of CM terms, or partial fractions of mixed signs with a density >= 0 (cm-power-sum)
            kids = [self.derive(t, "CM", depth + 1) for t in e.args]
            return _n("CM", e, "sum", {}, kids) if all(kids) else power_sum_node(e)
        if e.has(sympy.polygamma):  # (-1)^(n+1) psi^(n)(u), u Bernstein (DLMF 5.15.1)
            return polygamma_cm(e, lambda u: self.derive(u, "BF", depth + 1))
        if e.has(sympy.besseli):  # e^(-c x) (a x)^(-nu) I_nu(a x), c >= a > 0, nu > -1/2 (DLMF 10.32.2)
            return besseli_cm(e, lambda g: self.derive(g, "CM", depth + 1), lambda u: self.derive(u, "BF", depth + 1))
        if e.has(sympy.besselk):
            node = _matern(e)
            if node is None:
                node = self._bessel(e, depth)
            return node
        if e.has(sympy.gamma) and e.is_Mul:
            node = self._gamma_ratio(e, depth)
            if node is not None:
                return node
        if e.has(sympy.erfc):
            node = self._erfcx(e, depth)
            if node is not None:
                return node
        if e.is_Mul:
            node = _log1p_ratio(e) or self._over_x(e, depth)
            if node is not None:
                return node
            c, rest = e.as_coeff_Mul()
            if c != 1:
                inner = self.derive(rest, "CM", depth + 1) if _nonneg(c) else None
                return _n("CM", e, "scale", {"c": _t(c)}, [inner]) if inner else None
            kids = [self.derive(t, "CM", depth + 1) for t in e.args]
            return _n("CM", e, "product", {}, kids) if all(kids) else self._power_of_product(e, depth)
        return None

    def _power_of_product(self, e, depth):
        """``e = u^k``, ``k >= 2`` the gcd of the factors' integer exponents (SymPy splits ``((1 - exp(-x))/x)^2``)."""
        pairs = [factor.as_base_exp() for factor in e.args]
        k = math.gcd(*(int(p) for _, p in pairs)) if all(p.is_Integer for _, p in pairs) and depth <= 4 else 1
        if k < 2:
            return None
        inner = self.derive(sympy.Mul(*(b ** (p / k) for b, p in pairs)), "CM", depth + 1)
        return _n("CM", e, "product", {}, [inner] * k) if inner is not None else None

    def _times_cm(self, e, atom, node, depth):
        """``e = atom * rest`` with ``node`` proving ``atom`` CM: ``node`` scaled by a constant ``rest >= 0``, or the
        product with a derivation of ``rest``; None when ``rest`` is not proved CM."""
        rest = sympy.powsimp(sympy.cancel(e / atom), force=True)
        coefficient, exponent = rest.as_coeff_exponent(X)
        if not coefficient.has(X) and exponent.is_positive:  # c x^p with p > 0 increases: never CM
            return None
        if rest == 1:
            return node if atom == e else _n("CM", e, "rewrite", {}, [node])
        if not rest.has(X):
            return _n("CM", e, "scale", {"c": _t(rest)}, [node]) if _nonneg(rest) else None
        other = self.derive(rest, "CM", depth + 1)
        return _n("CM", e, "product", {}, [node, other]) if other is not None else None

    def _composed(self, outer, atom, argument, depth):
        """``atom = outer(argument)``: the atom itself when the argument is ``x``, else ``compose`` with a
        Bernstein derivation of the argument (CM after Bernstein is CM, SSV Thm 3.7), or None."""
        if argument == X:
            return outer
        inner = self.derive(argument, "BF", depth + 1)
        return _n("CM", atom, "compose", {}, [outer, inner]) if inner is not None else None

    def _bessel(self, e, depth):
        """A factor ``K_nu(u)`` (real order) of ``e``: ``u^nu K_nu(u)`` with ``u^2`` Bernstein (the atom
        ``cm-besselk-sqrt``, DLMF 10.32.10) or ``K_nu(u)`` with ``u`` Bernstein (``cm-besselk``, DLMF 10.32.9),
        times a CM rest."""
        bessels = [a for a in sympy.Mul.make_args(e) if isinstance(a, sympy.besselk)]
        if len(bessels) != 1 or bessels[0].args[0].has(X) or not bessels[0].args[0].is_real:
            return None
        K = bessels[0]
        nu, u = K.args
        square = sympy.expand(sympy.powdenest(u**2, force=True))
        tries = []
        fractional = any(not p.exp.is_Integer for p in u.atoms(sympy.Pow))
        if fractional and not any(not p.exp.is_Integer for p in square.atoms(sympy.Pow)):  # u = sqrt(q), q free of roots
            atom = sympy.powdenest(square ** (nu / 2), force=True) * K
            outer = _n("CM", X ** (nu / 2) * sympy.besselk(nu, sympy.sqrt(X)), "cm-besselk-sqrt", {"nu": _t(nu)})
            tries.append((outer, atom, square))
        tries.append((_n("CM", sympy.besselk(nu, X), "cm-besselk", {"nu": _t(nu)}), K, u))
        for outer, atom, argument in tries:
            self.tick()
            node = self._composed(outer, atom, argument, depth)
            node = self._times_cm(e, atom, node, depth) if node is not None else None
            if node is not None:
                return node
        return None

    def _gamma_ratio(self, e, depth):
        """Factors ``Gamma(x + a)/Gamma(x + b)`` of ``e`` with ``b >= a >= 0`` (the atom ``cm-gamma-ratio``: a
        logarithmically completely monotone function, DLMF 5.9.16), times a CM rest."""
        up, down = [], []
        for factor in sympy.Mul.make_args(e):
            base, exponent = factor.as_base_exp()
            if isinstance(base, sympy.gamma) and exponent in (1, -1):
                shift = sympy.expand(base.args[0] - X)
                if shift.has(X):
                    return None
                (up if exponent == 1 else down).append(shift)
        if len(up) != 1 or len(down) != 1:
            return None
        a, b = up[0], down[0]
        if not (_nonneg(a) and _nonneg(b - a)):
            return None
        atom = sympy.gamma(X + a) / sympy.gamma(X + b)
        node = _n("CM", atom, "cm-gamma-ratio", {"a": _t(a), "b": _t(b)})
        return self._times_cm(e, atom, node, depth)

    def _erfcx(self, e, depth):
        """A factor ``erfc(u)`` of ``e``: ``exp(u^2) erfc(u)`` with ``u`` Bernstein (the atom ``cm-erfcx``, DLMF
        7.2.2), times a CM rest."""
        erfcs = [a for a in sympy.Mul.make_args(e) if isinstance(a, sympy.erfc)]
        if len(erfcs) != 1:
            return None
        u = erfcs[0].args[0]
        atom = sympy.exp(sympy.expand(u**2)) * erfcs[0]
        outer = _n("CM", sympy.exp(X**2) * sympy.erfc(X), "cm-erfcx", {})
        node = self._composed(outer, atom, u, depth)
        return self._times_cm(e, atom, node, depth) if node is not None else None

    def _over_x(self, e, depth):
        """``f(x)/x`` with ``f`` Bernstein is CM (the kernel's ``bf-over-x``): ``(1 - exp(-x))/x``, ``atan(x)/x``."""
        if X ** -1 not in sympy.Mul.make_args(e) or depth > 3:
            return None
        inner = self.derive(sympy.Mul(*[a for a in sympy.Mul.make_args(e) if a != X ** -1]), "BF", depth + 1)
        return _n("CM", e, "bf-over-x", {}, [inner]) if inner is not None else None

    def _laplace(self, e):
        """Bernstein-Widder: e = int_0^oo exp(-t x) rho(t) dt with rho >= 0 read off its form.

        The density comes from the root-exponential family (with its antiderivative) or from SymPy's
        inverse transform; either is kept only if the checker's own proof of the forward transform
        (an antiderivative and its limits) gives ``e`` back. SymPy's transforms and limits can take
        minutes on hopeless inputs, so the route gets at most ``LAPLACE_SECONDS`` of the budget, checked
        between its steps (one SymPy call that runs on is stopped with the whole search, by the hard stop).
        """
        memo, left = self.laplace_memo, self.laplace_left  # both kept for the whole search
        if e in memo:
            return memo[e]
        if left <= 0.05:
            return None
        sub, start, node = Budget(min(left, max(self.clock.left(), 1e-3))), time.monotonic(), None
        try:
            node = self._laplace_route(e, sub.tick)
        except OutOfTime:
            self.tick()  # the whole budget may be spent too; otherwise the search goes on without it
        finally:
            self.laplace_left = left - (time.monotonic() - start)
        memo[e] = node
        return node

    def _laplace_route(self, e, tick):
        candidates = []
        family = _root_exponential_family(e)
        if family is not None:
            rate, coefficients = family
            try:
                rho, _ = root_exponential_family(rate, coefficients, "density")
            except CheckError:
                return None
            candidates.append((rho, {"rate": _t(rate), "coefficients": [_t(c) for c in coefficients]}))
        # A general density (SymPy's inverse transform) is not offered: the kernel's cm-laplace reads only the root-
        # exponential family, so such a node was always rejected (a prover/kernel disagreement of issue 31)
        for rho, family_params in candidates:
            tick()
            rho = _nonnegative_form(sympy.factor(sympy.simplify(rho)))
            tick()
            if rho is None:
                continue
            if family_params is None:  # the family's transform is known; SymPy's inverse is proved forward
                try:
                    if sympy.simplify(checked_laplace_transform(rho, "density") - e) != 0:
                        continue
                except (CheckError, TypeError, ValueError):  # a candidate the checker cannot read is no candidate
                    continue
            params = {"density": expression_text(rho.xreplace({T: sympy.Symbol("t", real=True)}))}
            if family_params is not None:
                params.update(family_params)
            return _n("CM", e, "cm-laplace", params)
        return None

    def _bf(self, e, depth):
        if not e.has(X):
            return _n("BF", e, "bf-const", {"c": _t(e)}) if _nonneg(e) else None
        beta = sympy.simplify(e / X)
        if not beta.has(X):
            return _n("BF", e, "bf-linear", {"beta": _t(beta)}) if _nonneg(beta) else None
        if e.is_Pow and e.base == X and not e.exp.has(X) and _proved_positive(e.exp) and _nonneg(1 - e.exp):
            return _n("BF", e, "bf-power", {"s": _t(e.exp)})
        if e.is_Pow and not e.exp.has(X) and _proved_positive(e.exp) and _nonneg(1 - e.exp):
            inner = self.derive(e.base, "BF", depth + 1)
            if inner is not None:
                return _n("BF", e, "compose", {}, [_n("BF", X ** e.exp, "bf-power", {"s": _t(e.exp)}), inner])
        if isinstance(e, sympy.log):
            if sympy.expand(e.args[0] - 1 - X) == 0:
                return _n("BF", e, "bf-log1p", {})
            inner = self.derive(sympy.expand(e.args[0] - 1), "BF", depth + 1)
            if inner is not None:
                return _n("BF", e, "compose", {}, [_n("BF", sympy.log(1 + X), "bf-log1p", {}), inner])
        if e.is_Add:
            kids = [self.derive(t, "BF", depth + 1) for t in e.args]
            if all(kids):
                return _n("BF", e, "sum", {}, kids)
        if e.is_Mul:
            c, rest = e.as_independent(X, as_Add=False)  # a number, or a parameter's factor (s*sqrt(x))
            if c != 1 and _nonneg(c):
                inner = self.derive(rest, "BF", depth + 1)
                if inner is not None:
                    return _n("BF", e, "scale", {"c": _t(c)}, [inner])
        return None


def _exp_log_form(e):
    """``e`` with every power ``b^u`` of a base SymPy sees positive on ``x > 0`` and an exponent in ``x`` written
    as ``exp(u log b)``: ``(1 + x)^(1/x)`` is ``exp(log(1 + x)/x)`` (the checker proves the identity)."""
    return e.replace(lambda p: p.is_Pow and p.exp.has(X) and p.base.has(X) and p.base.is_positive is True,
                     lambda p: sympy.exp(p.exp * sympy.log(p.base)))


def _nonnegative_samples(e, points=(sympy.Rational(1, 100), sympy.Rational(1, 2), 2, 50)):
    """True when float samples of ``e`` at a few points of ``(0, oo)`` are all ``>= 0`` (functions without
    parameters; with parameters, True: the kernel proves the sign on the region or refuses)."""
    if e.free_symbols - {X}:
        return True
    try:
        return all(complex(sympy.N(e.subs(X, x0), 15)).real >= 0 for x0 in points)
    except Exception:
        return False


def _hyperbolic_exponentials(e):
    """``cosh``, ``sinh`` (and ``sech``, ``tanh``, ...) written with ``exp``, expanded and each product of
    exponentials joined: ``exp(-c x) cosh(x) = exp(x - c x)/2 + exp(-x - c x)/2``, a sum of exponentials the
    derivation reads term by term (the kernel proves the identity by its normal form)."""
    hyperbolic = (sympy.sinh, sympy.cosh, sympy.tanh, sympy.sech, sympy.csch, sympy.coth)
    if not e.has(*hyperbolic):
        return e
    return sympy.powsimp(sympy.expand(e.rewrite(sympy.exp)))


def _rewrites(e):
    out = [e]
    for how in (exponential_form, _exp_log_form, _hyperbolic_exponentials, sympy.cancel, sympy.factor, sympy.powsimp,
                sympy.simplify, _partial_fractions):
        try:
            out.append(how(e))
        except Exception:
            continue
    return out


def _root_exponential_family(e):
    """``e = sum_k c_k (sqrt x)^k exp(-A sqrt x)`` with A > 0 (which SymPy's inverse transform
    lacks): ``(A, [c_0, c_1, ...])``, or None. The checker builds the density and its antiderivative
    from these numbers (:func:`symrep.certificates.calculus.root_exponential_family`)."""
    u = sympy.Dummy("u", positive=True)
    h = sympy.expand(e.subs(X, u**2))
    exps = list(h.atoms(sympy.exp))
    if len(exps) != 1:
        return None
    rate = sympy.simplify(-exps[0].args[0] / u)
    try:
        poly = sympy.Poly(sympy.expand(h / exps[0]), u)
    except sympy.PolynomialError:
        return None
    if rate.has(u) or not rate.is_positive or any(c.has(u) for c in poly.coeffs()) or poly.degree() > 7:
        return None
    return rate, poly.all_coeffs()[::-1]


def _nonnegative_form(rho):
    """``rho`` in a form whose sign the checker reads off its structure, or None.

    Inverse transforms of truncated functions come as ``c (1 - Heaviside(t - a))``; for t > 0 that is
    ``c Heaviside(a - t)`` (also at t = a, where both are c/2 by SymPy's Heaviside(0) = 1/2).
    """
    flipped = sympy.factor(sympy.expand(rho).xreplace(
        {h: 1 - sympy.Heaviside(-h.args[0]) for h in rho.atoms(sympy.Heaviside)}))
    for candidate in (rho, flipped):
        try:
            positive_density(candidate, "density")
            return candidate
        except CheckError:
            continue
    return None


