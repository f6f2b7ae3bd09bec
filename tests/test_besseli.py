"""The modified Bessel function I_nu (issue 24): parser, kernel (enclosure, derivative, domains, the limit at 0),
the atom ``cm-besseli`` (DLMF 10.32.2) and the verdicts it decides, with forged certificates rejected."""

import copy
from fractions import Fraction

import pytest

from symrep.analysis.verdicts import certify
from symrep.certificates import CheckError, check
from symrep.certificates.derivatives import derivative
from symrep.certificates.domains import Span, continuous_on, prove_sign
from symrep.certificates.enclosures import sign_at
from symrep.certificates.grammar import read
from symrep.certificates.normal_form import Domain, proved_equal
from symrep.certificates.rules.derivations import Context, check_node
from symrep.certificates.rules.function import proved_undefined
from symrep.certificates.series import limit_at_0
from symrep.certificates.terms import ZERO


def _f(text):
    return read(text, "f", variables=("x",))


def test_the_grammar_reads_besseli_and_the_balls_enclose_it():
    assert sign_at(read("besseli(0, 1) - 5/4", "c"), "I_0(1) = 1.266 > 5/4") > 0   # DLMF 10.25.2
    assert sign_at(read("besseli(1, -2) + 3/2", "c"), "I_1(-2) = -1.5906 < -3/2") < 0  # odd for an odd order
    with pytest.raises(CheckError):
        sign_at(read("besseli(1/2, -1)", "c"), "not real")
    assert proved_undefined(read("besseli(1/2, -1)", "c")) and not proved_undefined(read("besseli(1, -1)", "c"))


def test_derivative_and_exact_values():
    d = derivative(_f("besseli(0, x)"), "x")  # I_0' = (I_-1 + I_1)/2 = I_1 (DLMF 10.29.1, 10.27.1)
    assert proved_equal(d, _f("besseli(1, x)"), Domain(positive=["x"]))
    assert proved_equal(read("besseli(0, 0) + besseli(3, 0)", "c"), read("1", "c"), Domain())
    assert not proved_equal(_f("besseli(1/2, x)"), _f("besseli(-1/2, x)"), Domain(positive=["x"]))


def test_limits_at_0_and_regularity():
    assert proved_equal(limit_at_0(_f("exp(-x)*besseli(1, x)/x")), read("1/2", "c"), Domain())  # DLMF 10.30.1
    assert proved_equal(limit_at_0(_f("besseli(2, x)/x^2")), read("1/8", "c"), Domain())
    closed = {"x": Span(Fraction(0), None, lo_closed=True)}
    assert continuous_on(_f("exp(-x)*besseli(0, x)"), "x", closed)
    assert not continuous_on(_f("besseli(1/3, x)"), "x", closed)  # a non-integer order: u > 0 only
    assert prove_sign(_f("besseli(-1/2, x)"), {"x": Span(Fraction(0), None, lo_closed=False)}, ">", "DLMF 10.25.2")


def _atom(expr, c, a, nu):
    return {"class": "CM", "expr": expr, "rule": "cm-besseli", "params": {"c": c, "a": a, "nu": nu}}


@pytest.mark.parametrize("expr, c, a, nu", [
    ("exp(-x)*besseli(0, x)", "1", "1", "0"), ("exp(-x)*besseli(1, x)/x", "1", "1", "1"),
    ("exp(-3*x)*besseli(1/2, 2*x)/sqrt(2*x)", "3", "2", "1/2"), ("exp(-x)*besseli(-1/4, x)*x^(1/4)", "1", "1", "-1/4")])
def test_the_kernel_accepts_the_atom(expr, c, a, nu):
    check_node(_atom(expr, c, a, nu), "d", Context({}))


@pytest.mark.parametrize("expr, c, a, nu, message", [
    ("exp(-x)*besseli(0, 2*x)", "1", "2", "0", "c - a"),             # grows like e^x/sqrt(x)
    ("exp(-x)*besseli(-1/2, x)*sqrt(x)", "1", "1", "-1/2", "nu + 1/2"),  # no Poisson integral at -1/2
    ("exp(x)", "-1", "0", "0", "a: could not prove"),
    ("exp(-x)*besseli(0, 2*x)", "1", "1", "0", "not proved equal"),    # the atom for another function
    ("2*exp(-x)*besseli(0, x)", "1", "1", "0", "not proved equal"),    # a constant factor needs scale
])
def test_the_kernel_rejects_a_misused_atom(expr, c, a, nu, message):
    with pytest.raises(CheckError) as error:
        check_node(_atom(expr, c, a, nu), "d", Context({}))
    assert message in str(error.value)


@pytest.mark.parametrize("f, claim, status", [
    ("exp(-x)*besseli(0, x)", "completely-monotone", "holds"),
    ("exp(-x)*besseli(1, x)/x", "pd-l1", "holds"),
    ("exp(-2*x)*besseli(1, 2*x)/x", "pd-l1", "holds"),
    ("1 - exp(-x)*besseli(0, x)", "bernstein", "holds"),
    ("sqrt(1 - exp(-x)*besseli(0, x))", "l2-to-l2", "holds"),
    ("exp(-x)*besseli(0, 2*x)", "pd-l1", "fails"),
    ("besseli(0, x)", "pd-l1", "fails"),
    ("exp(-x)*besseli(0, x)", "bernstein", "fails"),
])
def test_verdicts(f, claim, status):
    v = certify(f, claim, budget=10)
    assert v.status == status
    check(v.certificate)


def test_a_forged_variant_of_a_proof_is_rejected():
    v = certify("exp(-x)*besseli(1, x)/x", "pd-l1", budget=10)
    forged = copy.deepcopy(dict(v.certificate))
    forged["function"] = forged["data"]["derivation"]["expr"] = "exp(-x)*besseli(1, 2*x)/x"
    with pytest.raises(CheckError):
        check(forged)


def test_the_limit_at_0_of_a_non_integer_order():  # DLMF 10.30.1: I_b(z) ~ (z/2)^b/Gamma(b + 1)
    from symrep.certificates.rules.besseli_limit import besseli_limit
    from symrep.certificates.rules.growth import right_limit

    assert proved_equal(right_limit(_f("exp(-x)*besseli(1/2, x)/sqrt(x)")), read("sqrt(2/pi)", "c"), Domain())
    assert proved_equal(right_limit(_f("besseli(-1/2, x)*sqrt(x)")), read("sqrt(2/pi)", "c"), Domain())
    assert proved_equal(right_limit(_f("1 - besseli(1/3, 2*x)*(3*x)^(-1/3)")), read("1 - 3^(-1/3)/gamma(4/3)", "c"), Domain())
    for unpaired in ("besseli(1/2, x)/x", "besseli(-3/2, x)*x^(3/2)", "besseli(1/2, x)*besseli(1/2, x)/x"):
        with pytest.raises(CheckError):
            besseli_limit(_f(unpaired))
    try:  # two infinite limits: the sum's limit is 0, never anything else
        value = right_limit(_f("besseli(1/2, x)/x - 2*besseli(1/2, x)/x + besseli(1/2, x)/x"))
    except CheckError:
        return
    assert proved_equal(value, ZERO, Domain())


def test_a_complement_of_a_non_integer_order():
    v = certify("1 - sqrt(pi/2)*exp(-x)*besseli(1/2, x)/sqrt(x)", "bernstein", budget=10)
    assert v.status == "holds"
    check(v.certificate)
    forged = copy.deepcopy(dict(v.certificate))
    node = forged["data"]["derivation"]
    forged["function"] = node["expr"] = "9/10 - sqrt(pi/2)*exp(-x)*besseli(1/2, x)/sqrt(x)"
    node["params"]["c"] = "9/10"
    with pytest.raises(CheckError):
        check(forged)
