"""Standalone LaTeX documents: certificates, character tables, spectra and decompositions.

Each ``*_document`` function returns the LaTeX source of a complete document (templates in
``symrep/templates``); :func:`symrep.render.latex.compile_pdf` turns it into a PDF. A certificate is
re-verified by the independent checker before it is rendered; every step printed is one it performs.

Why this module is long: it holds one page builder per certificate method (derivation, box, derivative,
log-convexity, value, triangle, polynomial, not-polynomial, cube-rank) beside the table and spectrum
documents, all sharing the same LaTeX helpers; split up, each piece would import those helpers back.

Why this module is long: it holds one page per certificate method (each step the checker performs, in words),
and the pages share their statements, titles and helpers; split, they would import each other.

Examples
--------
>>> from symrep.analysis.verdicts import certify
>>> from symrep.render.documents import certificate_document
>>> tex = certificate_document(certify("exp(-x^2)", "pd-l1").certificate)
>>> tex.startswith("\\\\documentclass") and "\\\\lambda_S" in tex
True
"""

import datetime
import os

import sympy

from symrep.version import __version__
from symrep.analysis.balls import enclose
from symrep.analysis.stieltjes import CLASS_RULE_TEXT, RULE_TEXT
from symrep.certificates import DOMAINS, check, parse
from symrep.certificates.claims import MAY_BE_UNDEFINED_AT_0, STABLE_RANK_CLAIM
from symrep.certificates.function import Function
from symrep.certificates.reading import XR
from symrep.render.latex import Tex, escape, render

__all__ = ["certificate_document", "certificate_summary", "table_document", "spectrum_document", "decomposition_document",
           "CLAIM_TITLES"]

X = sympy.Symbol("x", positive=True)
# f(0) of the certificate being rendered (as written, or its proved extension): the pages read f
# with x > 0, where the value at 0 is not visible (1 - 0^x is 1 there)
_AT_ZERO = {"value": None}

CLAIM_TITLES = {
    "pd-l1": "positive definite Manhattan kernel", "pd-l2": "positive definite Euclidean kernel",
    "l1-to-l1": "Manhattan metric transform", "l1-to-l2sq": "Manhattan to squared Euclidean transform",
    "l2-to-l2": "Euclidean metric transform", "low-rank": "low-rank entrywise transform",
    "completely-monotone": "completely monotone", "bernstein": "Bernstein function", "polynomial": "polynomial",
    "cube-rank": "transform of the stated rank on the cube",
    STABLE_RANK_CLAIM: "stable-rank bound",
}
_POINTS = r"for every $n$, every dimension $m$ and all points $x_1, \dots, x_n \in \mathbb{R}^m$"
_STATEMENTS = {
    "pd-l1": _POINTS + r", the matrix $\bigl[f(\lVert x_i - x_j \rVert_1)\bigr]_{i,j}$ is positive semidefinite.",
    "pd-l2": _POINTS + r", the matrix $\bigl[f(\lVert x_i - x_j \rVert_2)\bigr]_{i,j}$ is positive semidefinite.",
    "l1-to-l1": _POINTS + r", the numbers $f(\lVert x_i - x_j \rVert_1)$ form an $\ell_1$ metric.",
    "l1-to-l2sq": _POINTS + r", the numbers $f(\lVert x_i - x_j \rVert_1)$ form a squared Euclidean metric.",
    "l2-to-l2": _POINTS + r", the numbers $f(\lVert x_i - x_j \rVert_2)$ form a Euclidean metric.",
    "low-rank": r"there is a function $r$ of $d$ alone with $\operatorname{rank} f(QK^\top) \le r(d)$ for every "
                r"$n$ and all $Q, K \in \mathbb{R}^{n \times d}$ ($f$ applied entrywise).",
    "completely-monotone": r"$f$ is completely monotone on $[0, \infty)$ in the sense of the seed paper: "
                           r"$(-1)^k f^{(k)}(x) \ge 0$ for all $k \ge 0$ and $x > 0$, and $f(0) \ge f(0^+)$.",
    "bernstein": r"$f$ is a Bernstein function in the sense of the seed paper: $f(0) = 0$, $f \ge 0$ and $f'$ "
                 r"is completely monotone on $(0, \infty)$.",
    "polynomial": r"$f$ is a polynomial.",
    "cube-rank": r"the matrix $\bigl[f(\langle x, y\rangle)\bigr]$ over all $x, y \in \{\pm1\}^{DIM}$ (and the "
                 r"flattening $\bigl[f(\sum_k x_k y_k w_k)\bigr]$) has rank RANK.",
    STABLE_RANK_CLAIM: r"$\frac{x}{\sqrt{\ell}} \le f(x) \le \sqrt{L}\,x$ for every $x \in RANGE$, with $\ell = ELL$ "
                       r"and $L = BIGL$. Hence, for every matrix $A \ge 0$ with entries in $RANGE$, "
                       r"$\operatorname{srank}(A)/(L\ell) \le \operatorname{srank}(f(A)) \le L\ell\,"
                       r"\operatorname{srank}(A)$ with $L\ell = FACTOR$, where $\operatorname{srank}(M) = "
                       r"\lVert M\rVert_F^2 / \lVert M\rVert_2^2$ and $f$ is applied entrywise.",
}
_SEED = (r"J.~Alman, T.~Chu, G.~Miller, S.~Narayanan, M.~Sellke, Z.~Song, \emph{Metric Transforms and Low "
         r"Rank Representations of Kernels for Fast Attention}, NeurIPS 2024 (arXiv:2011.11503).")
_SCHOENBERG = r"I.~J.~Schoenberg, \emph{Metric spaces and completely monotone functions}, Ann.\ of Math.\ 39 (1938)."
_REFERENCES = {"pd-l1": _SEED, "l1-to-l1": _SEED + r" The `if' half: P.~Assouad (1980).",
               "l1-to-l2sq": _SEED + " The `if' half: " + _SCHOENBERG, "low-rank": _SEED,
               "pd-l2": _SCHOENBERG, "l2-to-l2": _SCHOENBERG,
               "completely-monotone": _SEED + r" Closure rules: R.~Schilling, R.~Song, Z.~Vondra\v{c}ek, "
                                               r"\emph{Bernstein Functions}, de Gruyter.",
               "bernstein": _SEED + r" Closure rules: R.~Schilling, R.~Song, Z.~Vondra\v{c}ek, "
                                     r"\emph{Bernstein Functions}, de Gruyter.",
               "polynomial": "", "cube-rank": _SEED, STABLE_RANK_CLAIM: _SEED}
_RULES = {
    "cm-const": r"a constant $c \ge 0$ is CM", "bf-const": r"a constant $c \ge 0$ is Bernstein",
    "cm-exp": r"$e^{-ax}$ with $a \ge 0$ is CM", "cm-power": r"$(x + b)^{-s}$ with $s, b \ge 0$ is CM",
    "cm-log-ratio": r"$\log(1 + b/x)$ with $b > 0$ is CM",
    "cm-log1p-ratio": r"$\log(1 + bx)/x = \int_0^b dt/(1 + tx)$ with $b > 0$ is CM",
    "cm-laplace": r"a Laplace transform $\int_0^\infty e^{-tx} \rho(t)\,dt$ of a density $\rho \ge 0$ is CM "
                  r"(Bernstein--Widder)",
    "bf-linear": r"$\beta x$ with $\beta \ge 0$ is Bernstein", "bf-power": r"$x^s$ with $0 < s \le 1$ is Bernstein",
    "bf-log1p": r"$\log(1 + x)$ is Bernstein", "sum": "a sum of functions of the class stays in it",
    "product": "a product of CM functions is CM", "scale": r"a multiple $c \ge 0$ stays in the class",
    "rewrite": "the same function, written differently", "compose": "CM after Bernstein is CM; Bernstein after "
                                                                      "Bernstein is Bernstein",
    "exp-of-cm": r"$\exp$ of a CM function is CM ($\exp$ is absolutely monotone)",
    "reciprocal": r"$1/h$ is CM for a Bernstein $h \not\equiv 0$",
    "derivative": r"$f$ is Bernstein when $f'$ is CM and $f(0^+) \ge 0$", "antiderivative": r"$f \ge 0$ with $-f'$ CM is CM",
    "integral": r"$\int_a^b g(x, s)\,ds$ of functions $g(\cdot, s)$ of the class stays in it", "cm-matern": r"$(cx)^\nu K_\nu(cx)$, $c > 0$, $\nu \le 1/2$, is CM (DLMF 10.32.8)",
    "cm-besselk": r"$K_\nu(x)$ is CM for real $\nu$ (DLMF 10.32.9)", "cm-erfcx": r"$e^{x^2}\,\mathrm{erfc}\,x$ is CM (DLMF 7.2.2)",
    "cm-besselk-sqrt": r"$x^{\nu/2} K_\nu(\sqrt x)$ is CM for real $\nu$ (DLMF 10.32.10)",
    "cm-power-sum": r"$\sum_k c_k (x + a_k)^{-s_k}$ is CM: the Laplace transform of its density "
                    r"$\sum_k c_k t^{s_k - 1} e^{-a_k t}/\Gamma(s_k)$, proved $\ge 0$ (SSV Thm 1.4)",
    "square-split": r"$g = x A^2$ with $g' = A B$, $A$ and $B$ CM, is Bernstein (a product of CM functions is CM)", "cm-gamma-ratio": r"$\Gamma(x+a)/\Gamma(x+b)$, $b \ge a \ge 0$, is CM (DLMF 5.9.16)",
    "cm-besseli": r"$e^{-cx} (ax)^{-\nu} I_\nu(ax)$, $c \ge a > 0$, $\nu > -1/2$, is CM (DLMF 10.32.2)",
}
_RULES.update(RULE_TEXT)
_CLASS = {"CM": "completely monotone", "BF": "Bernstein", "ST": "Stieltjes", "CBF": "complete Bernstein"}
_PREDICATES = ("completely-monotone",)


def _m(expr):
    """Inline math of an expression or of certificate text."""
    return "$" + sympy.latex(parse(expr, "expression") if isinstance(expr, str) else sympy.sympify(expr)) + "$"


def _ball(value):
    """LaTeX of a rigorous enclosure ``[m \\pm r]`` of an exact number."""
    ball = enclose(value, 128)
    mid, rad = sympy.Float(ball.mid().str(15, radius=False)), sympy.Float(ball.rad().str(3, radius=False))
    return r"[" + sympy.latex(mid) + r" \pm " + sympy.latex(rad) + "]"


def _common():
    """Version and date of a document; SOURCE_DATE_EPOCH (reproducible builds) fixes the date."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "")
    day = (datetime.datetime.fromtimestamp(int(epoch), datetime.timezone.utc).date() if epoch.isdigit()
           else datetime.date.today())
    return {"version": __version__, "date": day.isoformat()}


# --- certificates ------------------------------------------------------------------------

def certificate_document(cert):
    """LaTeX of a certificate: claim, data, verification steps, conclusion, theorem.

    The certificate is checked first (:class:`~symrep.certificates.CheckError` if it is not valid).
    """
    return render("certificate.tex.j2", **_certificate_context(cert))


def certificate_summary(cert):
    """The short form of a certificate's document (for the appendix of an atlas): its title, verdict,
    method sentence and data rows, as LaTeX. Checked first, like :func:`certificate_document`.

    Examples
    --------
    >>> from symrep.analysis.verdicts import certify
    >>> summary = certificate_summary(certify("exp(-x^2)", "pd-l1").certificate)
    >>> summary["verdict"], summary["rows"][0][0]
    ('fails', 'domain')
    """
    context = _certificate_context(cert)
    return {"title": context["title"], "verdict": context["verdict"], "method": context["method_sentence"],
            "rows": context["data_rows"]}


def _certificate_context(cert):
    claim, function, verdict = check(cert)
    on_interval = claim == "low-rank" and cert["domain"] != DOMAINS[claim]  # a refutation on (LO, oo)
    fn = Function(parse(function, "function", symbol=XR), "[0, oo)" if on_interval else DOMAINS[claim],
                  cert.get("extension"), undefined_at_0_allowed=claim in MAY_BE_UNDEFINED_AT_0 or on_interval,
                  kernel_checked=True)  # check(cert) above proved the extension's limit
    data, method = cert["data"], cert["method"]
    f = fn.real if method == "polynomial" else fn.pos
    _AT_ZERO["value"] = fn.at0
    _AT_ZERO["function"] = cert["function"]  # the text as certified (a closed-form derivative reads it again)
    if claim == STABLE_RANK_CLAIM:
        rows, steps = _ratio_page(cert["domain"], f, data)
        domain = _range_latex(cert["domain"])
    else:
        ends = [part.strip() for part in cert["domain"][1:-1].split(",")] if on_interval else None
        lo = sympy.Rational(ends[0]) if on_interval else None
        hi = None if not on_interval or ends[1] == "oo" else sympy.Rational(ends[1])
        x = next(iter(fn.pos.free_symbols), XR)
        shifted = fn.pos.subs(x, x + lo) if on_interval else f
        rows, steps = _METHOD_PAGES[method](claim, shifted, data)
        domain = "$[0, \\infty)$" if DOMAINS[claim] != "R" else "$\\mathbb{R}$"
        if on_interval:  # the proof is about g(x) = f(x + LO) on (0, oo), that is f on the interval
            top = "\\infty" if hi is None else sympy.latex(hi)
            interval = f"$({sympy.latex(lo)}, {top})$"
            domain = f"{interval} (an interval where $f$ is analytic)"
            width = "\\infty" if hi is None else sympy.latex(hi - lo)
            steps = [f"$f$ is real analytic on {interval} (verified), and the steps below show that $g(x) = "
                     f"f({sympy.latex(XR + lo)}) = {sympy.latex(shifted)}$ agrees with no polynomial on $(0, {width})$: "
                     f"$f$ agrees with none on the interval."] + \
                [st for st in steps if not st.startswith("By the theorem below")] + \
                [f"By the theorem below, the rank of $f(QK^\\top)$ over $Q, K$ whose product has its entries in "
                 f"{interval} is not bounded by a function of $d$ (already for width $2$)."]
    rows.insert(0, ("domain", domain))
    if "extension" in cert:
        rows.insert(1, ("value at $0$", f"$f(0) = {sympy.latex(fn.at0)}$, the limit of $f$ at $0$ "
                                        "(a removable singularity; the checker re-proves the limit)"))
    f = fn.real
    holds = verdict == "holds"
    negation = r"The claim fails: it is not true that " if not holds else "The claim holds: "
    is_a = "is" if holds else "is not"
    if claim == "cube-rank":
        statement = _STATEMENTS[claim].replace("DIM", str(data["d"])).replace("RANK", f"${data['rank']}$")
        title = f"$f(QK^\\top)$ has rank ${data['rank']}$ on $\\{{\\pm1\\}}^{{{data['d']}}}$ for $f(x) = {sympy.latex(f)}$"
    elif claim == STABLE_RANK_CLAIM:
        l, L = parse(data["l"], "l"), parse(data["L"], "L")
        statement = (_STATEMENTS[claim].replace("RANGE", domain.strip("$")).replace("ELL", sympy.latex(l))
                     .replace("BIGL", sympy.latex(L)).replace("FACTOR", sympy.latex(l * L)))
        title = (f"$f(x) = {sympy.latex(f)}$ changes the stable rank by a factor of at most "
                 f"${sympy.latex(l * L)} \\approx {float(l * L):.4g}$ on {domain}")
    else:
        statement = _STATEMENTS[claim]
        if on_interval:
            statement = statement.rstrip(".") + f", all entries of $QK^\\top$ lying in {domain.split(' (')[0]}."
        title = f"${sympy.latex(f)}$ {is_a} {'a ' if claim not in _PREDICATES else ''}{CLAIM_TITLES[claim]}"
    context = dict(
        _common(), title=Tex(title), verdict=verdict, function=function,
        statement=Tex("Let $f(x) = " + sympy.latex(f) + "$. Then " + statement),
        method_sentence=Tex(f"Method: \\texttt{{{escape(method)}}}."
                            + (" It refutes the defining property directly, and the claim through the theorem below."
                               if method in ("derivative-witness", "log-convexity-witness") else "")),
        data_rows=[(Tex(k), Tex(v)) for k, v in rows],
        steps=[Tex(s) for s in steps],
        conclusion=Tex(negation + statement[0].lower() + statement[1:] if not holds else negation + statement),
        theorem=cert["rests_on"], reference=Tex(_REFERENCES[claim]))
    return context


def _derivation_page(claim, f, data):
    rows = [("function", _m(f))]
    if "transformed" in data:
        what = r"$g(t) = f(\sqrt t)$" if claim == "pd-l2" else r"$g(t) = f(\sqrt t)^2$"
        rows.append(("Schoenberg transform", what + " $= " + sympy.latex(parse(data["transformed"], "g")) + "$"))
    steps = []

    def walk(node):
        for child in node.get("children", []):
            walk(child)
        params = ", ".join(f"${escape(k)} = {sympy.latex(parse(v, k, 't' if k == 'density' else 'x'))}$"
                           if isinstance(v, str) else f"{escape(k)} = \\texttt{{{escape(str(v))}}}"
                           for k, v in node["params"].items())
        rule = _RULES[node["rule"]]
        rule = CLASS_RULE_TEXT.get((node["rule"], node["class"]), rule)  # compose and reciprocal, by class
        steps.append(f"{_m(node['expr'])} is {_CLASS[node['class']]}: {rule}"
                     + (f" ({params}; side conditions proved)" if params else "")
                     + (" (identity with the children's expressions verified)" if node.get("children") else "") + ".")

    walk(data["derivation"])
    rows.append(("derivation", f"{len(steps)} steps, rules: "
                 + ", ".join(sorted({r"\texttt{" + escape(n) + "}" for n in _rules(data["derivation"])}))))
    f0 = _AT_ZERO["value"]
    if data["derivation"]["class"] == "CM":
        steps.append(f"At $0$: $f(0) = {sympy.latex(f0)} \\ge f(0^+) = "
                     f"{sympy.latex(sympy.limit(f, X, 0, '+'))}$, as the seed paper's CM on $[0, \\infty)$ requires.")
    else:
        steps.append(f"At $0$: $f(0) = {sympy.latex(f0)} = 0$, as the seed paper's Bernstein functions require.")
    return rows, steps


def _rules(node):
    yield node["rule"]
    for child in node.get("children", []):
        yield from _rules(child)


def _box_page(claim, f, data):
    from symrep.analysis.witnesses import box_eigenvalue

    sides = [parse(s, "side") for s in data["sides"]]
    d = len(sides)
    subset = data["subset"]
    mask = sum(1 << (i - 1) for i in subset)
    square = data["transform"] == "square"
    kernel = f**2 if square else f
    at0 = _AT_ZERO["value"] ** 2 if square else _AT_ZERO["value"]
    lam = box_eigenvalue(kernel, sides, mask, data["metric"], at0=at0)
    norm = r"\lVert\cdot\rVert_1" if data["metric"] == "l1" else r"\lVert\cdot\rVert_2"
    s_text = r"\{" + ", ".join(map(str, subset)) + r"\}" if subset else r"\emptyset"
    rows = [("box", f"dimension $d = {d}$, sides $" + ", ".join(sympy.latex(s) for s in sides) + "$"),
            ("metric", f"${norm}$" + (r", values squared: $f(\cdot)^2$" if square else "")),
            ("subset $S$", f"${s_text}$ (test vector $c = \\chi_S$)"),
            ("kind", escape(data["kind"]))]
    negative = data["kind"] == "not-psd"
    steps = [
        f"The vertices are $v \\in \\{{0,1\\}}^{d}$ scaled by the sides; $M = [{'f' if not square else 'f^2'}"
        f"({norm}\\text{{-distance}})]$ is ${2**d} \\times {2**d}$.",
        r"For $c = \chi_S$, $c^\top M c = 2^d \lambda_S$ with "
        r"$\lambda_S = \sum_{T} (-1)^{|S \cap T|} " + ("f" if not square else "f^2") + r"(\operatorname{dist}(0, 1_T))$.",
        r"Exactly, $\lambda_S = " + sympy.latex(lam) + "$.",
        r"Ball arithmetic encloses $\lambda_S \in " + _ball(lam) + "$, so $\\lambda_S "
        + ("< 0" if negative else "> 0") + "$.",
        (r"Hence $c^\top M c < 0$ and $M$ is not positive semidefinite." if negative else
         r"Since $S \neq \emptyset$, $\sum_v c_v = 0$ while $c^\top M c > 0$: the values are not of negative type, "
         r"and every $\ell_1$ metric and every squared Euclidean metric is of negative type."
         + (r" Here the values are the squares of $f(\mathrm{dist})$, so $f(\mathrm{dist})$ is not Euclidean." if square
            else "")),
    ]
    return rows, steps


def _derivative_page(claim, f, data):
    if data.get("kind") == "zero" or data["order"] > 8 or "form" in data:
        page = _closed_or_zero_page(claim, f, data)
        if page is not None:
            return page
    k, x0, of = data["order"], parse(data["point"], "point"), data["of"]
    g = f.subs(X, sympy.sqrt(X)) ** (2 if claim == "l2-to-l2" else 1) if "sqrt" in of else f
    g = sympy.diff(g, X) if of.endswith("'") else g
    value = (-1) ** k * sympy.diff(g, X, k).subs(X, x0)
    rows = [("function examined", f"$g = {escape(of)}$, $g(x) = {sympy.latex(g)}$"), ("order", f"$k = {k}$"),
            ("point", f"$x_0 = {sympy.latex(x0)}$")]
    steps = [f"$(-1)^{{{k}}} g^{{({k})}}(x_0) = {sympy.latex(value)}$ exactly."] + _negative_steps(value, data) + [
             r"A completely monotone function has $(-1)^k g^{(k)} \ge 0$ on $(0, \infty)$, so $g$ is not completely "
             r"monotone, and the theorem below turns this into the failure of the claim."]
    return rows, steps


def _closed_or_zero_page(claim, f, data):
    """A zero of ``(-1)^k g^(k)`` (``g`` then constant), or a derivative of high order in the kernel's closed form."""
    from symrep.analysis.far_witnesses import closed_witness_value, zero_witness_lines

    k, of = data["order"], data["of"]
    rows = [("function examined", f"$g = {escape(of)}$"), ("order", f"$k = {k}$"),
            ("point", f"$x_0 = {escape(data['point'])}$")]
    if data.get("kind") == "zero":
        steps = [escape(line) + "." for line in zero_witness_lines(data)] + [
            r"A completely monotone $g$ has every $(-1)^k g^{(k)}$ completely monotone, and a completely monotone "
            r"function with a zero in $(0, \infty)$ is $0$ (Bernstein's theorem), so $g$ is not completely monotone."]
        return rows, steps
    cert = {"claim": claim, "function": _AT_ZERO.get("function"), "data": data}
    closed = closed_witness_value(cert)
    if closed is None:
        return None
    steps = [f"By Leibniz's formula and the $k$-th derivatives of the exponential, trigonometric and power atoms, "
             f"$(-1)^{{{k}}} g^{{({k})}}(x_0)$ is \\texttt{{{escape(closed[0])}}}, enclosed in "
             f"${escape(closed[1])}$: negative.",
             r"A completely monotone function has $(-1)^k g^{(k)} \ge 0$ on $(0, \infty)$, so $g$ is not completely "
             r"monotone, and the theorem below turns this into the failure of the claim."]
    return rows, steps


def _negative_steps(value, data):
    """How the witness value is shown negative: a ball for a number; for a family, its simplified form, proved
    equal by the kernel's normal form and negative on the whole region."""
    if "simplified" in data or value.free_symbols:
        simplified = parse(data["simplified"], "simplified") if "simplified" in data else value
        return [f"It equals ${sympy.latex(simplified)}$ (an identity the checker proves by its normal form), "
                r"negative for every parameter value of the region (proved on the whole region, not at samples); "
                r"the point lies in $(0, \infty)$ for every parameter value."]
    return [f"Ball arithmetic encloses it in ${_ball(value)}$, so it is negative."]


def _log_convexity_page(claim, f, data):
    x0, of = parse(data["point"], "point"), data["of"]
    g = f.subs(X, sympy.sqrt(X)) ** (2 if claim == "l2-to-l2" else 1) if "sqrt" in of else f
    g = sympy.diff(g, X) if of.endswith("'") else g
    gap = (g * sympy.diff(g, X, 2) - sympy.diff(g, X) ** 2).subs(X, x0)
    rows = [("function examined", f"$g = {escape(of)}$, $g(x) = {sympy.latex(g)}$"), ("point", f"$x_0 = {sympy.latex(x0)}$")]
    steps = [f"$g(x_0) g''(x_0) - g'(x_0)^2 = {sympy.latex(gap)}$ exactly."] + _negative_steps(gap, data) + [
             r"A completely monotone $g(x) = \int e^{-xt}\,\mu(dt)$ is log-convex: by Cauchy--Schwarz, "
             r"$g'^2 = (\int t e^{-xt}\,\mu(dt))^2 \le \int e^{-xt}\,\mu(dt) \int t^2 e^{-xt}\,\mu(dt) = g g''$. "
             r"So $g$ is not completely monotone, and the theorem below turns this into the failure of the claim."]
    return rows, steps


def _value_page(claim, f, data):
    if data["kind"] == "below-limit-at-0":
        value, limit = _AT_ZERO["value"], sympy.limit(f, X, 0, "+")
        return [("witness", "the value at $0$ against the limit from the right")], [
            f"$f(0) = {sympy.latex(value)}$ and $f(0^+) = {sympy.latex(limit)}$; $f(0^+) - f(0) \\in "
            f"{_ball(limit - value)}$, which is positive.",
            "The seed paper's completely monotone functions may jump up at $0$, never down."]
    if data["kind"] == "nonzero-at-0":
        value = _AT_ZERO["value"]
        return [("witness", "the value at $0$")], [
            f"$f(0) = {sympy.latex(value)}$, enclosed in ${_ball(value)}$, which excludes $0$.",
            "A metric vanishes on the diagonal, and the seed paper's Bernstein functions have $f(0) = 0$."]
    if data["kind"] == "zero":  # Bernstein-Widder: a CM function (f, or f(sqrt t) for pd-l2) with a zero in (0, oo) is 0
        x1, x2 = parse(data["zero"], "zero"), parse(data["nonzero"], "nonzero")
        return [("witness", f"$f(x_1) = 0$ exactly at $x_1 = {sympy.latex(x1)}$")], [f"$f({sympy.latex(x2)}) \\in {_ball(f.subs(X, x2))} \\not\\ni 0$; with a zero, not CM (Bernstein--Widder)."]
    x0 = parse(data["point"], "point")
    value = f.subs(X, x0) if x0 != 0 else _AT_ZERO["value"]
    return [("witness", f"a negative value at $x_0 = {sympy.latex(x0)}$")], [
        f"$f(x_0) = {sympy.latex(value)} \\in {_ball(value)}$, which is negative.",
        "Completely monotone and Bernstein functions are nonnegative, and so are distances."]


def _triangle_page(claim, f, data):
    a, b = parse(data["a"], "a"), parse(data["b"], "b")
    gap = f.subs(X, a + b) - f.subs(X, a) - f.subs(X, b)
    return [("points", f"$0$, $a = {sympy.latex(a)}$, $a + b = {sympy.latex(a + b)}$ on a line")], [
        f"$f(a + b) - f(a) - f(b) = {sympy.latex(gap)} \\in {_ball(gap)} > 0$.",
        "So the transformed distances violate the triangle inequality and are no metric at all."]


def _polynomial_page(claim, f, data):
    coeffs = [parse(c, "c") for c in data["coefficients"]]
    g = len(coeffs) - 1
    steps = [f"$f(x) = {sympy.latex(sum(c * X**j for j, c in enumerate(coeffs)))}$, verified by expansion."]
    if claim == "low-rank":
        steps += [r"With monomial feature maps, $f(\langle q, k\rangle) = \sum_j c_j \langle q, k\rangle^j = "
                  r"\langle \phi(q), \psi(k) \rangle$ (identity verified symbolically for $d = 2$; the multinomial "
                  r"expansion is the same for every $d$).",
                  f"So $\\operatorname{{rank}} f(QK^\\top) \\le \\binom{{d + {g}}}{{{g}}}$ for every $n$."]
    return [("coefficients", "$" + ", ".join(sympy.latex(c) for c in coeffs) + "$"), ("degree", f"${g}$")], steps


def _poly(coefficients):
    return sum(parse(c, "c") * X**j for j, c in enumerate(coefficients))


def _not_polynomial_page(claim, f, data):
    steps = []
    g = f

    def walk(node, g):
        kind = node["kind"]
        if kind == "derivative":
            steps.append(f"If ${sympy.latex(g)}$ were a polynomial, so would be its derivative.")
            return walk(node["of"], sympy.diff(g, X))
        if kind == "substitution":
            m = node["power"]
            steps.append(f"If ${sympy.latex(g)}$ were a polynomial, so would be its value at $x^{m}$.")
            return walk(node["of"], sympy.expand_power_base(g.subs(X, X**m), force=False))
        if kind == "two-halves":
            pos = [parse(c, "c") for c in node["positive"]]
            neg = [parse(c, "c") for c in node["negative"]]
            steps.append(f"On $(0, \\infty)$, $f(x) = {sympy.latex(sum(c * X**j for j, c in enumerate(pos)))}$ and on "
                         f"$(-\\infty, 0)$, $f(x) = {sympy.latex(sum(c * X**j for j, c in enumerate(neg)))}$: two different "
                         "polynomials (a coefficient is proved different), so $f$ is no polynomial on $\\mathbb{R}$.")
            return
        texts = {
            "limit": lambda: f"${sympy.latex(g)}$ is bounded on a half-line $[X_0, \\infty)$ (interval arithmetic) and "
                             "not constant; a nonconstant polynomial is unbounded there.",
            "completely-monotone": lambda: f"${sympy.latex(g)}$ is "
                                           f"{'completely monotone' if node['derivation'].get('class') == 'CM' else 'a Bernstein function'} "
                                           "(the derivation in the certificate), so it (or its derivative) is bounded on "
                                           "$[1, \\infty)$ and not constant; a nonconstant polynomial is unbounded there.",
            "square": lambda: f"${sympy.latex(g)}^2$ is the polynomial ${sympy.latex(_poly(node['polynomial']))}$, "
                              "which has a factor of odd multiplicity (or a negative leading coefficient): it is no "
                              "square of a real polynomial.",
            "undefined-at": lambda: f"$f$ is undefined at $x = {sympy.latex(parse(node['point'], 'p'))}$; a "
                                    "polynomial is defined at every real point.",
            "rational": lambda: f"${sympy.latex(g)}$ is a rational function in lowest terms with a nonconstant "
                                "denominator.",
            "ode": lambda: f"${sympy.latex(g)}$ satisfies a linear differential equation with polynomial coefficients "
                           r"whose indicial polynomial has no root in $\mathbb{N}$, and it is not $0$; a polynomial "
                           r"solution of degree $n$ would make $n$ such a root."}
        text = texts[kind]() if kind in texts else f"(a proof node of kind {escape(kind)})"
        steps.append(text)

    walk(data["proof"], g)
    rows = [("proof", escape(" / ".join(_kinds(data["proof"]))))]
    if claim == "low-rank":
        witnesses = data.get("rank_witnesses", [])
        for w in witnesses:
            d = len(w["sides"])
            steps.append("On the box with sides $" + ", ".join(sympy.latex(parse(s, 's')) for s in w["sides"])
                         + f"$ the $\\ell_1$ distance matrix has rank at most $d + 1 = {d + 1}$, and all $2^{d} = "
                         f"{2**d}$ eigenvalues $\\lambda_S$ of $f$ of it are proved nonzero: rank ${2**d}$.")
        rows.append(("rank witnesses", f"${len(witnesses)}$ boxes"))
        steps.append("By the theorem below (for $f$ continuous on $\\mathbb{R}$, verified), the rank of "
                     "$f(QK^\\top)$ is not bounded by a function of $d$.")
    return rows, steps


def _kinds(node):
    yield node["kind"]
    if "of" in node:
        yield from _kinds(node["of"])


def _cube_rank_page(claim, f, data):
    from math import comb

    d = data["d"]
    steps = [r"$f(QK^\top)$ over all of $\{\pm1\}^d$ is a group matrix of $\mathbb{Z}_2^d$ with eigenvalues "
             r"$\lambda_s = \sum_t K_s(t) f(d - 2t)$, one per level $|S| = s$, multiplicity $\binom{d}{s}$."]
    steps += [rf"Level $s = {s}$ (multiplicity ${comb(d, s)}$): $\lambda_s$ "
              + ("is exactly $0$." if status == "zero" else "is proved nonzero by ball arithmetic.")
              for s, status in enumerate(data["levels"])]
    steps.append(f"So the rank is the sum of the multiplicities of the nonzero levels: ${data['rank']}$.")
    return [("dimension", f"$d = {d}$"), ("rank", f"${data['rank']}$ of ${2**d}$")], steps


def _range_latex(domain):
    """``$[1, 4]$`` or ``$\\{0\\} \\cup [1, 4]$`` for a stable-rank certificate's domain."""
    from symrep.certificates.stable_rank import read_domain

    lo, hi, zero = read_domain(domain)
    ends = ", ".join(sympy.latex(sympy.Rational(int(v.p), int(v.q))) for v in (lo, hi))
    return "$" + (r"\{0\} \cup " if zero else "") + f"[{ends}]$"


def _ratio_page(domain, f, data):
    """The steps of a ``ratio-enclosure`` certificate, with the enclosures recomputed from its subintervals."""
    from symrep.certificates.stable_rank import Ratio, ends, rational, read_domain

    lo, _, zero = read_domain(domain)
    pieces = [tuple(rational(t, "end") for t in piece) for piece in data["subintervals"]]
    ratio = Ratio(f)
    bounds = [ends(ratio.enclose(a, b)) for a, b in pieces]
    low, high = min(b[0] for b in bounds), max(b[1] for b in bounds)
    shown = lambda q: f"{float(int(q.p)) / float(int(q.q)):.6g}"  # noqa: E731
    widths = sorted(b - a for a, b in pieces)
    rows = [(r"$\ell$", f"${sympy.latex(parse(data['l'], 'l'))}$"), ("$L$", f"${sympy.latex(parse(data['L'], 'L'))}$"),
            ("subintervals", f"${len(pieces)}$, of widths ${shown(widths[0])}$ to ${shown(widths[-1])}$"),
            (r"$f(x)/x$", f"in $[{shown(low)}, {shown(high)}]$ (the union of the enclosures)")]
    steps = [f"The certificate lists ${len(pieces)}$ subinterval{'s' if len(pieces) > 1 else ''} with exact rational "
             "ends; the first starts at the range's lower end, each starts where the one before ends, and the last "
             "ends at the upper end: they cover the range, with no gap and nothing beyond it."]
    if lo == 0:
        steps.append(f"On $[0, {sympy.latex(sympy.Rational(int(pieces[0][1].p), int(pieces[0][1].q)))}]$: $f(0) = 0$ "
                     f"and $f(0^+) = 0$ are proved, and $f$ is analytic on $(0, \\infty)$ by its structure, so "
                     f"$f(x)/x = f'(\\xi)$ for some $0 < \\xi < x$ (mean value theorem); ball arithmetic encloses "
                     f"$f'(x) = {sympy.latex(ratio.derivative)}$ over the whole subinterval.")
    steps.append(f"On each subinterval $[a, b]$ with $a > 0$, ball arithmetic (python-flint \\texttt{{arb}}) encloses "
                 f"$f(x)/x = {sympy.latex(ratio.ratio)}$ for $x$ a ball containing $[a, b]$"
                 + (", intersected with the mean value form $g(m) + g'(X)(X - m)$ (the ratio is analytic on "
                    "$(0, \\infty)$ by its structure)" if ratio.slope is not None else "") + ".")
    steps.append(r"Each enclosure $R$ has exact rational ends with $R > 0$, $\ell R^2 \ge 1$ and $R^2 \le L$: so "
                 r"$f(x) > 0$ and $1/\sqrt{\ell} \le f(x)/x \le \sqrt{L}$ on the subinterval.")
    if zero:
        steps.append(r"At the entry $0$: $f(0) = 0$, exactly, so $0/\sqrt{\ell} \le f(0) \le \sqrt{L} \cdot 0$.")
    steps.append(r"By the theorem below, the stable rank of $f(A)$ is within a factor $L\ell$ of that of $A$.")
    return rows, steps


_METHOD_PAGES = {"derivation": _derivation_page, "box-witness": _box_page, "derivative-witness": _derivative_page,
                 "log-convexity-witness": _log_convexity_page,
                 "value-witness": _value_page, "triangle-witness": _triangle_page, "polynomial": _polynomial_page,
                 "not-polynomial": _not_polynomial_page, "cube-spectrum": _cube_rank_page}


# --- tables, spectra, decompositions -----------------------------------------------------

#: Columns per block of a character table on a portrait page.
TABLE_COLUMNS_PER_BLOCK = 14


def table_document(table, *, name=None, verification=None):
    """LaTeX of a character table; wide tables are split into blocks of columns."""
    from symrep.groups.character_table import _exact

    verification = verification or table.verify()
    classes = [{"number": j + 1, "label": table.class_text(c), "size": s}
               for j, (c, s) in enumerate(zip(table.classes, table.class_sizes))]
    blocks = []
    for start in range(0, len(classes), TABLE_COLUMNS_PER_BLOCK):
        stop = min(start + TABLE_COLUMNS_PER_BLOCK, len(classes))
        rows = [{"label": Tex(r"$\chi_{" + escape(table.irreducible_text(lab)) + "}$"),
                 "cells": [Tex("$" + sympy.latex(_exact(v)) + "$") for v in table.values[i][start:stop]]}
                for i, lab in enumerate(table.irreducibles)]
        blocks.append({"classes": classes[start:stop], "rows": rows, "first": start + 1, "last": stop})
    return render("character_table.tex.j2", **_common(), group_latex=Tex(_group_latex(name or table.name)),
                  order=table.order, n_classes=len(table),
                  conventions=(table.conventions.rstrip(".") + ".") if table.conventions else "",
                  verification=str(verification), blocks=blocks, classes=classes)


def _group_latex(name):
    parts = []
    for piece in str(name).split("x"):
        if piece[:1] in "BS" and piece[1:].isdigit():
            parts.append(f"{piece[0]}_{{{piece[1:]}}}")
        elif piece.startswith("Z2^"):
            parts.append(r"\mathbb{Z}_2^{" + escape(piece[3:]) + "}")
        else:
            parts.append(r"\mathrm{" + escape(piece) + "}")
    return r" \times ".join(parts)


def spectrum_document(spec, *, checks=()):
    """LaTeX of a spectrum: the eigenvalue formula and a table of eigenspaces."""
    from symrep.spectra.eigenspaces import _latex_labels

    eigenspaces = [{"label": Tex("$" + _latex_labels(e) + "$"), "multiplicity": e.multiplicity,
                    "numeric": "symbolic" if e.numeric is None else f"{e.numeric:.10g}",
                    "value": Tex(sympy.latex(e.value))} for e in spec]
    return render("spectrum.tex.j2", **_common(), kernel=spec.kernel.expr,
                  sides=Tex(", ".join(sympy.latex(s) for s in spec.box.sides)), d=spec.box.d,
                  metric=spec.metric.label, n_vertices=spec.box.n_vertices, merged=bool(spec.merges),
                  eigenspaces=eigenspaces, notes=list(spec.notes),
                  checks=Tex(" ".join(r"Check: " + escape(str(c)) + "." for c in checks)))


def decomposition_document(box, action="vertices", *, extra=""):
    """LaTeX of the decomposition of a box group's action into irreducibles."""
    from symrep.spectra.decompositions import box_character_table, decompose_action
    from symrep.geometry.boxes import Hyperrectangle

    box = box if isinstance(box, Hyperrectangle) else Hyperrectangle(box)
    table = box_character_table(box)
    dec = decompose_action(box, action)
    degrees = dict(zip(table.irreducibles, table.degrees))
    rows = [{"label": Tex(r"$\chi_{" + escape(table.irreducible_text(lab)) + "}$"), "multiplicity": m,
             "degree": degrees[lab], "contribution": m * degrees[lab]} for lab, m in dec.items()]
    described = {"vertices": "the $2^d$ vertices", "edges": "the edges", "natural": r"$\mathbb{R}^d$"}
    return render("decomposition.tex.j2", **_common(), action=action,
                  action_description=Tex(described.get(action, escape(action))),
                  sides=Tex(", ".join(sympy.latex(s) for s in box.sides)),
                  group_latex=Tex(_group_latex("x".join(f"B{m}" for m in box.multiplicities))),
                  order=table.order, degree=dec.degree, decomposition=Tex(sympy.latex(dec)),
                  rows=rows, extra=Tex(extra))
