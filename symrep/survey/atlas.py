"""The documents of a finished survey: ``atlas.json``, ``atlas.tex`` and ``atlas.html``.

* ``atlas.json`` is ``{"cells": [{"function", "claim", "verdict", "certificate"}, ...]}``: one cell per
  kernel and claim, in the order of the kernel file and of the claims; ``certificate`` is the path of
  the certificate relative to the folder, or null when the verdict is unknown. A family (a kernel with
  parameters) has one cell per region of its parameter space, each with a fifth key ``region``.
* ``atlas.tex`` is a standalone document: a longtable of kernels by claims (✓, ✗, ?) and an appendix
  that summarises every certificate (as ``symrep render`` does, data rows only).
* ``atlas.html`` is one self-contained page: the same table, sortable by a click on a column's head,
  each mark linking to the rendered text of its certificate further down the page.

All three are written atomically; they are the survey folder's own files and are replaced on every
complete run.

Examples
--------
>>> rows = [{"name": "laplace", "function": "exp(-x)", "assumptions": [], "claim": "pd-l1",
...          "verdict": "holds", "certificate": "certificates/a.json", "regions": None, "reason": "..."}]
>>> json_cells(rows)
[{'function': 'exp(-x)', 'claim': 'pd-l1', 'verdict': 'holds', 'certificate': 'certificates/a.json'}]
"""

import html
import json
import os

from symrep.fileio import write_text_atomic

__all__ = ["json_cells", "write_atlas", "MARKS", "summary", "summary_table"]

#: The mark of each verdict in the documents (LaTeX, HTML).
MARKS = {"holds": (r"$\checkmark$", "✓"), "fails": (r"$\times$", "✗"), "unknown": ("?", "?"),
         "split": (r"$\pm$", "±")}


def json_cells(rows):
    """The cells of ``atlas.json`` for the stored ``rows`` (dicts as :meth:`Store.cell` returns them)."""
    cells = []
    for row in rows:
        if row.get("regions") is None:
            cells.append({"function": row["function"], "claim": row["claim"], "verdict": row["verdict"],
                          "certificate": row["certificate"]})
            continue
        for region in row["regions"]:
            cells.append({"function": row["function"], "claim": row["claim"], "verdict": region["verdict"],
                          "certificate": region["certificate"], "region": region["region"]})
    return cells


def summary(rows):
    """Counts of the atlas's cells by verdict, in words.

    Examples
    --------
    >>> summary([{"verdict": "holds", "regions": None}, {"verdict": "fails", "regions": None}])
    '2 cells: 1 holds, 1 fails, 0 unknown'
    """
    cells = json_cells([dict(row, function="", claim="", certificate=None) for row in rows])
    counts = {v: sum(c["verdict"] == v for c in cells) for v in ("holds", "fails", "unknown")}
    return f"{len(cells)} cells: " + ", ".join(f"{n} {v}" for v, n in counts.items())


def summary_table(cells):
    """A Markdown table of ``atlas.json``'s ``cells``: per claim, the cells that hold, fail, are unknown.

    The README shows the shipped atlas's table (``atlas/``), and a test recomputes it from the file.

    Examples
    --------
    >>> print(summary_table([{"claim": "pd-l1", "verdict": "holds"}, {"claim": "pd-l1", "verdict": "unknown"},
    ...                      {"claim": "pd-l2", "verdict": "fails"}]))
    | claim | holds | fails | unknown | decided |
    |---|---|---|---|---|
    | pd-l1 | 1 | 0 | 1 | 50 % |
    | pd-l2 | 0 | 1 | 0 | 100 % |
    | all | 1 | 1 | 1 | 67 % |
    """
    claims = list(dict.fromkeys(c["claim"] for c in cells))
    lines = ["| claim | holds | fails | unknown | decided |", "|---|---|---|---|---|"]
    for claim in claims + [None]:
        part = [c for c in cells if claim is None or c["claim"] == claim]
        n = {v: sum(c["verdict"] == v for c in part) for v in ("holds", "fails", "unknown")}
        decided = round(100 * (n["holds"] + n["fails"]) / len(part)) if part else 0
        lines.append(f"| {claim or 'all'} | {n['holds']} | {n['fails']} | {n['unknown']} | {decided} % |")
    return "\n".join(lines)


def write_atlas(folder, kernels, claims, rows, *, budget):
    """Write the three documents of the survey into ``folder``.

    ``kernels`` are the entries (:class:`~symrep.survey.inputs.Kernel`) in order, ``rows`` a dict
    ``(kernel name, claim) -> stored row``.
    """
    ordered = [rows[(k.name, c)] for k in kernels for c in claims]
    write_text_atomic(os.path.join(folder, "atlas.json"),
                      json.dumps({"cells": json_cells(ordered)}, indent=1) + "\n", force=True)
    certificates = _certificates(folder, ordered)
    write_text_atomic(os.path.join(folder, "atlas.tex"), _tex(kernels, claims, rows, certificates, budget),
                      force=True)
    write_text_atomic(os.path.join(folder, "atlas.html"), _html(kernels, claims, rows, certificates, budget),
                      force=True)


def _certificates(folder, ordered):
    """(row, region or None, certificate dict, path) for every certificate of the atlas, in order."""
    out = []
    for row in ordered:
        parts = row["regions"] if row.get("regions") is not None else [dict(row, region=None)]
        for part in parts:
            if part.get("certificate"):
                with open(os.path.join(folder, part["certificate"]), encoding="utf-8") as handle:
                    out.append((row, part.get("region"), json.load(handle), part["certificate"]))
    return out


def _math(expression):
    import sympy

    from symrep.geometry.expressions import parse_expression, parameter_symbol

    try:
        return sympy.latex(parse_expression(expression, ("x",), new_symbol=parameter_symbol))
    except Exception:  # noqa: BLE001  (shown as text)
        from symrep.render.latex import escape

        return r"\text{\texttt{%s}}" % escape(expression)


def _relation(text):
    """LaTeX of an assumption such as ``0 < a <= 2``."""
    from symrep.render.latex import escape

    out = escape(text.replace("<=", " LE ").replace(">=", " GE ").replace("!=", " NE "))
    out = out.replace(r"\textless{}", "<").replace(r"\textgreater{}", ">")
    return out.replace(" LE ", r" \le ").replace(" GE ", r" \ge ").replace(" NE ", r" \ne ")


def _mark(row, kind):
    return MARKS.get(row["verdict"], MARKS["unknown"])[kind]


def _tex(kernels, claims, rows, certificates, budget):
    from symrep.render.documents import _common, certificate_summary
    from symrep.render.latex import Tex, escape, render

    table = [{"name": k.name, "math": Tex(_math(k.expression)),
              "assumptions": Tex("$" + ",\\ ".join(_relation(a) for a in k.assumptions) + "$") if k.assumptions else "",
              "marks": [Tex(_mark(rows[(k.name, c)], 0)) for c in claims]} for k in kernels]
    appendix = []
    for row, region, cert, path in certificates:
        try:
            shown = certificate_summary(cert)
        except Exception:  # noqa: BLE001  (a family's certificate: its reason, which states the region)
            shown = {"verdict": cert["verdict"], "title": Tex(f"$f(x) = {_math(cert['function'])}$"),
                     "method": Tex(f"Method: \\texttt{{{escape(cert['method'])}}}."),
                     "rows": [(Tex("reason"), Tex(escape(cert.get("reason", ""))))]}
        heading = f"{row['name']}, {row['claim']}: {shown['verdict']}" + (f" for {region}" if region else "")
        appendix.append({"heading": heading, "title": Tex(shown["title"]), "method": shown["method"],
                         "rows": shown["rows"], "path": path})
    tally = summary([rows[(k.name, c)] for k in kernels for c in claims])
    return render("atlas.tex.j2", landscape=True, kernels=table, claims=list(claims), certificates=appendix,
                  budget=f"{budget:g}", tally=tally[0].upper() + tally[1:], **_common())


_SCRIPT = """
document.querySelectorAll('th').forEach(function (th, column) {
  th.addEventListener('click', function () {
    var body = th.closest('table').tBodies[0], up = th.dataset.up !== '1';
    th.dataset.up = up ? '1' : '0';
    Array.from(body.rows).sort(function (a, b) {
      var x = a.cells[column].textContent, y = b.cells[column].textContent;
      return (up ? 1 : -1) * x.localeCompare(y, undefined, {numeric: true});
    }).forEach(function (r) { body.appendChild(r); });
  });
});
"""
_STYLE = ("body{font-family:sans-serif;margin:2em}table{border-collapse:collapse}th{cursor:pointer;"
          "background:#eee}td,th{border:1px solid #ccc;padding:2px 6px;text-align:center}td.k{text-align:left}"
          ".holds{color:#070}.fails{color:#a00}.unknown,.split{color:#777}pre{background:#f6f6f6;padding:.5em;"
          "white-space:pre-wrap}a{text-decoration:none}")


def _html(kernels, claims, rows, certificates, budget):
    from symrep.analysis.evidence_report import evidence

    anchors, sections = {}, []
    for number, (row, region, cert, path) in enumerate(certificates, 1):
        anchors.setdefault((row["name"], row["claim"]), f"c{number}")
        try:
            lines = evidence(cert)
        except Exception:  # noqa: BLE001  (the reason and the file remain)
            lines = []
        text = "\n".join([cert.get("reason", "")] + list(lines))
        where = f" for {region}" if region else ""
        sections.append(f'<section id="c{number}"><h3>{html.escape(row["name"])}, {html.escape(row["claim"])}: '
                        f'{html.escape(cert["verdict"])}{html.escape(where)} ({html.escape(cert["method"])})</h3>'
                        f'<p>f(x) = <code>{html.escape(cert["function"])}</code></p><pre>{html.escape(text)}</pre>'
                        f'<p>certificate: <a href="{html.escape(path)}">{html.escape(path)}</a> '
                        f'(re-verify: <code>symrep check {html.escape(path)}</code>)</p></section>')
    head = "".join(f"<th>{html.escape(c)}</th>" for c in claims)
    body = []
    for k in kernels:
        cells = []
        for c in claims:
            row = rows[(k.name, c)]
            mark = _mark(row, 1)
            anchor = anchors.get((k.name, c))
            title = html.escape(row["reason"][:300], quote=True)
            inner = f'<a href="#{anchor}">{mark}</a>' if anchor else mark
            cells.append(f'<td class="{row["verdict"]}" title="{title}">{inner}</td>')
        assume = f" ({html.escape('; '.join(k.assumptions))})" if k.assumptions else ""
        body.append(f'<tr><td class="k">{html.escape(k.name)}</td><td class="k"><code>{html.escape(k.expression)}'
                    f'</code>{assume}</td>{"".join(cells)}</tr>')
    tally = summary([rows[(k.name, c)] for k in kernels for c in claims])
    return (f'<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8"><title>symrep atlas</title>'
            f'<style>{_STYLE}</style></head><body>\n<h1>An atlas of {len(kernels)} kernels under {len(claims)} '
            f'claims</h1>\n<p>✓ holds, ✗ fails, ? unknown (budget {budget:g} s per cell), ± a family split into '
            f'regions. {html.escape(tally)}. Click a column head to sort; click a mark for its certificate.</p>\n'
            f'<table><thead><tr><th>kernel</th><th>f(x)</th>{head}</tr></thead><tbody>\n' + "\n".join(body) +
            '\n</tbody></table>\n<h2>Certificates</h2>\n' + "\n".join(sections) +
            f'\n<script>{_SCRIPT}</script>\n</body></html>\n')
