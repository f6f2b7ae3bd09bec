"""low-rank decided on a bounded interval (LO, HI) where f alone is real (``sqrt(1 - x^2)``), and the ``square``
node of a non-polynomial proof: ``g^2`` a polynomial with a factor of odd multiplicity (rules/square_node)."""

import re

import mpmath
import pytest
import sympy

from symrep.analysis.verdicts import certify
from symrep.certificates import CheckError, check
from symrep.certificates.fuel import tank
from symrep.certificates.rules.function import Function
from symrep.certificates.rules.interval import check_on_interval, read_interval

x = sympy.Symbol("x")


def _coefficients(expr):
    return [str(c) for c in reversed(sympy.Poly(sympy.expand(expr), x).all_coeffs())]


@pytest.mark.parametrize("f, domain", [("sqrt(1-x^2)", "(-1, 1)"), ("log(1-x^2)", "(-1, 1)"),
                                       ("1/sqrt(1-x^2)", "(-1, 1)"), ("sqrt(x*(2-x))", "(0, 2)"),
                                       ("atanh(x)", "(-1, 1)"), ("asin(x)", "(-1, 1)"), ("acos(x)", "(-1, 1)"),
                                       ("acosh(1+x)", "(0, oo)")])
def test_low_rank_of_f_real_on_a_bounded_interval_fails_there(f, domain):
    verdict = certify(f, "low-rank", budget=30)
    assert verdict.status == "fails", verdict.reason
    assert verdict.certificate["domain"] == domain
    assert check(verdict.certificate)[2] == "fails"
    assert "rank_witnesses" not in verdict.certificate["data"]  # box distances leave a bounded interval


def test_a_square_root_of_a_non_square_is_no_polynomial_on_the_line():
    verdict = certify("cosh(3*asinh(x))", "polynomial", budget=30)
    assert verdict.status == "fails" and verdict.certificate["data"]["proof"]["kind"] == "square"
    assert check(verdict.certificate)[2] == "fails"
    # cosh(3 asinh x) = sqrt(1 + x^2) (4 x^2 + 1), a slow reference at three points
    for x0 in (-2, 0.5, 3):
        assert abs(mpmath.cosh(3 * mpmath.asinh(x0)) - mpmath.sqrt(1 + x0**2) * (4 * x0**2 + 1)) < 1e-9


@pytest.mark.parametrize("f, domain, proof, reason", [
    ("1 - x^2", "(-1, 1)", {"kind": "square", "polynomial": _coefficients((2 * x - x**2) ** 2)}, "a square"),
    ("sqrt(1 - x^2)", "(-1, 1)", {"kind": "limit", "a": "1/2", "b": "1"}, "speaks of a half-line"),
    ("exp(x) + sqrt(1 - x^2) - sqrt(1 - x^2)", "(-1, 1)",
     {"kind": "ode", "coefficients": [["-1"], ["1"]], "nonzero_at": "3"}, "must lie in (0, 2)"),
    ("sqrt(1 - x^2)", "(-1, 2)", {"kind": "square", "polynomial": ["0", "2", "-1"]}, "not proved real analytic"),
    ("sqrt(1 - x^2)", "(-1, 1)", {"kind": "square", "polynomial": ["1", "0", "-1"]}, "g^2 = P is not proved"),
])
def test_the_kernel_rejects_false_interval_proofs(f, domain, proof, reason):
    with tank(), pytest.raises(CheckError, match=re.escape(reason)):
        check_on_interval("low-rank", Function(f, "R"), {"proof": proof}, domain)


@pytest.mark.parametrize("text", ["(1, 1)", "(2, 1)", "(0, pi)", "(-1, 1, 2)", "[0, 1)", "(0,)"])
def test_malformed_intervals_are_refused(text):
    with pytest.raises(CheckError):
        read_interval(text)


def test_rank_witnesses_are_refused_on_a_bounded_interval():
    proof = {"kind": "square", "polynomial": ["0", "2", "-1"]}
    with tank(), pytest.raises(CheckError, match=r"must be \(LO, oo\) with LO < 0"):
        check_on_interval("low-rank", Function("sqrt(1 - x^2)", "R"),
                          {"proof": proof, "rank_witnesses": [{"sides": ["1/2"], "rank": 2}]}, "(-1, 1)")


@pytest.mark.parametrize("f, point", [("sqrt(1-x^2)", "-7/2"), ("acos(x)", "-7/2"), ("atanh(x)", "-1"), ("acosh(x)", "-1/3")])
def test_polynomial_fails_where_f_is_undefined_at_a_real_point(f, point):
    verdict = certify(f, "polynomial", budget=30)
    assert verdict.status == "fails" and verdict.certificate["data"]["proof"] == {"kind": "undefined-at", "point": point}
    assert check(verdict.certificate)[2] == "fails"


def test_heaviside_pieces_of_one_polynomial_are_that_polynomial():
    """H(x) x^2 + H(-x) x^2 is x^2 at every real x (H(-u) = 1 - H(u), also at 0 where H is 1/2): defined on R, it
    is the polynomial, though not proved continuous by its structure."""
    for claim in ("polynomial", "low-rank"):
        verdict = certify("Heaviside(x)*x^2 + Heaviside(-x)*x^2", claim, budget=30)
        assert verdict.status == "holds" and verdict.certificate["data"]["coefficients"] == ["0", "0", "1"]
        assert check(verdict.certificate)[2] == "holds"
