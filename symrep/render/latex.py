"""LaTeX output: the jinja2 environment, escaping, and compiling to PDF.

Templates live in the top-level ``templates/`` folder (shipped inside the package by ``pip install .``)
and use LaTeX-safe delimiters: ``((* block *))``, ``((( variable )))``, ``((= comment =))``.
Every value a template prints is escaped unless it is :class:`Tex` (LaTeX built here, from
SymPy's printer or by a filter), so user text such as a function name ``f_1 & 50%`` cannot
break the document.

Examples
--------
>>> import sympy
>>> from symrep.render.latex import escape, render_string
>>> escape("50% of a_1 & {b}")
'50\\\\% of a\\\\_1 \\\\& \\\\{b\\\\}'
>>> render_string("$((( f | math )))$ for ((( name )))", f=sympy.exp(-sympy.Symbol("x")), name="f_1")
'$e^{- x}$ for f\\\\_1'
"""

import os
import shutil
import subprocess
import tempfile

import jinja2
import sympy

from symrep.resources import folder as resource_folder
from symrep.errors import SymrepError

__all__ = ["Tex", "escape", "environment", "render", "render_string", "compile_pdf", "TexError",
           "TEX_ENGINE", "find_tex_engine"]

#: The TeX engine used for PDFs.
TEX_ENGINE = "pdflatex"
_TEX_TIMEOUT = 120
_SPECIALS = {"\\": r"\textbackslash{}", "&": r"\&", "%": r"\%", "$": r"\$", "#": r"\#", "_": r"\_",
             "{": r"\{", "}": r"\}", "~": r"\textasciitilde{}", "^": r"\textasciicircum{}",
             "<": r"\textless{}", ">": r"\textgreater{}"}


class TexError(SymrepError):
    """The TeX engine is missing or failed; the message carries the relevant log lines."""


class Tex(str):
    """LaTeX source that templates print as it is (everything else is escaped)."""


def escape(text):
    """Escape the LaTeX special characters of plain text."""
    return "".join(_SPECIALS.get(ch, ch) for ch in str(text))


def _finalize(value):
    if isinstance(value, Tex):
        return value
    if isinstance(value, sympy.Basic):
        return Tex(sympy.latex(value))
    return escape(value)


def _math(value):
    """LaTeX of a SymPy expression (or of expression text parsed safely)."""
    if isinstance(value, str) and not isinstance(value, Tex):
        from symrep.certificates import parse
        from symrep.certificates.reading import XR

        value = parse(value, "expression", symbol=XR)  # as written: |x| stays |x|
    return Tex(sympy.latex(sympy.sympify(value)))


_ENVIRONMENT = None


def environment():
    """The shared jinja2 environment (templates from the package, LaTeX-safe delimiters)."""
    global _ENVIRONMENT
    if _ENVIRONMENT is None:
        folder = resource_folder("templates")
        env = jinja2.Environment(
            loader=jinja2.FileSystemLoader(os.fspath(folder)),
            block_start_string="((*", block_end_string="*))",
            variable_start_string="(((", variable_end_string=")))",
            comment_start_string="((=", comment_end_string="=))",
            trim_blocks=True, lstrip_blocks=True, autoescape=False,
            undefined=jinja2.StrictUndefined, finalize=_finalize, keep_trailing_newline=True)
        env.filters["math"] = _math
        env.filters["tex"] = lambda text: Tex(escape(text))
        env.filters["raw"] = Tex
        _ENVIRONMENT = env
    return _ENVIRONMENT


def render(template, **context):
    """Render the named template from ``symrep/templates``."""
    return environment().get_template(template).render(**context)


def render_string(source, **context):
    """Render template source given as text (same delimiters and escaping)."""
    return environment().from_string(source).render(**context)


def find_tex_engine():
    """Path of the TeX engine, or None."""
    return shutil.which(TEX_ENGINE)


def compile_pdf(tex_source):
    """Compile a standalone LaTeX document; return the PDF bytes.

    Runs the engine twice (for longtable widths and references) in a temporary folder.
    Raises :class:`TexError` when the engine is missing or fails, quoting the log's error lines.
    """
    engine = find_tex_engine()
    if engine is None:
        raise TexError(f"no TeX engine: {TEX_ENGINE} is not on PATH (on Debian: apt-get install "
                       f"texlive-latex-recommended); the .tex is still written")
    with tempfile.TemporaryDirectory(prefix="symrep-tex-") as folder:
        with open(os.path.join(folder, "doc.tex"), "w", encoding="utf-8") as handle:
            handle.write(tex_source)
        for _ in range(2):
            try:
                run = subprocess.run([engine, "-interaction=nonstopmode", "-halt-on-error", "-no-shell-escape",
                                      "doc.tex"], cwd=folder, capture_output=True, timeout=_TEX_TIMEOUT)
            except subprocess.TimeoutExpired:
                raise TexError(f"{TEX_ENGINE} took longer than {_TEX_TIMEOUT} s") from None
            if run.returncode != 0:
                raise TexError(f"{TEX_ENGINE} failed: {_log_errors(folder)}")
        with open(os.path.join(folder, "doc.pdf"), "rb") as handle:
            return handle.read()


def _log_errors(folder):
    try:
        with open(os.path.join(folder, "doc.log"), encoding="latin-1") as handle:
            lines = handle.read().splitlines()
    except OSError:
        return "no log"
    picked = [i for i, line in enumerate(lines) if line.startswith("!")]
    out = []
    for i in picked[:3]:
        out += [line.strip() for line in lines[i:i + 3] if line.strip()]
    return " | ".join(out) or "see the log"

