"""The kernel's checker: certificates of format version 3, read and verified with no computer-algebra system.

:func:`check_kernel` reads a certificate whose expressions are terms of the kernel's grammar
(:mod:`~symrep.certificates.grammar`), verifies its data with the kernel's rules
(:mod:`~symrep.certificates.rules`) within counted work (:mod:`~symrep.certificates.fuel`), and ends by
checking that what it verified is exactly the stated claim, on the stated domain, about the stated
function. It imports the standard library and python-flint only.

The kernel reads today the refutations (``box-witness``, ``value-witness`` of kinds ``negative``,
``nonzero-at-0``, ``below-limit-at-0`` and ``zero``, ``triangle-witness``, ``derivative-witness``,
``log-convexity-witness``), ``polynomial`` and ``cube-spectrum``, for
functions without parameters; a
version-3 certificate of any other method or with parameters is rejected with a message saying so,
never checked another way.

Examples
--------
>>> from symrep.certificates.kernel import check_kernel
>>> cert = {"format": "symrep-certificate", "version": 3, "claim": "pd-l1", "domain": "[0, oo)",
...         "function": "exp(-x**2)", "verdict": "fails", "method": "box-witness", "rests_on": "seed paper",
...         "data": {"sides": ["1/2", "1/2"], "subset": [1, 2], "metric": "l1", "transform": "identity",
...                  "kind": "not-psd"}}
>>> check_kernel(cert)
('pd-l1', 'exp(-x**2)', 'fails')
>>> check_kernel({**cert, "function": "exp(-x)"})
Traceback (most recent call last):
...
symrep.certificates.errors.CheckError: box witness lambda_S: could not prove that 1*exp(-1*0) - exp(-1*(1/2)) - exp(-1*(1/2)) + 1*exp(-(1/2 + 1/2)) has sign -1
"""


from .claims import DOMAINS, PARAMETRIC_CLAIMS
from .errors import CheckError, MalformedCertificate
from .fuel import DEFAULT_FUEL, read_fuel, tank
from .header import read_header
from .rules.derivations import Context, check_node
from .rules.flat_start import check_flat_start
from .rules.function import Function
from .rules.interval import check_on_interval
from .rules.regions import read_region
from .rules.stable_rank import check_ratio_enclosure
from .rules.not_polynomial import check_not_polynomial
from .rules.polynomials import check_cube_rank, check_polynomial
from .rules.witnesses import check_box, check_derivative, check_log_convexity, check_triangle, check_value

__all__ = ["check_kernel", "KERNEL_VERSION", "KERNEL_METHODS"]

KERNEL_VERSION = 3
_VERIFIERS = {"derivation": None, "box-witness": check_box, "value-witness": check_value, "triangle-witness": check_triangle,
              "derivative-witness": check_derivative, "log-convexity-witness": check_log_convexity, "polynomial": check_polynomial, "cube-spectrum": check_cube_rank,
              "not-polynomial": check_not_polynomial, "flat-start-witness": check_flat_start,
              "ratio-enclosure": None}
#: The methods the kernel reads today.
KERNEL_METHODS = tuple(sorted(_VERIFIERS))


def check_kernel(cert, *, fuel=DEFAULT_FUEL, seconds=None):
    """Verify a version-3 certificate; return ``(claim, function text, verdict)`` or raise
    :class:`~symrep.certificates.errors.CheckError` with the step that failed."""
    try:
        fuel = read_fuel(fuel)
    except ValueError as exc:
        raise MalformedCertificate(str(exc)) from None
    cert = read_header(cert, KERNEL_VERSION, f"the kernel reads version {KERNEL_VERSION} certificates, got "
                                             f"{cert.get('version') if isinstance(cert, dict) else None!r}")
    claim, verdict, method = cert["claim"], cert["verdict"], cert["method"]
    if method not in _VERIFIERS:
        raise CheckError(f"the kernel does not read {method} certificates yet (it reads {', '.join(KERNEL_METHODS)})")
    with tank(fuel, seconds):
        try:
            names = _parameters(cert, claim)
            f = Function(cert["function"], DOMAINS[claim], tuple(names), cert.get("extension"), names)
            context = Context(names)
            if method == "derivation":
                verified = _derivation(claim, f, cert["data"], context)
            elif method == "not-polynomial" and cert["domain"] != DOMAINS[claim]:  # low-rank on an interval (LO, oo)
                verified = check_on_interval(claim, f, cert["data"], cert["domain"])
            elif method == "ratio-enclosure":
                verified = check_ratio_enclosure(claim, f, cert["data"], cert["domain"])
            else:
                verified = _VERIFIERS[method](claim, f, cert["data"])
        except RecursionError:
            raise CheckError("the certificate is nested too deeply to verify") from None
        except (ArithmeticError, ValueError, TypeError) as exc:  # arithmetic beyond what balls can do
            raise CheckError(f"cannot verify the {method} data: {type(exc).__name__}: {exc}") from None
    if verified != (claim, verdict):
        raise CheckError(f"the data proves {verified[0]} {verified[1]}, but the certificate states {claim} {verdict}")
    return claim, cert["function"], verdict


def _parameters(cert, claim):
    """``{name: Span}``: every name of the function other than ``x``, the constants and the functions is a
    parameter, and a certificate with parameters states their region in ``assume``."""
    import ast

    from .terms import CONSTANTS, FUNCTIONS

    text = cert["function"]
    try:
        tree = ast.parse(text.replace("^", "**"), mode="eval") if len(text) <= 20000 else None
    except (SyntaxError, ValueError, RecursionError, MemoryError):
        raise CheckError(f"function: cannot parse {text[:80]!r}") from None
    names = sorted({n.id for n in ast.walk(tree) if isinstance(n, ast.Name)} - {"x", *CONSTANTS, *FUNCTIONS,
                                                                                   "sqrt", "cbrt"}) if tree else []
    bad = [n for n in names if n in ("t",) or n.startswith("_")]
    if bad:
        raise CheckError(f"{', '.join(bad)} cannot name a parameter (t is the variable of densities)")
    if not names:
        if "assume" in cert:
            raise CheckError("the certificate states a region ('assume') but its function has no parameters")
        return {}
    if claim not in PARAMETRIC_CLAIMS:
        raise CheckError(f"{claim} certificates take no parameters (the function has {', '.join(names)})")
    if "assume" not in cert or type(cert["assume"]) is not str:
        raise CheckError(f"the function has parameters ({', '.join(names)}): the certificate must state their "
                         f"region in 'assume'")
    return read_region(cert["assume"], tuple(names))


def _derivation(claim, f, data, context):
    """A CM or BF derivation on (0, oo) for the function the claim needs (Schoenberg's transforms for the
    l2 claims), plus the paper's condition at 0: ``f(0) >= f(0+)`` (CM) or ``f(0) = 0`` (Bernstein)."""
    from .domains import continuous_on, prove_sign
    from .normal_form import proved_equal
    from .terms import HALF, ZERO, mul, num, power, substitute, var

    if set(data) - {"derivation", "transformed"}:
        raise CheckError(f"derivation data has unknown fields {sorted(set(data) - {'derivation', 'transformed'})}")
    root = data.get("derivation")
    cls = "CM" if claim in ("pd-l1", "completely-monotone", "pd-l2") else "BF"
    if type(root) is not dict or root.get("class") != cls:
        raise CheckError(f"{claim} needs a {cls} derivation at the root")
    g = f.on_half_line()
    if claim in ("pd-l2", "l2-to-l2"):  # Schoenberg: t -> f(sqrt t) CM (pd-l2), t -> f(sqrt t)^2 Bernstein (l2-to-l2)
        if type(data.get("transformed")) is not str:
            raise CheckError(f"{claim} needs the transformed function in 'transformed'")
        transformed = context.term(data["transformed"], "transformed")
        expected = substitute(g, {"x": power(var("x"), HALF)})
        if claim == "l2-to-l2" and g.op == "^" and g.args[1] == HALF:
            # f = H^(1/2) as written: f >= 0 where defined, and f(sqrt t)^2 = H(sqrt t) wherever H(sqrt t) >= 0, which
            # holds on (0, oo) once H(sqrt t) = transformed, a Bernstein function (checked below), hence >= 0 (so f is
            # defined there too): sqrt(log(sinh(x)/x)) needs no sign of log(sinh(x)/x) read off its form
            context.equal(transformed, substitute(g.args[0], {"x": power(var("x"), HALF)}), "transformed")
        elif claim == "l2-to-l2" and root.get("rule") == "square-split" and type(root.get("children")) is list \
                and root["children"] and type(root["children"][0]) is dict:
            # f(s) = s A(s^2) with A the split's first factor, CM (checked with the root below): so f >= 0 on (0, oo)
            context.equal(transformed, power(expected, num(2)), "transformed")
            A = context.term(root["children"][0].get("expr"), "square-split A")
            context.equal(g, mul(var("x"), substitute(A, {"x": power(var("x"), num(2))})), "f = x A(x^2), so f >= 0")
        elif claim == "l2-to-l2":  # f = sqrt(g(x^2)) >= 0: as an identity, or g = f(sqrt t)^2 and a sign proved (tanh x)
            context.equal(transformed, power(expected, num(2)), "transformed")
            back = power(substitute(transformed, {"x": power(var("x"), num(2))}), HALF)
            if not (continuous_on(back, "x", context.open) and continuous_on(g, "x", context.open)
                    and proved_equal(g, back, context.domain)):
                prove_sign(g, context.open, ">=", "f = sqrt(g(x^2)), so f >= 0 on (0, oo), which is not proved")
        else:
            context.equal(transformed, expected, "transformed")
        g = transformed
    elif "transformed" in data:
        raise CheckError(f"{claim} takes no transformed function")
    context.equal(check_node(root, "derivation", context), g, "derivation root")
    # the conditions at 0 are on f itself (the transforms have the same values at 0, squared)
    if f.extension is None and continuous_on(f.term, "x", context.closed):  # f(0) = f(0+), as written
        f0 = f0plus = substitute(f.term, {"x": ZERO}) if context.parameters else f.at(ZERO, "f(0)")
    else:
        f0 = f.at(ZERO, "f(0)") if not context.parameters else f.extension
        if f0 is None:
            raise CheckError("f(0) of a family is read where f is continuous on [0, oo) or has an extension")
        f0plus = f.right_limit_at_0 if f.right_limit_at_0 is not None else right_limit(f.on_half_line(), context)
    if cls == "CM":
        if not proved_equal(f0, f0plus, context.domain):
            prove_sign(_difference(f0, f0plus), context.parameters, ">=",
                       "the paper's CM needs f(0) - f(0+) >= 0")
    elif not proved_equal(f0, ZERO, context.domain):
        raise CheckError("Bernstein in the paper's sense needs f(0) = 0, which is not proved")
    return claim, "holds"


def right_limit(term, context):
    """``term(0+)``: its value at 0 where it is proved continuous on ``[0, oo)``, else its Taylor model's."""
    from .domains import continuous_on
    from .rules.growth import right_limit as limit_at_0
    from .terms import ZERO, substitute

    if continuous_on(term, "x", context.closed):
        return substitute(term, {"x": ZERO})
    if context.parameters:  # Taylor models need numbers; a family's limit by the Bessel rule (DLMF 10.30.2) or N/x^m
        from .rules.quotient_limit import family_limit

        return family_limit(term, context.closed)
    return limit_at_0(term)


def _difference(a, b):
    from .terms import add, mul, num

    return add(a, mul(num(-1), b))
