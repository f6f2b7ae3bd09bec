"""Every kind of document compiles with pdflatex (CI installs TeX and runs ``pytest -m tex``).

These tests fail, never skip, when pdflatex is missing: CI must provide it.
"""

import shutil
import subprocess

import pytest

from symrep.cli.app import main
from symrep.render.gallery import document_stems
from symrep.render.latex import TexError, compile_pdf, find_tex_engine
from test_documents import _documents

pytestmark = pytest.mark.tex


def test_a_tex_engine_is_installed():
    assert find_tex_engine(), "pdflatex is required for the tex tests (Debian: texlive-latex-recommended)"


@pytest.mark.parametrize("name", sorted(_documents()))
def test_every_document_kind_compiles(name, tmp_path):
    pdf = compile_pdf(_documents()[name]())
    assert pdf.startswith(b"%PDF")
    path = tmp_path / "doc.pdf"
    path.write_bytes(pdf)
    assert shutil.which("pdftoppm"), "pdftoppm (poppler-utils) is required"
    subprocess.run(["pdftoppm", "-png", "-r", "30", "-f", "1", "-l", "1", str(path), str(tmp_path / "page")],
                   check=True)
    assert list(tmp_path.glob("page*.png"))


def test_tex_failure_quotes_the_log():
    with pytest.raises(TexError, match="Undefined control sequence"):
        compile_pdf("\\documentclass{article}\\begin{document}\\nosuchcommand\\end{document}")


def test_gallery_builds_pdfs(tmp_path, capsys):
    folder = tmp_path / "gallery"
    assert main(["gallery", "-o", str(folder)]) == 0
    assert "PDFs compiled" in capsys.readouterr().out
    pdfs = sorted(folder.glob("*.pdf"))
    assert len(pdfs) == len(document_stems()) >= 20 and all(p.read_bytes().startswith(b"%PDF") for p in pdfs)


def test_pdf_output_of_every_command(tmp_path):
    commands = [(["table", "B6"], 0), (["spectrum", "--sides", "1,1,1", "--kernel", "exp(-x)"], 0),
                (["decompose", "--sides", "1,1,2", "--action", "edges"], 0),
                (["certify", "exp(-x^2)", "--claim", "pd-l1"], 1)]  # certify exits 1: the claim fails
    for i, (command, code) in enumerate(commands):
        out = tmp_path / f"{i}.pdf"
        assert main(command + ["--format", "pdf", "-o", str(out)]) == code
        assert out.read_bytes().startswith(b"%PDF")


def test_notebook_displays_compile():
    """Every result object's _repr_latex_ (what Jupyter shows) compiles in a document."""
    from symrep import certify, spectrum
    from symrep.groups import hyperoctahedral_table
    from test_api import _results

    table = hyperoctahedral_table(3)
    verdict = certify("exp(-x^2)", "pd-l1")
    objects = [table, table.character(((2,), (1,))), (table.character(((2,), (1,))) ** 2).decompose(),
               verdict, verdict.certificate, spectrum([1, 1, 2], "exp(-x)")]
    objects += [obj for kind in _results().values() for obj in kind]  # the displays of issue 16
    body = "\n\n".join(o._repr_latex_() for o in objects)
    pdf = compile_pdf("\\documentclass{article}\\usepackage{amsmath,amssymb}\\begin{document}\n"
                      + body + "\n\\end{document}")
    assert pdf.startswith(b"%PDF")
