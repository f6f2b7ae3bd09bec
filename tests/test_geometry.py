import math
from fractions import Fraction

import numpy as np
import pytest
import sympy

from symrep import Hyperrectangle, InputError, LimitError, get_metric
from symrep.geometry.boxes import MAX_EXACT_MATRIX_DIMENSION

a, b = sympy.symbols("a b", positive=True)


@pytest.mark.parametrize(
    "sides, message",
    [
        ([1, -1], "a_2 = -1"),
        ([0], "a_1 = 0"),
        ([], "at least one side"),
        ([float("nan")], "a_1 = nan"),
        ([float("inf")], "a_1 = inf"),
        ([1, complex(1, 1)], "a_2"),
        ([sympy.I], "a_1 = I"),
        ([sympy.Symbol("t")], "positive=True"),
        ([sympy.oo], "a_1"),
        (["-2"], "a_1 = -2"),
        ([True], "a_1"),
        ("12", "sequence"),
        (5, "sequence"),
        ([[1, 2]], "a_1"),
    ],
)
def test_bad_sides_are_refused_naming_the_value(sides, message):
    with pytest.raises(InputError, match=message.replace("(", r"\(").replace("+", r"\+")):
        Hyperrectangle(sides)


def test_accepted_side_types():
    H = Hyperrectangle([1, Fraction(1, 2), sympy.Rational(3, 4), 0.5, "5/2", a])
    assert H.sides[1] == sympy.Rational(1, 2) and H.sides[4] == sympy.Rational(5, 2)
    assert not H.is_exact and not H.is_numeric
    assert Hyperrectangle([1, 2]).is_exact


def test_bit_order_and_vertices():
    H = Hyperrectangle([1, 2, 3])
    assert H.vertex(0b110) == (0, 2, 3)
    assert len(set(H.vertices())) == 8
    with pytest.raises(InputError):
        H.vertex(8)


def test_blocks_group_provably_equal_sides():
    H = Hyperrectangle([a, 2, a, (a**2 + a) / a - 1, sympy.Rational(4, 2)])
    assert H.blocks == ((a, (1, 3, 4)), (2, (2, 5)))
    assert Hyperrectangle([a, b]).multiplicities == (1, 1)


@pytest.mark.parametrize("metric, p", [("l1", None), ("l2", None), ("l2sq", None), ("lp", "1/2"),
                                       ("lp", 3), ("inner", None)])
def test_numeric_distances_match_coordinates(metric, p):
    H = Hyperrectangle([1, sympy.Rational(3, 2), 2, 5])
    numeric = get_metric(metric, p).numeric_values(H.float_sides())
    exact = [float(H.distance(0, z, metric, p)) for z in range(H.n_vertices)]
    assert np.allclose(numeric, exact, rtol=1e-13, atol=1e-13)


def test_distance_from_coordinates_is_a_metric():
    H = Hyperrectangle([1, 2, 2])
    D = H.distance_matrix("l2")
    for u in range(8):
        assert D[u, u] == 0
        for v in range(8):
            assert D[u, v] == D[v, u]
    assert D[0, 7] == 3


def test_inner_product_cube_distance_matrix_has_rank_d():
    H = Hyperrectangle([1, 2, 5])
    M = H.distance_matrix("inner", numeric=True)
    assert np.linalg.matrix_rank(M) == 3
    X = np.array([[1 - 2 * (v >> i & 1) for i in range(3)] for v in range(8)])
    assert np.array_equal(M, (X * [1, 2, 5]) @ X.T)


def test_kernel_matrix_exact_and_numeric_agree():
    H = Hyperrectangle([1, 2])
    exact = H.kernel_matrix("exp(-x)", "l2")
    numeric = H.kernel_matrix("exp(-x)", "l2", numeric=True)
    assert np.allclose(np.array(exact, dtype=float), numeric)


def test_oversized_exact_matrix_is_refused():
    with pytest.raises(LimitError, match=f"d <= {MAX_EXACT_MATRIX_DIMENSION}"):
        Hyperrectangle([1] * (MAX_EXACT_MATRIX_DIMENSION + 1)).distance_matrix()


@pytest.mark.parametrize("name, p", [("l3", None), ("lp", None), ("lp", 0), ("lp", -1), ("l1", 2),
                                     ("lp", "x"), ("lp", float("nan")), ("lp", sympy.I)])
def test_bad_metrics_are_refused(name, p):
    with pytest.raises(InputError):
        get_metric(name, p)


def test_lp_with_p_one_or_two_is_l1_or_l2():
    assert get_metric("lp", 1).name == "l1" and get_metric("lp", 2.0).name == "l2"
    assert math.isclose(float(get_metric("lp", "1/2").block_value([(1, 1), (4, 1)], 5)), 9)
