"""Symmetry: partitions, the hyperoctahedral groups, character tables (B_n, S_n, Z_2^d,
products, generic Dixon-Schneider tables) and permutation groups of a box.

May import ``symrep.geometry`` (a box's symmetry group) and the ground floor (``errors``, ``reports``).

Modules: :mod:`~symrep.groups.partitions`, :mod:`~symrep.groups.murnaghan_nakayama`, :mod:`~symrep.groups.cyclotomic`, :mod:`~symrep.groups.orthogonality`, :mod:`~symrep.groups.class_functions`, :mod:`~symrep.groups.character_table`, :mod:`~symrep.groups.dixon`, :mod:`~symrep.groups.tables`, :mod:`~symrep.groups.permutation_groups`.

Examples
--------
>>> from symrep.groups import hyperoctahedral_table
>>> hyperoctahedral_table(3).order
48
"""

from symrep.groups.partitions import (
    partitions, bipartitions, hook_degree, z_partition, add_rim_hooks, is_partition, conjugate,
    partition_text, bipartition_text,
)
from symrep.groups.murnaghan_nakayama import (
    hyperoctahedral_character_values, symmetric_character_values, hyperoctahedral_classes, symmetric_classes,
    signed_cycles_of, class_of_signed_cycles, power_of_class, MAX_HYPEROCTAHEDRAL_N, MAX_SYMMETRIC_N,
)
from symrep.groups.cyclotomic import (
    cyclotomic_value, reduce_cyclotomic,
)
from symrep.groups.orthogonality import (
    verify_table, MAX_VERIFY_CLASSES,
)
from symrep.groups.class_functions import (
    ClassFunction, Decomposition,
)
from symrep.groups.character_table import (
    CharacterTable,
)
from symrep.groups.dixon import (
    generic_character_table, MAX_GENERIC_ORDER,
)
from symrep.groups.tables import (
    hyperoctahedral_table, symmetric_table, elementary_abelian_table, direct_product, table_from_name,
    symmetric_fusion, MAX_ELEMENTARY_ABELIAN_D,
)
from symrep.groups.permutation_groups import (
    hyperoctahedral_group, hyperoctahedral_elements, signed_cycle_type, conjugacy_classes, ConjugacyClass,
    vertex_permutation, cube_vertex_group, box_symmetry_group, box_group_order, box_group_elements,
    automorphism_group_order, matrix_automorphism_order, AutomorphismReport, MAX_ENUMERATED_ORDER,
)

__all__ = [
    "partitions", "bipartitions", "hook_degree", "z_partition", "add_rim_hooks", "is_partition", "conjugate",
    "partition_text", "bipartition_text", "hyperoctahedral_character_values", "symmetric_character_values",
    "hyperoctahedral_classes", "symmetric_classes", "signed_cycles_of", "class_of_signed_cycles",
    "power_of_class", "MAX_HYPEROCTAHEDRAL_N", "MAX_SYMMETRIC_N", "cyclotomic_value", "reduce_cyclotomic",
    "verify_table", "MAX_VERIFY_CLASSES", "ClassFunction", "Decomposition", "CharacterTable",
    "generic_character_table", "MAX_GENERIC_ORDER", "hyperoctahedral_table", "symmetric_table",
    "elementary_abelian_table", "direct_product", "table_from_name", "symmetric_fusion",
    "MAX_ELEMENTARY_ABELIAN_D", "hyperoctahedral_group", "hyperoctahedral_elements", "signed_cycle_type",
    "conjugacy_classes", "ConjugacyClass", "vertex_permutation", "cube_vertex_group", "box_symmetry_group",
    "box_group_order", "box_group_elements", "automorphism_group_order", "matrix_automorphism_order",
    "AutomorphismReport", "MAX_ENUMERATED_ORDER",
]
