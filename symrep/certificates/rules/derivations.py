"""The calculus of completely monotone (CM) and Bernstein (BF) functions on ``(0, oo)``, on the kernel.

A node ``{class, expr, rule, params, children}`` proves that ``expr`` is of its class on ``(0, oo)``. The
kernel proves every node's ``expr`` continuous (hence defined) on ``(0, oo)``, and the rule's own form (a
sum of the children, an atom's formula, ...) as well, before it proves the two equal by the normal
form: the normal form proves identities where both sides are defined, which is then all of ``(0, oo)``.
Conditions on constants and parameters (``a >= 0``) are proved on the whole region.

| rule | class | theorem |
|---|---|---|
| ``cm-const``, ``bf-const`` | CM, BF | ``c >= 0`` |
| ``cm-exp`` ``exp(-a x)``, ``a >= 0`` | CM | Bernstein's theorem (SSV Thm 1.4): the Laplace transform of a point mass |
| ``cm-power`` ``(x + b)^(-s)``, ``s, b >= 0`` | CM | ``(x + b)^(-s) = int t^(s-1) e^(-t(x+b)) dt / Gamma(s)`` (SSV Ch. 1) |
| ``cm-log-ratio`` ``log(1 + b/x)``, ``b > 0`` | CM | ``int (e^(-tx) - e^(-t(x+b)))/t dt`` (SSV Ch. 1) |
| ``cm-log1p-ratio`` ``log(1 + b x)/x``, ``b > 0`` | CM | ``int_0^b dt/(1 + t x)``, a mixture of the CM ``(1 + t x)^(-1)`` (SSV Cor 1.6) |
| ``cm-matern`` ``(c x)^nu K_nu(c x)``, ``c > 0``, ``nu <= 1/2`` | CM | DLMF 10.32.8 (at order ``-nu``, 10.27.3) and 10.39.2 |
| ``cm-besselk`` ``K_nu(x)``, real ``nu`` | CM | DLMF 10.32.9: ``K_nu(x) = int_0^oo e^(-x cosh s) cosh(nu s) ds``, a mixture of ``e^(-a x)``, ``a >= 1``, with a positive weight |
| ``cm-besselk-sqrt`` ``x^(nu/2) K_nu(sqrt x)``, real ``nu`` | CM | DLMF 10.32.10 at order ``-nu`` (10.27.3): ``z^nu K_nu(z) = 2^(nu-1) int_0^oo e^(-s) s^(nu-1) e^(-z^2/(4s)) ds``, a mixture of ``e^(-x/(4s))`` |
| ``cm-erfcx`` ``exp(x^2) erfc(x)`` | CM | DLMF 7.2.2 with ``t = x + s``: ``e^(x^2) erfc x = (2/sqrt pi) int_0^oo e^(-s^2) e^(-2 s x) ds``, a Laplace transform of a positive density |
| ``cm-gamma-ratio`` ``Gamma(x + a)/Gamma(x + b)``, ``b >= a >= 0`` | CM | DLMF 5.9.16: ``psi(x + b) - psi(x + a) = int_0^oo e^(-x t) (e^(-a t) - e^(-b t))/(1 - e^(-t)) dt`` is CM, so ``f = exp(-H)`` with ``H' `` CM; then ``-f' = H' f`` and Leibniz's rule give ``(-1)^n f^(n) >= 0`` by induction (a logarithmically CM function is CM) |
| ``cm-laplace`` root-exponential family | CM | A&S 29.3.82 ``L[a t^(-3/2) e^(-a^2/(4t))/(2 sqrt pi)] = e^(-a sqrt x)``, differentiated under the integral in ``a`` |
| ``bf-linear`` ``beta x``, ``bf-power`` ``x^s`` (``0 < s <= 1``), ``bf-log1p`` | BF | Levy-Khintchine (SSV Thm 3.2): ``x^s = s/Gamma(1-s) int (1 - e^(-tx)) t^(-1-s) dt``, ``log(1 + x) = int (1 - e^(-tx)) e^(-t)/t dt`` |
| ``sum``, ``scale`` (``c >= 0``) | CM, BF | convex cone (SSV Cor 1.6, Cor 3.8) |
| ``product`` | CM | SSV Cor 1.6 |
| ``compose`` (outer of the class, inner BF) | CM, BF | SSV Thm 3.7 (CM o BF), Cor 3.8 (BF o BF); an inner 0 only under an outer continuous on ``[0, oo)`` |
| ``exp-of-cm`` | CM | ``exp g = sum g^n/n!``: sums, products and limits of CM functions (SSV Cor 1.6) |
| ``reciprocal`` of a BF ``h`` with ``h(1) > 0`` | CM | ``1/h = int_0^oo e^(-t h) dt``, each ``e^(-t h)`` CM (SSV Thm 3.7) |
| ``derivative``: ``expr >= 0`` at ``0+``, ``expr' `` CM | BF | the definition (SSV Def 3.1) |
| ``rewrite`` | CM, BF | an identity |
| ``square-split``: ``expr = x A^2``, ``expr' = A B``, ``A`` and ``B`` CM | BF | ``expr >= 0`` and ``expr' `` CM (SSV Cor 1.6, Def 3.1): ``g = f(sqrt t)^2`` has ``g' = [f(sqrt t)/sqrt t] f'(sqrt t)`` (Schoenberg's ``l2-to-l2``) |
| ``antiderivative``: ``expr >= 0`` on ``(0, oo)``, ``-expr' `` CM | CM | the definition: ``(-1)^k f^(k) >= 0`` is ``f >= 0`` for ``k = 0`` and ``(-1)^(k-1) g^(k-1) >= 0`` for ``g = -f'`` CM and ``k >= 1`` |
| ``st-is-cm``, ``cbf-is-bf`` | CM, BF | Stieltjes ``a/x + b + int sigma(dt)/(x + t)`` (SSV Def 2.1) is CM; complete Bernstein (SSV Def 6.1) is BF |
| ``st-power`` ``(x + b)^(-s)``, ``0 <= s <= 1``, ``b >= 0``; ``st-log1p-ratio`` | ST | ``x^(-s) = sin(pi s)/pi int t^(-s)/(x + t) dt``; ``log(1 + b x)/x = int_(1/b)^oo dt/(t (x + t))`` |
| ``st-tanh-root``, ``st-coth-root`` (``c > 0``) | ST | partial fractions of ``coth`` (DLMF 4.36): ``sum_k (2/c)/(x + t_k)``, ``t_k > 0`` |
| ``cm-const`` (ST), ``bf-const``, ``bf-linear``, ``bf-power``, ``bf-log1p`` (CBF) | ST, CBF | SSV Ch. 2 and Ch. 6 examples |
| ``x-times-st``, ``cbf-over-x`` | CBF, ST | ``f`` CBF iff ``f(x)/x`` Stieltjes (SSV Thm 6.2) |
| ``bf-over-x``: ``f(x)/x`` for a Bernstein ``f`` | CM | ``a/x + b + int (1 - e^(-tx))/x nu(dt)`` with ``(1 - e^(-tx))/x = int_0^t e^(-sx) ds`` (SSV Thm 3.2) |
| ``reciprocal`` (CBF <-> ST, child positive at 1), ``geometric-mean`` ``f^a g^(1-a)`` (``0 <= a <= 1``), ``compose`` (S o CBF, CBF o CBF) | ST, CBF | the Pick-function characterisation (SSV Thm 6.2): arguments of the values in ``[0, pi]`` (CBF), ``[-pi, 0]`` (S); SSV Ch. 7 |
| ``integral`` ``G(x, b) - G(x, a) = int_a^b g(x, s) ds``, ``g = dG/ds`` of the class for every ``s`` in ``[a, b]`` | CM, BF | Riemann sums in the convex cone, closed under pointwise limits (SSV Cor 1.6, Cor 3.8); :mod:`~symrep.certificates.rules.integral` |

Examples
--------
>>> from symrep.certificates.rules.derivations import check_node, Context
>>> node = {"class": "CM", "expr": "exp(-x**a)", "rule": "compose", "params": {}, "children": [
...     {"class": "CM", "expr": "exp(-x)", "rule": "cm-exp", "params": {"a": "1"}},
...     {"class": "BF", "expr": "x**a", "rule": "bf-power", "params": {"s": "a"}}]}
>>> from fractions import Fraction
>>> from symrep.certificates.domains import Span
>>> from symrep.certificates.terms import text
>>> text(check_node(node, "derivation", Context({"a": Span(Fraction(0), Fraction(1), False, True)})))
'exp(-x^a)'
"""

from fractions import Fraction

from ..derivatives import derivative
from ..domains import Span, analytic_on, continuous_on, prove_sign
from ..errors import CheckError
from ..fuel import charge
from ..grammar import read
from ..normal_form import Domain, proved_equal
from ..terms import HALF, ONE, ZERO, add, apply, mul, num, power, substitute, var
from .closure import CLOSURE_RULES, closure_form
from .integral import PARAMS as INTEGRAL_PARAMS
from .integral import integral_form
from .root_exponential import root_exponential as _root_exponential
from .weierstrass import RULES as _WEIERSTRASS, weierstrass_atom

__all__ = ["check_node", "Context", "RULES", "MAX_NODES"]

MAX_NODES = 400
_BOTH = ("CM", "BF")
_ALL = ("CM", "BF", "ST", "CBF")
#: rule -> (classes it proves, parameter names, number of children or None for >= 2)
RULES = {
    "cm-const": (("CM", "ST"), ("c",), 0), "bf-const": (("BF", "CBF"), ("c",), 0), "cm-exp": (("CM",), ("a",), 0),
    "cm-power": (("CM",), ("s", "b"), 0), "cm-log-ratio": (("CM",), ("b",), 0),
    "cm-log1p-ratio": (("CM",), ("b",), 0), "cm-matern": (("CM",), ("nu", "c"), 0),
    "cm-besselk": (("CM",), ("nu",), 0), "cm-besselk-sqrt": (("CM",), ("nu",), 0), "cm-erfcx": (("CM",), (), 0),
    "cm-gamma-ratio": (("CM",), ("a", "b"), 0),
    "cm-laplace": (("CM",), ("density", "rate", "coefficients"), 0),
    "bf-linear": (("BF", "CBF"), ("beta",), 0), "bf-power": (("BF", "CBF"), ("s",), 0), "bf-log1p": (("BF", "CBF"), (), 0),
    "sum": (_ALL, (), None), "product": (("CM",), (), None), "scale": (_ALL, ("c",), 1), "rewrite": (_ALL, (), 1),
    "compose": (_ALL, (), 2), "exp-of-cm": (("CM",), (), 1), "cosh-of-cm": (("CM",), (), 1), "sinh-of-cm": (("CM",), (), 1), "reciprocal": (("CM", "ST", "CBF"), (), 1),
    "derivative": (("BF",), (), 1), "integral": (_BOTH, INTEGRAL_PARAMS, 1), "antiderivative": (("CM",), (), 1),
    "square-split": (("BF",), (), 2),
    # Stieltjes (ST) and complete Bernstein (CBF) functions: theory section 4, SSV Ch. 2, 6 and 7
    "st-power": (("ST",), ("s", "b"), 0), "st-log1p-ratio": (("ST",), ("b",), 0),
    "st-tanh-root": (("ST",), ("c",), 0), "st-coth-root": (("ST",), ("c",), 0),
    "x-times-st": (("CBF",), (), 1), "cbf-over-x": (("ST",), (), 1), "bf-over-x": (("CM",), (), 1),
    "st-is-cm": (("CM",), (), 1), "cbf-is-bf": (("BF",), (), 1), "geometric-mean": (("ST", "CBF"), ("a",), 2),
    **CLOSURE_RULES,  # polygamma, digamma, log(1 + b/x), atan(c/sqrt x)/sqrt x, g - c, c - g: rules/closure
    **{rule: (("CM",), ("c", "a"), 0) for rule in _WEIERSTRASS},  # Weierstrass products (DLMF 4.36.1-2, SSV Cor 1.6)
}
#: the class of the inner function of ``compose``, and of the child of ``reciprocal``, for each class
_INNER = {"CM": "BF", "BF": "BF", "ST": "CBF", "CBF": "CBF"}
_RECIPROCAL_OF = {"CM": "BF", "ST": "CBF", "CBF": "ST"}
X = var("x")


class Context:
    """The parameters' region, and the kernel's views of ``(0, oo)`` built from it."""

    def __init__(self, parameters):
        self.parameters = dict(parameters)
        self.open = {"x": Span(Fraction(0), None, lo_closed=False), **self.parameters}
        self.closed = {"x": Span(Fraction(0), None, lo_closed=True), **self.parameters}
        positive = [n for n, s in self.parameters.items() if s.lo is not None and (s.lo > 0 or (s.lo == 0 and not s.lo_closed))]
        nonnegative = [n for n, s in self.parameters.items() if s.lo is not None and s.lo >= 0]
        self.domain = Domain(positive=["x", *positive], nonnegative=nonnegative)
        self.names = tuple(self.parameters)

    def term(self, source, where, variables=("x",)):
        return read(source, where, variables, self.names)

    def constant(self, source, where):
        if type(source) is not str:
            raise CheckError(f"{where}: expected text, got {str(source)[:60]!r}")
        return read(source, where, (), self.names)

    def sign(self, term, relation, where):
        return prove_sign(term, self.parameters, relation, where)

    def defined(self, term, where):
        if not continuous_on(term, "x", self.open):
            raise CheckError(f"{where}: {_short(term)} is not proved continuous (and defined) on (0, oo)")

    def equal(self, a, b, where):
        self.defined(a, where)
        self.defined(b, where)
        if not proved_equal(a, b, self.domain):
            raise CheckError(f"{where}: {_short(a)} and {_short(b)} are not proved equal")


def _short(term):
    from ..terms import text
    shown = text(term)
    return shown if len(shown) <= 200 else shown[:180] + " ..."


def check_node(node, where, context, _count=None):
    """Verify one node and its subtree; return the node's expression (a term in ``x``)."""
    count = _count if _count is not None else [0]
    count[0] += 1
    charge(10, f"checking derivation node {where}")
    if count[0] > MAX_NODES:
        raise CheckError(f"derivation has more than {MAX_NODES} nodes")
    if type(node) is not dict or set(node) - {"class", "expr", "rule", "params", "children"}:
        raise CheckError(f"{where}: malformed derivation node {str(node)[:80]}")
    cls, rule = node.get("class"), node.get("rule")
    if rule not in RULES:
        raise CheckError(f"{where}: unknown rule {rule!r}")
    classes, names, n_children = RULES[rule]
    here = f"{where} ({rule})"
    if cls not in classes:
        raise CheckError(f"{here}: the rule {rule} proves {' or '.join(classes)}, not {cls!r}")
    expr = context.term(node.get("expr"), where) if type(node.get("expr")) is str else _refuse(f"{where}: expr must be text")
    params, kids = node.get("params", {}), node.get("children", [])
    if type(params) is not dict or type(kids) is not list:
        raise CheckError(f"{here}: params must be an object and children a list")
    if set(params) != set(names) or (len(kids) < 2 if n_children is None else len(kids) != n_children):
        raise CheckError(f"{here}: needs params {sorted(names)} and {'at least 2' if n_children is None else n_children} children")

    def p(name):
        return context.constant(params[name], f"{here} param {name}")

    def child(i, want):
        if type(kids[i]) is not dict or kids[i].get("class") != want:
            raise CheckError(f"{here}: child {i} must be a {want} derivation")
        return check_node(kids[i], f"{where}.{i}", context, count)

    if rule in CLOSURE_RULES:
        form = closure_form(rule, cls, p, child, context, here, _right_limit_at_0, params)
    elif rule in ("cm-const", "bf-const"):
        c = p("c"); context.sign(c, ">=", here); form = c
    elif rule == "cm-exp":
        a = p("a"); context.sign(a, ">=", here); form = apply("exp", mul(num(-1), a, X))
    elif rule == "cm-power":
        s, b = p("s"), p("b"); context.sign(s, ">=", here); context.sign(b, ">=", here)
        form = power(add(X, b), mul(num(-1), s))
    elif rule == "cm-log-ratio":
        b = p("b"); context.sign(b, ">", here); form = apply("log", add(ONE, mul(b, power(X, num(-1)))))
    elif rule == "cm-log1p-ratio":  # log(1 + b x)/x = int_0^b dt/(1 + t x): a mixture of CM functions
        b = p("b"); context.sign(b, ">", here); form = mul(apply("log", add(ONE, mul(b, X))), power(X, num(-1)))
    elif rule == "cm-matern":
        nu, c = p("nu"), p("c"); context.sign(c, ">", here); context.sign(add(HALF, mul(num(-1), nu)), ">=", here)
        form = mul(power(mul(c, X), nu), apply("besselk", nu, mul(c, X)))
    elif rule == "cm-besselk":  # DLMF 10.32.9: int_0^oo e^(-x cosh s) cosh(nu s) ds, for every real order
        form = apply("besselk", p("nu"), X)
    elif rule == "cm-besselk-sqrt":  # DLMF 10.32.10 at order -nu (10.27.3): a mixture of e^(-x/(4s)), real nu
        nu = p("nu"); root = power(X, HALF)
        form = mul(power(root, nu), apply("besselk", nu, root))
    elif rule == "cm-erfcx":  # DLMF 7.2.2, t = x + s: (2/sqrt pi) int_0^oo e^(-s^2) e^(-2 s x) ds
        form = mul(apply("exp", power(X, num(2))), apply("erfc", X))
    elif rule == "cm-gamma-ratio":  # DLMF 5.9.16: -(log f)' = psi(x + b) - psi(x + a) is CM for b >= a >= 0
        a, b = p("a"), p("b"); context.sign(a, ">=", here); context.sign(add(b, mul(num(-1), a)), ">=", here)
        form = mul(apply("gamma", add(X, a)), power(apply("gamma", add(X, b)), num(-1)))
    elif rule == "cm-laplace":
        form = _root_exponential(params, context, here)
    elif rule in _WEIERSTRASS:  # sech(c sqrt x)^a, (z/sinh z)^a, (tanh z/z)^a at z = c sqrt x: rules/weierstrass
        form = weierstrass_atom(rule, p("c"), p("a"), expr, context, here)
    elif rule == "bf-linear":
        beta = p("beta"); context.sign(beta, ">=", here); form = mul(beta, X)
    elif rule == "bf-power":
        s = p("s"); context.sign(s, ">", here); context.sign(add(ONE, mul(num(-1), s)), ">=", here); form = power(X, s)
    elif rule == "bf-log1p":
        form = apply("log", add(ONE, X))
    elif rule == "st-power":  # (x + b)^(-s), 0 <= s <= 1, b >= 0 (SSV Ch. 2 examples; a shift keeps S)
        s_, b = p("s"), p("b")
        context.sign(s_, ">=", here); context.sign(add(ONE, mul(num(-1), s_)), ">=", here); context.sign(b, ">=", here)
        form = power(add(X, b), mul(num(-1), s_))
    elif rule == "st-log1p-ratio":  # log(1 + b x)/x = int_(1/b)^oo dt/(t (x + t)) (SSV Ch. 2 examples)
        b = p("b"); context.sign(b, ">", here); form = mul(apply("log", add(ONE, mul(b, X))), power(X, num(-1)))
    elif rule == "st-tanh-root":  # tanh(c sqrt x)/sqrt x = sum_k 2 c / (c^2 x + ((k - 1/2) pi)^2) (DLMF 4.36)
        c = p("c"); context.sign(c, ">", here)
        root = power(X, HALF)
        form = mul(apply("tanh", mul(c, root)), power(root, num(-1)))
    elif rule == "st-coth-root":  # coth(c sqrt x)/sqrt x - 1/(c x) = sum_k 2 c / (c^2 x + (k pi)^2) (DLMF 4.36)
        c = p("c"); context.sign(c, ">", here)
        root = power(X, HALF)
        form = add(power(mul(root, apply("tanh", mul(c, root))), num(-1)), mul(num(-1), power(mul(c, X), num(-1))))
    elif rule == "x-times-st":  # f CBF iff f(x)/x is a Stieltjes function (SSV Def 2.1, Thm 6.2)
        form = mul(X, child(0, "ST"))
    elif rule in ("cbf-over-x", "bf-over-x"):  # f BF: f(x)/x = f(0+)/x + b + int (int_0^t e^(-sx) ds) nu(dt) is CM
        form = mul(child(0, "CBF" if rule == "cbf-over-x" else "BF"), power(X, num(-1)))
    elif rule == "geometric-mean":  # f^a g^(1 - a), 0 <= a <= 1, f and g of the class and positive
        a = p("a"); context.sign(a, ">=", here); context.sign(add(ONE, mul(num(-1), a)), ">=", here)
        f, g = child(0, cls), child(1, cls)
        _positive_at_one(f, context, f"{here} the first function at 1")
        _positive_at_one(g, context, f"{here} the second function at 1")
        form = mul(power(f, a), power(g, add(ONE, mul(num(-1), a))))
    elif rule in ("st-is-cm", "cbf-is-bf"):  # S is inside CM, CBF inside BF (SSV Ch. 2 and 6)
        form = child(0, "ST" if rule == "st-is-cm" else "CBF")
    elif rule in ("sum", "product"):
        parts = [child(i, cls) for i in range(len(kids))]
        form = add(*parts) if rule == "sum" else mul(*parts)
    elif rule == "scale":
        c = p("c"); context.sign(c, ">=", here); form = mul(c, child(0, cls))
    elif rule == "rewrite":
        form = child(0, cls)
    elif rule == "compose":  # CM o BF is CM, BF o BF is BF; the inner BF maps (0, oo) into (0, oo) unless it is 0
        outer, inner = child(0, cls), child(1, _INNER[cls])
        # a Bernstein function positive at 1 is positive on all of (0, oo) (a + bx + int (1 - e^(-tx)) nu(dt)); one
        # that is 0 at a point is 0 everywhere, and evaluates the outer function at 0, where nothing was proved
        # (found by an attack) unless the outer function is proved continuous on [0, oo): then the composite is
        # the constant outer(0) = outer(0+) >= 0 (the limit of a CM or Bernstein function), of the class too
        if not continuous_on(outer, "x", context.closed):
            _positive_at_one(inner, context, f"{here} the inner function at 1")
        form = substitute(outer, {"x": inner})
    elif rule == "integral":  # int_a^b g(x, s) ds = G(x, b) - G(x, a), each g(., s) of the class
        form = integral_form(params, kids, cls, context, here,
                             lambda kid, inner: check_node(kid, f"{where}.0", inner, count))
    elif rule in ("exp-of-cm", "cosh-of-cm", "sinh-of-cm"):  # sum_n c_n g^n, c_n >= 0, of a CM g >= 0 (SSV Cor 1.6)
        form = apply(rule[:-6], child(0, "CM"))
    elif rule == "reciprocal":  # 1/h is CM for a Bernstein h that is not identically 0; S <-> CBF (SSV Ch. 7)
        h = child(0, _RECIPROCAL_OF[cls])
        _positive_at_one(h, context, f"{here} h(1)")
        form = power(h, num(-1))
    else:  # antiderivative: f >= 0 and -f' CM (the definition); derivative: f' CM and f(0+) >= 0 (SSV Def 3.1);
        # square-split: f' = A B with A, B CM (so f' CM, SSV Cor 1.6) and f = x A^2 >= 0 (Schoenberg's l2-to-l2 split)
        parts = [child(i, "CM") for i in range(len(kids))]
        if not analytic_on(expr, "x", context.open):
            raise CheckError(f"{here}: {_short(expr)} is not proved analytic on (0, oo), so its formal derivative may lie")
        slope = derivative(expr, "x")
        context.equal(mul(num(-1), slope) if rule == "antiderivative" else slope, mul(*parts) if len(parts) > 1 else parts[0], here)
        if rule == "antiderivative":
            prove_sign(expr, context.open, ">=", f"{here}: f >= 0 on (0, oo)")
        elif rule == "square-split":
            context.equal(expr, mul(X, power(parts[0], num(2))), f"{here}: f = x A^2 >= 0")
        else:
            context.sign(_right_limit_at_0(expr, context, f"{here} f(0+)"), ">=", f"{here} f(0+)")
        return expr
    context.equal(expr, form, here)
    return expr


def _positive_at_one(h, context, where):
    from ..enclosures import sign_at

    at_one = substitute(h, {"x": ONE})
    if context.parameters:
        context.sign(at_one, ">", where)
    else:
        sign_at(at_one, where, +1)


def _right_limit_at_0(term, context, where):
    """``term(0+)``: by continuity on ``[0, oo)``, else by a Taylor model (functions without parameters)."""
    if continuous_on(term, "x", context.closed):
        return substitute(term, {"x": ZERO})
    if context.parameters:
        raise CheckError(f"{where}: {_short(term)} is not proved continuous on [0, oo); the kernel expands "
                         f"functions without parameters only, yet")
    from .growth import right_limit as limit_at_0

    return limit_at_0(term)


def _refuse(message):
    raise CheckError(message)
