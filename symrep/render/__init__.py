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

from symrep.lazy import lazy_exports

#: Public names and the modules that define them (imported on first use).
_EXPORTS = {
    "Tex": "latex", "escape": "latex", "environment": "latex", "render": "latex", "render_string": "latex",
    "compile_pdf": "latex", "TexError": "latex", "TEX_ENGINE": "latex", "find_tex_engine": "latex",
    "certificate_document": "documents", "table_document": "documents", "spectrum_document": "documents",
    "decomposition_document": "documents", "CLAIM_TITLES": "documents", "Document": "gallery", "certificate":
    "gallery", "cube_rank_certificate": "gallery", "decomposition": "gallery", "build_gallery": "gallery",
    "main": "gallery", "STATEMENTS": "gallery", "load_statement": "gallery",
}

__all__ = sorted(_EXPORTS)
__getattr__, __dir__ = lazy_exports(__name__, _EXPORTS)
