"""The kernel's foundations (issue "a trusted kernel"): its term language, its normal form and its fuel,
importing no computer-algebra system.

- the reader refuses everything outside the grammar, quoting the text, and never executes it;
- the printer and the reader agree (a printed term reads back as the same term);
- the normal form proves the textbook identities and the constants that are 0 in disguise, and
  never proves a false identity: every identity it proves is checked at random points in high
  precision by an independent evaluator (mpmath), on random terms of the grammar;
- all of it runs in an interpreter in which ``import sympy`` fails.
"""

import random
import subprocess
import sys
import textwrap

import mpmath
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from symrep.certificates.errors import CheckError
from symrep.certificates.fuel import tank
from symrep.certificates.grammar import read
from symrep.certificates.normal_form import Domain, proved_equal
from symrep.certificates.terms import text

POSITIVE = Domain(positive=("x", "t", "a", "b"), nonnegative=("c",))
LINE = Domain()


def r(source):
    return read(source, "f", variables=("x", "t"), parameters=("a", "b", "c", "s"))


@pytest.mark.parametrize("source, message", [
    ("__import__('os').system('true')", "only named functions may be called"),
    ("__import__('os')", "'__import__' is not a function of the grammar"),
    ("x.__class__", "Attribute is not allowed"),
    ("lambda: 1", "Lambda is not allowed"),
    ("[x for x in ()]", "ListComp is not allowed"),
    ("exp(x, 2)", "exp takes 1 argument"),
    ("sin", "'sin' is a function and needs an argument"),
    ("y + 1", "unknown name 'y'"),
    ("x ** 5000", "exponent 5000 is larger than 2000"),
    ("1e500", "beyond 400"),
    ("'text'", "is not a number"),
    ("exp(x=1)", "takes plain arguments"),
    ("x" + "+x" * 10000, "characters; the limit is 20000"),
    ("exp(" * 150 + "x" + ")" * 150, "nested"),
    ("1/0", "division by the literal 0"),
], ids=lambda value: value[:30] if isinstance(value, str) else None)
def test_the_reader_refuses_what_is_outside_the_grammar_and_quotes_it(source, message):
    with pytest.raises(CheckError, match=message.replace("(", r"\(").replace(")", r"\)").replace("*", r"\*")):
        read(source, "f")


def test_the_reader_builds_exactly_what_is_written():
    assert text(r("x*sin(x)/sin(x)")) == "x*sin(x)/sin(x)"
    assert r("(x - 1)/(x - 1)") != r("1")
    assert r("0.1").value == __import__("fractions").Fraction(1, 10)
    assert r("1.00000000000000001").value != 1
    assert r("sqrt(x)") == r("x^(1/2)") and r("cbrt(x)") == r("x^(1/3)")


TRUE = [
    ("cos(x)^2 + sin(x)^2", "1", LINE), ("exp(-x)*cosh(x)", "(1 + exp(-2*x))/2", LINE),
    ("cosh(1)^2 - sinh(1)^2 - 1", "0", LINE), ("sin(1)^2 + cos(1)^2 - 1", "0", LINE),
    ("atan(2) + atan(1/2) - atan(2) - atan(1/2)", "0", LINE), ("2^(-x/2)", "exp(-x*log(2)/2)", LINE),
    ("(x + 1)^(-1/2)", "1/sqrt(1 + x)", POSITIVE), ("sqrt(x + 1)^3", "(1 + x)*sqrt(x + 1)", POSITIVE),
    ("x^s*x^a", "x^(s + a)", POSITIVE), ("(x + b)^(-s)", "exp(-s*log(x + b))", POSITIVE),
    ("log(12)", "2*log(2) + log(3)", LINE), ("sqrt(8)", "2*sqrt(2)", LINE), ("exp(2*log(x))", "x^2", POSITIVE),
    ("log(exp(x))", "x", LINE), ("sin(2*x)", "2*sin(x)*cos(x)", LINE), ("tan(x)*cos(x)", "sin(x)", LINE),
    ("besselk(1/2, x)", "sqrt(pi/(2*x))*exp(-x)", POSITIVE), ("gamma(5/2)", "3*sqrt(pi)/4", LINE),
    ("erfc(x)", "1 - erf(x)", LINE), ("atan(-x)", "-atan(x)", LINE), ("E^x", "exp(x)", LINE),
    ("(exp(-x) - exp(-2*x))/x", "exp(-x)*(1 - exp(-x))/x", POSITIVE), ("sqrt(x)*sqrt(x)", "x", LINE),
    ("tanh(x)", "(1 - exp(-2*x))/(1 + exp(-2*x))", LINE), ("sech(x)", "2/(exp(x) + exp(-x))", LINE),
]
FALSE = [
    ("sqrt(x^2)", "x", LINE), ("log(x^2)", "2*log(x)", LINE), ("exp(x)", "exp(2*x)", LINE),
    ("(x + b)^s*(x + b)^a", "(x + b)^(s + a)", LINE), ("Abs(x)", "x", LINE), ("sign(x)^2", "1", LINE),
    ("sqrt(2)", "1.4142135623730951", LINE), ("x^(1/3)^3", "x", POSITIVE), ("atan(tan(x))", "x", LINE),
]


@pytest.mark.parametrize("a, b, domain", TRUE)
def test_the_normal_form_proves_identities(a, b, domain):
    assert proved_equal(r(a), r(b), domain)


@pytest.mark.parametrize("a, b, domain", FALSE)
def test_the_normal_form_never_proves_these(a, b, domain):
    assert not proved_equal(r(a), r(b), domain)


def test_the_normal_form_is_charged_to_the_fuel():
    with pytest.raises(CheckError, match="ran out of fuel"):
        with tank(50):
            proved_equal(r("(1 + x + x^2 + x^3)^12"), r("0"), LINE)


# --- soundness on random terms: an identity it proves holds at random points -------------------------

LEAVES = ["x", "1", "2", "1/2", "-1", "pi", "E", "a"]
UNARY = ["exp", "log", "sqrt", "sin", "cos", "tan", "sinh", "cosh", "tanh", "atan", "erf", "erfc", "gamma", "Abs"]


def _random_term(rng, depth):
    if depth == 0 or rng.random() < 0.25:
        return rng.choice(LEAVES)
    kind = rng.random()
    if kind < 0.45:
        op = rng.choice(["+", "-", "*", "/"])
        return f"({_random_term(rng, depth - 1)}) {op} ({_random_term(rng, depth - 1)})"
    if kind < 0.6:
        return f"({_random_term(rng, depth - 1)})^{rng.choice(['2', '3', '-1', '1/2', '-1/2', '1/3', 'a', 'x'])}"
    return f"{rng.choice(UNARY)}({_random_term(rng, depth - 1)})"


_MP = {"exp": mpmath.exp, "log": mpmath.log, "sqrt": mpmath.sqrt, "sin": mpmath.sin, "cos": mpmath.cos,
       "tan": mpmath.tan, "sinh": mpmath.sinh, "cosh": mpmath.cosh, "tanh": mpmath.tanh, "atan": mpmath.atan,
       "erf": mpmath.erf, "erfc": mpmath.erfc, "gamma": mpmath.gamma, "Abs": abs, "sign": mpmath.sign,
       "polygamma": lambda n, u: mpmath.polygamma(int(n), u), "sech": mpmath.sech, "csch": mpmath.csch,
       "coth": mpmath.coth, "asinh": mpmath.asinh, "sinc": mpmath.sinc, "besselk": mpmath.besselk}


def _value(term, point):
    """The term at the point in mpmath (60 digits) under the kernel's real conventions, or None where it
    is undefined. Independent of the kernel: it walks the term with mpmath."""
    op = term.op
    if op == "num":
        return mpmath.mpf(term.value.numerator) / term.value.denominator
    if op == "var":
        return point[term.args[0]]
    if op == "const":
        return {"pi": mpmath.pi, "E": mpmath.e}[term.args[0]]
    args = [_value(a, point) for a in term.args]
    if any(v is None for v in args):
        return None
    try:
        if op == "+":
            return mpmath.fsum(args)
        if op == "*":
            return mpmath.fprod(args)
        if op == "^":
            base, exponent = args
            q = term.args[1].value if term.args[1].op == "num" else None
            if q is not None and q.denominator == 1:
                return None if base == 0 and q < 0 else base ** int(q)
            if q is not None:
                return None if base < 0 or (base == 0 and q < 0) else mpmath.root(base, q.denominator) ** q.numerator
            return mpmath.power(base, exponent) if base > 0 else None
        if op == "log" and args[0] <= 0 or op == "sqrt" and args[0] < 0:
            return None
        if op == "gamma" and args[0] <= 0 and args[0] == int(args[0]):
            return None
        value = _MP[op](*args)
        return value if mpmath.isfinite(value) and mpmath.im(value) == 0 else None
    except (ZeroDivisionError, ValueError, OverflowError):
        return None


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.integers(0, 10**9))
def test_every_identity_the_normal_form_proves_holds_at_random_points(seed):
    rng = random.Random(seed)
    left = _random_term(rng, 3)
    # the right side is often a rewriting of the left one, so that identities do get proved
    right = rng.choice([left, _random_term(rng, 3), f"({left}) + 0", f"2*({left})/2", f"exp(log(2))*({left})/2"])
    a, b = r(left), r(right.replace("a", "a") if rng.random() < 0.5 else right)
    domain = rng.choice([POSITIVE, LINE])
    try:
        with tank(200_000):
            proved = proved_equal(a, b, domain)
    except CheckError:
        return
    if not proved:
        return
    mpmath.mp.dps = 60
    for _ in range(4):
        point = {"x": mpmath.mpf(rng.uniform(0.05, 3) if domain is POSITIVE else rng.uniform(-3, 3)),
                 "a": mpmath.mpf(rng.uniform(0.1, 2))}
        va, vb = _value(a, point), _value(b, point)
        if va is None or vb is None:
            continue
        assert abs(va - vb) <= mpmath.mpf(10) ** -40 * (1 + abs(va)), (left, right, point, va, vb)


def test_the_kernel_imports_no_computer_algebra_system():
    program = textwrap.dedent("""
        import sys
        class Block:
            def find_spec(self, name, path=None, target=None):
                if name.split(".")[0] in ("sympy", "mpmath", "numpy"):
                    raise ImportError(f"{name} is blocked in this test")
        sys.meta_path.insert(0, Block())
        from symrep.certificates import (derivatives, domains, enclosures, errors, fuel, grammar, normal_form,
                                         rational_functions, sturm, terms)
        d = normal_form.Domain(positive=("x",))
        assert normal_form.proved_equal(grammar.read("cos(x)^2 + sin(x)^2", "f"), grammar.read("1", "f"), d)
        assert not any(m.split(".")[0] in ("sympy", "mpmath", "numpy") for m in sys.modules)
        print("ok")
    """)
    result = subprocess.run([sys.executable, "-c", program], capture_output=True, text=True, timeout=120)
    assert result.stdout.strip() == "ok", result.stderr[-2000:]


# --- signs: Sturm's theorem and ball arithmetic, swept against exact evaluation ------------------------

def test_every_polynomial_sign_proved_by_sturm_holds_at_exact_points():
    from fractions import Fraction as F

    from symrep.certificates.domains import Span
    from symrep.certificates.sturm import polynomial_sign

    rng = random.Random(20261206)
    proved = 0
    for _ in range(800):
        coefficients = [F(rng.choice([1, -1, 3]))]
        for _ in range(rng.randint(0, 4)):  # a product of (x - root) factors, roots often repeated
            root = F(rng.randint(-4, 4), rng.choice([1, 2]))
            new = [F(0)] * (len(coefficients) + 1)
            for i, c in enumerate(coefficients):
                new[i] -= root * c
                new[i + 1] += c
            coefficients = new
        coefficients[0] += F(rng.randint(-1, 1), 4)
        lo = rng.choice([None, F(rng.randint(-4, 3))])
        hi = rng.choice([None, (lo if lo is not None else F(-4)) + F(rng.randint(1, 5))])
        span = Span(lo, hi, rng.random() < 0.5, rng.random() < 0.5)
        relation = rng.choice([">", ">=", "<", "<="])
        if not polynomial_sign(coefficients, span, relation):
            continue
        proved += 1
        a, b = (lo if lo is not None else F(-50)), (hi if hi is not None else F(50))
        for k in range(101):
            x = a + (b - a) * F(k, 100)
            if (x == lo and not span.lo_closed) or (x == hi and not span.hi_closed):
                continue
            v = sum(c * x**i for i, c in enumerate(coefficients))
            assert {">": v > 0, ">=": v >= 0, "<": v < 0, "<=": v <= 0}[relation], (coefficients, span, relation, x)
    assert proved > 100


@pytest.mark.parametrize("source, relation", [
    ("x + a", ">"), ("exp(-x)*(1 + x)", ">"), ("log(1 + x)", ">="), ("gamma(x + 1)", ">"), ("atan(x)", ">="),
    ("x^2 - 2*x + 1", ">="), ("besselk(a, x + 1)", ">"), ("1 - a", ">="),
])
def test_signs_on_regions_are_proved(source, relation):
    from fractions import Fraction as F

    from symrep.certificates.domains import Span, prove_sign

    region = {"x": Span(F(0), None), "a": Span(F(0), F(1), lo_closed=False)}
    assert prove_sign(r(source), region, relation, "test")


@pytest.mark.parametrize("source, relation", [
    ("x - 1", ">"), ("x^2 - 2*x + 1", ">"), ("sin(x)", ">="), ("log(x)", ">="), ("sin(1)^2 + cos(1)^2 - 1", "!="),
    ("a - 1/2", ">"), ("1/(x - 1)", ">"),
])
def test_false_or_unprovable_signs_are_refused(source, relation):
    from fractions import Fraction as F

    from symrep.certificates.domains import Span, prove_sign

    region = {"x": Span(F(0), F(3)), "a": Span(F(0), F(1), lo_closed=False)}
    with pytest.raises(CheckError):
        prove_sign(r(source), region, relation, "test")


def test_derivatives_agree_with_numerical_differentiation_on_random_terms():
    from symrep.certificates.derivatives import derivative

    mpmath.mp.dps = 40
    rng = random.Random(7)
    checked = 0
    for _ in range(150):
        term = r(_random_term(rng, 3))
        try:
            slope = derivative(term, "x")
        except CheckError:
            continue
        x0 = mpmath.mpf(rng.uniform(0.1, 3))
        point = lambda x: {"x": x, "a": mpmath.mpf("0.7")}
        if _value(term, point(x0)) is None:
            continue
        numeric = mpmath.diff(lambda x: _value(term, point(x)) if _value(term, point(x)) is not None else mpmath.nan, x0)
        exact = _value(slope, point(x0))
        if exact is None or not mpmath.isfinite(numeric):
            continue
        checked += 1
        assert abs(exact - numeric) <= mpmath.mpf(10) ** -15 * (1 + abs(numeric))
    assert checked > 50


LIMITS = [("sin(x)/x", "1"), ("(1 - cos(x))/x^2", "1/2"), ("atan(sqrt(x))/sqrt(x)", "1"), ("(1 + x)^(1/x)", "E"),
          ("erf(sqrt(x))/sqrt(x)", "2/sqrt(pi)"), ("(1 - exp(-x))/x", "1"), ("log(1 + x)/x", "1"),
          ("(exp(-x) - exp(-2*x))/x", "1"), ("(sqrt(1 + x) - 1)/x", "1/2"), ("sqrt(x)*besselk(1/2, x)", "sqrt(pi/2)"),
          ("x/sinh(x)", "1"), ("(1 - cos(x))/x", "0"), ("gamma(1 + x)", "1"), ("(x + sin(x)^2)/x", "1")]


@pytest.mark.parametrize("source, value", LIMITS)
def test_limits_at_0_by_taylor_models(source, value):
    from symrep.certificates.series import limit_at_0

    assert proved_equal(limit_at_0(r(source)), r(value), LINE)


@pytest.mark.parametrize("source, message", [("1/x", "no finite limit"), ("x*log(x)", "does not expand"),
                                             ("x*atan(1/x)", "unbounded at 0"), ("sin(x)/x + log(x - 1/16)", "does not expand")])
def test_limits_the_kernel_cannot_prove_are_refused(source, message):
    from symrep.certificates.series import limit_at_0

    with pytest.raises(CheckError, match=message):
        limit_at_0(r(source))


def test_every_limit_the_series_prove_agrees_with_40_digit_evaluation():
    """Random quotients (g(x) - g(0))/x^k and the like: every limit the kernel proves is checked against the
    function's value at x = 10^-15 in 120-digit arithmetic (the functions are smooth: they differ from their
    limits by O(sqrt x) at worst)."""
    from symrep.certificates.series import limit_at_0

    rng = random.Random(11)
    mpmath.mp.dps = 120
    proved = 0
    for _ in range(120):
        inner = _random_term(rng, 2).replace("a", "2")
        candidates = [f"(({inner}) - ({inner.replace('x', '0')}))/x", f"({inner})*x/sin(x)",
                      f"(exp(x) - 1)/x + ({inner})", f"({inner})*(1 - cos(x))/x^2"]
        source = rng.choice(candidates)
        try:
            term = r(source)
            value = limit_at_0(term)
        except CheckError:
            continue
        point = {"x": mpmath.mpf(10) ** -15, "a": mpmath.mpf(2)}
        near, exact = _value(term, point), _value(value, point)
        if near is None or exact is None:
            continue
        proved += 1
        assert abs(near - exact) <= mpmath.mpf(10) ** -6 * (1 + abs(exact)), (source, near, exact)  # sqrt(x) = 3e-8
    assert proved > 20


@pytest.mark.parametrize("source, value", [("x*log(x)", "0"), ("x^x", "1"), ("x*atan(1/x)", "0"), ("x*sin(1/x)", "0"),
                                           ("exp(x*log(x)^2)", "1"), ("sqrt(x)*log(x)", "0"), ("(1 + x)^(1/x)", "E")])
def test_limits_by_orders_of_growth_where_no_series_exists(source, value):
    from symrep.certificates.rules.growth import right_limit

    assert proved_equal(right_limit(r(source)), r(value), LINE)


@pytest.mark.parametrize("source", ["1/x", "log(x)", "sin(1/x)", "(-x)^(1/2)", "atan(1/x)/x"])
def test_no_limit_is_read_where_the_growth_does_not_show_one(source):
    from symrep.certificates.rules.growth import right_limit

    with pytest.raises(CheckError):
        right_limit(r(source))


def test_a_root_of_a_quotient_splits_only_where_the_log_is_proved_nonnegative():
    """(log(1+x)/x)^(1/2) = log(1+x)^(1/2)/x^(1/2) on x > 0 (log(1 + x) >= 0 by its shape); not for log(x),
    log(1 - x) or log(1/2 + x), which are negative somewhere on (0, oo)."""
    from symrep.certificates.grammar import read
    from symrep.certificates.normal_form import Domain, proved_equal

    d = Domain(positive=("x",))
    split = lambda u: proved_equal(read(f"({u}/x)^(1/2)", "f"), read(f"{u}^(1/2)/x^(1/2)", "f"), d)  # noqa: E731
    assert split("log(1+x)") and split("log(1+2*x+x^2)")
    assert not any(split(u) for u in ("log(x)", "log(1-x)", "log(1/2+x)", "log(1+x-x^2)"))


@pytest.mark.parametrize("a, b, equal", [
    ("cosh(2*asinh(x))", "1 + 2*x^2", True),            # exp(n asinh v) = (v + sqrt(v^2 + 1))^n, DLMF 4.37.16
    ("sinh(3*asinh(x))", "3*x + 4*x^3", True),
    ("cosh(3*asinh(x))", "sqrt(1 + x^2)*(4*x^2 + 1)", True),
    ("tanh(asinh(x))", "x/sqrt(1 + x^2)", True),
    ("cosh(2*asinh(x))", "2 + 2*x^2", False),
    ("sqrt(x^4 + 2*x^2 + 1)", "x^2 + 1", True),          # x^2 + 1 > 0 on R by its form: even powers
    ("sqrt((x - 1)^2)", "x - 1", False),
    ("sqrt(x^2)", "x", False),
    ("sqrt(x^4 - 2*x^2 + 1)", "x^2 - 1", False),
])
def test_normal_form_on_the_line_reads_asinh_exponentials_and_even_powers(a, b, equal):
    from symrep.certificates.fuel import tank
    from symrep.certificates.normal_form import Domain, proved_equal

    with tank():
        assert proved_equal(read(a, "a"), read(b, "b"), Domain()) is equal
    import sympy

    from symrep.geometry.expressions import parse_expression

    x = sympy.Symbol("x", real=True)
    value = lambda s, x0: sympy.lambdify(x, parse_expression(s), "mpmath")(mpmath.mpf(x0))
    for x0 in (-3, -1, 0.5, 2):  # a slow reference for the true ones: mpmath at 40 digits
        if equal:
            with mpmath.workdps(40):
                assert abs(value(a, x0) - value(b, x0)) < mpmath.mpf(10) ** -30
