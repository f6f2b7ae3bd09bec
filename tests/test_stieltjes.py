"""Stieltjes (ST) and complete Bernstein (CBF) functions: the kernel's rules and the prover's route (theory
section 4; Schilling-Song-Vondracek, *Bernstein Functions*, Def 2.1, Def 6.1, Thm 6.2, Ch. 7)."""

import pytest

from symrep.analysis.verdicts import certify
from symrep.certificates import CheckError, check
from symrep.certificates.domains import sign_class
from symrep.certificates.normal_form import proved_equal
from symrep.certificates.rules.derivations import Context


def _cert(f, claim, root, **extra):
    return {"format": "symrep-certificate", "version": 3, "claim": claim, "domain": "[0, oo)", "function": f,
            "verdict": "holds", "method": "derivation", "rests_on": "theory section 4", "data": {"derivation": root},
            **extra}


def _n(cls, expr, rule, params=None, children=None):
    node = {"class": cls, "expr": expr, "rule": rule, "params": params or {}}
    if children:
        node["children"] = children
    return node


def _x_times(f, st):
    return _n("BF", f, "cbf-is-bf", {}, [_n("CBF", f, "x-times-st", {}, [st])])


def test_kernel_accepts_the_stieltjes_atoms_and_rules():
    tanh = _n("ST", "tanh(sqrt(x))/(2*sqrt(x))", "scale", {"c": "1/2"},
              [_n("ST", "tanh(sqrt(x))/sqrt(x)", "st-tanh-root", {"c": "1"})])
    root = _n("BF", "log(cosh(sqrt(x)))", "derivative", {}, [_n("CM", "tanh(sqrt(x))/(2*sqrt(x))", "st-is-cm", {}, [tanh])])
    assert check(_cert("log(cosh(sqrt(x)))", "l1-to-l1", root))[2] == "holds"
    root = _x_times("x/sqrt(1+x)", _n("ST", "(1+x)^(-1/2)", "st-power", {"s": "1/2", "b": "1"}))
    assert check(_cert("x/sqrt(1+x)", "bernstein", root))[2] == "holds"
    mean = _n("ST", "x^(-1/2)*(1+x)^(-1/2)", "geometric-mean", {"a": "1/2"},
              [_n("ST", "1/x", "st-power", {"s": "1", "b": "0"}), _n("ST", "1/(1+x)", "st-power", {"s": "1", "b": "1"})])
    assert check(_cert("sqrt(x/(1+x))", "l1-to-l1", _x_times("sqrt(x/(1+x))", mean)))[2] == "holds"
    coth = _n("ST", "1/(sqrt(x)*tanh(2*sqrt(x))) - 1/(2*x)", "st-coth-root", {"c": "2"})
    cert = _cert("sqrt(x)/tanh(2*sqrt(x)) - 1/2", "bernstein", _x_times("sqrt(x)/tanh(2*sqrt(x)) - 1/2", coth),
                 extension={"point": "0", "value": "0"})
    assert check(cert)[2] == "holds"
    # 1/log(2 + x) is Stieltjes (the reciprocal of the CBF function log(1 + (1 + x))), so CM
    inner = _n("CBF", "1 + x", "sum", {}, [_n("CBF", "1", "bf-const", {"c": "1"}), _n("CBF", "x", "bf-linear", {"beta": "1"})])
    log = _n("CBF", "log(2+x)", "compose", {}, [_n("CBF", "log(1+x)", "bf-log1p"), inner])
    root = _n("CM", "1/log(2+x)", "st-is-cm", {}, [_n("ST", "1/log(2+x)", "reciprocal", {}, [log])])
    assert check(_cert("1/log(2+x)", "completely-monotone", root))[2] == "holds"


@pytest.mark.parametrize("st, f, message", [
    (_n("ST", "(1+x)^(-2)", "st-power", {"s": "2", "b": "1"}), "x/(1+x)^2", "could not prove"),  # CM, not Stieltjes
    (_n("ST", "(x-1)^(-1/2)", "st-power", {"s": "1/2", "b": "-1"}), "x/sqrt(x-1)", "could not prove"),  # t <= 0
    (_n("ST", "tanh(-sqrt(x))/sqrt(x)", "st-tanh-root", {"c": "-1"}), "sqrt(x)*tanh(-sqrt(x))", "could not prove"),
    (_n("ST", "1/(sqrt(x)*tanh(sqrt(x)))", "st-coth-root", {"c": "1"}), "sqrt(x)/tanh(sqrt(x))", "not proved equal"),
    (_n("ST", "x^(-2)", "geometric-mean", {"a": "2"}, [_n("ST", "1/x", "st-power", {"s": "1", "b": "0"}),
                                                   _n("ST", "1", "cm-const", {"c": "1"})]), "1/x", "could not prove"),
    (_n("ST", "sqrt(x)", "bf-power", {"s": "1/2"}), "x*sqrt(x)", "proves BF or CBF"),
])
def test_kernel_rejects_forged_stieltjes_steps(st, f, message):
    with pytest.raises(CheckError, match=message):
        check(_cert(f, "l1-to-l1", _x_times(f, st)))


def test_normal_form_reduces_roots_in_a_difference():
    c = Context({})
    eq = lambda a, b: proved_equal(c.term(a, "a"), c.term(b, "b"), c.domain)
    assert eq("1/(x+1)^(3/2)", "(x+1)^(-3/2)") and eq("1/(x^(1/2)*(x + 1)^(3/2))", "x^(-1/2)*(x + 1)^(-3/2)")
    assert eq("(x/(x^2 + 1)^(1/2))^(1/2)", "x^(1/2)/(x^2 + 1)^(1/4)")
    assert eq("(1/(x^(1/2) + 1))^(1/2)", "(x^(1/2) + 1)^(-1/2)")  # a positive factor with rational exponents
    assert not eq("(1/(x^(1/2) - 1))^(1/2)", "(x^(1/2) - 1)^(-1/2)")  # not positive on (0, oo): not taken apart
    assert not eq("1/(x+1)^(3/2)", "(x+1)^(-1/2)") and not eq("(x/(x^2 + 1)^(1/2))^(1/2)", "x^(1/2)/(x^2 + 2)^(1/4)")


@pytest.mark.parametrize("text, want", [
    ("1 - exp(-x)", "+"), ("exp(-x) - 1", "-"), ("cosh(x) - 1", "+"), ("1 - cosh(x)", "-"), ("exp(x) - 1", "+"),
    ("1 - exp(x)", "-"), ("3 - 3*exp(-x^2)", "+"),
    ("1 - exp(sin(x))", "?"), ("2 - exp(x)", "?"), ("1 - 2*exp(-x)", "?"),  # no sign read off: not shifted by exp(0)
])
def test_sign_of_a_shifted_exponential(text, want):
    c = Context({})
    assert sign_class(c.term(text, "t"), c.open) == want


@pytest.mark.parametrize("f, claim", [
    ("x/sqrt(1+x)", "bernstein"), ("sqrt(x/(1+x))", "l1-to-l1"), ("sqrt(x)*tanh(sqrt(x))", "l1-to-l2sq"),
    ("log(cosh(sqrt(x)))", "l1-to-l1"), ("(x^2/(1+x^2))^(1/4)", "l2-to-l2"), ("sqrt(x*tanh(x))", "l2-to-l2"),
    ("sqrt(x)/tanh(sqrt(x))-1", "bernstein"), ("x^(1/3)*(1+x)^(-1/3)", "bernstein"),
    ("x/sqrt(1+sqrt(x))", "l1-to-l1"), ("sqrt(x)/(1+sqrt(x))^(1/2)", "bernstein"), ("(1+x)/(1+2*x)", "pd-l1"),
    ("sqrt(log(sinh(x)/x))", "l2-to-l2"), ("(1+sqrt(x))/(1+2*sqrt(x))", "pd-l1"), ("(1+x)/(1+2*x)", "pd-l2"),
])
def test_prover_finds_stieltjes_and_cbf_proofs(f, claim):
    v = certify(f, claim)
    assert v.status == "holds", v.reason


@pytest.mark.parametrize("f, claim", [("x/(1+x)^2", "bernstein"), ("x^(3/2)/(1+x)", "l1-to-l1")])
def test_prover_does_not_prove_false_claims(f, claim):
    assert certify(f, claim).status != "holds"


def test_l2_transform_of_a_square_root_reads_its_radicand():
    """f = H^(1/2): the kernel proves transformed = H(sqrt t), and H(sqrt t) >= 0 follows from its Bernstein
    derivation (log(cosh(x)) >= 0 is not read off its form); a transformed that is not H(sqrt t) is refused."""
    tanh = _n("ST", "tanh(sqrt(x))/(2*sqrt(x))", "scale", {"c": "1/2"},
              [_n("ST", "tanh(sqrt(x))/sqrt(x)", "st-tanh-root", {"c": "1"})])
    root = _n("BF", "log(cosh(sqrt(x)))", "derivative", {}, [_n("CM", "tanh(sqrt(x))/(2*sqrt(x))", "st-is-cm", {}, [tanh])])
    cert = _cert("sqrt(log(cosh(x)))", "l2-to-l2", root)
    cert["data"]["transformed"] = "log(cosh(sqrt(x)))"
    assert check(cert)[2] == "holds"
    forged = _cert("sqrt(x^2 + x)", "l2-to-l2", _n("BF", "x", "bf-linear", {"beta": "1"}))
    forged["data"]["transformed"] = "x"
    with pytest.raises(CheckError, match="transformed"):
        check(forged)


def test_bernstein_over_x_is_completely_monotone():
    """f(x)/x for a Bernstein f is CM (a/x + b + int (1 - e^(-tx))/x nu(dt), each piece CM); a CM child is refused."""
    root = _n("CM", "(1 - exp(-x))/x", "bf-over-x", {}, [_n("BF", "1 - exp(-x)", "derivative", {}, [
        _n("CM", "exp(-x)", "cm-exp", {"a": "1"})])])
    assert check(_cert("(1 - exp(-x))/x", "pd-l1", root, extension={"point": "0", "value": "1"}))[2] == "holds"
    forged = _n("CM", "exp(-x)/x", "bf-over-x", {}, [_n("CM", "exp(-x)", "cm-exp", {"a": "1"})])
    with pytest.raises(CheckError, match="child 0 must be a BF derivation"):
        check(_cert("exp(-x)/x", "completely-monotone", forged))
    assert certify("asinh(sqrt(x))/sqrt(x)", "completely-monotone").status == "holds"
