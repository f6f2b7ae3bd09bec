"""Functions of user text that symrep reads in another form, the same function: SymPy's two-argument
``Heaviside(u, h0)`` and the incomplete gamma functions where they reduce to ``exp``, powers and ``erf``.

Examples
--------
>>> import sympy
>>> from symrep.geometry.reductions import heaviside
>>> x = sympy.Symbol("x", real=True)
>>> heaviside(x, sympy.Integer(0))
Heaviside(x) + sign(x)**2/2 - 1/2
"""

import sympy

from symrep.errors import ParseError

__all__ = ["heaviside", "incomplete_gamma"]


def heaviside(u, *at0):
    """``Heaviside(u)`` (value 1/2 at 0), or SymPy's ``Heaviside(u, h0)`` with the value ``h0`` at 0 (a number), read
    as ``Heaviside(u) + (h0 - 1/2) (1 - sign(u)^2)``: the same function at every real ``u`` (``1 - sign(u)^2`` is 1
    at 0 and 0 elsewhere), in the one-argument form every part of symrep reads."""
    if not at0:
        return sympy.Heaviside(u)
    h0 = at0[0]
    if not (h0.is_number and h0.is_real and h0.is_finite):
        raise ParseError(f"the value at 0 of Heaviside(u, h0) must be a real number, got {h0}")
    shift = h0 - sympy.Rational(1, 2)
    return sympy.Heaviside(u) + shift * (1 - sympy.sign(u) ** 2) if shift != 0 else sympy.Heaviside(u)


def incomplete_gamma(kind, s, x):
    """``lowergamma(s, x)``, ``uppergamma(s, x)`` where SymPy writes them with ``exp``, powers and ``erf``/``erfc``
    (``s`` a positive integer or half an odd integer: ``lowergamma(1/2, x) = sqrt(pi) erf(sqrt(x))``, DLMF 8.4)."""
    value = kind(s, x)
    if value.has(sympy.lowergamma, sympy.uppergamma, sympy.expint, sympy.Ei, sympy.E1):
        raise ParseError(f"{kind.__name__}({s}, ...) is read where it reduces to exp, powers and erf (s a positive "
                         f"integer or half an odd integer); got s = {s}")
    return value
