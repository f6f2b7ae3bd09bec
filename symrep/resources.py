"""Where the top-level ``templates/`` and ``proofs/`` folders are, installed or in a checkout.

In the repository they sit beside the package (``templates/``, ``proofs/``); ``pip install .``
ships them inside it (``symrep/templates``, ``symrep/proofs``) by the ``package-dir`` mapping of
``pyproject.toml``. Code that reads them asks here instead of assuming either layout.

Examples
--------
>>> from symrep.resources import folder
>>> (folder("templates") / "base.tex.j2").is_file()
True
"""

import pathlib

__all__ = ["folder"]

_PACKAGE = pathlib.Path(__file__).resolve().parent


def folder(name):
    """The folder ``templates`` or ``proofs``: inside the installed package, else beside it."""
    if name not in ("templates", "proofs"):
        raise ValueError(f"unknown resource folder {name!r}")
    for candidate in (_PACKAGE / name, _PACKAGE.parent / name):
        if candidate.is_dir():
            return candidate
    raise FileNotFoundError(f"symrep's {name}/ folder is missing (looked in {_PACKAGE} and {_PACKAGE.parent})")
