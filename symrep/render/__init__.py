"""Documents: the jinja2 LaTeX environment, standalone documents for certificates, tables,
spectra and decompositions, and the proofs gallery.

May import everything to its left; the templates live in the top-level ``templates/`` folder and
the gallery's statements in ``proofs/`` (both shipped inside the package by ``pyproject.toml``).

Modules: :mod:`~symrep.render.latex`, :mod:`~symrep.render.documents`, :mod:`~symrep.render.gallery`.

Examples
--------
>>> from symrep.render import escape
>>> escape("50%")
'50\\\\%'
"""

from symrep.render.latex import (
    Tex, escape, environment, render, render_string, compile_pdf, TexError, TEX_ENGINE, find_tex_engine,
)
from symrep.render.documents import (
    certificate_document, table_document, spectrum_document, decomposition_document, CLAIM_TITLES,
)
from symrep.render.gallery import (
    Document, certificate, cube_rank_certificate, decomposition, build_gallery, main, STATEMENTS,
    load_statement,
)

__all__ = [
    "Tex", "escape", "environment", "render", "render_string", "compile_pdf", "TexError", "TEX_ENGINE",
    "find_tex_engine", "certificate_document", "table_document", "spectrum_document",
    "decomposition_document", "CLAIM_TITLES", "Document", "certificate", "cube_rank_certificate",
    "decomposition", "build_gallery", "main", "STATEMENTS", "load_statement",
]
