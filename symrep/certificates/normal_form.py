"""Exact identities by a normal form, never by a simplifier.

A term is mapped to a quotient ``N/D`` of polynomials with rational coefficients in *generators*:
the variables and parameters, ``pi`` and the other constants, the imaginary unit ``I`` (with
``I^2 = -1``), and atoms. Two terms are proved equal when the numerator of their difference is the
zero polynomial. Distinct generators are treated as independent indeterminates, so a zero numerator
is an identity whatever values the generators take; a nonzero one proves nothing (balls may then prove
the terms *different*).

Generators may carry rational exponents where that is an identity: ``exp(c M)`` for a monomial ``M``
(``exp(a)*exp(b) = exp(a + b)``), ``exp(i c M)`` (from ``sin`` and ``cos``), a variable that is
positive on the domain, a prime ``p^r = exp(r log p)``, and a root ``u^r`` of a quotient ``u`` that is
not a monomial (``u^(n + r) = u^n u^r``). The rewrites, each applied only where it is an identity:

* ``sin u = (e^(iu) - e^(-iu))/(2i)``, ``cos``, ``tan``, ``sinh``, ``cosh``, ``tanh``, ``sech``, ``csch``,
  ``coth`` likewise (for real ``u``); ``erfc u = 1 - erf u``;
* ``exp(c log v) = v^c`` (``v > 0`` wherever ``log v`` is defined), ``log(exp u) = u``,
  ``log(c M) = log c + sum e_g log g`` when ``c > 0`` and every generator of ``M`` is positive wherever it
  is defined, ``log q`` of a rational as a sum over its primes;
* ``u^r`` for rational ``r`` with ``(c M)^r = c^r M^r`` when ``c > 0`` and every generator of ``M`` is ``>= 0``
  (``log u`` is when ``u = 1 + (positive terms in generators >= 0)``: ``log(1 + x)``); ``u^e`` for an
  exponent that is not a rational number as ``exp(e log u)`` only when ``u`` is proved positive on the
  whole domain from its form (positive coefficients, positive generators); otherwise it stays an atom;
* odd functions (``atan``, ``erf``, ``asinh``, ``atanh``, ``asin``, ``sign``) take the sign out of a negative
  argument, even ones (``Abs``, ``besselk`` in its order) drop it; ``besselk(1/2, u) =
  sqrt(pi/(2u)) e^(-u)`` (DLMF 10.39.2); ``gamma`` of a positive integer or half-integer.

"Proved equal" means: equal at every point of the domain where both terms are defined (each rewrite
holds wherever its left side is defined; quotients where the written denominators are nonzero).

The polynomials are sparse dictionaries with python-flint's exact rationals (``fmpq``): its own
multivariate polynomials need a fixed set of variables and integer exponents, while the kernel meets its
atoms as it reads and gives them rational exponents. Every operation is charged to the fuel.

Examples
--------
>>> from symrep.certificates.grammar import read
>>> from symrep.certificates.normal_form import Domain, proved_equal
>>> d = Domain(positive=("x",))
>>> r = lambda s: read(s, "f")
>>> proved_equal(r("cos(x)^2 + sin(x)^2"), r("1"), d)
True
>>> proved_equal(r("exp(-x)*cosh(x)"), r("(1 + exp(-2*x))/2"), d)
True
>>> proved_equal(r("cosh(1)^2 - sinh(1)^2 - 1"), r("0"), d)
True
>>> proved_equal(r("sqrt(x)^2"), r("x"), d), proved_equal(r("sqrt(x^2)"), r("x"), Domain())
(True, False)
"""

from fractions import Fraction

from flint import fmpq, fmpz

from .elementary import Elementary
from .fuel import charge
from .rational_functions import (MAX_POWER, ONE, NormalForm, NotNormal, at_least_one, mono_pow, nf_add, nf_const,
                                 nf_inv, nf_mul, nf_pow, reduced_zero)

__all__ = ["Domain", "NormalForm", "normal_form", "proved_equal", "is_zero", "NotNormal"]

_ZERO_EXP = ()


class Domain:
    """Where identities are proved: the names of variables and parameters that are positive
    (``x`` on ``(0, oo)``, ``t``, a parameter of a region ``a > 0``) or nonnegative there."""

    __slots__ = ("positive", "nonnegative")

    def __init__(self, positive=(), nonnegative=()):
        self.positive = frozenset(positive)
        self.nonnegative = frozenset(nonnegative) | self.positive


# --- the builder ------------------------------------------------------------------------------------

class _Builder(Elementary):
    """Generators are numbered per builder: a normal form is meaningful together with its builder."""

    def __init__(self, domain):
        self.domain = domain
        self.kinds, self.ids = [], {}
        self.memo = {}
        self._root_base, self._log_of = {}, {}

    def gen(self, key):
        if key not in self.ids:
            self.ids[key] = len(self.kinds)
            self.kinds.append(key)
        return self.ids[key]

    def gen_nf(self, key, exponent=Fraction(1)):
        return NormalForm({((self.gen(key), Fraction(exponent)),): fmpq(1)})

    # generators that are positive wherever they are defined
    def positive_gen(self, g):
        kind = self.kinds[g]
        if kind[0] == "exp":  # exp of a real monomial only: e^(pi e^(ix)) is no positive number (found by an attack)
            return all(self.real_gen(h) for h, _ in kind[1])
        return kind[0] in ("prime", "root") or (kind[0] == "var" and kind[1] in self.domain.positive) or \
            kind == ("const", "pi") or kind == ("const", "EulerGamma") or kind == ("const", "Catalan")

    def real_gen(self, g):
        """Real-valued wherever defined: variables, constants, primes, roots, logarithms, exp of real monomials,
        and atoms whose arguments have only such generators (an atom built from an intermediate complex normal
        form, exp(i u) say, is not)."""
        kind = self.kinds[g]
        if kind[0] in ("var", "const", "prime", "root", "log"):
            return True
        if kind[0] == "exp":
            return all(self.real_gen(h) for h, _ in kind[1])
        if kind[0] == "fn":
            return all(self.real_gen(h) for key in kind[2:] for part in key for monomial, _ in part
                       for h, _ in monomial)
        return False  # I and e^(i M)

    def nonnegative_gen(self, g):
        kind = self.kinds[g]
        return self.positive_gen(g) or (kind[0] == "var" and kind[1] in self.domain.nonnegative) or (
            kind[0] == "log" and at_least_one(self.log_of[g], self.nonnegative_gen))  # log u, u >= 1 by its shape

    def normal(self, term):
        hit = self.memo.get(term)
        if hit is not None:
            return hit
        charge(1, "computing a normal form")
        out = self._normal(term)
        out = self._reduce(out)
        self.memo[term] = out
        return out

    def _normal(self, t):
        op = t.op
        if op == "num":
            return nf_const(t.value)
        if op == "var":
            return self.gen_nf(("var", t.args[0]))
        if op == "const":
            if t.args[0] == "E":
                return self.gen_nf(("exp", _ZERO_EXP))
            return self.gen_nf(("const", t.args[0]))
        if op == "+":
            out = self.normal(t.args[0])
            for a in t.args[1:]:
                out = nf_add(out, self.normal(a))
            return out
        if op == "*":
            out = self.normal(t.args[0])
            for a in t.args[1:]:
                out = nf_mul(out, self.normal(a))
            return out
        if op == "^":
            return self.power(self.normal(t.args[0]), self.normal(t.args[1]))
        args = [self.normal(a) for a in t.args]
        return getattr(self, "fn_" + op, None)(*args) if hasattr(self, "fn_" + op) else self.atom(op, args)

    # -- reduction of I^2 = -1 and integer parts of roots --
    def _reduce(self, nf):
        if not any(self._needs(m) for part in (nf.num, nf.den) for m in part):
            return nf
        return NormalForm(*self._reduce_poly_pair(nf))

    def _needs(self, m):
        for g, e in m:
            kind = self.kinds[g]
            if kind == ("I",) and e != 1:
                return True
            if kind[0] in ("root", "prime") and not 0 < e < 1:
                return True
        return False

    def _reduce_poly_pair(self, nf):
        num = self._reduce_poly(nf.num)
        den = self._reduce_poly(nf.den)
        out = nf_mul(num, nf_inv(den))
        return out.num, out.den

    def _reduce_poly(self, poly):
        total = NormalForm({})
        for m, c in poly.items():
            factor = NormalForm({(): c})
            rest = []
            for g, e in m:
                kind = self.kinds[g]
                if kind == ("I",) and e != 1:
                    k = int(e) % 4
                    factor = nf_mul(factor, nf_const({0: 1, 1: 1, 2: -1, 3: -1}[k]))
                    if k in (1, 3):
                        rest.append((g, Fraction(1)))
                elif kind[0] in ("root", "prime") and not 0 < e < 1:
                    n = e.numerator // e.denominator
                    frac = e - n
                    base = self.root_base[g]
                    factor = nf_mul(factor, nf_pow(base, n))
                    if frac:
                        rest.append((g, frac))
                else:
                    rest.append((g, e))
            term = NormalForm({tuple(sorted(rest)): fmpq(1)})
            total = nf_add(total, nf_mul(factor, term))
        return total

    @property
    def root_base(self):
        return self._root_base

    # -- powers --
    def power(self, base, exponent):
        r = exponent.constant()
        if r is not None:
            if r.denominator == 1 and abs(r) > MAX_POWER:
                raise NotNormal(f"an integer power beyond {MAX_POWER}")
            return nf_pow(base, int(r)) if r.denominator == 1 else self.rational_power(base, r)
        if self.positive_on_domain(base):
            return self.fn_exp(nf_mul(exponent, self.fn_log(base)))
        if base.is_zero and self.positive_on_domain(exponent):  # 0^e = 0 for e > 0
            return NormalForm({})
        # u^(e + n) = u^e u^n (integer n) for u not identically 0: at a zero of u the right side is undefined or equal;
        # for u = 0 it would be the polynomial 0 where 0^(e + n) = 0^0 = 1 at e = -n (found by an attack)
        shift = exponent.num.get(()) if exponent.den == ONE and not base.is_zero else None
        n = int(Fraction(int(shift.p), int(shift.q)) // 1) if shift is not None else 0
        if n and abs(n) <= MAX_POWER:
            return nf_mul(self.atom("^", [base, nf_add(exponent, nf_const(-n))]), nf_pow(base, n))
        return self.atom("^", [base, exponent])

    def rational_power(self, base, r):
        q = base.constant()
        if q is not None:
            if q > 0:
                return self.rational_root(q, r)
            if q == 0 and r > 0:
                return NormalForm({})
            raise NotNormal(f"{q}^({r}) is not a real number")
        mono = base.monomial()
        if mono is not None and mono[0] > 0 and all(self.nonnegative_gen(g) for g, _ in mono[1]):
            c, m = mono
            return nf_mul(self.rational_root(Fraction(int(c.p), int(c.q)), r), NormalForm({mono_pow(m, r): fmpq(1)}))
        factored = self.factored(base)
        if factored is not None:  # (c prod f^e)^r = c^r prod f^(e r) when c > 0 and every factor f is positive
            content, factors = factored
            out = self.rational_root(content, r)
            for f, multiplicity in factors:
                piece = self.rational_power(f, r * multiplicity) if f.monomial() else self.root(f, r * multiplicity)
                out = nf_mul(out, piece)
            return out
        return self.root(base, r)

    def root(self, base, r):
        key = ("root", base.key())
        g = self.gen(key)
        self._root_base[g] = base
        return self._reduce(NormalForm({((g, Fraction(r)),): fmpq(1)}))

    def rational_root(self, q, r):
        """q^r for rational q > 0 and rational r, over the primes of q."""
        if r.denominator == 1:
            return nf_const(q ** int(r))
        out = NormalForm(ONE)
        for part, sign in ((q.numerator, 1), (q.denominator, -1)):
            if part == 1:
                continue
            if part > 10**40:
                raise NotNormal(f"{part} is too large to factor")
            for p, e in fmpz(part).factor():
                p = int(p)
                g = self.gen(("prime", p))
                self._root_base[g] = nf_const(p)
                out = nf_mul(out, self._reduce(NormalForm({((g, sign * int(e) * r),): fmpq(1)})))
        return out



# --- the public functions -------------------------------------------------------------------------------

def normal_form(term, domain, builder=None):
    """The normal form of ``term`` (with the builder that numbers its generators)."""
    builder = builder or _Builder(domain)
    return builder.normal(term), builder


def is_zero(term, domain):
    """True if the normal form of ``term`` is 0 (an identity); False if it is not (nothing is proved)."""
    try:
        nf, _ = normal_form(term, domain)
    except NotNormal:
        return False
    return nf.is_zero


def proved_equal(a, b, domain):
    """True if ``a = b`` at every point of the domain where both are defined, by their normal forms."""
    builder = _Builder(domain)
    try:
        left, _ = normal_form(a, domain, builder)
        right, _ = normal_form(b, domain, builder)
        return reduced_zero(nf_add(left, right, -1), builder._needs, builder._reduce_poly)
    except NotNormal:
        return False
