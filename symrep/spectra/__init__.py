"""Closed-form eigenvalues of f(distance) on a box: Walsh characters and the fast transform,
Krawtchouk matrices, exact and numeric spectra, their checks, and the decompositions that
bridge characters and spectra.

May import ``symrep.geometry`` and ``symrep.groups`` (the bridge), and the ground floor.

Modules: :mod:`~symrep.spectra.walsh` (with its compiled kernel :mod:`~symrep.spectra.fwht_kernel`), :mod:`~symrep.spectra.krawtchouk_polynomials`, :mod:`~symrep.spectra.finite_differences`, :mod:`~symrep.spectra.checks`, :mod:`~symrep.spectra.eigenspaces`, :mod:`~symrep.spectra.closed_form`, :mod:`~symrep.spectra.decompositions`.

Examples
--------
>>> from symrep.spectra import spectrum
>>> len(spectrum([1, 1, 1], "exp(-x)"))
4
"""

from symrep.lazy import lazy_exports

#: Public names and the modules that define them (imported on first use).
_EXPORTS = {
    "fwht": "walsh", "character": "walsh", "character_matrix": "walsh", "subset_to_mask": "walsh",
    "mask_to_subset": "walsh", "krawtchouk": "krawtchouk_polynomials", "krawtchouk_matrix": "krawtchouk_polynomials",
    "FiniteDifference": "finite_differences", "CheckReport": "checks", "verify_eigenpairs": "checks",
    "compare_with_dense": "checks", "MAX_EXACT_CHECK_DIMENSION": "checks", "MAX_DENSE_CHECK_DIMENSION":
    "checks", "Eigenspace": "eigenspaces", "Spectrum": "eigenspaces", "spectrum": "closed_form",
    "numeric_spectrum": "closed_form", "MAX_EXACT_TERMS": "closed_form", "MAX_NUMERIC_DIMENSION":
    "closed_form", "box_character_table": "decompositions", "face_character": "decompositions",
    "natural_character": "decompositions", "symmetric_power_character": "decompositions", "action_character":
    "decompositions", "decompose_action": "decompositions", "vertex_constituent": "decompositions",
    "isotypic_projectors": "decompositions", "verify_spectrum_bridge": "decompositions", "ACTIONS":
    "decompositions", "factored": "signs", "proved_signs": "signs",
}

__all__ = sorted(_EXPORTS)
__getattr__, __dir__ = lazy_exports(__name__, _EXPORTS)
