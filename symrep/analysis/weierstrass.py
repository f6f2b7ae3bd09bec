"""The Weierstrass-product route of the derivation search: products of powers of ``sech(k sqrt x)``,
``k sqrt x/sinh(k sqrt x)`` and ``tanh(k sqrt x)/(k sqrt x)`` (the kernel's atoms ``cm-sech-root``, ``cm-sinhc-root``,
``cm-tanhc-root``, :mod:`symrep.certificates.rules.weierstrass`).

By the Weierstrass products of DLMF 4.36.1 and 4.36.2 each of the three is, as a function of ``x``, a limit of
finite products of the completely monotone ``(1 + x/a_k)^(-1)`` (or of ``(1 + d/(x + a))``), and so is every
positive power of it (Schilling-Song-Vondracek, *Bernstein Functions*, 2nd ed., Cor. 1.6). So ``1/cosh(sqrt t)^2``
(``1/cosh(x)^2`` in l2), ``t/sinh(sqrt t)^2`` and the derivative ``tanh(sqrt t) sech(sqrt t)^2/sqrt t`` of
``tanh(sqrt t)^2`` (``tanh(x)`` under l2-to-l2) are CM.

The search: with ``x = u^2`` and ``w = exp(k u)`` every hyperbolic function of ``m k sqrt x`` is a rational function
of ``w``; a product of powers of rational functions of ``u`` and ``w`` whose irreducible factors are among ``u``,
``w``, ``w - 1``, ``w + 1``, ``w^2 + 1`` has an exponent vector, and it is ``C T^alpha Q^beta`` (``T = tanh(ku)/(ku)``,
``Q = ku/sinh(ku)``, ``T Q = sech(ku)``) exactly when the vector is ``alpha T + beta Q``. Then, with
``s = min(alpha, beta)``, it is ``C T^(alpha - s) sech^s Q^(beta - s)``: CM when ``alpha, beta >= 0`` and ``C > 0``.
``sinh(sqrt x)/sqrt x`` (``beta = -1``) and ``cosh(sqrt x)`` are not: they increase.

>>> import sympy
>>> from symrep.analysis.common import X
>>> weierstrass_node(1 / sympy.cosh(sympy.sqrt(X)) ** 2)["rule"]
'cm-sech-root'
>>> weierstrass_node(sympy.sinh(sympy.sqrt(X)) / sympy.sqrt(X)) is None
True
"""

import sympy

from symrep.analysis.common import X, _n, _proved_positive, _t
from symrep.certificates import CheckError
from symrep.certificates.regions import active_region

__all__ = ["weierstrass_node", "literal_node"]

_HYPERBOLIC = (sympy.sinh, sympy.cosh, sympy.tanh, sympy.sech, sympy.csch, sympy.coth)
_ROOT = sympy.sqrt(X)
#: the exponent vectors (u, w, w - 1, w + 1, w^2 + 1) of T = tanh(ku)/(ku) and Q = ku/sinh(ku), w = exp(ku)
_T, _Q = (-1, 0, 1, 1, -1), (1, 1, -1, -1, 0)


def _rate(e):
    """The rate ``k > 0`` with every hyperbolic argument of ``e`` a whole multiple of ``k sqrt x`` (a rational ``k``), or
    the one rate of a family, proved positive on its region (``cosh(c sqrt x)``); or None."""
    ratios = {sympy.cancel(h.args[0] / _ROOT) for h in e.atoms(*_HYPERBOLIC)}
    if len(ratios) == 1 and not next(iter(ratios)).is_Rational:
        k = next(iter(ratios))
        return k if not k.has(X) and _proved_positive(k) else None
    if not ratios or any(not (r.is_Rational and r > 0) for r in ratios):
        return None
    k = min(ratios)
    return k if all((r / k).is_integer for r in ratios) else None


def _vector(e, u, w, primes):
    """``e`` (in ``u`` and ``w``) as ``(C, v)``: ``e = C prod primes^v`` with a number ``C``, or None."""
    if e.is_Mul:
        out = (sympy.Integer(1), [sympy.Integer(0)] * len(primes))
        for factor in e.args:
            part = _vector(factor, u, w, primes)
            if part is None:
                return None
            out = (out[0] * part[0], [a + b for a, b in zip(out[1], part[1])])
        return out
    if e.is_Pow and not e.exp.has(u, w) and not e.exp.is_Integer:  # a rational or a parameter's power
        part = _vector(e.base, u, w, primes)
        if part is None or not part[0] > 0:
            return None
        return part[0] ** e.exp, [e.exp * a for a in part[1]]
    if not e.is_rational_function(u, w):
        return None
    numerator, denominator = sympy.fraction(sympy.cancel(e))
    top, up = sympy.factor_list(numerator, u, w)
    bottom, down = sympy.factor_list(denominator, u, w)
    coefficient, vector = top / bottom, [sympy.Integer(0)] * len(primes)
    for factor, multiplicity in up + [(f, -m) for f, m in down]:
        for sign in (1, -1):
            if sympy.expand(sign * factor) in primes:
                vector[primes.index(sympy.expand(sign * factor))] += multiplicity
                coefficient *= sign ** multiplicity
                break
        else:
            return None
    return coefficient, vector


def _exponents(e, k):
    """``(C, alpha, beta)`` with ``e = C T^alpha Q^beta`` at the rate ``k``, or None."""
    u, w = sympy.Dummy("u", positive=True), sympy.Dummy("w", positive=True)
    in_u = sympy.powdenest(sympy.expand_power_base(e.subs(X, u ** 2), force=True), force=True)
    if in_u.has(X):
        return None

    def to_w(a):
        m = sympy.cancel(a.args[0] / (k * u))
        return w ** m if m.is_Integer else a

    in_w = in_u.rewrite(sympy.exp).replace(lambda a: isinstance(a, sympy.exp), to_w)
    if in_w.has(sympy.exp, *_HYPERBOLIC):
        return None
    found = _vector(in_w, u, w, [u, w, w - 1, w + 1, w ** 2 + 1])
    if found is None:
        return None
    C, v = found
    alpha, beta = -v[4], v[1]
    if any(sympy.expand(alpha * t + beta * q - a) != 0 for t, q, a in zip(_T, _Q, v)):
        return None
    # T = (w^2 - 1)/((w^2 + 1) k u) and Q = 2 k u w/(w^2 - 1): their constants are 1/k and 2k
    C = C * k ** alpha / (2 * k) ** beta
    return sympy.nsimplify(C) if C.is_number else sympy.simplify(C), alpha, beta


def literal_node(function_text, l2):
    """``(node, text)``: ``f`` (for ``l2``, ``f(sqrt x)``) as the kernel reads the function's text, and a Weierstrass
    node whose expression is that very text; or None. SymPy splits ``(x^(1/2)/sinh(x^(1/2)))^(1/2)`` into powers
    that the kernel's normal form does not join again, so the pd-l2 transform is stated as the kernel reads it."""
    from symrep.certificates.grammar import read
    from symrep.certificates.terms import HALF, power, substitute, text, var
    from symrep.geometry.expressions import parse_expression

    if not any(name in function_text for name in ("sinh", "cosh", "tanh", "sech", "csch", "coth")):
        return None
    try:
        term = read(function_text, "f")
    except CheckError:
        return None
    literal = text(substitute(term, {"x": power(var("x"), HALF)}) if l2 else term)
    try:
        e = parse_expression(literal, ("x",))
    except Exception:  # the kernel's text that the prover's parser does not read: no literal node
        return None
    node = weierstrass_node(e.xreplace({s: X for s in e.free_symbols}), literal)
    return (node, literal) if node is not None else None


def weierstrass_node(e, expr_text=None):
    """A CM node for ``e`` (a function of the positive ``x``) as a positive multiple of a product of the kernel's
    Weierstrass atoms, checked by the kernel before it is returned; None when ``e`` is no such product. The node
    states ``e`` as ``expr_text`` when given (the kernel's own text of it)."""
    if (e.free_symbols - {X} and not active_region()) or not e.has(*_HYPERBOLIC):
        return None
    try:
        k = _rate(e)
        found = _exponents(e, k) if k is not None else None
    except (sympy.PolynomialError, ValueError, TypeError, AttributeError):  # a form SymPy cannot factor: no product
        return None
    if found is None:
        return None
    C, alpha, beta = found
    if not _proved_positive(C) or alpha == beta == 0:
        return None
    s = min(alpha, beta) if alpha.is_number and beta.is_number else alpha if alpha == beta else 0
    z = k * _ROOT
    forms = [(sympy.tanh(z) / z, "cm-tanhc-root", alpha - s), (1 / sympy.cosh(z), "cm-sech-root", s),
             (z / sympy.sinh(z), "cm-sinhc-root", beta - s)]
    if any(a != 0 and not _proved_positive(a) for _, _, a in forms):  # every power used is > 0 (on the region)
        return None
    kids = [_n("CM", form ** a, rule, {"c": _t(k), "a": _t(a)}) for form, rule, a in forms if a != 0]
    core = kids[0] if len(kids) == 1 else _n("CM", sympy.Mul(*[f ** a for f, _, a in forms]), "product", {}, kids)
    node = _n("CM", e, "scale", {"c": _t(C)}, [core]) if C != 1 else {**core, "expr": _t(e)}
    node["expr"] = expr_text or node["expr"]
    return node if active_region() or _accepted(node) else None  # a family's node: the referee checks the region


def weierstrass_times_power(e):
    """A CM node for ``e = C x^(-s) W`` with ``s >= 0`` and ``W`` a product of Weierstrass atoms (a product of CM
    functions): the slope ``sech(sqrt(x))^2/(2 sqrt(x))`` of ``tanh(sqrt(x))``; None otherwise."""
    if not e.is_Mul or e.free_symbols - {X}:
        return None
    power = sympy.Mul(*[f for f in e.args if not f.has(*_HYPERBOLIC)])
    core = weierstrass_node(sympy.Mul(*[f for f in e.args if f.has(*_HYPERBOLIC)]))
    c, rest = power.as_independent(X, as_Add=False)
    if core is None or not _proved_positive(c) or rest == 1 or not (rest.is_Pow and rest.base == X):
        return None
    s = -rest.exp
    if not (s.is_number and s >= 0):
        return None
    atom = _n("CM", rest, "cm-power", {"s": _t(s), "b": "0"})
    product = _n("CM", e / c, "product", {}, [atom, core])
    node = _n("CM", e, "scale", {"c": _t(c)}, [product]) if c != 1 else product
    return node if _accepted(node) else None


def _accepted(node):
    """The kernel's verdict on the node (the prover offers only what its checker reads: a fractional power of
    ``sinh`` is not always joined by the normal form)."""
    from symrep.certificates.fuel import tank
    from symrep.certificates.rules.derivations import Context, check_node

    try:
        with tank():
            check_node(node, "derivation", Context({}))
    except CheckError:
        return False
    return True
