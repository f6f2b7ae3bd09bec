"""The standard one-parameter families of issue 24, decided on the whole parameter range, and the kernel
rules they need: witness points that depend on the parameters, the log-convexity witness, a family's limit
``N(x)/x^m`` at 0, signs of rational functions of a parameter and of ``P + N`` through logarithms.

The expected verdicts come from the theory (docs/theory.md, "Families decided on their whole range"), not
from symrep's output.
"""

import random
from fractions import Fraction

import pytest
import sympy

from symrep.certificates.domains import Span, prove_sign, univariate_quotient
from symrep.certificates.errors import CheckError
from symrep.certificates.fuel import tank
from symrep.certificates.grammar import read
from symrep.certificates.kernel import check_kernel
from symrep.certificates.normal_form import Domain, proved_equal
from symrep.certificates.rules.quotient_limit import quotient_limit
from symrep.certificates.rules.regions import read_region

#: (f, claim, assumptions, truth(parameter value) -> holds?)
FAMILIES = [
    ("(1+c*x)*exp(-x)", "pd-l1", [], lambda c: c == 0),                 # log-concave unless c = 0
    ("exp(-c*x)*cosh(x)", "pd-l1", [], lambda c: c >= 1),               # (e^(-(c-1)x) + e^(-(c+1)x))/2
    ("1-(x/(1+x))^s", "pd-l1", ["s > 0"], lambda s: s <= 1),             # f'' < 0 near 0 for s > 1
    ("(1-exp(-c*x))/x", "pd-l1", [], lambda c: c >= 0),                 # int_0^c e^(-xt) dt; negative for c < 0
    ("Max(0,1-x)^nu", "pd-l2", [], lambda nu: nu == 0),                 # a zero at 1 (nu > 0), increasing (nu < 0)
]


def _points(box):
    """The parameter values a region's verdict is compared with the truth at: closed finite ends and an inner
    point."""
    (interval,) = box.values()
    out = [v for v, closed in ((interval.lo, interval.lo_closed), (interval.hi, interval.hi_closed))
           if closed and v.is_finite]
    if interval.lo != interval.hi:
        lo, hi = interval.lo, interval.hi
        out.append((lo + hi) / 2 if lo.is_finite and hi.is_finite else lo + 1 if lo.is_finite
                   else hi - 1 if hi.is_finite else sympy.Integer(0))
    return out


@pytest.mark.slow
@pytest.mark.parametrize("f, claim, assume, truth", FAMILIES, ids=[f for f, *_ in FAMILIES])
def test_standard_family_is_fully_decided_with_the_right_verdicts(f, claim, assume, truth):
    from symrep.analysis.classification import classify

    result = classify(f, claim, assume=assume, budget=240)
    assert all(r.verdict in ("holds", "fails") for r in result.regions), str(result)
    assert result.decided_share() == 1.0
    for region in result.regions:
        for value in _points(region.box):
            assert (region.verdict == "holds") == truth(value), (region.region, value, str(result))
        if "assume" in region.certificate:  # a fixed value is substituted (no assumption left)
            assert region.certificate["assume"] == region.region


@pytest.mark.slow
def test_shifted_power_l1_to_l1_is_fully_decided():
    """``(x + c)^s - c^s``, ``c > 0``: Bernstein iff ``0 <= s <= 1`` (``s = 0`` is the zero function, decided by
    substitution, with ``c`` dropped from the assumption)."""
    from symrep.analysis.classification import classify

    result = classify("(x+c)^s - c^s", "l1-to-l1", assume=["c > 0"], budget=300)
    assert all(r.verdict in ("holds", "fails") for r in result.regions), str(result)
    for region in result.regions:
        s = next(i for sym, i in region.box.items() if sym.name == "s")
        for value in _points({"s": s}):
            assert (region.verdict == "holds") == (0 <= value <= 1), (region.region, value, str(result))


@pytest.mark.slow
def test_cli_classify_removable_singularity_family_never_tracebacks(capsys):
    from symrep.cli.app import main

    assert main(["classify", "(1-exp(-c*x))/x", "--claim", "pd-l1"]) == 0
    out = capsys.readouterr().out
    assert "Traceback" not in out and "unknown" not in out
    assert "(0 <= c)" in out and "holds" in out and "(c < 0)" in out


def test_fixed_parameter_that_eliminates_another_is_substituted():
    from symrep.analysis.classification import classify

    result = classify("(x+c)^s - c^s", "l1-to-l1", assume=["c > 0", "s = 0"], budget=60)
    assert [r.verdict for r in result.regions] == ["holds"]
    with pytest.raises(Exception, match="not a parameter"):
        classify("(x+c)^s - c^s", "l1-to-l1", assume=["d > 0"], budget=10)


# --- the kernel's rules -----------------------------------------------------------------------------

def _cert(f, method, data, assume, claim="pd-l1", extension=None):
    cert = {"format": "symrep-certificate", "version": 3, "claim": claim, "domain": "[0, oo)", "function": f,
            "verdict": "fails", "method": method, "rests_on": "x", "data": data, "assume": assume}
    if extension:
        cert["extension"] = extension
    return cert


@pytest.mark.parametrize("assume", ["(0 < c)", "(c < 0)", "(1 < c) & (c < 2)"])
def test_log_convexity_witness_refutes_one_plus_cx_times_exp(assume):
    data = {"point": "1", "of": "f", "simplified": "-c^2*exp(-2)"}
    assert check_kernel(_cert("(1+c*x)*exp(-x)", "log-convexity-witness", data, assume))[2] == "fails"
    del data["simplified"]  # directly: balls on a bounded box
    if "2" in assume:
        assert check_kernel(_cert("(1+c*x)*exp(-x)", "log-convexity-witness", data, assume))[2] == "fails"


def test_parametric_point_running_to_infinity_at_the_boundary():
    data = {"order": 1, "point": "log(1 + 2/(1 - c))", "of": "f",
            "simplified": "-exp(-c*log(1 + 2/(1 - c)))*(c^2 - 3*c + 4)/(3 - c)"}
    assert check_kernel(_cert("exp(-c*x)*cosh(x)", "derivative-witness", data, "(c < 1)"))[2] == "fails"
    with pytest.raises(CheckError, match="must lie in the domain"):  # c = 1 is in the box: no point there
        check_kernel(_cert("exp(-c*x)*cosh(x)", "derivative-witness", data, "(c <= 1)"))
    wrong = {**data, "simplified": "-exp(-c*log(1 + 2/(1 - c)))*(c^2 - 3*c + 5)/(3 - c)"}
    with pytest.raises(CheckError, match="not proved equal"):
        check_kernel(_cert("exp(-c*x)*cosh(x)", "derivative-witness", wrong, "(c < 1)"))


def test_value_witness_at_a_parametric_point():
    data = {"kind": "negative", "point": "-2/c"}
    assert check_kernel(_cert("(1+c*x)*exp(-x)", "value-witness", data, "(c < 0)"))[2] == "fails"


def test_family_removable_singularity_limit_and_value_witness():
    ext = {"point": "0", "value": "c"}
    data = {"kind": "negative", "point": "1/2"}
    assert check_kernel(_cert("(1-exp(-c*x))/x", "value-witness", data, "(c < 0)", extension=ext))[2] == "fails"
    with tank():
        f = read("(1 - exp(-c*x))^2/x^2", "f", parameters=("c",))
        limit = quotient_limit(f, {"x": Span(Fraction(0), None), "c": Span(None, None)})
        assert proved_equal(limit, read("c^2", "c", variables=(), parameters=("c",)), Domain())
        with pytest.raises(CheckError, match="not proved 0"):
            quotient_limit(read("(2 - exp(-c*x))/x", "f", parameters=("c",)),
                           {"x": Span(Fraction(0), None), "c": Span(None, None)})


def _region(text, names=("c",)):
    return read_region(text, names)


def test_signs_of_rational_functions_and_by_logarithms():
    r = lambda t: read(t, "t", variables=(), parameters=("c",))  # noqa: E731
    with tank():
        assert prove_sign(r("log(1 - 1/c)"), _region("(c < 0)"), ">", "w")
        assert prove_sign(r("1 - exp(-c)"), _region("(c < 0)"), "<", "w")
        assert prove_sign(r("exp(c) - 1 - 0"), _region("(0 < c)"), ">", "w")
        with pytest.raises(CheckError):
            prove_sign(r("1 - exp(-c)"), _region("(c <= 0)"), "<", "w")  # 0 at c = 0: strict fails
        assert prove_sign(read("-s", "t", variables=(), parameters=("s",)), read_region("(s = 0)", ("s",)), ">=", "w")


def test_univariate_quotient_has_the_sign_of_the_function():
    rng = random.Random(24)
    c = sympy.Symbol("c")
    for _ in range(40):
        num = sum(rng.randint(-3, 3) * c ** k for k in range(rng.randint(1, 4)))
        den = sum(rng.randint(-3, 3) * c ** k for k in range(rng.randint(1, 3))) + c ** 3 + 5
        extra = rng.randint(-2, 2)
        expr = num / den * c ** extra
        if expr == 0:
            continue
        text = str(expr).replace("**", "^")
        with tank():
            product = univariate_quotient(read(text, "t", variables=(), parameters=("c",)), "c")
        assert product is not None
        for k in range(-20, 21):
            point = Fraction(k, 7)
            value = expr.subs(c, sympy.Rational(point.numerator, point.denominator))
            if point == 0 or not value.is_finite:
                continue
            p = sum(a * point ** i for i, a in enumerate(product))
            assert (value > 0) == (p > 0) and (value < 0) == (p < 0), (text, point)


def test_normal_form_splits_an_integer_off_a_symbolic_exponent():
    r = lambda t: read(t, "t", variables=(), parameters=("s",))  # noqa: E731
    with tank():
        assert proved_equal(r("((s-1)/(s+3))^(s-2)"), r("((s-1)/(s+3))^s*((s-1)/(s+3))^(-2)"), Domain())
        assert not proved_equal(r("((s-1)/(s+3))^(s-2)"), r("((s-1)/(s+3))^s"), Domain())
