"""Not-polynomial proofs by complete monotonicity (rules/cm_bounded): a CM function is bounded on [1, oo), and a
Bernstein function's derivative is, so neither is a polynomial unless the bounded function is constant."""

import mpmath
import pytest

from symrep.analysis.verdicts import certify
from symrep.certificates import CheckError, check
from symrep.certificates.fuel import tank
from symrep.certificates.grammar import read
from symrep.certificates.rules.cm_bounded import check_cm_bounded


def _kinds(node):
    """Every node kind of a non-polynomial proof tree."""
    yield node["kind"]
    if "of" in node:
        yield from _kinds(node["of"])


CASES = [
    ("exp(x^2)*erfc(x)", "polynomial", "R"),
    ("exp(x^2)*erfc(x)", "low-rank", "R"),
    ("gamma(x+1/2)/gamma(x+1)", "low-rank", "(-1/2, oo)"),
    ("besselk(0, x+1)", "low-rank", "(-1, oo)"),
    ("x*besselk(1, x)", "low-rank", "(0, oo)"),
    ("besselk(0, sqrt(1+x^2))", "polynomial", "R"),
    ("sqrt(x)/tanh(sqrt(x))-1", "low-rank", "(0, oo)"),
]


@pytest.mark.parametrize("f, claim, domain", CASES)
def test_cm_kernels_are_refuted_by_a_completely_monotone_node_the_checker_accepts(f, claim, domain):
    verdict = certify(f, claim, budget=30)
    assert verdict.status == "fails", verdict.reason
    cert = verdict.certificate
    assert cert["domain"] == domain
    assert "completely-monotone" in set(_kinds(cert["data"]["proof"]))
    assert check(cert)[2] == "fails"


REFERENCES = {  # the functions above in mpmath, written out by hand
    "exp(x^2)*erfc(x)": lambda x: mpmath.exp(x ** 2) * mpmath.erfc(x),
    "besselk(0, x+1)": lambda x: mpmath.besselk(0, x + 1),
    "sqrt(x)/tanh(sqrt(x))-1": lambda x: mpmath.sqrt(x) / mpmath.tanh(mpmath.sqrt(x)) - 1,
}


@pytest.mark.parametrize("f", sorted(REFERENCES))
def test_the_refuted_functions_are_numerically_no_polynomial(f):
    """A slow reference, independent of the proof: a high finite difference does not vanish (a polynomial of
    degree < 12 has a zero 12th difference)."""
    g = REFERENCES[f]
    with mpmath.workdps(60):
        h = mpmath.mpf(1) / 4
        diff = sum((-1) ** k * mpmath.binomial(12, k) * g(1 + k * h) for k in range(13))
        assert abs(diff) > mpmath.mpf(10) ** -40


def test_a_polynomial_in_disguise_is_not_refuted():
    """exp(-x)*exp(x)*(x^2 + 1) is a polynomial: low-rank holds with its coefficients, never fails."""
    verdict = certify("exp(-x)*exp(x)*(x^2 + 1)", "low-rank", budget=20)
    assert verdict.status == "holds", verdict.reason


def _node(expr, rule, params, cls="CM"):
    return {"class": cls, "expr": expr, "rule": rule, "params": params}


@pytest.mark.parametrize("g, node", [
    ("exp(-x)", {"derivation": _node("exp(-x)", "cm-exp", {"a": "1"})}),
    ("exp(-x^2)", {"derivation": _node("exp(-x)", "cm-exp", {"a": "1"}), "root": 2}),
    ("-exp(-x)", {"derivation": _node("exp(-x)", "cm-exp", {"a": "1"}), "negated": True}),
    ("sqrt(x)", {"derivation": _node("sqrt(x)", "bf-power", {"s": "1/2"}, "BF")}),
])
def test_the_node_accepts_true_statements(g, node):
    with tank():
        assert check_cm_bounded(read(g, "g"), {"kind": "completely-monotone", "a": "1", "b": "2", **node}, "p", {})


@pytest.mark.parametrize("g, node, reason", [
    ("1", {"derivation": _node("1", "cm-const", {"c": "1"})}, "could not prove"),  # bounded, but constant
    ("x", {"derivation": _node("x", "bf-linear", {"beta": "1"}, "BF")}, "could not prove"),  # h' = 1 constant
    ("x^2", {"derivation": _node("x", "bf-linear", {"beta": "1"}, "BF"), "root": 2}, "root 1"),
    ("exp(-x)", {"derivation": _node("exp(-x)", "cm-exp", {"a": "1"}), "a": "2", "b": "1"}, "0 < a < b"),
    ("exp(-x)", {"derivation": _node("exp(-x)", "cm-exp", {"a": "1"}), "negated": True}, "not proved equal"),
    ("exp(-x)", {"derivation": _node("exp(-x)", "cm-exp", {"a": "1"}), "root": 0}, "'root' is an integer 1..4"),
])
def test_the_node_rejects_false_ones(g, node, reason):
    proof = {"kind": "completely-monotone", "a": "1", "b": "2", **node}
    with tank(), pytest.raises(CheckError, match=reason):
        check_cm_bounded(read(g, "g"), proof, "p", {})


def test_a_family_is_classified_on_the_whole_line_under_low_rank():
    from symrep.analysis.classification import classify

    result = classify("exp(-c*x)", "low-rank", budget=60)
    found = {r.region: r.verdict for r in result.regions}
    assert found == {"(c < 0)": "fails", "(0 <= c) & (c <= 0)": "holds", "(0 < c)": "fails"}, found
    for region in result.regions:
        assert check(region.certificate)[2] == region.verdict


@pytest.mark.parametrize("region", ["b > 0", "-1 < b < 0"])
def test_a_power_family_is_no_polynomial_between_its_polynomial_points(region):
    verdict = certify("(1+x)^(-b)", "polynomial", assume=region, budget=30)
    assert verdict.status == "fails", verdict.reason
    assert check(verdict.certificate)[2] == "fails"


@pytest.mark.parametrize("g, node, ok", [
    ("exp(-x)", {"slope_at": "1"}, True),
    ("exp(-x)", {"slope_at": "0"}, False),                        # the point must lie in (0, oo)
    ("exp(-x)", {"slope_at": "1", "a": "1", "b": "2"}, False),    # one way or the other
    ("exp(-x)", {"a": "1"}, False),
])
def test_the_slope_point_of_the_node(g, node, ok):
    proof = {"kind": "completely-monotone", "derivation": _node("exp(-x)", "cm-exp", {"a": "1"}), **node}
    with tank():
        if ok:
            assert check_cm_bounded(read(g, "g"), proof, "p", {})
        else:
            with pytest.raises(CheckError):
                check_cm_bounded(read(g, "g"), proof, "p", {})


def test_a_constant_has_no_negative_slope():
    proof = {"kind": "completely-monotone", "derivation": _node("1", "cm-const", {"c": "1"}), "slope_at": "1"}
    with tank(), pytest.raises(CheckError, match="could not prove"):
        check_cm_bounded(read("1", "g"), proof, "p", {})


def test_a_point_of_a_family_is_not_read_through_sympys_simplification():
    """At c = 0, c*log(x) is 0*log(x), undefined for x <= 0: no polynomial, though SymPy writes it 0 (found by an
    attack: classify said holds, certifying the text "0")."""
    from symrep.analysis.classification import classify

    result = classify("c*log(x)", "polynomial", budget=60)
    point = [r for r in result.regions if r.region == "(0 <= c) & (c <= 0)"]
    assert point and point[0].verdict != "holds"
    for region in result.regions:
        if region.certificate:
            assert check(region.certificate)[2] == region.verdict
