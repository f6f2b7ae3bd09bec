"""Exact values of the digamma and modified Bessel functions under the kernel's normal form.

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

from .rational_functions import nf_add, nf_const, nf_mul

__all__ = ["SpecialValues"]

#: The largest integer argument whose digamma value is written out (a harmonic number).
MAX_HARMONIC = 200


class SpecialValues:
    """``fn_polygamma``, ``fn_besseli``; the builder supplies ``gen_nf``, ``fn_log`` and ``atom``."""

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
