"""Atoms and closure rules of the derivation calculus added for the literature's kernels (issue 24).

| rule | class | theorem |
|---|---|---|
| ``cm-polygamma`` ``(-1)^(n+1) psi^(n)(x)``, ``n >= 1`` a whole number | CM | DLMF 5.15.1: ``(-1)^(n+1) psi^(n)(x) = int_0^oo t^n e^(-x t)/(1 - e^(-t)) dt``, the Laplace transform of a positive density (Bernstein's theorem, SSV Thm 1.4) |
| ``bf-digamma`` ``psi(x + a) - psi(a)``, ``a > 0`` | BF, CBF | DLMF 5.9.16: ``psi(z) + gamma = int_0^oo (e^(-t) - e^(-z t))/(1 - e^(-t)) dt``, so ``psi(x + a) - psi(a) = int_0^oo (1 - e^(-x t)) e^(-a t)/(1 - e^(-t)) dt``: Levy-Khintchine (SSV Thm 3.2) with the Levy density ``sum_(k >= 0) e^(-(a + k) t)``, which is CM, so the function is complete Bernstein (SSV Thm 6.2) |
| ``st-log-ratio`` ``log(1 + b/x)``, ``b > 0`` | ST | ``int_0^b dt/(x + t)``: SSV Def 2.1 with ``sigma = 1_(0, b)(t) dt`` |
| ``st-atan-root`` ``atan(c/sqrt x)/sqrt x``, ``c > 0`` | ST | ``int_0^c ds/(x + s^2) = int_0^(c^2) (2 sqrt t)^(-1) dt/(x + t)``: SSV Def 2.1 |
| ``bf-complement`` ``c - g`` with ``g`` CM and ``c >= g(0+)`` | BF | ``(c - g)' = -g'`` is CM, and ``c - g >= c - g(0+) >= 0`` as ``g`` does not increase (SSV Def. 1.3, 3.1) |
| ``cm-besseli`` ``exp(-c x) (a x)^(-nu) I_nu(a x)``, ``c >= a > 0``, ``nu > -1/2`` | CM | DLMF 10.32.2 (Poisson's integral): a mixture of ``e^(-(c - a cos t) x)`` with rates ``>= 0`` (SSV Thm 1.4, Cor 1.6); :mod:`~symrep.certificates.rules.besseli` |
| ``minus-start`` ``g - c`` with ``g`` of the class and ``c <= g(0+)`` | BF, CBF | Levy-Khintchine (SSV Thm 3.2): ``g = g(0+) + b x + int (1 - e^(-t x)) nu(dt)``, so ``g - c`` has the constant ``g(0+) - c >= 0`` and the same ``b`` and ``nu`` (complete Bernstein: SSV Thm 6.2, the same triple) |
| ``cm-power-sum`` ``sum c_k (x + a_k)^(-j_k)``, mixed signs | CM | the kernel's own density ``sum c_k t^(j_k-1) e^(-a_k t)/(j_k-1)!`` proved ``>= 0`` (SSV Thm 1.4; Widder Thm IV.12a); :mod:`~symrep.certificates.rules.densities` |

The limit ``g(0+)`` is proved by the kernel (continuity, a Taylor model, orders of growth or the Bessel rule), never
read from the certificate; ``c`` is compared with it by exact algebra or balls.

Examples
--------
>>> from fractions import Fraction
>>> from symrep.certificates.rules.derivations import check_node, Context
>>> from symrep.certificates.terms import text
>>> node = {"class": "CBF", "expr": "x/log(1 + x) - 1", "rule": "minus-start", "params": {"c": "1"}, "children": [
...     {"class": "CBF", "expr": "x/log(1 + x)", "rule": "reciprocal", "params": {}, "children": [
...         {"class": "ST", "expr": "log(1 + x)/x", "rule": "st-log1p-ratio", "params": {"b": "1"}}]}]}
>>> text(check_node(node, "derivation", Context({})))
'x/log(1 + x) - 1'

"""

from ..errors import CheckError
from ..terms import HALF, ONE, ZERO, add, apply, mul, num, power, var
from .densities import density_sign, power_sum_terms
from .besseli import RULES as _BESSELI, besseli_atom

__all__ = ["CLOSURE_RULES", "closure_form"]

#: rule -> (classes it proves, parameter names, number of children)
CLOSURE_RULES = {
    "cm-polygamma": (("CM",), ("n",), 0), "bf-digamma": (("BF", "CBF"), ("a",), 0),
    "st-log-ratio": (("ST",), ("b",), 0), "st-atan-root": (("ST",), ("c",), 0),
    "minus-start": (("BF", "CBF"), ("c",), 1), "bf-complement": (("BF",), ("c",), 1),
    "cm-power-sum": (("CM",), ("terms", "bounds"), 0),
    **_BESSELI,  # e^(-c x) (a x)^(-nu) I_nu(a x): rules/besseli (DLMF 10.32.2)
}
X = var("x")


def closure_form(rule, cls, p, child, context, here, right_limit, params=None):
    """The form the node's ``expr`` must equal, with the rule's side conditions proved; ``right_limit(term, context,
    where)`` is the kernel's proof of a limit at ``0+`` (from :mod:`~symrep.certificates.rules.derivations`)."""
    if rule in _BESSELI:  # e^(-c x) (a x)^(-nu) I_nu(a x), c >= a > 0, nu > -1/2: a mixture of e^(-r x), r >= 0
        return besseli_atom(p("c"), p("a"), p("nu"), context, here)
    if rule == "cm-polygamma":  # DLMF 5.15.1: int_0^oo t^n e^(-x t)/(1 - e^(-t)) dt, for a whole n >= 1
        n = p("n")
        if n.op != "num" or n.value.denominator != 1 or n.value < 1:
            raise CheckError(f"{here}: the order n must be a whole number >= 1 (psi = psi^(0) is not CM)")
        return mul(num((-1) ** (int(n.value) + 1)), apply("polygamma", n, X))
    if rule == "bf-digamma":  # DLMF 5.9.16: int_0^oo (1 - e^(-x t)) e^(-a t)/(1 - e^(-t)) dt, a > 0
        a = p("a"); context.sign(a, ">", here)
        return add(apply("polygamma", num(0), add(X, a)), mul(num(-1), apply("polygamma", num(0), a)))
    if rule == "st-log-ratio":  # int_0^b dt/(x + t)
        b = p("b"); context.sign(b, ">", here)
        return apply("log", add(ONE, mul(b, power(X, num(-1)))))
    if rule == "st-atan-root":  # int_0^c ds/(x + s^2)
        c = p("c"); context.sign(c, ">", here)
        root = power(X, HALF)
        return mul(apply("atan", mul(c, power(root, num(-1)))), power(root, num(-1)))
    if rule == "cm-power-sum":  # the Laplace transform of the kernel's own density, proved >= 0 (rules/densities)
        terms = power_sum_terms(params["terms"], context.constant)
        density_sign(terms, params["bounds"])
        return add(*(mul(num(c), power(add(X, num(a)), num(-j))) for c, a, j in terms), ZERO)
    if rule == "bf-complement":  # c - g, g CM, c >= g(0+): -g' CM and g nonincreasing (SSV Def. 1.3, 3.1)
        c, g = p("c"), child(0, "CM")
        context.sign(add(c, mul(num(-1), right_limit(g, context, f"{here} g(0+)"))), ">=", f"{here} c - g(0+)")
        return add(c, mul(num(-1), g))
    # minus-start: g - c with c <= g(0+), the constant of g's Levy-Khintchine triple
    c, g = p("c"), child(0, cls)
    start = right_limit(g, context, f"{here} g(0+)")
    context.sign(add(start, mul(num(-1), c)), ">=", f"{here} g(0+) - c")
    return add(g, mul(num(-1), c))
