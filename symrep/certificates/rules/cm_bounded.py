"""A completely monotone function is no polynomial unless it is constant: a node of a non-polynomial proof.

``{"kind": "completely-monotone", "derivation": D, "root": m, "negated": s, "a": a, "b": b}`` proves that ``g``
agrees with no polynomial on ``(0, oo)``:

* ``D`` (:mod:`~symrep.certificates.rules.derivations`) proves a term ``h`` completely monotone (CM) on
  ``(0, oo)``, or Bernstein (BF), on the whole region of the parameters;
* the normal form proves ``g(x^(1/m)) = h`` on ``(0, oo)`` (``-g(x^(1/m)) = h`` if ``negated``), both proved
  continuous there; ``m`` is 1 (the default) to 4, and 1 for a Bernstein ``h``;
* for rationals ``0 < a < b``, ``k(a^m) - k(b^m) > 0`` is proved on the whole region, with ``k = h`` for a CM
  ``h`` and ``k = h'`` for a Bernstein one (``h`` proved analytic on ``(0, oo)``, so its formal derivative is
  its derivative); or, for one rational ``a > 0`` (``slope_at``), ``k'(a^m) < 0``: a nonconstant ``k`` too, and
  a sign a family proves more easily (``-b 2^(-b-1) < 0`` where ``2^(-b) - 3^(-b) > 0`` is out of reach).

A CM function is nonnegative and nonincreasing (SSV Def 1.3), so ``0 <= h <= h(1)`` on ``[1, oo)``, and
``g(x) = +-h(x^m)`` is bounded on ``[1, oo)``. A polynomial bounded on a half-line is constant, while
``g(a) != g(b)``: so ``g`` agrees with no polynomial on ``(0, oo)``. For a Bernstein ``h = +-g``, ``h'`` is CM
(SSV Def 3.1), bounded on ``[1, oo)``: were ``g`` a polynomial, ``h'`` would be a bounded polynomial, constant,
while ``h'(a) != h'(b)``. This is the way a CM kernel such as ``besselk(0, x)``, ``exp(x^2) erfc(x)`` or
``Gamma(x + 1/2)/Gamma(x + 1)``, or a Bernstein one such as ``sqrt(x)/tanh(sqrt(x)) - 1``, is shown to be no
polynomial, where the kernel's bounds at infinity do not reach (they meet ``oo * 0``).

Examples
--------
>>> from symrep.certificates.rules.cm_bounded import check_cm_bounded
>>> from symrep.certificates.terms import text
>>> from symrep.certificates.grammar import read
>>> node = {"kind": "completely-monotone", "a": "1", "b": "2",
...         "derivation": {"class": "CM", "expr": "exp(-x)", "rule": "cm-exp", "params": {"a": "1"}}}
>>> check_cm_bounded(read("exp(-2*x)*exp(x)", "g"), node, "proof", {})
True
"""

from fractions import Fraction

from ..derivatives import derivative
from ..domains import analytic_on
from ..errors import CheckError
from ..grammar import read
from ..terms import add, mul, num, power, substitute, var
from .derivations import Context, check_node

__all__ = ["check_cm_bounded", "FIELDS", "OPTIONAL"]

FIELDS = {"derivation"}
OPTIONAL = {"root", "negated", "a", "b", "slope_at"}
X = var("x")


def check_cm_bounded(g, node, where, region):
    """Verify a ``completely-monotone`` node for ``g`` (a term in ``x``) on ``(0, oo)``; True or a CheckError."""
    m, negated = node.get("root", 1), node.get("negated", False)
    if type(m) is not int or not 1 <= m <= 4 or type(negated) is not bool:
        raise CheckError(f"{where}: 'root' is an integer 1..4 and 'negated' a boolean")
    derivation = node["derivation"]
    cls = derivation.get("class") if type(derivation) is dict else None
    if cls not in ("CM", "BF") or (cls == "BF" and m != 1):
        raise CheckError(f"{where}: the derivation must prove a CM function, or a Bernstein one with root 1 (its class "
                         f"at the root)")
    context = Context(region)
    h = check_node(derivation, f"{where}.derivation", context)
    sign = num(-1 if negated else 1)
    inner = substitute(g, {"x": power(X, num(Fraction(1, m)))}) if m > 1 else g
    named = f"{'-' if negated else ''}g{f'(x^(1/{m}))' if m > 1 else ''}"
    context.equal(mul(sign, inner), h, f"{where}: {named} = h")
    if ("slope_at" in node) == ("a" in node or "b" in node) or ("a" in node) != ("b" in node):
        raise CheckError(f"{where}: give two points 'a' < 'b', or one point 'slope_at'")
    if cls == "BF" or "slope_at" in node:  # the formal derivative is the derivative where h is analytic
        if not analytic_on(h, "x", context.open):
            raise CheckError(f"{where}: h is not proved analytic on (0, oo), so its formal derivative may lie")
    bounded = h if cls == "CM" else derivative(h, "x")  # CM: h; Bernstein: h', CM (SSV Def 3.1)
    name = "h" if cls == "CM" else "h'"
    if "slope_at" in node:  # a CM k with k'(a) < 0 is not constant
        a = _rational(node["slope_at"], f"{where} slope_at")
        if not 0 < a:
            raise CheckError(f"{where}: the point must lie in (0, oo)")
        context.sign(substitute(derivative(bounded, "x"), {"x": num(a ** m)}), "<", f"{where}: {name}'(a^m) < 0")
        return True
    a, b = (_rational(node[k], f"{where} {k}") for k in ("a", "b"))
    if not 0 < a < b:
        raise CheckError(f"{where}: the points must satisfy 0 < a < b")
    at = [substitute(bounded, {"x": num(p ** m)}) for p in (a, b)]
    context.sign(add(at[0], mul(num(-1), at[1])), ">", f"{where}: {name}(a^m) > {name}(b^m)")
    return True


def _rational(source, where):
    value = read(source, where, variables=()) if type(source) is str else None
    if value is None or value.op != "num":
        raise CheckError(f"{where}: a point is a rational, as text")
    return value.value
