"""Build the proofs gallery: every statement of :mod:`symrep.proofs` as .tex, .json and .pdf.

Each document is checked (certificates by the independent checker, the decomposition by the
exact projector/spectrum bridge) before anything is written; a PDF is compiled when a TeX
engine is present. ``symrep gallery -o DIR`` prints a summary table and exits 1 if a check
fails.

Examples
--------
>>> from symrep.render.gallery import certificate
>>> doc = certificate("laplace", "exp(-x)", "pd-l1", expect="holds")
>>> doc.checked, doc.detail
(True, 'holds (derivation), accepted by the checker')
"""

import argparse
from concurrent.futures import ProcessPoolExecutor
import importlib.util
import json
import os
import sys
import time
from dataclasses import dataclass

from symrep.analysis.budget import default_seconds
from symrep.errors import InputError
from symrep.resources import folder as resource_folder
from symrep.fileio import write_bytes_atomic, write_text_atomic
from symrep.render.latex import TexError, compile_pdf, find_tex_engine

__all__ = ["Document", "certificate", "cube_rank_certificate", "stable_rank_certificate", "decomposition",
           "build_gallery", "main", "STATEMENTS", "load_statement"]

#: The gallery's statements: one runnable file each in the top-level ``proofs/`` folder, in order.
STATEMENTS = ["laplace_pd_l1", "gaussian_not_pd_l1", "stable_three_halves", "power_transforms", "low_rank",
              "schoenberg_gaussian", "cube_decomposition", "stable_rank", "families"]


def load_statement(name):
    """The module of one statement, read from ``proofs/NAME.py`` (in a checkout or in the package)."""
    if name not in STATEMENTS:
        raise InputError(f"unknown statement {name!r}; the gallery has {', '.join(STATEMENTS)}")
    path = resource_folder("proofs") / f"{name}.py"
    spec = importlib.util.spec_from_file_location(f"symrep.proofs.{name}", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@dataclass
class Document:
    """One gallery document: file stem, LaTeX, JSON, and whether its check passed."""

    stem: str
    tex: str
    json_text: str
    checked: bool
    detail: str


def certificate(stem, function, claim, *, expect, method=None, budget=None):
    """Certify ``claim`` for ``function``; checked means the expected verdict with an accepted certificate."""
    from symrep.certificates import CheckError, check
    from symrep.render.documents import certificate_document
    from symrep.analysis.verdicts import certify

    verdict = certify(function, claim, budget=default_seconds(60.0) if budget is None else budget)
    cert = verdict.certificate
    try:
        accepted = cert is not None and check(cert) is not None
    except CheckError:
        accepted = False
    used = cert["method"] if cert else "none"
    ok = accepted and verdict.status == expect and (method is None or used == method)
    detail = f"{verdict.status} ({used}), " + ("accepted by the checker" if accepted else "NOT accepted")
    if verdict.status != expect:
        detail += f"; expected {expect}"
    tex = certificate_document(cert) if accepted else ""
    return Document(stem, tex, json.dumps(verdict.to_dict(), indent=2), ok, detail)


def cube_rank_certificate(stem, function, d, *, expect):
    """The exact rank of f(QK^T) on {±1}^d as a checked ``cube-rank`` certificate."""
    from symrep.attention.ranks import cube_rank
    from symrep.render.documents import certificate_document

    exact = cube_rank(function, d)
    cert = exact.certificate()
    ok = cert is not None and exact.rank == expect
    detail = f"rank {exact.rank} of {2**d}" + (", accepted by the checker" if cert else ", undecided levels")
    payload = {"claim": "cube-rank", "function": exact.function, "verdict": "holds" if cert else "unknown",
               "reason": cert["reason"] if cert else "undecided", "certificate": cert}
    return Document(stem, certificate_document(cert) if cert else "", json.dumps(payload, indent=2), ok, detail)


def stable_rank_certificate(stem, function, lo, hi, *, zero=False, expect_factor=None):
    """The seed paper's stable-rank bound for ``function`` on ``[lo, hi]`` as a checked ``stable-rank``
    certificate; with ``expect_factor``, checked also means ``L l`` at most that."""
    from symrep.attention.stable_rank import stable_rank_bound
    from symrep.certificates import CheckError, check
    from symrep.render.documents import certificate_document

    bound = stable_rank_bound(function, lo, hi, zero=zero, budget=default_seconds(60.0))
    try:
        accepted = check(bound.certificate) is not None
    except CheckError:
        accepted = False
    ok = accepted and (expect_factor is None or bound.factor <= expect_factor)
    detail = (f"l = {bound.l}, L = {bound.L}, L l = {float(bound.factor):.4g} on {bound.domain}, "
              + ("accepted by the checker" if accepted else "NOT accepted"))
    payload = {"claim": "stable-rank", "function": bound.function, "verdict": "holds",
               "reason": bound.certificate["reason"], "certificate": bound.certificate}
    return Document(stem, certificate_document(bound.certificate) if accepted else "", json.dumps(payload, indent=2),
                    ok, detail)


def classification(stem, function, claim, *, assume=(), expect):
    """A family classified into regions; checked means every region's certificate is accepted again and
    the verdicts, in order, are ``expect`` (a list such as ``["holds", "fails"]``)."""
    from symrep.analysis.classification import classify
    from symrep.certificates import CheckError, check
    from symrep.render.classifications import classification_document

    result = classify(function, claim, assume=assume, budget=default_seconds(120.0))
    try:
        accepted = all(r.certificate is not None and check(r.certificate) for r in result.regions)
    except CheckError:
        accepted = False
    verdicts = [r.verdict for r in result.regions]
    ok = accepted and verdicts == list(expect)
    detail = "; ".join(f"{r.region}: {r.verdict}" for r in result.regions) + (
        ", every region accepted by the checker" if accepted else ", NOT every region accepted")
    if verdicts != list(expect):
        detail += f"; expected {expect}"
    return Document(stem, classification_document(result), result.to_json(), ok, detail)


def decomposition(stem, sides, kernel):
    """The vertex decomposition of a box, with the Krawtchouk eigenvalue of ``kernel`` on each constituent."""
    import sympy

    from symrep.spectra.decompositions import decompose_action, verify_spectrum_bridge, vertex_constituent
    from symrep.render.documents import decomposition_document
    from symrep.geometry.boxes import Hyperrectangle
    from symrep.render.latex import escape
    from symrep.spectra.closed_form import spectrum

    box = Hyperrectangle(sides)
    spec = spectrum(box, kernel, merge=False)
    bridge = verify_spectrum_bridge(spec)
    dec = decompose_action(box, "vertices")
    rows = []
    for e in spec:
        label = vertex_constituent(box, e.block_vector)
        rows.append(rf"$\chi_{{{escape(dec.table.irreducible_text(label))}}}$ & ${e.label}$ & "
                    rf"${sympy.latex(e.value)}$ \\")
    extra = ("Each constituent is one eigenspace of every kernel matrix $[f(\\lVert u - v\\rVert_1)]$; for "
             f"$f(x) = {sympy.latex(spec.kernel.expr)}$ its eigenvalue is the Krawtchouk sum below. The exact "
             f"isotypic projectors $P$ satisfy $MP = \\lambda P$ ({escape(str(bridge))}).\n\n"
             "\\begin{center}\\begin{tabular}{lll}\\toprule constituent & eigenspace & eigenvalue \\\\ \\midrule\n"
             + "\n".join(rows) + "\n\\bottomrule\\end{tabular}\\end{center}")
    data = {"sides": [str(a) for a in box.sides], "kernel": spec.kernel.text,
            "constituents": [{"irreducible": dec.table.irreducible_text(vertex_constituent(box, e.block_vector)),
                              "eigenspace": e.label, "eigenvalue": sympy.sstr(e.value)} for e in spec],
            "bridge_verified": bridge.passed}
    return Document(stem, decomposition_document(box, "vertices", extra=extra), json.dumps(data, indent=2),
                    bridge.passed, str(bridge))


def document_stems(modules=None):
    """The file stems of every document the gallery writes, known before anything is computed (each
    statement module lists its own in ``STEMS``).

    Examples
    --------
    >>> "matern-family-pd-l1" in document_stems()
    True
    """
    modules = modules or [load_statement(name) for name in STATEMENTS]
    return [stem for module in modules for stem in getattr(module, "STEMS", ())]


def build_gallery(folder, modules=None, *, force=False, pdf=True, progress=None):
    """Build every statement's documents into ``folder``; return the summary rows.

    Refuses (before writing anything) if a target file exists and ``force`` is false.
    """

    folder = os.fspath(folder)
    _prepare(folder)
    modules = modules or [load_statement(name) for name in STATEMENTS]
    engine = find_tex_engine() if pdf else None
    suffixes = (".tex", ".json") + ((".pdf",) if engine else ())
    if not force:  # refuse before computing anything
        _refuse_existing([os.path.join(folder, stem + s) for stem in document_stems(modules) for s in suffixes])
    built = []
    for i, module in enumerate(modules, 1):
        if progress:
            progress(f"[{i}/{len(modules)}] {module.STATEMENT}")
        built += [(module, doc) for doc in module.documents()]
    if not force:
        _refuse_existing([os.path.join(folder, doc.stem + s) for _, doc in built for s in suffixes])
    pdfs = {}
    if engine:
        texs = [doc for _, doc in built if doc.tex]
        if progress:
            progress(f"compiling {len(texs)} PDFs, {min(len(texs), os.cpu_count() or 1)} at a time")
        with ProcessPoolExecutor(max_workers=min(len(texs), os.cpu_count() or 1) or 1) as pool:
            pdfs = dict(zip((doc.stem for doc in texs), pool.map(compile_pdf, [doc.tex for doc in texs])))
    rows = []
    for module, doc in built:
        files = [doc.stem + ".json"]
        write_text_atomic(os.path.join(folder, doc.stem + ".json"), doc.json_text + "\n", force=force)
        if doc.tex:
            write_text_atomic(os.path.join(folder, doc.stem + ".tex"), doc.tex, force=force)
            files.append(doc.stem + ".tex")
            if doc.stem in pdfs:
                write_bytes_atomic(os.path.join(folder, doc.stem + ".pdf"), pdfs[doc.stem], force=force)
                files.append(doc.stem + ".pdf")
        rows.append((module.STATEMENT, doc.stem, doc.checked, doc.detail, files))
    return rows, engine


def _refuse_existing(paths):
    existing = [p for p in paths if os.path.exists(p)]
    if existing:
        raise InputError(f"refusing to overwrite {len(existing)} existing file(s) such as {existing[0]} (use --force)")


def _prepare(folder):
    if os.path.exists(folder) and not os.path.isdir(folder):
        raise InputError(f"{folder} exists and is not a folder")
    if not os.path.isdir(folder):
        parent = os.path.dirname(os.path.abspath(folder))
        if not os.path.isdir(parent):
            raise InputError(f"cannot create {folder}: {parent} does not exist")
        try:
            os.mkdir(folder)
        except OSError as exc:
            raise InputError(f"cannot create {folder}: {exc.strerror}") from None
    if not os.access(folder, os.W_OK | os.X_OK):
        raise InputError(f"{folder} is not writable")


def summary(rows, engine, pdf=True):
    """The summary table printed after a build."""
    width = max(len(r[1]) for r in rows)
    lines = [f"{'document':<{width}}  check  detail"]
    lines += [f"{stem:<{width}}  {'ok' if ok else 'FAIL':<5}  {detail}" for _, stem, ok, detail, _ in rows]
    passed = sum(r[2] for r in rows)
    lines.append(f"{passed} of {len(rows)} documents checked; "
                 + ("PDFs compiled with " + engine if engine else
                    "PDFs skipped (--no-pdf): .tex and .json written" if not pdf else
                    "no TeX engine found (pdflatex): .tex and .json written, no PDFs"))
    return "\n".join(lines)


def run(folder, modules=None, *, force=False, pdf=True):
    """Build, print progress and the summary; return the exit code (0 all checked, 1 otherwise)."""
    start = time.monotonic()

    def progress(text):
        print(f"  {text} ({time.monotonic() - start:.0f} s)", file=sys.stderr, flush=True)

    rows, engine = build_gallery(folder, modules, force=force, pdf=pdf, progress=progress)
    print(summary(rows, engine, pdf))
    return 0 if all(r[2] for r in rows) else 1


def main(documents, argv=None):
    """Command line of a single statement: ``python proofs/NAME.py -o DIR``."""
    from types import SimpleNamespace

    parser = argparse.ArgumentParser(description="Build this statement's documents (.tex, .json, .pdf).")
    parser.add_argument("-o", "--output", required=True, help="folder for the documents")
    parser.add_argument("--force", action="store_true", help="overwrite existing files")
    parser.add_argument("--no-pdf", action="store_true", help="do not compile PDFs")
    args = parser.parse_args(argv)
    module = SimpleNamespace(STATEMENT=sys.modules[documents.__module__].STATEMENT, documents=documents)
    try:
        return run(args.output, [module], force=args.force, pdf=not args.no_pdf)
    except (InputError, TexError) as exc:
        print(f"symrep: error: {exc}", file=sys.stderr)
        return 2
