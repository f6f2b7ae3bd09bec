"""Sphinx configuration of symrep's documentation site.

Build it with ``pip install '.[docs]'`` and then, from the top of the repository::

    python -m sphinx -W -b html docs docs/_build/html        # the site; a warning fails the build
    python -m sphinx -W -b doctest docs docs/_build/doctest  # every example of the API reference, run

The API reference (``api/``) is written at build time from ``symrep.__all__`` and each subpackage's
``__all__`` (``_ext/api_pages.py``); the gallery page runs the gallery's statements
(``_ext/gallery_page.py``); the notebooks are shown with the outputs stored in ``docs/notebooks/``
(``python notebooks/execute.py`` refreshes them).
"""

import doctest
import os
import pathlib
import sys

HERE = pathlib.Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))  # symrep from this checkout
sys.path.insert(0, str(HERE / "_ext"))

import symrep  # noqa: E402

project = "symrep"
author = "the symrep developers"
copyright = "2026, the symrep developers"
release = version = symrep.__version__

extensions = [
    "sphinx.ext.autodoc",
    "sphinx.ext.autosummary",
    "sphinx.ext.doctest",
    "sphinx.ext.mathjax",
    "numpydoc",
    "myst_nb",
    "api_pages",
    "gallery_page",
]

source_suffix = {".rst": "restructuredtext", ".md": "myst-nb", ".ipynb": "myst-nb"}
root_doc = "index"
exclude_patterns = ["_build", "_ext", "_templates", "Thumbs.db", ".DS_Store", "**.ipynb_checkpoints"]
templates_path = ["_templates"]

html_theme = "furo"
html_title = f"symrep {release}"

# MyST: $...$ maths, anchors for headings (theory.md links to certificates.md#...), no execution of the
# notebooks (their outputs are stored: see notebooks/execute.py)
myst_enable_extensions = ["dollarmath", "colon_fence"]
myst_heading_anchors = 4
nb_execution_mode = "off"
nb_merge_streams = True
suppress_warnings = ["myst.xref_missing"] if os.environ.get("SYMREP_DOCS_LAX") else []

# autodoc and numpydoc: signatures as written, members of classes listed on the class's own page
autodoc_default_options = {"members": True, "undoc-members": False, "show-inheritance": False}
autodoc_typehints = "none"
autodoc_member_order = "bysource"
autosummary_generate = False  # the pages are written by _ext/api_pages.py
numpydoc_show_class_members = False
numpydoc_class_members_toctree = False
numpydoc_validation_checks = set()
numpydoc_xref_param_type = False

# the doctest builder runs the examples as pytest --doctest-modules does: ELLIPSIS, and each page's
# examples see the globals of the module that defines the object (set by a testsetup on the page)
doctest_default_flags = doctest.ELLIPSIS
doctest_test_doctest_blocks = "default"
