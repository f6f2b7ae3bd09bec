"""The derivation calculus of completely monotone (CM) and Bernstein (BF) functions on (0, oo).

A node ``{class, expr, rule, params, children}`` proves that ``expr`` (parsed with ``x > 0``) is
of its class on ``(0, oo)``. Each rule states the classes it can prove: an atom labelled with the
wrong class is refused. The behaviour at 0 (the paper's ``f(0) >= f(0+)`` for CM, ``f(0) = 0``
for Bernstein) is checked by the caller from the certificate's own function text.

References: Schilling, Song, Vondracek, *Bernstein Functions* (de Gruyter), for every rule.
"""

import sympy

from .exact import continuous, equal, nonneg, sign
from .reading import XP, CheckError, T, get, number, parse

__all__ = ["check_node", "positive_density", "RULES", "MAX_NODES"]

MAX_NODES = 400
_BOTH = ("CM", "BF")
#: rule -> (classes it proves, parameter names, number of children or None for >= 2)
RULES = {
    "cm-const": (("CM",), ("c",), 0), "bf-const": (("BF",), ("c",), 0),
    "cm-exp": (("CM",), ("a",), 0), "cm-power": (("CM",), ("s", "b"), 0), "cm-log-ratio": (("CM",), ("b",), 0),
    "cm-laplace": (("CM",), ("density",), 0),
    "bf-linear": (("BF",), ("beta",), 0), "bf-power": (("BF",), ("s",), 0), "bf-log1p": (("BF",), (), 0),
    "sum": (_BOTH, (), None), "product": (("CM",), (), None), "scale": (_BOTH, ("c",), 1),
    "rewrite": (_BOTH, (), 1), "compose": (_BOTH, (), 2), "exp-of-cm": (("CM",), (), 1),
    "reciprocal": (("CM",), (), 1), "derivative": (("BF",), (), 1),
}


def check_node(node, where, budget):
    """Verify one node and its subtree; return the node's expression (in ``x > 0``)."""
    budget[0] += 1
    if budget[0] > MAX_NODES:
        raise CheckError(f"derivation has more than {MAX_NODES} nodes")
    if type(node) is not dict or set(node) - {"class", "expr", "rule", "params", "children"}:
        raise CheckError(f"{where}: malformed derivation node {str(node)[:80]}")
    cls, rule = get(node, "class", "str", where), get(node, "rule", "str", where)
    if rule not in RULES:
        raise CheckError(f"{where}: unknown rule {rule!r}")
    classes, names, n_children = RULES[rule]
    here = f"{where} ({rule})"
    if cls not in classes:
        raise CheckError(f"{here}: the rule {rule} proves {' or '.join(classes)}, not {cls!r}")
    expr = parse(get(node, "expr", "str", where), where)
    params, kids = node.get("params", {}), node.get("children", [])
    if type(params) is not dict or type(kids) is not list:
        raise CheckError(f"{here}: params must be an object and children a list")
    if set(params) != set(names) or (len(kids) < 2 if n_children is None else len(kids) != n_children):
        raise CheckError(f"{here}: needs params {sorted(names)} and "
                         f"{'at least 2' if n_children is None else n_children} children")
    p = {k: parse(v, f"{here} density", "t") if k == "density" else number(v, f"{here} param {k}")
         for k, v in params.items()}

    def child(i, want):
        if type(kids[i]) is not dict or kids[i].get("class") != want:
            raise CheckError(f"{here}: child {i} must be a {want} derivation")
        return check_node(kids[i], f"{where}.{i}", budget)

    if rule in ("cm-const", "bf-const"):
        nonneg(p["c"], here); equal(expr, p["c"], here)
    elif rule == "cm-exp":
        nonneg(p["a"], here); equal(expr, sympy.exp(-p["a"] * XP), here)
    elif rule == "cm-power":
        nonneg(p["s"], here); nonneg(p["b"], here); equal(expr, (XP + p["b"]) ** (-p["s"]), here)
    elif rule == "cm-log-ratio":
        sign(p["b"], here, +1); equal(expr, sympy.log(1 + p["b"] / XP), here)
    elif rule == "bf-linear":
        nonneg(p["beta"], here); equal(expr, p["beta"] * XP, here)
    elif rule == "bf-power":
        sign(p["s"], here, +1); nonneg(1 - p["s"], here); equal(expr, XP ** p["s"], here)
    elif rule == "bf-log1p":
        equal(expr, sympy.log(1 + XP), here)
    elif rule == "cm-laplace":
        _laplace(expr, p["density"], here)
    elif rule in ("sum", "product"):
        parts = [child(i, cls) for i in range(len(kids))]
        equal(expr, sympy.Add(*parts) if rule == "sum" else sympy.Mul(*parts), here)
    elif rule == "scale":
        nonneg(p["c"], here); equal(expr, p["c"] * child(0, cls), here)
    elif rule == "rewrite":
        equal(expr, child(0, cls), here)
    elif rule == "compose":  # CM o BF is CM, BF o BF is BF
        outer, inner = child(0, cls), child(1, "BF")
        equal(expr, outer.subs(XP, inner), here)
    elif rule == "exp-of-cm":  # exp is absolutely monotone
        equal(expr, sympy.exp(child(0, "CM")), here)
    elif rule == "reciprocal":  # 1/h is CM for a Bernstein h that is not identically 0
        h = child(0, "BF")
        sign(h.subs(XP, 1), f"{here} h(1)", +1)
        equal(expr * h, 1, here)
    elif rule == "derivative":  # f >= 0 with f' CM; needs f continuous on (0, oo), else f' says nothing
        if not continuous(expr, XP):
            raise CheckError(f"{here}: {expr} is not proved continuous on (0, oo), so its derivative "
                             f"does not determine it (a jump hides behind a smooth derivative)")
        equal(sympy.diff(expr, XP), child(0, "CM"), here)
        start = sympy.limit(expr, XP, 0, "+")
        nonneg(start, f"{here} f(0+)")
    return expr


def positive_density(rho, where):
    """rho(t) >= 0 for every t > 0, read off its structure: products, sums and real powers of
    positive constants, t, exp(real) and Heaviside factors."""
    if not rho.has(T):
        sign(rho, where, +1)
    elif rho.is_Add or rho.is_Mul:
        for term in rho.args:
            positive_density(term, where)
    elif rho.is_Pow and rho.exp.is_extended_real:
        positive_density(rho.base, where)
    elif not (rho == T or isinstance(rho, sympy.Heaviside) or (isinstance(rho, sympy.exp) and rho.args[0].is_extended_real)):
        raise CheckError(f"{where}: cannot see from its form that the density {rho} is >= 0")


def _laplace(f, rho, where):
    """Bernstein-Widder: f(x) = int_0^oo exp(-t x) rho(t) dt with rho >= 0 makes f CM.

    The transform is computed symbolically by SymPy's ``laplace_transform`` (trusted, as its
    ``limit`` and ``simplify`` are) and must converge for every x > 0; no float tolerance decides.
    """
    positive_density(rho, where)
    try:
        F, abscissa, cond = sympy.laplace_transform(rho, T, XP)
    except Exception as exc:
        raise CheckError(f"{where}: cannot integrate the density {rho}: {exc}") from None
    if F.has(sympy.LaplaceTransform, sympy.Integral):
        raise CheckError(f"{where}: SymPy cannot evaluate the Laplace integral of {rho} (it may diverge)")
    if cond is not sympy.true and cond is not True or not (abscissa == -sympy.oo or abscissa == 0 or (
            abscissa.is_number and sign(abscissa, where, 0) < 0)):
        raise CheckError(f"{where}: the Laplace integral of {rho} does not converge for all x > 0")
    equal(F, f, where)
