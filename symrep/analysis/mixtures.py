"""The mixture route of the derivation search: ``f = int_a^b g(x, s) ds`` with every ``g(., s)`` CM (or Bernstein).

The kernel's ``integral`` rule (:mod:`symrep.certificates.rules.integral`; Schilling-Song-Vondracek,
*Bernstein Functions*, Cor. 1.6 and 3.8) proves such a representation from an antiderivative ``G`` with
``dG/ds = g``. This module finds one by promoting a constant of ``f`` to a variable: for a rational
constant ``c`` of ``f`` (a coefficient, a shift, or the implicit 1 in front of a function's argument),
``G(x, s)`` is ``f`` with that constant replaced by ``s``, so ``G(x, c) = f``. If ``G(x, s0) = 0`` for one
``s0`` (0, 1 or another constant of ``f``; SymPy's ``simplify`` proposes, the kernel's normal form decides),
then ``f = G(x, c) - G(x, s0) = int_{s0}^{c} dG/ds ds`` (with ``-G`` and the bounds swapped if ``c < s0``),
and the search looks for a derivation of ``dG/ds`` with ``s`` a parameter on ``[s0, c]``.

Examples: ``log(1 + x)/x = int_0^1 ds/(1 + s x)`` (``G = log(1 + s x)/x``), ``(exp(-x) - exp(-2 x))/x =
int_1^2 exp(-s x) ds``, ``sqrt(x + 1) - sqrt(x) = int_0^1 ds/(2 sqrt(x + s))``, and after Schoenberg's
transform ``atan(sqrt t)/sqrt t = int_0^1 ds/(1 + s^2 t)``.

>>> import sympy
>>> from symrep.analysis.common import X
>>> [(str(G), str(s0), str(c)) for G, s0, c in candidates(sympy.log(1 + X)/X, sympy.Symbol("s", real=True))][:1]
[('log(s*x + 1)/x', '0', '1')]
"""

import time

import sympy

from symrep.analysis.budget import Budget, OutOfTime, default_seconds
from symrep.analysis.common import X, _n, _t
from symrep.analysis.parameters import RECORDED, active
from symrep.certificates.regions import Interval, active_region

__all__ = ["candidates", "MixtureSearch"]

#: Antiderivatives tried per expression, the depth of the search at which the route is still tried, and the
#: seconds the route may take in all, of one search's budget.
#: (The root has its own share, so that the attempts on its parts cannot spend it.)
MAX_CANDIDATES, MAX_DEPTH, MIXTURE_SECONDS, ROOT_SECONDS = 12, 1, 0.75, 1.5
_NAMES = ("s", "u", "v", "w", "r", "q")


def _one_replacement(t, S):
    """``(t with one rational constant replaced by S, that constant)``, for every constant not an integer exponent."""
    if t.is_Rational:
        if t != 0:
            yield (S if t > 0 else -S), abs(t)
        return
    if not t.args or isinstance(t, sympy.Function) and not t.has(X):
        return
    positions = [0] if t.is_Pow and t.exp.is_Integer else range(len(t.args))
    for i in positions:
        for new, c in _one_replacement(t.args[i], S):
            args = list(t.args)
            args[i] = new
            yield t.func(*args), c


def _scalings(e, S):
    """``e`` with the argument of one function (or of a fractional power) scaled by ``S``: the implicit
    coefficient 1, as ``F(u(S x))`` and as ``F(S u)``."""
    for sub in sorted(e.atoms(sympy.Function, sympy.Pow), key=sympy.default_sort_key):
        if isinstance(sub, sympy.Pow):
            if sub.exp.is_Integer or not sub.base.has(X) or sub.exp.has(X):
                continue
            variants = [sub.base.xreplace({X: S * X}) ** sub.exp]
        elif len(sub.args) == 1 and sub.args[0].has(X):
            u = sub.args[0]
            variants = [sub.func(S * u), sub.func(u.xreplace({X: S * X}))]
        else:
            continue
        for new in variants:
            yield e.xreplace({sub: new}), sympy.Integer(1)


def _sample(symbol, box):
    interval = (box or {}).get(symbol)
    lo, hi = (interval.lo, interval.hi) if interval is not None else (-sympy.oo, sympy.oo)
    if lo.is_finite and hi.is_finite:
        return (lo + hi) / 2
    return lo + 1 if lo.is_finite else hi - 1 if hi.is_finite else sympy.Rational(1, 3)


def _looks_zero(at, box):
    """A numeric screen (not a proof) before SymPy's ``simplify``: ``at`` is about 0 at x = 1/2 and 3 (and at one
    point of the parameters' box)."""
    values = {p: _sample(p, box) for p in at.free_symbols - {X}}
    for x0 in (sympy.Rational(1, 2), sympy.Integer(3)):
        try:
            v = complex(sympy.N(at.xreplace({**values, X: x0}), 20))
        except (TypeError, ValueError, ArithmeticError):
            return False
        if not abs(v) < 1e-12:
            return False
    return True


_GRID = [sympy.Rational(k, 2) for k in range(1, 8)]


def plausible(e, cls, box=None):
    """A numeric screen (not a proof), to spare the search hopeless work.

    Parameters
    ----------
    e : sympy.Expr
        A function of the positive ``x`` (and of parameters of ``box``).
    cls : {"CM", "BF"}
        The class the search wants.
    box : dict, optional
        Parameter symbol -> :class:`~symrep.certificates.regions.Interval`; one point of it is sampled.

    Returns
    -------
    bool
        False if ``e`` at x = 1/2, 1, ..., 7/2 is negative somewhere, or not nonincreasing and convex (CM),
        nondecreasing and concave (Bernstein); True otherwise, and where it cannot tell.

    Examples
    --------
    >>> import sympy
    >>> from symrep.analysis.common import X
    >>> plausible(sympy.log(1 + X)/X, "CM"), plausible(sympy.sin(X)**2, "BF")
    (True, False)
    """
    values = {p: _sample(p, box) for p in e.free_symbols - {X}}
    try:
        v = [float(sympy.N(e.xreplace({**values, X: x0}), 15)) for x0 in _GRID]
    except (TypeError, ValueError, ArithmeticError):
        return True
    slack = 1e-9 * max(1.0, *map(abs, v))
    sign = 1 if cls == "CM" else -1
    return (all(y >= -slack for y in v) and all(sign * (a - b) >= -slack for a, b in zip(v, v[1:]))
            and all(sign * (a - 2 * b + c) >= -slack for a, b, c in zip(v, v[1:], v[2:])))


def candidates(e, S, tick=lambda: None, box=None):
    """Antiderivatives from constants of ``e`` promoted to ``S``.

    Parameters
    ----------
    e : sympy.Expr
        A function of the positive ``x``.
    S : sympy.Symbol
        The variable of integration (a name ``e`` does not use).
    tick : callable, optional
        Called between steps (the search's budget).
    box : dict, optional
        The parameters' box, for the numeric screen.

    Returns
    -------
    list of tuple
        ``(G, s0, c)`` with ``G(x, c) = e`` as written and ``G(x, s0)`` simplified to 0 by SymPy (after a
        numeric screen), ``G`` neither affine in ``S`` nor a power of ``S`` times ``e`` (a constant factor is the
        ``scale`` rule's business). Then ``e = int_{s0}^{c} dG/dS dS``.

    Examples
    --------
    >>> import sympy
    >>> from symrep.analysis.common import X
    >>> s = sympy.Symbol("s", real=True)
    >>> candidates(sympy.sqrt(X + 1) - sympy.sqrt(X), s)
    [(-sqrt(x) + sqrt(s + x), 0, 1)]
    """
    constants = sorted({abs(r) for r in e.atoms(sympy.Rational) if r != 0} | {sympy.Integer(0), sympy.Integer(1)})
    seen, out = set(), []
    for G, c in [*_scalings(e, S), *_one_replacement(e, S)]:
        if G in seen or not G.has(S) or G.xreplace({S: c}) != e:
            continue
        seen.add(G)
        tick()
        if sympy.diff(G, S, 2) == 0 or not sympy.powsimp(sympy.expand_power_base(G / e, force=True), force=True).has(X):
            continue
        for s0 in constants:
            if s0 == c:
                continue
            try:
                at = G.xreplace({S: s0})
                zero = at == 0 or (not at.has(sympy.nan, sympy.zoo) and _looks_zero(at, box) and sympy.simplify(at) == 0)
            except Exception:  # SymPy cannot evaluate this candidate: no candidate
                zero = False
            tick()
            if zero:
                out.append((G, s0, c))
                break
        if len(out) >= MAX_CANDIDATES:
            break
    return out


class MixtureSearch:
    """Mixin of :class:`~symrep.analysis.derivations.DerivationSearch`: ``_mixture(e, cls, depth)``."""

    def _mixture(self, e, cls, depth):
        if depth == 0:  # a share of what is left, at least the default's (scaled like every default budget)
            left = max(default_seconds(ROOT_SECONDS), 0.3 * self.clock.left())
        else:
            left = getattr(self, "mixture_left", None)
            left = max(default_seconds(MIXTURE_SECONDS), 0.15 * self.clock.left()) if left is None else left
        if depth > MAX_DEPTH or getattr(self, "in_mixture", False) or RECORDED.get() is not None or left <= 0.05:
            return None
        whole, start = self.tick, time.monotonic()
        self.tick = Budget(min(left, max(self.clock.left(), 1e-3))).tick  # the route's share, checked between steps
        try:
            return self._mixture_route(e, cls, depth)
        except OutOfTime:
            whole()  # the whole budget may be spent too; otherwise the search goes on without the route
            return None
        finally:
            self.tick = whole
            if depth > 0:
                self.mixture_left = left - (time.monotonic() - start)

    _by_mixture = _mixture  # the name the derivation search gives each route

    def _mixture_route(self, e, cls, depth):
        box = dict(active_region() or {})
        if e.has(sympy.besselk) or not plausible(e, cls, box):  # Bessel families: slow to simplify, the kernel's own atom
            return None
        taken = {s.name for s in e.free_symbols} | {s.name for s in box}
        name = next((n for n in _NAMES if n not in taken), None)
        if name is None:
            return None
        plain = sympy.Symbol(name, real=True)
        self.in_mixture = True
        try:
            for G, s0, c in candidates(e, plain, self.tick, box):
                lo, hi, sign = (s0, c, 1) if c > s0 else (c, s0, -1)
                flags = {"positive": True} if lo > 0 else {"nonnegative": True} if lo == 0 else {}
                S = sympy.Symbol(name, real=True, **flags)
                G = sign * G.xreplace({plain: S})
                g = sympy.diff(G, S)
                try:
                    g = sympy.simplify(g)
                except Exception:
                    pass
                self.tick()
                if not all(plausible(g.xreplace({S: v}), cls, box) for v in (lo, (lo + hi) / 2, hi)):
                    continue
                with active({**box, S: Interval(sympy.Rational(lo), sympy.Rational(hi), True, True)}):
                    child = self.derive(g, cls, depth + 1)
                if child is not None:
                    params = {"variable": name, "from": _t(lo), "to": _t(hi), "antiderivative": _t(G)}
                    return _n(cls, e, "integral", params, [child])
        finally:
            self.in_mixture = False
        return None


def plausibly_cm(f, orders=3, points=(sympy.Rational(1, 10), sympy.Rational(1, 2), 1, 3)):
    """False when a float sample shows ``(-1)^k f^(k)(x0) < 0`` for some ``k <= orders`` (so ``f`` is not CM and
    deriving it is wasted time: ``(1 + x^2)^(-3)`` has ``f''(0.1) < 0``); True otherwise, or when ``f`` has
    parameters or a value cannot be formed. A heuristic that only orders the search, never a proof."""
    if f.free_symbols - {X}:
        return True
    try:
        g = f
        for k in range(1, orders + 1):
            g = sympy.diff(g, X)
            for x0 in points:
                value = complex(sympy.N(g.subs(X, x0), 15))
                if abs(value.imag) < 1e-9 and (-1) ** k * value.real < -1e-9 * max(1.0, abs(value.real)):
                    return False
    except Exception:
        return True
    return True
