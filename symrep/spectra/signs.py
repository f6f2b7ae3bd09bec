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
    """The spectrum with every eigenvalue in factored form (``sympy.factor``; the values are equal).

    Parameters
    ----------
    spectrum : Spectrum
        An exact spectrum (:func:`symrep.spectrum`).

    Returns
    -------
    Spectrum
        The same eigenspaces, each value factored: the Laplace kernel on l1 becomes a product over the sides.

    Examples
    --------
    >>> from symrep import spectrum
    >>> str(factored(spectrum(["a"], "exp(-x)"))[1].value)
    '(exp(a) - 1)*exp(-a)'
    """
    from symrep.spectra.eigenspaces import Eigenspace, Spectrum

    eigenspaces = [Eigenspace(spectrum.box, sympy.factor(e.value), e.pieces, e.numeric, spectrum.kernel,
                              spectrum.metric) for e in spectrum]
    return Spectrum(spectrum.box, spectrum.kernel, spectrum.metric, eigenspaces, spectrum.notes)


def proved_signs(spectrum, assume=()):
    """The sign of each eigenvalue, proved for all positive sides and all parameter values assumed.

    The proof holds for every positive value of the symbolic sides and every value of the kernel's
    parameters that ``assume`` allows; an eigenvalue whose sign is not proved is marked ``'?'``.

    Parameters
    ----------
    spectrum : Spectrum
        An exact spectrum, possibly with symbolic sides and kernel parameters.
    assume : str or sequence of str
        Conditions on the kernel's parameters, as for ``certify(..., assume=...)``.

    Returns
    -------
    dict
        Eigenspace label to ``'+'``, ``'-'``, ``'0'``, or ``'?'`` where no sign is proved (never a guess).

    Raises
    ------
    InputError
        If an assumption is unreadable, contradictory or names no parameter of the kernel.

    Examples
    --------
    >>> from symrep import spectrum
    >>> proved_signs(spectrum([1, 2], "exp(-c*x)"), "c > 0")
    {'S={}': '+', 'S={1}': '+', 'S={2}': '+', 'S={1,2}': '+'}
    """
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
