"""The function of a certificate, read by the kernel on its claim's domain.

``f`` is the term the certificate's text denotes, with ``x`` real. Its value at a point is the closed
term ``f`` with the point put in for ``x``, taken only where ball arithmetic proves it defined (a finite
enclosure: every logarithm's argument positive, every denominator nonzero, ...), so ``0 * z^(-1)`` with
``z`` a zero in disguise is *not* 0. ``f(0)`` follows the grammar's conventions (``0^0 = 1``,
``Heaviside(0) = 1/2``). On ``(0, oo)`` the kernel may replace a jump or a kink whose argument has a
proved sign there (``Heaviside(-x)`` by 0, ``Abs(x)`` by ``x``): :meth:`Function.on_half_line`.

Examples
--------
>>> from symrep.certificates.rules.function import Function
>>> f = Function("1 - Heaviside(-x)", "[0, oo)")
>>> from symrep.certificates.terms import text
>>> text(f.at_zero()), text(f.on_half_line())
('1 - Heaviside(-1*0)', '1 + (-1*0)')
"""

from fractions import Fraction

from flint import ctx

from ..domains import Span, prove_sign
from ..enclosures import enclose
from ..errors import CheckError
from ..grammar import read
from ..terms import HALF, ZERO, Term, add, free_names as free_names_of, mul, num, power, substitute, text

__all__ = ["Function", "defined_at", "proved_undefined", "HALF_LINE", "NEGATIVE_LINE", "claimed_function", "open_interval"]

#: ``x`` on the open half-line, where the textbook classes live.
HALF_LINE = {"x": Span(Fraction(0), None, lo_closed=False)}
NEGATIVE_LINE = {"x": Span(None, Fraction(0), hi_closed=False)}


def open_interval(width):
    """``x`` on ``(0, width)`` (``(0, oo)`` for None): the interval a non-polynomial proof speaks of."""
    return HALF_LINE if width is None else {"x": Span(Fraction(0), Fraction(width), lo_closed=False, hi_closed=False)}
#: The function each claim needs completely monotone, as a certificate names it.
_NEEDED = {"pd-l1": "f", "completely-monotone": "f", "pd-l2": "f(sqrt(x))", "bernstein": "f'", "l1-to-l1": "f'",
           "l1-to-l2sq": "f'", "l2-to-l2": "(f(sqrt(x))^2)'"}


def proved_undefined(value):
    """True if a closed term is proved undefined: some subterm is proved outside its domain (a negative power
    of 0, a root of a negative number, the logarithm of a number <= 0, an inverse sine beyond 1), by the normal
    form or by balls."""
    from ..enclosures import sign_at
    from ..normal_form import Domain, proved_equal
    from ..terms import apply, walk

    def zero(term):
        return proved_equal(term, ZERO, Domain())

    def negative(term):
        try:
            return sign_at(term, "a value", -1) == -1
        except CheckError:
            return False

    for term in walk(value):
        if term.op == "^" and term.args[1].op == "num":
            q = term.args[1].value
            if q < 0 and zero(term.args[0]):
                return True
            if q.denominator != 1 and negative(term.args[0]):
                return True
        if term.op == "log" and (zero(term.args[0]) or negative(term.args[0])):
            return True
        if (term.op == "besselk" or (term.op == "besseli" and not _whole(term.args[0]))) and (
                zero(term.args[1]) or negative(term.args[1])):
            return True
        if term.op in ("gamma", "polygamma") and zero(term.args[-1]):  # a pole
            return True
        if term.op == "tan" and zero(apply("cos", term.args[0])):
            return True
        if term.op in ("csch", "coth") and zero(term.args[0]):
            return True
        if term.op in ("asin", "acos", "atanh", "acosh"):  # |u| > 1 (atanh: >= 1), acosh: u < 1
            u = term.args[0]
            side = add(num(1), mul(num(-1), u, u)) if term.op != "acosh" else add(u, num(-1))
            if negative(side) or (term.op == "atanh" and zero(side)):
                return True
    return False


def _proved_zero(point):
    """A closed point proved 0 by the normal form (a defined one: its ball is finite)."""
    from ..enclosures import defined_closed
    from ..normal_form import Domain, proved_equal

    return not free_names_of(point) and defined_closed(point) and proved_equal(point, ZERO, Domain())


def _finite_on(value, region):
    """A finite enclosure of a term over a bounded region of parameters (so it is defined there)."""
    from ..enclosures import enclose, interval_ball

    if not all(span.bounded() for span in region.values()):
        return False
    return enclose(value, {n: interval_ball(s.lo, s.hi) for n, s in region.items()}).is_finite()


def defined_at(value, where):
    """Prove a closed term defined (a finite ball at some precision up to 8192 bits), else reject."""
    old, prec = ctx.prec, 64
    try:
        while prec <= 8192:
            ctx.prec = prec
            if enclose(value, {}).is_finite():
                return value
            prec *= 4
    finally:
        ctx.prec = old
    raise CheckError(f"{where}: {text(value)[:200]} is not proved defined (a logarithm of a number not proved "
                     f"positive, a division by a number not proved nonzero, ...)")


class Function:
    """The certificate's function: ``term`` (x real), its claim's domain, and what may be asked of it.

    An ``extension`` ``{"point": "0", "value": TEXT}`` states ``f(0)`` where ``f`` is undefined at 0 as written
    (a removable singularity): the kernel proves ``f(0)`` as written undefined (a subterm outside its
    domain there), and the value the limit of ``f`` at ``0+`` (at ``0-`` too on R) by a Taylor model
    (:mod:`~symrep.certificates.series`)."""

    def __init__(self, source, domain, parameters=(), extension=None, region=None):
        self.source, self.domain = source, domain
        self.term = read(source, "function", ("x",), parameters)
        self.region = dict(region or {})  # the parameters' spans: every fact is proved for all of them
        self.extension = None
        self.right_limit_at_0 = None  # f(0+) where the extension proved it
        if extension is not None:
            self.extension = self._extension(extension, parameters)

    def _extension(self, extension, parameters):
        from .growth import right_limit as limit_at_0
        from ..normal_form import Domain, proved_equal

        if type(extension) is not dict or set(extension) != {"point", "value"} or extension["point"] != "0":
            raise CheckError("an extension is {\"point\": \"0\", \"value\": TEXT}")
        if type(extension["value"]) is not str:
            raise CheckError("extension: the value is text")
        value = read(extension["value"], "extension value", (), parameters)
        if not proved_undefined(self.at_zero()):
            raise CheckError("the extension redefines f(0), but f(0) as written is not proved undefined")
        sides = [(self.on_half_line(), "0+")]
        if self.domain == "R":
            sides.append((substitute(_resolve(self.term, NEGATIVE_LINE), {"x": mul(num(-1), Term("var", ("x",)))}),
                          "0-"))
        domain = Domain(positive=[n for n, s in self.region.items() if s.lo is not None and s.lo >= 0 and
                                  (s.lo > 0 or not s.lo_closed)])
        for g, side in sides:
            if self.region:  # a family: the Bessel limit (DLMF 10.30.2) or N(x)/x^m; Taylor models need numbers
                from .quotient_limit import family_limit

                found = family_limit(g, {"x": Span(Fraction(0), None), **self.region})
            else:
                found = limit_at_0(g)
            if not proved_equal(found, value, domain):
                raise CheckError(f"extension: the limit of f at {side} is not proved equal to {extension['value']}")
            if side == "0+":  # proved once: the claim's f(0+) need not be expanded again (a heavy Taylor model)
                self.right_limit_at_0 = value
        return value

    def at(self, point, where):
        """``f(point)`` for a closed term ``point`` of the domain, proved defined."""
        if self.extension is not None and (point == ZERO or _proved_zero(point)):  # 1 - 1 is 0: the extension
            return self.extension
        if self.domain != "R":
            if point != ZERO:  # a family's point may be a term in its parameters: in [0, oo) on the whole region
                prove_sign(point, self.region, ">=", f"{where}: the point {text(point)} must lie in [0, oo)")
        value = substitute(self.term, {"x": point})
        if not self.region:  # Max(0, -1) is -1: jumps and kinks of closed arguments resolved by their proved signs
            return defined_at(_resolve(value, {}), f"{where}: f({text(point)})")
        from ..domains import sign_class

        if sign_class(value, self.region) is None and not _finite_on(value, self.region):
            raise CheckError(f"{where}: f({text(point)}) is not proved defined for every parameter value of the region")
        return value

    def sign(self, value, want, where):
        """Prove the sign of a value (closed, or in the parameters: for every point of the region)."""
        if not self.region:
            from ..enclosures import sign_at

            return sign_at(value, where, want)
        return prove_sign(value, self.region, {1: ">", -1: "<", 0: "!="}[want], where)

    def continuous_on_line(self):
        """Proved continuous on R: by structure, or on each open half-line with the extension at 0 (which is
        both one-sided limits, proved when it was read)."""
        from ..domains import continuous_on

        line, region = {"x": Span(None, None), **self.region}, self.region
        if continuous_on(self.term, "x", line):
            return True
        return self.extension is not None and continuous_on(self.term, "x", {**HALF_LINE, **region}) and \
            continuous_on(self.term, "x", {**NEGATIVE_LINE, **region})

    def at_zero(self):
        """``f(0)`` as written (not the extension)."""
        return substitute(self.term, {"x": ZERO})

    def on_half_line(self):
        """``f`` on ``(0, oo)``: the term with every ``Heaviside``, ``sign``, ``Abs``, ``Max`` and ``Min`` whose
        argument has a sign proved on ``x > 0`` replaced by its value there, and ``0^e`` with ``e > 0`` there by 0
        (identities on ``(0, oo)``)."""
        return _resolve(self.term, HALF_LINE)


def _resolve(term, region):
    if term.op in ("num", "var", "const"):
        return term
    args = tuple(_resolve(a, region) for a in term.args)
    term = Term(term.op, args)
    if term.op in ("Heaviside", "sign", "Abs"):
        u = args[0]
        if _sign(u, region, ">"):
            return {"Heaviside": num(1), "sign": num(1), "Abs": u}[term.op]
        if _sign(u, region, "<"):
            return {"Heaviside": ZERO, "sign": num(-1), "Abs": mul(num(-1), u)}[term.op]
    if term.op == "^" and args[0].op == "num" and args[0].value == 0 and _sign(args[1], region, ">"):
        return ZERO  # 0^e = 0 for e > 0: 1 - 0^x is 1 on (0, oo)
    if term.op in ("Max", "Min"):
        a, b = args
        difference = add(a, mul(num(-1), b))
        if _sign(difference, region, ">="):
            return a if term.op == "Max" else b
        if _sign(difference, region, "<="):
            return b if term.op == "Max" else a
    return term


def _sign(term, region, relation):
    try:
        return prove_sign(term, region, relation, "a jump's argument")
    except CheckError:
        return False


def _whole(order):
    """True for an integer literal: ``besseli`` of such an order is entire (DLMF 10.25.2)."""
    return order.op == "num" and order.value.denominator == 1


def claimed_function(claim, f, of, where):
    """The claim's ``g`` on ``(0, oo)`` as written (``f``, ``f(sqrt x)``, ``f(sqrt x)^2``; before any derivative),
    if ``of`` names the one the claim needs."""
    if _NEEDED.get(claim) != of:
        raise CheckError(f"{where}: a derivative of {of!r} does not bear on {claim}")
    g = f.on_half_line()
    if "sqrt" in of:
        g = substitute(g, {"x": power(read("x", where), HALF)})
        if claim == "l2-to-l2":
            g = power(g, num(2))
    return g
