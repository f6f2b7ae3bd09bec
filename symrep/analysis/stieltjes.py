"""The Stieltjes (S) and complete Bernstein (CBF) route of the derivation search (theory section 4).

A Stieltjes function is ``a/x + b + int sigma(dt)/(x + t)`` (Schilling-Song-Vondracek, *Bernstein Functions*,
2nd ed., Def 2.1); ``f`` is a complete Bernstein function iff ``f(x)/x`` is Stieltjes (SSV Def 6.1, Thm 6.2).
S lies in CM and CBF in the Bernstein functions, so a proof in these smaller classes is a proof in the
larger ones (the kernel's rules ``st-is-cm`` and ``cbf-is-bf``). They are worth the detour because they have
closure rules CM and Bernstein functions lack: ``1/f`` for ``f`` in the other class, ``x f`` and ``f/x``,
geometric means ``f^a g^(1-a)`` (``0 <= a <= 1``), and the atoms ``(x + b)^(-s)`` (``0 <= s <= 1``),
``log(1 + b x)/x``, ``tanh(c sqrt x)/sqrt x`` and ``coth(c sqrt x)/sqrt x - 1/(c x)`` (partial fractions).

So ``x/sqrt(1 + x) = x (1 + x)^(-1/2)`` and ``sqrt(x/(1 + x)) = x (x^(-1))^(1/2) ((1 + x)^(-1))^(1/2)`` are
complete Bernstein, and ``log(cosh(sqrt x))``, whose derivative is ``tanh(sqrt x)/(2 sqrt x)``, is Bernstein.

>>> import sympy
>>> from symrep.analysis.common import X
>>> stieltjes_atom(sympy.tanh(sympy.sqrt(X))/sympy.sqrt(X))["rule"]
'st-tanh-root'
"""

import sympy

from symrep.analysis.common import X, _limit_from_right, _n, _nonneg, _proved_positive, _t
from symrep.analysis.special_atoms import atan_root_st, digamma_cbf, log_ratio_st
from symrep.certificates.regions import active_region

__all__ = ["StieltjesSearch", "stieltjes_atom", "demoted", "RULE_TEXT", "CLASS_RULE_TEXT"]

#: LaTeX of each S / CBF rule, for the certificate's page (:mod:`symrep.render.documents`)
RULE_TEXT = {
    "st-is-cm": r"a Stieltjes function $a/x + b + \int \sigma(dt)/(x + t)$ is CM",
    "cbf-is-bf": "a complete Bernstein function is Bernstein",
    "st-power": r"$(x + b)^{-s}$ with $0 \le s \le 1$, $b \ge 0$ is Stieltjes",
    "st-log1p-ratio": r"$\log(1 + bx)/x = \int_{1/b}^\infty dt/(t(x + t))$ with $b > 0$ is Stieltjes",
    "st-tanh-root": r"$\tanh(c\sqrt{x})/\sqrt{x} = \sum_k (2/c)/(x + ((k - 1/2)\pi/c)^2)$ with $c > 0$ is Stieltjes",
    "st-coth-root": r"$\coth(c\sqrt{x})/\sqrt{x} - 1/(cx) = \sum_k (2/c)/(x + (k\pi/c)^2)$ with $c > 0$ is Stieltjes",
    "x-times-st": r"$x g(x)$ is complete Bernstein for a Stieltjes $g$",
    "cbf-over-x": r"$f(x)/x$ is Stieltjes for a complete Bernstein $f$",
    "geometric-mean": r"$f^a g^{1-a}$ with $0 \le a \le 1$ stays in the class",
    "bf-over-x": r"$f(x)/x$ is CM for a Bernstein $f$",
    "st-log-ratio": r"$\log(1 + b/x) = \int_0^b dt/(x + t)$ with $b > 0$ is Stieltjes",
    "st-atan-root": r"$\arctan(c/\sqrt{x})/\sqrt{x} = \int_0^c ds/(x + s^2)$ with $c > 0$ is Stieltjes",
    "cm-polygamma": r"$(-1)^{n+1}\psi^{(n)}(x) = \int_0^\infty t^n e^{-xt}/(1 - e^{-t})\,dt$, $n \ge 1$, is CM "
                    r"(DLMF 5.15.1)",
    "bf-digamma": r"$\psi(x + a) - \psi(a) = \int_0^\infty (1 - e^{-xt}) e^{-at}/(1 - e^{-t})\,dt$, $a > 0$, is "
                  r"complete Bernstein (DLMF 5.9.16)",
    "minus-start": r"$g - c$ with $c \le g(0^+)$ stays in the class (the constant of the Lévy--Khintchine triple)",
}
#: the text of a rule that reads differently in each class
CLASS_RULE_TEXT = {
    ("compose", "CM"): "CM after Bernstein is CM", ("compose", "BF"): "Bernstein after Bernstein is Bernstein",
    ("compose", "ST"): "Stieltjes after complete Bernstein is Stieltjes",
    ("compose", "CBF"): "complete Bernstein after complete Bernstein is complete Bernstein",
    ("reciprocal", "ST"): "the reciprocal of a nonzero complete Bernstein function is Stieltjes",
    ("reciprocal", "CBF"): "the reciprocal of a nonzero Stieltjes function is complete Bernstein",
}

#: how deep the S/CBF search recurses (each level is a closure rule)
MAX_DEPTH = 6
_ROOT = sympy.sqrt(X)


#: rules that read the same for S as for CM (and CBF as BF), and the CM / BF rule each S / CBF atom becomes
_SAME = {"sum", "scale", "rewrite", "compose", "cm-const", "bf-const", "bf-linear", "bf-power", "bf-log1p", "bf-digamma",
         "minus-start"}
_AS = {"st-power": "cm-power", "st-log1p-ratio": "cm-log1p-ratio", "st-log-ratio": "cm-log-ratio"}


def demoted(node):
    """The same proof in the classes CM and BF where every step has a CM / BF rule (``(x + b)^(-s)`` by ``cm-power``,
    ``x^s`` by ``bf-power``), so that the S / CBF route changes nothing where the older calculus sufficed; else None.

    >>> demoted({"class": "ST", "expr": "1/x", "rule": "st-power", "params": {"s": "1", "b": "0"}})["rule"]
    'cm-power'
    """
    rule = node["rule"]
    if rule not in _SAME and rule not in _AS:
        return None
    kids = [demoted(k) for k in node.get("children", [])]
    if any(k is None for k in kids):
        return None
    out = {**node, "class": {"ST": "CM", "CBF": "BF"}.get(node["class"], node["class"]), "rule": _AS.get(rule, rule)}
    if kids:
        out["children"] = kids
    return out


def _const(e):
    return not e.has(X)


def _power_atom(e):
    """``(x + b)^(-s)`` with ``b >= 0`` and ``0 <= s <= 1``: ``(s, b)`` or None."""
    if e == X:
        return None
    base, exponent = (e.base, e.exp) if e.is_Pow else (e, sympy.Integer(1))
    if not _const(exponent):
        return None
    b = sympy.expand(base - X)
    if b.has(X) or not _nonneg(b):
        return None
    s = -exponent
    return (s, b) if _nonneg(s) and _nonneg(1 - s) else None


def stieltjes_atom(e):
    """A node proving ``e`` Stieltjes from one atom (times a constant ``>= 0``), or None."""
    c, rest = e.as_independent(X, as_Add=False) if e.is_Mul else (sympy.Integer(1), e)
    if not _nonneg(c):
        return None
    node = None
    found = _power_atom(rest)
    if found is not None:
        node = _n("ST", rest, "st-power", {"s": _t(found[0]), "b": _t(found[1])})
    hyperbolic = rest.atoms(sympy.tanh, sympy.coth, sympy.sinh, sympy.cosh)
    rates = {sympy.cancel(h.args[0] / _ROOT) for h in hyperbolic} if node is None else set()
    if len(rates) != 1:  # one rate k: the atoms are rational functions of sqrt(x) and exp(k sqrt(x))
        rates = set()
    for k in sorted(rates, key=sympy.default_sort_key):
        if node is not None:
            break
        if k.has(X) or not _proved_positive(k):
            continue
        atoms = [(sympy.tanh(k * _ROOT) / _ROOT, "st-tanh-root"),
                 (1 / (_ROOT * sympy.tanh(k * _ROOT)) - 1 / (k * X), "st-coth-root")]
        for atom, rule in atoms:
            ratio = _constant_ratio(rest, atom, k)
            if ratio is not None and _nonneg(ratio):
                node = _n("ST", atom, rule, {"c": _t(k)})
                c = c * ratio
                break
    if node is None:
        logs = [a for a in sympy.Mul.make_args(rest) if isinstance(a, sympy.log)]
        if len(logs) == 1 and sympy.simplify(rest * X / logs[0]) == 1:
            b = sympy.simplify((logs[0].args[0] - 1) / X)
            if _const(b) and _proved_positive(b):
                node = _n("ST", logs[0] / X, "st-log1p-ratio", {"b": _t(b)})
    if node is None:
        node = log_ratio_st(rest)
    if node is None and rest.has(sympy.atan):
        found = atan_root_st(rest)
        if found is not None:
            node, c = found[0], c * found[1]
    if node is None:
        return None
    return node if c == 1 else _n("ST", e, "scale", {"c": _t(c)}, [node])


def _constant_ratio(e, atom, k):
    """``e/atom`` if it is a constant, else None: with ``sqrt x = u`` and ``exp(k u) = w`` the ratio is a rational
    function of ``u`` and ``w`` (no simplifier needed), constant when ``cancel`` leaves neither."""
    u, w = sympy.Dummy("u", positive=True), sympy.Dummy("w", positive=True)
    try:
        ratio = sympy.powsimp(sympy.expand_power_base((e / atom).subs(X, u**2), force=True), force=True)
        ratio = sympy.expand(ratio.rewrite(sympy.exp))
        ratio = ratio.replace(lambda a: isinstance(a, sympy.exp) and sympy.cancel(a.args[0] / (k * u)).is_Rational
                              and sympy.cancel(a.args[0] / (k * u)).is_integer,
                              lambda a: w ** sympy.cancel(a.args[0] / (k * u)))
        ratio = sympy.cancel(ratio)
    except Exception:
        return None
    return ratio if not ratio.has(u, w, X) and not ratio.has(sympy.exp) else None


class StieltjesSearch:
    """Mixin of :class:`~symrep.analysis.derivations.DerivationSearch`: ``_stieltjes(e, depth)`` and
    ``_complete_bernstein(e, depth)`` (nodes of class ST and CBF, or None)."""

    def _st_or_cbf(self, e, cls, depth):
        self.tick()
        if depth > MAX_DEPTH or e.has(sympy.exp, sympy.besselk):  # none of the atoms and rules makes exp or K_nu
            return None
        memo = self.__dict__.setdefault("st_memo", {})
        key = (e, cls, str(active_region()))
        if key in memo and (memo[key][0] is not None or memo[key][1] <= depth):
            return memo[key][0]
        memo[key] = (None, -1)  # a cycle (x f / x ...) finds nothing
        node = None
        for candidate in _forms(e):
            node = (self._st if cls == "ST" else self._cbf)(candidate, depth)
            if node is not None:
                if candidate != e:
                    node = _n(cls, e, "rewrite", {}, [node])
                break
        memo[key] = (node, depth)
        return node

    def _stieltjes(self, e, depth=0):
        return self._st_or_cbf(e, "ST", depth)

    def _complete_bernstein(self, e, depth=0):
        return self._st_or_cbf(e, "CBF", depth)

    def _st(self, e, depth):
        if _const(e):
            return _n("ST", e, "cm-const", {"c": _t(e)}) if _nonneg(e) else None
        atom = stieltjes_atom(e)
        if atom is not None:
            return atom
        if e.is_Add:
            kids = []
            for term in e.args:
                kid = self._stieltjes(term, depth + 1)
                if kid is None:
                    return None
                kids.append(kid)
            return _n("ST", e, "sum", {}, kids)
        if e.is_Mul:
            c, rest = e.as_independent(X, as_Add=False)
            if c != 1:
                inner = self._stieltjes(rest, depth + 1) if _nonneg(c) else None
                return _n("ST", e, "scale", {"c": _t(c)}, [inner]) if inner else None
        node = self._geometric_mean(e, "ST", depth)
        if node is not None:
            return node
        if e.is_Pow and e.exp == -1:  # 1/f with f a (nonzero) complete Bernstein function
            inner = self._complete_bernstein(e.base, depth + 1)
            if inner is not None:
                return _n("ST", e, "reciprocal", {}, [inner])
        if e.is_Pow and _const(e.exp) and _proved_positive(-e.exp) and _nonneg(1 + e.exp) and e.base.has(X):
            inner = self._complete_bernstein(e.base, depth + 1)  # x^(-s) o h: S o CBF is S
            if inner is not None:
                outer = _n("ST", X ** e.exp, "st-power", {"s": _t(-e.exp), "b": "0"})
                return _n("ST", e, "compose", {}, [outer, inner])
        times = sympy.powsimp(sympy.expand_power_base(e * X, force=True), force=True)  # f = (x f)/x, x f CBF
        if sympy.count_ops(times) <= sympy.count_ops(e):
            inner = self._complete_bernstein(times, depth + 1)
            if inner is not None:
                return _n("ST", e, "cbf-over-x", {}, [inner])
        return None

    def _cbf(self, e, depth):
        if _const(e):
            return _n("CBF", e, "bf-const", {"c": _t(e)}) if _nonneg(e) else None
        beta = sympy.cancel(e / X)
        if _const(beta):
            return _n("CBF", e, "bf-linear", {"beta": _t(beta)}) if _nonneg(beta) else None
        if e.is_Pow and e.base == X and _const(e.exp) and _proved_positive(e.exp) and _nonneg(1 - e.exp):
            return _n("CBF", e, "bf-power", {"s": _t(e.exp)})
        if isinstance(e, sympy.log) and sympy.expand(e.args[0] - 1 - X) == 0:
            return _n("CBF", e, "bf-log1p", {})
        if e.has(sympy.polygamma):
            return digamma_cbf(e)
        if e.is_Add:
            kids = []
            for term in e.args:
                kid = self._complete_bernstein(term, depth + 1)
                if kid is None:
                    break
                kids.append(kid)
            else:
                return _n("CBF", e, "sum", {}, kids)
        if e.is_Mul:
            c, rest = e.as_independent(X, as_Add=False)
            if c != 1 and _nonneg(c):
                inner = self._complete_bernstein(rest, depth + 1)
                if inner is not None:
                    return _n("CBF", e, "scale", {"c": _t(c)}, [inner])
        if e.is_Pow and _const(e.exp) and _proved_positive(e.exp) and _nonneg(1 - e.exp) and e.base.has(X):
            inner = self._complete_bernstein(e.base, depth + 1)  # x^s o h
            if inner is not None:
                outer = _n("CBF", X ** e.exp, "bf-power", {"s": _t(e.exp)})
                return _n("CBF", e, "compose", {}, [outer, inner])
        if isinstance(e, sympy.log) and e.args[0].has(X):
            inner = self._complete_bernstein(sympy.expand(e.args[0] - 1), depth + 1)  # log(1 + h)
            if inner is not None:
                return _n("CBF", e, "compose", {}, [_n("CBF", sympy.log(1 + X), "bf-log1p", {}), inner])
        node = self._geometric_mean(e, "CBF", depth)
        if node is not None:
            return node
        over = sympy.powsimp(sympy.expand_power_base(e / X, force=True), force=True)
        inner = self._stieltjes(over, depth + 1)  # f = x (f/x), f/x Stieltjes
        if inner is not None:
            return _n("CBF", e, "x-times-st", {}, [inner])
        if e.is_Pow and e.exp == -1:
            inner = self._stieltjes(e.base, depth + 1)
            if inner is not None:
                return _n("CBF", e, "reciprocal", {}, [inner])
        return self._minus_start(e, depth) or self._substituted(e, depth)

    def _minus_start(self, e, depth):
        """``g - c`` with ``g`` complete Bernstein and ``0 < c <= g(0+)``: the rule ``minus-start`` (Levy-Khintchine:
        ``g(0+)`` is the constant of ``g``'s triple). ``g(0+)`` is SymPy's here; the kernel proves it."""
        c = -sum((t for t in sympy.Add.make_args(e) if not t.has(X)), sympy.Integer(0))
        if not e.is_Add or not _proved_positive(c):
            return None
        g = sympy.expand(e + c) if e.is_polynomial(X) else e + c
        start = _limit_from_right(g)
        if start is None or not _nonneg(start - c):
            return None
        inner = self._complete_bernstein(g, depth + 1)
        return _n("CBF", e, "minus-start", {"c": _t(c)}, [inner]) if inner is not None else None

    def _substituted(self, e, depth):
        """``h(g)`` with ``g`` a subterm (a function of ``x``, not a power of ``x``) such that ``h`` is free of ``x``:
        CBF after CBF is CBF (``log(1 + x)/(1 + log(1 + x))`` is ``y/(1 + y)`` after ``log(1 + x)``)."""
        y = sympy.Dummy("y", positive=True)
        for g, h in self._substitutions(e, y):
            outer = self._complete_bernstein(h.xreplace({y: X}), depth + 1)
            inner = self._complete_bernstein(g, depth + 1) if outer is not None else None
            if inner is not None:
                return _n("CBF", e, "compose", {}, [outer, inner])
        return None

    @staticmethod
    def _substitutions(e, y):
        """Pairs ``(g, h(y))`` with ``e = h(g)``: ``g`` a function of ``x`` in ``e`` (the three shortest), or ``g = x^q``
        with ``q`` twice the smallest exponent of ``x`` in ``e`` (or that exponent), ``0 < q < 1``
        (``x^(1/3) atan(x^(-1/3))`` is ``sqrt(y) atan(1/sqrt(y))`` after ``y = x^(2/3)``)."""
        pairs = []
        for g in sorted(e.atoms(sympy.Function), key=sympy.count_ops)[:3]:
            h = e.xreplace({g: y})
            if g.has(X) and h.has(y) and not h.has(X) and h != y:
                pairs.append((g, h))
        exponents = {abs(p.exp) for p in e.atoms(sympy.Pow) if p.base == X and p.exp.is_Rational}
        if exponents:
            smallest = min(exponents)
            for q in (2 * smallest, smallest):
                if 0 < q < 1:
                    h = sympy.powsimp(sympy.expand_power_base(e.xreplace({X: y ** (1 / q)}), force=True), force=True)
                    if not h.has(X) and h != e.xreplace({X: y}):
                        pairs.append((X ** q, h))
        return pairs

    def _geometric_mean(self, e, cls, depth):
        """``e = u^r v^s`` with ``r, s`` of one sign: ``F^a G^(1-a)`` with ``F = u^(r+s)``, ``G = v^(r+s)`` and
        ``a = r/(r+s)`` in ``[0, 1]``, if ``F`` and ``G`` are of the class (``x^(-1/2) (1 + x)^(-1/2)`` is the mean of
        the Stieltjes ``1/x`` and ``1/(1 + x)``)."""
        if e.is_Pow and e.base.has(X) and _const(e.exp) and e.exp.is_Rational and 0 < e.exp < 1:
            return self._root_mean(e, e.base, e.exp, cls, depth)
        factors = sympy.Mul.make_args(sympy.powsimp(sympy.expand_power_base(e, force=True), force=True))
        if len(factors) != 2 or not all(f.has(X) for f in factors):
            return None
        pairs = [(f.base, f.exp) if f.is_Pow else (f, sympy.Integer(1)) for f in factors]
        if not all(_const(p) and p.is_Rational for _, p in pairs):
            return None
        (u, r), (v, s) = pairs
        total = r + s
        if total == 0 and 0 < abs(r) < 1:  # (u/v)^r = F^a 1^(1-a): a power in (0, 1) of a function of the class
            return self._root_mean(e, sympy.cancel(u / v if r > 0 else v / u), abs(r), cls, depth)
        if total == 0 or r / total < 0 or s / total < 0:
            return None
        left = self._st_or_cbf(u ** total, cls, depth + 1)
        right = self._st_or_cbf(v ** total, cls, depth + 1) if left is not None else None
        if right is None:
            return None
        return _n(cls, e, "geometric-mean", {"a": _t(r / total)}, [left, right])

    def _root_mean(self, e, base, a, cls, depth):
        """``e = base^a`` with ``0 < a < 1``: the geometric mean of ``base`` and the constant 1 (SSV Ch. 7: S and CBF
        are closed under ``f^a g^(1-a)``), so ``sqrt((2 + x)/(1 + x))`` is Stieltjes with ``(2 + x)/(1 + x)``."""
        left = self._st_or_cbf(base, cls, depth + 1)
        if left is None:
            return None
        one = _n(cls, sympy.Integer(1), "cm-const" if cls == "ST" else "bf-const", {"c": "1"})
        return _n(cls, e, "geometric-mean", {"a": _t(a)}, [left, one])


def _forms(e):
    out = [e]
    partial = lambda u: sympy.apart(u, X) if u.is_rational_function(X) else _partial_in_root(u)  # (1+x)/(1+2x) = 1/2 + ...
    for how in (sympy.cancel, lambda u: sympy.powsimp(sympy.expand_power_base(u, force=True), force=True),
                sympy.factor, partial):
        try:
            candidate = how(e)
        except Exception:
            continue
        if candidate not in out:
            out.append(candidate)
    return out


def _partial_in_root(e):
    """Partial fractions of a rational function of ``sqrt(x)``: ``(1 + sqrt(x))/(1 + 2 sqrt(x)) = 1/2 + 1/(2 (1 + 2 sqrt(x)))``."""
    u = sympy.Dummy("u", positive=True)
    in_u = sympy.powdenest(e.subs(X, u**2), force=True)
    if in_u.has(X) or not in_u.is_rational_function(u):
        return e
    return sympy.apart(in_u, u).subs(u, _ROOT)
