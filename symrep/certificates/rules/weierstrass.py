"""The kernel's Weierstrass-product atoms: powers of ``sech``, ``z/sinh z`` and ``tanh z/z`` at ``z = c sqrt x``.

With ``t = z^2`` the Weierstrass products of DLMF 4.36.1 and 4.36.2,

    sinh z / z = prod_(k>=1) (1 + z^2/(k^2 pi^2)),     cosh z = prod_(k>=1) (1 + 4 z^2/((2k - 1)^2 pi^2)),

make ``t -> sech(sqrt t)`` and ``t -> sqrt(t)/sinh(sqrt t)`` limits of finite products of the completely
monotone (CM) functions ``(1 + t/a_k)^(-1)``, ``a_k > 0``. For every ``a > 0`` each factor's power
``(1 + t/a_k)^(-a)`` is CM (``cm-power`` scaled), finite products of CM functions are CM and so are their
pointwise limits (Schilling-Song-Vondracek, *Bernstein Functions*, 2nd ed., Cor. 1.6). Hence, for ``c > 0``
and ``a > 0`` (``t = c^2 x``: a positive scale of the variable keeps CM):

| rule | expr | product |
|---|---|---|
| ``cm-sech-root`` | ``cosh(c sqrt x)^(-a)`` or ``sech(c sqrt x)^a`` | ``prod_k (1 + 4 c^2 x/((2k - 1)^2 pi^2))^(-a)`` |
| ``cm-sinhc-root`` | ``(c sqrt x)^a sinh(c sqrt x)^(-a)`` or ``(c sqrt x/sinh(c sqrt x))^a`` | ``prod_k (1 + c^2 x/(k^2 pi^2))^(-a)`` |
| ``cm-tanhc-root`` | ``tanh(c sqrt x)^a (c sqrt x)^(-a)`` or ``(tanh(c sqrt x)/(c sqrt x))^a`` | ``prod_k ((1 + c^2 x/b_k)/(1 + c^2 x/a_k))^a``, ``a_k = ((k - 1/2) pi)^2 < b_k = (k pi)^2`` |

For the last, ``tanh z/z = (sinh z/z)/cosh z`` and each factor is ``(a_k/b_k)^a exp(a log(1 + (b_k - a_k)/(c^2 x + a_k)))``:
``log(1 + d/y)`` is CM (``cm-log-ratio``) after the Bernstein ``y = c^2 x + a_k`` (SSV Thm 3.7), and ``exp`` of a CM
function is CM. The reciprocals (``cosh(sqrt x)``, ``sinh(sqrt x)/sqrt x``) are *not* CM (they increase), and
``c = 0`` or ``a <= 0`` are refused; ``1/cos(sqrt x)`` (the products with a minus sign) has poles and is no atom.

Examples
--------
>>> from symrep.certificates.rules.derivations import Context, check_node
>>> from symrep.certificates.terms import text
>>> node = {"class": "CM", "expr": "1/cosh(sqrt(x))^2", "rule": "cm-sech-root", "params": {"c": "1", "a": "2"}}
>>> text(check_node(node, "derivation", Context({})))
'1/cosh(x^(1/2))^2'
"""

from ..normal_form import proved_equal
from ..terms import HALF, apply, mul, num, power, var

__all__ = ["RULES", "weierstrass_atom"]

X = var("x")
#: the atoms, each proving CM from the parameters ``c`` and ``a``
RULES = ("cm-sech-root", "cm-sinhc-root", "cm-tanhc-root")


def weierstrass_atom(rule, c, a, expr, context, where):
    """The form of the atom ``rule`` with rate ``c`` and power ``a`` (terms), after proving ``c > 0`` and ``a > 0``
    on the whole region: written as a product of powers, or as one power of a quotient, whichever the normal form
    proves equal to ``expr`` (for ``x > 0``, ``z = c sqrt x``, ``sinh z``, ``tanh z`` and ``cosh z`` are positive, so
    ``(A/B)^a = A^a B^(-a)``); the caller proves the form equal to ``expr``."""
    context.sign(c, ">", f"{where} c")
    context.sign(a, ">", f"{where} a")
    z, minus_a = mul(c, power(X, HALF)), mul(num(-1), a)
    if rule == "cm-sech-root":
        forms = (power(apply("cosh", z), minus_a), power(apply("sech", z), a))
    elif rule == "cm-sinhc-root":
        forms = (mul(power(z, a), power(apply("sinh", z), minus_a)), power(mul(z, power(apply("sinh", z), num(-1))), a))
    else:
        forms = (mul(power(apply("tanh", z), a), power(z, minus_a)), power(mul(apply("tanh", z), power(z, num(-1))), a))
    return next((form for form in forms if proved_equal(expr, form, context.domain)), forms[0])
