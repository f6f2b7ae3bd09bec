"""Parameters of a function family and the assumptions on them, for the prover.

Any name in ``f`` other than ``x`` and the reserved constants is a real parameter. An assumption
is a conjunction of comparisons between one parameter and a rational number (``0 < a <= 1``,
several joined by ``&`` or given separately): a box in parameter space, read by the checker's own
reader (:func:`symrep.certificates.parametric.read_region`) so that prover and checker mean the
same region. Inside the box each parameter becomes a SymPy symbol with the sign the box implies
(``a`` positive for ``0 < a <= 1``), which is what lets ``0**a = 0`` and ``x**a`` behave; the
box itself is the *active region* (:func:`active`) that the prover's sign tests consult.

Examples
--------
>>> from symrep.analysis.parameters import parse_family
>>> family = parse_family("exp(-x^a)", ["0 < a <= 1"])
>>> family.expr, family.region, family.symbols["a"].is_positive
(exp(-x**a), '(0 < a) & (a <= 1)', True)
"""

import contextvars
from dataclasses import dataclass

import sympy

from symrep.certificates import CheckError
from symrep.certificates.parametric import prove
from symrep.certificates.regions import (MAX_PARAMETERS, Interval, active_region, read_region, region_scope, region_text,
                                        signed_symbols)
from symrep.certificates.reading import XR
from symrep.errors import InputError
from symrep.geometry.expressions import RESERVED_PARAMETER_NAMES as RESERVED
from symrep.geometry.expressions import lambda_body, parameter_symbol, parse_expression

__all__ = ["Family", "parse_family", "active", "proved_on_region", "RESERVED", "RECORDED"]

@dataclass(frozen=True)
class Family:
    """``expr`` in the real ``x`` and the parameter ``symbols`` (signed as the box implies), the box
    keyed by those symbols, and its canonical text (``"True"`` when nothing is assumed)."""

    expr: object
    symbols: dict
    box: dict
    region: str


def parse_family(f, assume=()):
    """Read ``f`` (text or SymPy expression) with its parameters, and the assumptions on them.

    Raises :class:`~symrep.errors.InputError` for an assumption that is contradictory, names a
    parameter ``f`` does not have, or is not a conjunction of comparisons with numbers.
    """
    if assume is None or not isinstance(assume, (list, tuple, set, frozenset)):
        assume = [assume] if assume is not None else []  # one condition: text, or a SymPy relation (c > 0)
    assume = [a if isinstance(a, str) else str(a) for a in assume if a is not None]
    assume = [a for a in assume if a.strip()]
    body = lambda_body(f, XR)
    expr = (parse_expression(f, ("x",), new_symbol=parameter_symbol) if isinstance(f, str)
            else body if body is not None else sympy.sympify(f))
    xs = [s for s in expr.free_symbols if s.name == "x"]
    if not isinstance(f, str) and not xs and len(expr.free_symbols) == 1:
        xs = list(expr.free_symbols)  # a SymPy expression in one symbol of another name: that is the variable
    expr = expr.xreplace({s: XR for s in xs})
    plain = {s.name: sympy.Symbol(s.name, real=True) for s in expr.free_symbols if s != XR}
    if len(plain) > MAX_PARAMETERS:
        raise InputError(f"f has {len(plain)} parameters ({', '.join(sorted(plain))}); at most {MAX_PARAMETERS} are "
                         f"supported")
    expr = expr.xreplace({s: plain[s.name] for s in expr.free_symbols if s != XR})
    box = {symbol: Interval() for symbol in plain.values()}
    if assume:
        try:
            box = read_region(" & ".join(assume), plain)
        except CheckError as exc:
            raise InputError(str(exc).replace("region ", "assumption ", 1)) from None
    signed = signed_symbols(box)
    return Family(expr.xreplace(signed), {s.name: signed[s] for s in box}, {signed[s]: i for s, i in box.items()},
                  region_text(box))


def active(box):
    """Make ``box`` the region on which the prover's sign tests, and the checker's facts it borrows,
    are proved (the checker's :func:`~symrep.certificates.regions.region_scope`)."""
    return region_scope(box)


#: Side conditions recorded, not proved, while :mod:`~symrep.analysis.classification` looks for breakpoints:
#: a list while it does, None otherwise.
RECORDED = contextvars.ContextVar("symrep_recorded_conditions", default=None)
#: Sub-boxes the prover lets ball arithmetic try per candidate fact (the checker allows more).
PROVER_PIECES = 64


def proved_on_region(value, relation):
    """``value relation 0`` proved for every point of the active region (False if there is none);
    while conditions are being recorded, the condition is noted and taken as true."""
    recorded = RECORDED.get()
    if recorded is not None and value.free_symbols:
        recorded.append((value, relation))
        return True
    box = active_region()
    if not box or not value.free_symbols or not value.free_symbols <= set(box):
        return False
    try:
        return prove(value, relation, box, "prover", max_pieces=PROVER_PIECES)
    except CheckError:
        return False
