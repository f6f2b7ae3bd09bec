"""The complement rule, and power series with nonnegative coefficients of CM functions. The complement rule: ``c - g`` is Bernstein for a CM ``g`` with ``g(0+) <= c`` (SSV Def. 1.3 and 3.1), so
``1 - g`` is an l1 -> l1 transform for every CM ``g`` with ``g(0) = 1``; the kernel proves ``c >= g(0+)``."""

import copy

import pytest

from symrep import certify
from symrep.certificates import CheckError, check


@pytest.mark.parametrize("f", ["1 - (1 - exp(-x))/x", "1 - log(1 + x)/x", "1 - 1/(1 + x)^2",
                               "3 - 3*atan(sqrt(x))/sqrt(x)"])
@pytest.mark.parametrize("claim", ["bernstein", "l1-to-l1"])
def test_one_minus_a_cm_function_with_value_one_at_0_is_bernstein(f, claim):
    verdict = certify(f, claim, budget=30)
    assert verdict.status == "holds", verdict.reason
    assert check(verdict.certificate)[2] == "holds"


@pytest.mark.parametrize("f", ["2 - log(1 + x)/x", "1/2 - log(1 + x)/x", "1 - 2*log(1 + x)/x"])
def test_a_complement_that_is_not_bernstein_is_refuted(f):
    verdict = certify(f, "l1-to-l1", budget=30)
    assert verdict.status == "fails", verdict.reason


def test_the_constant_must_reach_the_start():
    verdict = certify("1 - 1/(1 + x)^2", "bernstein")
    cert = copy.deepcopy(dict(verdict.certificate))
    node = cert["data"]["derivation"]
    while node["rule"] != "bf-complement":
        node = node["children"][0]
    node["params"]["c"] = "1/2"  # 1/2 - g is -1/2 at 0: the step must fail on its constant
    with pytest.raises(CheckError, match=r"c - g\(0\+\): could not prove"):
        check(cert)


@pytest.mark.parametrize("f, claim, status", [
    ("cosh(exp(-x))", "completely-monotone", "holds"),   # cosh y = sum y^(2n)/(2n)!, nonnegative coefficients
    ("sinh(1/(1 + x))", "pd-l1", "holds"),
    ("exp(1/(1 + x)) - 1", "pd-l1", "holds"),            # sum_(n >= 1) g^n/n!, and exp(0/(1 + x)) = 1
    ("sinh(x)", "completely-monotone", "fails"),
    ("cosh(1 - exp(-x))", "pd-l1", "fails"),             # of a Bernstein function: increasing
])
def test_power_series_with_nonnegative_coefficients_of_cm_functions(f, claim, status):
    verdict = certify(f, claim, budget=30)
    assert verdict.status == status, verdict.reason
    assert check(verdict.certificate)[2] == status
