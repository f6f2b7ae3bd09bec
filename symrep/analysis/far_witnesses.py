"""Refutations of near misses: witnesses far out, high up, on a derivative's zero, and by log-convexity.

A function that is completely monotone up to a tiny perturbation (``exp(-x) - 10^-20 exp(-2x)``,
``exp(-x) (1 + 10^-6 x)``, ``1/(1 + x) + 10^-10 sin x``) passes every derivative sign at small orders and
moderate points. These searches run after the cheap ones have failed (they cost nothing on the common path), except
a screen of the closed forms at three points near 0 before a derivation search where ``g`` is a difference of atoms:

* **log-convexity** at the usual points (a CM ``g`` has ``g g'' - g'^2 >= 0``; one point refutes every order);
* **high orders**: where the kernel reads ``g`` as a sum of exponential, trigonometric and power atoms times
  polynomials (:mod:`symrep.certificates.closed_forms`), ``(-1)^k g^(k)(x0)`` is a closed term of a few summands
  for every ``k``: orders on a geometric ladder ``0, 1, 2, 3, 4, 8, ..., 2^24`` at points ``2^j`` from ``2^-10``
  to ``2^10``, and orders up to 3 on to ``2^60`` (about ``10^18``), screened in ball arithmetic at 256 bits (a screen only: the kernel proves the
  sign again at rising precision);
* **far out**: ``(-1)^k g^(k)`` for ``k <= 3`` by SymPy's derivatives evaluated with mpmath at 50 digits at
  points ``2^j (1, 5/4, 3/2, 7/4)`` up to ``2^40`` (``log(1 + x) - 10^-12 x^2`` is not Bernstein: ``f'(2^24) < 0``);
* **a zero of a derivative**: where ``f`` has kinks (``Max``, ``Min``, ``Abs``, ``Heaviside``), a point where
  ``(-1)^k g^(k)`` is exactly 0 while ``g`` is not constant (:mod:`symrep.certificates.rules.derivative_zeros`).

Every candidate is offered to the kernel, which decides.
"""

from fractions import Fraction

import sympy

from symrep.analysis.common import POINTS, X, _t
from symrep.certificates import DOMAINS, CheckError
from symrep.certificates.fuel import tank

__all__ = ["FarWitnessSearch", "ORDERS", "LADDER", "negative_far_out"]

#: Derivative orders tried in closed form.
ORDERS = (0, 1, 2, 3) + tuple(1 << i for i in range(2, 25))
#: Points tried in closed form: 2^j for j = -10..60 (about 10^18; orders up to 3 beyond 2^10).
LADDER = tuple(Fraction(2) ** j for j in range(-10, 61))
_NEAR_ZERO = (Fraction(1, 1024), Fraction(1, 32), Fraction(1))
_FAR = tuple(Fraction(2) ** j * m for j in range(3, 41) for m in (1, Fraction(5, 4), Fraction(3, 2), Fraction(7, 4)))
_KINKS = (sympy.Max, sympy.Min, sympy.Abs, sympy.Heaviside, sympy.sign)
_MAX_OFFERS = 4


def _reads_closed(g):
    from symrep.certificates.closed_forms import summands

    if g is None:
        return False
    try:
        with tank():
            summands(g)
        return True
    except (CheckError, RecursionError):
        return False


def _kernel_g(claim, fn_text, of):
    """The kernel's ``g`` for the claim (a term), or None where the kernel does not read it."""
    from symrep.certificates.rules.function import Function
    from symrep.certificates.rules.witnesses import needed_function

    try:
        with tank():
            return needed_function(claim, Function(fn_text, DOMAINS[claim]), of, "witness")
    except (CheckError, ValueError, RecursionError):
        return None


class FarWitnessSearch:
    """Mixin of :class:`~symrep.analysis.verdicts._Prover`: the searches above, for functions without parameters."""

    def _plain_text(self):
        from symrep.geometry.expressions import expression_text

        from symrep.certificates.reading import XR

        real = getattr(self.fn, "real", None)
        if real is None or real.free_symbols - {XR}:
            return None
        if not getattr(self.fn, "kernel_reads_extension", True):
            return None
        return expression_text(real)

    def near_misses(self, g, of):
        """The searches of this module that need no kink, cheapest first (after every other search failed)."""
        yield from self.log_convexity_witness(g, of)
        yield from self.far_witnesses(g, of)

    def early_near_misses(self, g, of):
        """Before a derivation search: where ``g`` is a difference of atoms (a sum with a term of negative sign, or a
        trigonometric term; the shape of a near miss), the closed-form ladder at points ``2^-10, 2^-5, 1`` (about 80
        small evaluations). ``1/(1 + x) - 1/(10 (1 + x)^2)`` fails at order 16 near 0, where a derivation search
        spends seconds finding nothing; a sum of CM atoms pays nothing."""
        if not g.is_Add or not any(a.could_extract_minus_sign() or a.has(sympy.sin, sympy.cos) for a in g.args):
            return
        text = self._plain_text()
        if text is None or not self.formal_derivatives_read(of):
            return
        for k, x0, form in self._closed_form_candidates(text, of, g, ladder=_NEAR_ZERO):
            answer = self._derivative_answer(k, x0, of, "in closed form (Leibniz's formula and the atoms' k-th "
                                                        "derivatives, checked by the kernel)")
            if form is not None:
                answer[2]["form"] = form
            yield answer
            return

    def log_convexity_witness(self, g, of):
        """``g g'' - g'^2 < 0`` at one of the usual points (screened at 50 digits)."""
        if self._plain_text() is None or not self.formal_derivatives_read(of):
            return
        first = sympy.diff(g, X)
        gap = g * sympy.diff(first, X) - first ** 2
        for x0 in POINTS:
            self.tick()
            try:
                value = complex(sympy.N(gap.subs(X, x0), 50))
            except (TypeError, ValueError, ZeroDivisionError):
                continue
            if value.imag == 0 and value.real < 0:
                yield ("fails", "log-convexity-witness", {"point": _t(x0), "of": of},
                       f"At x0 = {x0}, {of} times its second derivative minus the square of its first derivative is "
                       f"negative (proved by ball arithmetic): a completely monotone function is log-convex "
                       f"(Cauchy-Schwarz on its Bernstein representation), so {of} is not completely monotone and the "
                       f"claim fails through the theorem cited.")
                return

    def far_witnesses(self, g, of):
        """Derivative witnesses of high order (closed forms) and far out (mpmath), best first."""
        text = self._plain_text()
        if text is None or not self.formal_derivatives_read(of):
            return
        offered = 0
        for k, x0, form in self._closed_form_candidates(text, of, g):
            offered += 1
            answer = self._derivative_answer(k, x0, of, "in closed form (Leibniz's formula and the atoms' k-th "
                                                        "derivatives, checked by the kernel)")
            if form is not None:
                answer[2]["form"] = form
            yield answer
            if offered >= _MAX_OFFERS:
                return
        for k, x0 in self._far_candidates(g):
            offered += 1
            yield self._derivative_answer(k, x0, of, "far from 0")
            if offered >= 2 * _MAX_OFFERS:
                return

    def _derivative_answer(self, k, x0, of, how):
        return ("fails", "derivative-witness", {"order": k, "point": _t(sympy.Rational(x0.numerator, x0.denominator)),
                                                "of": of},
                f"(-1)^{k} times the {k}-th derivative of {of} at {x0} is negative ({how}; the sign proved by ball "
                f"arithmetic), so {of} is not completely monotone; the claim fails through the theorem cited.")

    def _closed_form_candidates(self, text, of, g_sympy, ladder=None):
        """``(k, x0, form)`` where the screen finds ``(-1)^k g^(k)(x0) < 0``: ``g`` is the kernel's own when it reads as
        a sum of atoms, else SymPy's ``g`` (``f(sqrt t)`` simplified) stated as ``form`` for the kernel to prove
        equal. High orders at points up to ``2^10``, orders up to 3 beyond (high derivatives far out are tiny)."""
        from flint import ctx

        from symrep.certificates.closed_forms import kth_derivative_at
        from symrep.certificates.enclosures import enclose
        from symrep.certificates.grammar import read
        from symrep.certificates.terms import num

        g, form = _kernel_g(self.claim, text, of), None
        if not _reads_closed(g):
            form = _t(g_sympy)
            try:
                g = read(form, "form")
            except (CheckError, ValueError, RecursionError):
                return
            if not _reads_closed(g):
                return  # not a sum of atoms: no order reads in closed form
        old = ctx.prec
        try:
            for x0 in ladder or LADDER:
                for k in ORDERS if x0 <= 1024 else ORDERS[:4]:
                    self.tick()
                    try:
                        with tank():
                            ctx.prec = 256
                            value = kth_derivative_at(g, k, num(x0))
                            ball = (-1) ** k * enclose(value, {})
                    except CheckError:
                        continue
                    finally:
                        ctx.prec = old
                    if ball.is_finite() and ball < 0:
                        yield k, x0, form
                        break
        finally:
            ctx.prec = old

    def _far_candidates(self, g):
        import mpmath

        derivatives, d = [], g
        for k in range(4):
            try:
                derivatives.append((k, sympy.lambdify(X, (-1) ** k * d, "mpmath")))
            except Exception:  # noqa: BLE001 - SymPy cannot print it for mpmath: no screen
                return
            d = sympy.diff(d, X)
        with mpmath.workdps(50):
            for x0 in _FAR:
                self.tick()
                for k, fn in derivatives:
                    try:
                        value = fn(mpmath.mpf(x0.numerator) / x0.denominator)
                    except (TypeError, ValueError, ZeroDivisionError, OverflowError):
                        continue
                    if isinstance(value, mpmath.mpf) and value < 0:
                        yield k, x0
                        break

    def derivative_zero_witness(self, of):
        """``(-1)^k g^(k)`` exactly 0 at a point where ``f`` is locally smooth, ``g`` not 0 (``k = 0``) or not
        constant (``k >= 1``); for ``f`` with kinks only."""
        from symrep.certificates.rules.derivative_zeros import local_derivative
        from symrep.certificates.rules.function import Function
        from symrep.certificates.rules.zeros import fold_rationals
        from symrep.certificates.enclosures import sign_at
        from symrep.certificates.terms import ZERO, add, mul, num

        text = self._plain_text()
        if text is None or not self.f.has(*_KINKS):
            return None
        squared = "sqrt" in of
        points = [p * p if squared else p for p in _candidate_points(self.f)]
        try:
            with tank():
                f = Function(text, DOMAINS[self.claim])
                for k in range(3):
                    for p in points:
                        self.tick()
                        try:
                            value = fold_rationals(local_derivative(f, self.claim, of, p, p / 4, k, "zero"))
                        except CheckError:
                            continue
                        if value != ZERO:
                            continue
                        others = [q * q if squared else q for q in (Fraction(1, 4), Fraction(1, 2), Fraction(1), 2)]
                        values = {}
                        for q in others:
                            try:
                                values[q] = local_derivative(f, self.claim, of, q, min(p / 4, q / 2), 0, "zero")
                            except CheckError:
                                pass
                        pair = _unequal(values, k, sign_at, add, mul, num)
                        if pair is None:
                            continue
                        data = {"kind": "zero", "order": k, "point": str(p), "radius": str(p / 4), "of": of}
                        data.update({"nonzero": str(pair[0])} if k == 0 else {"unequal": [str(q) for q in pair]})
                        return ("fails", "derivative-witness", data,
                                f"(-1)^{k} times the {k}-th derivative of {of} is exactly 0 at {p} (f has no kink "
                                f"within {p / 4} of it), but {of} is {'not 0' if k == 0 else 'not constant'}: a "
                                f"completely monotone function with a zero is 0 (Bernstein's theorem), so {of} would "
                                f"be {'0' if k == 0 else 'a polynomial, bounded, hence constant'}; the claim fails.")
        except CheckError:
            return None
        return None


def _unequal(values, k, sign_at, add, mul, num):
    """Two points with different values (``k >= 1``), or one with a nonzero value (``k = 0``), proved by balls."""
    items = list(values.items())
    for i, (p, a) in enumerate(items):
        if k == 0:
            try:
                sign_at(a, "screen")
                return (p,)
            except CheckError:
                continue
        for q, b in items[i + 1:]:
            try:
                sign_at(add(a, mul(num(-1), b)), "screen")
                return p, q
            except CheckError:
                continue
    return None


def _candidate_points(f):
    """Rational points of ``(0, oo)`` past the kinks of ``f`` (a linear argument's root ``r``: ``2 r``, ``r + 1``),
    then ``2, 4, 8``."""
    points = []
    for atom in f.atoms(*_KINKS):
        args = (atom.args[0] - atom.args[1],) if isinstance(atom, (sympy.Max, sympy.Min)) else atom.args[:1]
        for u in args:
            if u.free_symbols != {X} or not u.is_polynomial(X) or sympy.degree(u, X) != 1:
                continue
            root = sympy.solve(u, X)
            if len(root) == 1 and root[0].is_Rational and root[0] > 0:
                r = Fraction(int(root[0].p), int(root[0].q))
                points += [2 * r, r + 1]
    return list(dict.fromkeys(points + [Fraction(2), Fraction(4), Fraction(8)]))


def negative_far_out(g, point=sympy.Integer(2) ** 30):
    """True when ``(-1)^k g^(k)`` (``k <= 2``) at ``2^30`` comes out negative at 30 and at 60 digits (mpmath), the values
    agreeing to 10 digits (so it is no rounding noise around 0): a derivation of ``g`` as CM cannot exist, and the
    search skips it (``sqrt(x) + 10^-8 x^2`` and ``x^(1/3) + 10^-10 x^2`` are not Bernstein, which shows only far
    out, and their derivation search never ends). Asked only where ``g`` has a coefficient below ``10^-4`` or above
    ``10^4`` in size (a near miss; the common path pays nothing). An ordering of the search only, never a proof."""
    if g.free_symbols - {X} or not _tiny_coefficient(g):
        return False
    import mpmath

    try:
        first = sympy.diff(g, X)
        fn = sympy.lambdify(X, [g, -first, sympy.diff(first, X)], "mpmath")
        values = []
        for digits in (30, 60):
            with mpmath.workdps(digits):
                values.append(fn(mpmath.mpf(int(point))))
    except Exception:  # noqa: BLE001 - SymPy cannot print it for mpmath, or mpmath cannot evaluate it: no answer
        return False
    for low, high in zip(*values):
        if isinstance(low, mpmath.mpf) and isinstance(high, mpmath.mpf) and low < 0 and high < 0 and \
                abs(low - high) <= abs(high) * mpmath.mpf(10) ** -10:
            return True
    return False


def _tiny_coefficient(g):
    return any(n != 0 and not (sympy.Rational(1, 10 ** 4) <= abs(n) <= 10 ** 4) for n in g.atoms(sympy.Number))


def closed_witness_value(cert):
    """``(-1)^k g^(k)(x0)`` of a derivative witness as the kernel computes it in closed form: ``(text, ball)``, the
    closed term and an enclosure at 256 bits (for people; the checker has proved the sign), or None where the
    kernel does not read it in closed form."""
    from flint import ctx

    from symrep.certificates.closed_forms import kth_derivative_at
    from symrep.certificates.enclosures import enclose
    from symrep.certificates.grammar import read
    from symrep.certificates.terms import mul, num, text

    data = cert["data"]
    k = data["order"]
    try:
        with tank():
            g = read(data["form"], "form") if "form" in data else _kernel_g(cert["claim"], cert["function"], data["of"])
            if g is None:
                return None
            value = mul(num((-1) ** k), kth_derivative_at(g, k, read(data["point"], "x0", variables=())))
            old, ctx.prec = ctx.prec, 256
            try:
                ball = enclose(value, {})
            finally:
                ctx.prec = old
    except (CheckError, ValueError, RecursionError):
        return None
    return text(value), ball.str(6, radius=False)


def zero_witness_lines(data):
    """The decisive facts of a derivative zero witness, as short lines."""
    k, p, r = data["order"], data["point"], data["radius"]
    lines = [f"(-1)^{k} g^({k})({p}) = 0 exactly, g = {data['of']} (its kinks resolved on [{p} - {r}, {p} + {r}])"]
    if k == 0:
        lines.append(f"g({data['nonzero']}) != 0: a CM function with a zero is 0")
    else:
        lines.append(f"g({data['unequal'][0]}) != g({data['unequal'][1]}): a CM g with (-1)^{k} g^({k}) = 0 at one point "
                     f"is a polynomial, bounded, hence constant")
    return lines
