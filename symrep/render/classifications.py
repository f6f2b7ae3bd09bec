"""The LaTeX document of a classification: for which parameters a claim holds, region by region.

Examples
--------
>>> from symrep.analysis.classification import classify
>>> from symrep.render.classifications import classification_document
>>> tex = classification_document(classify("exp(-c*x)", "pd-l1"))
>>> "picture" in tex and "$(c < 0)$ & " in tex and "textbf{fails}" in tex   # a row of the table
True
"""

import sympy

from symrep.render.documents import _common
from symrep.render.latex import Tex, escape, render

__all__ = ["classification_document"]

_CLAIM_WORDS = {"pd-l1": "a positive definite Manhattan kernel", "pd-l2": "a positive definite Euclidean kernel",
                "l1-to-l1": "an l1 metric transform", "l1-to-l2sq": "a transform of l1 into squared Euclidean",
                "l2-to-l2": "a Euclidean metric transform", "completely-monotone": "completely monotone",
                "bernstein": "a Bernstein function"}


def _region_math(text):
    return (text.replace("<=", r"\le").replace(">=", r"\ge").replace("&", r"\wedge")
            if text != "True" else r"\text{all values}")


def classification_document(result):
    """LaTeX of a :class:`~symrep.analysis.classification.Classification`: the table of regions, a picture of
    the parameter line (one parameter) and each region's reason."""
    regions = [{"region": Tex("$" + _region_math(r.region) + "$"), "region_math": Tex(_region_math(r.region)),
                "verdict": r.verdict, "method": r.certificate["method"] if r.certificate else "-",
                "reason": r.reason, "samples": [{"point": Tex("$" + p + "$"), "verdict": v} for p, v in r.samples]}
               for r in result.regions]
    line, ticks, window = [], [], ""
    if len(result.parameters) == 1:
        lo, hi = -5, 5
        scale = 120 / (hi - lo)
        ends = set()
        for r in result.regions:
            (interval,) = r.box.values()
            a, b = max(float(interval.lo), lo), min(float(interval.hi), hi)
            if b <= a:
                continue
            ends |= {a, b}
            weight = {"holds": "1.2mm", "fails": "0.3mm"}.get(r.verdict, "0.1mm")
            x, middle = 5 + (a - lo) * scale, 5 + ((a + b) / 2 - lo) * scale
            line.append({"segment": Tex(f"\\put({x:.1f},8){{\\linethickness{{{weight}}}\\line(1,0){{{(b - a) * scale:.1f}}}}}"
                                        f"\\put({middle:.1f},11){{\\makebox(0,0){{\\small {r.verdict}}}}}")})
        ticks = [{"mark": Tex(f"\\put({5 + (t - lo) * scale:.1f},6){{\\line(0,1){{4}}}}"
                              f"\\put({5 + (t - lo) * scale:.1f},2){{\\makebox(0,0){{\\small ${t:g}$}}}}")}
                 for t in sorted(ends)]
        window = Tex(f"from ${lo}$ to ${hi}$ in ${result.parameters[0]}$")
    elif len(result.parameters) == 2:  # the plane [-5, 5]^2 (mm, 6 per unit), one framed box per region
        lo, hi, scale = -5, 5, 6
        for r in result.regions:
            (ia, ib) = (r.box[s] for s in sorted(r.box, key=str))
            x0, x1 = max(float(ia.lo), lo), min(float(ia.hi), hi)
            y0, y1 = max(float(ib.lo), lo), min(float(ib.hi), hi)
            if x1 < x0 or y1 < y0:
                continue
            w, h = max((x1 - x0) * scale, 0.3), max((y1 - y0) * scale, 0.3)
            line.append({"segment": Tex(f"\\put({5 + (x0 - lo) * scale:.1f},{4 + (y0 - lo) * scale:.1f})"
                                        f"{{\\framebox({w:.1f},{h:.1f}){{\\small {r.verdict}}}}}")})
        ticks = [{"mark": Tex(f"\\put({5 + (t - lo) * scale:.1f},1){{\\makebox(0,0){{\\small ${t}$}}}}"
                              f"\\put(1,{4 + (t - lo) * scale:.1f}){{\\makebox(0,0){{\\small ${t}$}}}}")}
                 for t in (lo, 0, hi)]
        first, second = sorted(result.parameters)
        window = Tex(f"${first}$ across and ${second}$ up, each from ${lo}$ to ${hi}$")
    statement = (f"For $f(x) = {sympy.latex(sympy.sympify(result.function))}$ and the claim "
                 f"\\texttt{{{escape(result.claim)}}}, the verdicts below hold region by region.")
    return render("classification.tex.j2", **_common(), function=Tex(sympy.latex(sympy.sympify(result.function))),
                  claim_words=_CLAIM_WORDS.get(result.claim, escape(result.claim)), statement=Tex(statement),
                  assumption=Tex(_region_math(result.assumption)) if result.assumption != "True" else "",
                  regions=regions, line=line, ticks=ticks, parameter_window=window, plane=len(result.parameters) == 2,
                  picture_begin=Tex("\\begin{picture}" + ("(130,16)" if len(result.parameters) != 2 else "(70,70)")),
                  sampled=any(r.samples for r in result.regions))
