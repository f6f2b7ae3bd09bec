"""The rewrites of the elementary and special functions under the kernel's normal form.

A mixin of :class:`~symrep.certificates.normal_form` 's builder: ``exp`` of a sum as a product of
generators with rational exponents (``exp(c log v) = v^c``), ``log`` of a positive monomial as a sum of
logarithms, the trigonometric and hyperbolic functions through exponentials (for real arguments),
``exp(n asinh v) = (v + sqrt(v^2 + 1))^n`` (DLMF 4.37.16; so ``cosh(2 asinh x) = 1 + 2x^2``), ``erfc = 1 - erf``, ``gamma`` at positive integers and half-integers (DLMF 5.4.1, 5.4.6), ``polygamma(0, n)`` (DLMF 5.4.14),
``besselk(1/2, u) = sqrt(pi/(2u)) e^(-u)`` (DLMF 10.39.2), and opaque atoms for the rest, with the sign
taken out of an odd function's argument (and dropped from an even one's). Known values at an argument
whose normal form is 0: ``atan(0) = erf(0) = asinh(0) = sign(0) = Abs(0) = 0``, ``Heaviside(0) = 1/2``,
``sinc(0) = 1``; ``Heaviside(-u) = 1 - Heaviside(u)`` (with ``Heaviside(0) = 1/2``). Each is an identity wherever
its left side is defined.

Examples
--------
>>> from symrep.certificates.grammar import read
>>> from symrep.certificates.normal_form import Domain, proved_equal
>>> proved_equal(read("Heaviside(sin(1)^2 + cos(1)^2 - 1)", "c"), read("1/2", "c"), Domain())
True
"""

from fractions import Fraction

from flint import fmpq, fmpz

from .rational_functions import ONE, NormalForm, NotNormal, factor, nf_add, nf_const, nf_inv, nf_mul
from .special_values import SpecialValues, _leading_negative

__all__ = ["Elementary"]

#: (cos, sin) of n pi / 6, n = 0..11, each as (a, r) for a sqrt(r).
_PI_SIXTHS = [((Fraction(1), 1), (Fraction(0), 1)), ((Fraction(1, 2), 3), (Fraction(1, 2), 1)),
              ((Fraction(1, 2), 1), (Fraction(1, 2), 3)), ((Fraction(0), 1), (Fraction(1), 1)),
              ((Fraction(-1, 2), 1), (Fraction(1, 2), 3)), ((Fraction(-1, 2), 3), (Fraction(1, 2), 1)),
              ((Fraction(-1), 1), (Fraction(0), 1)), ((Fraction(-1, 2), 3), (Fraction(-1, 2), 1)),
              ((Fraction(-1, 2), 1), (Fraction(-1, 2), 3)), ((Fraction(0), 1), (Fraction(-1), 1)),
              ((Fraction(1, 2), 1), (Fraction(-1, 2), 3)), ((Fraction(1, 2), 3), (Fraction(-1, 2), 1))]
_ODD = ("atan", "erf", "asinh", "atanh", "asin", "sign")
_AT_ZERO = {"atan": 0, "erf": 0, "asinh": 0, "atanh": 0, "asin": 0, "sign": 0, "Abs": 0, "Heaviside": Fraction(1, 2), "sinc": 1}


class Elementary(SpecialValues):
    """The function rules; the builder supplies ``gen``, ``gen_nf``, ``power``, ``rational_power``,
    ``positive_gen``, ``root_base``, ``kinds``, ``_reduce`` and ``_log_of``."""

    def factored(self, base):
        """``(c, [(factor, multiplicity)])`` with ``c > 0`` rational, every factor a monomial of nonnegative
        generators or a polynomial positive on the domain, multiplicities negative for the denominator's;
        None if the base is not of that form."""
        content, out = Fraction(1), []
        for poly, sign in ((base.num, 1), (base.den, -1)):
            if poly == ONE:
                continue
            # one term c M needs no factoring; rational exponents (flint cannot factor) make one factor, if positive
            found = (next(iter(poly.values())), [({next(iter(poly)): fmpq(1)}, 1)]) if len(poly) == 1 else factor(poly) or (fmpq(1), [(poly, 1)])
            if found is None:
                return None
            c, factors = found
            content *= Fraction(int(c.p), int(c.q)) ** sign
            for f, multiplicity in factors:
                nf = NormalForm(f)
                mono = nf.monomial()
                if mono is not None:
                    if mono[0] <= 0 or not all(self.nonnegative_gen(g) for g, _ in mono[1]):
                        return None
                elif not self.positive_on_domain(nf):
                    return None
                out.append((nf, sign * multiplicity))
        return (content, out) if content > 0 else None

    def positive_on_domain(self, nf):
        """Positive on the whole domain from its form: positive coefficients, generators positive (or
        nonnegative, or real under an even integer power: ``x^2 + 1`` on R), with one term all positive, in
        numerator and denominator."""
        for poly in (nf.num, nf.den):
            if not poly or any(c <= 0 for c in poly.values()):
                return False
            if not all(self.nonnegative_gen(g) or (e.denominator == 1 and e.numerator % 2 == 0 and self.real_gen(g))
                       for m in poly for g, e in m):
                return False
            if not any(all(self.positive_gen(g) for g, _ in m) for m in poly):
                return False
        return True

    # -- exp and log --
    def fn_exp(self, u):
        u = self._reduce(u)  # I^2 = -1 first: exp(i^2 v) is exp(-v), not exp(i v) (found by an attack)
        if u.den != ONE:
            return self.atom("exp", [u])
        out = NormalForm(ONE)
        for m, c in u.num.items():
            c = Fraction(int(c.p), int(c.q))
            i_power = next((e for g, e in m if self.kinds[g] == ("I",)), None)
            if i_power is not None:
                if i_power != 1:
                    raise NotNormal("a power of i survived the reduction")
                rest = tuple((g, e) for g, e in m if self.kinds[g] != ("I",))
                out = nf_mul(out, self._reduce(NormalForm({((self.gen(("expi", rest)), c),): fmpq(1)})))
                continue
            if len(m) == 1 and m[0][1] == 1 and self.kinds[m[0][0]][0] == "log":
                target = self.log_of[m[0][0]]
                out = nf_mul(out, self.power(target, nf_const(c)))
                continue
            if len(m) == 1 and m[0][1] == 1 and c.denominator == 1 and m[0][0] in self.asinh_of:
                # exp(n asinh v) = (v + sqrt(v^2 + 1))^n for real v (DLMF 4.37.16), an integer n
                v = self.asinh_of[m[0][0]]
                root = self.rational_power(nf_add(nf_mul(v, v), nf_const(1)), Fraction(1, 2))
                out = nf_mul(out, self.power(nf_add(v, root), nf_const(c)))
                continue
            out = nf_mul(out, NormalForm({((self.gen(("exp", m)), c),): fmpq(1)}))
        return out

    @property
    def log_of(self):
        return self._log_of

    def log_gen(self, target):
        g = self.gen(("log", target.key()))
        self.log_of[g] = target
        return NormalForm({((g, Fraction(1)),): fmpq(1)})

    def fn_log(self, u):
        q = u.constant()
        ratios = {u.num[m] / u.den[m] for m in u.num} if q is None and u.num.keys() == u.den.keys() else ()
        if len(ratios) == 1:  # N = c D as polynomials: u = c wherever it is defined
            q = Fraction(int(next(iter(ratios)).p), int(next(iter(ratios)).q))
        if q is not None:
            if q <= 0:
                raise NotNormal(f"log({q}) is not a real number")
            out = NormalForm({})
            for part, sign in ((q.numerator, 1), (q.denominator, -1)):
                if part == 1:
                    continue
                if part > 10**40:
                    return self.log_gen(u)
                for p, e in fmpz(part).factor():
                    out = nf_add(out, nf_mul(nf_const(sign * int(e)), self.log_gen(nf_const(int(p)))))
            return out
        mono = u.monomial()
        if mono is not None and mono[0] > 0 and all(self.positive_gen(g) for g, _ in mono[1]):
            c, m = mono
            out = self.fn_log(nf_const(Fraction(int(c.p), int(c.q)))) if c != 1 else NormalForm({})
            for g, e in m:
                kind = self.kinds[g]
                if kind[0] == "exp":
                    piece = NormalForm({kind[1]: fmpq(1)}) if kind[1] else nf_const(1)
                elif kind[0] in ("root", "prime"):
                    piece = self.fn_log(self.root_base[g])
                else:
                    piece = self.log_gen(self.gen_nf(kind))
                out = nf_add(out, nf_mul(nf_const(e), piece))
            return out
        factored = self.factored(u)
        if factored is not None and not (factored[0] == 1 and len(factored[1]) == 1 and factored[1][0][1] == 1):
            content, factors = factored  # log(c prod f^e) = log c + sum e log f, every factor positive
            out = self.fn_log(nf_const(content)) if content != 1 else NormalForm({})
            for f, multiplicity in factors:
                out = nf_add(out, nf_mul(nf_const(multiplicity), self.fn_log(f) if f.monomial() else self.log_gen(f)))
            return out
        return self.log_gen(u)

    # -- trigonometric and hyperbolic functions through exponentials --
    def _e(self, u, imaginary):
        if imaginary:
            i = self.gen_nf(("I",))
            return self.fn_exp(self._reduce(nf_mul(i, u)))  # i * (something with i) has i^2 = -1 in it
        return self.fn_exp(u)

    def _pair(self, u, imaginary):
        exact = self._at_pi_multiple(u) if imaginary else None
        if exact is not None:
            return exact
        e = self._e(u, imaginary)
        return e, nf_inv(e)

    def _at_pi_multiple(self, u):
        """``(e^(iu), e^(-iu))`` exactly for ``u = c pi`` with ``c`` a multiple of 1/4 or 1/6: ``cos`` and ``sin`` there
        are ``0, +-1/2, +-sqrt(2)/2, +-sqrt(3)/2, +-1`` (so ``cos(pi/2) = 0`` and ``tan`` is undefined at ``pi/2``)."""
        mono = u.monomial()
        pi = self.ids.get(("const", "pi"))
        if mono is None or pi is None or mono[1] != ((pi, Fraction(1)),):
            return None
        c = Fraction(int(fmpq(mono[0]).p), int(fmpq(mono[0]).q)) % 2
        if (c * 4).denominator == 1:
            n = int(c * 4)
            if n % 2 == 0:
                cos, sin = _PI_SIXTHS[3 * n // 2]
            else:
                cos, sin = ((Fraction(1, 2), 2) if n in (1, 7) else (Fraction(-1, 2), 2)), \
                           ((Fraction(1, 2), 2) if n in (1, 3) else (Fraction(-1, 2), 2))
        elif (c * 6).denominator == 1:
            cos, sin = _PI_SIXTHS[int(c * 6)]
        else:
            return None
        cos, sin = (nf_mul(nf_const(a), self.rational_power(nf_const(r), Fraction(1, 2)) if r != 1 else nf_const(1))
                    for a, r in (cos, sin))
        i_sin = nf_mul(self.gen_nf(("I",)), sin)
        return nf_add(cos, i_sin), nf_add(cos, i_sin, -1)

    def fn_sin(self, u):
        p, m = self._pair(u, True)
        return nf_mul(nf_add(p, m, -1), nf_inv(nf_mul(nf_const(2), self.gen_nf(("I",)))))

    def fn_cos(self, u):
        p, m = self._pair(u, True)
        return nf_mul(nf_add(p, m), nf_const(Fraction(1, 2)))

    def fn_tan(self, u):
        return nf_mul(self.fn_sin(u), nf_inv(self.fn_cos(u)))

    def fn_sinh(self, u):
        p, m = self._pair(u, False)
        return nf_mul(nf_add(p, m, -1), nf_const(Fraction(1, 2)))

    def fn_cosh(self, u):
        p, m = self._pair(u, False)
        return nf_mul(nf_add(p, m), nf_const(Fraction(1, 2)))

    def fn_tanh(self, u):
        return nf_mul(self.fn_sinh(u), nf_inv(self.fn_cosh(u)))

    def fn_sech(self, u):
        return nf_inv(self.fn_cosh(u))

    def fn_csch(self, u):
        return nf_inv(self.fn_sinh(u))

    def fn_coth(self, u):
        return nf_inv(self.fn_tanh(u))

    def fn_erfc(self, u):
        return nf_add(nf_const(1), self.atom("erf", [u]), -1)

    def atom(self, name, args):
        """An opaque generator for ``name(args)``, with the sign of an odd function's argument taken out."""
        if len(args) == 1 and name in _AT_ZERO and args[0].is_zero:
            return nf_const(Fraction(_AT_ZERO[name]))
        sign = 1
        if name in _ODD and _leading_negative(args[0]):
            args, sign = [nf_mul(nf_const(-1), args[0])], -1
        elif name == "Abs" and _leading_negative(args[0]):
            args = [nf_mul(nf_const(-1), args[0])]
        elif name == "Heaviside" and _leading_negative(args[0]):  # H(-u) = 1 - H(u), at u = 0 too (H(0) = 1/2)
            return nf_add(nf_const(1), self.atom(name, [nf_mul(nf_const(-1), args[0])]), -1)
        g = self.gen(("fn", name) + tuple(a.key() for a in args))
        if name == "asinh" and self.real_gen(g):
            self.asinh_of[g] = args[0]
        return NormalForm({((g, Fraction(1)),): fmpq(sign)})

    @property
    def asinh_of(self):
        """The argument of each real ``asinh`` generator (its exponentials are algebraic: :meth:`fn_exp`)."""
        if "_asinh_of" not in self.__dict__:
            self._asinh_of = {}
        return self._asinh_of
