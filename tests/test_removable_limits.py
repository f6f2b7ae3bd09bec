"""Removable singularities at 0 and the polygamma functions (issue 24): limits at ``0+`` proved by the kernel
(Taylor models with rational coefficients, orders of growth through nested powers, DLMF 10.30.2 for
``K_b(c x^q)``), and the closure rules of ``rules/closure`` (SSV Thm 3.2, Thm 6.2, Def 2.1; DLMF 5.9.16, 5.15.1)."""

import pytest

from symrep.analysis.verdicts import certify
from symrep.certificates import CheckError, check
from symrep.certificates.fuel import tank
from symrep.certificates.grammar import read
from symrep.certificates.normal_form import Domain, proved_equal
from symrep.certificates.rules.growth import right_limit
from symrep.geometry.expressions import ParseError, parse_expression

CASES = [
    # the cases
    ("x^(1/2)*besselk(1,x^(1/2))", "pd-l1", "holds"),
    ("sqrt(x)*atan(1/sqrt(x))", "bernstein", "holds"),
    ("x*log(1+1/x)", "bernstein", "holds"),
    ("x/log(1+x)-1", "bernstein", "holds"),
    ("log(1+x)/(1+log(1+x))", "l1-to-l1", "holds"),
    ("polygamma(1,x+1)", "pd-l1", "holds"),
    ("polygamma(0,x+1)+EulerGamma", "bernstein", "holds"),
    ("polygamma(0,x+1)", "bernstein", "fails"),
    ("sqrt(x/tanh(x)-1)", "l2-to-l2", "holds"),
    # neighbours, true and false
    ("sqrt(x)*besselk(1,2*sqrt(x))", "pd-l1", "holds"),
    ("x*besselk(2,sqrt(x))", "pd-l1", "holds"),
    ("x*log(1+2/x)", "l1-to-l1", "holds"),
    ("x^(1/3)*atan(1/x^(1/3))", "bernstein", "holds"),
    ("x/log(1+2*x)-1/2", "bernstein", "holds"),
    ("x/log(1+x)", "bernstein", "fails"),
    ("x/log(1+x)-2", "bernstein", "fails"),
    ("log(1+x)/(2+log(1+x))", "bernstein", "holds"),
    ("x*log(1+1/x)", "pd-l1", "fails"),
    ("1+x*log(1+1/x)", "bernstein", "fails"),
    ("-polygamma(2,x+2)", "pd-l1", "holds"),
    ("polygamma(2,x+2)", "pd-l1", "fails"),
    ("digamma(x+1)+EulerGamma", "l1-to-l1", "holds"),
    ("polygamma(0,x+1)+EulerGamma", "pd-l1", "fails"),
    ("polygamma(1,x+1)", "bernstein", "fails"),
    ("polygamma(0,x+1/2)-polygamma(0,1/2)", "bernstein", "holds"),
    ("polygamma(0,2*x+1)+EulerGamma", "bernstein", "holds"),
    ("3*polygamma(0,x+2)+3*EulerGamma-3", "bernstein", "holds"),
    ("polygamma(0,x+1)+1", "bernstein", "fails"),
    ("x^(1/2)*besselk(0,x^(1/2))", "pd-l1", "fails"),
]


@pytest.mark.parametrize("f, claim, status", CASES, ids=[f"{c}:{f}" for f, c, _ in CASES])
def test_verdict_and_its_certificate(f, claim, status):
    verdict = certify(f, claim, budget=10)
    assert verdict.status == status, verdict.reason
    assert check(verdict.certificate)[2] == status


def test_the_parser_reads_polygamma_digamma_and_eulergamma_and_refuses_other_orders():
    assert str(parse_expression("digamma(x+1) + EulerGamma", ("x",))) == "polygamma(0, x + 1) + EulerGamma"
    for text in ("polygamma(x, x)", "polygamma(-1, x)", "polygamma(1/2, x)", "polygamma(51, x)"):
        with pytest.raises(ParseError, match="order n of polygamma"):
            parse_expression(text, ("x",))


@pytest.mark.parametrize("term, value", [
    ("(x/tanh(x) - 1)^(1/2)", "0"), ("(x/tanh(x) - 1)/x^2", "1/3"), ("(x/sinh(x) - 1)/x^2", "-1/6"),
    ("x^(1/2)*atan(1/x^(1/2))", "0"), ("x^(1/3)*atan(2/x^(1/3))", "0"), ("atan(1/x^(1/3))", "pi/2"),
    ("x^(1/2)*besselk(1, x^(1/2))", "1"), ("x^(1/2)*besselk(1, 2*x^(1/2))", "1/2"), ("x*besselk(2, x^(1/2))", "2"),
    ("x*log(1 + 1/x)", "0"), ("x^(1/2)*besselk(0, x^(1/2))", "0"), ("x*besselk(1, x^(1/2))", "0"),
])
def test_kernel_limits_at_0_within_the_default_fuel(term, value):
    with tank():
        assert proved_equal(right_limit(read(term, "f")), read(value, "c"), Domain())


@pytest.mark.parametrize("term", ["x^(1/4)*besselk(1, x^(1/2))", "x^(1/2)*besselk(1, x)", "atan(-1/x^(1/3))*x^(-1/3)", "x^(-1/3)*atan(1/x^(1/3))"])
def test_kernel_reads_no_limit_where_there_is_none(term):
    with pytest.raises(CheckError):
        right_limit(read(term, "f"))


def test_digamma_values_in_the_normal_form():
    assert proved_equal(read("polygamma(0, 1) + EulerGamma", "c"), read("0", "c"), Domain())
    assert proved_equal(read("polygamma(0, 4)", "c"), read("11/6 - EulerGamma", "c"), Domain())
    assert not proved_equal(read("polygamma(0, 2) + EulerGamma", "c"), read("0", "c"), Domain())
    assert proved_equal(read("polygamma(0, 1/2)", "c"), read("-EulerGamma - 2*log(2)", "c"), Domain())
    assert not proved_equal(read("polygamma(0, 1/3)", "c"), read("-EulerGamma - 2*log(2)", "c"), Domain())
    assert not proved_equal(read("polygamma(1, 1)", "c"), read("0", "c"), Domain())


def _cert(f, claim, root, **extra):
    return {"format": "symrep-certificate", "version": 3, "claim": claim, "domain": "[0, oo)", "function": f,
            "verdict": "holds", "method": "derivation", "rests_on": "issue 24", "data": {"derivation": root}, **extra}


def _n(cls, expr, rule, params=None, children=None):
    node = {"class": cls, "expr": expr, "rule": rule, "params": params or {}}
    if children:
        node["children"] = children
    return node


def _shifted(c):
    recip = _n("ST", "1/log(1 + x)", "reciprocal", {}, [_n("CBF", "log(1 + x)", "bf-log1p")])
    g = _n("CBF", "x/log(1 + x)", "x-times-st", {}, [recip])
    return _n("BF", f"x/log(1 + x) - {c}", "cbf-is-bf", {}, [_n("CBF", f"x/log(1 + x) - {c}", "minus-start", {"c": c}, [g])])


def test_minus_start_takes_at_most_the_start():
    ok = _cert("x/log(1 + x) - 1", "bernstein", _shifted("1"), extension={"point": "0", "value": "0"})
    assert check(ok)[2] == "holds"
    # c below g(0+) = 1 keeps a Bernstein function on (0, oo); f(0) = 1/2 != 0 then refutes the paper's sense
    low = _cert("x/log(1 + x) - 1/2", "bernstein", _shifted("1/2"), extension={"point": "0", "value": "1/2"})
    with pytest.raises(CheckError, match="needs f\\(0\\) = 0"):
        check(low)
    high = _cert("x/log(1 + x) - 3/2", "bernstein", _shifted("3/2"), extension={"point": "0", "value": "-1/2"})
    with pytest.raises(CheckError, match="g\\(0\\+\\) - c: could not prove"):
        check(high)


def test_polygamma_atoms_check_their_orders_and_shifts():
    inner = _n("BF", "x + 1", "sum", {}, [_n("BF", "x", "bf-linear", {"beta": "1"}), _n("BF", "1", "bf-const", {"c": "1"})])
    for n, sign, ok in (("1", "", True), ("2", "-", True), ("2", "", False), ("0", "-", False), ("x", "", False)):
        atom = _n("CM", f"{sign}polygamma({n}, x)", "cm-polygamma", {"n": n})
        root = _n("CM", f"{sign}polygamma({n}, x + 1)", "compose", {}, [atom, inner])
        cert = _cert(f"{sign}polygamma({n}, x + 1)", "pd-l1", root)
        if ok:
            assert check(cert)[2] == "holds"
        else:
            with pytest.raises(CheckError):
                check(cert)
    digamma = _n("BF", "polygamma(0, x + 3) - polygamma(0, 3)", "bf-digamma", {"a": "3"})
    assert check(_cert("polygamma(0, x + 3) - 3/2 + EulerGamma", "bernstein", digamma))[2] == "holds"
    with pytest.raises(CheckError, match="not proved equal"):  # the atom is psi(x + a) - psi(a), nothing else
        check(_cert("polygamma(0, x + 3)", "bernstein", _n("BF", "polygamma(0, x + 3)", "bf-digamma", {"a": "3"})))


@pytest.mark.parametrize("f, claim", [("x*log(1+1/x)", "bernstein"), ("polygamma(0,x+1)+EulerGamma", "bernstein"),
                                      ("x/log(1+x)-1", "bernstein"), ("sqrt(x)*atan(1/sqrt(x))", "bernstein")])
def test_the_certificate_page_renders_the_new_rules_and_extensions(f, claim):
    from symrep.render.documents import certificate_document

    assert len(str(certificate_document(certify(f, claim, budget=10).certificate))) > 1000
