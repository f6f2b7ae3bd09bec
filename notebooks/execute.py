"""Execute the teaching notebooks and store the executed copies in ``docs/notebooks/`` for the site.

The notebooks in this folder are stored without outputs (``build.py`` writes them); the documentation
shows them with their outputs, which the Sphinx build does not compute (executing all five takes about a
minute). Run this after changing ``build.py``::

    python notebooks/execute.py

``tests/test_notebooks.py`` checks that every stored copy has the cells of its notebook and was executed.
"""

import os
import pathlib
import sys

import nbformat
from nbclient import NotebookClient

HERE = pathlib.Path(__file__).resolve().parent
OUT = HERE.parent / "docs" / "notebooks"


def execute(names=None):
    """Execute each notebook (all, or those named) in this folder and write it to ``docs/notebooks/``."""
    OUT.mkdir(exist_ok=True)
    # the kernel imports symrep from this checkout, not from wherever it is installed
    os.environ["PYTHONPATH"] = os.pathsep.join(filter(None, [str(HERE.parent), os.environ.get("PYTHONPATH")]))
    for path in sorted(HERE.glob("*.ipynb")):
        if names and path.stem not in names and path.name not in names:
            continue
        nb = nbformat.read(path, as_version=4)
        NotebookClient(nb, timeout=600, kernel_name="python3", resources={"metadata": {"path": str(HERE)}}).execute()
        nb.metadata.pop("widgets", None)
        for cell in nb.cells:  # when each cell ran is no part of the notebook (and would change every run)
            cell.metadata.pop("execution", None)
        nbformat.write(nb, OUT / path.name)
        print(f"wrote {OUT / path.name}")


if __name__ == "__main__":
    execute(sys.argv[1:])
