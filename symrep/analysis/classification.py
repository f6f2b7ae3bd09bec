"""``classify``: for which parameter values does a claim hold? Regions, each with its own certificate.

The parameter space (one or two parameters, within the assumptions given) is split into boxes,
and each box gets ``holds``, ``fails`` or ``unknown`` from :func:`~symrep.analysis.verdicts.certify`
run *on the whole box* (so every ``holds`` and ``fails`` region carries a certificate that the
checker accepts for every parameter value in it). The first split comes from the derivation
itself: the prover derives the claim once while *recording* the side conditions on the parameters
instead of proving them (``a > 0``, ``1 - a >= 0`` for ``exp(-x^a)``); the set where all of them
hold is the candidate ``holds`` region, and its ends are the breakpoints. Boxes that stay
``unknown`` are split further (at a midpoint, or one unit further out on an unbounded side) up to
``depth`` times; an ``unknown`` box is reported, never hidden, with the verdicts at sampled points
listed as such.

Examples
--------
>>> from symrep.analysis.classification import classify
>>> result = classify("x^s", "l1-to-l1")
>>> [(r.region, r.verdict) for r in result.regions]  # doctest: +NORMALIZE_WHITESPACE
[('(s < 0)', 'unknown'), ('(0 <= s) & (s <= 0)', 'fails'), ('(0 < s) & (s <= 1)', 'holds'), ('(1 < s)', 'fails')]
>>> "undefined at 0" in result.regions[0].reason   # x^s has no value at 0 for s < 0: the claim needs f(0)
True

"""

import json
import reprlib
import time
from dataclasses import dataclass, field

import sympy

from symrep.analysis import hard_stop
from symrep.analysis.budget import default_seconds
from symrep.analysis.parameters import RECORDED, parse_family
from symrep.analysis.typed_text import changed_domain_point, refuse_a_changed_domain
from symrep.geometry.expressions import expression_text
from symrep.certificates.regions import Interval, region_text, sample_point
from symrep.errors import InputError

__all__ = ["classify", "Classification", "RegionVerdict", "MAX_DEPTH"]

#: Most times an undecided box is split.
MAX_DEPTH = 4
#: Seconds for the first search, which records the side conditions on the parameters (at most the budget).
_BREAKPOINT_SECONDS = 5.0


@dataclass
class RegionVerdict:
    """One box of parameter space: its text, verdict, certificate (for holds/fails) and reason."""

    region: str
    verdict: str
    reason: str
    certificate: dict = None
    box: dict = field(default=None, repr=False)
    samples: list = field(default_factory=list)

    def to_dict(self):
        out = {"region": self.region, "verdict": self.verdict, "reason": self.reason,
               "certificate": self.certificate}
        if self.samples:
            out["sampled_points"] = self.samples
        return out


def percent(share):
    """A decided share as text, never rounded up to ``100%`` while an unknown region is left: ``99.9%``."""
    return "100%" if share == 1 else f"{min(100 * share, 99.9):.1f}%"


@dataclass
class Classification:
    """The regions of :func:`classify`, in order along the (first) parameter.

    Attributes
    ----------
    function : str
        The family ``f`` as text (``exp(-c*x)``).
    claim : str
        The claim decided region by region.
    parameters : list of str
        The parameters' names, sorted (one or two).
    assumption : str
        The assumptions the parameter space was restricted to first (``True`` for none).
    regions : list of RegionVerdict
        Boxes of parameter space, each with its text (``(0 <= c)``), verdict (``holds``, ``fails`` or
        ``unknown``), reason, certificate (for ``holds`` and ``fails``) and, where undecided, verdicts at
        sampled points.
    seconds : float
        How long the classification took.

    Examples
    --------
    >>> result = classify("exp(-c*x)", "pd-l1")
    >>> result
    Classification('exp(-c*x)', 'pd-l1': 2 regions; holds 1, fails 1)
    >>> [(r.region, r.verdict) for r in result.regions]
    [('(c < 0)', 'fails'), ('(0 <= c)', 'holds')]
    """

    function: str
    claim: str
    parameters: list
    assumption: str
    regions: list
    seconds: float

    def to_dict(self):
        return {"function": self.function, "claim": self.claim, "parameters": self.parameters,
                "assumption": self.assumption, "regions": [r.to_dict() for r in self.regions],
                "decided_share": self.decided_share()}

    def to_json(self, indent=2):
        return json.dumps(self.to_dict(), indent=indent)

    def decided_share(self, window=10):
        """Share of the parameter line within ``[-window, window]`` (of the first parameter, for one
        parameter) covered by ``holds``/``fails`` regions."""
        if len(self.parameters) != 1:
            return None
        total = decided = 0
        for r in self.regions:
            (interval,) = r.box.values()
            lo, hi = max(interval.lo, -window), min(interval.hi, window)
            length = float(hi - lo) if hi > lo else 0.0
            total += length
            decided += length if r.verdict in ("holds", "fails") else 0.0
        return decided / total if total else 1.0

    def __str__(self):
        lines = [f"{self.claim} for f(x) = {self.function}, parameters {', '.join(self.parameters)}"
                 + (f" (assuming {self.assumption})" if self.assumption != "True" else "")]
        width = max(len(r.region) for r in self.regions)
        for r in self.regions:
            method = f"  [{r.certificate['method']}]" if r.certificate else ""
            lines.append(f"  {r.region:<{width}}  {r.verdict:<7}{method}")
            for point, verdict in r.samples:
                lines.append(f"  {'':<{width}}    at {point}: {verdict} (a sampled point, not the region)")
        share = self.decided_share()
        if share is not None:
            lines.append(f"decided: {percent(share)} of the parameter line in [-10, 10]; {self.seconds:.1f} s")
        return "\n".join(lines)

    def __repr__(self):
        counts = {v: sum(r.verdict == v for r in self.regions) for v in ("holds", "fails", "unknown")}
        return (f"Classification({reprlib.repr(self.function)}, {self.claim!r}: {len(self.regions)} regions; "
                + ", ".join(f"{v} {n}" for v, n in counts.items() if n) + ")")

    def _repr_latex_(self):
        from symrep.analysis.verdicts import _latex_escape, _latex_function

        rows = []
        for r in self.regions:
            region = _region_latex(r.box) if r.box else r"\text{%s}" % _latex_escape(r.region)
            how = f" ({_latex_escape(r.certificate['method'])})" if r.certificate else ""
            rows.append(f"{region} & \\text{{{r.verdict}{how}}}")
        rows = r" \\ ".join(rows)
        return (f"$\\displaystyle \\text{{{_latex_escape(self.claim)} for }} f(x) = {_latex_function(self.function)}"
                f"\\colon\\quad \\begin{{array}}{{ll}} {rows} \\end{{array}}$")


def _region_latex(box):
    """LaTeX of a box of parameter space: ``0 < c \\le 1``, one comparison chain per parameter."""
    parts = []
    for symbol in sorted(box, key=str):
        interval, name = box[symbol], sympy.latex(symbol)
        if interval.lo == interval.hi:
            parts.append(f"{name} = {sympy.latex(interval.lo)}")
            continue
        below, above = (r"\le" if closed else "<" for closed in (interval.lo_closed, interval.hi_closed))
        low = f"{sympy.latex(interval.lo)} {below} " if interval.lo.is_finite else ""
        high = f" {above} {sympy.latex(interval.hi)}" if interval.hi.is_finite else ""
        parts.append(low + name + high)
    return r",\ ".join(parts) or r"\text{all values}"


def classify(f, claim, *, assume=(), budget=None, depth=MAX_DEPTH, piece_budget=None, progress=None):
    """Split the parameter space of ``f`` into regions where ``claim`` holds, fails or is unknown.

    Parameters
    ----------
    f : str or sympy.Expr
        A family: any name other than ``x`` is a parameter (one or two).
    claim : str
        One of the claims of :func:`~symrep.analysis.verdicts.certify` that take parameters.
    assume : str or list of str
        Comparisons that restrict the parameter space first (``"a > 0"``).
    budget, piece_budget : float, optional
        Seconds for the whole classification (60 by default), and for each box at most (8 by default); the
        defaults are scaled by ``SYMREP_BUDGET_SCALE`` (:func:`~symrep.analysis.budget.default_seconds`). Each box's search runs in a worker
        process killed at its deadline (:mod:`~symrep.analysis.hard_stop`), so the call returns within
        about ``budget + 1`` seconds from any thread.
    depth : int
        How often an undecided box is split (0 to ``MAX_DEPTH``).
    progress : callable, optional
        Called with a line of text as each region is decided (the command line prints it).

    Returns
    -------
    Classification
        The regions in order; every ``holds`` and ``fails`` region carries a certificate that the checker
        accepts for every parameter value in it.

    Raises
    ------
    InputError
        ``depth`` outside ``0..MAX_DEPTH``; ``f`` without parameters (use :func:`certify`) or with more than
        two; assumptions that do not read.
    ParseError
        ``f`` or ``assume`` is text outside the grammar.

    Examples
    --------
    >>> result = classify("exp(-x^a)", "pd-l1", assume="a > 0")
    >>> [(r.region, r.verdict) for r in result.regions]
    [('(0 < a) & (a <= 1)', 'holds'), ('(1 < a)', 'fails')]
    >>> result.regions[0].certificate["assume"]
    '(0 < a) & (a <= 1)'
    """
    from symrep.analysis.verdicts import _check_budget, certify

    if isinstance(depth, bool) or not (isinstance(depth, int) and 0 <= depth <= MAX_DEPTH):
        raise InputError(f"depth must be an integer from 0 to {MAX_DEPTH}, got {depth!r}")
    budget = default_seconds(60.0) if budget is None else budget
    piece_budget = default_seconds(8.0) if piece_budget is None else piece_budget
    for name, value in (("budget", budget), ("piece_budget", piece_budget)):
        try:
            _check_budget(value)
        except InputError:
            raise InputError(f"{name} must be a number of seconds in (0, 3600], got {value!r}") from None
    start = time.monotonic()
    deadline = start + budget
    family = parse_family(f, assume)
    refuse_a_changed_domain(f, claim)  # exp(log(x)) is not x (symrep.analysis.typed_text)
    if not family.symbols:
        raise InputError(f"f = {f} has no parameters: use certify for a single function")
    base = family.box
    breaks = _breakpoints(family, claim, min(default_seconds(_BREAKPOINT_SECONDS), budget), deadline)
    todo = _split(base, breaks)
    done = []
    while todo:
        box, level = todo.pop(0)
        left = deadline - time.monotonic()
        text = region_text({s: i for s, i in box.items()})
        if left <= 0.5:
            done.append(RegionVerdict(text, "unknown", "the time budget ran out before this region was tried", box=box))
            continue
        verdict = _verdict_on(certify, family, claim, box, min(piece_budget, left))
        if progress is not None:
            progress(f"{text}: {verdict.verdict} ({time.monotonic() - start:.1f} s)")
        refused = verdict.samples is None  # bad input there (f undefined at 0, say): splitting will not help
        verdict.samples = verdict.samples or []
        if verdict.verdict == "unknown" and not refused and level < depth and _splittable(box):
            todo[:0] = [(part, level + 1) for part in _halves(box)]
            continue
        if verdict.verdict == "unknown" and not refused:
            verdict.samples = _samples(certify, family, claim, box, deadline)
        done.append(verdict)
    done.sort(key=lambda r: [(_key(i.lo), not i.lo_closed) for i in r.box.values()])
    done = _merged(done, certify, family, claim, deadline, piece_budget)
    return Classification(str(family.expr), claim, sorted(family.symbols), family.region, done,
                          time.monotonic() - start)


def _verdict_on(certify, family, claim, box, seconds):
    """certify on the whole box; a parameter fixed to one value is substituted (so that ``b = 0`` makes
    ``(1 + x)^(-b)`` the constant 1, which SymPy would not do for a symbol merely known to be 0)."""
    text = region_text(box)
    fixed = {symbol: interval.lo for symbol, interval in box.items() if interval.lo == interval.hi}
    expr = family.expr.xreplace(fixed)
    if fixed:  # SymPy evaluates as it substitutes: 0*log(x) is 0, defined where the family at c = 0 is not
        with sympy.evaluate(False):
            raw = family.expr.xreplace(fixed)
        if changed_domain_point(expression_text(raw), expression_text(expr), claim) is not None:
            fixed, expr = {}, family.expr  # the family itself on the one-point box: the kernel puts the value in
    # a parameter the substitution eliminated ((x + c)^0 - c^0 = 0 has no c) is no parameter of the function
    # certified: its interval is dropped from the assumption (the verdict is the same for all its values)
    free = {symbol: interval for symbol, interval in box.items() if symbol not in fixed and symbol in expr.free_symbols}
    assumption = region_text(free) if free else ()
    try:
        v = certify(str(expr), claim, assume=assumption if assumption != "True" else (), budget=seconds)
    except InputError as exc:
        return RegionVerdict(text, "unknown", f"not decided here: {exc}", box=box, samples=None)
    reason = v.reason if not fixed else f"With {', '.join(f'{s} = {p}' for s, p in fixed.items())}: {v.reason}"
    return RegionVerdict(text, v.status, reason, dict(v.certificate) if v.certificate else None, box=box)


def _breakpoints(family, claim, seconds, deadline):
    """Rational values of each parameter where the recorded side conditions change (searched in a
    worker: ``seconds`` for the search, as long again and two more for the roots, stopped at ``deadline``
    at the latest; when it is stopped only 0 is a breakpoint)."""
    region = family.region if family.region != "True" else ()
    deadline = min(time.monotonic() + 2 * seconds + 2.0, deadline)
    try:
        outcome = hard_stop.run("breakpoints", (str(family.expr), claim, region, seconds), deadline=deadline)
        found = outcome.value if outcome.ok else {}
    except InputError:
        found = {}
    breaks = {s: {sympy.Rational(r) for r in found.get(s.name, ())} for s in family.box}
    for symbol, interval in family.box.items():  # 0 separates the signs a parameter can have
        if interval.lo < 0 < interval.hi:
            breaks[symbol].add(sympy.Integer(0))
    return breaks


def _recorded_breaks(expr_text, claim, region, seconds):
    """The job of :func:`_breakpoints` (run in a worker): certify once while recording the side
    conditions on the parameters, and return the rational roots where they change, as text by parameter
    name."""
    from symrep.analysis.verdicts import certify

    family = parse_family(expr_text, region)
    token = RECORDED.set([])
    try:
        certify(expr_text, claim, assume=region, budget=seconds)
        conditions = RECORDED.get()
    finally:
        RECORDED.reset(token)
    breaks = {s.name: set() for s in family.box}
    names = {s.name for s in family.box}
    for value, _ in conditions:
        symbols = {s for s in value.free_symbols if s.name in names}
        if len(symbols) != 1:
            continue
        (symbol,) = symbols
        for part in _polynomial_parts(value, symbol):
            try:
                roots = sympy.Poly(sympy.expand(part), symbol).real_roots()
            except (sympy.PolynomialError, NotImplementedError):
                roots = []
            breaks[symbol.name] |= {str(r) for r in roots if r.is_Rational}
    return {name: sorted(values) for name, values in breaks.items()}


def _polynomial_parts(value, symbol):
    """Polynomials in ``symbol`` whose real roots include every point where ``value`` changes sign, read
    off its structure: a product changes sign only where a factor does, ``log u`` where ``u = 1``,
    ``u^p`` (p > 0) where ``u`` does; ``exp`` never. Anything else contributes nothing (no breakpoint
    is found, which costs only precision: the regions are still certified one by one)."""
    if value.is_polynomial(symbol):
        yield value
    elif value.is_Mul:
        for factor in value.args:
            yield from _polynomial_parts(factor, symbol)
    elif isinstance(value, sympy.log):
        yield from _polynomial_parts(value.args[0] - 1, symbol)
    elif value.is_Pow and value.exp.is_number and value.exp > 0:
        yield from _polynomial_parts(value.base, symbol)


def _split(box, breaks):
    """The box cut at every breakpoint: the open pieces between breakpoints, and each breakpoint on its
    own (a claim often holds exactly up to and including it: ``c >= 0``); :func:`_merged` joins
    neighbours again where one certificate covers both."""
    per_symbol = {}
    for symbol, interval in box.items():
        points = sorted(p for p in breaks.get(symbol, ()) if interval.lo < p < interval.hi)
        ends = [interval.lo] + points + [interval.hi]
        pieces = []
        for i, (lo, hi) in enumerate(zip(ends, ends[1:])):
            pieces.append(Interval(lo, hi, interval.lo_closed if i == 0 else False,
                                   interval.hi_closed if i == len(ends) - 2 else False))
            if i < len(ends) - 2:
                pieces.append(Interval(hi, hi, True, True))
        per_symbol[symbol] = pieces
    boxes = [{}]
    for symbol in box:
        boxes = [{**b, symbol: piece} for b in boxes for piece in per_symbol[symbol]]
    return [(b, 0) for b in boxes]


def _merged(regions, certify, family, claim, deadline, piece_budget):
    """Neighbouring regions with the same verdict, joined where a certificate for the union is found
    (so that ``(0 < c)`` and ``c = 0`` become ``(0 <= c)``), and neighbouring unknown regions joined as they are:
    boxes that agree in every parameter but one, and meet in that one."""
    out = []
    for region in regions:
        for k, previous in enumerate(out):
            union = _union(previous.box, region.box)
            if union is not None and previous.verdict == region.verdict == "unknown":  # no proof either way on both:
                reason = previous.reason if previous.reason == region.reason else "undecided on each part of it"
                samples = (previous.samples or []) + (region.samples or [])
                out[k] = RegionVerdict(region_text(union), "unknown", reason, box=union, samples=samples)
                break  # one unknown region, not a row of them
            if (union is not None and previous.verdict == region.verdict and region.verdict in ("holds", "fails")
                    and time.monotonic() < deadline - 1):
                joined = _verdict_on(certify, family, claim, union, min(piece_budget, deadline - time.monotonic()))
                if joined.verdict == region.verdict:
                    out[k] = joined
                    break
        else:
            out.append(region)
    return out


def _union(first, second):
    """The box ``first | second`` when they differ in one parameter only and meet there, else None."""
    differing = [s for s in first if first[s] != second[s]]
    if len(differing) != 1:
        return None
    (symbol,) = differing
    a, b = sorted((first[symbol], second[symbol]), key=lambda i: (_key(i.lo), not i.lo_closed))
    if not (a.hi == b.lo and (a.hi_closed or b.lo_closed)) or (a.hi_closed and b.lo_closed and a.lo != a.hi
                                                                 and b.lo != b.hi):
        return None
    return {**first, symbol: Interval(a.lo, b.hi, a.lo_closed, b.hi_closed)}


def _splittable(box):
    return any(i.lo != i.hi for i in box.values())


def _halves(box):
    """Two boxes from the widest side: at a simple rational midpoint, or one unit out when unbounded."""
    symbol = max(box, key=lambda s: _width(box[s]))
    interval = box[symbol]
    if interval.lo.is_finite and interval.hi.is_finite:
        cut = sympy.nsimplify((interval.lo + interval.hi) / 2)
    elif interval.lo.is_finite:
        cut = interval.lo + max(1, abs(interval.lo))
    elif interval.hi.is_finite:
        cut = interval.hi - max(1, abs(interval.hi))
    else:
        cut = sympy.Integer(0)
    first = Interval(interval.lo, cut, interval.lo_closed, True)
    second = Interval(cut, interval.hi, False, interval.hi_closed)
    return [{**box, symbol: first}, {**box, symbol: second}]


def _width(interval):
    return float("inf") if not (interval.lo.is_finite and interval.hi.is_finite) else float(interval.hi - interval.lo)


def _samples(certify, family, claim, box, deadline):
    """Verdicts at one inner point of an undecided box (points, not the region)."""
    point = {s: sample_point(i) for s, i in box.items()}
    if time.monotonic() > deadline - 1:
        return []
    text = " & ".join(f"{p} <= {s} <= {p}" for s, p in point.items())
    try:
        v = certify(str(family.expr), claim, assume=text, budget=min(default_seconds(3.0), deadline - time.monotonic()))
    except InputError:
        return []
    where = ", ".join(f"{s} = {p}" for s, p in point.items())
    return [(where, v.status)]


def _key(value):
    return float(value) if value.is_finite else (float("-inf") if value < 0 else float("inf"))
