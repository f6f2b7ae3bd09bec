"""Issue 25 (A10 and M22 against GAP): the faster classes of generic tables give the same tables.

The element numbers are found by sifting blocks of base images at once (one table lookup per block), the
classes as orbits of the conjugation maps (numpy below :data:`~symrep.groups.classes.COMPILED_ORDER`,
compiled loops above), class-matrix rows over the smaller of two classes, and each subspace is split by its
cheapest separating class. Each of these is compared here with the plain version it replaced.
"""

import numpy as np
import pytest
from sympy.combinatorics import Permutation, PermutationGroup
from sympy.combinatorics.named_groups import AlternatingGroup, CyclicGroup, SymmetricGroup

from symrep.errors import InputError
from symrep.groups import classes, dixon
from symrep.groups.dixon import generic_character_table
from symrep.groups.elements import _Elements
from symrep.groups.permutation_input import parse_generators

M11 = "(1,2,3,4,5,6,7,8,9,10,11),(3,7,11,8)(4,10,5,6)"
PSL27 = "(3,7,5)(4,8,6),(1,2,6)(3,4,8)"
GROUPS = [parse_generators(M11), parse_generators(PSL27), SymmetricGroup(6), AlternatingGroup(7), CyclicGroup(12),
          PermutationGroup([Permutation([1, 0, 2])]), PermutationGroup([Permutation([0, 1, 2])])]


def _sift_by_levels(G, images):
    """The element numbers as the chain gives them, one level at a time (the sift before the blocks)."""
    R = np.array(images, dtype=np.intp).reshape(-1, len(G.base))
    number = np.zeros(len(R), dtype=np.int64)
    for i, ((b, position, inverse), stride) in enumerate(zip(G._levels, G._strides)):
        t = position[R[:, i]]
        assert (t >= 0).all()
        number += t * stride
        R[:, i + 1:] = inverse[t[:, None], R[:, i + 1:]]
    return number


@pytest.mark.parametrize("gens", [M11, PSL27, "(1,2,3,4,5,6,7,8,9),(8,9,10)"])
def test_block_sifting_numbers_every_element_as_the_levels_do(gens):
    G = _Elements(parse_generators(gens))
    rng = np.random.default_rng(5)
    sample = rng.choice(G.order, size=min(G.order, 50_000), replace=False)
    images = G.array[sample][:, G.base]
    assert np.array_equal(G._sift(images), sample)
    assert np.array_equal(G._sift(images), _sift_by_levels(G, images))
    assert np.array_equal(G.index_of_base_images(G.array[:, G.base]), np.arange(G.order))  # chunked


def test_block_sifting_rejects_what_is_not_an_element():
    G = _Elements(parse_generators(PSL27))  # on 8 points, of order 168: most base images belong to no element
    odd = np.array([[1, 0, 2, 3, 4, 5, 6, 7]])
    with pytest.raises(InputError, match="not an element"):
        G.index(odd)


@pytest.mark.parametrize("group", GROUPS, ids=lambda g: f"order{g.order()}")
def test_compiled_classes_equal_the_numpy_classes(group, monkeypatch):
    G = _Elements(group)
    gens = [np.array(g.array_form + list(range(g.size, G.degree)), dtype=np.intp) for g in group.generators]
    monkeypatch.setattr(classes, "COMPILED_ORDER", 10**12)
    plain = classes.conjugacy_classes(G, gens)
    monkeypatch.setattr(classes, "COMPILED_ORDER", 0)
    compiled = classes.conjugacy_classes(G, gens)
    assert plain[0] == compiled[0] and plain[1] == compiled[1] and np.array_equal(plain[2], compiled[2])
    starts, sizes, class_of = plain
    assert sum(sizes) == G.order and all(int(np.flatnonzero(class_of == c)[0]) == x for c, x in enumerate(starts))


@pytest.mark.parametrize("group", GROUPS[:4], ids=lambda g: f"order{g.order()}")
def test_compiled_tables_equal_the_numpy_tables(group, monkeypatch):
    monkeypatch.setattr(classes, "COMPILED_ORDER", 10**12)
    plain = generic_character_table(group)
    monkeypatch.setattr(classes, "COMPILED_ORDER", 0)
    compiled = generic_character_table(group)
    assert plain.class_sizes == compiled.class_sizes and plain.power_maps == compiled.power_maps
    assert [g.array_form for g in plain.representatives] == [g.array_form for g in compiled.representatives]
    assert np.array_equal(np.asarray(plain.values), np.asarray(compiled.values))
    assert compiled.verify().passed


@pytest.mark.parametrize("group", GROUPS[:4], ids=lambda g: f"order{g.order()}")
def test_rows_over_the_smaller_class_equal_the_rows_over_the_first(group):
    G = _Elements(group)
    gens = [np.array(g.array_form + list(range(g.size, G.degree)), dtype=np.intp) for g in group.generators]
    starts, sizes, class_of = classes.conjugacy_classes(G, gens)
    reps = [G.array[x].astype(np.intp) for x in starts]
    M = classes.ClassMatrices(G, sizes, reps, class_of, len(starts))
    for i in range(len(starts)):
        for j in range(len(starts)):  # over C_i, as before issue 25, whatever the sizes
            members = np.flatnonzero(class_of == i)
            counts = np.bincount(class_of[G.index(reps[j][G.array[members]], exact=False)], minlength=len(starts))
            assert np.array_equal(M.row(i, j), counts * sizes[j] // np.array(sizes))


@pytest.mark.parametrize("group", GROUPS[:4], ids=lambda g: f"order{g.order()}")
def test_the_adaptive_split_finds_the_eigenvectors_of_the_split_in_order(group):
    G = _Elements(group)
    gens = [np.array(g.array_form + list(range(g.size, G.degree)), dtype=np.intp) for g in group.generators]
    starts, sizes, class_of = classes.conjugacy_classes(G, gens)
    r = len(starts)
    reps = [G.array[x].astype(np.intp) for x in starts]
    M = classes.ClassMatrices(G, sizes, reps, class_of, r)
    exponent = int(np.lcm.reduce([classes.permutation_order(g) for g in reps]))
    p = dixon._prime(exponent, 2 * int(np.sqrt(G.order)) + 2)  # p = 1 mod e: the eigenvalues lie in F_p
    adaptive = dixon._common_eigenvectors(M, p, r)
    arrays = [M[i] for i in range(r)]
    in_order = dixon._common_eigenvectors(arrays, p, r)
    assert sorted(adaptive) == sorted(in_order) and len(adaptive) == r


def test_the_trivial_group_has_its_table():  # its stabilizer chain has no base point (a ValueError before)
    T = generic_character_table(parse_generators("()"))
    assert T.values.tolist() == [[1]] and T.verify().passed and T.class_of([0]) == "C1"
