"""Closed-form eigenvalues of f(distance) on a box: Walsh characters and the fast transform,
Krawtchouk matrices, exact and numeric spectra, their checks, and the decompositions that
bridge characters and spectra.

May import ``symrep.geometry`` and ``symrep.groups`` (the bridge), and the ground floor.

Modules: :mod:`~symrep.spectra.walsh`, :mod:`~symrep.spectra.krawtchouk`, :mod:`~symrep.spectra.finite_differences`, :mod:`~symrep.spectra.checks`, :mod:`~symrep.spectra.eigenspaces`, :mod:`~symrep.spectra.closed_form`, :mod:`~symrep.spectra.decompositions`.

Examples
--------
>>> from symrep.spectra import spectrum
>>> len(spectrum([1, 1, 1], "exp(-x)"))
4
"""

from symrep.spectra.walsh import (
    fwht, character, character_matrix, subset_to_mask, mask_to_subset,
)
from symrep.spectra.krawtchouk import (
    krawtchouk, krawtchouk_matrix,
)
from symrep.spectra.finite_differences import (
    FiniteDifference,
)
from symrep.spectra.checks import (
    CheckReport, verify_eigenpairs, compare_with_dense, MAX_EXACT_CHECK_DIMENSION, MAX_DENSE_CHECK_DIMENSION,
)
from symrep.spectra.eigenspaces import (
    Eigenspace, Spectrum,
)
from symrep.spectra.closed_form import (
    spectrum, numeric_spectrum, MAX_EXACT_TERMS, MAX_NUMERIC_DIMENSION,
)
from symrep.spectra.decompositions import (
    box_character_table, face_character, natural_character, symmetric_power_character, action_character,
    decompose_action, vertex_constituent, isotypic_projectors, verify_spectrum_bridge, ACTIONS,
)

__all__ = [
    "fwht", "character", "character_matrix", "subset_to_mask", "mask_to_subset", "krawtchouk",
    "krawtchouk_matrix", "FiniteDifference", "CheckReport", "verify_eigenpairs", "compare_with_dense",
    "MAX_EXACT_CHECK_DIMENSION", "MAX_DENSE_CHECK_DIMENSION", "Eigenspace", "Spectrum", "spectrum",
    "numeric_spectrum", "MAX_EXACT_TERMS", "MAX_NUMERIC_DIMENSION", "box_character_table", "face_character",
    "natural_character", "symmetric_power_character", "action_character", "decompose_action",
    "vertex_constituent", "isotypic_projectors", "verify_spectrum_bridge", "ACTIONS",
]
