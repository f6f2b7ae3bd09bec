"""The checker's facts about parameters: regions read and written back, signs proved for every
parameter value of a region, and claims that are false at a single point refused."""

import random

import pytest
import sympy

from symrep.certificates.parametric import prove
from symrep.certificates.regions import Interval, read_region, region_text, sample_point
from symrep.certificates.reading import CheckError

a, b = sympy.symbols("a b", real=True)
ONE = {"a": a}
TWO = {"a": a, "b": b}
R = sympy.Rational


def _proves(expr, relation, region, parameters=ONE):
    try:
        return prove(expr, relation, read_region(region, parameters), "test")
    except CheckError:
        return False


@pytest.mark.parametrize("text, canonical", [
    ("0 < a <= 1", "(0 < a) & (a <= 1)"), ("(0 < a) & (a <= 1)", "(0 < a) & (a <= 1)"), ("a > 1", "(1 < a)"),
    ("-3/2 <= a & a < 2.5", "(-3/2 <= a) & (a < 5/2)"), ("1 >= a and a >= -1", "(-1 <= a) & (a <= 1)"),
    ("a < 3 & a < 2 & a <= 2", "(a < 2)"), ("1 <= a <= 1", "(1 <= a) & (a <= 1)"),
])
def test_regions_read_and_written_back(text, canonical):
    box = read_region(text, ONE)
    assert region_text(box) == canonical
    assert region_text(read_region(canonical, ONE)) == canonical


@pytest.mark.parametrize("text, message", [
    ("a > 1 & a < 0", "empty"), ("1 < a < 1", "empty"), ("a > b", "one parameter and one number"),
    ("a + 1 > 0", "one parameter and one number"), ("a != 1", "only < <= > >= ="), ("0 < c", "not a parameter"),
    ("a > 1 | a < 0", "rational number"), ("__import__('os').system('true')", "conjunction"), ("a > 1e400", "too large"), ("a > 1e-999", "beyond 400"),
    ("a > 1/0", "division by 0"), ("a >", "not readable"),
])
def test_bad_regions_are_refused_with_a_reason(text, message):
    with pytest.raises(CheckError, match=message):
        read_region(text, ONE)


@pytest.mark.parametrize("expr, relation, region, expected", [
    (1 - a, ">=", "0 < a <= 1", True), (a, ">", "0 < a <= 1", True), (a, ">", "0 <= a <= 1", False),
    (a * (a - 1), ">", "a > 1", True), (a * (a - 1), ">", "a >= 1", False), (a * (a - 1), ">=", "a >= 1", True),
    ((a - R(1, 2))**2, ">=", "0 < a < 1", True), ((a - R(1, 2))**2, ">", "0 < a < 1", False),
    ((a - R(1, 2))**2, ">", "1/2 < a < 1", True), (a**3 - 2, ">", "a > 2", True), (a**3 - 2, ">", "a > 1", False),
    (a**2 - 2, ">", "a >= 1.4143", True), (a**2 - 2, ">", "a >= 1.4142", False),  # sqrt 2 = 1.41421...
    (-(a - 1)**3, ">=", "a <= 1", True), (-(a - 1)**3, ">", "a <= 1", False), (-(a - 1)**3, ">", "a < 1", True),
    (sympy.exp(-a) * a, ">", "a > 0", True), (sympy.exp(-a) - R(1, 3), ">", "0 <= a <= 1", True),
    (sympy.exp(-a) - R(1, 3), ">", "0 <= a <= 2", False), (a * b, ">", "0 < a < 1 & 1 < b < 2", True),
    (a - b, "<", "0 < a < 1 & 3/2 < b < 2", True), (a - b, "<", "0 < a < 1 & 1/2 < b < 2", False),
    (a - b, "<", "0 < a < 1 & 1 < b < 2", False),  # true, but only the closure is tried with two parameters
    (2**a - 1, ">", "1/2 <= a <= 3", True), (sympy.Integer(5), ">", "a > 0", True), (a, "<", "a < 0", True),
    (sympy.sin(a) + 2, ">", "0 <= a <= 10", True), (sympy.sin(a), ">", "0 < a < 4", False),
    (1 / a, ">", "a >= 0", False), (a**-2, ">", "-1 <= a <= 1", False),
])
def test_signs_proved_for_every_point_and_false_claims_refused(expr, relation, region, expected):
    parameters = TWO if "b" in region else ONE
    assert _proves(expr, relation, region, parameters) is expected


def test_a_parameter_outside_the_region_is_refused():
    with pytest.raises(CheckError, match="not a parameter"):
        prove(a + b, ">", read_region("a > 0", ONE), "test")


def test_random_polynomials_never_proved_where_sampling_refutes():
    """Soundness sweep: whenever a polynomial claim is proved, exact sampling finds no counterexample."""
    rng = random.Random(7)
    proved = 0
    for _ in range(300):
        roots = [R(rng.randint(-6, 6), rng.randint(1, 3)) for _ in range(rng.randint(1, 3))]
        poly = rng.choice([1, -1]) * sympy.Mul(*[(a - r) ** rng.randint(1, 2) for r in roots])
        lo, hi = sorted(R(rng.randint(-8, 8), 2) for _ in range(2))
        lo_op, hi_op = rng.choice(["<", "<="]), rng.choice(["<", "<="])
        region = f"{lo} {lo_op} a {hi_op} {hi}" if lo < hi else f"{lo} <= a <= {lo}"
        relation = rng.choice([">", ">="])
        if not _proves(poly, relation, region):
            continue
        proved += 1
        box = read_region(region, ONE)[a]
        points = [box.lo + (box.hi - box.lo) * R(k, 200) for k in range(201)]
        points = [p for p in points if (p > box.lo or box.lo_closed) and (p < box.hi or box.hi_closed)]
        for p in points + [sample_point(box)]:
            value = poly.subs(a, p)
            assert value > 0 or (relation == ">=" and value == 0), (poly, relation, region, p)
    assert proved > 50


def test_interval_helpers():
    assert Interval(R(1), R(1), True, True).is_empty() is False
    assert Interval(R(1), R(1), True, False).is_empty() is True
    assert sample_point(Interval(R(1), sympy.oo)) == 2 and sample_point(Interval()) == 0


def test_decimals_are_read_as_written_not_as_floats():
    # a float would round both to 1 and to 0: the region and the function must mean what they say
    box = read_region("a > 1.00000000000000001", ONE)
    assert box[a].lo == R(100000000000000001, 10**17)
    assert region_text(read_region("a < 1e-400", ONE)) == f"(a < {R(1, 10**400)})"
    from symrep.certificates.reading import parse
    assert parse("x**1.00000000000000001", "f") != parse("x", "f")


@pytest.mark.parametrize("text, expected", [
    ("a = 1.5", "(3/2 <= a) & (a <= 3/2)"), ("a == 2.5", "(5/2 <= a) & (a <= 5/2)"),
    ("1.5 = a", "(3/2 <= a) & (a <= 3/2)"), ("a = -1.5", "(-3/2 <= a) & (a <= -3/2)"),
    ("0.25 < a <= 1.5 & a = 1.25", "(5/4 <= a) & (a <= 5/4)"), ("-a < -0.5", "(1/2 < a)"),
])
def test_decimals_in_regions_are_read_as_written(text, expected):
    """Attack round 8: with "=" rewritten to "==" before parsing, decimals were read from shifted positions
    ("nu = 1.5" became nu = 1/2, so a certificate was checked on another region than it stated)."""
    a = sympy.Symbol("a", real=True)
    assert region_text(read_region(text, {"a": a})) == expected
