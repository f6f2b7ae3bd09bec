"""The version-2 checker: certificates whose expressions are read by SymPy (see :mod:`.checker`).

It imports SymPy, mpmath and python-flint and nothing of the prover, so a bug in the prover cannot
vouch for itself. A certificate is JSON (format ``symrep-certificate``, version 2); the checker
refuses anything outside the grammar of ``docs/certificates.md``, recomputes every fact from
scratch within counted work (fuel, :mod:`~symrep.certificates.fuel`: the verdict is a function of the
certificate and the fuel alone), and ends by checking that what it verified is exactly the stated
claim, on the stated domain, about the stated function.
"""

import sympy

from .calculus import check_node
from .claims import DOMAINS, FORMAT, MAY_BE_UNDEFINED_AT_0, VERSION
from .exact import equal, nonneg
from .function import Function
from .polynomials import check_not_polynomial, check_polynomial
from .fuel import DEFAULT_FUEL, read_fuel, tank
from .header import read_header
from .reading import XP, XR, CheckError, MalformedCertificate, get, parse
from .regions import certificate_region, region_scope
from .stable_rank import check_ratio_enclosure
from .witnesses import (check_box, check_cube_rank, check_derivative, check_flat_start, check_rank_witness, check_triangle,
                        check_value)

__all__ = ["check_v2"]


def check_v2(cert, *, fuel=DEFAULT_FUEL, seconds=None):
    """Verify a version-2 certificate (see :func:`symrep.certificates.checker.check` for the parameters)."""
    try:
        fuel = read_fuel(fuel)
    except ValueError as exc:
        raise MalformedCertificate(str(exc)) from None
    version = cert.get("version") if isinstance(cert, dict) else None
    cert = read_header(cert, VERSION, f"unsupported {FORMAT} version {version!r}: this checker reads version {VERSION} "
                                      f"(the JSON integer), whose functions are read with a real x")
    claim, verdict, method = cert["claim"], cert["verdict"], cert["method"]
    data = get(cert, "data", "dict", "certificate")
    with tank(fuel, seconds), region_scope(certificate_region(cert, claim)):
        try:
            f = Function(parse(cert["function"], "function", symbol=XR), DOMAINS[claim], cert.get("extension"),
                         undefined_at_0_allowed=claim in MAY_BE_UNDEFINED_AT_0)
            verified = (check_ratio_enclosure(claim, f, data, cert["domain"]) if method == "ratio-enclosure"
                        else _VERIFIERS[method](claim, f, data))
        except CheckError:
            raise
        except RecursionError:
            raise CheckError("the certificate is nested too deeply to verify") from None
        except Exception as exc:  # anything SymPy cannot do with the data is a refusal, not a crash
            raise CheckError(f"cannot verify the {method} data: {type(exc).__name__}: {exc}") from None
    # End state: exactly the stated claim about the stated function, nothing left over.
    if verified != (claim, verdict):
        raise CheckError(f"the data proves {verified[0]} {verified[1]}, but the certificate states {claim} {verdict}")
    return claim, cert["function"], verdict


def _derivation(claim, f, data):
    """A CM or BF derivation on (0, oo), plus the paper's condition at 0 from f's own text."""
    if set(data) - {"derivation", "transformed"}:
        raise CheckError(f"derivation data has unknown fields {sorted(set(data) - {'derivation', 'transformed'})}")
    root = data.get("derivation")
    cls = "CM" if claim in ("pd-l1", "completely-monotone", "pd-l2") else "BF"
    if type(root) is not dict or root.get("class") != cls:
        raise CheckError(f"{claim} needs a {cls} derivation at the root")
    g = f.pos
    if claim in ("pd-l2", "l2-to-l2"):
        # Schoenberg: t -> f(sqrt t) must be CM (pd-l2); t -> f(sqrt t)^2 Bernstein (l2-to-l2).
        g = parse(get(data, "transformed", "str", "data"), "transformed")
        equal(g, f.pos.subs(XP, sympy.sqrt(XP)) ** (2 if claim == "l2-to-l2" else 1), "transformed")
        if claim == "l2-to-l2":
            equal(f.pos, sympy.sqrt(g.subs(XP, XP**2)), "f = sqrt(g(x^2)), so f >= 0")
    elif "transformed" in data:
        raise CheckError(f"{claim} takes no transformed function")
    equal(check_node(root, "derivation", [0]), g, "derivation root")
    # the transformed g has g(0) = f(0)^k and g(0+) = f(0+)^k: conditions at 0 are on f itself
    if cls == "CM":
        nonneg(f.value_at_0("f(0)") - f.limit_at_0_from_right("f(0+)"), "the paper's CM needs f(0) - f(0+) >= 0")
    else:
        equal(f.value_at_0("f(0)"), 0, "Bernstein in the paper's sense needs f(0) = 0")
    return claim, "holds"


def _not_polynomial(claim, f, data):
    return check_not_polynomial(claim, f, data, check_rank_witness)


_VERIFIERS = {"derivation": _derivation, "polynomial": check_polynomial, "not-polynomial": _not_polynomial,
              "box-witness": check_box, "derivative-witness": check_derivative, "value-witness": check_value,
              "triangle-witness": check_triangle, "cube-spectrum": check_cube_rank, "flat-start-witness": check_flat_start}
