"""The ``integral`` (mixture) rule of the CM and Bernstein calculus, on the kernel.

A node ``{class, expr: h, rule: "integral", params: {variable: s, from: a, to: b, antiderivative: G},
children: [node proving g(x, s)]}`` proves that ``h`` is of its class on ``(0, oo)`` by

    h(x) = G(x, b) - G(x, a) = int_a^b g(x, s) ds,     g = dG/ds.

**Theorem.** If ``g(., s)`` is completely monotone (resp. Bernstein) on ``(0, oo)`` for every ``s`` in
``[a, b]`` and ``g`` is continuous in ``s``, then ``int_a^b g(x, s) ds`` is completely monotone (resp.
Bernstein): its Riemann sums ``(b - a)/n sum g(x, s_i)`` lie in the convex cone of the class, and the
class is closed under pointwise limits (Schilling, Song, Vondracek, *Bernstein Functions*, 2nd ed.,
Cor. 1.6 for CM, Cor. 3.8 for Bernstein). The fundamental theorem of calculus gives the integral as
``G(x, b) - G(x, a)`` where ``s -> G(x, s)`` is ``C^1`` on ``[a, b]`` with derivative ``g``.

What the kernel checks, with its own tools only:

1. ``a < b`` are rational literals, and ``s`` is a fresh name (not ``x``, not ``t``, not a parameter);
2. the child is checked in a :class:`~symrep.certificates.rules.derivations.Context` with ``s`` added as a
   parameter of closed span ``[a, b]``: every side condition of its rules is proved for every ``s`` there;
3. ``G`` is proved real analytic, and its kernel-computed derivative ``dG/ds`` continuous (hence
   defined), for every ``x > 0`` and ``s`` in ``[a, b]`` by their structure
   (:func:`~symrep.certificates.domains.analytic_on`, side conditions proved on the whole closed
   region), so ``G`` is ``C^1`` in ``s`` there, ``g`` is jointly continuous and no pole, branch cut, jump
   or kink (``Heaviside``, ``sign``, ``Abs``, ``Max``, ``Min``) hides inside ``(a, b)``;
4. the kernel's own ``dG/ds`` equals the child's expression by the normal form (both defined on the region);
5. the form ``G(x, b) - G(x, a)`` is returned; the caller proves it and ``h`` continuous on ``(0, oo)`` and
   equal by the normal form.

Examples
--------
>>> from symrep.certificates.rules.derivations import check_node, Context
>>> from symrep.certificates.terms import text
>>> node = {"class": "CM", "expr": "log(1 + x)/x", "rule": "integral",
...         "params": {"variable": "s", "from": "0", "to": "1", "antiderivative": "log(1 + s*x)/x"},
...         "children": [{"class": "CM", "expr": "1/(1 + s*x)", "rule": "reciprocal", "params": {}, "children": [
...             {"class": "BF", "expr": "1 + s*x", "rule": "sum", "params": {}, "children": [
...                 {"class": "BF", "expr": "1", "rule": "bf-const", "params": {"c": "1"}},
...                 {"class": "BF", "expr": "s*x", "rule": "bf-linear", "params": {"beta": "s"}}]}]}]}
>>> text(check_node(node, "derivation", Context({})))
'log(1 + x)/x'
"""

import re
from fractions import Fraction

from ..derivatives import derivative
from ..domains import Span, analytic_on, continuous_on
from ..errors import CheckError
from ..grammar import read
from ..normal_form import proved_equal
from ..terms import CONSTANTS, FUNCTIONS, add, mul, num, substitute, text

__all__ = ["integral_form", "PARAMS"]

PARAMS = ("variable", "from", "to", "antiderivative")
_NAME = re.compile(r"[A-Za-z][A-Za-z0-9_]{0,30}")


def integral_form(params, kids, cls, context, here, check_child):
    """Check the rule's side conditions and its child.

    Parameters
    ----------
    params : dict
        ``variable``, ``from``, ``to``, ``antiderivative`` (text).
    kids : list
        The node's children (one node of class ``cls``).
    cls : {"CM", "BF"}
        The node's class.
    context : Context
        The parameters' region (:class:`~symrep.certificates.rules.derivations.Context`).
    here : str
        Where, for messages.
    check_child : callable
        ``check_child(node, inner_context)`` checks the child in the context with the variable added and
        returns its expression.

    Returns
    -------
    Term
        The form ``G(x, b) - G(x, a)``; the caller proves it equal to the node's expression.

    Raises
    ------
    CheckError
        Naming the step that failed (bounds, name, regularity, the derivative, the child).

    Examples
    --------
    >>> from symrep.certificates.rules.derivations import Context, check_node
    >>> from symrep.certificates.terms import text
    >>> params = {"variable": "s", "from": "1", "to": "2", "antiderivative": "-exp(-s*x)/x"}
    >>> child = {"class": "CM", "expr": "exp(-s*x)", "rule": "cm-exp", "params": {"a": "s"}}
    >>> text(integral_form(params, [child], "CM", Context({}), "here",
    ...                    lambda node, inner: check_node(node, "child", inner)))
    '(-exp((-1*2)*x))/x - (-exp((-1*1)*x))/x'
    >>> params["antiderivative"] = "-exp(-s*x)"
    >>> integral_form(params, [child], "CM", Context({}), "here", lambda node, inner: check_node(node, "child", inner))
    Traceback (most recent call last):
    ...
    symrep.certificates.errors.CheckError: here: d/ds of the antiderivative, -(exp((-s)*x)*(-x)), and the child's expression exp((-s)*x) are not proved equal
    """
    name = params["variable"]
    if (type(name) is not str or not _NAME.fullmatch(name) or name in ("x", "t") or name in context.parameters
            or name in FUNCTIONS or name in CONSTANTS or name in ("sqrt", "cbrt")):
        raise CheckError(f"{here}: the variable of integration must be a fresh name (not x, t, a function, a "
                         f"constant or a parameter), got {str(name)[:40]!r}")
    a, b = _bound(params["from"], f"{here} from"), _bound(params["to"], f"{here} to")
    if not a < b:
        raise CheckError(f"{here}: the bounds must satisfy from < to, got from = {a} and to = {b}")
    inner = type(context)({**context.parameters, name: Span(a, b, lo_closed=True, hi_closed=True)})
    G = inner.term(params["antiderivative"], f"{here} antiderivative")
    where = f"for x > 0 and {name} in [{a}, {b}]"
    if not analytic_on(G, "x", inner.open):
        raise CheckError(f"{here}: regularity: the antiderivative {_short(G)} is not proved analytic {where}, so "
                         f"it may not be C^1 in {name} (a pole, branch, jump or kink inside the interval)")
    dG = derivative(G, name)
    if not continuous_on(dG, "x", inner.open):
        raise CheckError(f"{here}: regularity: d/d{name} of the antiderivative, {_short(dG)}, is not proved "
                         f"continuous {where}")
    if len(kids) != 1 or type(kids[0]) is not dict or kids[0].get("class") != cls:
        raise CheckError(f"{here}: child 0 must be a {cls} derivation")
    g = check_child(kids[0], inner)
    if not proved_equal(dG, g, inner.domain):
        raise CheckError(f"{here}: d/d{name} of the antiderivative, {_short(dG)}, and the child's expression "
                         f"{_short(g)} are not proved equal")
    return add(substitute(G, {name: num(b)}), mul(num(-1), substitute(G, {name: num(a)})))


def _bound(source, where):
    if type(source) is not str:
        raise CheckError(f"{where}: expected a rational number as text, got {str(source)[:40]!r}")
    term = read(source, where, (), ())
    if term.op != "num":
        raise CheckError(f"{where}: the bounds of integration must be rational numbers, got {source[:40]!r}")
    return Fraction(term.value)


def _short(term):
    shown = text(term)
    return shown if len(shown) <= 200 else shown[:180] + " ..."
