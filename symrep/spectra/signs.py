"""Symbolic spectra in factored form, and the signs of their eigenvalues proved under the sides'
assumptions (every side positive) and, for a kernel with parameters, under assumptions on them.

The Laplace kernel on l1 factors over the sides: ``lambda_S = prod_{i in S} (1 - e^{-a_i})
prod_{i not in S} (1 + e^{-a_i})``, so every eigenvalue is positive for positive sides. Signs are
proved by the checker's procedures for parameter regions (:mod:`symrep.certificates.parametric`:
structure, exact root counting, ball arithmetic on bounded regions), never by sampling; an eigenvalue
whose sign is not proved is reported as such.

Examples
--------
>>> from symrep import spectrum
>>> from symrep.spectra.signs import factored, proved_signs
>>> sp = spectrum(["a", "b"], "exp(-x)")
>>> [str(e.value) for e in factored(sp)][:2]
['(exp(a) + 1)*(exp(b) + 1)*exp(-a)*exp(-b)', '(exp(a) - 1)*(exp(b) + 1)*exp(-a)*exp(-b)']
>>> proved_signs(sp)
{'S={}': '+', 'S={1}': '+', 'S={2}': '+', 'S={1,2}': '+'}
"""

import sympy

from symrep.certificates import CheckError
from symrep.certificates.parametric import prove
from symrep.certificates.regions import Interval, read_region
from symrep.errors import InputError

__all__ = ["factored", "proved_signs"]


def factored(spectrum):
    """The spectrum with every eigenvalue in factored form (``sympy.factor``; the values are equal)."""
    from symrep.spectra.eigenspaces import Eigenspace, Spectrum

    eigenspaces = [Eigenspace(spectrum.box, sympy.factor(e.value), e.pieces, e.numeric, spectrum.kernel,
                              spectrum.metric) for e in spectrum]
    return Spectrum(spectrum.box, spectrum.kernel, spectrum.metric, eigenspaces, spectrum.notes)


def proved_signs(spectrum, assume=()):
    """``{label: '+', '-', '0' or '?'}``: the sign of each eigenvalue proved for every positive value of
    the symbolic sides and every value of the kernel's parameters that ``assume`` allows."""
    parameters = {s.name: s for s in spectrum.kernel.parameters}
    box = {s: Interval(sympy.Integer(0), sympy.oo) for s in set().union(*[a.free_symbols for a in spectrum.box.sides])}
    if parameters:
        try:
            region = read_region(" & ".join([assume] if isinstance(assume, str) else assume) or "True", parameters)
        except CheckError as exc:
            raise InputError(str(exc).replace("region ", "assumption ", 1)) from None
        box.update(region)
    out = {}
    for e in spectrum:
        value = e.value
        if value == 0:
            out[e.label] = "0"
            continue
        out[e.label] = "?"
        for candidate in (value, sympy.factor(value)):
            for sign, relation in (("+", ">"), ("-", "<")):
                try:
                    prove(candidate, relation, box, e.label)
                except CheckError:
                    continue
                out[e.label] = sign
                break
            if out[e.label] != "?":
                break
    return out
