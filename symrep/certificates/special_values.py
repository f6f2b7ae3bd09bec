"""Exact values and recurrences of the gamma, digamma and Bessel functions under the kernel's normal form.

A mixin of :class:`~symrep.certificates.elementary.Elementary`: ``polygamma(0, n)`` at a positive integer ``n``
is ``-EulerGamma + 1 + 1/2 + ... + 1/(n - 1)`` (DLMF 5.4.12 and 5.4.14: ``psi(1) = -gamma``, ``psi(n + 1) = psi(n)
+ 1/n``), and at ``n + 1/2`` it is ``-EulerGamma - 2 log 2 + 2 (1 + 1/3 + ... + 1/(2n - 1))`` (DLMF 5.4.13, 5.4.15).
Every other ``polygamma(m, u)`` stays an opaque atom; the value is an identity, so the normal form of
``polygamma(0, x + 1) + EulerGamma`` at ``x = 0`` is 0 (the Bernstein condition ``f(0) = 0`` of ``psi(x + 1) +
gamma``). ``besseli(n, u)`` of an integer order ``n`` is written at order ``|n|`` (``I_(-n) = I_n``, DLMF 10.27.1),
and at ``u = 0`` it is ``1`` for ``n = 0`` and ``0`` otherwise (the power series DLMF 10.25.2).

Examples
--------
>>> from symrep.certificates.grammar import read
>>> from symrep.certificates.normal_form import Domain, proved_equal
>>> proved_equal(read("polygamma(0, 3)", "c"), read("3/2 - EulerGamma", "c"), Domain())
True
>>> proved_equal(read("polygamma(0, 3/2)", "c"), read("2 - EulerGamma - 2*log(2)", "c"), Domain())
True
"""

from fractions import Fraction

from flint import fmpq

from .rational_functions import ONE, nf_add, nf_const, nf_inv, nf_mul, order

__all__ = ["SpecialValues"]

#: The farthest the Bessel recurrence carries an order to its base orders.
MAX_RECURRENCE = 24
#: The largest integer argument whose digamma value is written out (a harmonic number).
MAX_HARMONIC = 200


class SpecialValues:
    """``fn_polygamma``, ``fn_besseli``, ``fn_gamma``, ``fn_besselk``; the builder supplies ``gen_nf``, ``fn_log``,
    ``fn_exp``, ``rational_power`` and ``atom``."""

    def fn_polygamma(self, order, u):
        """``psi(n) = -gamma + H_(n-1)`` and ``psi(n + 1/2) = -gamma - 2 log 2 + 2 sum_(k=1)^n 1/(2k - 1)`` for ``n`` up
        to :data:`MAX_HARMONIC`, else an atom."""
        m, q = order.constant(), u.constant()
        if m == 0 and q is not None and q.denominator in (1, 2) and 0 < q <= MAX_HARMONIC:
            n = int(q)  # q = n or n + 1/2
            if q.denominator == 1:
                harmonic = sum((Fraction(1, k) for k in range(1, n)), Fraction(0))
            else:
                harmonic = sum((Fraction(2, 2 * k - 1) for k in range(1, n + 1)), Fraction(0))
                log2 = nf_mul(nf_const(Fraction(2)), self.fn_log(nf_const(Fraction(2))))
                harmonic_nf = nf_add(nf_const(harmonic), log2, -1)
                return nf_add(harmonic_nf, self.gen_nf(("const", "EulerGamma")), -1)
            return nf_add(nf_const(harmonic), self.gen_nf(("const", "EulerGamma")), -1)
        return self.atom("polygamma", [order, u])

    def fn_besseli(self, order, u):
        """``I_(-n) = I_n`` (DLMF 10.27.1) and ``I_n(0) = [n = 0]`` (DLMF 10.25.2) for an integer ``n``, else an atom."""
        n = order.constant()
        if n is None or n.denominator != 1:
            return self.atom("besseli", [order, u])
        if u.is_zero:
            return nf_const(Fraction(1 if n == 0 else 0))
        return self.atom("besseli", [nf_const(abs(n)), u])

    def fn_gamma(self, u):
        """Exact values at positive integers and half-integers; otherwise ``Gamma(s + r + n)`` (``s`` the part
        with parameters, ``0 <= r < 1``, ``n`` an integer) as ``Gamma(s + r)`` times or over the factors of
        ``Gamma(z + 1) = z Gamma(z)`` (DLMF 5.5.1), an identity wherever both sides are defined."""
        q = u.constant()
        if q is not None and q > 0 and q.denominator in (1, 2) and q < 200:
            value, k = (Fraction(1), Fraction(1)) if q.denominator == 1 else (Fraction(1), Fraction(1, 2))
            while k < q:
                value *= k
                k += 1
            out = nf_const(value)
            return out if q.denominator == 1 else nf_mul(out, self.rational_power(self.gen_nf(("const", "pi")),
                                                                                    Fraction(1, 2)))
        c = _constant_term(u)
        n = None if c is None else c.numerator // c.denominator
        if n is None or n == 0 or abs(n) > MAX_RECURRENCE:
            return self.atom("gamma", [u])
        base = nf_add(u, nf_const(n), -1)
        out = self.fn_gamma(base)
        for j in range(min(n, 0), max(n, 0)):
            factor = nf_add(base, nf_const(j))
            out = nf_mul(out, factor if n > 0 else nf_inv(factor))
        return out

    def fn_besselk(self, order, u):
        """``K_b(u)`` in the two base orders of its class ``b + Z``: ``K_{-b} = K_b`` (DLMF 10.27.3), then the
        recurrence ``K_{m-1}(u) - K_{m+1}(u) = -(2m/u) K_m(u)`` (DLMF 10.29.1) brings ``s + r + n`` (``s`` the
        order's part with parameters, ``0 <= r < 1`` rational, ``n`` an integer) to ``s + r`` and ``s + r + 1``;
        ``K_{1/2}`` has a closed form (DLMF 10.39.2). All hold for every real order where ``u > 0``."""
        q = order.constant()
        if q is not None and abs(q) == Fraction(1, 2):  # DLMF 10.39.2, for u > 0 (where K is defined)
            pi = self.gen_nf(("const", "pi"))
            return nf_mul(self.rational_power(nf_mul(pi, nf_inv(nf_mul(nf_const(2), u))), Fraction(1, 2)),
                           self.fn_exp(nf_mul(nf_const(-1), u)))
        c = _constant_term(order)
        if c is None:
            return self.atom("besselk", [nf_mul(nf_const(-1), order) if _leading_negative(order) else order, u])
        symbolic = nf_add(order, nf_const(c), -1)
        if (_leading_negative(symbolic) if not symbolic.is_zero else c < 0):
            order, symbolic, c = nf_mul(nf_const(-1), order), nf_mul(nf_const(-1), symbolic), -c
        n = c.numerator // c.denominator
        half = symbolic.is_zero and c - n == Fraction(1, 2)  # down to K_{1/2} and K_{-1/2}: closed forms
        if n == 0 or (n == 1 and not half) or abs(n) > MAX_RECURRENCE:
            return self.atom("besselk", [order, u])
        step = -1 if n >= 1 else 1  # towards the base orders
        m = nf_add(order, nf_const(step))  # K_{m - step} = K_{m + step} - step (2m/u) K_m
        ratio = nf_mul(nf_mul(nf_const(-2 * step), m), nf_inv(u))
        return nf_add(self.fn_besselk(nf_add(m, nf_const(step)), u), nf_mul(ratio, self.fn_besselk(m, u)))


def _constant_term(nf):
    """The rational constant term of a polynomial normal form (None for a fraction)."""
    if not (nf.den is ONE or nf.den == ONE):
        return None
    c = nf.num.get((), 0)
    return Fraction(int(fmpq(c).p), int(fmpq(c).q))


def _leading_negative(nf):
    if not nf.num:
        return False
    first = min(nf.num, key=lambda m: order((m, 0)))
    return nf.num[first] < 0
