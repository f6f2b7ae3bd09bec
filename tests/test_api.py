"""The public API (issue 16): ``dir(symrep)`` lists it, ``import symrep`` stays light, every export has a
numpydoc docstring, and every result object has a short one-line ``__repr__`` and a ``_repr_latex_``.

The LaTeX displays are compiled by pdflatex in ``tests/test_tex.py::test_notebook_displays_compile``.
"""

import inspect
import re
import subprocess
import sys

import pytest

import symrep

#: Classes people construct themselves: their docstrings document the constructor's Parameters.
CONSTRUCTED_BY_USERS = {"Hyperrectangle", "Kernel", "CharacterTable", "Certificate", "ClassFunction"}
#: A dict whose fields are its keys (listed under Parameters), not attributes.
NO_ATTRIBUTES = {"Certificate"}
#: Functions that raise no symrep error of their own.
RAISE_NOTHING = {"factored"}

EXPORTS = [name for name in symrep.__all__ if name != "__version__"]


def _sections(doc):
    return set(re.findall(r"^(\w[\w ]*)\n-{3,}$", doc, flags=re.MULTILINE))


def _required(name, obj):
    if not inspect.isclass(obj):
        return {"Parameters", "Returns", "Examples"} | (set() if name in RAISE_NOTHING else {"Raises"})
    if issubclass(obj, BaseException):  # constructed by symrep with a message: SymrepError documents it
        return {"Examples"}
    return ({"Examples"} | ({"Parameters"} if name in CONSTRUCTED_BY_USERS else set())
            | (set() if name in NO_ATTRIBUTES else {"Attributes"}))


def test_dir_lists_the_public_api_and_import_stays_light():
    code = ("import sys, symrep\n"
            "print(sorted(dir(symrep)) == sorted(symrep.__all__), "
            "sorted(m for m in ('sympy', 'numpy') if m in sys.modules))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60).stdout
    assert out.strip() == "True []", out
    assert {"factored", "proved_signs", "ClassFunction", "Decomposition", "AttentionPlan"} <= set(symrep.__all__)


@pytest.mark.parametrize("name", EXPORTS)
def test_every_export_has_a_numpydoc_docstring(name):
    obj = getattr(symrep, name)
    doc = inspect.getdoc(obj) or ""
    summary = doc.split("\n\n")[0]
    assert summary and "\n" not in summary and summary.endswith("."), f"{name}: summary {summary!r}"
    missing = _required(name, obj) - _sections(doc)
    assert not missing, f"{name} lacks {sorted(missing)}"
    examples = doc.split("Examples\n--------", 1)[-1]
    assert ">>> " in examples, f"{name}: the Examples section has no doctest"


def _results():
    """One of each result object whose display issue 16 asks for, keyed by its class name."""
    import numpy as np

    from symrep.attention.stable_rank import stable_rank_bound
    from symrep.attention.stable_rank_box import box_stable_rank

    _, report = symrep.attend(np.eye(3), np.eye(3), np.eye(3), report=True)
    rng = np.random.default_rng(0)
    Q, K, V = (rng.uniform(-0.5, 0.5, (512, 4)) for _ in range(3))
    _, polynomial = symrep.attend(Q, K, V, method="polynomial", report=True)
    long = "exp(-x)*cos(x) + " + " + ".join(f"x^{k}/{k + 1}" for k in range(1, 30))
    return {
        "Classification": [symrep.classify("exp(-c*x)", "pd-l1")],
        "BoxStableRank": [box_stable_rank("exp(-x)", [1, 2]), box_stable_rank("exp(-x)", ["a", "a", "b"])],
        "StableRankBound": [stable_rank_bound("sqrt(x)", 1, 4)],
        "AttentionPlan": [symrep.plan_attention(16384, 4, bound=0.5), symrep.plan_attention(1024, 16, bound=2)],
        "AttentionReport": [report, polynomial],
        "CubeRank": [symrep.cube_rank("x^3", 5), symrep.cube_rank(long, 3)],
        "Eigenspace": list(symrep.spectrum([1, 2, 3, 5], long))[-2:] + [symrep.spectrum([1, 1], "exp(-x)")[1]],
    }


@pytest.fixture(scope="module")
def results():
    return _results()


@pytest.mark.parametrize("kind", ["Classification", "BoxStableRank", "StableRankBound", "AttentionPlan",
                                  "AttentionReport", "CubeRank", "Eigenspace"])
def test_result_objects_show_a_short_repr_and_latex(kind, results):
    for obj in results[kind]:
        assert type(obj).__name__ == kind
        text = repr(obj)
        assert "\n" not in text and len(text) < 200 and text.startswith(kind + "("), text
        latex = obj._repr_latex_()
        assert latex.startswith("$") and latex.endswith("$") and len(latex) > 2, latex
