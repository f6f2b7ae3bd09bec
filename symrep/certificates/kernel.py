"""The kernel's checker: certificates of format version 3, read and verified with no computer-algebra system.

:func:`check_kernel` reads a certificate whose expressions are terms of the kernel's grammar
(:mod:`~symrep.certificates.grammar`), verifies its data with the kernel's rules
(:mod:`~symrep.certificates.rules`) within counted work (:mod:`~symrep.certificates.fuel`), and ends by
checking that what it verified is exactly the stated claim, on the stated domain, about the stated
function. It imports the standard library and python-flint only.

The kernel reads the refutations today (``box-witness``, ``value-witness`` of kinds ``negative`` and
``nonzero-at-0``, ``triangle-witness``, ``derivative-witness``) for functions without parameters; a
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

import json
import re

from .claims import CLAIMS, DOMAINS, FORMAT, METHODS, RANK_CLAIM, STABLE_RANK_CLAIM
from .errors import CheckError, MalformedCertificate
from .fuel import DEFAULT_FUEL, read_fuel, tank
from .rules.function import Function
from .rules.witnesses import check_box, check_derivative, check_triangle, check_value

__all__ = ["check_kernel", "KERNEL_VERSION", "KERNEL_METHODS"]

KERNEL_VERSION = 3
_FIELDS = ("format", "version", "claim", "domain", "function", "verdict", "method", "rests_on", "data")
_OPTIONAL = ("reason", "extension", "assume")
_VERIFIERS = {"box-witness": check_box, "value-witness": check_value, "triangle-witness": check_triangle,
              "derivative-witness": check_derivative}
#: The methods the kernel reads today.
KERNEL_METHODS = tuple(sorted(_VERIFIERS))
_NAME = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")


def check_kernel(cert, *, fuel=DEFAULT_FUEL, seconds=None):
    """Verify a version-3 certificate; return ``(claim, function text, verdict)`` or raise
    :class:`~symrep.certificates.errors.CheckError` with the step that failed."""
    try:
        fuel = read_fuel(fuel)
    except ValueError as exc:
        raise MalformedCertificate(str(exc)) from None
    if not isinstance(cert, dict):
        raise MalformedCertificate(f"a certificate is a JSON object, got {type(cert).__name__}")
    try:
        cert = json.loads(json.dumps(cert, allow_nan=False))
    except (TypeError, ValueError, RecursionError) as exc:
        raise MalformedCertificate(f"the certificate is not JSON data: {exc}") from None
    for key in _FIELDS:
        if key not in cert:
            raise MalformedCertificate(f"certificate lacks {key!r}")
    extra = set(cert) - set(_FIELDS) - set(_OPTIONAL)
    if extra:
        raise MalformedCertificate(f"unknown certificate fields {sorted(extra)}")
    if cert["format"] != FORMAT:
        raise MalformedCertificate(f"not a {FORMAT}: format {cert['format']!r}")
    if type(cert["version"]) is not int or cert["version"] != KERNEL_VERSION:
        raise CheckError(f"the kernel reads version {KERNEL_VERSION} certificates, got {cert['version']!r}")
    for key in ("claim", "domain", "verdict", "method", "rests_on", "function"):
        if type(cert[key]) is not str:
            raise CheckError(f"certificate: {key!r} must be text")
    claim, verdict, method = cert["claim"], cert["verdict"], cert["method"]
    if claim not in CLAIMS + (RANK_CLAIM, STABLE_RANK_CLAIM):
        raise CheckError(f"unknown claim {claim!r}")
    if claim == STABLE_RANK_CLAIM or cert["domain"] != DOMAINS[claim]:
        raise CheckError(f"{claim} concerns f on {DOMAINS[claim]}, but the certificate states the domain "
                         f"{cert['domain']!r} (or the kernel does not read this claim yet)")
    if verdict not in METHODS or method not in METHODS[verdict].get(claim, ()):
        raise CheckError(f"method {method!r} cannot establish that {claim} {verdict}")
    if method not in _VERIFIERS:
        raise CheckError(f"the kernel does not read {method} certificates yet (it reads {', '.join(KERNEL_METHODS)})")
    if "assume" in cert or "extension" in cert:
        raise CheckError("the kernel does not read certificates with parameters or an extension at 0 yet")
    if type(cert["data"]) is not dict:
        raise CheckError("certificate: 'data' must be an object")
    with tank(fuel, seconds):
        try:
            f = Function(cert["function"], DOMAINS[claim])
            verified = _VERIFIERS[method](claim, f, cert["data"])
        except RecursionError:
            raise CheckError("the certificate is nested too deeply to verify") from None
        except (ArithmeticError, ValueError, TypeError) as exc:  # arithmetic beyond what balls can do
            raise CheckError(f"cannot verify the {method} data: {type(exc).__name__}: {exc}") from None
    if verified != (claim, verdict):
        raise CheckError(f"the data proves {verified[0]} {verified[1]}, but the certificate states {claim} {verdict}")
    return claim, cert["function"], verdict
