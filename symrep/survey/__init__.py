"""Surveys: many kernels under many claims, in parallel and resumably, with a certified atlas.

``symrep survey KERNELS -o DIR`` (and :func:`survey`) decides every (kernel, claim) cell, records each
in an SQLite store as it finishes, and writes ``atlas.json``, ``atlas.tex`` and ``atlas.html``. See
``docs/survey.md``.

May import everything but the command line.

Modules: :mod:`~symrep.survey.inputs` (the kernel file), :mod:`~symrep.survey.store` (the database),
:mod:`~symrep.survey.cell` (one cell, where it runs), :mod:`~symrep.survey.runner` (local and Dask
backends), :mod:`~symrep.survey.record` (check and commit), :mod:`~symrep.survey.progress`,
:mod:`~symrep.survey.atlas` (the documents), :mod:`~symrep.survey.run` (all of it).

Examples
--------
>>> from symrep.survey import read_kernels, survey
>>> callable(survey) and callable(read_kernels)
True
"""

from symrep.lazy import lazy_exports

_EXPORTS = {"survey": "run", "read_kernels": "inputs", "Kernel": "inputs", "cell_key": "store",
            "write_atlas": "atlas"}

__all__ = sorted(_EXPORTS)
__getattr__, __dir__ = lazy_exports(__name__, _EXPORTS)
