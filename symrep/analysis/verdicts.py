"""Decide the classification claims of docs/theory.md sections 4-6, with certificates.

``certify(f, claim)`` returns a :class:`Verdict` whose ``status`` is ``holds``, ``fails``
or ``unknown``. (Why this module is long: the entry point, the reading of f at 0 and on each side that every
claim shares, and the dispatch of the claims to the searches live together; the searches themselves are in
``derivations``, ``witnesses``, ``polynomials`` and ``mixtures``.) A ``holds`` or ``fails`` always comes with a certificate that the
independent checker (:mod:`symrep.certificates`) has accepted before it is returned; anything
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
>>> from symrep.analysis.verdicts import certify
>>> v = certify("exp(-x)", "pd-l1")
>>> v.status, v.certificate["method"]
('holds', 'derivation')
>>> v = certify("exp(-x^2)", "pd-l1")
>>> v.status, v.certificate["data"]["sides"]
('fails', ['1/2', '1/2'])
"""

import json
import math
import time
from dataclasses import dataclass, field

import sympy

from symrep.analysis import hard_stop
from symrep.analysis.budget import Budget, OutOfTime, default_seconds
from symrep.analysis.common import X, _limit_from_right, _n, _proved_positive, _provably_nonzero, _simplify_sqrt, _t
from symrep.analysis.square_split import square_split
from symrep.analysis.typed_text import refuse_a_changed_domain
from symrep.analysis.derivations import LAPLACE_SECONDS, DerivationSearch
from symrep.analysis.mixtures import plausibly_cm
from symrep.analysis.polynomials import PolynomialSearch
from symrep.analysis.weierstrass import literal_node
from symrep.analysis.far_witnesses import FarWitnessSearch, negative_far_out
from symrep.analysis.witnesses import WitnessSearch
from symrep.certificates import CLAIMS, DOMAINS, FORMAT, VERSION, CheckError, check
from symrep.certificates.claims import HALF_LINE
from symrep.certificates.function import Function
from symrep.certificates.limits import limit
from symrep.certificates.reading import XP, XR
from symrep.errors import InputError
from symrep.fileio import write_text_atomic
from symrep.analysis.parameters import active, parse_family
from symrep.analysis.referee import Referee as _Referee
from symrep.analysis.at_zero import (behaviour_at_0 as _behaviour_at_0, offered_limit as _offered_limit,
                                     value_at_0_as_the_kernel_reads_it as _value_at_0_as_the_kernel_reads_it)
from symrep.geometry.expressions import expression_text, lambda_body, parameter_symbol, parse_expression, value_at

__all__ = ["certify", "Verdict", "Certificate", "CLAIMS", "THEOREMS"]

#: The share of the time left that pd-l2 gives to deriving f itself (pd-l1 implies pd-l2) before t -> f(sqrt t).
L1_SHARE = 0.3

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

    It is a plain ``dict`` underneath, so ``json.dumps`` and ``cert["data"]`` work as usual. Nothing is
    checked on construction: :meth:`check` runs the independent checker.

    Parameters
    ----------
    data : dict, optional
        The JSON object: ``format``, ``version``, ``claim``, ``domain``, ``function``, ``verdict``,
        ``method``, ``rests_on`` and ``data``, and optionally ``reason``, ``extension`` and ``assume``
        (as :func:`certify` writes them, or as :meth:`from_json` reads them).

    Examples
    --------
    >>> cert = certify("exp(-x)", "pd-l1").certificate
    >>> cert.check()
    ('pd-l1', 'exp(-x)', 'holds')
    >>> Certificate.from_json(cert.to_json()) == cert
    True
    """

    def __repr__(self):
        return (f"Certificate({self.get('claim')} {self.get('verdict')} for f(x) = {self.get('function')}, "
                f"method {self.get('method')})")

    def _repr_latex_(self):
        return _latex_line(self.get("claim"), self.get("verdict"), self.get("function"), self.get("method"))

    def check(self):
        """Re-verify with the independent checker; raises :class:`~symrep.certificates.CheckError`."""
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
    """The answer to :func:`certify`: status, a one-paragraph reason, and the certificate (or None).

    Attributes
    ----------
    claim : str
        The claim decided, one of :data:`CLAIMS`.
    function : str
        The function as text in the parser's grammar (``exp(-x**2)``).
    status : str
        ``holds``, ``fails`` or ``unknown``.
    reason : str
        One paragraph: why, or why it is undecided.
    certificate : Certificate or None
        Accepted by the independent checker; None exactly when ``status`` is ``unknown``.

    Examples
    --------
    >>> v = certify("exp(-x^2)", "pd-l1")
    >>> v
    Verdict('pd-l1', 'exp(-x**2)', 'fails')
    >>> v.certificate["method"], v.reason.startswith("On the 2-dimensional box")
    ('box-witness', True)
    """

    claim: str
    function: str
    status: str
    reason: str
    certificate: "Certificate" = field(default=None)

    def __str__(self):
        return f"{self.claim} for f(x) = {self.function}: {self.status}. {self.reason}"

    def __repr__(self):
        return f"Verdict({self.claim!r}, {self.function!r}, {self.status!r})"

    def _repr_latex_(self):
        method = self.certificate["method"] if self.certificate else None
        return _latex_line(self.claim, self.status, self.function, method)

    def to_dict(self):
        """JSON-ready: claim, function, verdict, reason, certificate."""
        return {"claim": self.claim, "function": self.function, "verdict": self.status,
                "reason": self.reason, "certificate": self.certificate}


def _latex_line(claim, status, function, method):
    """One line of LaTeX (math mode) for notebooks: the claim, the verdict and the function."""
    how = r"\text{ (%s)}" % _latex_escape(method) if method else ""
    return r"$\text{%s: \textbf{%s} for } f(x) = %s%s$" % (_latex_escape(claim), _latex_escape(status),
                                                         _latex_function(function), how)


def _latex_escape(text):
    """Plain text made safe inside ``\\text{...}``."""
    return "".join("\\" + c if c in "&%$#_{}" else c for c in str(text))


def _latex_function(function):
    """LaTeX of a function's text (math mode): read as the checker reads it (``|x|`` stays ``|x|``), or
    with its parameters (``exp(-x^a)``), and shown as text when neither reads it."""
    from symrep.certificates import parse

    for read in (lambda: parse(function, "function", symbol=XR),
                 lambda: parse_expression(function, {"x": XR}, new_symbol=parameter_symbol)):
        try:
            return sympy.latex(read())
        except Exception:
            continue
    return r"\text{%s}" % _latex_escape(function)


def certify(f, claim, *, assume=(), budget=None):
    """Decide ``claim`` for ``f`` and back the answer with a checked certificate.

    Parameters
    ----------
    f : str or sympy.Expr
        The function of one variable ``x`` (text is parsed without executing it); any other name is a
        real parameter (at most two).
    claim : str
        One of :data:`CLAIMS`.
    assume : str or list of str
        Comparisons between a parameter and a number, all of which hold (``"0 < a <= 1"``). A verdict
        with parameters holds for *every* parameter value the assumptions allow (all real values
        where there are none), and its certificate states the region.
    budget : float, optional
        Seconds the search may take (10 by default, scaled by ``SYMREP_BUDGET_SCALE``:
        :func:`~symrep.analysis.budget.default_seconds`); past it the answer is ``unknown``. The search runs in a worker
        process that is killed if it is still busy then (:mod:`~symrep.analysis.hard_stop`), so the call
        returns within about ``budget + 0.5`` seconds from any thread.

    Returns
    -------
    Verdict
        ``holds`` or ``fails`` with a certificate that :func:`symrep.certificates.check` has accepted,
        or ``unknown`` (no certificate) with the reason it is undecided.

    Raises
    ------
    InputError
        An unknown claim, a budget outside ``(0, 3600]``, ``f`` not a real function of ``x`` (more than two
        parameters, undefined at 0 without a proved finite limit, not real on the claim's domain) or
        assumptions that do not read.
    ParseError
        ``f`` or ``assume`` is text outside the grammar.
    InputError
        ``f`` is text that SymPy reads as a function with another domain (``exp(log(x))`` is read as ``x``, defined
        at ``-2`` where the text is not; :mod:`symrep.analysis.typed_text`).

    Examples
    --------
    >>> certify("exp(-x^a)", "pd-l1", assume="0 < a <= 1").status
    'holds'
    >>> certify("exp(-x)", "pd-l3")
    Traceback (most recent call last):
    ...
    symrep.errors.InputError: unknown claim 'pd-l3'; did you mean pd-l2? choose one of pd-l1, pd-l2, l1-to-l1, l1-to-l2sq, l2-to-l2, low-rank, completely-monotone, bernstein, polynomial
    """
    if claim not in CLAIMS:
        import difflib

        near = difflib.get_close_matches(str(claim), CLAIMS, n=1, cutoff=0.5)
        raise InputError(f"unknown claim {claim!r}; {'did you mean ' + near[0] + '? ' if near else ''}"
                         f"choose one of {', '.join(CLAIMS)}")
    budget = default_seconds(10.0) if budget is None else budget
    _check_budget(budget)
    deadline = time.monotonic() + budget
    family = parse_family(f, assume)  # bad text is refused here at once; the search reads it again
    refuse_a_changed_domain(f, claim)  # exp(log(x)) is not x: SymPy's reading must have the typed domain
    if hard_stop.in_process():
        return _certify_here(f, claim, assume, budget, deadline)
    outcome = hard_stop.run("certify", (f, claim, assume, budget, deadline), deadline=deadline)
    text = expression_text(family.expr)
    if outcome.stopped:
        return Verdict(claim, text, "unknown", f"Undecided: the time budget of {budget:g} s ran out "
                                               f"(the search was stopped).")
    if outcome.died:
        return Verdict(claim, text, "unknown", f"Undecided: {outcome.reason}.")
    verdict = outcome.value
    if verdict.status == "unknown":
        return verdict
    # The worker ran the kernel on this certificate before sending it (a fork of this process: the same
    # checker); checking it again here doubled the cost of a heavy certificate (issue 30's overhead).
    # What is checked here is that the answer is to the question asked.
    cert = verdict.certificate
    if not (isinstance(cert, dict) and cert.get("claim") == claim and cert.get("verdict") == verdict.status):
        return Verdict(claim, verdict.function, "unknown",
                       "Undecided: the prover process answered with no certificate for this claim.")
    return verdict


def _check_budget(budget):
    if isinstance(budget, bool) or not (isinstance(budget, (int, float)) and 0 < budget <= 3600):
        raise InputError(f"budget must be a number of seconds in (0, 3600], got {budget!r}")


def _certify_here(f, claim, assume, budget, deadline):
    """The search of :func:`certify`, in this process (a worker's, or the caller's when asked for):
    candidates best first, the first that the checker accepts kept. The cooperative checks stop it at
    ``deadline`` (a ``time.monotonic()`` value) between steps; in a worker, the kill stops a long check
    too."""
    referee = _Referee(claim)
    family = parse_family(f, assume)
    try:
        with active(family.box):  # f(0) of a family depends on its region (0**a is 0 only where a > 0)
            fn = _as_function(family.expr, claim, family.symbols)
        if fn.offered and not family.symbols:
            _proved_extension(fn, claim)
        elif fn.extended and not family.symbols:  # proved by the SymPy-based checker: does the kernel read it too?
            try:
                _proved_extension(fn, claim)
            except _UnprovedLimit:
                fn.kernel_reads_extension = False  # then only the SymPy-based checker can accept a certificate
    except _UnprovedLimit as exc:
        return Verdict(claim, expression_text(family.expr), "unknown", str(exc))
    text = expression_text(fn.real)
    clock = Budget(budget, deadline=deadline)
    rejected = []
    try:
        with active(family.box):
            for status, method, data, reason in _Prover(fn, claim, clock).attempts():
                plain = data.pop("_no_extension", False)  # f(0) plays no part in the proof
                if fn.extended and not plain:
                    reason = (f"f is undefined at 0 as written; its limit there, {fn.at0}, is used as f(0) "
                              f"(a removable singularity). ") + reason
                domain = data.pop("_domain", DOMAINS[claim])  # low-rank fails on an interval (LO, oo)
                cert = {"format": FORMAT, "version": VERSION, "claim": claim, "domain": domain,
                        "function": text, "verdict": status, "method": method, "rests_on": data.pop("_rests_on", THEOREMS[claim]),
                        "data": data, "reason": reason}
                if fn.extended and not plain:
                    cert["extension"] = {"point": "0", "value": expression_text(fn.at0)}
                if family.symbols:
                    cert["assume"] = family.region
                    reason = f"For every {', '.join(sorted(family.symbols))} with {family.region}: {reason}"
                    cert["reason"] = reason
                cert = Certificate(json.loads(json.dumps(cert)))
                rejection = referee(cert)
                if rejection is not None:
                    rejected.append(rejection)
                    continue
                return Verdict(claim, text, status, reason, Certificate(referee.accepted))
    except OutOfTime:
        return Verdict(claim, text, "unknown", f"Undecided: the time budget of {budget:g} s ran out.")
    except (ValueError, TypeError, ArithmeticError) as exc:  # SymPy cannot compare or form a value
        if isinstance(exc, InputError):  # (Max(3/2, (-1)^|x - 1|)); or a number beyond a library's C types
            raise
        return Verdict(claim, text, "unknown", f"Undecided: the search met a value SymPy cannot form ({exc}).")
    if rejected:
        return Verdict(claim, text, "unknown",
                       f"Undecided: the certificates found were rejected by the checker ({'; '.join(rejected)}).")
    return Verdict(claim, text, "unknown", "Undecided: no proof or witness was found.")


_UNDEFINED = (sympy.nan, sympy.zoo, sympy.oo, -sympy.oo, sympy.AccumBounds)


class _Fn(Function):
    """The user's function on the claim's domain, with ``f(0)`` as written or as a limit (``offered``: SymPy's
    limit, which the kernel is still to prove)."""

    offered = False
    kernel_reads_extension = True
    interval_only = None  # low-rank of f not real on R: why (then only a fails on an interval (LO, oo) is sought)

    def __init__(self, real, domain, claim):
        written = _value_or_nan(real, 0)
        self.extended = written.has(*_UNDEFINED) or written.is_extended_real is False
        extension = None
        if self.extended and not real.free_symbols - {XR}:
            value = _value_at_0_as_the_kernel_reads_it(real)
            if value is not None:  # defined as written (0^0 = 1): one reading of f, the kernel's
                self.extended = False
                super().__init__(real, domain, None, undefined_at_0_allowed=True)
                self.at0 = value
                return
        if self.extended:  # the checker's own proved limits: what it cannot prove, the prover does not offer
            sides = [(XP, "+")] + ([(sympy.Symbol("x", negative=True), "-")] if domain == "R" else [])
            try:
                limits = [limit(real.xreplace({XR: var}), var, 0, side, f"f(0{side})") for var, side in sides]
                finite = not any(v.has(*_UNDEFINED) for v in limits) and (
                    len(limits) == 1 or sympy.simplify(limits[0] - limits[1]) == 0)
            except (CheckError, ArithmeticError, ValueError, TypeError, NotImplementedError):  # SymPy's own limit
                finite = False  # (inside the SymPy-based checker's) may raise on what it does not read
            if not finite and claim != "polynomial":  # SymPy finds a limit (untrusted); the kernel proves it or not
                offered = _offered_limit(real, sides)
                if offered is not None:
                    super().__init__(real, domain, None, undefined_at_0_allowed=True)
                    self.at0, self.offered = offered, True
                    return
            if not finite:
                if claim == "polynomial":  # no polynomial is undefined anywhere: 1/x is simply not one
                    self.extended = False
                    super().__init__(real, domain, None, undefined_at_0_allowed=True)
                    return
                raise _no_finite_limit(real, written, domain, sides)
            value = sympy.simplify(limits[0]) if limits[0].free_symbols else limits[0]  # the checker proves it equal
            extension = {"point": "0", "value": expression_text(value)}
        try:
            super().__init__(real, domain, extension, undefined_at_0_allowed=claim == "polynomial")
        except CheckError as exc:
            value = _value_at_0_as_the_kernel_reads_it(real) if not real.free_symbols - {XR} else None
            if value is not None:  # defined as written under the grammar's conventions: the kernel's reading
                self.extended = False
                super().__init__(real, domain, None, undefined_at_0_allowed=True)
                self.at0 = value
                return
            sides = [(XP, "+")] + ([(sympy.Symbol("x", negative=True), "-")] if domain == "R" else [])
            offered = _offered_limit(real, sides) if claim != "polynomial" else None
            if offered is None:
                if claim != "polynomial" and "undefined at 0" in str(exc):
                    raise _no_finite_limit(real, written, domain, sides) from None
                raise InputError(f"f = {expression_text(real)}: {exc}") from None
            self.extended = True  # SymPy's limit, offered as the extension: the kernel proves it or rejects it
            super().__init__(real, domain, None, undefined_at_0_allowed=True)
            self.at0, self.offered = offered, True


class _UnprovedLimit(Exception):
    """f is undefined at 0 as written and the limit SymPy offers as its extension is not proved by the checker's
    series and orders of growth: an ``unknown`` whose reason says so (not a certificate the checker rejects)."""


def _no_finite_limit(real, written, domain, sides):
    """The refusal of an f undefined at 0 without a finite limit there, naming its behaviour at 0; where SymPy
    finds no limit at all (it fails on ``Max(x*log(1 + 1/x), gamma(1 + x))``), an ``unknown`` instead
    (:class:`_UnprovedLimit`): nothing shows that the limit is not finite."""
    where = "from the right" if domain != "R" else "from both sides"
    behaviour = _behaviour_at_0(real, sides)
    if not any(w in behaviour for w in ("tends to", "unbounded", "oscillates")):
        return _UnprovedLimit(f"Undecided: f is undefined at 0 as written, and no limit there was found "
                             f"(SymPy's limit fails on it{': ' + behaviour.strip(' ()') if behaviour else ''}).")
    return InputError(f"f = {expression_text(real)} is undefined at 0 (f(0) = {written}) and has no finite "
                      f"limit there {where}{behaviour}; the claim needs f on "
                      f"{'[0, oo): the diagonal of f(distance) is f(0)' if domain != 'R' else 'R'}")


def _value_or_nan(expr, point):
    """``expr`` at ``x = point`` (:func:`value_at`), or ``nan`` where SymPy cannot even form the value
    (``Max(zoo, 0)`` raises ``ValueError``)."""
    try:
        return value_at(expr, XR, point)
    except (ValueError, TypeError, ArithmeticError):
        return sympy.nan


def _proved_extension(fn, claim):
    """Ask the kernel (the checker's reading of an extension) whether SymPy's limit, offered as ``f(0)``, is
    proved; raise :class:`_UnprovedLimit` with its reason if not, so that no certificate is built on it."""
    from symrep.certificates.fuel import tank
    from symrep.certificates.rules.function import Function as KernelFunction

    value = expression_text(fn.at0)
    try:
        with tank():
            KernelFunction(expression_text(fn.real), DOMAINS[claim], extension={"point": "0", "value": value})
    except CheckError as exc:
        raise _UnprovedLimit(f"Undecided: f is undefined at 0 as written, and its limit there ({value} by SymPy) is "
                            f"not proved by the checker's series or orders of growth ({exc}).") from None


def _as_function(f, claim, parameters=None):
    parameters = set((parameters or {}).values())
    if isinstance(f, str):
        f = parse_expression(f, ("x",))
    body = lambda_body(f, XR)
    f = body if body is not None else f
    if not isinstance(f, sympy.Expr):
        raise InputError(f"f must be text, a SymPy expression or a one-variable Lambda, got {type(f).__name__}")
    free = f.free_symbols - parameters
    if len(free) > 1:
        raise InputError(f"f has free symbols {', '.join(sorted(map(str, free)))}; it must depend on x alone")
    if free:
        f = f.xreplace({next(iter(free)): XR})
    if f.has(sympy.I) or f.has(*_UNDEFINED):
        raise InputError(f"f = {f} is not a real function")
    domain = DOMAINS[claim]
    if claim == "low-rank":  # the entries of QK^T take both signs; where f is not real on R, decide on an interval
        try:
            return _as_function_on(f, claim, domain, (sympy.Rational(1, 3), 1, sympy.Rational(7, 2), 10,
                                                      -sympy.Rational(1, 3), -1, -sympy.Rational(7, 2), -10))
        except (InputError, TypeError, ValueError) as exc:  # SymPy cannot value f at a negative point: not real there
            points = (sympy.Rational(1, 3), 1, sympy.Rational(7, 2), 10)
            try:
                fn = _as_function_on(f, claim, HALF_LINE, points)
                if fn.extended or fn.offered:  # undefined at 0 as written: the interval (0, oo) needs no f(0)
                    fn = _open_half_line(f, points) or fn
            except (InputError, _UnprovedLimit, TypeError, ValueError):
                fn = _open_half_line(f, points)  # log(x), 1/x: real on (0, oo), undefined at 0
                # sqrt(1 - x^2): real on a bounded interval only (decided there, its ends found by the search)
                fn = fn or _open_half_line(f, (sympy.Rational(1, 3), sympy.Rational(1, 2)))
                if fn is None:
                    raise exc from None
            fn.interval_only = str(exc) if isinstance(exc, InputError) else \
                f"f = {expression_text(f)} has no real value SymPy can form at a negative x"
            return fn
    try:
        return _as_function_on(f, claim, domain, (sympy.Rational(1, 3), 1, sympy.Rational(7, 2), 10))
    except InputError as exc:  # polynomial: f not real somewhere on R is no polynomial there (an undefined-at proof)
        fn = (_open_half_line(f, (sympy.Rational(1, 3), sympy.Rational(1, 2))) or _open_half_line(f, (2, 3))) \
            if claim == "polynomial" else None
        if fn is None:
            raise
        fn.interval_only = str(exc)
        return fn


def _open_half_line(f, points):
    """``f`` read as written on ``(0, oo)`` where it is real at the points but has no value or finite limit at 0
    (``log(x)``, ``1/x``): for ``low-rank`` on an interval ``(LO, oo)``, ``LO >= 0``, alone; None if not real."""
    for x0 in points:
        try:
            value = _numeric_complex(value_at(f, XR, x0))
        except (TypeError, ValueError, ArithmeticError, InputError):  # SymPy cannot form it: Max((-1)^x, x)
            return None
        if value is None or abs(value.imag) > 1e-12 * max(1.0, abs(value.real)):
            return None
    fn = _Fn.__new__(_Fn)
    try:
        Function.__init__(fn, f, HALF_LINE, None, undefined_at_0_allowed=True)
    except CheckError:
        return None
    fn.extended = False
    return fn


def _as_function_on(f, claim, domain, points):
    for x0 in points:
        exact = _value_or_nan(f, x0) if f.has(sympy.Max, sympy.Min) else value_at(f, XR, x0)  # sized first: x^x^x
        where = "R (the entries of QK^T take both signs)" if domain == "R" else "[0, oo)"
        if exact.has(*_UNDEFINED):
            if claim == "low-rank":
                raise InputError(f"f = {expression_text(f)} is undefined at x = {x0}; {claim} needs f on {where}")
            _refuse_where_the_kernel_sees_no_value(f, x0, claim, where)
            continue
        value = _numeric_complex(exact)
        if value is not None and abs(value.imag) > 1e-12 * max(1.0, abs(value.real)):
            raise InputError(f"f = {expression_text(f)} is not real on {where}: f({x0}) = {value:.6g}")
        _refuse_where_the_kernel_sees_no_value(f, x0, claim, where)
    try:
        return _Fn(f, domain, claim)
    except CheckError as exc:  # SymPy cannot form f on a side (Max(1, sqrt(x)) with x < 0): not real there
        raise InputError(f"f = {expression_text(f)} is not real on {'R' if domain == 'R' else '[0, oo)'} as SymPy "
                         f"reads it ({exc})") from None


def _refuse_where_the_kernel_sees_no_value(f, x0, claim, where):
    """Refuse f that the checker proves undefined at ``x0`` (``Abs(sqrt(x))`` is real to SymPy, but ``sqrt(-1)`` is
    undefined to the kernel): the certificate could only be rejected."""
    from symrep.certificates.grammar import read
    from symrep.certificates.rules.function import proved_undefined
    from symrep.certificates.terms import substitute

    try:
        undefined = proved_undefined(substitute(read(expression_text(f), "f"), {"x": read(_t(x0), "x0", variables=())}))
    except CheckError:
        return
    if undefined and claim == "low-rank":
        raise InputError(f"f = {expression_text(f)} is undefined at x = {x0} as the checker reads it (a root or "
                         f"logarithm of a negative number); {claim} needs f on {where}")
    if undefined:
        raise InputError(f"f = {expression_text(f)} is not real on {where}: the checker reads it as undefined at "
                         f"x = {x0} (a root, logarithm or Bessel function of a negative number)")


def _numeric_complex(value):
    try:
        re, im = sympy.N(value, 20).as_real_imag()
        re, im = float(sympy.sign(re)) * min(abs(float(re)), 1e300), float(im) if abs(im) < 1e300 else 1e300
    except (TypeError, ValueError, ArithmeticError, MemoryError, RecursionError):  # 10**(10**40) exhausts mpmath
        return None
    return complex(re, im) if math.isfinite(re) and math.isfinite(im) else None



def _is_family(g):
    """``g`` has parameters and a region is active (the prover works on a box of a family)."""
    from symrep.certificates.regions import active_region

    return bool(active_region()) and bool(g.free_symbols - {X})


class _Prover(DerivationSearch, WitnessSearch, FarWitnessSearch, PolynomialSearch):
    """Candidate answers, best first; ``certify`` keeps the first that the checker accepts.

    ``self.f`` is ``f`` on ``(0, oo)`` (a positive ``x``), ``self.f0`` its value at 0 and
    ``self.fn`` the whole function on the claim's domain.
    """

    def __init__(self, fn, claim, clock):
        self.fn, self.f, self.f0, self.claim, self.clock = fn, fn.pos, fn.at0, claim, clock
        self.deadline = clock.deadline
        self.tick = clock.tick
        self.laplace_memo, self.laplace_left = {}, default_seconds(LAPLACE_SECONDS)  # the Laplace route's share (scaled on a loaded machine)

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
        if self.claim != "completely-monotone":  # the fast numeric witness first: the Laplace route may spend
            yield self.box_witness("l2" if l2 else "l1", square=False, negative_type=False)  # the whole budget
        yield self.zero_witness()  # cheap, and no derivation exists where it applies (compact support)
        yield self.derivative_zero_witness("f(sqrt(x))" if l2 else "f")  # f with kinks only: constant on a piece
        family = _is_family(g)
        if family:  # a family's witnesses are cheap to screen; a derivation search that cannot succeed is not
            yield self.derivative_witness(g, "f(sqrt(x))" if l2 else "f")
            yield self.flat_start("f(sqrt(x))" if l2 else "f")
            yield from self.parametric_witnesses(g, "f(sqrt(x))" if l2 else "f")
        if not family:
            yield from self.early_near_misses(g, "f(sqrt(x))" if l2 else "f")  # a difference of atoms only
        literal = literal_node(expression_text(self.fn.real), l2) if not (below or family) else None
        node = literal[0] if literal else self._from_l1(g) if l2 and not below else None
        node = node or (self.derive(g, "CM", 0) if not below else None)
        if node is not None:
            data = {"derivation": node}
            if l2:
                data["transformed"] = literal[1] if literal else _t(g)
            what = "t -> f(sqrt t)" if l2 else "f"
            yield ("holds", "derivation", data,
                   f"{what} is completely monotone on (0, oo) by the derivation in the certificate, and f(0) is "
                   f"at least its limit from the right; by {'Schoenberg' if l2 else 'the seed paper'} the claim holds.")
        if below:
            yield ("fails", "value-witness", {"kind": "below-limit-at-0"},
                   f"f(0) = {self.f0} is below the limit f(0+) = {jump} (proved by ball arithmetic); the paper's "
                   f"completely monotone functions may jump up at 0, never down.")
        yield self.negative_value(g)
        if not family:
            yield self.derivative_witness(g, "f(sqrt(x))" if l2 else "f")
            yield self.flat_start("f(sqrt(x))" if l2 else "f")
            yield from self.near_misses(g, "f(sqrt(x))" if l2 else "f")

    def _from_l1(self, g):
        """pd-l1 implies pd-l2: a derivation of ``f`` itself as CM, composed with the Bernstein ``sqrt t`` (CM after
        Bernstein is CM, SSV Thm 3.7), proves ``t -> f(sqrt t) = g`` CM; ``f`` is often the simpler of the two.
        The attempt gets a share of the budget (``L1_SHARE`` of what is left), the direct search of ``g`` the rest."""
        if not plausibly_cm(self.f):
            return None
        whole = self.tick
        self.tick = Budget(max(L1_SHARE * self.clock.left(), 1e-3)).tick
        try:
            node = self.derive(self.f, "CM", 0)
        except OutOfTime:
            node = None
        finally:
            self.tick = whole
        self.tick()
        if node is None:
            return None
        root = _n("BF", sympy.sqrt(X), "bf-power", {"s": "1/2"})
        return _n("CM", g, "compose", {}, [node, root])

    # --- Bernstein claims ---------------------------------------------------------------

    def metric_transform(self):
        claim = self.claim
        square = claim == "l2-to-l2"
        f0 = self.f0
        if _provably_nonzero(f0):
            yield ("fails", "value-witness", {"kind": "nonzero-at-0"},
                   f"f(0) = {f0} is not 0, so f(distance) is not a metric (and not Bernstein in the paper's sense).")
        g = sympy.powsimp(_simplify_sqrt(self.f) ** 2, force=True) if square else self.f
        if square and self.f.is_Pow and self.f.exp == sympy.Rational(1, 2):
            g = _simplify_sqrt(self.f.base)  # f = sqrt(H): f(sqrt t)^2 is H(sqrt t), as the kernel reads it (simplify
            # would split log(sinh(sqrt(t))/sqrt(t)), which the kernel's normal form does not join again)
        elif square:
            g = sympy.simplify(g)
        target = sympy.diff(g, X) if square else sympy.diff(self.f, X)
        of = "(f(sqrt(x))^2)'" if square else "f'"
        family = _is_family(target)
        if family:  # a family's witnesses first (see positive_definite)
            yield self.derivative_witness(target, of)
            yield self.flat_start(of)
            yield from self.parametric_witnesses(target, of)
        # float samples show f' is not CM: no derivation exists, so the search is skipped and the witnesses below
        # come at once (an ordering only: a witness is still proved); tanh's search took 17 s to fail
        hopeless = not family and (not plausibly_cm(target) or negative_far_out(target))  # near misses: far out
        if not family and not hopeless:
            yield from self.early_near_misses(target, of)  # a difference of atoms only
        split = square and f0 == 0 and not family  # g' = [f(sqrt t)/sqrt t] f'(sqrt t), both CM: g Bernstein
        node = square_split(self, self.f, g, quick=True) if split else None
        node = node or (self.derive(g, "BF", 0) if f0 == 0 and not hopeless else None)
        node = node or (square_split(self, self.f, g) if split else None)
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
        if not family:
            yield self.derivative_witness(target, of)
            yield self.flat_start(of)
            yield self.derivative_zero_witness(of)
            yield from self.near_misses(target, of)

