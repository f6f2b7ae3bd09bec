"""Polynomials in trigonometric and hyperbolic disguise, bounded non-polynomials (periodic, sech, a truncated
power), and ``low-rank`` refuted on an open interval ``(LO, oo)`` where f is analytic but not real on R."""

import json

import pytest

from symrep import certify
from symrep.certificates import CheckError, check
from symrep.certificates.fuel import tank
from symrep.certificates.grammar import read
from symrep.certificates.normal_form import Domain, proved_equal
from symrep.certificates.rules.infinity import bounded_at_infinity

BUDGET = 20


@pytest.mark.parametrize("f, poly", [
    ("cosh(x)^2-sinh(x)^2", ["1"]),
    ("sin(2*x)-2*sin(x)*cos(x)+x", ["0", "1"]),
    ("cos(x)^4-sin(x)^4+2*sin(x)^2", ["1"]),
    ("cos(3*x)-4*cos(x)^3+3*cos(x)+x^2", ["0", "0", "1"]),
    ("cosh(x/2)^2-sinh(x/2)^2", ["1"]),
    ("tanh(x)^2+1/cosh(x)^2", ["1"]),
    ("sin(x+1)-sin(x)*cos(1)-cos(x)*sin(1)", ["0"]),
])
@pytest.mark.parametrize("claim", ["polynomial", "low-rank"])
def test_polynomials_in_trigonometric_disguise_hold(f, poly, claim):
    v = certify(f, claim, budget=BUDGET)
    assert v.status == "holds", v.reason
    assert v.certificate["data"]["coefficients"] == poly


def test_a_tiny_constant_is_kept_exactly():
    v = certify("cos(x)^2+sin(x)^2+10^-40", "polynomial", budget=BUDGET)
    assert v.status == "holds"
    assert v.certificate["data"]["coefficients"] == ["1" + "0" * 39 + "1/1" + "0" * 40]


@pytest.mark.parametrize("a, b, equal", [
    ("cos(x)^2+sin(x)^2+10^-40", "1", False),
    ("sqrt(cos(x)^2)", "cos(x)", False),
    ("sin(asin(x))", "x", False),
    ("cos(x/2)^2", "(1+cos(x))/2", True),
    ("tanh(x)*cosh(x)", "sinh(x)", True),
])
def test_the_normal_form_proves_only_true_identities(a, b, equal):
    with tank():
        assert proved_equal(read(a, "f"), read(b, "f"), Domain()) is equal


@pytest.mark.parametrize("f", ["cos(x)^2", "1/cosh(x)", "exp(-2*sin(x/2)^2)", "Max(0,1-x)^2", "sqrt(cos(x)^2)",
                               "1/(1+sin(x)^2)", "x*sin(x)", "x*cos(x)^2", "cosh(x)-1"])
@pytest.mark.parametrize("claim", ["polynomial", "low-rank"])
def test_bounded_nonconstant_functions_are_no_polynomials(f, claim):
    v = certify(f, claim, budget=BUDGET)
    assert v.status == "fails", v.reason
    assert v.certificate["domain"] == "R"


@pytest.mark.parametrize("text, start, bounded", [
    ("1/cosh(x)", 1, True), ("Max(0, 1 - x)^2", 1, True), ("Min(1, x)", 1, True), ("Abs(sin(x))", 1, True),
    ("cosh(1/x)", 1, True), ("sinh(x)", 1, False), ("Max(0, x)", 1, False), ("Abs(1 - x)", 1, False),
    ("1/Abs(1 - x)", 1, False), ("1/Abs(1 - x)", 4, True), ("1/(1 + sin(x)^2)", 1, True), ("1/(1 + sin(x)^3)", 1, False),
])
def test_bounds_at_infinity_of_the_hyperbolic_and_piecewise_functions(text, start, bounded):
    with tank():
        assert bounded_at_infinity(read(text, "g"), start) is bounded


@pytest.mark.parametrize("f, domain", [("log(2+x)", "(-2, oo)"), ("1/(3+x)", "(-3, oo)"), ("sqrt(1+x)", "(-1, oo)"),
                                       ("sqrt(x)", "(0, oo)")])
def test_low_rank_fails_on_the_interval_where_f_is_analytic(f, domain):
    v = certify(f, "low-rank", budget=BUDGET)
    assert v.status == "fails", v.reason
    cert = v.certificate
    assert cert["domain"] == domain and cert["method"] == "not-polynomial"
    assert domain in v.reason
    if domain.startswith("(0"):
        assert not cert["data"].get("rank_witnesses")
    check(json.loads(json.dumps(dict(cert))))


def _interval_cert(f, domain, proof):
    return {"format": "symrep-certificate", "version": 3, "claim": "low-rank", "domain": domain, "function": f,
            "verdict": "fails", "method": "not-polynomial", "rests_on": "x", "data": {"proof": proof}}


def test_the_kernel_reads_the_interval_and_shifts_the_proof():
    rational = {"kind": "rational", "numerator": ["1"], "denominator": ["0", "1"]}  # 1/x on (0, oo)
    assert check(_interval_cert("1/(3 + x)", "(-3, oo)", rational))[2] == "fails"
    sqrt_ode = {"kind": "ode", "coefficients": [["-1"], ["0", "2"]], "nonzero_at": "1"}  # 2x g' - g = 0
    assert check(_interval_cert("sqrt(x)", "(0, oo)", sqrt_ode))[2] == "fails"
    assert check(_interval_cert("1/(3 + x)", "(-3, 0)", rational))[2] == "fails"  # a bounded interval: 1/x on (0, 3)
    for domain in ("(-3, 1/2) ", "[-3, oo)", "(x, oo)", "(-3/0, oo)", "R ", "(-oo, oo)", "(0, -3)", "(-4, 0)"):
        with pytest.raises(CheckError):
            check(_interval_cert("1/(3 + x)", domain, rational))


def test_tan_stays_undecided():
    assert certify("tan(x)", "low-rank", budget=3).status == "unknown"


def test_an_interval_refutation_renders_with_its_interval():
    from symrep.render.documents import _certificate_context

    cert = certify("log(2+x)", "low-rank", budget=BUDGET).certificate
    context = _certificate_context(json.loads(json.dumps(dict(cert))))
    assert context["data_rows"][0][1].startswith("$(-2, \\infty)$")
    assert "lying in $(-2, \\infty)$" in str(context["statement"])
