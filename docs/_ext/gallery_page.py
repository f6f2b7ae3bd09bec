"""The ``symrep-gallery`` directive: the proofs gallery's statements with their certificates, computed at
build time from the package (:data:`symrep.render.gallery.STATEMENTS` and each statement's
``documents()``), so the page shows what the gallery proves today, not a copy.

Every certificate is re-checked by the independent checker as the gallery does; the page shows the
claim, the verdict, the method, the reason and the decisive facts (:func:`symrep.analysis.evidence`),
and for families every region with its certificate. A document whose check fails fails the build.
"""

import json
import time

from docutils import nodes
from docutils.statemachine import StringList
from sphinx.errors import ExtensionError
from sphinx.util.docutils import SphinxDirective

_CACHE = {}


def _documents():
    """(statement, [documents]) for every statement of the gallery, computed once per build process."""
    if "built" not in _CACHE:
        from symrep.render.gallery import STATEMENTS, load_statement

        start = time.monotonic()
        built = []
        for name in STATEMENTS:
            module = load_statement(name)
            built.append((name, module.STATEMENT, list(module.documents())))
        _CACHE["built"] = built
        _CACHE["seconds"] = time.monotonic() - start
    return _CACHE["built"]


def _evidence(cert):
    from symrep.analysis.evidence_report import evidence

    try:
        return evidence(cert)
    except Exception:  # a kind of certificate without a text summary: the reason says it
        return []


def _block(lines, indent=""):
    """A literal block of text (MyST: a fenced block)."""
    return (["", f"{indent}```text"] + [f"{indent}{line}" for line in lines] + [f"{indent}```", ""]) if lines else []


def _literal(text):
    text = " ".join(str(text).split())
    return "`` " + text + " ``" if "`" in text else "`" + text + "`"


def _certificate_md(payload):
    cert = payload.get("certificate") or {}
    lines = [f"- **claim** {_literal(payload['claim'])} for $f(x)$ = {_literal(payload['function'])}: "
             f"**{payload['verdict']}**" + (f", method {_literal(cert['method'])}" if cert.get("method") else ""),
             f"- **reason**: {payload.get('reason', '')}"]
    if cert:
        lines.append(f"- **certificate**: {_literal(cert.get('format', ''))} version {cert.get('version', '')}, "
                     "accepted by the checker")
    return lines + _block(_evidence(cert) if cert else [])


def _classification_md(payload):
    lines = [f"- **family** {_literal(payload['function'])}, claim {_literal(payload['claim'])}, parameters "
             f"{_literal(', '.join(payload['parameters']))}, assuming {_literal(payload['assumption'])}"]
    for region in payload["regions"]:
        cert = region.get("certificate") or {}
        lines.append(f"- region {_literal(region['region'])}: **{region['verdict']}**"
                     + (f" ({_literal(cert['method'])})" if cert.get("method") else "")
                     + (f": {' '.join(str(region['reason']).split())}" if region.get("reason") else ""))
        lines += _block(_evidence(cert) if cert else [], indent="  ")
    return lines


def _decomposition_md(payload):
    lines = [f"- **box** with sides {_literal(', '.join(payload['sides']))}, kernel {_literal(payload['kernel'])}, "
             f"projector bridge verified: **{payload['bridge_verified']}**", "",
             "| constituent | eigenspace | eigenvalue |", "|---|---|---|"]
    lines += [f"| {_literal(row['irreducible'])} | {_literal(row['eigenspace'])} | {_literal(row['eigenvalue'])} |"
              for row in payload["constituents"]]
    return lines + [""]


def gallery_markdown():
    """The page's body as MyST Markdown (the gallery page is a MyST page)."""
    lines = []
    for name, statement, documents in _documents():
        lines += ["", f"```{{rubric}} {statement}", "```", "", f"From `proofs/{name}.py`:", ""]
        for doc in documents:
            if not doc.checked:
                raise ExtensionError(f"gallery document {doc.stem} failed its check: {doc.detail}")
            payload = json.loads(doc.json_text)
            lines += [f"**{doc.stem}** ({doc.detail})", ""]
            if "regions" in payload:
                lines += _classification_md(payload)
            elif "constituents" in payload:
                lines += _decomposition_md(payload)
            else:
                lines += _certificate_md(payload)
            lines.append("")
    count = sum(len(docs) for _, _, docs in _documents())
    lines += ["", f"{count} documents, each checked; computed in {_CACHE['seconds']:.1f} s when this page was built."]
    return lines


class GalleryDirective(SphinxDirective):
    """```` ```{symrep-gallery} ```` in a MyST page: the statements and their certificates, computed now."""

    has_content = False

    def run(self):
        container = nodes.container()
        self.state.nested_parse(StringList(gallery_markdown(), source="symrep-gallery"), self.content_offset, container)
        return container.children


def setup(app):
    app.add_directive("symrep-gallery", GalleryDirective)
    return {"parallel_read_safe": True, "version": "1"}
