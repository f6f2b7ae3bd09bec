"""The zero refutation: ``f`` vanishes exactly at one point of ``(0, oo)`` and not at another.

A completely monotone ``g`` on ``(0, oo)`` is a Laplace transform ``g(t) = int e^(-t s) mu(ds)`` of a
measure ``mu >= 0`` (Bernstein–Widder: Widder, *The Laplace Transform*, 1941, Thm IV.12a; Schilling,
Song, Vondraček, *Bernstein Functions*, Thm 1.4). As ``e^(-t s) > 0``, ``g(t1) = 0`` at one ``t1 > 0``
forces ``mu = 0``, so ``g = 0`` on all of ``(0, oo)``: a CM function with a zero is identically zero.
The claims read ``g = f`` (``pd-l1``, ``completely-monotone``) or ``g(t) = f(sqrt t)`` (``pd-l2``,
Schoenberg 1938); since ``sqrt`` maps ``(0, oo)`` onto itself, ``g`` has a zero at ``x1^2`` exactly when
``f`` has one at ``x1``, so the witness names two points of ``f``: ``zero`` with ``f(zero) = 0`` and
``nonzero`` with ``f(nonzero) != 0``, both proved ``> 0``. This refutes compactly supported kernels
(``Max(0, 1 - x)^nu``, Wendland's functions) and ``sin(x)^2/x^2`` in l2.

The zero is proved **exactly**, never by a ball (a ball containing 0 proves nothing: ``Max(0, 1 - x)^2 +
10^-30`` is not refuted): the value is defined (a finite ball, or by structure for every parameter value
of a family's region), the kinks and jumps of closed arguments are resolved by their proved signs
(``Max(0, -1) = 0``, ``0^nu = 0`` for ``nu > 0``) and the result is 0 by the normal form
(``sin(pi) = 0``). The nonzero value is proved by ball arithmetic (or by structure over the region).

Examples
--------
>>> from symrep.certificates.rules.function import Function
>>> from symrep.certificates.rules.zeros import check_zero
>>> check_zero("pd-l2", Function("Max(0, 1 - x)^2", "[0, oo)"), {"kind": "zero", "zero": "2", "nonzero": "1/2"})
('pd-l2', 'fails')
"""

from ..domains import sign_class
from ..errors import CheckError
from ..grammar import read
from ..normal_form import Domain, proved_equal
from ..terms import ZERO, Term, num, substitute, text

__all__ = ["check_zero", "fold_rationals", "ZERO_CLAIMS"]

#: The claims whose needed function is ``f`` or ``f(sqrt t)``, CM on ``(0, oo)``.
ZERO_CLAIMS = ("pd-l1", "pd-l2", "completely-monotone")
_MAX_EXPONENT = 64  # integer powers of rationals folded up to this exponent


def fold_rationals(term):
    """The term with every sum, product and integer power of rational literals replaced by its value
    (exact rational arithmetic: ``1 + (-1*(1/2))`` becomes ``1/2``), so that signs are read off structure."""
    if term.op in ("num", "var", "const"):
        return term
    args = tuple(fold_rationals(a) for a in term.args)
    if all(a.op == "num" for a in args):
        values = [a.value for a in args]
        if term.op == "+":
            return num(sum(values))
        if term.op == "*":
            out = values[0]
            for v in values[1:]:
                out *= v
            return num(out)
        if term.op == "^":
            base, exponent = values
            if exponent.denominator == 1 and abs(exponent) <= _MAX_EXPONENT and (base != 0 or exponent >= 0):
                return num(base ** int(exponent))
    return Term(term.op, args)


def _point(f, data, key, where):
    if type(data.get(key)) is not str:
        raise CheckError(f"{where}: {key} is text")
    point = read(data[key], f"{where} {key}", variables=())
    f.sign(point, +1, f"{where}: the {key} point {data[key]} must lie in (0, oo)")
    return point


def _value(f, point, where):
    """``f(point)``, proved defined (for every parameter value of a family's region), kinks resolved."""
    from .function import _resolve

    if not f.region:
        return fold_rationals(f.at(point, where))
    value = fold_rationals(_resolve(substitute(f.term, {"x": point}), f.region))
    if sign_class(value, f.region) is None:
        raise CheckError(f"{where}: f({text(point)}) = {text(value)[:120]} is not proved defined for every "
                         f"parameter value of the region")
    return value


def check_zero(claim, f, data):
    """Verify ``{"kind": "zero", "zero": X1, "nonzero": X2}``: ``f(X1) = 0`` exactly, ``f(X2) != 0``, both
    points in ``(0, oo)``; then the ``g`` the claim needs completely monotone has a zero without being 0."""
    where = "zero witness"
    if claim not in ZERO_CLAIMS:
        raise CheckError(f"{where}: a zero of f bears on {', '.join(ZERO_CLAIMS)}, not on {claim}")
    if type(data) is not dict or set(data) != {"kind", "zero", "nonzero"} or data["kind"] != "zero":
        raise CheckError(f"{where}: fields are kind (zero), zero, nonzero")
    zero, nonzero = _point(f, data, "zero", where), _point(f, data, "nonzero", where)
    at_zero = _value(f, zero, f"{where} f(zero)")
    positive = [n for n, s in f.region.items() if s.lo is not None and s.lo >= 0 and (s.lo > 0 or not s.lo_closed)]
    if not (at_zero == ZERO or sign_class(at_zero, f.region) == "0" or proved_equal(at_zero, ZERO, Domain(positive))):
        raise CheckError(f"{where} f(zero): f({data['zero']}) = {text(at_zero)[:120]} is not proved exactly 0")
    f.sign(_value(f, nonzero, f"{where} f(nonzero)"), 0, f"{where} f(nonzero)")
    return claim, "fails"
