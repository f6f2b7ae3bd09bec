"""LaTeX documents: escaping, snapshots of each kind, and the render/gallery commands (no TeX needed).

Snapshots live in tests/snapshots; after an intended change, regenerate them with
``SYMREP_UPDATE_SNAPSHOTS=1 python -m pytest tests/test_documents.py`` and review the diff.
"""

import json
import os
import pathlib

import pytest

from symrep.render import latex
from symrep.cli.app import main
from symrep.analysis.classification import classify
from symrep.render.classifications import classification_document
from symrep.render.documents import certificate_document, decomposition_document, spectrum_document, table_document
from symrep.render.latex import Tex, escape, render_string
from symrep.spectra.closed_form import spectrum
from symrep.groups.tables import hyperoctahedral_table
from symrep.analysis.verdicts import certify
from symrep.attention.stable_rank import stable_rank_bound

SNAPSHOTS = pathlib.Path(__file__).parent / "snapshots"
KNOWN_BAD = pathlib.Path(__file__).parent / "known_bad"


@pytest.fixture(autouse=True)
def fixed_date(monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1795219200")  # 2026-11-22


def _snapshot(name, text):
    path = SNAPSHOTS / name
    if os.environ.get("SYMREP_UPDATE_SNAPSHOTS"):
        path.write_text(text)
    assert path.exists(), f"missing snapshot {path}; run with SYMREP_UPDATE_SNAPSHOTS=1"
    assert text == path.read_text()


def _documents():
    return {
        "certificate-gaussian-pd-l1.tex": lambda: certificate_document(certify("exp(-x^2)", "pd-l1").certificate),
        "certificate-sqrt-l1-to-l1.tex": lambda: certificate_document(certify("x^(1/2)", "l1-to-l1").certificate),
        "certificate-exp-low-rank.tex": lambda: certificate_document(certify("exp(-x)", "low-rank").certificate),
        "table-B2.tex": lambda: table_document(hyperoctahedral_table(2), name="B2"),
        "spectrum-square-gaussian.tex": lambda: spectrum_document(spectrum([1, 2], "exp(-x^2)")),
        "decomposition-cube-edges.tex": lambda: decomposition_document([1, 1, 1], "edges"),
        "certificate-log1p-stable-rank.tex": lambda: certificate_document(stable_rank_bound("log(1+x)", 0, 4).certificate),
        "classification-laplace-family.tex": lambda: classification_document(classify("exp(-c*x)", "pd-l1")),
        "classification-cauchy-family.tex": lambda: classification_document(
            classify("(1 + x^a)^(-b/a)", "pd-l1", assume=["a > 0", "b > 0"])),
    }


@pytest.mark.parametrize("name", sorted(_documents()))
def test_rendered_latex_matches_snapshot(name):
    _snapshot(name, _documents()[name]())


@pytest.mark.parametrize("text, expected", [
    ("a_1 & 50%", r"a\_1 \& 50\%"),
    ("\\input{/etc/passwd}", r"\textbackslash{}input\{/etc/passwd\}"),
    ("~^#$", r"\textasciitilde{}\textasciicircum{}\#\$"),
])
def test_escape(text, expected):
    assert escape(text) == expected


def test_templates_escape_everything_that_is_not_marked_tex():
    out = render_string("((( a ))) ((( b )))", a="x_1 & y", b=Tex(r"\alpha"))
    assert out == r"x\_1 \& y \alpha"


def test_untrusted_certificate_text_is_escaped():
    cert = certify("exp(-x)", "pd-l1").certificate
    cert["rests_on"] = r"\input{/etc/passwd} 100% & more"
    tex = certificate_document(cert)
    assert r"\textbackslash{}input\{/etc/passwd\} 100\% \& more" in tex
    assert r"\input{/etc/passwd}" not in tex


def test_invalid_certificate_is_not_rendered():
    from symrep.certificates import CheckError, check_file

    bad = json.loads((KNOWN_BAD / "verdict-flipped.json").read_text())
    with pytest.raises(CheckError):
        check_file(KNOWN_BAD / "verdict-flipped.json")
    with pytest.raises(CheckError):
        certificate_document(bad)


def test_wide_tables_are_split_into_column_blocks():
    tex = table_document(hyperoctahedral_table(6), name="B6")
    assert tex.count(r"\begin{longtable}") == 5 + 1  # 65 classes in blocks of 14, plus the class list
    assert "Classes 57--65 of 65" in tex


def test_templates_are_found_beside_the_package_in_a_checkout():
    from symrep.resources import folder

    assert {p.name for p in folder("templates").iterdir()} >= {
        "base.tex.j2", "certificate.tex.j2", "character_table.tex.j2", "spectrum.tex.j2", "decomposition.tex.j2"}
    assert (folder("proofs") / "low_rank.py").is_file()


# --- command line --------------------------------------------------------------------------

def test_render_command(tmp_path, capsys):
    cert = tmp_path / "c.json"
    assert main(["certify", "exp(-x^2)", "--claim", "pd-l1", "--format", "json", "-o", str(cert)]) == 1  # fails
    assert json.loads(cert.read_text())["verdict"] == "fails"
    out = tmp_path / "c.tex"
    assert main(["render", str(cert), "-o", str(out)]) == 0
    assert out.read_text().startswith(r"\documentclass")
    assert main(["render", str(cert), "-o", str(out)]) == 2  # no silent overwrite
    assert main(["render", str(KNOWN_BAD / "verdict-flipped.json")]) == 1
    (tmp_path / "junk.json").write_text("{not json")
    assert main(["render", str(tmp_path / "junk.json")]) == 2


def test_pdf_needs_an_output_file(capsys):
    assert main(["table", "B2", "--format", "pdf"]) == 2
    assert "needs -o" in capsys.readouterr().err


def test_missing_tex_engine_is_a_clear_error_and_keeps_the_tex(tmp_path, monkeypatch, capsys):
    monkeypatch.setattr(latex, "find_tex_engine", lambda: None)
    out = tmp_path / "b2.pdf"
    assert main(["table", "B2", "--format", "pdf", "-o", str(out)]) == 2
    err = capsys.readouterr().err
    assert "no TeX engine" in err and err.count("\n") == 1
    assert not out.exists() and (tmp_path / "b2.tex").read_text().startswith(r"\documentclass")


def test_certify_latex_output(capsys):
    assert main(["certify", "exp(-x)", "--claim", "pd-l1", "--format", "latex"]) == 0
    assert r"\begin{claim}" in capsys.readouterr().out


def test_gallery_without_pdf_then_refuses_to_overwrite(tmp_path, capsys):
    folder = tmp_path / "gallery"
    assert main(["gallery", "-o", str(folder), "--no-pdf"]) == 0
    out = capsys.readouterr().out
    from symrep.render.gallery import document_stems

    count = len(document_stems())
    assert f"{count} of {count} documents checked" in out and count >= 20
    files = sorted(p.name for p in folder.iterdir())
    assert "gaussian-not-pd-l1.json" in files and "gaussian-not-pd-l1.tex" in files
    before = {p.name: p.stat().st_mtime_ns for p in folder.iterdir()}
    assert main(["gallery", "-o", str(folder), "--no-pdf"]) == 2
    assert {p.name: p.stat().st_mtime_ns for p in folder.iterdir()} == before
    for name in files:
        if name.endswith(".json"):
            payload = json.loads((folder / name).read_text())
            if "certificate" in payload:
                assert main(["check", str(folder / name)]) == 0


def test_gallery_into_a_file_is_refused(tmp_path):
    target = tmp_path / "file"
    target.write_text("x")
    assert main(["gallery", "-o", str(target), "--no-pdf"]) == 2
    assert main(["gallery", "-o", str(tmp_path / "missing" / "deeper"), "--no-pdf"]) == 2


def test_each_statement_lists_the_documents_it_writes():
    from symrep.render.gallery import STATEMENTS, load_statement

    for name in STATEMENTS:
        module = load_statement(name)
        assert [doc.stem for doc in module.documents()] == module.STEMS, name


def test_the_gallery_refuses_to_overwrite_before_computing(tmp_path, capsys):
    import time

    folder = tmp_path / "g"
    folder.mkdir()
    (folder / "laplace-pd-l1.json").write_text("{}")
    start = time.monotonic()
    assert main(["gallery", "-o", str(folder), "--no-pdf"]) == 2
    assert time.monotonic() - start < 3 and "refusing to overwrite" in capsys.readouterr().err
    assert (folder / "laplace-pd-l1.json").read_text() == "{}"


def test_no_pdf_says_so(tmp_path, capsys):
    assert main(["gallery", "-o", str(tmp_path / "g"), "--no-pdf"]) == 0
    assert "PDFs skipped (--no-pdf)" in capsys.readouterr().out
