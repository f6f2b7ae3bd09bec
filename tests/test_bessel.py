"""The Bessel facts the checker uses for the Matern family (DLMF chapter 10), against mpmath, and the
family itself: classified, both regions certified, and forgeries refused."""

import mpmath
import pytest
import sympy

from symrep.analysis.classification import classify
from symrep.certificates import CheckError, check
from symrep.certificates.bessel import bessel_normal_form
from symrep.certificates.limits import limit, vanishes_at_0
from symrep.certificates.reading import XP
from symrep.certificates.regions import read_region, region_scope

NU = sympy.Symbol("nu", real=True)
MATERN = "2^(1 - nu)/gamma(nu)*(sqrt(2*nu)*x)^nu*besselk(nu, sqrt(2*nu)*x)"
MATERN_EXPR = 2 ** (1 - NU) / sympy.gamma(NU) * (sympy.sqrt(2 * NU) * XP) ** NU * sympy.besselk(NU, sympy.sqrt(2 * NU) * XP)


def _value(e, nu, x):
    return complex(sympy.N(e.subs({NU: nu, XP: x}), 30))


@pytest.mark.parametrize("expr", [
    sympy.diff(MATERN_EXPR, XP), sympy.diff(MATERN_EXPR, XP, 2),
    sympy.besselk(NU + 3, XP) - 2 * sympy.besselk(NU - 1, XP) / XP,
    XP * sympy.besselk(NU + 2, 3 * XP) + sympy.besselk(-NU, 3 * XP),
])
def test_the_normal_form_is_an_identity(expr):
    """Written through two orders by the recurrence, the value is unchanged (mpmath, 30 digits)."""
    normal = bessel_normal_form(expr)
    for nu, x in ((sympy.Rational(1, 3), sympy.Rational(1, 2)), (sympy.Rational(7, 4), 2), (sympy.Rational(5, 2), 3)):
        assert abs(_value(normal, nu, x) - _value(expr, nu, x)) < 1e-20 * max(1, abs(_value(expr, nu, x)))


def test_the_derivative_of_the_matern_kernel_is_one_bessel_term():
    normal = bessel_normal_form(-sympy.diff(MATERN_EXPR, XP))
    assert len(normal.atoms(sympy.besselk)) == 1 and sympy.besselk(NU - 1, sympy.sqrt(2 * NU) * XP) in normal.atoms(sympy.besselk)


@pytest.mark.parametrize("region, a, b, expected", [
    ("0 < nu <= 1/2", NU, NU, "finite"),        # x^nu K_nu: 2^(nu-1) Gamma(nu)
    ("nu > 1/2", NU, NU - 1, 0),               # x^nu K_(nu-1): the Matern derivative
    ("nu > 1", NU - sympy.Rational(1, 2), NU - 1, 0),
])
def test_limits_at_0_match_the_small_argument_behaviour(region, a, b, expected):
    with region_scope(read_region(region, {"nu": NU})):
        expr = XP ** a * sympy.besselk(b, 2 * XP)
        if expected == 0:
            vanishes_at_0(expr, XP, "test")
        else:
            value = limit(expr, XP, 0, "+", "test")
            for nu in (sympy.Rational(1, 5), sympy.Rational(1, 2)):
                near = mpmath.mpf(10) ** -30
                numeric = mpmath.power(near, nu) * mpmath.besselk(nu, 2 * near)
                assert abs(complex(sympy.N(value.subs(NU, nu), 30)) - complex(numeric)) < 1e-8


@pytest.mark.parametrize("region, a, b", [
    ("nu > 0", NU, NU - 1),                      # tends to 0 only for nu > 1/2
    ("nu > 1/2", NU - 1, NU),                    # x^(nu-1) K_nu is unbounded
    ("0 < nu < 1", NU, -NU + sympy.Rational(3, 2)),
])
def test_limits_that_do_not_hold_on_the_whole_region_are_refused(region, a, b):
    with region_scope(read_region(region, {"nu": NU})), pytest.raises(CheckError):
        vanishes_at_0(XP ** a * sympy.besselk(b, XP), XP, "test")


def test_the_matern_family_is_classified_with_both_regions_certified():
    result = classify(MATERN, "pd-l1", assume="nu > 0")
    assert [(r.region, r.verdict) for r in result.regions] == [("(0 < nu) & (nu <= 1/2)", "holds"),
                                                              ("(1/2 < nu)", "fails")]
    for r in result.regions:
        assert check(r.certificate)[2] == r.verdict
    holds = result.regions[0].certificate
    assert holds["extension"] == {"point": "0", "value": "1"}
    wider = dict(holds, assume="(0 < nu) & (nu <= 1)")
    with pytest.raises(CheckError, match="1/2 - nu >= 0"):
        check(wider)


def test_an_integer_power_of_a_complex_base_is_not_taken_for_real():
    """Attack round 7: (1 + I)^2 = 2 I, so exp(pi (1 + I)^2 / 2) = -1; the structural sign rule took the
    power for real and proved the exponential positive. The reader now refuses I as well; this tests
    the sign rule on its own."""
    from symrep.certificates.parametric import prove

    box = read_region("0 < nu <= 1/2", {"nu": NU})
    disguised = sympy.exp(sympy.pi * (1 + sympy.I) ** 2 / 2, evaluate=False)
    for value in (disguised, NU * disguised, sympy.besselk(NU * (1 + sympy.I) ** 2, 1)):
        with pytest.raises(CheckError):
            prove(value, ">", box, "test")
