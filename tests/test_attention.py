"""Attention: exact references against brute force, the fast paths within their proved bounds,
the Khatri-Rao identity, degree selection, exact cube ranks, and bad input."""

import copy
import math

import mpmath
import numpy as np
import pytest

from symrep.attention.algorithms import (MAX_FEATURE_BYTES, fast_softmax_attention, fast_tensor_attention, monomial_exponents,
                              softmax_attention, taylor_degree, tensor_attention)
from symrep.attention.ranks import cube_rank, flattening_matrix, polynomial_rank_certificate, taylor_polynomial
from symrep.certificates import CheckError, check
from symrep.errors import InputError, LimitError


def _inputs(seed, n, d, bound, count):
    rng = np.random.default_rng(seed)
    return [rng.uniform(-bound, bound, (n, d)) for _ in range(count)]


def test_softmax_reference_matches_the_definition():
    Q, K, V = _inputs(0, 20, 3, 1.0, 3)
    A = np.exp(Q @ K.T / 3)
    assert np.allclose(softmax_attention(Q, K, V), (A @ V) / A.sum(axis=1, keepdims=True), rtol=1e-13, atol=0)


def test_tensor_reference_matches_the_definition():
    Q, K1, K2, V1, V2 = _inputs(1, 7, 3, 1.0, 5)
    n = 7
    A = np.exp(0.7 * np.einsum("ik,jk,lk->ijl", Q, K1, K2).reshape(n, n * n))
    V = (V1[:, None, :] * V2[None, :, :]).reshape(n * n, -1)  # row (j, l) is V1_j * V2_l
    expected = (A @ V) / A.sum(axis=1, keepdims=True)
    assert np.allclose(tensor_attention(Q, K1, K2, V1, V2, scale=0.7), expected, rtol=1e-12, atol=1e-15)


def test_references_are_max_shifted():
    Q, K, V = _inputs(2, 16, 2, 1.0, 3)
    out = softmax_attention(800 * Q, 800 * K, V)  # exp of the raw scores would overflow
    assert np.all(np.isfinite(out))
    Q, K1, K2, V1, V2 = _inputs(3, 6, 2, 1.0, 5)
    assert np.all(np.isfinite(tensor_attention(40 * Q, 40 * K1, 40 * K2, V1, V2)))


@pytest.mark.parametrize("seed, n, d, bound, eps", [(0, 200, 4, 0.5, 1e-6), (1, 300, 3, 1.0, 1e-4),
                                                   (2, 150, 6, 0.3, 1e-9), (3, 64, 2, 1.5, 1e-3)])
def test_fast_softmax_within_its_proved_bound(seed, n, d, bound, eps):
    Q, K, V = _inputs(seed, n, d, bound, 3)
    fast, report = fast_softmax_attention(Q, K, V, eps=eps, report=True)
    error = np.max(np.abs(fast - softmax_attention(Q, K, V))) / np.max(np.abs(V))
    assert report.error_bound <= eps
    assert error <= report.error_bound + 1e-12
    assert report.rank == math.comb(d + report.degree, report.degree)


@pytest.mark.parametrize("seed, n, d, bound, eps, scale", [(0, 40, 4, 0.5, 1e-6, 1.0), (1, 30, 3, 0.8, 1e-4, 0.5),
                                                          (2, 25, 2, 1.0, 1e-8, -1.0)])
def test_fast_tensor_within_its_proved_bound(seed, n, d, bound, eps, scale):
    Q, K1, K2, V1, V2 = _inputs(seed, n, d, bound, 5)
    fast, report = fast_tensor_attention(Q, K1, K2, V1, V2, eps=eps, scale=scale, report=True)
    exact = tensor_attention(Q, K1, K2, V1, V2, scale=scale)
    error = np.max(np.abs(fast - exact)) / (np.max(np.abs(V1)) * np.max(np.abs(V2)))
    assert error <= report.error_bound + 1e-12 and report.error_bound <= eps


def test_khatri_rao_identity():
    U2, U3, V1, V2 = _inputs(4, 9, 5, 1.0, 4)
    kr_u = (U2[:, None, :] * U3[None, :, :]).reshape(81, 5)
    kr_v = (V1[:, None, :] * V2[None, :, :]).reshape(81, 5)
    assert np.allclose(kr_u.T @ kr_v, (U2.T @ V1) * (U3.T @ V2), rtol=1e-12, atol=1e-12)


@pytest.mark.parametrize("d, g", [(1, 5), (3, 4), (5, 3), (8, 2)])
def test_monomial_exponents_count_and_multinomials(d, g):
    terms = monomial_exponents(d, g)
    assert len(terms) == math.comb(d + g, g) == len({alpha for alpha, _, _ in terms})
    for j in range(g + 1):  # sum of multinomials of degree j is d^j
        assert sum(c for _, k, c in terms if k == j) == d**j


@pytest.mark.parametrize("R, eps", [(0.5, 1e-6), (1.0, 1e-3), (2.0, 1e-8), (0.01, 0.5)])
def test_taylor_degree_is_minimal_and_its_bound_true(R, eps):
    g, bound = taylor_degree(R, eps)
    mpmath.mp.dps = 40

    def rel_error(x, degree):
        return abs(mpmath.exp(x) - sum(mpmath.mpf(x)**j / mpmath.factorial(j) for j in range(degree + 1))) / mpmath.exp(x)

    worst = max(rel_error(x, g) for x in mpmath.linspace(-R, R, 201))
    eta = mpmath.mpf(R)**(g + 1) / mpmath.factorial(g + 1) * mpmath.exp(2 * R)
    assert worst <= eta and 2 * eta / (1 - eta) <= bound <= eps
    if g > 0:  # one degree less would not be proved enough
        eta = mpmath.mpf(R)**g / mpmath.factorial(g) * mpmath.exp(2 * R)
        assert eta >= 1 or 2 * eta / (1 - eta) > eps


@pytest.mark.parametrize("f, d", [("exp(x/3)", 3), ("1 + x + x^2/2", 3), ("x^3", 3), ("cos(x)", 4), ("x^2 - 4", 2)])
def test_cube_rank_matches_the_dense_flattening(f, d):
    exact = cube_rank(f, d)
    assert exact.decided
    assert exact.rank == np.linalg.matrix_rank(flattening_matrix(f, d))


@pytest.mark.parametrize("f, d", [("exp(x/3)", 3), ("x^3", 3), ("Abs(x)", 3), ("x^2 - 4", 2)])
def test_cube_rank_certificate_is_checked_and_tampering_is_caught(f, d):
    exact = cube_rank(f, d)
    cert = exact.certificate()
    assert check(cert) == ("cube-rank", exact.function, "holds")
    assert cert["data"]["rank"] == np.linalg.matrix_rank(flattening_matrix(f, d))
    for mutate in (lambda c: c["data"].update(rank=c["data"]["rank"] + 1),
                   lambda c: c["data"]["levels"].__setitem__(0, "zero" if c["data"]["levels"][0] == "nonzero"
                                                             else "nonzero"),
                   lambda c: c.update(function="0")):
        bad = copy.deepcopy(cert)
        mutate(bad)
        with pytest.raises(CheckError):
            check(bad)


def test_cube_rank_parses_x_as_real_not_positive():
    # |x| on the cube: with x positive, Abs(x) would wrongly simplify to x and change the rank
    assert cube_rank("Abs(x)", 3).rank == np.linalg.matrix_rank(flattening_matrix("Abs(x)", 3))


def test_polynomial_rank_is_bounded_by_its_degree():
    for g in range(5):
        p = taylor_polynomial(g)
        assert cube_rank(p, 6).rank <= sum(math.comb(6, j) for j in range(g + 1))


def test_polynomial_rank_certificate_passes_the_checker():
    verdict = polynomial_rank_certificate(4, scale=0.25)
    assert verdict.status == "holds"
    assert check(verdict.certificate)[2] == "holds"
    assert verdict.certificate["data"]["rank_bound"] == "binomial(d + 4, 4)"


@pytest.mark.parametrize("call, message", [
    (lambda Q, K, V: softmax_attention(Q, K[:, :2], V), "K has 2 columns"),
    (lambda Q, K, V: softmax_attention(Q, K, V[:5]), "V has 5 rows"),
    (lambda Q, K, V: fast_softmax_attention(Q, K, V, eps=0), "eps"),
    (lambda Q, K, V: fast_softmax_attention(Q, K, V, eps=1.5), "eps"),
    (lambda Q, K, V: softmax_attention(np.full_like(Q, np.nan), K, V), "Q has NaN"),
    (lambda Q, K, V: fast_tensor_attention(Q, K, K, V, V[:, :1]), "same number of columns"),
    (lambda Q, K, V: tensor_attention(Q, K, K, V, V, scale=float("inf")), "scale"),
    (lambda Q, K, V: softmax_attention(Q[0], K, V), "2-d array"),
])
def test_bad_input_names_the_argument(call, message):
    Q, K, V = _inputs(5, 10, 3, 1.0, 3)
    with pytest.raises(InputError, match=message):
        call(Q, K, V)


def test_oversized_rank_is_refused_with_the_memory_it_needs():
    Q, K, V = _inputs(6, 2000, 64, 1.0, 3)
    with pytest.raises(LimitError, match="GiB"):
        fast_softmax_attention(Q * 3, K * 3, V, eps=1e-12)
    assert MAX_FEATURE_BYTES >= 2**30


def test_tensor_reference_fits_n_256():
    Q, K1, K2, V1, V2 = _inputs(7, 256, 4, 0.5, 5)
    out = tensor_attention(Q, K1, K2, V1, V2)
    assert out.shape == (256, 4) and np.all(np.isfinite(out))


@pytest.mark.parametrize("d, g", [(2, 3), (3, 2), (1, 5)])
def test_feature_maps_reproduce_the_polynomial_symbolically(d, g):
    import sympy

    from symrep.attention.algorithms import _weights

    q, k = sympy.symbols(f"q:{d}"), sympy.symbols(f"k:{d}")
    weights = [
        sympy.Integer(c) * sympy.Rational(1, d) ** j / sympy.factorial(j) for _, j, c in monomial_exponents(d, g)]
    features = sum(w * sympy.Mul(*[q[i] ** a[i] * k[i] ** a[i] for i in range(d)])
                   for w, (a, _, _) in zip(weights, monomial_exponents(d, g)))
    inner = sum(q[i] * k[i] for i in range(d)) / d
    assert sympy.expand(features - sum(inner**j / sympy.factorial(j) for j in range(g + 1))) == 0
    numeric = _weights(d, g, 1.0 / d)
    assert np.allclose(numeric, [float(w) for w in weights], rtol=1e-15)
