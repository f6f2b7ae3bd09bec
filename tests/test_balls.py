"""Rigorous signs by ball arithmetic: known signs, exact zeros stay undecided, containment."""

import time

import pytest
import sympy
from hypothesis import given, settings
from hypothesis import strategies as st

from symrep import InputError, spectrum
from symrep.analysis.balls import enclose, prove_sign

pi, E, sqrt, exp, log = sympy.pi, sympy.E, sympy.sqrt, sympy.exp, sympy.log


@pytest.mark.parametrize("expr, sign", [
    (pi - sympy.Rational(355, 113), -1),
    (exp(pi * sqrt(163)) - 640320**3 - 744, -1),   # needs more than double precision
    (E**pi - pi**E, 1),
    (log(2) - sympy.Rational(693147, 10**6), 1),
    (sympy.besselk(1, 1) - sympy.Rational(3, 5), 1),
    (sympy.gamma(sympy.Rational(1, 3)) - sympy.Rational(2678938534707747, 10**15), 1),
    (sympy.Rational(1, 10**40), 1),
    (-sympy.Rational(1, 10**40) + sympy.Rational(1, 10**41), -1),
    (sympy.atan(1) * 4 - pi + sympy.Rational(1, 10**60), 1),
])
def test_known_signs(expr, sign):
    proof = prove_sign(expr)
    assert proof is not None and proof.sign == sign


@pytest.mark.parametrize("expr", [
    sqrt(2) + sqrt(3) - sqrt(5 + 2 * sqrt(6)),
    sympy.besselk(sympy.Rational(1, 2), 2) - sqrt(pi / 4) * exp(-2),
    sympy.sin(pi / 6) - sympy.Rational(1, 2) + sympy.Integer(0) * pi,
    log(8) - 3 * log(2),
])
def test_zero_is_never_given_a_sign(expr):
    assert prove_sign(expr, max_precision=1024) is None


def test_structural_zero_and_unsupported_are_undecided():
    assert prove_sign(sympy.Integer(0)) is None
    assert prove_sign(sympy.I + 2) is None
    assert prove_sign(sympy.zeta(3) - 1) is None  # a function this module does not evaluate


def test_free_symbols_are_refused():
    with pytest.raises(InputError):
        prove_sign(sympy.Symbol("a") - 1)
    with pytest.raises(InputError):
        prove_sign(sympy.Function("f")(1))


def test_deadline_is_honoured():
    start = time.monotonic()
    assert prove_sign(sqrt(2) + sqrt(3) - sqrt(5 + 2 * sqrt(6)), deadline=start - 1) is None
    assert time.monotonic() - start < 1


def test_box_eigenvalues_get_proved_signs():
    gaussian = spectrum([1, 1, 1], "exp(-x^2)").eigenspace("s=(3)").value
    assert prove_sign(gaussian).sign == -1
    for sides in ([1, 1, 2], [sympy.Rational(1, 3), 2, 5]):
        for e in spectrum(sides, "exp(-x)"):
            assert prove_sign(e.value).sign == 1


atoms = st.sampled_from([pi, E, sqrt(2), sympy.Rational(3, 7), log(3), exp(sympy.Rational(-1, 2)), sympy.atan(2),
                         sympy.erf(sympy.Rational(1, 3)), sympy.cos(1), sympy.gamma(sympy.Rational(5, 2))])


@settings(max_examples=60, deadline=None)
@given(a=atoms, b=atoms, c=atoms, op=st.sampled_from(["+", "*", "**", "-"]))
def test_enclosures_contain_the_true_value(a, b, c, op):
    expr = {"+": a + b - c, "*": a * b - c, "**": a ** b - c, "-": a - b * c}[op]
    truth = sympy.N(expr, 70)  # a 70-digit reference, far tighter than the 128-bit (38-digit) ball
    ball = enclose(expr, 128)
    mid, rad, exponent = ball.mid_rad_10exp()
    scale = sympy.Integer(10) ** exponent
    assert abs(sympy.Integer(mid) * scale - truth) <= sympy.Integer(rad) * scale + sympy.Rational(1, 10**60)
    proof = prove_sign(expr)
    if proof is not None:
        assert proof.sign == (1 if truth > 0 else -1)
