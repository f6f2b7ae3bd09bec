"""Decompositions of box actions and the bridge to the closed-form spectrum."""

import networkx as nx
import pytest
import sympy

from symrep import InputError, LimitError, spectrum
from symrep.spectra.decompositions import (action_character, box_character_table, decompose_action, face_character,
                                   isotypic_projectors, natural_character, symmetric_power_character,
                                   verify_spectrum_bridge, vertex_constituent)
from symrep.groups.permutation_groups import automorphism_group_order, box_group_elements, matrix_automorphism_order, vertex_permutation


@pytest.mark.parametrize("n", range(1, 9))
def test_cube_vertices_decompose_into_n_minus_k_k(n):
    dec = decompose_action([1] * n, "vertices")
    expected = {(((n - k,) if n - k else ()), ((k,) if k else ())): 1 for k in range(n + 1)}
    assert dict(dec) == expected


@pytest.mark.parametrize("sides", [[1, 1, 2], [1, 2, 3], [1, 1, 2, 2], [3, 3, 3, 1]])
def test_box_vertices_are_tensor_products(sides):
    dec = decompose_action(sides, "vertices")
    from itertools import product
    from symrep import Hyperrectangle
    box = Hyperrectangle(sides)
    expected = {vertex_constituent(box, s) for s in product(*[range(m + 1) for m in box.multiplicities])}
    assert set(dec) == expected and set(dec.values()) == {1}


@pytest.mark.parametrize("sides", [[1, 1, 1], [1, 1, 2], [1, 2, 3], [1, 1, 1, 1]])
def test_characters_are_traces_of_the_actual_action(sides):
    """Compare the generating-function characters with permutation matrices from the group itself."""
    from itertools import combinations
    from symrep import Hyperrectangle
    box = Hyperrectangle(sides)
    table = box_character_table(box)
    d = box.d
    faces = {k: [(free, fixed) for free in combinations(range(d), k)
                 for fixed in range(1 << d) if not any(fixed >> i & 1 for i in free)] for k in range(d + 1)}
    seen = set()
    for labels, (perm, flips) in box_group_elements(box):
        cls = labels[0] if len(labels) == 1 else labels
        if cls in seen:
            continue
        seen.add(cls)
        j = table.class_index(cls)
        for k, fs in faces.items():
            fixed_count = 0
            for free, fixed in fs:
                new_free = tuple(sorted(perm[i] for i in free))
                new_fixed = 0
                for i in range(d):
                    if i not in free and ((fixed >> i & 1) ^ flips[i]):
                        new_fixed |= 1 << perm[i]
                fixed_count += (new_free, new_fixed) == (free, fixed)
            assert face_character(box, k, table).values[j] == fixed_count
        trace = sum((-1 if flips[i] else 1) for i in range(d) if perm[i] == i)
        assert natural_character(box, table).values[j] == trace


def test_symmetric_powers_have_the_right_dimensions():
    for j in range(0, 6):
        assert symmetric_power_character([1, 1, 2], j).degree == sympy.binomial(3 + j - 1, j)
    # Sym^1 is the natural representation
    assert symmetric_power_character([1, 1, 1], 1).values == natural_character([1, 1, 1]).values


def test_natural_representation_of_bn_is_n_minus_1_1():
    for n in range(2, 7):
        assert dict(decompose_action([1] * n, "natural")) == {((n - 1,), (1,)): 1}


@pytest.mark.parametrize("sides, kernel, metric", [([1, 1, 2], "exp(-x)", "l1"), ([1, 1, 1], "exp(-x^2)", "l2"),
                                                   ([1, 2, 3], "1/(1+x)", "l1"), ([1, 1, 1, 1], "exp(-x)", "l1"),
                                                   ([2, 2, 1], "x^2", "inner")])
def test_spectrum_bridge_both_ways(sides, kernel, metric):
    assert verify_spectrum_bridge(spectrum(sides, kernel, metric)).passed


def test_bridge_with_undefined_function_and_symbolic_side():
    a = sympy.Symbol("a", positive=True)
    assert verify_spectrum_bridge(spectrum([a, a, 1], sympy.Function("f"))).passed


def test_bridge_catches_a_wrong_eigenvalue():
    sp = spectrum([1, 1, 2], "exp(-x)")
    sp.eigenspaces[2].value += 1
    assert not verify_spectrum_bridge(sp).passed


def test_projectors_are_orthogonal_idempotents_summing_to_one():
    P = isotypic_projectors([1, 1, 2])
    total = sympy.zeros(8, 8)
    for label, p in P.items():
        assert p * p == p
        total += p
        for other, q in P.items():
            if other != label:
                assert p * q == sympy.zeros(8, 8)
    assert total == sympy.eye(8)


def test_projector_limit():
    with pytest.raises(LimitError):
        isotypic_projectors([1] * 7)


@pytest.mark.parametrize("action", ["blah", "faces:x", "faces:9", "sym:-1", "sym:1000", 3])
def test_bad_actions(action):
    with pytest.raises(InputError):
        action_character([1, 1], action)


def test_automorphisms_of_box_distance_matrices():
    for sides, order in [([1, 1, 2], 16), ([1, 2, 3], 8), ([1, 1, 1, 1], 384), ([1, 1, 2, 2], 64)]:
        report = automorphism_group_order(sides)
        assert report.order == order == report.box_group_order and not report.is_larger
    report = automorphism_group_order([1, 1, 1], kernel="cos(pi*x/2)")
    assert report.is_larger and report.order == 1152


def test_matrix_automorphisms_against_known_groups():
    petersen = nx.petersen_graph()
    D = dict(nx.all_pairs_shortest_path_length(petersen))
    assert matrix_automorphism_order([[D[u][v] for v in petersen] for u in petersen]) == 120
    for n in (5, 6, 7):
        assert matrix_automorphism_order([[min(abs(u - v), n - abs(u - v)) for v in range(n)] for u in range(n)]) == 2 * n
    assert matrix_automorphism_order([[int(u != v) for v in range(5)] for u in range(5)]) == 120


def test_vertex_permutations_preserve_distances():
    from symrep import Hyperrectangle
    box = Hyperrectangle([1, 1, 2])
    D = box.distance_matrix()
    for _, element in box_group_elements(box):
        g = vertex_permutation(element)
        assert all(D[g[u], g[v]] == D[u, v] for u in range(8) for v in range(8))


@pytest.mark.parametrize("sides, metric, kernel", [([1, 1, 2], "l1", None), ([1, 2], "l2", None),
                                                   ([1, 1, 1], "l1", "cos(pi*x/2)"), ([1, 1, 1], "inner", None)])
def test_refinement_search_agrees_with_networkx(sides, metric, kernel):
    fast = automorphism_group_order(sides, metric, kernel=kernel)
    slow = automorphism_group_order(sides, metric, kernel=kernel, method="networkx")
    assert fast.order == slow.order


def test_networkx_cross_check_on_petersen():
    petersen = nx.petersen_graph()
    D = dict(nx.all_pairs_shortest_path_length(petersen))
    assert matrix_automorphism_order([[D[u][v] for v in petersen] for u in petersen], method="networkx") == 120
