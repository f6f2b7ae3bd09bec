"""The seed paper's stable-rank theorem: certified l and L, their checker, the exact srank f(D) on a box,
and the srank command, all cross-checked against dense numpy computations."""

import copy
import itertools
import json
from fractions import Fraction

import mpmath
import numpy as np
import pytest
import sympy

from symrep.attention.stable_rank import MAX_SUBINTERVALS, stable_rank_bound
from symrep.attention.stable_rank_box import box_stable_rank, stable_rank_comparison
from symrep.certificates import CheckError, check, check_file
from symrep.certificates.reading import XP
from symrep.certificates.stable_rank import Ratio, ends, read_domain
from symrep.cli.app import main
from symrep.errors import InputError
from symrep.geometry.kernels import Kernel


def srank(M):
    return np.linalg.norm(M, "fro") ** 2 / np.linalg.norm(M, 2) ** 2


def numeric(f):
    return Kernel(f).numeric


# f, lo, hi (the range of the entries)
CASES = [("sqrt(x)", 1, 4), ("log(1+x)", 0, 4), ("x/(1+x)", "1/2", 4), ("x*exp(-x)", "1/2", 3), ("sin(x)", 0, 3),
         ("x*(2 + sin(3*x))", 1, 5), ("exp(x) - 1", 0, 2), ("x^2", 1, 3), ("1/x", 1, 2), ("x*atan(x)", "1/4", 2)]


@pytest.fixture(scope="module")
def bounds():
    return {(f, str(lo), str(hi)): stable_rank_bound(f, lo, hi) for f, lo, hi in CASES}


@pytest.mark.parametrize("f, lo, hi", CASES)
def test_certified_l_and_L_are_within_one_percent_of_the_extremes_of_f_over_x(f, lo, hi, bounds):
    bound = bounds[(f, str(lo), str(hi))]
    a, b = float(Fraction(lo)), float(Fraction(hi))
    x = np.linspace(a, b, 200001)[1:] if a == 0 else np.linspace(a, b, 200001)
    ratio = numeric(f)(x) / x
    L_tight, l_tight = ratio.max() ** 2, 1 / ratio.min() ** 2
    assert L_tight * (1 - 1e-12) <= bound.L <= 1.01 * L_tight
    assert l_tight * (1 - 1e-12) <= bound.l <= 1.01 * l_tight
    assert check(bound.certificate) == ("stable-rank", bound.function, "holds")
    assert bound.certificate["domain"] == f"[{Fraction(lo)}, {Fraction(hi)}]"


@pytest.mark.parametrize("f, lo, hi", CASES)
def test_random_nonnegative_matrices_with_entries_in_the_range_obey_the_bound(f, lo, hi, bounds):
    bound = bounds[(f, str(lo), str(hi))]
    a, b = float(Fraction(lo)), float(Fraction(hi))
    g = numeric(f)
    rng = np.random.default_rng(7)
    for shape in [(5, 5), (12, 7), (30, 30), (3, 40)]:
        for make in (lambda: rng.uniform(a, b, shape),  # spread over the range
                     lambda: np.where(rng.random(shape) < 0.5, a, b),  # only the ends
                     lambda: a + (b - a) * rng.random(shape) ** 8):  # mostly near lo
            A = make()
            if a == 0:
                A[rng.random(shape) < 0.2] = 0.0  # f(0) = 0 is proved when the range starts at 0
            low, high = bound.bounds(srank(A))
            assert float(low) * (1 - 1e-9) <= srank(g(A)) <= float(high) * (1 + 1e-9)


def test_structured_matrices_obey_the_bound():
    """Nearly rank one, identity-heavy and block matrices with entries in [1, 4], under sqrt."""
    bound = stable_rank_bound("sqrt(x)", 1, 4)
    n = 400
    A = np.ones((n, n))
    A[0, 0] = 4.0
    B = np.eye(n) * 3 + 1
    C = np.kron(np.eye(20) * 3, np.ones((20, 20))) + 1
    for M in (A, B, C):
        low, high = bound.bounds(srank(M))
        assert float(low) <= srank(np.sqrt(M)) <= float(high)


@pytest.mark.parametrize("f, lo, hi", [("x*Abs(x - 2) + x", 1, 3), ("Max(x, 2)", 1, 3), ("x*exp(-x)", "1/2", 3),
                                        ("x/(x - 5)^2", 1, 4), ("x*besselk(1/2, x)", 1, 3), ("x^(5/2) + x", 0, 2),
                                        ("x*gamma(x)", "1/2", 3)])
def test_every_enclosure_contains_the_sampled_values_of_f_over_x(f, lo, hi):
    """Soundness of the checker's enclosures (naive, mean value form, and f' on [0, b]) against mpmath."""
    expr = sympy.sympify(f.replace("^", "**"), locals={"x": XP})
    ratio = Ratio(expr)
    g = sympy.lambdify(XP, expr / XP, "mpmath")
    rng = np.random.default_rng(3)
    lo, hi = Fraction(lo), Fraction(hi)
    from flint import fmpq

    for _ in range(40):
        a, b = sorted(lo + (hi - lo) * Fraction(int(v * 1000), 1000) for v in rng.random(2))
        if a == b:
            continue
        low, high = ends(ratio.enclose(fmpq(a.numerator, a.denominator), fmpq(b.numerator, b.denominator)))
        for t in np.linspace(0, 1, 23):
            x = mpmath.mpf(a.numerator) / a.denominator + mpmath.mpf(t) * (mpmath.mpf((b - a).numerator) / (b - a).denominator)
            if x == 0:
                continue
            value = g(x)
            assert float(low.p) / float(low.q) - 1e-12 <= value <= float(high.p) / float(high.q) + 1e-12, (f, a, b, x)


def test_a_bound_off_by_a_hundredth_of_a_percent_is_rejected():
    cert = stable_rank_bound("sqrt(x)", 1, 4).certificate  # f(x)/x = 1/sqrt(x): exactly 1 at x = 1, 1/2 at 4
    for key, value in (("L", "9999/10000"), ("l", "3999/1000")):
        bad = copy.deepcopy(cert)
        bad["data"][key] = value
        with pytest.raises(CheckError, match="is not proved"):
            check(bad)
    bad = copy.deepcopy(cert)
    bad["function"] = "sqrt(x)*(1 + x/10000)"  # a slightly different f under the same numbers
    with pytest.raises(CheckError, match="is not proved"):
        check(bad)


@pytest.mark.parametrize("mutate, message", [
    (lambda c: c["data"]["subintervals"].append(["4", "5"]), "ends at 5, not at HI = 4"),
    (lambda c: c["data"].update(subintervals=[["1", "4"]] * (MAX_SUBINTERVALS + 1)), "need 1 to 4096"),
    (lambda c: c["data"].update(subintervals=[["1", "5/2"], ["2", "4"]]), "a gap or an overlap"),
    (lambda c: c["data"].update(subintervals=[["1", "4"], ["4", "4"]]), "empty or reversed"),
    (lambda c: c["data"].update(subintervals=[["2", "4"]]), "not at LO = 1"),
    (lambda c: c["data"].update(subintervals=[[1, 4]]), "exact rational as text"),
    (lambda c: c["data"].update(l="-4"), "must be positive"),
    (lambda c: c["data"].update(L="sqrt(2)"), "exact rational as text"),
    (lambda c: c["data"].update(extra="1"), "fields are l, L and subintervals"),
    (lambda c: c.update(domain="[1, 4)"), "states the domain"),
    (lambda c: c.update(domain="[4, 1]"), "need LO < HI"),
    (lambda c: c.update(domain="{0} U [0, 4]"), "LO must be positive"),
    (lambda c: c.update(domain="[0, 4]"), "not at LO = 0"),
    (lambda c: c.update(function="sqrt(x)*sign(x - 2)^2"), "no derivative for sign"),
])
def test_the_checker_refuses_tampered_stable_rank_certificates(mutate, message):
    cert = copy.deepcopy(stable_rank_bound("sqrt(x)", 1, 4).certificate)
    mutate(cert)
    with pytest.raises(CheckError, match=message.replace("(", r"\(").replace("[", r"\[")):
        check(cert)


def test_a_range_from_0_uses_the_mean_value_theorem_and_needs_f_of_0_to_be_0():
    bound = stable_rank_bound("log(1+x)", 0, 4)
    assert bound.certificate["data"]["subintervals"][0][0] == "0"
    bad = copy.deepcopy(bound.certificate)
    bad["function"] = "log(1+x) + 1/1000"  # f(0) != 0: the entry 0 breaks the inequality
    with pytest.raises(CheckError, match="the entry 0 needs f"):
        check(bad)
    bad["function"] = "log(1+x) + 1/1000 - 1/1000*0^x"  # f(0) = 0 as written, but f(0+) = 1/1000
    with pytest.raises(CheckError, match="f\\(0\\+\\) = 0"):
        check(bad)
    with pytest.raises(InputError, match="forces f\\(0\\) = 0"):
        stable_rank_bound("x + 1", 0, 4)
    with pytest.raises(InputError, match="no finite enclosure near x = 0"):
        stable_rank_bound("sqrt(x)", 0, 1)  # f(x)/x = 1/sqrt(x) is unbounded: no L exists
    with pytest.raises(InputError, match="not bounded away from 0"):
        stable_rank_bound("x^2", 0, 1)  # f(x)/x = x -> 0: no l exists


def test_the_entry_0_with_zero_true():
    bound = stable_rank_bound("x/(1+x)", 1, 4, zero=True)
    assert bound.certificate["domain"] == "{0} U [1, 4]" and read_domain(bound.domain)[2]
    with pytest.raises(InputError, match="forces f\\(0\\) = 0"):
        stable_rank_bound("1/(1+x)", 1, 4, zero=True)
    extended = stable_rank_bound("sin(x)^2/x", 1, 2, zero=True)  # undefined at 0 as written; its limit 0 is proved
    assert extended.certificate["extension"] == {"point": "0", "value": "0"}


@pytest.mark.parametrize("f, lo, hi, message", [
    ("x - 2", 1, 4, "not positive on the range"),
    ("cos(x)", 1, 3, "not positive on the range"),
    ("x/(x-2)^2", 1, 3, "undefined, infinite or not real at x = 2"),
    ("x*(1 + Heaviside(x - 2))", 1, 3, "no derivative for Heaviside"),
    ("x", -1, 2, "must lie in [0, oo)"),
    ("x", 2, 2, "lo < hi"),
    ("x", 0.5, 2, "exact rational"),
    ("x", "1e999999", 2, "exact rational"),
    ("log(x)", 0, 3, "tends to -oo"),
    ("__import__('os')", 1, 2, "not allowed"),
])
def test_the_prover_refuses_with_one_clear_line(f, lo, hi, message):
    with pytest.raises(InputError) as caught:
        stable_rank_bound(f, lo, hi)
    assert message in str(caught.value) and "\n" not in str(caught.value)


def test_the_result_prints_and_renders():
    bound = stable_rank_bound("sqrt(x)", 1, 4)
    assert "l = 4001/1000" in str(bound) and "L = 10001/10000" in str(bound)
    assert bound.factor == bound.l * bound.L and r"\sqrt{L}" in bound._repr_latex_()
    from symrep.render.documents import certificate_document

    tex = certificate_document(bound.certificate)
    assert tex.startswith("\\documentclass") and r"\operatorname{srank}" in tex and "ratio-enclosure" in tex


# --- the exact stable rank of f(D) on a box --------------------------------------------------------------------

def dense(f, sides, off_diagonal=False):
    vertices = np.array(list(itertools.product([0, 1], repeat=len(sides)))) * np.array(sides, dtype=float)
    D = np.abs(vertices[:, None, :] - vertices[None, :, :]).sum(-1)
    M = numeric(f)(D) * np.ones_like(D)
    if off_diagonal:
        np.fill_diagonal(M, 0.0)
    return M


@pytest.mark.parametrize("f", ["exp(-x)", "sqrt(x)", "x/(1+x)", "cos(x)", "x", "1 - x", "exp(-x^2)"])
@pytest.mark.parametrize("sides", [[1, 2], [1, 1, 2], [Fraction(1, 2), Fraction(3, 2), 2, 1], [1, 1, 1, 1, 1]])
def test_box_stable_rank_agrees_with_numpy(f, sides):
    exact = box_stable_rank(f, [str(s) for s in sides])
    assert exact.numeric == pytest.approx(srank(dense(f, [float(s) for s in sides])), rel=1e-10)
    off = box_stable_rank(f, [str(s) for s in sides], off_diagonal=True)
    assert off.numeric == pytest.approx(srank(dense(f, [float(s) for s in sides], True)), rel=1e-10)


def test_box_stable_rank_with_symbolic_sides():
    a, b = sympy.symbols("a b", positive=True)
    assert box_stable_rank("x", [a, a, a]).value == sympy.Rational(4, 3)  # 1 + sum a_i^2 / (sum a_i)^2
    symbolic = box_stable_rank("exp(-x)", [a, b])
    assert "Perron" in symbolic.how and symbolic.numeric is None
    assert float(symbolic.value.subs({a: 1, b: 2})) == pytest.approx(srank(dense("exp(-x)", [1.0, 2.0])), rel=1e-12)
    with pytest.raises(InputError, match="give numeric sides"):
        box_stable_rank("sin(x)", [a, b])


@pytest.mark.parametrize("f, sides, matrix", [("sqrt(x)", [1, 2, 3], "f(D)"), ("exp(-x)", [1, 2, 3], "off"),
                                              ("x/(1+x)", [1, 1, 1, 1], "f(D)"), ("1/(1+x)", [1, 2], "off")])
def test_the_comparison_puts_the_exact_srank_inside_the_certified_bound(f, sides, matrix):
    c = stable_rank_comparison(f, sides)
    assert c.holds and all(s >= 1 for s in c.slack)
    M = dense(f, sides, off_diagonal=matrix == "off")
    assert c.transformed.numeric == pytest.approx(srank(M), rel=1e-10)
    assert c.distance.numeric == pytest.approx(srank(dense("x", sides)), rel=1e-12)
    assert c.bound.certificate["domain"] == ("{0} U " if matrix == "f(D)" else "") + f"[{min(sides)}, {sum(sides)}]"
    assert float(c.lower) <= srank(M) <= float(c.upper)
    with pytest.raises(InputError, match="dimension 1"):
        stable_rank_comparison(f, [2])


# --- the command line --------------------------------------------------------------------------------------------

def test_srank_range_text_json_latex_and_check(tmp_path, capsys):
    assert main(["srank", "sqrt(x)", "--range", "1,4"]) == 0
    assert "l = 4001/1000" in capsys.readouterr().out
    out = tmp_path / "sqrt.json"
    assert main(["srank", "sqrt(x)", "--range", "1,4", "-o", str(out)]) == 0  # the format follows the extension
    assert check_file(out) == ("stable-rank", "sqrt(x)", "holds")
    assert main(["check", str(out)]) == 0 and "accepted: stable-rank holds" in capsys.readouterr().out
    out.write_text("precious")
    assert main(["srank", "sqrt(x)", "--range", "1,4", "-o", str(out)]) == 2
    assert "--force" in capsys.readouterr().err and out.read_text() == "precious"
    assert main(["srank", "sqrt(x)", "--range", "1,4", "-o", str(out), "--force"]) == 0
    assert json.loads(out.read_text())["claim"] == "stable-rank"
    assert main(["srank", "log(1+x)", "--range", "0,4", "--format", "latex"]) == 0
    assert capsys.readouterr().out.startswith("\\documentclass")
    tampered = json.loads(out.read_text())
    tampered["data"]["L"] = "1/2"
    out.write_text(json.dumps(tampered))
    assert main(["check", str(out)]) == 1 and capsys.readouterr().out.startswith("rejected: ")


@pytest.mark.parametrize("args, message", [
    (["--range", "-1,4"], "must lie in [0, oo)"),
    (["--range", "1,2,3"], "--range takes LO,HI"),
    (["--range", "4,1"], "lo < hi"),
    (["--range", "1,4", "--sides", "1,2"], "not allowed with argument"),
    ([], "one of the arguments --range --sides is required"),
    (["--sides", "1,2", "--zero"], "--zero goes with --range"),
    (["--sides", "1,2", "--format", "latex"], "with --sides use text or json"),
])
def test_srank_bad_input_is_one_line_with_exit_2(args, message, capsys):
    try:
        code = main(["srank", "x*(x+1)"] + args)
    except SystemExit as exc:  # argparse's own usage errors
        code = exc.code
    err = capsys.readouterr().err
    assert code == 2 and message in err and err.count("\n") == 1 and "Traceback" not in err


def test_srank_sides(capsys):
    assert main(["srank", "sqrt(x)", "--sides", "1,2,3"]) == 0
    out = capsys.readouterr().out
    assert "srank D = 25/18" in out and "inside the bound" in out
    assert main(["srank", "exp(-x)", "--sides", "a,b", "--format", "json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["numeric"] is None and data["comparison"] is None and "exp(-a)" in data["srank"]
    assert main(["srank", "exp(-x)", "--sides", "1,2", "--format", "json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["comparison"]["matrix"] == "f(D) - f(0) I" and data["comparison"]["inside"]
    assert check(data["comparison"]["certificate"])[0] == "stable-rank"


# --- tampering: a mutated certificate that the checker accepts must still be true ------------------------------

def _judge(cert):
    """Is what the certificate states true? Decided by mpmath on a dense grid (an independent numeric judge)."""
    lo, hi, zero = read_domain(cert["domain"])
    lo, hi = Fraction(int(lo.p), int(lo.q)), Fraction(int(hi.p), int(hi.q))
    l, L = Fraction(cert["data"]["l"]), Fraction(cert["data"]["L"])
    f = sympy.lambdify(sympy.Symbol("x"), sympy.sympify(cert["function"].replace("^", "**")), "mpmath")
    mpmath.mp.dps = 30
    if zero or lo == 0:
        if f(mpmath.mpf(0)) != 0:
            return False
    xs = [mpmath.mpf(lo.numerator) / lo.denominator + (mpmath.mpf((hi - lo).numerator) / (hi - lo).denominator) * t
          for t in np.linspace(0, 1, 1201)]
    ratios = [f(x) / x for x in xs if x != 0]
    return all(r > 0 for r in ratios) and min(ratios) ** 2 * l >= 1 - 1e-20 and max(ratios) ** 2 <= L * (1 + 1e-20)


def _mutations(cert, rng):
    data = cert["data"]
    nudge = lambda q, k: str(Fraction(q) * (1 + Fraction(int(rng.choice([-1, 1])), 10 ** k)))  # noqa: E731
    for _ in range(30):
        c = copy.deepcopy(cert)
        kind = rng.integers(6)
        if kind == 0:
            c["data"]["l"] = nudge(data["l"], int(rng.integers(1, 7)))
        elif kind == 1:
            c["data"]["L"] = nudge(data["L"], int(rng.integers(1, 7)))
        elif kind == 2 and len(data["subintervals"]) > 1:
            i = int(rng.integers(len(data["subintervals"]) - 1))
            c["data"]["subintervals"][i][1] = c["data"]["subintervals"][i + 1][0] = nudge(data["subintervals"][i][1], 3)
        elif kind == 3:
            lo, hi = read_domain(c["domain"])[:2]
            new_hi = nudge(str(hi), int(rng.integers(1, 4)))
            c["domain"] = c["domain"].replace(f", {hi}]", f", {new_hi}]")
            c["data"]["subintervals"][-1][1] = new_hi
        elif kind == 4:
            c["function"] = rng.choice([f"{cert['function']}*(1 + x/1000)", f"{cert['function']} + x/100",
                                        f"{cert['function']}*(1 - x/1000)", f"({cert['function']})^(1001/1000)"])
        else:
            c["domain"] = "{0} U " + c["domain"] if not c["domain"].startswith(("{", "[0")) else c["domain"]
        yield c


@pytest.mark.parametrize("f, lo, hi", [("sqrt(x)", 1, 4), ("log(1+x)", 0, 4), ("x/(1+x)", "1/2", 4),
                                       ("x*(2 + sin(3*x))", 1, 5)])
def test_mutated_certificates_that_the_checker_accepts_are_still_true(f, lo, hi):
    cert = stable_rank_bound(f, lo, hi).certificate
    assert _judge(cert) and not _judge({**cert, "data": {**cert["data"], "L": str(Fraction(cert["data"]["L"]) / 2)}})
    rng = np.random.default_rng(11)
    accepted = rejected = 0
    for mutated in _mutations(cert, rng):
        try:
            check(mutated)
        except CheckError:
            rejected += 1
            continue
        accepted += 1
        assert _judge(mutated), mutated
    assert rejected > 0 and accepted > 0  # the mutations reach both sides of the line
