"""Witness searches: small boxes found numerically (FWHT) and proved exactly, negative values,
triangle violations and derivative signs, each sign proved by ball arithmetic.
"""

from itertools import combinations_with_replacement, product

import numpy as np
import sympy

from symrep.analysis.balls import prove_sign
from symrep.analysis.common import GRID, POINTS, X, _numeric, _t
from symrep.analysis.family_points import _region_samples, _parametric_points, _negative_at, _kernel_negative, _kernel_form_at, _kernel_form
from symrep.analysis.parameters import proved_on_region
from symrep.certificates import CheckError
from symrep.certificates.exact import nonzero
from symrep.certificates.limits import vanishes_at_0
from symrep.certificates.regions import active_region, sample_point
from symrep.certificates.witnesses import derivative_function

__all__ = ["box_eigenvalue"]


class WitnessSearch:
    """Mixin of :class:`~symrep.analysis.verdicts._Prover`: refutations on boxes and at points."""

    def box_witness(self, metric, square, negative_type):
        """Smallest box (by dimension) whose eigenvalue refutes the claim, proved exactly."""
        kernel = self.f ** 2 if square else self.f
        at0 = self.f0 ** 2 if square else self.f0
        kind = "not-negative-type" if negative_type else "not-psd"
        # a family on a bounded region: search at the region's middle, prove the sign on all of it
        middle = _region_middle(kernel.free_symbols - {X})
        if middle is None:
            return None
        numeric = _numeric_kernel(kernel.xreplace(middle), sympy.sympify(at0).xreplace(middle))
        if numeric is None:
            return None
        for sides in _boxes():
            self.tick()
            values = _numeric_box_spectrum(numeric, [float(s) for s in sides], metric)
            if values is None:
                continue
            scale = max(1.0, float(np.max(np.abs(values))))
            order = np.argsort(-values if negative_type else values)
            for mask in order[:3]:
                mask = int(mask)
                if negative_type and mask == 0:
                    continue
                lam = values[mask]
                if (negative_type and lam <= 1e-9 * scale) or (not negative_type and lam >= -1e-9 * scale):
                    break
                exact = box_eigenvalue(kernel, sides, mask, metric, at0=at0)
                if _proved_sign(exact, 1 if negative_type else -1, self.deadline):
                    subset = [i + 1 for i in range(len(sides)) if mask >> i & 1]
                    data = {"sides": [_t(s) for s in sides], "subset": subset, "metric": metric,
                            "transform": "square" if square else "identity", "kind": kind}
                    what = ("c^T M c = 2^d lambda_S < 0 for the character c = chi_S, so the matrix is not PSD"
                            if not negative_type else
                            "sum(c) = 0 and c^T M c = 2^d lambda_S > 0 for c = chi_S, so the values are not of "
                            "negative type (hence neither l1 nor squared Euclidean)")
                    return ("fails", "box-witness", data,
                            f"On the {len(sides)}-dimensional box with sides {', '.join(map(str, sides))} "
                            f"({metric}{', f squared' if square else ''}), the eigenvalue lambda_S for "
                            f"S = {set(subset) or '{}'} is {'positive' if negative_type else 'negative'} "
                            f"(proved by ball arithmetic): {what}.")
        return None

    def negative_value(self, g):
        for x0 in POINTS[:4] if g.free_symbols - {X} else POINTS:
            self.tick()
            try:
                value = g.subs(X, x0)
            except (ValueError, TypeError):  # SymPy cannot form Max(a, b) of numbers it cannot compare
                continue
            if _negative(value, self.deadline):
                data = {"kind": "negative", "point": _t(x0)}
                return ("fails", "value-witness", data,
                        f"f({x0}) < 0 (proved by ball arithmetic), impossible for a distance "
                        f"and for a completely monotone or Bernstein function.")
        return None

    def zero_witness(self):
        """``f(x1) = 0`` exactly and ``f(x2) != 0`` at two points of ``(0, oo)``: a completely monotone function
        with a zero is identically 0 (Bernstein–Widder), and so is ``f(sqrt t)`` with a zero at ``x1^2``
        (compactly supported kernels, ``sin(x)^2/x^2``). Only an exact zero is offered (SymPy's value is 0
        as formed); the kernel proves it again exactly."""
        zero = next((x1 for x1 in _zero_points(self.f) if _exactly_zero(self.f, x1, self.tick)), None)
        if zero is None:
            return None
        nonzero = next((x2 for x2 in POINTS if _maybe_nonzero(self.f, x2, self.tick)), None)
        if nonzero is None:
            return None
        what = "f(sqrt t)" if self.claim == "pd-l2" else "f"
        return ("fails", "value-witness", {"kind": "zero", "zero": _t(zero), "nonzero": _t(nonzero)},
                f"f({zero}) = 0 exactly but f({nonzero}) is not 0 (proved by ball arithmetic). A completely monotone "
                f"function is a Laplace transform of a nonnegative measure (Bernstein–Widder), so one zero in "
                f"(0, oo) makes it identically 0; {what} has a zero without being 0, so it is not completely "
                f"monotone and the claim fails through the theorem cited.")

    def triangle_witness(self):
        for a, b in product(POINTS[:5], repeat=2):
            self.tick()
            gap = self.f.subs(X, a + b) - self.f.subs(X, a) - self.f.subs(X, b)
            if _numeric(gap) > 0:
                proof = prove_sign(gap, deadline=self.deadline)
                if proof is not None and proof.sign > 0:
                    return ("fails", "triangle-witness", {"a": _t(a), "b": _t(b)},
                            f"f({a + b}) > f({a}) + f({b}) (proved by ball arithmetic): the points 0, {a}, {a + b} "
                            f"on a line violate the triangle inequality after the transform.")
        return None

    def formal_derivatives_read(self, of):
        """Whether the checker reads the formal derivatives of the ``g`` named ``of``: ``g`` proved analytic on
        (0, oo), by the kernel (or by the SymPy-based checker, which reads what the kernel does not yet). A
        derivative or flat-start witness is offered only then: the checker rejects one on a ``g`` it does not
        see analytic (``Max(sin(x), 1)``), and a witness the checker cannot read is no refutation."""
        from symrep.certificates import DOMAINS
        from symrep.certificates.exact import continuous
        from symrep.certificates.fuel import tank
        from symrep.certificates.reading import XP
        from symrep.certificates.rules.function import Function as KernelFunction
        from symrep.certificates.rules.witnesses import needed_function
        from symrep.geometry.expressions import expression_text

        real = getattr(self.fn, "real", None)
        if real is None or len(real.free_symbols) > 1:
            return True  # a family: read with its region by the checker, not pre-judged here
        if getattr(self.fn, "kernel_reads_extension", True):  # else the kernel rejects any certificate of f
            try:
                with tank():
                    needed_function(self.claim, KernelFunction(expression_text(real), DOMAINS[self.claim]), of,
                                    "witness")
                return True
            except CheckError:
                pass
        base = self.fn.pos.subs(XP, sympy.sqrt(XP)) ** (2 if self.claim == "l2-to-l2" else 1) if "sqrt" in of \
            else self.fn.pos
        try:
            return bool(continuous(base, XP, analytic=True))
        except CheckError:
            return False

    def derivative_witness(self, g, of):
        if not self.formal_derivatives_read(of):
            return None
        derivative = g
        parametric = bool(g.free_symbols - {X})
        for k in range(0, 4 if parametric else 9):
            self.tick()
            for x0 in POINTS[:4] if parametric else POINTS:
                value = (-1) ** k * derivative.subs(X, x0)
                if _negative(value, self.deadline):
                    return ("fails", "derivative-witness", {"order": k, "point": _t(x0), "of": of},
                            f"(-1)^{k} times the {k}-th derivative of {of} at {x0} is negative (proved by "
                            f"ball arithmetic), so {of} is not completely monotone; "
                            f"the claim fails through the theorem cited.")
            derivative = sympy.diff(derivative, X)
        return None


    def parametric_witnesses(self, g, of, log_convexity=True):
        """Refutations of a family on its whole box at a point that may depend on the parameters (``2/c``,
        ``log(1 + 2/(1 - c))``): the point runs to infinity as a parameter approaches an open end of the box
        (where the claim may start to hold), so one certificate covers a box touching the end. Two kinds:
        ``g g'' - g'^2 < 0`` (a CM ``g`` is log-convex; every order at once) and ``(-1)^k g^(k) < 0`` for small
        ``k``. Each candidate is screened at sample parameter values, then offered with a ``simplified`` form
        of its value (SymPy's, rewritten for the kernel) that the kernel proves equal to the value by its normal
        form and proves negative on the whole box; the kernel decides, not this screen."""
        from symrep.analysis.parameters import RECORDED

        box = active_region()
        parameters = g.free_symbols - {X}
        if not box or not parameters or RECORDED.get() is not None or not set(parameters) <= set(box):
            return
        if not self.formal_derivatives_read(of):
            return
        samples = _region_samples({p: box[p] for p in parameters})
        if not samples:
            return
        first = sympy.diff(g, X)
        expressions = []
        if log_convexity:
            expressions.append(("log-convexity-witness", {}, g * sympy.diff(first, X) - first ** 2))
        derivative = g
        for k in range(4):
            expressions.append(("derivative-witness", {"order": k}, (-1) ** k * derivative))
            derivative = first if k == 0 else sympy.diff(derivative, X)
        offered = 0
        for point in _parametric_points({p: box[p] for p in parameters}):
            for method, head, expr in expressions:
                self.tick()
                if offered >= 8:
                    return
                value = expr.subs(X, point)
                if not _negative_at(value, samples):
                    continue
                simplified = _kernel_form_at(expr, point) if isinstance(point, sympy.log) else _kernel_form(value)
                if simplified is None or not _negative_at(simplified, samples[:3]) or not _kernel_negative(
                        simplified, box):
                    continue
                offered += 1
                data = {**head, "point": _t(point), "of": of, "simplified": _t(simplified)}
                what = (f"{of} times its second derivative minus the square of its first derivative"
                        if method == "log-convexity-witness" else
                        f"(-1)^{head['order']} times the {head['order']}-th derivative of {of}")
                why = ("a completely monotone function is log-convex (Cauchy-Schwarz on its Bernstein representation)"
                       if method == "log-convexity-witness" else "a completely monotone g has (-1)^k g^(k) >= 0")
                yield ("fails", method, data,
                       f"At x0 = {point} (in (0, oo) for every parameter value of the region), {what} equals "
                       f"{simplified}, negative on the whole region: {why}, so {of} is not completely monotone and "
                       f"the claim fails through the theorem cited.")

    def flat_start(self, of):
        """u = (-1)^k g^(k) -> 0 at 0+ but u(x0) != 0, for the g the claim needs completely monotone
        (the families exp(-x^a), a > 1, and x^s, s > 1, in one stroke for all their parameters)."""
        if not self.formal_derivatives_read(of):
            return None
        for k in range(3):
            self.tick()
            u = derivative_function(self.f, self.claim, of, k)
            try:
                vanishes_at_0(u, X, "flat start")
            except CheckError:
                continue
            for x0 in POINTS[:4]:
                try:
                    nonzero(u.subs(X, x0), "flat start")
                except CheckError:
                    continue
                data = {"kind": "flat-start", "order": k, "point": _t(x0), "of": of}
                if u.has(sympy.besselk):  # the kernel sees u -> 0 in the form DLMF 10.29.1 brings it to
                    data["u"] = _t(sympy.simplify(bessel_lowered(u)))
                return ("fails", "flat-start-witness", data,
                        f"u = (-1)^{k} times the {k}-th derivative of {of} tends to 0 at 0+ (by structure) but "
                        f"u({x0}) is not 0: a completely monotone u is nonnegative and nonincreasing, so u(0+) = 0 "
                        f"would force u = 0; {of} is not completely monotone and the claim fails through the "
                        f"theorem cited.")
        return None


#: Where compactly supported kernels (support radius below 2) and sin(x)^2/x^2, (1 - cos x)/x^2 vanish.
_ZERO_POINTS = (sympy.Integer(2), sympy.Integer(4), sympy.Integer(8), sympy.pi, 2 * sympy.pi)


def _zero_points(f):
    """Where ``f`` may vanish exactly: fixed points, then past the kinks of ``Max``, ``Min`` and ``Heaviside``
    (a linear argument's root ``r``: ``2 r`` and ``r + 1``) and at the zeros of ``sin(c x)``, ``1 - cos(c x)``
    (``pi/c``, ``2 pi/c``, ``c`` rational)."""
    points = list(_ZERO_POINTS)
    for atom in f.atoms(sympy.Max, sympy.Min, sympy.Heaviside):
        args = atom.args[:1] if isinstance(atom, sympy.Heaviside) else (atom.args[0] - atom.args[1],)
        for u in args:
            if u.free_symbols != {X} or not u.is_polynomial(X) or sympy.degree(u, X) != 1:
                continue
            root = sympy.solve(u, X)
            if len(root) == 1 and root[0].is_Rational and root[0] > 0:
                points += [2 * root[0], root[0] + 1]
    for atom in f.atoms(sympy.sin, sympy.cos):
        c = sympy.cancel(atom.args[0] / X)
        if c.is_Rational and c > 0:
            points += [sympy.pi / c, 2 * sympy.pi / c]
    return list(dict.fromkeys(points))


def _value(f, x0):
    try:
        return f.subs(X, x0)
    except (ValueError, TypeError, ArithmeticError):  # SymPy cannot form Max(a, b) of numbers it cannot compare
        return None


def _exactly_zero(f, x0, tick):
    tick()
    value = _value(f, x0)
    return value is not None and value == 0


def _maybe_nonzero(f, x0, tick):
    tick()
    value = _value(f, x0)
    if value is None or value == 0 or value.has(sympy.nan, sympy.zoo, sympy.oo, -sympy.oo):
        return False
    return bool(value.free_symbols - {X}) or _numeric(value) != 0


def bessel_lowered(expr):
    """``expr`` with every ``besselk(b + n, z)`` (``n >= 2`` above the lowest order of its class ``b + Z`` in
    ``expr``) rewritten by DLMF 10.29.1, ``K_{m+1}(z) = K_{m-1}(z) + (2m/z) K_m(z)``, so that two orders
    per class remain and cancellations become visible to ``simplify``.

    Examples
    --------
    >>> import sympy
    >>> z, nu = sympy.symbols("z nu", positive=True)
    >>> bessel_lowered(sympy.besselk(nu + 1, z) - sympy.besselk(nu - 1, z))
    2*nu*besselk(nu, z)/z
    """
    for _ in range(24):
        atoms = sorted(expr.atoms(sympy.besselk), key=sympy.default_sort_key)
        for a in atoms:
            order, z = a.args
            offsets = [sympy.simplify(order - b.args[0]) for b in atoms if b.args[1] == z]
            offsets = [d for d in offsets if d.is_integer]
            if offsets and max(offsets) >= 2:
                m = order - 1
                expr = expr.subs(a, sympy.besselk(m - 1, z) + 2 * m / z * sympy.besselk(m, z))
                break
        else:
            return expr
    return expr


def _region_middle(parameters):
    """``{parameter: the middle of its interval}`` for a bounded active region (``{}`` without
    parameters), or None where a parameter's interval is unbounded (no box can be searched for it)."""
    if not parameters:
        return {}
    box = active_region() or {}
    if not parameters <= set(box) or not all(box[p].bounded() for p in parameters):
        return None
    return {p: sample_point(box[p]) for p in parameters}


def _proved_sign(value, want, deadline):
    """``sign(value) == want`` proved: by ball arithmetic for a number, on the whole active region for an
    expression in parameters."""
    if value.free_symbols:
        return proved_on_region(value, ">" if want > 0 else "<")
    proof = prove_sign(value, deadline=deadline)
    return proof is not None and proof.sign == want


def _negative(value, deadline):
    """``value < 0`` proved: by ball arithmetic for a number (screened by a float first), on the whole
    active region for an expression in parameters."""
    if not value.free_symbols and not _numeric(value) < 0:
        return False
    return _proved_sign(value, -1, deadline)


def _boxes():
    for d in range(1, 7):
        for a in GRID:
            yield [a] * d
        if d <= 4:
            for sides in combinations_with_replacement(GRID[:6], d):
                if len(set(sides)) > 1:
                    yield list(sides)


def box_eigenvalue(kernel, sides, mask, metric, *, at0=None):
    """Exact ``lambda_S = sum_T (-1)^|S & T| kernel(dist(0, 1_T))`` on the box (S given as a bit mask).

    ``kernel`` is read at positive distances; the diagonal term (distance 0) is ``at0`` when given
    (the value at 0 as written, which the restriction to ``x > 0`` does not know), else ``kernel(0)``.
    """
    d = len(sides)
    terms = []
    for T in range(1 << d):
        inside = [a for i, a in enumerate(sides) if T >> i & 1]
        dist = sympy.Add(*inside) if metric == "l1" else sympy.sqrt(sympy.Add(*[a**2 for a in inside]))
        value = at0 if T == 0 and at0 is not None else kernel.subs(X, dist)
        terms.append((-1) ** bin(T & mask).count("1") * value)
    return sympy.Add(*terms)


def _numeric_kernel(kernel, at0):
    """A float function of distances >= 0: ``kernel`` at d > 0 (numpy), ``at0`` at 0 (numeric path)."""
    try:
        fun = sympy.lambdify(X, kernel, "numpy")
        value0 = float(sympy.N(at0, 20))
    except Exception:
        return None

    def evaluate(distances):
        with np.errstate(all="ignore"):
            out = np.asarray(fun(np.maximum(distances, 1e-300)), dtype=float) * np.ones_like(distances)
        out[distances == 0] = value0
        return out
    return evaluate


def _numeric_box_spectrum(numeric, sides, metric):
    """All 2^d eigenvalues of a small box by one Walsh-Hadamard transform (floats; a search, not a proof)."""
    from symrep.spectra.walsh import fwht

    d = len(sides)
    masks = np.arange(1 << d)
    bits = (masks[:, None] >> np.arange(d)) & 1
    a = np.asarray(sides, dtype=float)
    dist = bits @ a if metric == "l1" else np.sqrt(bits @ (a * a))
    try:
        values = numeric(dist)
    except Exception:
        return None
    if not np.all(np.isfinite(values)):
        return None
    return fwht(values.astype(float))


