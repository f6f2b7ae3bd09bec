"""The zero witness: a completely monotone function with a zero in (0, oo) is identically 0 (Bernstein–Widder),
so compactly supported kernels and sin(x)^2/x^2 are refuted in l2 (and in l1) by two exact points."""

import pytest

from symrep import certify, check
from symrep.analysis.classification import classify
from symrep.certificates.errors import CheckError
from symrep.certificates.kernel import check_kernel

#: the literature catalogue's compactly supported (Wendland) kernels and the Fejér-type kernels
CASES = [("Max(0,1-x)^2", "2"), ("Max(0,1-x)^3*(1+3*x)", "2"), ("Max(0,1-x)^6*(3+18*x+35*x^2)", "2"),
         ("Max(0,1-x)^8*(1+8*x+25*x^2+32*x^3)", "2"), ("Max(0,1-x)^2*(1+x/2)", "2"), ("sin(x)^2/x^2", "pi"),
         ("(1-cos(x))/x^2", "2*pi")]


@pytest.mark.parametrize("f, zero", CASES)
def test_zeros_refute_pd_l2_with_a_certificate_the_kernel_accepts(f, zero):
    result = certify(f, "pd-l2", budget=20)
    assert result.status == "fails"
    cert = result.certificate
    assert cert["method"] == "value-witness" and cert["data"] == {"kind": "zero", "zero": zero, "nonzero": "1/2"}
    assert check_kernel(cert)[2] == "fails"
    assert check(cert)[2] == "fails"


@pytest.mark.parametrize("claim", ["pd-l1", "completely-monotone"])
def test_the_zero_witness_bears_on_the_l1_claims_too(claim):
    cert = {"format": "symrep-certificate", "version": 3, "claim": claim, "domain": "[0, oo)",
            "function": "Max(0, 1 - x)^2", "verdict": "fails", "method": "value-witness", "rests_on": "Bernstein-Widder",
            "data": {"kind": "zero", "zero": "3/2", "nonzero": "1/3"}}
    assert check_kernel(cert) == (claim, "Max(0, 1 - x)^2", "fails")


def _forged(f, zero, nonzero, claim="pd-l2", assume=None):
    cert = {"format": "symrep-certificate", "version": 3, "claim": claim, "domain": "[0, oo)", "function": f,
            "verdict": "fails", "method": "value-witness", "rests_on": "Bernstein-Widder",
            "data": {"kind": "zero", "zero": zero, "nonzero": nonzero}}
    if assume:
        cert["assume"] = assume
    return cert


@pytest.mark.parametrize("f, zero, nonzero, assume, message", [
    ("Max(0, 1 - x)^2 + 10^(-40)", "2", "1/2", None, "not proved exactly 0"),  # tiny, not zero
    ("sin(x)^2/x^2", "355/113", "1", None, "not proved exactly 0"),  # a ball around 0 proves nothing
    ("Max(0, 1 - x)^2", "0", "1/2", None, "the zero point 0 must lie in (0, oo)"),
    ("Max(0, 1 - x)^2", "2", "-1/2", None, "the nonzero point -1/2 must lie in (0, oo)"),
    ("Max(0, 1 - x)*log(x - 1)", "2", "3", None, "nonzero"),  # undefined on (0, 1): f(2) = 0*log(1) but f(3) = 0
    ("Max(0, 1 - x)^2*log(x - 2)", "2", "1/2", None, "not proved defined"),
    ("0*x", "1", "2", None, "could not prove that 0 is not 0"),  # f = 0 is CM
    ("Max(0, 1 - x)^nu", "2", "1/2", "nu >= 0", "not proved defined for every parameter value"),
    ("Max(0, 1 - x)^nu + 10^(-30)", "2", "1/2", "nu > 0", "not proved exactly 0"),
    ("Max(0, 1 - x)^nu*(x - 1)^(-1)", "2", "1", "nu > 0", "not proved defined"),
])
def test_forged_zero_witnesses_are_rejected(f, zero, nonzero, assume, message):
    with pytest.raises(CheckError, match=message.replace("(", r"\(").replace(")", r"\)")):
        check_kernel(_forged(f, zero, nonzero, assume=assume))


def test_a_zero_witness_needs_exactly_its_fields():
    for data in ({"kind": "zero", "zero": "2"}, {"kind": "zero", "zero": "2", "nonzero": "1/2", "point": "1"},
                 {"kind": "zero", "zero": 2, "nonzero": "1/2"}):
        cert = _forged("Max(0, 1 - x)^2", "2", "1/2")
        cert["data"] = data
        with pytest.raises(CheckError):
            check_kernel(cert)


def test_a_tiny_but_nonzero_function_is_not_refuted_by_a_zero():
    result = certify("Max(0,1-x)^2 + 10^(-30)", "pd-l2", budget=10)
    # no value of f is 0; it fails because its derivative is 0 beyond 1 while f is not constant (order >= 1)
    assert result.status == "fails" and result.certificate["method"] == "derivative-witness"
    assert result.certificate["data"]["kind"] == "zero" and result.certificate["data"]["order"] >= 1


@pytest.mark.parametrize("claim", ["pd-l2", "pd-l1"])
def test_the_truncated_power_family_fails_for_every_positive_nu(claim):
    result = classify("Max(0,1-x)^nu", claim, assume="nu > 0", budget=60)
    assert [(r.region, r.verdict) for r in result.regions] == [("(0 < nu)", "fails")]
    cert = result.regions[0].certificate
    assert cert["data"] == {"kind": "zero", "zero": "2", "nonzero": "1/2"} and cert["assume"] == "(0 < nu)"
    assert check_kernel(cert)[2] == "fails"


def test_zero_points_come_from_kinks_and_periods():
    import sympy

    from symrep.analysis.common import X
    from symrep.analysis.witnesses import _zero_points

    points = _zero_points(sympy.Max(0, 10 - X) ** 2 + sympy.sin(3 * X) ** 2)
    assert {sympy.Integer(20), sympy.Integer(11), sympy.pi / 3, 2 * sympy.pi / 3} <= set(points)
    result = certify("Max(0,10-x)^nu", "pd-l2", assume="nu > 0", budget=20)
    assert result.status == "fails" and result.certificate["data"]["zero"] == "20"


@pytest.mark.parametrize("f", ["Max(0,1-x)^2", "Max(0,1-x)^3*(1+3*x)"])
@pytest.mark.parametrize("claim", ["polynomial", "low-rank"])
def test_compact_support_is_no_polynomial(f, claim):
    """0 on [1, oo) (Max and Min bounded at infinity, 0 times a real number is 0) but not constant."""
    result = certify(f, claim, budget=20)
    assert result.status == "fails" and result.certificate["data"]["proof"]["kind"] == "limit"
    assert check_kernel(result.certificate)[2] == "fails"


@pytest.mark.parametrize("f, message", [("Max(1, x)", "not proved bounded"), ("Max(0, 1 - x)*0 + 1", r"g\(a\) - g\(b\)"),
                                        ("Max(0, 1 - x)^(-1)", "not proved bounded")])
def test_a_limit_proof_on_max_needs_a_bound_and_two_values(f, message):
    cert = {"format": "symrep-certificate", "version": 3, "claim": "polynomial", "domain": "R", "function": f,
            "verdict": "fails", "method": "not-polynomial", "rests_on": "a bounded polynomial is constant",
            "data": {"proof": {"kind": "limit", "a": "1/2", "b": "3"}}}
    with pytest.raises(CheckError, match=message):
        check_kernel(cert)
