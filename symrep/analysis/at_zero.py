"""The prover's reading of f at 0: the value as the kernel reads it, and a limit offered for the kernel to prove.

The prover and the checker share *definitions*, not proofs: the value of ``f`` at 0 is what the kernel's
grammar says (``0^0 = 1``, ``Heaviside(0) = 1/2``), read here with the kernel's own definition of a value
(:func:`symrep.certificates.rules.function.defined_at`), so that one reading of ``f`` is used on both sides.
Where ``f`` is undefined at 0, SymPy's ``limit`` proposes the extension (untrusted); the checker proves it
by a Taylor model or by orders of growth, or rejects the certificate.

Examples
--------
>>> import sympy
>>> from symrep.certificates.reading import XR
>>> from symrep.analysis.at_zero import value_at_0_as_the_kernel_reads_it, offered_limit
>>> value_at_0_as_the_kernel_reads_it(XR**XR)
1
>>> offered_limit(XR * sympy.log(XR), [(sympy.Symbol("x", positive=True), "+")])
0
"""

import sympy

from symrep.certificates import CheckError
from symrep.certificates.reading import XR
from symrep.errors import InputError
from symrep.geometry.expressions import expression_text, parse_expression

__all__ = ["value_at_0_as_the_kernel_reads_it", "offered_limit", "behaviour_at_0"]

_UNDEFINED = (sympy.nan, sympy.zoo, sympy.oo, -sympy.oo, sympy.AccumBounds)


def value_at_0_as_the_kernel_reads_it(real):
    """f(0) as written under the grammar's conventions (0^0 = 1, Heaviside(0) = 1/2), read by the kernel's
    definition of a value (a closed term proved defined by balls), as a SymPy number; None where undefined.
    Sharing this definition with the checker keeps one reading of f (SymPy reads x^x at 0 as nan)."""
    from symrep.certificates.rules.function import defined_at
    from symrep.certificates.grammar import read
    from symrep.certificates.terms import ZERO, substitute, text

    try:
        value = defined_at(substitute(read(expression_text(real), "f"), {"x": ZERO}), "f(0)")
        return parse_expression(text(value), ())
    except (CheckError, InputError, ValueError):
        return None


def offered_limit(real, sides):
    """The limit at 0 that SymPy finds (the same from both sides where there are two), if it is a finite real
    number without parameters; the checker decides whether it is proved (the kernel's series do it)."""
    if real.free_symbols - {XR}:
        return None
    try:
        found = [sympy.limit(real.xreplace({XR: var}), var, 0, side) for var, side in sides]
    except Exception:
        return None
    if any(v.has(*_UNDEFINED) or not v.is_extended_real or v.free_symbols for v in found):
        return None
    if len(found) == 2 and sympy.simplify(found[0] - found[1]) != 0:
        return None
    return found[0]


def behaviour_at_0(real, sides):
    """Words on how f behaves at 0 (from SymPy, for the message only)."""
    try:
        found = [sympy.limit(real.xreplace({XR: var}), var, 0, side) for var, side in sides]
    except Exception:
        return ""
    words = {sympy.oo: "it tends to oo", -sympy.oo: "it tends to -oo", sympy.zoo: "it is unbounded"}
    described = [words.get(v, "it oscillates" if isinstance(v, sympy.AccumBounds) else f"SymPy says {v}")
                 for v in found]
    return f" ({', '.join(f'at 0{side}: {d}' for (_, side), d in zip(sides, described))})"
