"""``g^2`` is a polynomial that is no square: a node of a non-polynomial proof, on the kernel.

``{"kind": "square", "polynomial": P}`` (rational coefficients, lowest degree first) proves that ``g`` agrees with
no polynomial on the interval ``(0, W)`` of the proof (``W`` finite or not): ``g`` is proved continuous there, the
normal form proves ``g^2 = P`` wherever ``g`` is defined, and ``P`` is no square of a real polynomial: its
squarefree factorisation over Q (python-flint's ``fmpq_poly.factor_squarefree``) has a factor of positive degree
and odd multiplicity, or a negative content. Were ``g = q`` a polynomial on the interval, ``q^2 = P`` there, so
everywhere (two polynomials equal on an interval are equal), and every root of ``P`` would have even multiplicity
and its leading coefficient would be positive. This settles ``sqrt(1 - x^2)`` on ``(-1, 1)``, ``sqrt(x)`` and
``cosh(3 asinh(x)) = sqrt(1 + x^2) (4 x^2 + 1)``.

Examples
--------
>>> from symrep.certificates.grammar import read
>>> from symrep.certificates.rules.square_node import check_square
>>> check_square(read("sqrt(2*x - x^2)", "g"), {"kind": "square", "polynomial": ["0", "2", "-1"]}, "proof", 2)
True
"""

from flint import fmpq, fmpq_poly

from ..domains import continuous_on
from ..errors import CheckError
from ..fuel import charge
from ..normal_form import Domain, proved_equal
from ..terms import mul
from .function import open_interval
from .polynomial_terms import poly_term, rationals

__all__ = ["check_square"]


def check_square(g, node, where, width):
    """Verify a ``square`` node for ``g`` on ``(0, width)`` (``width`` None: ``(0, oo)``); True or a CheckError."""
    P = rationals(node["polynomial"], f"{where} polynomial")
    if len(P) < 2:
        raise CheckError(f"{where}: P must have degree >= 1")
    if not continuous_on(g, "x", open_interval(width)):
        raise CheckError(f"{where}: g is not proved continuous on the interval")
    if not proved_equal(mul(g, g), poly_term(P), Domain(positive=("x",))):
        raise CheckError(f"{where}: g^2 = P is not proved")
    charge(len(P) ** 2, f"{where}: a squarefree factorisation")
    content, factors = fmpq_poly([fmpq(c.numerator, c.denominator) for c in P]).factor_squarefree()
    if not (content < 0 or any(m % 2 == 1 and f.degree() >= 1 for f, m in factors)):
        raise CheckError(f"{where}: P is a constant times a square: every factor has even multiplicity")
    return True
