"""symrep: the representation theory of the hyperrectangle, made computable.

Closed-form spectra of ``f(distance)`` on a box, with the characters of ``Z_2^d``
as eigenvectors, exact (SymPy) or by a fast Walsh-Hadamard transform (numpy).

Examples
--------
>>> from symrep import Hyperrectangle, spectrum
>>> sp = spectrum(Hyperrectangle([1, 1]), "exp(-x)")
>>> [(e.label, e.multiplicity, e.value) for e in sp]
[('s=(0)', 1, exp(-2) + 2*exp(-1) + 1), ('s=(1)', 2, 1 - exp(-2)), ('s=(2)', 1, -2*exp(-1) + exp(-2) + 1)]
"""

from symrep.lazy import lazy_exports
from symrep.version import __version__  # noqa: F401  (public)

#: The public API, imported on first use: ``import symrep`` stays light (``symrep --version``).
_EXPORTS = {
    "CheckError": "symrep.certificates", "check": "symrep.certificates", "check_file": "symrep.certificates",
    "InputError": "symrep.errors", "LimitError": "symrep.errors", "ParseError": "symrep.errors",
    "SymrepError": "symrep.errors", "parse_expression": "symrep.geometry.expressions",
    "Hyperrectangle": "symrep.geometry.boxes", "Kernel": "symrep.geometry.kernels",
    "get_metric": "symrep.geometry.metrics", "Eigenspace": "symrep.spectra.eigenspaces",
    "Spectrum": "symrep.spectra.eigenspaces", "numeric_spectrum": "symrep.spectra.closed_form",
    "spectrum": "symrep.spectra.closed_form", "Certificate": "symrep.analysis.verdicts",
    "Verdict": "symrep.analysis.verdicts", "certify": "symrep.analysis.verdicts",
    "CharacterTable": "symrep.groups.character_table", "hyperoctahedral_table": "symrep.groups.tables",
    "symmetric_table": "symrep.groups.tables", "table_from_name": "symrep.groups.tables",
    "generic_character_table": "symrep.groups.dixon", "parse_generators": "symrep.groups.permutation_input",
    "fusion_map": "symrep.groups.fusion", "decompose_action": "symrep.spectra.decompositions",
    "attend": "symrep.attention.dispatch", "attend_tensor": "symrep.attention.dispatch",
    "AttentionReport": "symrep.attention.plans", "plan_attention": "symrep.attention.dispatch",
    "cube_rank": "symrep.attention.ranks", "stable_rank_bound": "symrep.attention.stable_rank",
    "box_stable_rank": "symrep.attention.stable_rank_box", "classify": "symrep.analysis.classification",
    "Classification": "symrep.analysis.classification", "factored": "symrep.spectra.signs",
    "proved_signs": "symrep.spectra.signs", "ClassFunction": "symrep.groups.class_functions",
    "Decomposition": "symrep.groups.class_functions", "AttentionPlan": "symrep.attention.plans",
}
__getattr__, _lazy_dir = lazy_exports(__name__, _EXPORTS)

__all__ = ["__version__"] + sorted(_EXPORTS)


def __dir__():
    """The public API, ``__version__`` included (what tab completion offers)."""
    return ["__version__"] + _lazy_dir()
