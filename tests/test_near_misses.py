"""Near misses (issue 24): false statements that differ from true ones by a tiny term, refuted by derivatives of
high order in closed form, far-out points, log-convexity and zeros of derivatives; their true neighbours hold."""

import copy

import pytest

from symrep import certify
from symrep.certificates import CheckError, check
from symrep.certificates.closed_forms import kth_derivative_at, summands
from symrep.certificates.enclosures import enclose
from symrep.certificates.fuel import tank
from symrep.certificates.grammar import read

R = {"pd-l1": "f(|x_i - x_j|_1) is PSD iff f is CM (Alman et al. 2024)",
     "pd-l2": "f(|x_i - x_j|_2) is PSD iff t -> f(sqrt t) is CM (Schoenberg 1938)"}


def _cert(claim, function, data, method="derivative-witness"):
    return {"format": "symrep-certificate", "version": 3, "claim": claim, "domain": "[0, oo)", "function": function,
            "verdict": "fails", "method": method, "rests_on": R[claim], "data": data}


@pytest.mark.parametrize("f, claim, method", [
    ("exp(-x)-10^(-20)*exp(-2*x)", "pd-l1", "derivative-witness"),
    ("exp(-x)+10^(-20)*cos(x)", "pd-l1", "log-convexity-witness"),
    ("1/(1+x)+10^(-10)*sin(x)", "pd-l1", "derivative-witness"),
    ("log(1+x)-10^(-12)*x^2", "bernstein", "derivative-witness"),
    ("x^(1/2)+10^(-8)*x^2", "bernstein", "derivative-witness"),
    ("Max(0,1-x)^2+10^(-30)", "pd-l2", "derivative-witness"),
    ("exp(-x)*(1+10^(-6)*x)", "pd-l1", "log-convexity-witness"),
    ("1/(1+x)-1/(10*(1+x)^2)", "pd-l1", "derivative-witness"),
    ("(1+10^(-3)*x)*exp(-x)", "pd-l1", "log-convexity-witness"),
])
def test_near_misses_fail_with_a_checked_certificate(f, claim, method):
    v = certify(f, claim, budget=10)
    assert v.status == "fails", v.reason
    assert v.certificate["method"] == method
    assert check(v.certificate)[2] == "fails"


@pytest.mark.parametrize("f, claim, data", [
    ("x^(1/3)+10^(-10)*x^2", "bernstein", {"order": 1, "of": "f'"}),  # far out; the derivation search is skipped
    ("1/(1+x)^2-1/(100*(1+x)^3)", "pd-l1", {"order": 256, "of": "f"}),  # k >= 199 near 0
    ("1/(1+x^2)-1/(10*(1+x^2)^2)", "pd-l2", {"order": 16, "of": "f(sqrt(x))"}),  # SymPy's g stated as the form
    ("sqrt(x)-10^(-8)*x", "l1-to-l1", {"order": 0, "of": "f'"}),  # f' < 0 beyond 2.5 10^15
])
def test_variants(f, claim, data):
    v = certify(f, claim, budget=10)
    assert v.status == "fails", v.reason
    assert data.items() <= v.certificate["data"].items()
    assert check(v.certificate)[2] == "fails"


@pytest.mark.parametrize("f", ["exp(-x)+10^(-30)*exp(-3*x)", "1/(1+x)+1/(10*(1+x)^2)"])
def test_true_neighbours_hold(f):
    assert certify(f, "pd-l1", budget=10).status == "holds"


def test_closed_form_orders_far_beyond_repeated_rules():
    for k, x0 in ((80, "1/10"), (1 << 24, "1/10")):
        assert check(_cert("pd-l1", "exp(-x)-10^(-20)*exp(-2*x)", {"order": k, "point": x0, "of": "f"}))
    assert check(_cert("pd-l1", "exp(-x)*(1+10^(-6)*x)", {"order": 1 << 21, "point": "1", "of": "f"}))
    cert = _cert("pd-l1", "1/(1+x)-1/(10*(1+x)^2)",
                 {"order": 64, "point": "1/8", "of": "f", "form": "(1+x)^(-1) - (1/10)*(1+x)^(-2)"})
    assert check(cert)
    bad = copy.deepcopy(cert)
    bad["data"]["form"] = "(1+x)^(-1) - (1/11)*(1+x)^(-2)"
    with pytest.raises(CheckError, match="not proved equal"):
        check(bad)
    with pytest.raises(CheckError, match="could not prove"):  # CM: every order has the right sign
        check(_cert("pd-l1", "exp(-x)+10^(-30)*exp(-3*x)", {"order": 1 << 24, "point": "1/10", "of": "f"}))


@pytest.mark.parametrize("f", ["exp(-x)*cos(3*x+1)*(2+x-x^2)", "exp(2*x)*sin(-x/2)", "(2*x+3)^(-5/2)*(1+x)",
                               "sinh(3*x)*x^3", "(3*(x+1))^(1/3)", "exp(-x)^(3/2)", "1/(2*exp(x))",
                               "(5*(2*x+1)^3)^(-1)", "(1+x)^3*exp(-x)", "(1-x/4)^(-1/2)"])
def test_closed_forms_agree_with_repeated_differentiation(f):
    sympy = pytest.importorskip("sympy")
    x = sympy.Symbol("x")
    for k in (0, 1, 3, 7, 70):
        with tank():
            ball = enclose(kth_derivative_at(read(f, "g"), k, read("1/3", "x0", variables=())), {})
        exact = float(sympy.N(sympy.diff(sympy.sympify(f.replace("^", "**")), x, k).subs(x, sympy.Rational(1, 3)), 40))
        assert abs(float(ball.mid()) - exact) <= 1e-9 * max(1.0, abs(exact)), (f, k)


@pytest.mark.parametrize("f", ["exp(-x^2)", "(x^2+1)^(1/2)", "sin(x)*cos(x)", "exp(x)/(1+x)",
                               "(x^2+1)^(-1)"])
def test_terms_outside_the_class_are_refused(f):
    with tank(), pytest.raises(CheckError, match="closed-form derivative"):
        summands(read(f, "g"))


def test_derivative_zero_witness_and_its_forgeries():
    data = {"kind": "zero", "order": 1, "point": "4", "radius": "1", "of": "f(sqrt(x))", "unequal": ["1/4", "4"]}
    assert check(_cert("pd-l2", "Max(0,1-x)^2+10^(-30)", data))
    across = dict(data, point="1", radius="1/2")
    with pytest.raises(CheckError, match="not proved analytic"):
        check(_cert("pd-l2", "Max(0,1-x)^2+10^(-30)", across))
    with pytest.raises(CheckError, match="not proved exactly 0"):
        check(_cert("pd-l2", "exp(-x)", data))
    equal = dict(data, unequal=["4", "9"])
    with pytest.raises(CheckError, match="could not prove"):
        check(_cert("pd-l2", "Max(0,1-x)^2+10^(-30)", equal))
    outside = dict(data, radius="5")
    with pytest.raises(CheckError, match="must lie in"):
        check(_cert("pd-l2", "Max(0,1-x)^2+10^(-30)", outside))
    with pytest.raises(CheckError, match="does not bear"):
        check(_cert("pd-l1", "Max(0,1-x)^2+10^(-30)", data))


@pytest.mark.parametrize("f, claim, of", [("Max(0,2-x)^4*(1+2*x)/16+10^(-25)", "pd-l2", "f(sqrt(x))"),
                                          ("Min(x,1)+10^(-30)*x", "bernstein", "f'")])
def test_kinks_refuted_by_a_vanishing_derivative(f, claim, of):
    v = certify(f, claim, budget=10)
    assert v.status == "fails"
    assert v.certificate["data"]["kind"] == "zero" and v.certificate["data"]["of"] == of
    assert check(v.certificate)[2] == "fails"


def test_evidence_and_documents_read_the_new_witnesses():
    from symrep.analysis.evidence_report import evidence
    from symrep.render.documents import certificate_document

    high = _cert("pd-l1", "exp(-x)-10^(-20)*exp(-2*x)", {"order": 1 << 24, "point": "1/10", "of": "f"})
    zero = _cert("pd-l2", "Max(0,1-x)^2+10^(-30)", {"kind": "zero", "order": 1, "point": "4", "radius": "1",
                                                     "of": "f(sqrt(x))", "unequal": ["1/4", "4"]})
    assert "closed form" in "\n".join(evidence(high))
    assert "= 0 exactly" in "\n".join(evidence(zero))
    for cert in (high, zero):
        assert "\\begin{document}" in certificate_document(cert)


def test_a_root_of_a_square_is_no_affine_atom():
    """sqrt((-1 - x)^2) is 1 + x, not -1 - x: the power law (A^e)^s = A^(e s) needs A > 0, so the kernel keeps a
    power atom (its base proved positive at the point) even when e s is whole."""
    with tank():
        parts = summands(read("((-1-x)^2)^(1/2)", "g"))
        assert parts[0][1][0] == "pow"
        with pytest.raises(CheckError, match="base of a power atom"):
            kth_derivative_at(read("((-1-x)^2)^(1/2)", "g"), 1, read("1", "x0", variables=()))
        ball = enclose(kth_derivative_at(read("((1+x)^2)^(1/2)", "g"), 1, read("1", "x0", variables=())), {})
        assert ball.contains(1)
