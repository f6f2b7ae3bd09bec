"""Why each certificate in ``tests/known_bad/`` must be rejected: a phrase the checker's message must contain.

A file here without a reason fails the suite, so a new forgery is always filed with what it attacks.
"""

REASONS = {
    # function classes, leaves and rules
    "bernstein-nonzero-at-0": "needs f(0) = 0",
    "bernstein-product-rule": "proves CM, not 'BF'",
    "bernstein-leaf-labelled-cm": "the rule bf-linear proves BF or CBF, not 'CM'",
    "cm-exp-negative-rate": "(cm-exp): could not prove",
    "derivative-rule-negative-start": "f(0+): could not prove",
    "bernstein-complement-below-its-start": "(bf-complement) c - g(0+): could not prove",
    # found by an attack (2026-12-07): 0^(e + n) = 0^e 0^n erased 0^0 = 1; Sturm signed terms undefined on the region
    "zero-witness-at-0-to-the-0": "f(2) = 0^(1 - exp(acos(1))) is not proved exactly 0",
    "tent-with-0-to-the-0-passed-off-as-cm-const": "Max(0, 0^(1 - exp(acos(1))) - x) is not proved continuous",
    "laplace-minus-tent-with-0-to-the-0": "is not proved continuous (and defined)",
    "polynomial-x-refuted-by-a-0-to-the-0": "proof (rational): g Q = P is not proved",
    "cube-rank-0-by-a-0-to-the-0": "lambda at level 0 is not proved 0 by the normal form",
    "x-plus-tent-with-0-to-the-0-passed-off-as-linear": "x + Max(0, 0^(1 - exp(acos(1))) - x) is not proved continuous",
    "polynomial-x-undefined-at-1-by-0-to-a-max": "proof (undefined-at): f is not proved undefined at 1",
    "polynomial-x-undefined-at-1-by-0-to-an-acos": "proof (undefined-at): f is not proved undefined at 1",
    "extension-redefines-a-defined-f0-by-0-to-a-max": "the extension redefines f(0), but f(0) as written is not proved undefined",
    "undefined-at-1-hidden-in-a-max-by-sturm": "Max(0, (x - 1)/(x - 1) - 1 - x) is not proved continuous (and defined)",
    "undefined-log-hidden-in-a-max-by-sturm": "Max(0, log(1 - x) - log(1 - x) - x) is not proved continuous (and defined)",
    # a true statement whose check would take minutes: big rationals along a Sturm chain are charged by their bits
    "sturm-chain-of-a-degree-40-family-constant": "ran out of fuel (200,000 units) while computing a polynomial remainder",
    "sinh-of-minus-a-cm-function": "(sinh-of-cm): sinh(-(1 + x)^(-1)) and sinh(1/(x + 1)) are not proved equal",
    "difference-of-cm-functions": "(scale): could not prove",
    "gaussian-compose-with-x-squared": "(bf-power): could not prove",
    # Stieltjes (ST) and complete Bernstein (CBF) rules: exponents, shifts, rates, labels (theory section 4)
    "stieltjes-power-exponent-above-one": "(st-power): could not prove that 1 + (-1*2) has sign +1",
    "stieltjes-power-negative-shift": "(st-power): could not prove that -1 has sign +1",
    "stieltjes-tanh-negative-rate": "(st-tanh-root): could not prove that -1 has sign +1",
    "geometric-mean-exponent-outside-unit-interval": "(geometric-mean): could not prove that 1 + (-1*(3/2))",
    "stieltjes-atom-labelled-complete-bernstein": "the rule st-power proves ST, not 'CBF'",
    "complete-bernstein-product-rule": "the rule product proves CM, not 'CBF'",
    "stieltjes-from-a-complete-bernstein-child": "(st-is-cm): child 0 must be a ST derivation",
    "complete-bernstein-times-x": "the rule bf-power proves BF or CBF, not 'ST'",
    # sqrt(x) coth(sqrt(x)) is 1 at 0: the atom is coth(sqrt(x))/sqrt(x) - 1/x, and the value at 0 is proved
    "stieltjes-coth-root-drops-the-constant": "(x-times-st): x^(1/2)/tanh(x^(1/2)) and x*(1/(x^(1/2)*tanh(x^(1",
    "stieltjes-coth-root-hides-the-value-at-0": "extension: the limit of f at 0+ is not proved equal to 0",
    # issue 24, limits and closure rules (rules/closure, rules/bessel, rules/growth, special_values)
    "minus-start-above-the-start": "(minus-start) g(0+) - c: could not prove",
    "polygamma-of-order-zero-labelled-cm": "the order n must be a whole number >= 1",
    "digamma-shift-zero": "(bf-digamma): could not prove that 0 has sign +1",
    "digamma-shifted-by-two-is-one-at-0": "needs f(0) = 0",
    "stieltjes-log-ratio-negative-b": "(st-log-ratio): could not prove that -1/2 has sign +1",
    "stieltjes-atan-root-negative-c": "(st-atan-root): could not prove that -1 has sign +1",
    "bessel-root-limit-stated-wrong": "extension: the limit of f at 0+ is not proved equal to 2",
    "bessel-root-unpaired-power": "is not a whole power of x",
    "growth-nested-power-negative-coefficient": "is not a whole power of x",
    # Weierstrass products (rules/weierstrass): powers > 0, rates > 0, the atom's own form, f >= 0 for l2-to-l2
    "weierstrass-cosh-root-negative-power": "(cm-sech-root) a: could not prove that -1 has sign +1",
    "weierstrass-sinh-over-root-as-its-reciprocal": "derivation (cm-sinhc-root): sinh(x^(1/2))/x^(1/2) and",
    "weierstrass-sinhc-of-x-not-of-its-root": "derivation (cm-sinhc-root): x/sinh(x) and",
    "weierstrass-sech-zero-rate": "(cm-sech-root) c: could not prove that 0 has sign +1",
    "weierstrass-secant-as-sech": "1/cos(x^(1/2)) is not proved continuous",
    "weierstrass-tanhc-zero-power": "(cm-tanhc-root) a: could not prove that 0 has sign +1",
    "weierstrass-tanh-squared-l2-to-l2": "derivation.0 (product): 2*(1 - tanh(x^(1/2))^2)*tanh(x^(1/2))^3/x^(1/2) and",
    "weierstrass-negative-tanh-l2-to-l2": "so f >= 0 on (0, oo), which is not proved: could not prove -tanh(x) >= 0",
    "weierstrass-tanh-l2-to-l2-jump-at-0": "Bernstein in the paper's sense needs f(0) = 0",
    # jumps behind a smooth derivative
    "sawtooth-behind-smooth-derivative": "derivation (derivative): atan(tan(x)) is not proved analytic on (0, oo",
    "sawtooth-inside-pd-l1": "derivation.1 (derivative): atan(tan(x)) is not proved analytic on (0, ",
    # the value at 0 and below 0
    "heaviside-drop-at-0-pd-l1": "the paper's CM needs f(0) - f(0+) >= 0",
    "zero-power-drop-at-0-pd-l1": "the paper's CM needs f(0) - f(0+) >= 0",
    "abs-passed-off-as-polynomial": "f equals the polynomial on R",
    "sqrt-of-square-passed-off-as-polynomial": "f equals the polynomial on R",
    "relu-passed-off-as-polynomial": "f equals the polynomial on R",
    "extension-redefines-f-at-0": "the extension redefines f(0)",
    "extension-wrong-limit": "extension: the limit of f at 0+ is not proved equal to 2",
    "removable-singularity-without-extension": "derivation (cm-laplace): needs params ['coefficients', 'density', 'rat",
    "domain-misstated": "concerns f on [0, oo)",
    "limit-point-outside-domain": "must lie in (0, oo)",
    "low-rank-discontinuous": "not proved continuous on R",
    # low-rank on an interval (LO, oo): f analytic there, the proof about f(x + LO), no holds, witnesses at 0 in it
    "low-rank-interval-past-the-pole": "not proved real analytic on the interval (-4, oo)",
    "low-rank-interval-past-the-branch-point": "not proved real analytic on the interval (-3, oo)",
    "low-rank-interval-polynomial-in-disguise": "g is not proved bounded on a half-line",
    "low-rank-holds-on-an-interval": "low-rank concerns f on R, but the certificate states the domain '(-1, oo)'",
    "polynomial-on-an-interval": "polynomial concerns f on R",
    "low-rank-interval-witness-outside": "0 must lie in the interval",
    "low-rank-interval-irrational-start": "must be an exact rational",
    "low-rank-interval-proof-of-the-wrong-shift": "proof (rational): g Q = P is not proved",
    # trigonometric identities: a constant in disguise is no refutation, |cos x| is no polynomial
    "trig-constant-in-disguise-refuted": "proof (limit) g(a) - g(b): could not prove",
    "abs-cos-passed-off-as-polynomial": "f equals the polynomial on R",
    # disguised zeros and coprimality
    "disguised-zero-leading-coefficient": "proof (rational) denominator: the kernel reads rational coefficients h",
    "disguised-common-factor": "proof (rational) numerator: the kernel reads rational coefficients her",
    "rational-common-factor": "resultant",
    "ode-indicial-root-in-N": "indicial(2)",
    # transforms: exact, no float tolerance
    "laplace-density-negative": "derivation (cm-laplace): needs params ['coefficients', 'density', 'rat",
    "laplace-divergent-density": "derivation (cm-laplace): needs params ['coefficients', 'density', 'rat",
    "laplace-density-tiny-wrong-term": "derivation (cm-laplace): needs params ['coefficients', 'density', 'rat",
    # SymPy's laplace_transform drops a factor exp(x^2/4) for t exp(-t^2): found by an attack on the checker
    "laplace-sympy-wrong-transform-cm": "derivation (cm-laplace): needs params ['coefficients', 'density', 'rat",
    "laplace-sympy-wrong-transform-inside-bernstein": "derivation.0 (cm-laplace): needs params ['coefficients', 'density', 'r",
    # an antiderivative with a term erfc(t-1) + erf(t-1) - 1 (identically 0) whose SymPy limit at oo is 2:
    # certificates no longer carry antiderivatives (the checker builds them)
    "laplace-antiderivative-with-disguised-zero-term": "derivation (cm-laplace): needs params ['coefficients', 'density', 'rat",
    "laplace-antiderivative-inside-bernstein": "derivation.0 (cm-laplace): needs params ['coefficients', 'density', 'r",
    # SymPy's limit at 0+ of erfc(1 - 1/x) + erfc(1/x - 1) - 2 (identically 0) is -2: a third attack
    "limit-at-0-wrong-cm-holds": "a function of something unbounded at 0 is not expanded",
    "limit-at-0-wrong-extension-bernstein-fails": "a function of something unbounded at 0 is not expanded",
    "limit-at-0-wrong-below-limit-witness": "a function of something unbounded at 0 is not expanded",
    # the same SymPy error, past a guard that compared only the first and the last sample (a fourth
    # attack): finite limits at a point are now proved (continuity, a proved rewriting, or a quotient
    # of analytic expressions), never taken from SymPy
    "limit-at-0-wrong-extension-passes-a-weak-guard": "a function of something unbounded at 0 is not expanded",
    # witnesses
    "gaussian-claim-swapped-to-pd-l2": "is refuted by metric/transform/kind",
    "laplace-box-witness-wrong-sign": "lambda_S: could not prove",
    "subset-out-of-range": "subset must list distinct coordinates",
    "triangle-witness-false": "f(a+b) - f(a) - f(b)",
    "zero-side": "box witness side: 0 must be positive: could not prove that 0 has sign ",
    "cube-rank-heavy-false-zero-levels": "lambda at level 0",
    # the stable-rank claim (x/sqrt(l) <= f(x) <= sqrt(L) x on a range): bounds, cover, range, f, types
    "stable-rank-L-too-small": "f(x)^2 <= L x^2 is not proved",
    "stable-rank-l-too-small": "l f(x)^2 >= x^2 is not proved",
    "stable-rank-gap-in-subintervals": "a gap or an overlap",
    "stable-rank-subinterval-beyond-hi": "not at HI = 4",
    "stable-rank-range-below-0": "the range must lie in [0, oo)",
    "stable-rank-f-negative": "is not proved positive",
    "stable-rank-zero-entry-f0-nonzero": "the entry 0 needs f(0) = 0",
    "stable-rank-extension-lie-at-0": "extension: the limit of f at 0+ is not proved equal to 1",
    "stable-rank-sqrt-unbounded-at-0": "on [0, 1/16]: f(x)/x has no finite enclosure",
    "stable-rank-pole-inside-range": "on [63/32, 2]: f(x)/x has no finite enclosure",
    "stable-rank-heaviside-jump": "the kernel has no derivative for Heaviside (it jumps or bends; the for",
    "stable-rank-float-bound": "stable rank L: expected an exact rational as text p/q, got 1.0001",
    "stable-rank-decimal-end": "expected an exact rational as text p/q, got '1.5'",
    "stable-rank-claimed-fails": "cannot establish that stable-rank fails",
    # the grammar and the types
    "function-executes-code": "__import__ cannot name a parameter (t is the variable of densities)",
    "verdict-flipped": "cannot establish that pd-l1 holds",
    "version-true": "unsupported symrep-certificate version True",
    "version-float": "unsupported symrep-certificate version 2.0",
    # parameters and regions (attack round 6)
    "param-region-widened-past-1": "(bf-power): could not prove 1 - s >= 0",
    "param-region-closed-at-0": "derivation.1 (bf-power): could not prove a > 0 on a in [0, 1]",
    "param-cm-exp-rate-region-below-0": "derivation (cm-exp): could not prove c >= 0 on the region",
    "param-flat-start-region-includes-1": "flat-start witness u(0+): u is not proved to tend to 0 at 0+ for every",
    "param-flat-start-order-0": "flat-start witness u(0+): u is not proved to tend to 0 at 0+ for every",
    "param-flat-start-constant-member": "flat-start witness u(x0): could not prove that -((-b)/a*((1/2)^a + 1)^",
    "param-flat-start-on-bernstein": "flat-start witness u(0+): u is not proved to tend to 0 at 0+ for every",
    "param-box-witness-region-includes-cm-members": "box witness lambda_S: could not prove",
    "param-0-to-the-s-undefined": "derivation (bf-power): could not prove s > 0 on the region",
    "param-region-divides-by-0": "region '(0 < a) & (a <= 1/0)': division by the literal 0 in \"1/0\"",
    "param-region-empty": "is empty: no value of a satisfies it",
    "param-named-t": "t cannot name a parameter",
    # a witness point may depend on the parameters (issue 24), but must lie in (0, oo) on the whole region
    "param-hidden-in-witness-point": "derivative witness: the point: -c must lie in the domain for every parameter",
    "param-region-on-a-fixed-function": "but its function has no parameters",
    "param-in-stable-rank": "stable-rank certificates take no parameters",
    # found by attack round 6 and fixed: a parameter named like the checker's own symbol, decimals rounded
    "param-named-like-the-laplace-constant": "derivation (cm-laplace): the density is not the family's",
    "decimal-exponent-read-as-a-float": "are not proved equal",
    "decimal-underflow-read-as-0": "derivation root: exp(-x) and exp(-x) - 1/10000000000000000000000000000",
    "decimal-region-bound-read-as-a-float": "could not prove 1 - s >= 0",
    "param-zero-times-hidden-infinity-at-0": "f(0) of a family is read where f is continuous on [0, oo) or has an ex",
    # the Matern family and the Bessel facts (DLMF 10.29-10.32) the checker uses for it
    "matern-cm-region-widened-past-half": "(cm-matern): could not prove 1/2 - nu >= 0",
    "matern-flat-start-region-includes-cm-members": "flat-start witness u(0+): u is not proved to tend to 0 at 0+ for every",
    "matern-extension-wrong-value": "extension: the limit of f at 0+",
    "matern-region-closed-at-0": "the scale c of K_b(c x): could not prove",
    "matern-region-with-negative-orders": "the scale c of K_b(c x): could not prove",
    "matern-atom-negative-scale": "besselk is not defined (or not analytic) at the value its argument tak",
    "matern-order-too-large-for-its-power": "besselk is not defined (or not analytic) at the value its argument tak",
    # attack round 7: exp(pi (1 + sqrt(-1))^2 / 2) = -1 passed as exp of a real (a power of a complex base
    # was taken for real); numbers with the imaginary unit are now refused, and the sign rule checks the base
    "complex-zero-in-disguise-scale": "derivation (scale): could not prove exp(nu + pi*(1 + (-1)^(1/2))^2/2) ",
    "matern-order-complex-disguise": "derivation.0 (cm-matern): could not prove 1/2 - (-nu)*exp(pi*(1 + (-1)",
    "matern-false-limit-complex-exponent": "a factor of the Bessel product is not proved continuous at 0",
    # attack round 8: "nu = 1.5" was read as nu = 1/2 (a decimal read from the text before "=" became "==")
    "region-point-decimal-misread-matern": "(cm-matern): could not prove that 1/2 + (-1*(3/2)) has sign +1",
    "region-point-decimal-misread-fails": "could not prove that 1*(0 + 1)^(-1*(3/2) + 1) - (1/2 + 1)^(-1*(3/2) + 1)",
    # attack round 9: besselk(a^2 - a + 1/2, 0) stays unevaluated, and 0 * it read as f(0) = 0 (it is 0 * oo)
    "bessel-order-in-disguise-reads-f0-as-0": "box witness: f at distance: f(0) is not proved defined for every param",
    "bessel-order-in-disguise-bernstein-nonzero-at-0": "value witness: f(0) is not proved defined for every parameter value of",
    # attack round 10: x/(x + z) with z = sin(1)^2 + cos(1)^2 - 1 (or a - 1 at a = 1) read as 0 * z^(-1) = 0 at 0;
    # a value at a point is now taken as written only if every power's base there is proved nonzero
    "denominator-zero-in-disguise-below-limit": "f(0): 0/(0 + sin(1)^2 + cos(1)^2 - 1) is not proved defined",
    "denominator-zero-in-disguise-box-witness": "box witness: f at distance: f(0): 0/(0 + sin(1)^2 + cos(1)^2 - 1) is n",
    "denominator-zero-in-disguise-cube-rank": "cube rank: f(0): 0/(0 + sin(1)^2 + cos(1)^2 - 1) is not proved defined",
    "denominator-zero-in-disguise-at-a-witness-point": "box witness: f at distance: f(1): (1 - 1)/(1 - 1 + sin(1)^2 + cos(1)^2",
    "denominator-parameter-zero-inside-the-region": "box witness: f at distance: f(0) is not proved defined for every param",
    # attack round 11: sign and Heaviside of z = atan(2) + atan(1/2) - pi/2 (exactly 0): SymPy's simplify took
    # sign(z^2) for 1 and its evaluation decided sign(z^2 + z^4) = 1; a jump's argument now needs its sign proved
    "jump-of-a-disguised-zero-simplified-away": "derivation root: exp(-x) + 5*sign((atan(2) + atan(1/2) - pi/2)^2) - 5 ",
    "jump-of-a-disguised-zero-decided-when-read": "derivation root: exp(-x) - 5*Heaviside(-((atan(2) + atan(1/2) - pi/2)^",
    "jump-decided-from-assumed-constants-low-rank": "f is not proved continuous on R, so it is not shown to be a polynomial",
    "jump-of-a-disguised-zero-stable-rank": "the entry 0 needs f(0) = 0 (x/sqrt(l) <= f(x) <= sqrt(L) x at x = 0)",
    # attack round 12: SymPy calls sinh(cosh(1)^2 - sinh(1)^2 - 1) (exactly 0) positive, so log(x + it) was
    # "continuous at 0"; SymPy now reasons only from constants whose signs ball arithmetic proved
    "log-of-a-disguised-zero-taken-for-continuous": "f(0): f(0): log(0 + 1) - log(0 + sinh(cosh(1)^2 - sinh(1)^2 - 1)) is n",
    "log-of-a-disguised-zero-polynomial": "not proved continuous on R",
    # the kernel (version 3), attack round 13: i^2 not reduced before exp, compose with an inner 0, jumps' limits
    'kernel-exp-of-a-complex-generator-taken-for-positive': 'derivation root: exp(-x) and',
    'kernel-compose-with-zero-inner-bernstein': 'the inner function at 1',
    'kernel-compose-with-zero-inner-cm': 'the inner function at 1',
    'kernel-compose-with-zero-inner-l1-to-l1': 'the inner function at 1',
    'kernel-compose-with-zero-inner-pd-l1': 'the inner function at 1',
    'kernel-cos-sin-equals-cosh-sin-completely-monotone': 'are not proved equal',
    'kernel-cos-sin-equals-cosh-sin-cube-rank': 'is not proved 0 by the normal form',
    'kernel-cos-sin-equals-cosh-sin-low-rank': 'f equals the polynomial on R',
    'kernel-cos-sin-equals-cosh-sin-pd-l1': 'are not proved equal',
    'kernel-cos-sin-equals-cosh-sin-polynomial': 'f equals the polynomial on R',
    'kernel-cos-sin-equals-cosh-sin-flat-start': 'the limit of u at 0+ is not proved 0',
    'kernel-heaviside-limit-taken-as-heaviside-0-bernstein': 'Heaviside',
    'kernel-heaviside-limit-taken-as-heaviside-0-box-witness': 'Heaviside',
    'kernel-sign-limit-taken-as-sign-0-l1-to-l1': 'sign',
    'kernel-cos-sin-equals-cosh-sin-stable-rank': 'l f(x)^2 >= x^2 is not proved',
    # the integral (mixture) rule: the fundamental theorem of calculus needs G C^1 in s on all of [a, b]
    'kernel-integral-pole-inside-the-interval': 'regularity: the antiderivative',
    'kernel-integral-branch-jump-inside-the-interval': 'regularity: the antiderivative',
    'kernel-integral-heaviside-antiderivative': 'regularity: the antiderivative',
    'kernel-integral-sign-antiderivative': 'regularity: the antiderivative',
    'kernel-integral-reversed-bounds': 'the bounds must satisfy from < to',
    'kernel-integral-empty-interval': 'the bounds must satisfy from < to',
    'kernel-integral-child-only-for-part-of-the-interval': '(cm-exp): could not prove s >= 0 on s in [-1, 1]',
    'kernel-integral-identity-on-part-of-the-half-line': 'are not proved equal',
    'kernel-integral-variable-is-x': 'must be a fresh name',
    'kernel-integral-child-is-not-the-derivative': "and the child's expression",
    # integral representations (issue 31): Bessel K (DLMF 10.32.9, 10.32.10), erfcx (7.2.2), Gamma ratios (5.9.16)
    'kernel-besselk-sqrt-atom-on-the-wrong-function': 'are not proved equal',
    'kernel-matern-l2-derivation-passed-off-as-pd-l1': 'pd-l1 takes no transformed function',
    'kernel-matern-l2-extension-wrong-value': 'extension: the limit of f at 0+ is not proved equal to 2',
    'kernel-besselk-complex-order': 'is not proved continuous (and defined) on (0, oo)',
    'kernel-besselk-shift-below-0': '(bf-const): could not prove that -1/2 has sign +1',
    'kernel-besselk-drop-at-0-pd-l1': "the paper's CM needs f(0) - f(0+) >= 0",
    'kernel-erfcx-negative-argument': 'are not proved equal',
    'kernel-gamma-ratio-reversed': '(cm-gamma-ratio): could not prove',
    'kernel-gamma-ratio-negative-shift': '(cm-gamma-ratio): could not prove that -1/2',
    'kernel-partial-fractions-negative-coefficient': '(scale): could not prove that -1 has sign +1',
    'kernel-atan-inverse-extension-wrong': 'extension: the limit of f at 0+ is not proved equal to pi',
    # the antiderivative rule: f >= 0 on (0, oo) and -f' CM
    'kernel-antiderivative-f-negative-somewhere': 'f >= 0 on (0, oo): could not prove',
    'kernel-antiderivative-child-is-f-prime': '(antiderivative):',
    # the zero witness: a CM function with a zero in (0, oo) is 0 (Bernstein-Widder); the zero must be exact,
    # in (0, oo), where f is defined, and f must be nonzero somewhere else
    'zero-witness-tiny-nonzero-at-zero-point': 'is not proved exactly 0',
    'zero-witness-zero-point-approximates-pi': 'is not proved exactly 0',
    'zero-witness-zero-point-outside-half-line': 'the zero point -1 must lie in (0, oo)',
    'zero-witness-undefined-at-zero-point': 'is not proved defined',
    'zero-witness-identically-zero': 'f(nonzero): could not prove that 0 is not 0',
    'zero-witness-nonzero-point-is-zero': 'f(nonzero): could not prove that sin(2*pi)^2/(2*pi)^2 is not 0',
    'zero-witness-family-region-reaches-nu-0': 'is not proved defined for every parameter value of the region',
    'zero-witness-on-a-bernstein-claim': 'a zero of f bears on pd-l1, pd-l2, completely-monotone, not on l1-to-l1',
    # bounds at infinity of Max and Min (a polynomial bounded on a half-line is constant): Max(1, x) is unbounded,
    # and 0 times a term not proved defined there (0^(-1)) is not 0
    'max-bound-at-infinity-unbounded': 'g is not proved bounded on a half-line',
    'max-bound-at-infinity-zero-times-undefined': 'g is not proved bounded on a half-line',
    # families: witnesses at points depending on the parameters, log-convexity, a family's limit at 0 (issue 24)
    "log-convexity-box-touching-the-holds-point": "could not prove (-c^2)*exp(-2) < 0 on c in [-1, 1]",
    "log-convexity-wrong-simplified-form": "the value is not proved equal to the stated simplified form",
    "log-convexity-of-a-cm-family": "log-convexity witness g g'' - g'^2 at x0: could not prove",
    "parametric-point-at-its-blow-up": "must lie in the domain for every parameter value",
    "parametric-value-point-outside-domain": "-2/c must lie in the domain for every parameter value",
    "family-quotient-limit-wrong": "the limit of f at 0+ is not proved equal to 2*c",
    "simplified-form-for-a-number": "'simplified' is read for families only",
    # one reading of f: at 0, f is its limit where it has one ((x^2 - x)/x is x - 1 there), so undefined-at 0 is
    # read only where an infinite limit at 0+ is proved
    "undefined-at-0-of-a-removable-singularity": "f is read at 0 by its limit where it has one",
    # near misses (issue 24): derivatives of high order in closed form (Leibniz's formula, the atoms' k-th
    # derivatives), and zeros of (-1)^k g^(k) on an interval where f's kinks are resolved
    "closed-form-high-order-of-a-cm-function": "g^(16777216)(x0): could not prove",
    "closed-form-stated-form-differs": "the form is not proved equal to the function on (0, oo)",
    "closed-form-order-beyond-the-limit": "or up to 67108864 in closed form",
    "closed-form-exp-of-a-square": "exp of a non-affine argument is not a sum of exponential",
    "closed-form-square-root-of-a-square": "exp of a non-affine argument is not a sum of exponential",
    "derivative-zero-of-a-cm-function": "g^(1)(2) = -(exp(-2)*(-1)) is not proved exactly 0",
    "derivative-zero-interval-across-the-kink": "is not proved analytic on (1/2, 3/2)",
    "derivative-zero-constant-function": "g(1) - g(3): could not prove",
    "derivative-zero-tiny-not-zero": "g^(2)(64) = 1*(exp(-64)*(-1)*(-1)) is not proved exactly 0",
    # cm-power-sum: partial fractions of mixed signs through the kernel's own Laplace density (issue 24): a density
    # negative for t > 10, terms that are not f, bounds over a dip of the density, a coefficient that is no rational,
    # exponents with two fractional parts (no common factor t^(sigma - 1))
    "power-sum-density-negative-far-out": "D = 1 - 1/10 t, not proved >= 0 for t > 0",
    "power-sum-terms-are-not-f": "derivation (cm-power-sum): 1/(x + 1) - 3/(x + 2) + 1/(x + 3) and",
    "power-sum-bounds-hide-a-dip": "cm-power-sum: the density is not proved > 0 on [",
    "power-sum-irrational-coefficient": "term 1 must be exact rational numbers",
    "power-sum-mixed-fractional-parts": "the exponents s must differ by integers",
    # square-split (l2-to-l2): f(sqrt t)^2 of -log(1 + x) is Bernstein, but f < 0 is no distance
    "square-split-of-a-negative-function": "f = x A(x^2), so f >= 0: -log(1 + x) and",
    # cm-besseli (issue 24): e^(-c x) (a x)^(-nu) I_nu(a x) is CM for c >= a > 0, nu > -1/2 only (DLMF 10.32.2)
    "besseli-rate-below-the-scale": "(cm-besseli) c - a: could not prove that 1 + (-1*2)",
    "besseli-order-below-minus-half": "(cm-besseli) nu + 1/2: could not prove that -3/2 + 1/2",
    "besseli-scale-zero": "(cm-besseli) a: could not prove that 0 has sign +1",
    "besseli-scale-negative": "(cm-besseli) a: could not prove that -1 has sign +1",
    "besseli-atom-for-another-argument": "exp(-x)*besseli(0, 2*x) and exp(-1*1*x)*(1*x)^(-1*0)*besseli(0, 1*x) are not proved equal",
    "besseli-atom-missing-its-power": "(cm-besseli): exp(-x)*besseli(1, x) and exp(-1*1*x)*(1*x)^(-1*1)*besseli(1, 1*x) are not proved equal",
    "besseli-complement-below-its-start": "(bf-complement) c - g(0+): could not prove that 1/2 - exp(-1*0)*besseli(0, 0)",
    "besseli-half-order-complement-below-its-start": "(bf-complement) c - g(0+): could not prove that 9/10 - 1^(-1)*(1^(1/2)/(2^(1/2)*gamma(1/2 + 1)))",
}
