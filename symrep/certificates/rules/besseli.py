"""The kernel's atom for the modified Bessel function of the first kind: ``cm-besseli``.

For ``nu > -1/2`` Poisson's integral (DLMF 10.32.2) gives, at ``z > 0``,

    z^(-nu) I_nu(z) = 2^(-nu) / (sqrt(pi) Gamma(nu + 1/2)) int_0^pi e^(z cos t) (sin t)^(2 nu) dt,

with a positive constant and a positive, integrable weight (``2 nu > -1``). At ``z = a x`` with ``a > 0`` and a rate
``c >= a``,

    e^(-c x) (a x)^(-nu) I_nu(a x) = 2^(-nu) / (sqrt(pi) Gamma(nu + 1/2)) int_0^pi e^(-(c - a cos t) x) (sin t)^(2 nu) dt,

a mixture of the completely monotone (CM) ``e^(-r x)`` with rates ``r = c - a cos t >= c - a >= 0``: CM by Bernstein's
theorem (Schilling-Song-Vondracek, *Bernstein Functions*, 2nd ed., Thm 1.4; mixtures: Cor 1.6).

| rule | expr | conditions |
|---|---|---|
| ``cm-besseli`` | ``exp(-c x) (a x)^(-nu) besseli(nu, a x)`` | ``a > 0``, ``c - a >= 0``, ``nu + 1/2 > 0`` |

Each condition is needed: ``c < a`` makes the function grow like ``e^((a - c) x)/sqrt(x)`` (DLMF 10.40.1), ``a = 0``
leaves ``0^(-nu) I_nu(0)``, and ``nu <= -1/2`` has no Poisson integral (``x^(1/2) I_(-1/2)(x) = sqrt(2/pi) cosh x``
grows). The usual ways of writing the function (``exp(-x)*besseli(1, x)/x``) reach the atom through ``scale`` or
``rewrite``, or directly by the normal form, which proves the node's ``expr`` equal to this form.

Examples
--------
>>> from symrep.certificates.rules.derivations import Context, check_node
>>> from symrep.certificates.terms import text
>>> node = {"class": "CM", "expr": "exp(-x)*besseli(1, x)/x", "rule": "cm-besseli", "params": {"c": "1", "a": "1", "nu": "1"}}
>>> text(check_node(node, "derivation", Context({})))
'exp(-x)*besseli(1, x)/x'
"""

from ..terms import HALF, add, apply, mul, num, power, var

__all__ = ["RULES", "besseli_atom"]

X = var("x")
#: rule -> (classes it proves, parameter names, number of children)
RULES = {"cm-besseli": (("CM",), ("c", "a", "nu"), 0)}


def besseli_atom(c, a, nu, context, where):
    """The form ``exp(-c x) (a x)^(-nu) I_nu(a x)``, after proving ``a > 0``, ``c - a >= 0`` and ``nu + 1/2 > 0`` on the
    whole region (DLMF 10.32.2); the caller proves the form equal to the node's ``expr``."""
    context.sign(a, ">", f"{where} a")
    context.sign(add(c, mul(num(-1), a)), ">=", f"{where} c - a")
    context.sign(add(nu, HALF), ">", f"{where} nu + 1/2")
    z = mul(a, X)
    return mul(apply("exp", mul(num(-1), c, X)), power(z, mul(num(-1), nu)), apply("besseli", nu, z))
