"""Signs of terms over regions, and where terms are defined, continuous and analytic.

A *region* gives each variable and parameter a :class:`Span` (rational or infinite ends, each open
or closed). :func:`prove_sign` proves ``term > 0`` (``>= 0``, ``< 0``, ``<= 0``, ``!= 0``) at every point
of the region, and that the term is defined there, by the first method that applies:

1. structure: sums of terms of one sign, products, powers, ``exp`` of anything defined, ``log u`` with
   the sign of ``u - 1``, ``gamma``, ``besselk``, ``besseli`` (order > -1) at u > 0 (DLMF 5.2.1, 10.32.9, 10.25.2), the
   increasing odd functions (``atan``, ``asinh``, ``erf``, ``tanh``, ``sinh``) keeping the sign of their
   argument, and so on: each rule is a fact about the real functions;
2. a polynomial in one variable with rational coefficients: Sturm sequences count its real roots in
   the span exactly (Sturm's theorem), and one rational point gives the sign;
3. a bounded region: ball arithmetic over sub-boxes of its closure, bisected
   (:func:`~symrep.certificates.enclosures.sign_on`); a finite enclosure also proves the term defined.

:func:`analytic_on` and :func:`continuous_on` read regularity off the structure: every function is
applied where it is analytic (``log``, ``gamma``, ``besselk``, ``besseli`` and non-integer powers at positive
arguments, negative powers at nonzero ones, ``tan`` where ``cos`` is nonzero, ...), each side condition
proved on the region by :func:`prove_sign`. ``Abs``, ``Max``, ``Min`` are continuous, not analytic;
``Heaviside`` and ``sign`` are neither.

Examples
--------
>>> from fractions import Fraction
>>> from symrep.certificates.grammar import read
>>> from symrep.certificates.domains import Span, prove_sign, analytic_on
>>> region = {"x": Span(Fraction(0), None), "a": Span(Fraction(0), Fraction(1), lo_closed=False, hi_closed=True)}
>>> r = lambda s: read(s, "f", parameters=("a",))
>>> prove_sign(r("x + a"), region, ">", "x + a > 0")
True
>>> prove_sign(r("x^2 - x + 1"), {"x": Span(None, None)}, ">", "no real root")
True
>>> analytic_on(r("log(1 + x)*x^a"), "x", {**region, "x": Span(Fraction(0), None, lo_closed=False)})
True
>>> analytic_on(r("Abs(x - 1)"), "x", region)
False
"""

from dataclasses import dataclass
from fractions import Fraction

from .enclosures import defined_closed as _finite, sign_at, sign_on
from .errors import CheckError
from .fuel import charge
from .normal_form import Domain, proved_equal
from .shifts import log_class, shifted_class
from .sturm import polynomial_sign, quotient_class, univariate_polynomial, univariate_quotient  # noqa: F401
from .terms import ONE, ZERO, add, apply, free_names, mul, num, power, substitute, text

__all__ = ["Span", "prove_sign", "sign_class", "analytic_on", "continuous_on", "univariate_polynomial"]


@dataclass(frozen=True)
class Span:
    """``lo < v < hi`` with ``None`` for an infinite end; an end is included where it is closed."""

    lo: object = None
    hi: object = None
    lo_closed: bool = True
    hi_closed: bool = True

    def bounded(self):
        return self.lo is not None and self.hi is not None

    def point(self):
        """A rational point inside (its middle, or next to a finite end)."""
        if self.bounded():
            return (self.lo + self.hi) / 2
        if self.lo is not None:
            return self.lo + 1
        if self.hi is not None:
            return self.hi - 1
        return Fraction(0)


def _span_class(span):
    if span.lo == span.hi == 0:  # noqa: E701
        return "0"
    if span.lo is not None and span.lo >= 0:
        return "+" if span.lo > 0 or not span.lo_closed else "0+"
    if span.hi is not None and span.hi <= 0:
        return "-" if span.hi < 0 or not span.hi_closed else "0-"
    return "?"


_INCREASING_ODD = ("atan", "asinh", "erf", "tanh", "sinh", "sign")
_ENTIRE = ("exp", "sin", "cos", "sinh", "cosh", "tanh", "sech", "atan", "asinh", "erf", "erfc", "sinc")


def _times(a, b):
    if "0" in (a, b):
        return "0"
    if "?" in (a, b):
        return "?"
    negative = a.endswith("-") != b.endswith("-")
    weak = a.startswith("0") or b.startswith("0")
    return ("0" if weak else "") + ("-" if negative else "+")


def sign_class(term, region):
    """The sign class of a term defined on the whole region: ``+ - 0+ 0- 0`` or ``?`` (defined, sign not
    read off); None if the structure does not show that the term is defined everywhere on the region."""
    charge(1, "reading a sign off a term's structure")
    op = term.op
    if op == "num":
        v = term.value
        return "+" if v > 0 else "-" if v < 0 else "0"
    if op == "const":
        return "+"
    if op == "var":
        return _span_class(region[term.args[0]]) if term.args[0] in region else None
    args = [sign_class(a, region) for a in term.args]
    if any(a is None for a in args):
        return None
    if op == "+":
        for positive, weak in (("+", "0+"), ("-", "0-")):
            if set(args) <= {positive, weak, "0"}:
                return positive if positive in args else weak if weak in args else "0"
        if not free_names(term):  # a closed number: its sign at rising precision, if it has one
            try:
                return "+" if sign_at(term, "a closed sum") > 0 else "-"
            except CheckError:
                pass
        shifted = shifted_class(term, region, sign_class)
        return shifted if shifted is not None else _sturm_class(term, region)
    if op == "*":
        out = "+"
        for a in args:
            out = _times(out, a)
        return out
    if op == "^":
        base, exponent = args
        q = term.args[1].value if term.args[1].op == "num" else None
        if q is not None and q.denominator == 1:
            if q < 0 and base not in ("+", "-"):
                return None
            if q % 2 == 0:
                return "+" if base in ("+", "-") else "0+" if q > 0 else None
            return base
        if base == "+":
            return "+"
        if base in ("0+", "0") and ((q is not None and q > 0) or (q is None and exponent == "+")):
            return "0+"
        return None
    u = args[-1]
    if op == "exp" or op in ("cosh", "sech", "erfc"):
        return "+"
    if op in _INCREASING_ODD:
        return u
    if op in ("sin", "cos", "sinc"):
        return "?"
    if op == "log":  # log u has the sign of u - 1
        return (log_class(term.args[0], region, sign_class) or sign_class(add(term.args[0], num(-1)), region)) \
            if u == "+" else None
    if op in ("gamma", "besselk"):
        return "+" if u == "+" else None
    if op == "besseli":  # I_nu(u) > 0 for u > 0, nu > -1 or whole (DLMF 10.25.2, 10.27.1); entire for a whole nu
        nu, whole = term.args[0], _whole(term.args[0])
        return ("+" if nu.op == "num" and (whole or nu.value > -1) else "?") if u == "+" else "?" if whole else None
    if op == "polygamma":
        n = term.args[0]
        return "?" if u == "+" and n.op == "num" and n.value.denominator == 1 and n.value >= 0 else None
    if op == "Abs":
        return "+" if u in ("+", "-") else "0+"
    if op == "Heaviside":
        return "+" if u == "+" else "0+"
    if op == "Max":
        return "+" if "+" in args else "?"
    if op == "Min":
        return "+" if args == ["+", "+"] else "-" if "-" in args else "?"
    return None  # tan, coth, csch, asin, acos, acosh, atanh: their side conditions are left to balls


def _sturm_class(term, region):
    """The sign class of a sum with terms of both signs, defined on the whole region: by Sturm's theorem for a
    polynomial or quotient of polynomials in one parameter (:func:`~.sturm.quotient_class`), else ``?``."""
    for relation, cls in ((">", "+"), ("<", "-"), (">=", "0+"), ("<=", "0-")):
        if _sturm(term, region, relation):
            return cls
    names = [n for n in region if n in free_names(term)]
    return quotient_class(term, region, names[0], sign_class) if len(names) == 1 else "?"


_WANT = {">": ("+",), ">=": ("+", "0+", "0"), "<": ("-",), "<=": ("-", "0-", "0"), "!=": ("+", "-")}


def prove_sign(term, region, relation, where):
    """Prove ``term relation 0`` (``>``, ``>=``, ``<``, ``<=``, ``!=``) and that the term is defined, at every
    point of the region; return True or raise :class:`~symrep.certificates.errors.CheckError`."""
    if relation not in _WANT:
        raise CheckError(f"{where}: unknown relation {relation!r}")
    fixed = {n: num(s.lo) for n, s in region.items() if s.bounded() and s.lo == s.hi and n in free_names(term)}
    if fixed:  # a parameter whose span is one value is that value
        term, region = substitute(term, fixed), {n: s for n, s in region.items() if n not in fixed}
    found = sign_class(term, region)
    if found in _WANT[relation]:
        return True
    if found is not None and relation in (">=", "<=") and free_names(term) and proved_equal(
            term, ZERO, Domain(positive=[n for n, s in region.items() if _span_class(s) == "+"])):
        return True  # defined on the region (by its structure) and 0 wherever defined
    if not free_names(term):  # a closed number: 0 by the normal form where proved defined, or a sign by balls
        if relation in (">=", "<=") and (found is not None or _finite(term)) and proved_equal(term, ZERO, Domain()):
            return True  # (the normal form's 0 holds where the term is defined: 1 + gamma(0) - gamma(0) is not)
        sign_at(term, where, {">": 1, ">=": 1, "<": -1, "<=": -1, "!=": 0}[relation])
        return True
    if relation == "!=":
        for each in (">", "<"):
            try:
                return prove_sign(term, region, each, where)
            except CheckError:
                continue
        raise CheckError(f"{where}: could not prove that {_short(term)} is not 0 on the region")
    if found is not None and _sturm(term, region, relation):  # defined on the region (by structure) first: the
        return True  # normal form reads (x - 1)/(x - 1) as 1, undefined at 1 (found by an attack)
    names = sorted(n for n in region if n in free_names(term))  # the term's sign does not depend on the others
    if names and all(region[n].bounded() for n in names):
        want = 1 if relation in (">", ">=") else -1
        sign_on(term, {n: (region[n].lo, region[n].hi) for n in names}, want, where, strict=relation in (">", "<"))
        return True
    raise CheckError(f"{where}: could not prove {_short(term)} {relation} 0 on the region")


def _short(term):
    shown = text(term)
    return shown if len(shown) <= 200 else shown[:180] + " ..."


# --- univariate polynomials ----------------------------------------------------------------------

def _sturm(term, region, relation):
    names = [n for n in region if n in free_names(term)]
    if len(names) != 1:
        return False
    p = univariate_polynomial(term, names[0])
    return p is not None and len(p) <= 200 and polynomial_sign(p, region[names[0]], relation)


# --- regularity -----------------------------------------------------------------------------------------

def continuous_on(term, name, region, analytic=False):
    """True if the term is proved continuous (``analytic``: real analytic) in ``name`` at every point of
    the region, and defined there."""
    charge(1, "proving regularity")
    op = term.op
    if op in ("num", "const", "var"):
        return op != "var" or term.args[0] in region
    ok = lambda *parts: all(continuous_on(p, name, region, analytic) for p in parts)
    if op in ("+", "*"):
        return ok(*term.args)
    if op == "^":
        base, exponent = term.args
        q = exponent.value if exponent.op == "num" else None
        if not ok(base, exponent):
            return False
        if q is not None and q.denominator == 1:
            return q >= 0 or _holds(base, region, "!=")
        if _holds(base, region, ">"):
            return True
        positive_exponent = (q is not None and q > 0) or (q is None and _holds(exponent, region, ">"))
        return not analytic and positive_exponent and _holds(base, region, ">=")
    u = term.args[-1]
    if op in _ENTIRE:
        return ok(u)
    if op in ("Abs", "Max", "Min"):  # analytic where one branch is taken on the whole (connected) region
        if not analytic or not ok(*term.args):
            return ok(*term.args)
        gap = u if op == "Abs" else add(term.args[0], mul(num(-1), term.args[1])) if len(term.args) == 2 else None
        return gap is not None and _holds(gap, region, "!=")
    if op in ("log", "gamma", "polygamma"):
        order = term.args[0]
        whole = op != "polygamma" or (order.op == "num" and order.value.denominator == 1 and order.value >= 0)
        return ok(u) and _holds(u, region, ">") and whole
    if op in ("besselk", "besseli"):
        return ok(*term.args) and ((op == "besseli" and _whole(term.args[0])) or _holds(u, region, ">"))
    if op == "tan":
        return ok(u) and _holds(apply("cos", u), region, "!=")
    if op in ("csch", "coth"):
        return ok(u) and _holds(u, region, "!=")
    if op in ("atanh", "asin", "acos", "acosh"):  # analytic for |u| < 1 (acosh: u > 1); asin, acos, acosh continuous at the ends
        side = add(ONE, mul(num(-1), power(u, num(2)))) if op != "acosh" else add(u, num(-1))
        return ok(u) and _holds(side, region, ">" if analytic or op == "atanh" else ">=")
    return False  # Heaviside, sign: not proved


def analytic_on(term, name, region):
    """True if the term is proved real analytic in ``name`` on the region (and defined there)."""
    return continuous_on(term, name, region, analytic=True)


def _holds(term, region, relation):
    try:
        return prove_sign(term, region, relation, "a side condition")
    except CheckError:
        return False


def _whole(order):
    """True for an integer literal: ``besseli`` of such an order is entire (DLMF 10.25.2)."""
    return order.op == "num" and order.value.denominator == 1
