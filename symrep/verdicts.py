"""Decide the classification claims of docs/theory.md sections 4-6, with certificates.

``certify(f, claim)`` returns a :class:`Verdict` whose ``status`` is ``holds``, ``fails``
or ``unknown``. A ``holds`` or ``fails`` always comes with a certificate that the
independent checker (:mod:`symrep.checker`) has accepted before it is returned; anything
the prover cannot back that way is reported ``unknown``.

Proving searches a derivation in the calculus of completely monotone (CM) and Bernstein (BF)
functions (atoms and closure rules of docs/theory.md section 4, the derivative rule for Bernstein
functions, Schoenberg's reductions ``t -> f(sqrt t)`` and ``f(sqrt t)^2``), or writes a
polynomial with its monomial feature maps. Refuting searches box witnesses numerically with
the fast spectrum, then recomputes the chosen eigenvalue exactly and proves its sign by ball
arithmetic; it falls back to derivative, value and triangle witnesses, and for ``low-rank`` and
``polynomial`` proves that ``f`` agrees with no polynomial (rational functions, differential
equations whose indicial polynomial has no root in N, derivatives and substitutions).

Definitions are the seed paper's (Alman et al., NeurIPS 2024): CM lives on ``[0, inf)`` and
needs ``f(0) >= f(0+)``; Bernstein needs ``f(0) = 0``. Each claim has a domain
(:data:`symrep.certificates.DOMAINS`): ``f`` is read with a real ``x``, its value at 0 is taken from
the text as written (or, for a removable singularity, from its limit, which the certificate
states as an ``extension``), and facts about ``(0, oo)`` use ``x > 0`` only there.

Examples
--------
>>> from symrep.verdicts import certify
>>> v = certify("exp(-x)", "pd-l1")
>>> v.status, v.certificate["method"]
('holds', 'derivation')
>>> v = certify("exp(-x^2)", "pd-l1")
>>> v.status, v.certificate["data"]["sides"]
('fails', ['1/2', '1/2'])
"""

import json
import math
from dataclasses import dataclass, field
from itertools import combinations_with_replacement, product

import numpy as np
import sympy

from .balls import prove_sign
from .budget import Budget, OutOfTime
from .certificates import CLAIMS, DOMAINS, FORMAT, VERSION, CheckError, check
from .certificates.calculus import laplace_transform as checked_laplace_transform
from .certificates.calculus import positive_density
from .certificates.exact import Function, continuous
from .certificates.reading import XR
from .errors import InputError
from .fileio import write_text_atomic
from .expressions import expression_text, parse_expression

__all__ = ["certify", "Verdict", "Certificate", "CLAIMS", "THEOREMS", "box_eigenvalue"]

X, T = sympy.Symbol("x", positive=True), sympy.Symbol("t", positive=True)
_GRID = [sympy.Rational(n, d) for n, d in ((1, 2), (1, 1), (1, 4), (3, 4), (3, 2), (2, 1), (1, 8), (3, 1), (4, 1))]
_POINTS = [sympy.Rational(1, 2), sympy.Integer(1), sympy.Integer(2), sympy.Rational(1, 4), sympy.Integer(4),
           sympy.Rational(1, 8), sympy.Integer(8), sympy.Rational(3, 2)]

THEOREMS = {
    "pd-l1": "f(|x_i - x_j|_1) is PSD for all point sets iff f is CM in the paper's sense "
             "(Alman, Chu, Miller, Narayanan, Sellke, Song, NeurIPS 2024; 'if' half Schoenberg)",
    "pd-l2": "f(|x_i - x_j|_2) is PSD in all dimensions iff t -> f(sqrt t) is CM (Schoenberg 1938)",
    "l1-to-l1": "f(|x_i - x_j|_1) is an l1 metric for all point sets iff f is Bernstein "
                "(Alman et al. 2024; 'if' half Assouad 1980)",
    "l1-to-l2sq": "f(|x_i - x_j|_1) is a squared Euclidean metric iff f is Bernstein "
                  "(Alman et al. 2024; 'if' half Schoenberg 1938)",
    "l2-to-l2": "f(|x_i - x_j|_2) is Euclidean iff t -> f(sqrt t)^2 is Bernstein (Schoenberg 1938)",
    "low-rank": "rank f(QK^T) is bounded by a function of d alone iff f is a polynomial "
                "(Alman et al. 2024, for f without essential discontinuities; 'if' half: monomial features)",
    "completely-monotone": "definition: (-1)^k f^(k) >= 0 on (0, inf), f(0) >= f(0+) (Alman et al. 2024)",
    "bernstein": "definition: f(0) = 0, f >= 0 and f' CM on (0, inf) (Alman et al. 2024)",
    "polynomial": "definition",
}


class Certificate(dict):
    """A certificate: the JSON object of ``docs/certificates.md``, with helpers to keep it.

    It is a plain ``dict`` underneath, so ``json.dumps`` and ``cert["data"]`` work as usual.

    Examples
    --------
    >>> cert = certify("exp(-x)", "pd-l1").certificate
    >>> cert.check()
    ('pd-l1', 'exp(-x)', 'holds')
    >>> Certificate.from_json(cert.to_json()) == cert
    True
    """

    def check(self):
        """Re-verify with the independent checker; raises :class:`~symrep.checker.CheckError`."""
        return check(self)

    def to_json(self, indent=2):
        return json.dumps(self, indent=indent)

    @classmethod
    def from_json(cls, text):
        """Read a certificate from JSON text (not checked: call :meth:`check`)."""
        return cls(json.loads(text))

    def save(self, path, *, force=False):
        """Write the JSON atomically; refuses to overwrite an existing file unless ``force``."""
        write_text_atomic(path, self.to_json() + "\n", force=force)


@dataclass
class Verdict:
    """The answer to ``certify``: status, a one-paragraph reason, and the certificate (or None)."""

    claim: str
    function: str
    status: str
    reason: str
    certificate: "Certificate" = field(default=None)

    def __str__(self):
        return f"{self.claim} for f(x) = {self.function}: {self.status}. {self.reason}"

    def to_dict(self):
        """JSON-ready: claim, function, verdict, reason, certificate."""
        return {"claim": self.claim, "function": self.function, "verdict": self.status,
                "reason": self.reason, "certificate": self.certificate}


def certify(f, claim, *, budget=10.0):
    """Decide ``claim`` for ``f`` and back the answer with a checked certificate.

    Parameters
    ----------
    f : str or sympy.Expr
        The function of one variable ``x`` (text is parsed without executing it).
    claim : str
        One of :data:`CLAIMS`.
    budget : float
        Seconds the search may take; past it the answer is ``unknown``.
    """
    if claim not in CLAIMS:
        raise InputError(f"unknown claim {claim!r}; choose one of {', '.join(CLAIMS)}")
    if not (isinstance(budget, (int, float)) and 0 < budget <= 3600):
        raise InputError(f"budget must be a number of seconds in (0, 3600], got {budget!r}")
    fn = _as_function(f, claim)
    text = expression_text(fn.real)
    clock = Budget(budget)
    rejected = []
    try:
        with clock.armed():
            for status, method, data, reason in _Prover(fn, claim, clock).attempts():
                if fn.extended:
                    reason = (f"f is undefined at 0 as written; its limit there, {fn.at0}, is used as f(0) "
                              f"(a removable singularity). ") + reason
                cert = {"format": FORMAT, "version": VERSION, "claim": claim, "domain": DOMAINS[claim],
                        "function": text, "verdict": status, "method": method, "rests_on": THEOREMS[claim],
                        "data": data, "reason": reason}
                if fn.extended:
                    cert["extension"] = {"point": "0", "value": expression_text(fn.at0)}
                cert = Certificate(json.loads(json.dumps(cert)))
                try:
                    check(cert)
                except CheckError as exc:
                    rejected.append(str(exc))
                    continue
                return Verdict(claim, text, status, reason, cert)
    except OutOfTime:
        return Verdict(claim, text, "unknown", f"Undecided: the time budget of {budget:g} s ran out.")
    if rejected:
        return Verdict(claim, text, "unknown",
                       f"Undecided: the certificates found were rejected by the checker ({'; '.join(rejected)}).")
    return Verdict(claim, text, "unknown", "Undecided: no proof or witness was found.")


_UNDEFINED = (sympy.nan, sympy.zoo, sympy.oo, -sympy.oo, sympy.AccumBounds)


class _Fn(Function):
    """The user's function on the claim's domain, with ``f(0)`` as written or as a limit."""

    def __init__(self, real, domain, claim):
        written = real.subs(XR, 0)
        self.extended = written.has(*_UNDEFINED) or written.is_extended_real is False
        extension = None
        if self.extended:
            extension = {"point": "0", "value": None}
            limits = [sympy.limit(real.xreplace({XR: X}), X, 0, "+")]
            if domain == "R":
                neg = sympy.Symbol("x", negative=True)
                limits.append(sympy.limit(real.xreplace({XR: neg}), neg, 0, "-"))
            if any(v.has(*_UNDEFINED) or not v.is_extended_real for v in limits) or \
                    (len(limits) == 2 and sympy.simplify(limits[0] - limits[1]) != 0):
                if claim == "polynomial":  # no polynomial is undefined anywhere: 1/x is simply not one
                    self.extended = False
                    super().__init__(real, domain, None, undefined_at_0_allowed=True)
                    return
                sides = "from the right" if domain != "R" else "from both sides"
                raise InputError(f"f = {expression_text(real)} is undefined at 0 (f(0) = {written}) and has no finite "
                                 f"limit there {sides} ({', '.join(map(str, limits))}); the claim needs f on "
                                 f"{'[0, oo): the diagonal of f(distance) is f(0)' if domain != 'R' else 'R'}")
            extension["value"] = expression_text(limits[0])
        try:
            super().__init__(real, domain, extension, undefined_at_0_allowed=claim == "polynomial")
        except CheckError as exc:
            raise InputError(f"f = {expression_text(real)}: {exc}") from None


def _as_function(f, claim):
    if isinstance(f, str):
        f = parse_expression(f, ("x",))
    if isinstance(f, sympy.Lambda):
        if len(f.variables) != 1:
            raise InputError(f"a Lambda for f must take one variable, got {len(f.variables)}")
        f = f.expr.xreplace({f.variables[0]: XR})
    if not isinstance(f, sympy.Expr):
        raise InputError(f"f must be text, a SymPy expression or a one-variable Lambda, got {type(f).__name__}")
    free = f.free_symbols
    if len(free) > 1:
        raise InputError(f"f has free symbols {', '.join(sorted(map(str, free)))}; it must depend on x alone")
    if free:
        f = f.xreplace({next(iter(free)): XR})
    if f.has(sympy.I) or f.has(*_UNDEFINED):
        raise InputError(f"f = {f} is not a real function")
    domain = DOMAINS[claim]
    points = (sympy.Rational(1, 3), 1, sympy.Rational(7, 2), 10)
    if claim == "low-rank":  # the entries of QK^T take both signs
        points += (-sympy.Rational(1, 3), -1, -sympy.Rational(7, 2), -10)
    for x0 in points:
        exact = f.subs(XR, x0)
        where = "R (the entries of QK^T take both signs)" if domain == "R" else "[0, oo)"
        if exact.has(*_UNDEFINED):
            if claim == "low-rank":
                raise InputError(f"f = {expression_text(f)} is undefined at x = {x0}; {claim} needs f on {where}")
            continue
        value = _numeric_complex(exact)
        if value is not None and abs(value.imag) > 1e-12 * max(1.0, abs(value.real)):
            raise InputError(f"f = {expression_text(f)} is not real on {where}: f({x0}) = {value:.6g}")
    return _Fn(f, domain, claim)


def _numeric_complex(value):
    try:
        re, im = sympy.N(value, 20).as_real_imag()
        re, im = float(sympy.sign(re)) * min(abs(float(re)), 1e300), float(im) if abs(im) < 1e300 else 1e300
    except (TypeError, ValueError, ArithmeticError):
        return None
    return complex(re, im) if math.isfinite(re) and math.isfinite(im) else None


def _t(e):
    """Certificate text of an expression in the positive symbol x (or a number)."""
    return expression_text(sympy.sympify(e).xreplace({X: XR, sympy.Symbol("x", negative=True): XR}))


class _Prover:
    """Candidate answers, best first; ``certify`` keeps the first that the checker accepts.

    ``self.f`` is ``f`` on ``(0, oo)`` (a positive ``x``), ``self.f0`` its value at 0 and
    ``self.fn`` the whole function on the claim's domain.
    """

    def __init__(self, fn, claim, clock):
        self.fn, self.f, self.f0, self.claim, self.clock = fn, fn.pos, fn.at0, claim, clock
        self.deadline = clock.deadline
        self.tick = clock.tick

    def attempts(self):
        claim = self.claim
        if claim in ("polynomial", "low-rank"):
            yield from filter(None, self.polynomial())
        elif claim in ("pd-l1", "completely-monotone", "pd-l2"):
            yield from filter(None, self.positive_definite())
        else:
            yield from filter(None, self.metric_transform())

    # --- CM claims ------------------------------------------------------------------------

    def positive_definite(self):
        l2 = self.claim == "pd-l2"
        g = _simplify_sqrt(self.f) if l2 else self.f
        jump = _limit_from_right(self.f)
        below = jump is not None and _proved_positive(jump - self.f0)
        node = self.derive(g, "CM", 0) if not below else None
        if node is not None:
            data = {"derivation": node}
            if l2:
                data["transformed"] = _t(g)
            what = "t -> f(sqrt t)" if l2 else "f"
            yield ("holds", "derivation", data,
                   f"{what} is completely monotone on (0, oo) by the derivation in the certificate, and f(0) is "
                   f"at least its limit from the right; by {'Schoenberg' if l2 else 'the seed paper'} the claim holds.")
        if self.claim != "completely-monotone":
            yield self.box_witness("l2" if l2 else "l1", square=False, negative_type=False)
        if below:
            yield ("fails", "value-witness", {"kind": "below-limit-at-0"},
                   f"f(0) = {self.f0} is below the limit f(0+) = {jump} (proved by ball arithmetic); the paper's "
                   f"completely monotone functions may jump up at 0, never down.")
        yield self.negative_value(g)
        yield self.derivative_witness(g, "f(sqrt(x))" if l2 else "f")

    # --- Bernstein claims ---------------------------------------------------------------

    def metric_transform(self):
        claim = self.claim
        square = claim == "l2-to-l2"
        f0 = self.f0
        if _provably_nonzero(f0):
            yield ("fails", "value-witness", {"kind": "nonzero-at-0"},
                   f"f(0) = {f0} is not 0, so f(distance) is not a metric (and not Bernstein in the paper's sense).")
        g = sympy.powsimp(_simplify_sqrt(self.f) ** 2, force=True) if square else self.f
        if square:
            g = sympy.simplify(g)
        node = self.derive(g, "BF", 0) if f0 == 0 else None
        if node is not None:
            data = {"derivation": node}
            if square:
                data["transformed"] = _t(g)
            yield ("holds", "derivation", data,
                   f"{'t -> f(sqrt t)^2' if square else 'f'} is a Bernstein function on (0, oo) by the derivation in "
                   f"the certificate and f(0) = 0; the theorem cited gives the claim.")
        yield self.negative_value(self.f)
        if claim == "l1-to-l1":
            yield self.triangle_witness()
        if claim != "bernstein":
            yield self.box_witness("l2" if square else "l1", square=square, negative_type=True)
        target = sympy.diff(g, X) if square else sympy.diff(self.f, X)
        yield self.derivative_witness(target, "(f(sqrt(x))^2)'" if square else "f'")

    # --- the derivation calculus ----------------------------------------------------------

    def derive(self, e, cls, depth):
        self.tick()
        if depth > 12:
            return None
        seen = []
        for candidate in _rewrites(e):
            if any(candidate == s for s in seen):
                continue
            seen.append(candidate)
            node = (self._cm if cls == "CM" else self._bf)(candidate, depth)
            if node is not None:
                return node if candidate == e else _n(cls, e, "rewrite", {}, [node])
        if cls == "CM" and depth <= 2:
            node = self._laplace(e)
            if node is not None:
                return node
        if cls == "BF" and depth < 6 and continuous(e, X):  # a jump would hide behind a smooth derivative
            derivative = sympy.diff(e, X)
            start = sympy.limit(e, X, 0, "+")
            if start.is_extended_real and (start == 0 or _proved_positive(start)):
                inner = self.derive(derivative, "CM", depth + 1)
                if inner is not None:
                    return _n("BF", e, "derivative", {}, [inner])
        return None

    def _cm(self, e, depth):
        if not e.has(X):
            return _n("CM", e, "cm-const", {"c": _t(e)}) if _nonneg(e) else None
        if isinstance(e, sympy.exp):
            arg = e.args[0]
            a = sympy.simplify(-arg / X)
            if not a.has(X):
                return _n("CM", e, "cm-exp", {"a": _t(a)}) if _nonneg(a) else None
            inner = self.derive(-arg, "BF", depth + 1)
            if inner is not None:
                outer = _n("CM", sympy.exp(-X), "cm-exp", {"a": "1"})
                return _n("CM", e, "compose", {}, [outer, inner])
            inner = self.derive(arg, "CM", depth + 1)
            if inner is not None:
                return _n("CM", e, "exp-of-cm", {}, [inner])
            return None
        if e.is_Pow and e.exp.is_number and e.exp.is_negative:
            s = -e.exp
            b = sympy.expand(e.base - X)
            if not b.has(X) and _nonneg(b):
                return _n("CM", e, "cm-power", {"s": _t(s), "b": _t(b)})
            inner = self.derive(e.base, "BF", depth + 1)
            if inner is not None:
                outer = _n("CM", X ** (-s), "cm-power", {"s": _t(s), "b": "0"})
                return _n("CM", e, "compose", {}, [outer, inner])
            return None
        if e.is_Pow and e.exp.is_Integer and e.exp > 1:
            inner = self.derive(e.base, "CM", depth + 1)
            return _n("CM", e, "product", {}, [inner] * int(e.exp)) if inner else None
        if isinstance(e, sympy.log):
            b = sympy.simplify((e.args[0] - 1) * X)
            if not b.has(X) and _proved_positive(b):
                return _n("CM", e, "cm-log-ratio", {"b": _t(b)})
            return None
        if e.is_Add:
            kids = [self.derive(t, "CM", depth + 1) for t in e.args]
            return _n("CM", e, "sum", {}, kids) if all(kids) else None
        if e.is_Mul:
            c, rest = e.as_coeff_Mul()
            if c != 1:
                inner = self.derive(rest, "CM", depth + 1) if _nonneg(c) else None
                return _n("CM", e, "scale", {"c": _t(c)}, [inner]) if inner else None
            kids = [self.derive(t, "CM", depth + 1) for t in e.args]
            return _n("CM", e, "product", {}, kids) if all(kids) else None
        return None

    def _laplace(self, e):
        """Bernstein-Widder: e = int_0^oo exp(-t x) rho(t) dt with rho >= 0 read off its form.

        The density comes from the root-exponential family (with its antiderivative) or from SymPy's
        inverse transform; either is kept only if the checker's own proof of the forward transform
        (an antiderivative and its limits) gives ``e`` back.
        """
        candidates = []
        family = _root_exponential_density(e)
        if family is not None:
            candidates.append(family)
        else:
            try:
                rho = sympy.inverse_laplace_transform(e, X, T)
            except Exception:
                rho = None
            if rho is not None and not rho.has(sympy.InverseLaplaceTransform, sympy.DiracDelta) and rho.has(T):
                candidates.append((rho, None))
        for rho, antiderivative in candidates:
            rho = _nonnegative_form(sympy.factor(sympy.simplify(rho)))
            if rho is None:
                continue
            try:
                forward = checked_laplace_transform(rho, "density", antiderivative)
                if sympy.simplify(forward - e) != 0:
                    continue
            except CheckError:
                continue
            params = {"density": expression_text(rho.xreplace({T: sympy.Symbol("t", real=True)}))}
            if antiderivative is not None:
                params["antiderivative"] = expression_text(
                    antiderivative.xreplace({T: sympy.Symbol("t", real=True), X: XR}))
            return _n("CM", e, "cm-laplace", params)
        return None

    def _bf(self, e, depth):
        if not e.has(X):
            return _n("BF", e, "bf-const", {"c": _t(e)}) if _nonneg(e) else None
        beta = sympy.simplify(e / X)
        if not beta.has(X):
            return _n("BF", e, "bf-linear", {"beta": _t(beta)}) if _nonneg(beta) else None
        if e.is_Pow and e.base == X and e.exp.is_number and _proved_positive(e.exp) and _nonneg(1 - e.exp):
            return _n("BF", e, "bf-power", {"s": _t(e.exp)})
        if e.is_Pow and e.exp.is_number and _proved_positive(e.exp) and _nonneg(1 - e.exp):
            inner = self.derive(e.base, "BF", depth + 1)
            if inner is not None:
                return _n("BF", e, "compose", {}, [_n("BF", X ** e.exp, "bf-power", {"s": _t(e.exp)}), inner])
        if isinstance(e, sympy.log):
            if sympy.expand(e.args[0] - 1 - X) == 0:
                return _n("BF", e, "bf-log1p", {})
            inner = self.derive(sympy.expand(e.args[0] - 1), "BF", depth + 1)
            if inner is not None:
                return _n("BF", e, "compose", {}, [_n("BF", sympy.log(1 + X), "bf-log1p", {}), inner])
        if e.is_Add:
            kids = [self.derive(t, "BF", depth + 1) for t in e.args]
            if all(kids):
                return _n("BF", e, "sum", {}, kids)
        if e.is_Mul:
            c, rest = e.as_coeff_Mul()
            if c != 1 and _nonneg(c):
                inner = self.derive(rest, "BF", depth + 1)
                if inner is not None:
                    return _n("BF", e, "scale", {"c": _t(c)}, [inner])
        return None

    # --- witnesses ----------------------------------------------------------------------

    def box_witness(self, metric, square, negative_type):
        """Smallest box (by dimension) whose eigenvalue refutes the claim, proved exactly."""
        kernel = self.f ** 2 if square else self.f
        at0 = self.f0 ** 2 if square else self.f0
        kind = "not-negative-type" if negative_type else "not-psd"
        numeric = _numeric_kernel(kernel, at0)
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
                proof = prove_sign(exact, deadline=self.deadline)
                if proof is not None and proof.sign == (1 if negative_type else -1):
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
        for x0 in _POINTS:
            self.tick()
            value = g.subs(X, x0)
            if _numeric(value) < 0:
                proof = prove_sign(value, deadline=self.deadline)
                if proof is not None and proof.sign < 0:
                    data = {"kind": "negative", "point": _t(x0)}
                    return ("fails", "value-witness", data,
                            f"f({x0}) < 0 (proved by ball arithmetic), impossible for a distance "
                            f"and for a completely monotone or Bernstein function.")
        return None

    def triangle_witness(self):
        for a, b in product(_POINTS[:5], repeat=2):
            self.tick()
            gap = self.f.subs(X, a + b) - self.f.subs(X, a) - self.f.subs(X, b)
            if _numeric(gap) > 0:
                proof = prove_sign(gap, deadline=self.deadline)
                if proof is not None and proof.sign > 0:
                    return ("fails", "triangle-witness", {"a": _t(a), "b": _t(b)},
                            f"f({a + b}) > f({a}) + f({b}) (proved by ball arithmetic): the points 0, {a}, {a + b} "
                            f"on a line violate the triangle inequality after the transform.")
        return None

    def derivative_witness(self, g, of):
        derivative = g
        for k in range(0, 9):
            self.tick()
            for x0 in _POINTS:
                value = (-1) ** k * derivative.subs(X, x0)
                if _numeric(value) < 0:
                    proof = prove_sign(value, deadline=self.deadline)
                    if proof is not None and proof.sign < 0:
                        return ("fails", "derivative-witness", {"order": k, "point": _t(x0), "of": of},
                                f"(-1)^{k} times the {k}-th derivative of {of} at {x0} is negative (proved by "
                                f"ball arithmetic), so {of} is not completely monotone; "
                                f"the claim fails through the theorem cited.")
            derivative = sympy.diff(derivative, X)
        return None

    # --- polynomials --------------------------------------------------------------------

    def polynomial(self):
        poly = _as_polynomial(self.fn.real, XR) if self.fn.continuous_on_real_line() else None
        if poly is not None:
            coeffs = [_t(c) for c in reversed(poly.all_coeffs())]
            g = max(poly.degree(), 0)  # the zero polynomial has degree -oo in SymPy
            data = {"coefficients": coeffs}
            if self.claim == "low-rank":
                data.update({"degree": g, "rank_bound": f"binomial(d + {g}, {g})"})
            yield ("holds", "polynomial", data,
                   f"f is a polynomial of degree {g} on R: f(<q, k>) = <phi(q), psi(k)> with monomial feature maps, so "
                   f"rank f(QK^T) <= C(d + {g}, {g}) for every n.")
            return
        if self.claim == "low-rank" and not self.fn.continuous_on_real_line():
            return  # the theorem assumes no essential discontinuities; ours needs f proved continuous on R
        proof = self.non_polynomial(self.f, 0)
        reason = "f agrees with no polynomial on (0, inf) (see the proof in the certificate)"
        if proof is None:
            proof = self.two_halves()
            reason = "f is one polynomial on (0, inf) and another on (-inf, 0), so it is no polynomial on R"
        if proof is None:
            return
        data = {"proof": proof}
        if self.claim == "low-rank":
            data["rank_witnesses"] = self.rank_witnesses()
            reason += (f"; by the theorem cited its rank is not bounded in terms of d. Box distance matrices of "
                       f"rank d + 1 map to full rank 2^d for d = 1..{len(data['rank_witnesses'])}")
        yield ("fails", "not-polynomial", data, reason + ".")

    def two_halves(self):
        neg = sympy.Symbol("x", negative=True)
        P, N = _as_polynomial(self.fn.pos, X), _as_polynomial(self.fn.neg, neg)
        if P is None or N is None:
            return None
        P, N = P.all_coeffs()[::-1], N.all_coeffs()[::-1]
        n = max(len(P), len(N))
        P, N = P + [0] * (n - len(P)), N + [0] * (n - len(N))
        if not any(_provably_nonzero(sympy.sympify(p - q)) for p, q in zip(P, N)):
            return None
        return {"kind": "two-halves", "positive": [_t(c) for c in P], "negative": [_t(c) for c in N]}

    def non_polynomial(self, g, depth):
        self.tick()
        g = sympy.simplify(g)
        if g == 0 or depth > 4:
            return None
        bounded = _limit_certificate(g)
        if bounded:
            return bounded
        rational = _rational_certificate(g)
        if rational:
            return rational
        pole = _pole_certificate(g)
        if pole:
            return pole
        ode = _ode_certificate(g)
        if ode:
            return ode
        for m in (2, 3, 4):
            sub = sympy.expand_power_base(g.subs(X, X**m), force=False)
            sub = sympy.powdenest(sub, force=True)
            if sympy.srepr(sub) != sympy.srepr(g) and not sub.has(sympy.Pow(X, sympy.Rational(1, 2))):
                inner = _rational_certificate(sub) or _ode_certificate(sub)
                if inner:
                    return {"kind": "substitution", "power": m, "of": inner}
        inner = self.non_polynomial(sympy.diff(g, X), depth + 1)
        return {"kind": "derivative", "of": inner} if inner else None

    def rank_witnesses(self):
        out = []
        for d in (1, 2, 3):
            for sides in combinations_with_replacement(_GRID[:6], d):
                self.tick()
                values = [box_eigenvalue(self.f, sides, mask, "l1", at0=self.f0) for mask in range(1 << d)]
                if all(abs(_numeric(v)) > 1e-12 for v in values):
                    out.append({"sides": [_t(s) for s in sides], "rank": 2**d})
                    break
            else:
                break
        return out


def _n(cls, expr, rule, params, children=()):
    node = {"class": cls, "expr": _t(expr), "rule": rule, "params": params}
    if children:
        node["children"] = list(children)
    return node


def _rewrites(e):
    out = [e]
    for how in (sympy.cancel, sympy.factor, sympy.powsimp, sympy.simplify):
        try:
            out.append(how(e))
        except Exception:
            continue
    return out


def _root_exponential_density(e):
    """Density and antiderivative for ``p(sqrt x) exp(-A sqrt x)`` (p a polynomial, A > 0), or None.

    ``L^-1[exp(-a sqrt x)] = a / (2 sqrt(pi)) t^(-3/2) exp(-a^2 / (4t))``, and multiplying by
    ``sqrt(x)^k`` is ``(-d/da)^k``. The antiderivative in t of the base density times ``exp(-t x)`` is
    ``(exp(a sqrt x) erfc(a/(2 sqrt t) + sqrt(x t)) + exp(-a sqrt x) erfc(a/(2 sqrt t) - sqrt(x t)))/2``,
    with the same operator applied. The caller keeps the pair only if the checker's proof of the
    forward transform gives ``e`` back."""
    u, a = sympy.Symbol("u", positive=True), sympy.Symbol("a", positive=True)
    h = sympy.expand(e.subs(X, u**2))
    exps = list(h.atoms(sympy.exp))
    if len(exps) != 1:
        return None
    rate = sympy.simplify(-exps[0].args[0] / u)
    try:
        poly = sympy.Poly(sympy.expand(h / exps[0]), u)
    except sympy.PolynomialError:
        return None
    if rate.has(u) or not rate.is_positive or any(c.has(u) for c in poly.coeffs()):
        return None
    base = a / (2 * sympy.sqrt(sympy.pi)) * T ** sympy.Rational(-3, 2) * sympy.exp(-a**2 / (4 * T))
    root_x, root_t = sympy.sqrt(X), sympy.sqrt(T)
    primitive = (sympy.exp(a * root_x) * sympy.erfc(a / (2 * root_t) + root_x * root_t)
                 + sympy.exp(-a * root_x) * sympy.erfc(a / (2 * root_t) - root_x * root_t)) / 2
    rho = sum(c * (-1) ** k * sympy.diff(base, a, k) for (k,), c in poly.terms()).subs(a, rate)
    antiderivative = sum(c * (-1) ** k * sympy.diff(primitive, a, k) for (k,), c in poly.terms()).subs(a, rate)
    return rho, antiderivative


def _nonnegative_form(rho):
    """``rho`` in a form whose sign the checker reads off its structure, or None.

    Inverse transforms of truncated functions come as ``c (1 - Heaviside(t - a))``; for t > 0 that is
    ``c Heaviside(a - t)`` (also at t = a, where both are c/2 by SymPy's Heaviside(0) = 1/2).
    """
    flipped = sympy.factor(sympy.expand(rho).xreplace(
        {h: 1 - sympy.Heaviside(-h.args[0]) for h in rho.atoms(sympy.Heaviside)}))
    for candidate in (rho, flipped):
        try:
            positive_density(candidate, "density")
            return candidate
        except CheckError:
            continue
    return None


def _simplify_sqrt(f):
    return sympy.powdenest(sympy.expand_power_base(f.subs(X, sympy.sqrt(X)), force=True), force=True)


def _numeric(value):
    try:
        v = complex(sympy.N(value, 30))
    except (TypeError, ValueError):
        return float("nan")
    return v.real if abs(v.imag) < 1e-20 else float("nan")


def _nonneg(value):
    value = sympy.sympify(value)
    return value == 0 or _proved_positive(value)


def _proved_positive(value):
    value = sympy.sympify(value)
    if value.free_symbols:
        return False
    if value.is_Rational:
        return value > 0
    proof = prove_sign(value, max_precision=1024)
    return proof is not None and proof.sign > 0


def _provably_nonzero(value):
    if value.free_symbols or value.has(sympy.nan, sympy.zoo):
        return False
    return value != 0 and prove_sign(value, max_precision=1024) is not None


def _as_polynomial(e, var):
    """``e`` as a Poly in ``var`` with constant coefficients, or None."""
    try:
        poly = sympy.Poly(sympy.expand(e), var)
    except sympy.PolynomialError:
        return None
    return poly if all(not c.has(var) for c in poly.all_coeffs()) and poly.gens == (var,) else None


def _limit_from_right(f):
    try:
        value = sympy.limit(f, X, 0, "+")
    except Exception:
        return None
    return value if value.is_extended_real and value.is_finite else None


def _boxes():
    for d in range(1, 7):
        for a in _GRID:
            yield [a] * d
        if d <= 4:
            for sides in combinations_with_replacement(_GRID[:6], d):
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
    from .walsh import fwht

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


def _limit_certificate(g):
    """A nonconstant g with a finite limit at infinity is no polynomial."""
    try:
        limit = sympy.limit(g, X, sympy.oo)
    except Exception:
        return None
    if not (limit.is_number and limit.is_finite and limit.is_extended_real):
        return None
    for a, b in combinations_with_replacement(_POINTS[:4], 2):
        if a != b and abs(_numeric(g.subs(X, a) - g.subs(X, b))) > 1e-9:
            return {"kind": "limit", "a": _t(a), "b": _t(b)}
    return None


def _pole_certificate(g):
    """A g that tends to infinity at some x0 > 0 is no polynomial."""
    try:
        where = sympy.singularities(g, X, sympy.Interval.open(0, sympy.oo))
    except Exception:
        return None
    points = list(where) if isinstance(where, sympy.FiniteSet) else []
    for image in where.atoms(sympy.ImageSet):
        points += [image.lamda(n) for n in range(3)]
    for x0 in sorted((p for p in points if p.is_number and p.is_positive), key=float)[:4]:
        if any(sympy.limit(g, X, x0, side) in (sympy.oo, -sympy.oo) for side in "+-"):
            return {"kind": "pole", "point": _t(x0)}
    return None


def _rational_certificate(g):
    num, den = sympy.fraction(sympy.cancel(sympy.together(g)))
    try:
        P, Q = sympy.Poly(num, X), sympy.Poly(den, X)
    except sympy.PolynomialError:
        return None
    if any(c.has(X) for c in P.all_coeffs() + Q.all_coeffs()) or Q.degree() < 1:
        return None
    return {"kind": "rational", "numerator": [_t(c) for c in reversed(P.all_coeffs())],
            "denominator": [_t(c) for c in reversed(Q.all_coeffs())]}


def _ode_certificate(g):
    """A first-order ODE Q g' - P g = 0 from a rational logarithmic derivative, or a
    constant-coefficient ODE of order 2, whose indicial polynomial has no root in N."""
    candidates = []
    log_derivative = sympy.cancel(sympy.simplify(sympy.diff(g, X) / g))
    num, den = sympy.fraction(log_derivative)
    try:
        P, Q = sympy.Poly(num, X), sympy.Poly(den, X)
        if not any(c.has(X) for c in P.all_coeffs() + Q.all_coeffs()):
            candidates.append([(-P).all_coeffs()[::-1], Q.all_coeffs()[::-1]])
    except sympy.PolynomialError:
        pass
    a, b = sympy.symbols("a b")
    d1, d2 = sympy.diff(g, X), sympy.diff(g, X, 2)
    try:
        sol = sympy.solve([sympy.simplify((d2 - a * d1 - b * g).subs(X, p)) for p in (1, 2)], [a, b], dict=True)
    except Exception:
        sol = []
    for s in sol[:1]:
        if a not in s or b not in s:
            continue
        aa, bb = sympy.simplify(s[a]), sympy.simplify(s[b])
        if not (aa.has(X) or bb.has(X)) and sympy.simplify(d2 - aa * d1 - bb * g) == 0:
            candidates.append([[-bb], [-aa], [1]])
    for rows in candidates:
        polys = [sympy.Poly(sum(c * X**j for j, c in enumerate(row)), X) for row in rows]
        shifts = [p.degree() - k for k, p in enumerate(polys) if not p.is_zero]
        top = max(shifts)
        n = sympy.Symbol("n")
        indicial = sympy.Poly(sum(p.LC() * sympy.ff(n, k) for k, p in enumerate(polys)
                                  if not p.is_zero and p.degree() - k == top), n)
        if indicial.degree() == 0 and indicial.is_zero:
            continue
        if indicial.degree() > 0 and any(r.is_integer and r >= 0 for r in indicial.ground_roots()):
            continue
        for x0 in _POINTS:
            value = g.subs(X, x0)
            if abs(_numeric(value)) > 1e-12:
                return {"kind": "ode", "coefficients": [[_t(c) for c in row] for row in rows],
                        "nonzero_at": _t(x0)}
    return None
