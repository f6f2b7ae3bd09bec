"""Exact Laplace densities of partial fractions (the kernel's ``cm-power-sum``) and the derivative split of
``l2-to-l2`` (the kernel's ``square-split``), issue 24."""

import copy
from fractions import Fraction as Q

import pytest

from symrep import certify
from symrep.certificates import CheckError, check
from symrep.certificates.rules.densities import density_sign


def _nodes(node):
    yield node
    for kid in node.get("children", []):
        yield from _nodes(kid)


def _rules(cert):
    return {n["rule"] for n in _nodes(cert["data"]["derivation"])}


# --- the kernel's sign proof of the density ------------------------------------------------------------------

def test_density_as_a_polynomial_in_u():
    assert density_sign([(Q(1), Q(1), Q(1)), (Q(-1), Q(2), Q(1)), (Q(1), Q(3), Q(1))], []) == "exponential sum"
    assert density_sign([(Q(1), Q(1), Q(1)), (Q(-2), Q(2), Q(1)), (Q(1), Q(3), Q(1))], []) == "exponential sum"  # u (1-u)^2
    with pytest.raises(CheckError, match="not proved >= 0 for 0 < u < 1"):
        density_sign([(Q(1), Q(1), Q(1)), (Q(-21, 10), Q(2), Q(1)), (Q(1), Q(3), Q(1))], [])


def test_density_of_one_rate_by_sturm():
    assert density_sign([(Q(1), Q(1), Q(2)), (Q(1), Q(1), Q(1))], []) == "one rate"
    with pytest.raises(CheckError, match="D = 1 - 1/10 t"):
        density_sign([(Q(1), Q(1), Q(1)), (Q(-1, 10), Q(1), Q(2))], [])


def test_density_with_powers_and_rates_needs_bounds_and_checks_them():
    terms = [(Q(1), Q(1), Q(2)), (Q(1), Q(1), Q(1)), (Q(-1), Q(2), Q(1))]  # e^(-t) (t + 1 - e^(-t))
    with pytest.raises(CheckError, match="needs bounds"):
        density_sign(terms, [])
    assert density_sign(terms, ["1/2", "4"]) == "bounds"
    for forged in (["0", "4"], ["4", "1"], ["1/2", "1e9"], ["1/2", "4.0"], [0.5, 4]):
        with pytest.raises(CheckError, match="bounds"):
            density_sign(terms, forged)
    # a dip of the density between delta and T: e^(-t) ((t - 1)^2 - 1/10) + e^(-2t)/100
    dip = [(Q(2), Q(1), Q(3)), (Q(-2), Q(1), Q(2)), (Q(9, 10), Q(1), Q(1)), (Q(1, 100), Q(2), Q(1))]
    for bounds in (["1/2", "4"], ["1/8", "64"], ["2", "2"]):
        with pytest.raises(CheckError):
            density_sign(dip, bounds)


def test_density_negative_at_0_is_refused_whatever_the_bounds():
    terms = [(Q(1), Q(1), Q(2)), (Q(-1, 1000), Q(2), Q(1))]  # t e^(-t) - e^(-2t)/1000 < 0 near 0
    with pytest.raises(CheckError, match="Taylor coefficient at 0 is not positive"):
        density_sign(terms, ["1/1000", "8"])


def test_density_of_half_integer_powers():
    # (x + 1)^(-1/2) - (x + 2)^(-1/2)/2: t^(-1/2)/sqrt(pi) (e^(-t) - e^(-2t)/2)
    assert density_sign([(Q(1), Q(1), Q(1, 2)), (Q(-1, 2), Q(2), Q(1, 2))], []) == "exponential sum"
    with pytest.raises(CheckError, match="one fractional part"):
        density_sign([(Q(1), Q(1), Q(1, 2)), (Q(-1, 2), Q(2), Q(1))], [])


# --- verdicts ------------------------------------------------------------------------------------------------

@pytest.mark.parametrize("f, claim", [
    ("1/(x+1)-1/(x+2)+1/(x+3)", "pd-l1"),
    ("1/(1+x)^2+1/(1+x)-1/(2+x)", "pd-l1"),
    ("1/sqrt(x+1)-1/sqrt(x+3)+(x+1)^(-3/2)", "pd-l1"),
    ("1/(x+1)-1/(x+2)+1/(x+3)", "pd-l2"),
])
def test_partial_fractions_of_mixed_signs_hold_through_the_density(f, claim):
    v = certify(f, claim, budget=10)
    assert v.status == "holds", v.reason
    assert "cm-power-sum" in _rules(v.certificate)
    assert check(v.certificate)[2] == "holds"
    forged = copy.deepcopy(v.certificate)
    node = next(n for n in _nodes(forged["data"]["derivation"]) if n["rule"] == "cm-power-sum")
    node["params"]["terms"][0][0] = "-1"  # the first coefficient's sign flipped
    with pytest.raises(CheckError):
        check(forged)


def test_a_density_negative_for_large_t_is_never_read_as_holds():
    for claim in ("pd-l1", "completely-monotone"):
        assert certify("1/(1+x)-1/(10*(1+x)^2)", claim, budget=10).status != "holds"


@pytest.mark.parametrize("f, claim, rule", [
    ("(1-exp(-x))^2/x^2", "pd-l1", "bf-over-x"),  # ((1 - e^(-x))/x)^2, SymPy splits the square
    ("sqrt((2+x)/(1+x))", "completely-monotone", "geometric-mean"),  # (1 + 1/(1+x))^(1/2) 1^(1/2), Stieltjes
])
def test_products_and_roots_of_stieltjes_functions(f, claim, rule):
    v = certify(f, claim, budget=10)
    assert v.status == "holds", v.reason
    assert rule in _rules(v.certificate)
    assert check(v.certificate)[2] == "holds"


# --- l2-to-l2 by the derivative split ------------------------------------------------------------------------

@pytest.mark.parametrize("f", ["log(1+x)", "atan(x)", "1-exp(-x)"])
def test_bernstein_functions_are_l2_to_l2_by_the_split(f):
    v = certify(f, "l2-to-l2", budget=10)
    assert v.status == "holds", v.reason
    root = v.certificate["data"]["derivation"]
    assert root["rule"] == "square-split"
    assert check(v.certificate)[2] == "holds"
    forged = copy.deepcopy(v.certificate)
    forged["function"] = f"-({f})"  # f(sqrt t)^2 is the same, but a negative f is no distance
    forged["data"]["transformed"] = v.certificate["data"]["transformed"]
    with pytest.raises(CheckError, match="so f >= 0"):
        check(forged)


@pytest.mark.parametrize("f", ["x^2", "exp(x)-1", "x^(3/2)", "1+x"])
def test_false_neighbours_stay_false(f):
    v = certify(f, "l2-to-l2", budget=10)
    assert v.status == "fails", v.reason
    assert check(v.certificate)[2] == "fails"


def test_exponential_sums_of_high_degree_are_refused_or_fast():
    """The polynomial in u = e^(-t/q) has degree at most 48 (a Sturm chain of a sparse polynomial of degree 100 in
    Python fractions took minutes: a certificate must not stall the kernel)."""
    import random
    import time

    with pytest.raises(CheckError, match="degree 100 > 48"):
        density_sign([(Q(1), Q(1), Q(1)), (Q(-1), Q(2), Q(1)), (Q(1), Q(100), Q(1))], [])
    random.seed(5)
    big = 10**12
    terms = [(Q(random.randint(-big, big), random.randint(1, big)), Q(random.randint(0, 48), 97), Q(1)) for _ in range(15)]
    terms.append((Q(10**15), Q(0), Q(1)))
    start = time.monotonic()
    assert density_sign(terms + [(Q(1), Q(48, 97), Q(1))], []) == "exponential sum"
    assert time.monotonic() - start < 5
