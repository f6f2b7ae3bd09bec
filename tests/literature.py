"""A literature catalogue of (function, claim) cases, independent of ``tests/catalogue.py`` (issue 24, item 6).

Each case is a :class:`Case`: the function in symrep's grammar, the claim, the truth (True/False), the
evidence, and for every False case a concrete **witness** that :func:`verify_case` re-checks with
mpmath at 50 digits, without symrep (the function text is evaluated by a small translator of its own).
True cases carry the representation or theorem that proves them; polynomial identities are re-checked
numerically too.

The claims and what decides them (Alman et al., NeurIPS 2024; Schoenberg 1938):

* ``pd-l1``, ``completely-monotone``: f completely monotone (CM) on (0, oo) with f(0) >= f(0+);
* ``pd-l2``: t -> f(sqrt t) CM (Schoenberg);
* ``l1-to-l1``, ``l1-to-l2sq``, ``bernstein``: f Bernstein (f(0) = 0, f >= 0, f' CM on (0, oo));
* ``l2-to-l2``: f >= 0 and t -> f(sqrt t)^2 Bernstein;
* ``polynomial``, ``low-rank``: f a polynomial on R.

References: [SSV] Schilling, Song, Vondracek, *Bernstein Functions*, 2nd ed. (2012): Thm 1.4 (Bernstein's
theorem: CM = Laplace transforms of measures), Cor. 1.6 (CM closed under products, pointwise limits),
Thm 3.7 and Cor. 3.8 (CM o Bernstein is CM; Bernstein o Bernstein is Bernstein), Ch. 2 (Stieltjes
functions a/x + b + int sigma(dt)/(x+t), CM), Thm 6.2 (f/x Stieltjes <=> f complete Bernstein (CBF)),
Prop. 7.1 (f CBF <=> x/f CBF), Ch. 16 (tables). Chapter and theorem numbers are those of the 2nd edition as
we read them; the representation written beside each case is the proof.
[W] Widder, *The Laplace Transform* (1941). [RW] Rasmussen & Williams, *Gaussian Processes for Machine
Learning* (2006) ch. 4. [GS] Gneiting & Schlather (2004) (generalized Cauchy). [Wen] Wendland,
*Scattered Data Approximation* (2005) ch. 9. [Sch] Schoenberg, Metric spaces and completely monotone
functions (1938). Witness kinds (what a False case's witness shows):

* ``derivative`` (transform, k, x0): (-1)^k g^(k)(x0) < 0 where g = f ("cm"), g(t) = f(sqrt t) ("s2"),
  g = f' ("bf") or g = d/dt f(sqrt t)^2 ("e2"); g is then not CM, so the claim fails;
* ``zero`` (transform, x0, x1): 0 < x0 < x1, g(x0) > 0 and g(x1) = 0: a CM function with a zero in
  (0, oo) vanishes on (0, oo) (the Laplace transform of a nonzero measure has no zero, [SSV Thm 1.4]), so g is not CM;
* ``value0``: f(0) != 0, so f is not Bernstein (and f(sqrt t)^2 is not Bernstein);
* ``negative`` (x0): f(x0) < 0 where the claim needs f >= 0 (Bernstein, l2-to-l2, CM);
* ``box`` (metric, sides): the matrix [f(|u - v|)] over the vertices of a box with these sides, in the l1
  or l2 distance, has a negative eigenvalue (a direct counterexample to positive definiteness);
* ``nonreal`` (x0): f(x0) is not a finite real number at a real x0, so f is not a polynomial on R;
* ``bounded`` (a, b): f is bounded on R (stated in the evidence) and f(a) != f(b): a bounded polynomial
  on R is constant;
* ``kink`` (x0): the one-sided derivatives of f at x0 differ, so f is not a polynomial.

True ``polynomial``/``low-rank`` cases carry an ``identity`` (poly): f equals the polynomial, checked
at a few points.
"""

import re
from dataclasses import dataclass, field

import mpmath

DPS = 50


@dataclass(frozen=True)
class Case:
    function: str
    claim: str
    truth: bool
    evidence: str
    witness: dict = field(default=None, hash=False, compare=False)


CASES = []


def _add(function, claims, truth, evidence, witness=None):
    for claim in claims.split():
        CASES.append(Case(function, claim, truth, evidence, witness))


def D(transform, k, x0):
    return {"kind": "derivative", "transform": transform, "k": k, "x0": x0}


def Z(transform, x0, x1):
    return {"kind": "zero", "transform": transform, "x0": x0, "x1": x1}


V0 = {"kind": "value0"}

PD1 = "pd-l1 completely-monotone"
BF = "l1-to-l1 l1-to-l2sq bernstein"

# ---------------------------------------------------------------------------------------------------
# 1. Completely monotone functions (Laplace transforms of positive measures, [SSV] Thm 1.4, [W] ch. IV)
#    A CM f is also pd-l2 (f(sqrt t) = CM o Bernstein, [SSV] Thm 3.7), is not Bernstein unless f = 0
#    (f(0) != 0), and f(sqrt t)^2 is not Bernstein (value at 0 != 0).
# ---------------------------------------------------------------------------------------------------
CM_FUNCTIONS = [
    ("exp(-3*x)", "Laplace transform of the point mass at 3 [SSV Thm 1.4]"),
    ("2^(-x)", "= exp(-x log 2), Laplace transform of the point mass at log 2 [SSV Thm 1.4]"),
    ("1/(2+x)", "= int_0^oo e^(-tx) e^(-2t) dt (Laplace transform of e^(-2t) dt) [SSV Table 16.1]"),
    ("(1+x)^(-5/2)", "(1+x)^(-s) = int_0^oo e^(-tx) t^(s-1) e^(-t)/Gamma(s) dt, s > 0 [SSV Ex. 1.5 / Table 16.1]"),
    ("(1+x)^(-1/3)", "(1+x)^(-s) = int_0^oo e^(-tx) t^(s-1) e^(-t)/Gamma(s) dt, s > 0 [SSV Table 16.1]"),
    ("1/((1+x)*(2+x))", "= 1/(1+x) - 1/(2+x) = int_0^oo e^(-tx) (e^(-t) - e^(-2t)) dt, density >= 0 [SSV Thm 1.4]"),
    ("log((2+x)/(1+x))", "= int_1^2 dt/(x+t): a Stieltjes function, hence CM [SSV Ch. 2, Def. 2.1]"),
    ("log((3+x)/(1+x))", "= int_1^3 dt/(x+t): a Stieltjes function, hence CM [SSV Ch. 2]"),
    ("(exp(-x)-exp(-3*x))/x", "= int_1^3 e^(-tx) dt, Laplace transform of Lebesgue measure on [1,3] [SSV Thm 1.4]"),
    ("(1-exp(-2*x))/x", "= int_0^2 e^(-tx) dt, f(0) = 2 = f(0+) [SSV Thm 1.4]"),
    ("exp(-x)/(1+x)^2", "product of CM functions is CM [SSV Cor. 1.6]"),
    ("exp(-x)*(1+x)^(-1/2)", "product of CM functions is CM [SSV Cor. 1.6]"),
    ("exp(1/(1+x))", "exp o (CM) is CM: exp(g) = sum g^n/n!, products and sums of CM [SSV Cor. 1.6]"),
    ("1/(1+sqrt(x))", "CM o Bernstein: 1/(1+y) CM, sqrt(x) Bernstein [SSV Thm 3.7]; also a Stieltjes function"),
    ("(1+sqrt(x))^(-2)", "CM o Bernstein: (1+y)^(-2) CM, sqrt(x) Bernstein [SSV Thm 3.7]"),
    ("(1+x^(1/2))^(-3)", "generalized Cauchy (1+x^a)^(-b/a), a = 1/2 <= 1, b = 3/2: CM o Bernstein [GS 2004; SSV Thm 3.7]"),
    ("exp(-sqrt(1+x))", "exp(-y) CM and sqrt(1+x) Bernstein (f(0) >= 0 allowed) [SSV Thm 3.7]"),
    ("exp(-x^(1/4))", "stable: exp(-x^a), 0 < a <= 1, CM o Bernstein [SSV Thm 3.7, Ex. 1.5]"),
    ("exp(-x-sqrt(x))", "x + sqrt(x) Bernstein, exp(-y) CM [SSV Thm 3.7]"),
    ("exp(exp(-x)-1)", "exp(-(1 - e^(-x))): 1 - e^(-x) Bernstein (Poisson subordinator) [SSV Thm 3.7]"),
    ("exp(-x/(1+x))", "x/(1+x) Bernstein [SSV Table 16.2], exp(-y) CM [SSV Thm 3.7]"),
    ("(1+x)/(1+2*x)", "= 1/(1 + x/(1+x)): CM o Bernstein [SSV Thm 3.7]"),
    ("1/(1+log(1+x))", "1/(1+y) CM, log(1+x) Bernstein [SSV Thm 3.7]"),
    ("exp(-sqrt(log(1+x)))", "sqrt o log(1+x) is Bernstein (Bernstein o Bernstein), exp(-y) CM [SSV Thm 3.7]"),
    ("gamma(x+1/2)/gamma(x+1)", "Beta integral: Gamma(x+a)/Gamma(x+b) = int_0^oo e^(-(x+a)t)(1-e^(-t))^(b-a-1) dt "
                                "/ Gamma(b-a), b > a > 0 [W ch. IV; SSV Ch. 16]"),
    ("besselk(0, x+1)", "K_nu(z) = int_0^oo e^(-z cosh t) cosh(nu t) dt: Laplace transform in x [DLMF 10.32.9]"),
    ("besselk(1, x+1)", "K_nu(z) = int_0^oo e^(-z cosh t) cosh(nu t) dt: Laplace transform in x [DLMF 10.32.9]"),
    ("exp(x)*erfc(sqrt(x))", "= (1/pi) int_0^oo e^(-xt) t^(-1/2)/(1+t) dt, a Stieltjes function [SSV Ch. 16; DLMF 7.7]"),
    ("exp(x^2)*erfc(x)", "= (2/sqrt(pi)) int_0^oo e^(-2xt) e^(-t^2) dt: Laplace transform of a positive density "
                         "[DLMF 7.7.1]"),
    ("sqrt(2*x/pi)*besselk(1/2, x)", "= exp(-x) (Matern nu = 1/2, exponential kernel) [RW eq. 4.16; DLMF 10.39.2]"),
    ("x^(1/4)*besselk(1/4, x)", "Matern with nu = 1/4 <= 1/2 is CM (a mixture of exponentials) "
                                "[Ismail 1977; bench/families.py: Matern CM iff nu <= 1/2]"),
    ("exp(-x) + exp(-2*x)/(1+x)", "sum and product of CM functions [SSV Cor. 1.6]"),
    ("(2+x)^(-1/2)*(1+x)^(-1/2)", "product of CM functions [SSV Cor. 1.6]"),
    ("1/(1+x)^2+exp(-x/2)", "sum of CM functions [SSV Cor. 1.6]"),
]
for _f, _ev in CM_FUNCTIONS:
    _add(_f, "pd-l1", True, _ev)
for _f, _ev in CM_FUNCTIONS[::3]:
    _add(_f, "pd-l2", True, "CM f gives f(sqrt t) = CM o Bernstein, CM [SSV Thm 3.7]; " + _ev)
for _f, _ev in CM_FUNCTIONS[1::4]:
    _add(_f, "completely-monotone", True, _ev)
for _f, _ev in CM_FUNCTIONS[::5]:
    _add(_f, "bernstein", False, "f(0) != 0 (a Bernstein function in the paper's sense has f(0) = 0)", V0)
for _f, _ev in CM_FUNCTIONS[3::6]:
    _add(_f, "l2-to-l2", False, "f(sqrt t)^2 is not 0 at t = 0, so it is not Bernstein", V0)

# Completely monotone through an exact Laplace density of mixed signs, a regrouped square, a Stieltjes root (issue 24)
CM_DENSITY = [
    ("1/(1+x)-1/(2+x)+1/(3+x)", "= int_0^oo e^(-tx) (e^(-t) - e^(-2t) + e^(-3t)) dt, density u (1 - u + u^2) > 0 with "
                                "u = e^(-t) [SSV Thm 1.4; W Thm IV.12a]"),
    ("1/(1+x)^2+1/(1+x)-1/(2+x)", "density t e^(-t) + e^(-t) - e^(-2t) = e^(-t) (t + 1 - e^(-t)) > 0 [SSV Thm 1.4]"),
    ("(1-exp(-x))^2/x^2", "((1 - e^(-x))/x)^2 with (1 - e^(-x))/x = int_0^1 e^(-tx) dt: a product of CM [SSV Cor. 1.6]"),
    ("sqrt((2+x)/(1+x))", "(1 + 1/(1+x))^(1/2): the geometric mean of the Stieltjes 1 + 1/(1+x) and 1 is Stieltjes "
                          "[SSV Ch. 7], hence CM"),
]
for _f, _ev in CM_DENSITY:
    _add(_f, "pd-l1", True, _ev)
_add(CM_DENSITY[0][0], "pd-l2", True, "CM f gives f(sqrt t) = CM o Bernstein, CM [SSV Thm 3.7]; " + CM_DENSITY[0][1])
_add(CM_DENSITY[3][0], "completely-monotone", True, CM_DENSITY[3][1])

# ---------------------------------------------------------------------------------------------------
# 2. Gaussian-process kernels: PD in every R^d (pd-l2 holds, Schoenberg), not CM (pd-l1 fails: f'(0) = 0
#    or f''(0+) = -oo for a smooth even kernel, a negative second derivative near 0 is the witness).
# ---------------------------------------------------------------------------------------------------
GP_L2 = [
    ("exp(-x^2/2)", "exponentiated quadratic [RW eq. 4.9]: f(sqrt t) = e^(-t/2) CM"),
    ("exp(-2*x^2)", "exponentiated quadratic: f(sqrt t) = e^(-2t) CM"),
    ("exp(-x^(5/4))", "powered exponential, p = 5/4 <= 2 [RW eq. 4.18]: f(sqrt t) = exp(-t^(5/8)), stable CM"),
    ("exp(-x^(7/4))", "powered exponential, p = 7/4 <= 2: f(sqrt t) = exp(-t^(7/8)) CM [SSV Thm 3.7]"),
    ("(1+x^2/4)^(-2)", "rational quadratic alpha = 2 [RW eq. 4.19]: f(sqrt t) = (1+t/4)^(-2) CM"),
    ("(1+x^2/6)^(-3)", "rational quadratic alpha = 3 [RW eq. 4.19]: (1+t/6)^(-3) CM"),
    ("(1+x^2)^(-1/3)", "inverse multiquadric, beta = 1/3 (Micchelli 1986): (1+t)^(-1/3) CM"),
    ("(1+x^2)^(-3)", "inverse multiquadric beta = 3: (1+t)^(-3) CM"),
    ("(1+x^(3/2))^(-1)", "generalized Cauchy a = 3/2 <= 2, b = 3/2 [GS 2004]: (1+t^(3/4))^(-1) CM o Bernstein"),
    ("(1+x^2)^(-1/4)*exp(-x^2)", "product of CM functions of t [SSV Cor. 1.6]"),
    ("exp(-x^2)/(1+x^2)", "product of CM functions of t [SSV Cor. 1.6]"),
    ("(1+x)*exp(-x)", "Matern nu = 3/2 (length scale sqrt 3) [RW eq. 4.17]: PD in every R^d (spectral density "
                      "(1+|w|^2)^(-nu-d/2)), hence f(sqrt t) CM [Sch]"),
    ("(1+x+x^2/3)*exp(-x)", "Matern nu = 5/2 [RW eq. 4.17]: PD in every R^d, hence f(sqrt t) CM [Sch]"),
    ("(1+x+2*x^2/5+x^3/15)*exp(-x)", "Matern nu = 7/2 [RW eq. 4.16 with p = 3]: PD in every R^d [Sch]"),
    ("x*besselk(1, x)", "Matern nu = 1 (Whittle) [RW eq. 4.14]: PD in every R^d [Sch]"),
    ("x^(3/2)*besselk(3/2, x)", "Matern nu = 3/2 in Bessel form = sqrt(pi/2)(1+x)e^(-x) [RW eq. 4.14, 4.17]"),
    ("x^2*besselk(2, x)", "Matern nu = 2 [RW eq. 4.14]: PD in every R^d [Sch]"),
    ("besselk(0, sqrt(1+x^2))", "f(sqrt t) = K_0(sqrt(1+t)): K_0 CM, sqrt(1+t) Bernstein [SSV Thm 3.7]"),
    ("exp(-sqrt(1+x^2))", "f(sqrt t) = exp(-sqrt(1+t)) CM o Bernstein [SSV Thm 3.7]"),
    ("exp(-sqrt(1+x^2))/sqrt(1+x^2)", "product of CM functions of t [SSV Cor. 1.6, Thm 3.7]"),
    ("1/cosh(x)^2", "1/cosh(sqrt t) = prod_k (1 + 4t/((2k-1)^2 pi^2))^(-1): a limit of products of CM functions, "
                    "CM [SSV Cor. 1.6]; its square is CM"),
    ("(x/sinh(x))^2", "sqrt t/sinh(sqrt t) = prod_k (1 + t/(k^2 pi^2))^(-1) CM [SSV Cor. 1.6]; its square CM"),
    ("tanh(x)/x", "tanh(sqrt t)/sqrt t = sum_k 2/(t + (k-1/2)^2 pi^2) (Mittag-Leffler): a Stieltjes function [SSV Ch. 2]"),
    ("log(1+x^2)/x^2", "log(1+t)/t = int_0^1 ds/(1+st): a Stieltjes function [SSV Ch. 2, Table 16.5]"),
    ("(1-exp(-x^2))/x^2", "(1-e^(-t))/t = int_0^1 e^(-st) ds CM [SSV Thm 1.4]"),
    ("exp(-x^2)+exp(-x^2/3)", "sum of two Gaussians, CM in t [SSV Cor. 1.6]"),
]
for _i, (_f, _ev) in enumerate(GP_L2):
    _add(_f, "pd-l2", True, _ev)
    if _i % 2 == 0:
            _add(_f, "pd-l1", False, "not CM: an even or flat-at-0 kernel has f'(0+) = 0 or f''(0+) = -oo, so some "
             "(-1)^k f^(k) < 0 near 0 (a CM f with f'(0+) = 0 is constant) [SSV Thm 1.4]", None)

# ---------------------------------------------------------------------------------------------------
# 3. Functions that fail pd-l2 (and pd-l1): compactly supported, periodic, oscillating, growing.
# ---------------------------------------------------------------------------------------------------
L2_FAIL = [
    ("Max(0,1-x)", "triangular (Bartlett) kernel, compact support: f(sqrt t) has a zero", Z("s2", "1/4", "4")),
    ("Max(0,1-x)^2", "Askey's truncated power, nu = 2 (PD only in R^d, d <= 3): compact support", Z("s2", "1/4", "4")),
    ("Max(0,1-x)^3*(1+3*x)", "Wendland phi_{1,1} [Wen Table 9.1]: PD in R^1 only, compact support",
     Z("s2", "1/4", "4")),
    ("Max(0,1-x)^6*(3+18*x+35*x^2)", "Wendland phi_{3,2} [Wen Table 9.1]: PD in R^3 only, compact support",
     Z("s2", "1/4", "4")),
    ("Max(0,1-x)^8*(1+8*x+25*x^2+32*x^3)", "Wendland phi_{3,3} [Wen Table 9.1]: compact support",
     Z("s2", "1/4", "4")),
    ("Max(0,1-x)^2*(1+x/2)", "spherical covariance [RW sec. 4.2.3 / geostatistics]: PD in R^3 only, compact support",
     Z("s2", "1/4", "4")),
    ("sin(x)/x", "sinc, PD in R^1 only (Bochner: uniform spectral measure); f(sqrt t) has a zero at t = pi^2",
     None),
    ("cos(2*x)", "cosine kernel: PD in R^1 only; f(sqrt t) = cos(2 sqrt t) changes sign", None),
    ("exp(-2*sin(x/2)^2)", "periodic (exp-sine-squared) kernel [RW eq. 4.31]: f(sqrt t) returns to 1 at t = 4 pi^2, "
                           "so it is not nonincreasing", None),
    ("exp(-x^2)*cos(x)", "spectral-mixture component (Wilson & Adams 2013): PD in R^1 only; has zeros", None),
    ("exp(-x^4)", "powered exponential, p = 4 > 2: not PD even in R^1 (f''(0) = 0) [RW sec. 4.2.1]", None),
    ("1/(1+x^4)", "1/(1+t^2) is not CM (its inverse Laplace transform sin s changes sign)", None),
    ("1/(1+x^2+x^4)", "1/(1+t+t^2): complex poles, not a Stieltjes function, not CM", None),
    ("exp(-x^2)*(1+x^2)", "e^(-t)(1+t): derivative -t e^(-t) vanishes at 0, second derivative -1 < 0 at 0", None),
    ("sqrt(1+x^2/4)", "multiquadric (conditionally negative definite, increasing), not PD", None),
    ("-x^(1/2)", "minus a Bernstein function (conditionally negative definite): f(0) = 0 > f(x)", None),
    ("cosh(x)", "increasing: a CM function is nonincreasing", None),
    ("1-x^2", "decreasing polynomial with f(sqrt t) = 1 - t reaching negative values", None),
    ("sin(x)^2/x^2", "squared sinc (Fejer kernel): f(sqrt t) vanishes at t = pi^2", None),
]
for _f, _ev, _w in L2_FAIL:
    _add(_f, "pd-l2", False, _ev, _w)
    _add(_f, "pd-l1", False, _ev, (Z("cm", "1/2", "2") if _w is not None else None))
# atan(1/x): in t, g(t) = atan(1/sqrt t) has -g'(t) = 1/(2 sqrt(t) (1+t)), a product of CM functions, and
# g(oo) = 0, so g = int_t^oo (-g') is CM: pd-l2 holds. In x, atan(1/x) = int_0^oo e^(-xt) sin(t)/t dt with a
# sign-changing density (uniqueness of the Laplace transform): pd-l1 fails.
_add("atan(1/x)", "pd-l2", True, "g(t) = atan(1/sqrt t): -g'(t) = 1/(2 sqrt(t)(1+t)) CM [SSV Cor. 1.6], g(oo) = 0, "
     "so g is CM; f(0) = pi/2 = f(0+)")
_add("atan(1/x)", "pd-l1", False, "atan(1/x) = int_0^oo e^(-xt) sin(t)/t dt, density changes sign", None)

# ---------------------------------------------------------------------------------------------------
# 4. Bernstein functions [SSV Ch. 3, tables 16.2-16.11]: l1-to-l1, l1-to-l2sq, bernstein hold;
#    pd-l1 / pd-l2 fail (f(0) = 0 < f(x): -f'(x0) < 0).
# ---------------------------------------------------------------------------------------------------
BERNSTEIN = [
    ("x^(1/4)", "x^a, 0 < a < 1 = int (1 - e^(-tx)) a t^(-a-1)/Gamma(1-a) dt [SSV Table 16.2 #1]"),
    ("x^(2/3)", "x^a, 0 < a < 1 [SSV Table 16.2 #1]"),
    ("x^(3/4)", "x^a, 0 < a < 1 [SSV Table 16.2 #1]"),
    ("log(1+2*x)", "log(1+x/b) = int (1 - e^(-tx)) e^(-bt)/t dt (Gamma subordinator) [SSV Table 16.2]"),
    ("log(1+sqrt(x))", "Bernstein o Bernstein [SSV Cor. 3.8]"),
    ("1-exp(-2*x)", "1 - e^(-cx): Poisson subordinator, Levy measure c-point mass [SSV Ex. 3.4]"),
    ("1-exp(-sqrt(x))", "1 - g with g = exp(-sqrt x) CM, g(0) = 1: derivative -g' CM, 0 <= 1 - g [SSV Thm 3.7, Ch. 3]"),
    ("1-(1+x)^(-3)", "derivative 3(1+x)^(-4) CM, f(0) = 0, f >= 0 [SSV Def. 3.1]"),
    ("x/(2+x)", "x/(x+b) = int (1 - e^(-tx)) b e^(-bt) dt, a complete Bernstein function [SSV Table 16.2]"),
    ("sqrt(x)/(1+sqrt(x))", "= 1 - 1/(1+sqrt x), 1/(1+sqrt x) CM with value 1 at 0 [SSV Thm 3.7]"),
    ("x/sqrt(1+x)", "derivative (1+x)^(-1/2)/2 + (1+x)^(-3/2)/2 CM; also x/g with g = sqrt(1+x) CBF [SSV Prop. 7.1]"),
    ("asinh(sqrt(x))", "derivative 1/(2 sqrt(x) sqrt(1+x)) = product of CM functions [SSV Cor. 1.6, Def. 3.1]"),
    ("atan(sqrt(x))", "derivative 1/(2 sqrt(x) (1+x)) CM (product) [SSV Def. 3.1]"),
    ("sqrt(x/(1+x))", "sqrt o (x/(1+x)): Bernstein o Bernstein [SSV Cor. 3.8]"),
    ("x+sqrt(x)", "sum of Bernstein functions [SSV Cor. 3.8]"),
    ("sqrt(x)*tanh(sqrt(x))", "f(x)/x = tanh(sqrt x)/sqrt x = sum_k 2/(x + (k-1/2)^2 pi^2) Stieltjes, so f is a "
                              "complete Bernstein function [SSV Thm 6.2; Table 16.x entry sqrt(x) tanh sqrt(x)]"),
    ("sqrt(x)/tanh(sqrt(x))-1", "= sum_k 2x/(x + k^2 pi^2) (Mittag-Leffler for coth), a sum of CBF [SSV Ch. 2]"),
    ("log(sinh(sqrt(x))/sqrt(x))", "= sum_k log(1 + x/(k^2 pi^2)) (Weierstrass product of sinh), sum of Bernstein "
                                   "functions, f(0+) = 0 [SSV Cor. 3.8]"),
    ("log(cosh(sqrt(x)))", "= sum_k log(1 + 4x/((2k-1)^2 pi^2)), sum of Bernstein functions [SSV Cor. 3.8]"),
    ("1-exp(-x)/(1+x)", "1 - g, g = e^(-x)/(1+x) CM with g(0) = 1 [SSV Cor. 1.6, Def. 3.1]"),
    ("x^(1/2)*(1+x)^(-1/2)*2", "2 sqrt(x/(1+x)): positive multiple of a Bernstein function [SSV Cor. 3.8]"),
    ("log(1+x)+x/(1+x)", "sum of Bernstein functions [SSV Table 16.2]"),
]
for _f, _ev in BERNSTEIN:
    _add(_f, "l1-to-l1", True, _ev)
for _f, _ev in BERNSTEIN[::2]:
    _add(_f, "l1-to-l2sq", True, _ev)
for _f, _ev in BERNSTEIN[1::3]:
    _add(_f, "bernstein", True, _ev)
for _f, _ev in BERNSTEIN[::3]:
    _add(_f, "pd-l1", False, "f(0) = 0 < f(x): f increases, a CM function does not", None)
for _f, _ev in BERNSTEIN[2::4]:
    _add(_f, "pd-l2", False, "f(sqrt t) increases from 0, not CM", None)

# Functions that fail to be Bernstein: f(0) != 0, f' not CM, f' changing sign.
BF_FAIL = [
    ("x^(5/4)", "x^a with a > 1: f' increasing [SSV Table 16.2 needs a <= 1]", None),
    ("log(1+x)^2", "f''(0) = 2 > 0: f' increases near 0", None),
    ("x*exp(-2*x)", "f'(x) = (1-2x)e^(-2x) < 0 for x > 1/2", None),
    ("x/(1+x^2)", "f' = (1-x^2)/(1+x^2)^2 changes sign at 1", None),
    ("asinh(x)", "f' = (1+x^2)^(-1/2): even, its derivative vanishes at 0, not CM", None),
    ("1-cos(x)", "f' = sin x changes sign", None),
    ("x^2/(1+x)", "f' = 1 - (1+x)^(-2) increases from 0", None),
    ("exp(x)-1", "f' = e^x increasing", None),
    ("1-exp(-x^2)", "f' = 2x e^(-x^2) vanishes at 0 and is positive after", None),
    ("sinh(x)", "f' = cosh x increasing", None),
    ("1+log(1+x)", "f(0) = 1 != 0", V0),
    ("sqrt(1+x)", "f(0) = 1 != 0", V0),
    ("x-x^2", "f' = 1 - 2x changes sign (and f < 0 for x > 1)", None),
    ("atan(x)^2", "f' = 2 atan(x)/(1+x^2) vanishes at 0", None),
]
for _f, _ev, _w in BF_FAIL:
    _add(_f, "l1-to-l1", False, _ev, _w)
for _f, _ev, _w in BF_FAIL[::2]:
    _add(_f, "bernstein", False, _ev, _w)
for _f, _ev, _w in BF_FAIL[1::3]:
    _add(_f, "l1-to-l2sq", False, _ev, _w)

# ---------------------------------------------------------------------------------------------------
# 5. l2-to-l2: f >= 0 and f(sqrt t)^2 Bernstein [Sch]: sqrt(Bernstein(x^2)) embeds l2 in l2.
# ---------------------------------------------------------------------------------------------------
E2_TRUE = [
    ("x^(1/4)", "f(sqrt t)^2 = t^(1/4) Bernstein [SSV Table 16.2 #1]"),
    ("x^(2/3)", "f(sqrt t)^2 = t^(2/3) Bernstein [SSV Table 16.2 #1]"),
    ("x/sqrt(1+x^2)", "f(sqrt t)^2 = t/(1+t) Bernstein [SSV Table 16.2]"),
    ("sqrt(1-exp(-x^2))", "f(sqrt t)^2 = 1 - e^(-t) Bernstein [SSV Ex. 3.4]"),
    ("sqrt(log(1+x^2))", "f(sqrt t)^2 = log(1+t) Bernstein [SSV Table 16.2]"),
    ("sqrt(log(sinh(x)/x))", "f(sqrt t)^2 = log(sinh(sqrt t)/sqrt t) = sum log(1 + t/(k pi)^2) Bernstein"),
    ("sqrt(log(cosh(x)))", "f(sqrt t)^2 = log cosh sqrt t = sum log(1 + 4t/((2k-1)pi)^2) Bernstein"),
    ("sqrt(x*tanh(x))", "f(sqrt t)^2 = sqrt(t) tanh(sqrt t), complete Bernstein [SSV Thm 6.2]"),
    ("(x^2/(1+x^2))^(1/4)", "f(sqrt t)^2 = sqrt(t/(1+t)), Bernstein o Bernstein [SSV Cor. 3.8]"),
    # a Bernstein f with f(0) = 0: g' = [f(sqrt t)/sqrt t] f'(sqrt t), f(s)/s CM (Levy-Khintchine) and f' CM
    # (log(1+x), atan(x), x/(1+x) and tanh(x) are rows of tests/catalogue.py)
    ("1-exp(-x)", "g' = [(1-e^(-sqrt t))/sqrt t] e^(-sqrt t): a product of CM functions [Sch; SSV Cor. 1.6, Thm 3.7]"),
]
for _f, _ev in E2_TRUE:
    _add(_f, "l2-to-l2", True, _ev)
E2_FAIL = [
    ("x^(5/4)", "f(sqrt t)^2 = t^(5/4), derivative increasing", None),
    ("sin(2*x)", "f takes negative values (f(2) = sin 4 < 0)", {"kind": "negative", "x0": "2"}),
    ("1-cos(x)", "f(sqrt t)^2 = (1 - cos sqrt t)^2 returns to 0 at t = 4 pi^2", None),
    ("1-exp(-x^2)", "f(sqrt t)^2 = (1 - e^(-t))^2 has derivative 0 at t = 0 and positive after", None),
    ("x^3", "f(sqrt t)^2 = t^3, not Bernstein", None),
    ("tanh(x)^2", "f(sqrt t)^2 = tanh(sqrt t)^4 ~ t^2 near 0: derivative increasing", None),
    ("exp(-x^2/2)", "f(0) = 1 != 0", V0),
]
for _f, _ev, _w in E2_FAIL:
    _add(_f, "l2-to-l2", False, _ev, _w)

# ---------------------------------------------------------------------------------------------------
# 6. Polynomials (low-rank) in disguise, and functions that are not polynomials on R.
# ---------------------------------------------------------------------------------------------------
POLY_TRUE = [
    ("cosh(x)^2-sinh(x)^2", "1", "cosh^2 - sinh^2 = 1"),
    ("(1+x)^3-x^3", "1+3*x+3*x^2", "binomial expansion"),
    ("(exp(x)+exp(-x))^2-exp(2*x)-exp(-2*x)", "2", "expand the square"),
    ("sin(2*x)-2*sin(x)*cos(x)+x", "x", "double-angle formula"),
    ("log(exp(x))", "x", "log o exp = identity on R"),
    ("cos(x)^4-sin(x)^4+2*sin(x)^2", "1", "cos^4 - sin^4 = cos^2 - sin^2"),
    ("(x^2+1)^2-(x^2-1)^2", "4*x^2", "difference of squares"),
    ("exp(2*log(1+x^2))", "1+2*x^2+x^4", "exp(2 log u) = u^2 for u > 0"),
]
for _f, _p, _ev in POLY_TRUE:
    _add(_f, "polynomial", True, _ev, {"kind": "identity", "poly": _p})
    _add(_f, "low-rank", True, _ev, {"kind": "identity", "poly": _p})
POLY_FALSE = [
    ("exp(-x^2/2)", "bounded on R (0 < f <= 1), nonconstant", {"kind": "bounded", "a": "0", "b": "1"}),
    ("1/(2+x^2)", "bounded on R, nonconstant", {"kind": "bounded", "a": "0", "b": "1"}),
    ("cos(x)^2", "bounded on R, nonconstant", {"kind": "bounded", "a": "0", "b": "1"}),
    ("tanh(x/2)", "bounded on R (|f| < 1), nonconstant", {"kind": "bounded", "a": "0", "b": "1"}),
    ("atan(2*x)", "bounded on R (|f| < pi/2), nonconstant", {"kind": "bounded", "a": "0", "b": "1"}),
    ("1/cosh(x)", "bounded on R, nonconstant", {"kind": "bounded", "a": "0", "b": "1"}),
    ("exp(-2*sin(x/2)^2)", "bounded on R, nonconstant (periodic)", {"kind": "bounded", "a": "0", "b": "1"}),
    ("Abs(x)", "|x| has one-sided derivatives -1 and 1 at 0", {"kind": "kink", "x0": "0"}),
    ("Max(0,1-x)^2", "one-sided second derivatives at 1 differ (2 and 0)", {"kind": "kink", "x0": "1", "order": 2}),
    ("x/sqrt(1+x^2)", "bounded on R (|f| < 1), nonconstant", {"kind": "bounded", "a": "0", "b": "1"}),
    ("log(2+x)", "f(-3) = log(-1) is not real: f is not a real polynomial on R (on (-2, oo) it is not a polynomial "
                 "either: f' = 1/(2+x) never vanishes identically after finitely many derivatives)",
     {"kind": "nonreal", "x0": "-3"}),
    ("1/(3+x)", "pole at x = -3", {"kind": "nonreal", "x0": "-3"}),
]
for _f, _ev, _w in POLY_FALSE:
    _add(_f, "low-rank", False, _ev, _w)
    _add(_f, "polynomial", False, _ev, _w)

# ---------------------------------------------------------------------------------------------------
# 7. Weierstrass products and partial fractions of the hyperbolic functions (DLMF 4.36.1-3): with t = z^2,
#    sinh(z)/z = prod (1 + t/(k pi)^2) and cosh z = prod (1 + 4t/((2k-1) pi)^2), so every power a > 0 of their
#    reciprocals is a limit of products of the CM (1 + t/a_k)^(-a) [SSV Cor. 1.6]; the reciprocals themselves
#    increase. tanh(z)/z = (sinh(z)/z)/cosh(z), and sqrt t coth sqrt t - 1 = sum 2t/(t + (k pi)^2).
# ---------------------------------------------------------------------------------------------------
HYPERBOLIC = [
    ("1/cosh(x)", "pd-l2", True, "1/cosh(sqrt t) = prod_k (1 + 4t/((2k-1)^2 pi^2))^(-1) CM [DLMF 4.36.2, SSV Cor. 1.6]",
     None),
    ("x/sinh(x)", "pd-l2", True, "sqrt t/sinh(sqrt t) = prod_k (1 + t/(k^2 pi^2))^(-1) CM [DLMF 4.36.1, SSV Cor. 1.6]",
     None),
    ("sqrt(x/sinh(x))", "pd-l2", True, "(sqrt t/sinh(sqrt t))^(1/2) = prod_k (1 + t/(k^2 pi^2))^(-1/2), each factor CM "
                                       "[DLMF 4.36.1, SSV Cor. 1.6]", None),
    ("sqrt(x/tanh(x)-1)", "l2-to-l2", True, "f(sqrt t)^2 = sqrt t coth(sqrt t) - 1 = sum_k 2t/(t + k^2 pi^2) (Mittag-Leffler "
                                           "for coth, DLMF 4.36.3): complete Bernstein, 0 at 0 [SSV Thm 6.2]", None),
    ("x/sinh(x)", "pd-l1", False, "f = 1 - x^2/6 + ...: f''(0+) < 0, not CM (CM in x^2 only)", D("cm", 2, "1/10")),
    ("1/cosh(x)", "pd-l1", False, "f = 1 - x^2/2 + ...: f''(0+) < 0, not CM", D("cm", 2, "1/10")),
    ("sinh(x)/x", "pd-l2", False, "f(sqrt t) = prod_k (1 + t/(k pi)^2) increases", D("s2", 1, "1/10")),
]
for _f, _claim, _truth, _ev, _w in HYPERBOLIC:
    _add(_f, _claim, _truth, _ev, _w)


# ---------------------------------------------------------------------------------------------------
# 6. Removable singularities at 0 and the polygamma functions (issue 24): f(0) is the limit at 0+.
# ---------------------------------------------------------------------------------------------------
_add("x^(1/2)*besselk(1,x^(1/2))", "pd-l1", True, "(sqrt x)^nu K_nu(sqrt x) = 2^(nu-1) int_0^oo e^(-s) s^(nu-1) "
     "e^(-x/(4s)) ds [DLMF 10.32.10, 10.27.3], CM; f(0+) = 1 [DLMF 10.30.2]")
_add("sqrt(x)*atan(1/sqrt(x))", "bernstein", True, "f(x)/x = atan(1/sqrt x)/sqrt x = int_0^1 ds/(x+s^2) is "
     "Stieltjes, so f is complete Bernstein [SSV Thm 6.2]; f(0+) = 0")
_add("x*log(1+1/x)", "bernstein l1-to-l1", True, "log(1+1/x) = int_0^1 dt/(x+t) is Stieltjes, x times a Stieltjes "
     "function is complete Bernstein [SSV Thm 6.2]; f(0+) = 0")
_add("x*log(1+1/x)", "pd-l1", False, "f(0) = 0 < f(x): f increases, a CM function does not", D("cm", 1, "1"))
_add("1+x*log(1+1/x)", "bernstein", False, "f(0) = 1 != 0", V0)
_add("x/log(1+x)-1", "bernstein", True, "log(1+x) is complete Bernstein, so x/log(1+x) is [SSV Prop. 7.1]; a "
     "Bernstein g minus g(0+) = 1 is Bernstein (Levy-Khintchine, [SSV Thm 3.2])")
_add("log(1+x)/(1+log(1+x))", "l1-to-l1", True, "y/(1+y) and log(1+x) are complete Bernstein, and so is their "
     "composition [SSV Cor. 3.8, Ch. 7]")
_add("polygamma(1,x+1)", "pd-l1", True, "psi'(x) = int_0^oo t e^(-xt)/(1-e^(-t)) dt [DLMF 5.15.1], CM o (x+1)")
_add("polygamma(0,x+1)+EulerGamma", "bernstein", True, "psi(x+1) + gamma = int_0^oo (1-e^(-xt)) e^(-t)/(1-e^(-t)) dt "
     "[DLMF 5.9.16; SSV Ch. 16], Levy-Khintchine with f(0) = 0")
_add("polygamma(0,x+1)", "bernstein", False, "f(0) = psi(1) = -EulerGamma != 0", V0)


# ---------------------------------------------------------------------------------------------------
# 7. The modified Bessel function I_nu (issue 24): Poisson's integral DLMF 10.32.2, z^(-nu) I_nu(z) =
#    2^(-nu)/(sqrt(pi) Gamma(nu+1/2)) int_0^pi e^(z cos t) sin(t)^(2 nu) dt for nu > -1/2.
# ---------------------------------------------------------------------------------------------------
_I0 = "e^(-x) I_0(x) = (1/pi) int_0^pi e^(-(1 - cos t) x) dt [DLMF 10.32.2]: a mixture of exponentials, CM [SSV Thm 1.4; W]"
_add("exp(-x)*besseli(0,x)", "pd-l1 completely-monotone", True, _I0)
_add("exp(-x)*besseli(1,x)/x", "pd-l1 completely-monotone", True, "e^(-x) I_1(x)/x = (2/pi) int_0^pi e^(-(1 - cos t) x) "
     "sin(t)^2 dt [DLMF 10.32.2], CM [SSV Thm 1.4]; f(0+) = 1/2 [DLMF 10.30.1]")
_add("1-exp(-x)*besseli(0,x)", "bernstein l1-to-l1", True, "1 - g with g = e^(-x) I_0(x) CM and g(0) = 1: f' = -g' is "
     "CM and f(0) = 0 [SSV Def. 3.1; DLMF 10.32.2]")
_add("sqrt(1-exp(-x)*besseli(0,x))", "l2-to-l2", True, "f(sqrt t)^2 = 1 - e^(-sqrt t) I_0(sqrt t) = (1/pi) int_0^pi "
     "(1 - e^(-(1 - cos s) sqrt t)) ds, a mixture of Bernstein functions [DLMF 10.32.2; SSV Thm 3.7, Cor. 3.8]")
_add("exp(-x*2)*besseli(0,2*x)", "pd-l1", True, "e^(-2x) I_0(2x): DLMF 10.32.2 at z = 2x, rates 2 - 2 cos t >= 0, CM")
_add("exp(-x)*besseli(1/2,x)/sqrt(x)", "pd-l1", True, "= (1 - e^(-2x))/(sqrt(2 pi) x) [DLMF 10.39.1]; Poisson's integral "
     "with nu = 1/2 [DLMF 10.32.2], CM; f(0+) = sqrt(2/pi) [DLMF 10.30.1]")
_add("1-sqrt(pi/2)*exp(-x)*besseli(1/2,x)/sqrt(x)", "bernstein", True, "= 1 - (1 - e^(-2x))/(2x) = int_0^1 (1 - e^(-2sx)) ds: "
     "1 - g with g CM and g(0+) = 1 [DLMF 10.30.1, 10.32.2; SSV Def. 3.1]")
_add("exp(-x)*besseli(0,2*x)", "pd-l1", False, "grows like e^x/sqrt(4 pi x) [DLMF 10.40.1]: f'(1) > 0", D("cm", 1, "1"))
_add("besseli(0,x)", "pd-l1", False, "I_0 increases (I_0' = I_1 > 0) [DLMF 10.29.3]", D("cm", 1, "1"))
_add("exp(-x)*besseli(0,x)", "bernstein", False, "f(0) = I_0(0) = 1 != 0", V0)


# ---------------------------------------------------------------------------------------------------
# Witnesses found by search (tests/literature.py --search) and pasted here; see WITNESSES.
# ---------------------------------------------------------------------------------------------------
# Box witnesses (found by a numpy search over small boxes, re-verified in mpmath by verify_case): they
# replace any other witness of the case.
BOX_WITNESSES = {
    ('exp(-x^2/2)', 'pd-l1'): {'kind': 'box', 'metric': 'l1', 'sides': ['2/5', '1']},
    ('(1+x+x^2/3)*exp(-x)', 'pd-l1'): {'kind': 'box', 'metric': 'l1', 'sides': ['2/5', '1']},
    ('Max(0,1-x)', 'pd-l1'): {'kind': 'box', 'metric': 'l1', 'sides': ['1/2', '1/2', '1/2', '1/2']},
    ('cos(2*x)', 'pd-l2'): {'kind': 'box', 'metric': 'l2', 'sides': ['14/5', '14/5']},
    ('sin(x)/x', 'pd-l2'): {'kind': 'box', 'metric': 'l2', 'sides': ['19/10', '33/10', '15/4', '31/5']},
    ('exp(-x^4)', 'pd-l2'): {'kind': 'box', 'metric': 'l2', 'sides': ['2/5', '1']},
    ('1/(1+x^4)', 'pd-l2'): {'kind': 'box', 'metric': 'l2', 'sides': ['2/5', '1']},
    ('exp(-2*sin(x/2)^2)', 'pd-l2'): {'kind': 'box', 'metric': 'l2', 'sides': ['31/10', '29/5']},
    ('(1+x^2)^(-1/3)', 'pd-l1'): {'kind': 'box', 'metric': 'l1', 'sides': ['2/5', '1']},
}

# (function, claim) -> witness, for cases declared with witness None: found by _search (k <= 8, x0 on a grid),
# re-verified by verify_case.
WITNESSES = {
    ('sin(x)^2/x^2', 'pd-l2'): {'kind': 'derivative', 'transform': 's2', 'k': 1, 'x0': '10'},
    ('sin(x)^2/x^2', 'pd-l1'): {'kind': 'derivative', 'transform': 'cm', 'k': 1, 'x0': '4'},
    ('exp(-x^2/2)', 'pd-l1'): {'kind': 'derivative', 'transform': 'cm', 'k': 2, 'x0': '1/10'},
    ('exp(-x^(5/4))', 'pd-l1'): {'kind': 'derivative', 'transform': 'cm', 'k': 2, 'x0': '1/10'},
    ('(1+x^2/4)^(-2)', 'pd-l1'): {'kind': 'derivative', 'transform': 'cm', 'k': 2, 'x0': '1/10'},
    ('(1+x^2)^(-1/3)', 'pd-l1'): {'kind': 'derivative', 'transform': 'cm', 'k': 2, 'x0': '1/10'},
    ('(1+x^(3/2))^(-1)', 'pd-l1'): {'kind': 'derivative', 'transform': 'cm', 'k': 2, 'x0': '1/10'},
    ('exp(-x^2)/(1+x^2)', 'pd-l1'): {'kind': 'derivative', 'transform': 'cm', 'k': 2, 'x0': '1/10'},
    ('(1+x+x^2/3)*exp(-x)', 'pd-l1'): {'kind': 'derivative', 'transform': 'cm', 'k': 2, 'x0': '1/10'},
    ('x*besselk(1, x)', 'pd-l1'): {'kind': 'derivative', 'transform': 'cm', 'k': 2, 'x0': '1/10'},
    ('x^2*besselk(2, x)', 'pd-l1'): {'kind': 'derivative', 'transform': 'cm', 'k': 2, 'x0': '1/10'},
    ('exp(-sqrt(1+x^2))', 'pd-l1'): {'kind': 'derivative', 'transform': 'cm', 'k': 2, 'x0': '1/10'},
    ('1/cosh(x)^2', 'pd-l1'): {'kind': 'derivative', 'transform': 'cm', 'k': 2, 'x0': '1/10'},
    ('tanh(x)/x', 'pd-l1'): {'kind': 'derivative', 'transform': 'cm', 'k': 2, 'x0': '1/10'},
    ('(1-exp(-x^2))/x^2', 'pd-l1'): {'kind': 'derivative', 'transform': 'cm', 'k': 2, 'x0': '1/10'},
    ('sin(x)/x', 'pd-l2'): {'kind': 'derivative', 'transform': 's2', 'k': 0, 'x0': '10'},
    ('sin(x)/x', 'pd-l1'): {'kind': 'derivative', 'transform': 'cm', 'k': 0, 'x0': '4'},
    ('cos(2*x)', 'pd-l2'): {'kind': 'derivative', 'transform': 's2', 'k': 0, 'x0': '1'},
    ('cos(2*x)', 'pd-l1'): {'kind': 'derivative', 'transform': 'cm', 'k': 0, 'x0': '1'},
    ('exp(-2*sin(x/2)^2)', 'pd-l2'): {'kind': 'derivative', 'transform': 's2', 'k': 1, 'x0': '10'},
    ('exp(-2*sin(x/2)^2)', 'pd-l1'): {'kind': 'derivative', 'transform': 'cm', 'k': 1, 'x0': '4'},
    ('exp(-x^2)*cos(x)', 'pd-l2'): {'kind': 'derivative', 'transform': 's2', 'k': 0, 'x0': '3'},
    ('exp(-x^2)*cos(x)', 'pd-l1'): {'kind': 'derivative', 'transform': 'cm', 'k': 0, 'x0': '2'},
    ('exp(-x^4)', 'pd-l2'): {'kind': 'derivative', 'transform': 's2', 'k': 2, 'x0': '1/10'},
    ('exp(-x^4)', 'pd-l1'): {'kind': 'derivative', 'transform': 'cm', 'k': 2, 'x0': '1/10'},
    ('1/(1+x^4)', 'pd-l2'): {'kind': 'derivative', 'transform': 's2', 'k': 2, 'x0': '1/10'},
    ('1/(1+x^4)', 'pd-l1'): {'kind': 'derivative', 'transform': 'cm', 'k': 2, 'x0': '1/10'},
    ('1/(1+x^2+x^4)', 'pd-l2'): {'kind': 'derivative', 'transform': 's2', 'k': 3, 'x0': '1/10'},
    ('1/(1+x^2+x^4)', 'pd-l1'): {'kind': 'derivative', 'transform': 'cm', 'k': 2, 'x0': '1/10'},
    ('exp(-x^2)*(1+x^2)', 'pd-l2'): {'kind': 'derivative', 'transform': 's2', 'k': 2, 'x0': '1/10'},
    ('exp(-x^2)*(1+x^2)', 'pd-l1'): {'kind': 'derivative', 'transform': 'cm', 'k': 2, 'x0': '1/10'},
    ('sqrt(1+x^2/4)', 'pd-l2'): {'kind': 'derivative', 'transform': 's2', 'k': 1, 'x0': '1/10'},
    ('sqrt(1+x^2/4)', 'pd-l1'): {'kind': 'derivative', 'transform': 'cm', 'k': 1, 'x0': '1/10'},
    ('-x^(1/2)', 'pd-l2'): {'kind': 'derivative', 'transform': 's2', 'k': 0, 'x0': '1/10'},
    ('-x^(1/2)', 'pd-l1'): {'kind': 'derivative', 'transform': 'cm', 'k': 0, 'x0': '1/10'},
    ('cosh(x)', 'pd-l2'): {'kind': 'derivative', 'transform': 's2', 'k': 1, 'x0': '1/10'},
    ('cosh(x)', 'pd-l1'): {'kind': 'derivative', 'transform': 'cm', 'k': 1, 'x0': '1/10'},
    ('1-x^2', 'pd-l2'): {'kind': 'derivative', 'transform': 's2', 'k': 0, 'x0': '3/2'},
    ('1-x^2', 'pd-l1'): {'kind': 'derivative', 'transform': 'cm', 'k': 0, 'x0': '3/2'},
    ('atan(1/x)', 'pd-l1'): {'kind': 'derivative', 'transform': 'cm', 'k': 3, 'x0': '1/10'},
    ('x^(1/4)', 'pd-l1'): {'kind': 'derivative', 'transform': 'cm', 'k': 1, 'x0': '1/10'},
    ('log(1+2*x)', 'pd-l1'): {'kind': 'derivative', 'transform': 'cm', 'k': 1, 'x0': '1/10'},
    ('1-exp(-sqrt(x))', 'pd-l1'): {'kind': 'derivative', 'transform': 'cm', 'k': 1, 'x0': '1/10'},
    ('sqrt(x)/(1+sqrt(x))', 'pd-l1'): {'kind': 'derivative', 'transform': 'cm', 'k': 1, 'x0': '1/10'},
    ('atan(sqrt(x))', 'pd-l1'): {'kind': 'derivative', 'transform': 'cm', 'k': 1, 'x0': '1/10'},
    ('sqrt(x)*tanh(sqrt(x))', 'pd-l1'): {'kind': 'derivative', 'transform': 'cm', 'k': 1, 'x0': '1/10'},
    ('log(cosh(sqrt(x)))', 'pd-l1'): {'kind': 'derivative', 'transform': 'cm', 'k': 1, 'x0': '1/10'},
    ('log(1+x)+x/(1+x)', 'pd-l1'): {'kind': 'derivative', 'transform': 'cm', 'k': 1, 'x0': '1/10'},
    ('x^(3/4)', 'pd-l2'): {'kind': 'derivative', 'transform': 's2', 'k': 1, 'x0': '1/10'},
    ('1-exp(-sqrt(x))', 'pd-l2'): {'kind': 'derivative', 'transform': 's2', 'k': 1, 'x0': '1/10'},
    ('x/sqrt(1+x)', 'pd-l2'): {'kind': 'derivative', 'transform': 's2', 'k': 1, 'x0': '1/10'},
    ('x+sqrt(x)', 'pd-l2'): {'kind': 'derivative', 'transform': 's2', 'k': 1, 'x0': '1/10'},
    ('log(cosh(sqrt(x)))', 'pd-l2'): {'kind': 'derivative', 'transform': 's2', 'k': 1, 'x0': '1/10'},
    ('x^(5/4)', 'l1-to-l1'): {'kind': 'derivative', 'transform': 'bf', 'k': 1, 'x0': '1/10'},
    ('log(1+x)^2', 'l1-to-l1'): {'kind': 'derivative', 'transform': 'bf', 'k': 1, 'x0': '1/10'},
    ('x*exp(-2*x)', 'l1-to-l1'): {'kind': 'derivative', 'transform': 'bf', 'k': 0, 'x0': '1'},
    ('x/(1+x^2)', 'l1-to-l1'): {'kind': 'derivative', 'transform': 'bf', 'k': 0, 'x0': '3/2'},
    ('asinh(x)', 'l1-to-l1'): {'kind': 'derivative', 'transform': 'bf', 'k': 2, 'x0': '1/10'},
    ('1-cos(x)', 'l1-to-l1'): {'kind': 'derivative', 'transform': 'bf', 'k': 0, 'x0': '4'},
    ('x^2/(1+x)', 'l1-to-l1'): {'kind': 'derivative', 'transform': 'bf', 'k': 1, 'x0': '1/10'},
    ('exp(x)-1', 'l1-to-l1'): {'kind': 'derivative', 'transform': 'bf', 'k': 1, 'x0': '1/10'},
    ('1-exp(-x^2)', 'l1-to-l1'): {'kind': 'derivative', 'transform': 'bf', 'k': 1, 'x0': '1/10'},
    ('sinh(x)', 'l1-to-l1'): {'kind': 'derivative', 'transform': 'bf', 'k': 1, 'x0': '1/10'},
    ('x-x^2', 'l1-to-l1'): {'kind': 'derivative', 'transform': 'bf', 'k': 0, 'x0': '1'},
    ('atan(x)^2', 'l1-to-l1'): {'kind': 'derivative', 'transform': 'bf', 'k': 1, 'x0': '1/10'},
    ('x^(5/4)', 'bernstein'): {'kind': 'derivative', 'transform': 'bf', 'k': 1, 'x0': '1/10'},
    ('x*exp(-2*x)', 'bernstein'): {'kind': 'derivative', 'transform': 'bf', 'k': 0, 'x0': '1'},
    ('asinh(x)', 'bernstein'): {'kind': 'derivative', 'transform': 'bf', 'k': 2, 'x0': '1/10'},
    ('x^2/(1+x)', 'bernstein'): {'kind': 'derivative', 'transform': 'bf', 'k': 1, 'x0': '1/10'},
    ('1-exp(-x^2)', 'bernstein'): {'kind': 'derivative', 'transform': 'bf', 'k': 1, 'x0': '1/10'},
    ('x-x^2', 'bernstein'): {'kind': 'derivative', 'transform': 'bf', 'k': 0, 'x0': '1'},
    ('log(1+x)^2', 'l1-to-l2sq'): {'kind': 'derivative', 'transform': 'bf', 'k': 1, 'x0': '1/10'},
    ('asinh(x)', 'l1-to-l2sq'): {'kind': 'derivative', 'transform': 'bf', 'k': 2, 'x0': '1/10'},
    ('exp(x)-1', 'l1-to-l2sq'): {'kind': 'derivative', 'transform': 'bf', 'k': 1, 'x0': '1/10'},
    ('atan(x)^2', 'l1-to-l2sq'): {'kind': 'derivative', 'transform': 'bf', 'k': 1, 'x0': '1/10'},
    ('x^(5/4)', 'l2-to-l2'): {'kind': 'derivative', 'transform': 'e2', 'k': 1, 'x0': '1/10'},
    ('1-cos(x)', 'l2-to-l2'): {'kind': 'derivative', 'transform': 'e2', 'k': 0, 'x0': '10'},
    ('1-exp(-x^2)', 'l2-to-l2'): {'kind': 'derivative', 'transform': 'e2', 'k': 1, 'x0': '1/10'},
    ('x^3', 'l2-to-l2'): {'kind': 'derivative', 'transform': 'e2', 'k': 1, 'x0': '1/10'},
    ('tanh(x)^2', 'l2-to-l2'): {'kind': 'derivative', 'transform': 'e2', 'k': 1, 'x0': '1/10'},
}


def witness_of(case):
    key = (case.function, case.claim)
    if key in BOX_WITNESSES:
        return BOX_WITNESSES[key]
    return case.witness if case.witness is not None else WITNESSES.get(key)


# ---------------------------------------------------------------------------------------------------
# Independent numerical evaluation (mpmath, 50 digits)
# ---------------------------------------------------------------------------------------------------
def _max(*args):
    return max(args)


def _min(*args):
    return min(args)


_NAMES = {"exp": mpmath.exp, "log": mpmath.log, "sqrt": mpmath.sqrt, "sin": mpmath.sin, "cos": mpmath.cos,
          "tan": mpmath.tan, "sinh": mpmath.sinh, "cosh": mpmath.cosh, "tanh": mpmath.tanh, "atan": mpmath.atan,
          "asinh": mpmath.asinh, "erf": mpmath.erf, "erfc": mpmath.erfc, "gamma": mpmath.gamma,
          "besselk": mpmath.besselk, "besseli": mpmath.besseli, "Abs": mpmath.fabs, "Max": _max, "Min": _min,
          "polygamma": lambda n, z: mpmath.psi(int(n), z)}


def mp_function(text):
    """f as a Python function of an mpmath number, evaluated by mpmath alone (integers become mpf)."""
    code = text.replace("^", "**")
    code = re.sub(r"(?<![\w.])(\d+)(?![\w.])", r"mpf(\1)", code)
    env = dict(_NAMES, mpf=mpmath.mpf, pi=mpmath.pi, E=mpmath.e, EulerGamma=mpmath.euler)
    compiled = compile(code, "<f>", "eval")

    def f(x):
        return eval(compiled, {"__builtins__": {}}, dict(env, x=x))
    return f


def mp_value(text, x):
    return mp_function(text)(mpmath.mpf(x) if not isinstance(x, mpmath.mpf) else x)


def _transform(f, transform):
    if transform == "cm":
        return f
    if transform == "s2":
        return lambda t: f(mpmath.sqrt(t))
    if transform == "bf":
        return lambda x: mpmath.diff(f, x)
    if transform == "e2":
        return lambda t: mpmath.diff(lambda s: f(mpmath.sqrt(s)) ** 2, t)
    raise ValueError(transform)


def _signed_derivative(f, transform, k, x0):
    """(-1)^k g^(k)(x0) for g the transformed f."""
    if transform == "cm":
        d = mpmath.diff(f, x0, k)
    elif transform == "s2":
        d = mpmath.diff(lambda t: f(mpmath.sqrt(t)), x0, k)
    elif transform == "bf":
        d = mpmath.diff(f, x0, k + 1)
    elif transform == "e2":
        d = mpmath.diff(lambda t: f(mpmath.sqrt(t)) ** 2, x0, k + 1)
    else:
        raise ValueError(transform)
    return (-1) ** k * d


def _num(text):
    """A decimal-free number written as an integer or p/q, exactly at the working precision."""
    text = str(text)
    if "/" in text:
        p, q = text.split("/")
        return mpmath.mpf(int(p)) / int(q)
    return mpmath.mpf(text)


def _value_at_0(f):
    try:
        v = f(mpmath.mpf(0))
        if mpmath.isfinite(v):
            return v
    except (ZeroDivisionError, ValueError):
        pass
    with mpmath.workdps(300):  # f at 10^-120 with 300 digits: no cancellation, and x log x or sqrt(x) terms are
        v = f(mpmath.mpf(10) ** -120)  # negligible (mpmath.limit extrapolates them badly: x log(1 + 1/x))
    return +v if mpmath.isfinite(v) else mpmath.limit(f, 0, direction=1)


def verify_case(case):
    """Re-check a case's witness with mpmath at 50 digits; return a one-line description. Raises
    AssertionError when the witness does not show what it claims. True cases without an identity have
    nothing to check numerically (their evidence is a theorem) and return their evidence."""
    w = witness_of(case)
    if w is None:
        assert case.truth, f"False case without a witness: {case}"
        return "theorem: " + case.evidence
    with mpmath.workdps(DPS):
        f = mp_function(case.function)
        kind = w["kind"]
        tol = mpmath.mpf(10) ** (-30)
        if kind == "identity":
            p = mp_function(w["poly"])
            for x0 in ("-7/3", "-1/2", "0", "1/3", "2", "11/5"):
                x = _num(x0)
                assert abs(f(x) - p(x)) < tol * (1 + abs(p(x))), (case, x0)
            assert case.truth
            return f"f = {w['poly']} at six points"
        assert not case.truth, f"a witness against a True case: {case}"
        if kind == "derivative":
            x0 = _num(w["x0"])
            v = _signed_derivative(f, w["transform"], w["k"], x0)
            assert v < -tol, (case, v)
            return f"(-1)^{w['k']} g^({w['k']})({w['x0']}) = {mpmath.nstr(v, 8)} < 0 for g = {w['transform']}(f)"
        if kind == "zero":
            g = _transform(f, w["transform"])
            x0, x1 = (_num(s)
                      for s in (w["x0"], w["x1"]))
            assert 0 < x0 < x1 and g(x0) > tol and abs(g(x1)) < tol, (case, g(x0), g(x1))
            return f"g({w['x0']}) = {mpmath.nstr(g(x0), 8)} > 0 = g({w['x1']}) for g = {w['transform']}(f)"
        if kind == "value0":
            v = _value_at_0(f)
            assert abs(v) > tol, (case, v)
            return f"f(0) = {mpmath.nstr(v, 8)} != 0"
        if kind == "negative":
            v = f(mpmath.mpf(w["x0"]))
            assert v < -tol, (case, v)
            return f"f({w['x0']}) = {mpmath.nstr(v, 8)} < 0"
        if kind == "box":
            import itertools
            sides = [_num(s)
                     for s in w["sides"]]
            verts = list(itertools.product((0, 1), repeat=len(sides)))

            def dist(u, v):
                if w["metric"] == "l1":
                    return sum(s * abs(a - b) for s, a, b in zip(sides, u, v))
                return mpmath.sqrt(sum((s * (a - b)) ** 2 for s, a, b in zip(sides, u, v)))
            f0 = _value_at_0(f)
            M = mpmath.matrix([[f(dist(u, v)) if u != v else f0 for v in verts] for u in verts])
            lam = min(mpmath.eigsy(M)[0])
            assert lam < -tol, (case, lam)
            return f"box {w['sides']} ({w['metric']}): least eigenvalue {mpmath.nstr(lam, 8)} < 0"
        if kind == "nonreal":
            try:
                v = f(mpmath.mpf(w["x0"]))
                ok = abs(mpmath.im(v)) > tol or not mpmath.isfinite(v)
            except (ZeroDivisionError, ValueError):
                ok = True
            assert ok, case
            return f"f({w['x0']}) is not a finite real number"
        if kind == "bounded":
            g = (lambda x: f(x) - abs(x)) if w.get("minus_abs") else f
            a, b = mpmath.mpf(w["a"]), mpmath.mpf(w["b"])
            assert abs(g(a) - g(b)) > tol, case
            # consistent with the bound stated in the evidence: sampled values stay bounded
            vals = [abs(g(mpmath.mpf(s) / 7)) for s in range(-7000, 7001, 97)] + [abs(g(a)), abs(g(b))]
            assert max(vals) < 10, case
            return f"bounded on R (sampled max {mpmath.nstr(max(vals), 5)}), f({w['a']}) != f({w['b']})"
        if kind == "kink":
            x0 = mpmath.mpf(w["x0"])
            n = w.get("order", 1)
            left = mpmath.diff(f, x0, n, direction=-1)
            right = mpmath.diff(f, x0, n, direction=1)
            assert abs(left - right) > mpmath.mpf(10) ** -10, (case, left, right)
            return f"one-sided derivatives of order {n} at {w['x0']}: {mpmath.nstr(left, 6)} != {mpmath.nstr(right, 6)}"
        raise ValueError(kind)


TRANSFORMS = {"pd-l1": "cm", "completely-monotone": "cm", "pd-l2": "s2", "l1-to-l1": "bf", "l1-to-l2sq": "bf",
              "bernstein": "bf", "l2-to-l2": "e2"}


def spot_check_true(case, kmax=5, points=("1/10", "1/2", "1", "2", "5")):
    """A consistency check of a True case (not a proof): the signs (-1)^k g^(k) >= 0 for k <= kmax at a few
    points, and f(0) = 0 for the Bernstein claims. Returns the list of violations (empty when consistent)."""
    if case.claim not in TRANSFORMS:
        return []
    transform = TRANSFORMS[case.claim]
    bad = []
    with mpmath.workdps(30):
        f = mp_function(case.function)
        if transform in ("bf", "e2") and abs(_value_at_0(f)) > mpmath.mpf(10) ** -15:
            bad.append("f(0) != 0")
        for k in range(kmax + 1):
            for x0 in points:
                v = _signed_derivative(f, transform, k, _num(x0))
                if v < -mpmath.mpf(10) ** -15 * (1 + abs(v)):
                    bad.append((k, x0, mpmath.nstr(v, 5)))
    return bad


def _search(function, claim):
    """Find a derivative witness (k <= 8, x0 on a grid) for a False case: used to fill WITNESSES."""
    transform = {"pd-l1": "cm", "completely-monotone": "cm", "pd-l2": "s2", "l1-to-l1": "bf",
                 "l1-to-l2sq": "bf", "bernstein": "bf", "l2-to-l2": "e2"}[claim]
    grid = ["1/10", "1/4", "1/2", "1", "3/2", "2", "3", "4", "6", "10", "20", "40"]
    with mpmath.workdps(DPS):
        f = mp_function(function)
        for k in range(0, 9):
            for x0 in grid:
                x = _num(x0)
                try:
                    v = _signed_derivative(f, transform, k, x)
                except (ZeroDivisionError, ValueError):
                    continue
                if mpmath.im(v) == 0 and v < -mpmath.mpf(10) ** -20:
                    return D(transform, k, x0)
    return None


if __name__ == "__main__":
    import sys

    if "--search" in sys.argv:
        for case in CASES:
            if not case.truth and witness_of(case) is None:
                print(repr((case.function, case.claim)), ":", _search(case.function, case.claim), ",")
    else:
        for case in CASES:
            try:
                print(case.claim, case.truth, case.function, "--", verify_case(case))
            except AssertionError as exc:
                print("FAILED", case.claim, case.truth, case.function, exc)
