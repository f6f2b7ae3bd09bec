"""Symmetry: partitions, the hyperoctahedral groups, character tables (B_n, S_n, Z_2^d,
products, generic Dixon-Schneider tables) and permutation groups of a box.

May import ``symrep.geometry`` (a box's symmetry group) and the ground floor (``errors``, ``reports``).

Modules: :mod:`~symrep.groups.young`, :mod:`~symrep.groups.murnaghan_nakayama`, :mod:`~symrep.groups.cyclotomic`, :mod:`~symrep.groups.orthogonality`, :mod:`~symrep.groups.power_maps`, :mod:`~symrep.groups.class_functions`, :mod:`~symrep.groups.character_table`, :mod:`~symrep.groups.dixon`, :mod:`~symrep.groups.tables`, :mod:`~symrep.groups.fusion`, :mod:`~symrep.groups.permutation_groups`, :mod:`~symrep.groups.permutation_input`.

Examples
--------
>>> from symrep.groups import hyperoctahedral_table
>>> hyperoctahedral_table(3).order
48
"""

from symrep.lazy import lazy_exports

#: Public names and the modules that define them (imported on first use).
_EXPORTS = {
    "partitions": "young", "bipartitions": "young", "hook_degree": "young", "z_partition":
    "young", "add_rim_hooks": "young", "is_partition": "young", "conjugate": "young",
    "partition_text": "young", "bipartition_text": "young", "hyperoctahedral_character_values":
    "murnaghan_nakayama", "symmetric_character_values": "murnaghan_nakayama", "hyperoctahedral_classes":
    "murnaghan_nakayama", "symmetric_classes": "murnaghan_nakayama", "signed_cycles_of": "murnaghan_nakayama",
    "class_of_signed_cycles": "murnaghan_nakayama", "power_of_class": "murnaghan_nakayama",
    "MAX_HYPEROCTAHEDRAL_N": "murnaghan_nakayama", "MAX_SYMMETRIC_N": "murnaghan_nakayama",
    "cyclotomic_value": "cyclotomic", "reduce_cyclotomic": "cyclotomic", "verify_table": "orthogonality",
    "MAX_VERIFY_CLASSES": "orthogonality", "ClassFunction": "class_functions", "Decomposition":
    "class_functions", "CharacterTable": "character_table", "generic_character_table": "dixon",
    "MAX_GENERIC_ORDER": "dixon", "MAX_GENERIC_CLASSES": "dixon", "estimate_cost": "dixon",
    "check_power_maps": "power_maps", "check_classes": "power_maps", "fusion_map": "fusion",
    "parse_generators": "permutation_input", "read_generators": "permutation_input", "hyperoctahedral_table": "tables", "symmetric_table": "tables",
    "elementary_abelian_table": "tables", "direct_product": "tables", "table_from_name": "tables",
    "symmetric_fusion": "tables", "MAX_ELEMENTARY_ABELIAN_D": "tables", "hyperoctahedral_group":
    "permutation_groups", "hyperoctahedral_elements": "permutation_groups", "signed_cycle_type":
    "permutation_groups", "conjugacy_classes": "permutation_groups", "ConjugacyClass": "permutation_groups",
    "vertex_permutation": "permutation_groups", "cube_vertex_group": "permutation_groups",
    "box_symmetry_group": "permutation_groups", "box_group_order": "permutation_groups", "box_group_elements":
    "permutation_groups", "automorphism_group_order": "permutation_groups", "matrix_automorphism_order":
    "permutation_groups", "AutomorphismReport": "permutation_groups", "MAX_ENUMERATED_ORDER":
    "permutation_groups",
}

__all__ = sorted(_EXPORTS)
__getattr__, __dir__ = lazy_exports(__name__, _EXPORTS)
