"""Functions with their known status under each claim (docs/theory.md sections 4-5, and the literature).

Columns: CM = completely monotone in the paper's sense (= pd-l1), S2 = t -> f(sqrt t) CM (= pd-l2,
Schoenberg), BF = Bernstein in the paper's sense (= l1-to-l1 = l1-to-l2sq), E2 = t -> f(sqrt t)^2
Bernstein with f >= 0 (= l2-to-l2, Schoenberg), P = polynomial (= low-rank). None: not settled here,
so not counted (and any verdict is accepted).

Every Bernstein f with f(0) = 0 is an l2-to-l2 transform: g(t) = f(sqrt t)^2 has g' = [f(s)/s] f'(s) at s = sqrt t,
where f(s)/s is CM (Levy-Khintchine: (1 - e^(-ts))/s = int_0^t e^(-us) du) and f' is CM, and CM o sqrt is CM; so the
Bernstein rows have E2 = True. tanh and atan have E2 = True too: tanh(s)/s (a Mittag-Leffler series, DLMF 4.36.5)
and sech(s)^2 (a Weierstrass product, DLMF 4.36.2), atan(s)/s = int_0^1 du/(1 + s^2 u^2) and 1/(1 + s^2), are CM
in t = s^2.
"""

# function: (CM, S2, BF, E2, P)
CATALOGUE = {
    "exp(-x)": (True, True, False, False, False),                  # Laplace
    "exp(-2*x)": (True, True, False, False, False),
    "exp(-x^2)": (False, True, False, False, False),               # Gaussian
    "exp(-x^(1/2))": (True, True, False, False, False),            # stable, s = 1/2
    "exp(-x^(3/2))": (False, True, False, False, False),           # PD in l2 but not in l1
    "exp(-x^3)": (False, False, False, False, False),              # e^(-|x|^s), s > 2: not PD in l2
    "1/(1+x)": (True, True, False, False, False),
    "(1+x)^(-1/2)": (True, True, False, False, False),
    "(1+x)^(-2)": (True, True, False, False, False),
    "(1+x)^(-3)": (True, True, False, False, False),
    "1/(1+x^2)": (False, True, False, False, False),               # Cauchy / rational quadratic
    "(1+x^2)^(-1/2)": (False, True, False, False, False),          # inverse multiquadric
    "(1+x^2)^(-2)": (False, True, False, False, False),
    "sqrt(1+x^2)": (False, False, False, False, False),            # multiquadric
    "sqrt(1+x^2) - 1": (False, False, False, False, False),
    "(1+sqrt(3)*x)*exp(-sqrt(3)*x)": (False, True, False, False, False),          # Matern 3/2
    "(1+sqrt(5)*x+5*x^2/3)*exp(-sqrt(5)*x)": (False, True, False, False, False),  # Matern 5/2
    "exp(-x) + 1/(1+x)": (True, True, False, False, False),
    "exp(-x)/(1+x)": (True, True, False, False, False),
    "exp(exp(-x))": (True, True, False, False, False),
    "3": (True, True, False, False, True),
    "0": (True, True, True, True, True),
    "x": (False, False, True, True, True),
    "2*x": (False, False, True, True, True),
    "x^(1/2)": (False, False, True, True, False),
    "x^(1/3)": (False, False, True, True, False),
    "x^(3/2)": (False, False, False, False, False),
    "x^2": (False, False, False, False, True),
    "x + x^2": (False, False, False, False, True),
    "x^2 - x": (False, False, False, False, True),
    "1 + 2*x + x^3": (False, False, False, False, True),
    "5 - x": (False, False, False, False, True),
    "log(1+x)": (False, False, True, True, False),
    "1 - exp(-x)": (False, False, True, True, False),
    "x/(1+x)": (False, False, True, True, False),
    "sqrt(1+x) - 1": (False, False, True, True, False),
    "1 - (1+x)^(-2)": (False, False, True, True, False),           # Bernstein through its derivative
    "exp(-x^(1/3))": (True, True, False, False, False),
    "cos(x)": (False, False, False, False, False),
    "sin(x)": (False, False, False, False, False),
    "exp(-x)*cos(x)": (False, False, False, False, False),
    "tanh(x)": (False, False, False, True, False),
    "atan(x)": (False, False, False, True, False),
    "x*exp(-x)": (False, False, False, False, False),
    "exp(-x) - exp(-2*x)": (False, False, False, False, False),    # a difference of CM functions
    "1 + x": (False, False, False, False, True),
    "x^2*exp(-x)": (False, False, False, False, False),
    "2 - exp(-x)": (False, False, False, False, False),
}

COLUMNS = {"pd-l1": 0, "completely-monotone": 0, "pd-l2": 1, "l1-to-l1": 2, "l1-to-l2sq": 2, "bernstein": 2,
           "l2-to-l2": 3, "polynomial": 4, "low-rank": 4}


def truth(function, claim):
    return CATALOGUE[function][COLUMNS[claim]]


def refused_rightly(function, claim):
    """``low-rank`` concerns f on R: certify refuses f that is not real (or undefined) somewhere on
    the negative axis. Decided here independently, by evaluating f at a few negative points."""
    import sympy

    if claim != "low-rank":
        return False
    x = sympy.Symbol("x", real=True)
    f = sympy.sympify(function.replace("^", "**"), locals={"x": x})
    for x0 in (sympy.Rational(-1, 3), -1, sympy.Rational(-7, 2), -10):
        value = sympy.N(f.subs(x, x0), 20)
        if value.has(sympy.zoo, sympy.nan, sympy.oo, -sympy.oo) or abs(sympy.im(value)) > 1e-12:
            return True
    return False


def certify_or_refusal(function, claim, **options):
    """``certify``, or None where it refuses the function for this claim rightly (else the error)."""
    from symrep.errors import InputError
    from symrep.analysis.verdicts import certify

    try:
        return certify(function, claim, **options)
    except InputError:
        if refused_rightly(function, claim):
            return None
        raise
