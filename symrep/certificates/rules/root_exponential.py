"""The kernel's ``cm-laplace`` atom: the root-exponential family ``sum_k c_k (sqrt x)^k exp(-a sqrt x)``,
CM as the Laplace transform of a density that the certificate states and the kernel proves equal to the
family's and ``>= 0`` (A&S 29.3.82, differentiated under the integral sign in ``a``).

Examples
--------
>>> from symrep.certificates.rules.root_exponential import root_exponential
>>> callable(root_exponential)
True
"""

from fractions import Fraction

from ..derivatives import nth_derivative
from ..domains import Span, continuous_on, prove_sign
from ..errors import CheckError
from ..normal_form import Domain, proved_equal
from ..terms import HALF, add, apply, const, mul, num, power, substitute, var

__all__ = ["root_exponential"]

X = var("x")

_A = var("_a")  # the base pair's parameter: a name no certificate can use
_BASE = mul(_A, power(mul(num(2), power(const("pi"), HALF)), num(-1)), power(var("t"), num(Fraction(-3, 2))),
            apply("exp", mul(num(-1), power(_A, num(2)), power(mul(num(4), var("t")), num(-1)))))


def root_exponential(params, context, where):
    """The family ``sum_k c_k (sqrt x)^k exp(-a sqrt x)``, ``a = rate > 0``: the Laplace transform of the density
    ``sum_k c_k (-d/da)^k rho_a`` with ``rho_a(t) = a t^(-3/2) e^(-a^2/(4t)) / (2 sqrt pi)`` (A&S 29.3.82;
    differentiation under the integral sign in ``a``, by dominated convergence on compact subsets of ``a > 0``),
    which must equal the stated density and be ``>= 0`` for every ``t > 0``."""
    rate = context.constant(params["rate"], f"{where} rate")
    context.sign(rate, ">", f"{where} rate")
    coefficients = params["coefficients"]
    if type(coefficients) is not list or not 1 <= len(coefficients) <= 8:
        raise CheckError(f"{where}: coefficients must be a list of 1 to 8 numbers")
    cs = [context.constant(c, f"{where} coefficient") for c in coefficients]
    density = context.term(params["density"], f"{where} density", variables=("t",))
    pieces = [mul(c, num((-1) ** k), nth_derivative(_BASE, "_a", k)) for k, c in enumerate(cs)]
    family = substitute(add(*pieces) if len(pieces) > 1 else pieces[0], {"_a": rate})
    t_region = {"t": Span(Fraction(0), None, lo_closed=False), **context.parameters}
    t_domain = Domain(positive=["t", *context.domain.positive], nonnegative=context.domain.nonnegative)
    for term in (density, family):
        if not continuous_on(term, "t", t_region):
            raise CheckError(f"{where}: the density is not proved continuous on t > 0")
    if not proved_equal(density, family, t_domain):
        raise CheckError(f"{where}: the density is not the family's")
    prove_sign(density, t_region, ">=", f"{where}: the density must be >= 0 for t > 0")
    root = power(X, HALF)
    polynomial = [mul(c, power(root, num(k))) for k, c in enumerate(cs)]
    return mul(add(*polynomial) if len(polynomial) > 1 else polynomial[0], apply("exp", mul(num(-1), rate, root)))
