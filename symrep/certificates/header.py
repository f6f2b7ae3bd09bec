"""The top of a certificate, read the same way by both checkers: its fields, format, version, claim, domain
and method. Standard library only (and the kernel's range reader for ``stable-rank``).

Examples
--------
>>> from symrep.certificates.header import read_header
>>> read_header({"format": "symrep-certificate"}, 3, "unsupported")
Traceback (most recent call last):
...
symrep.certificates.errors.MalformedCertificate: certificate lacks 'version'
"""

import json

from .claims import CLAIMS, DOMAINS, FORMAT, METHODS, RANK_CLAIM, STABLE_RANK_CLAIM
from .errors import CheckError, MalformedCertificate

__all__ = ["read_header", "FIELDS", "OPTIONAL"]

FIELDS = ("format", "version", "claim", "domain", "function", "verdict", "method", "rests_on", "data")
OPTIONAL = ("reason", "extension", "assume")


def read_header(cert, version, unsupported):
    """The certificate read exactly as its JSON would be, its top-level fields checked; ``unsupported`` is the
    message for a version other than ``version`` (the JSON integer: ``true`` and ``2.0`` are not 2)."""
    if not isinstance(cert, dict):
        raise MalformedCertificate(f"a certificate is a JSON object, got {type(cert).__name__}")
    try:  # what a Python caller hands over is read exactly as its JSON would be
        cert = json.loads(json.dumps(cert, allow_nan=False))
    except (TypeError, ValueError, RecursionError) as exc:
        raise MalformedCertificate(f"the certificate is not JSON data: {exc}") from None
    for key in FIELDS:
        if key not in cert:
            raise MalformedCertificate(f"certificate lacks {key!r}")
    extra = set(cert) - set(FIELDS) - set(OPTIONAL)
    if extra:
        raise MalformedCertificate(f"unknown certificate fields {sorted(extra)}")
    if cert["format"] != FORMAT:
        raise MalformedCertificate(f"not a {FORMAT}: format {cert['format']!r}")
    if type(cert["version"]) is not int or cert["version"] != version:
        raise CheckError(unsupported)
    for key in ("claim", "domain", "verdict", "method", "rests_on", "function") + (("reason",) if "reason" in cert else ()):
        if type(cert[key]) is not str:
            raise CheckError(f"certificate: {key!r} must be a str, got {cert[key]!r}")
    claim, verdict, method = cert["claim"], cert["verdict"], cert["method"]
    if claim not in CLAIMS + (RANK_CLAIM, STABLE_RANK_CLAIM):
        raise CheckError(f"unknown claim {claim!r}")
    if claim == STABLE_RANK_CLAIM:
        from .rules.stable_rank import read_domain

        read_domain(cert["domain"])  # a range stated by the certificate, verified with its data
    elif claim == "low-rank" and cert["domain"] != DOMAINS[claim] and verdict == "fails":
        from .rules.interval import read_interval

        read_interval(cert["domain"])  # an interval (LO, oo) where f is analytic, verified with the data
    elif cert["domain"] != DOMAINS[claim]:
        raise CheckError(f"{claim} concerns f on {DOMAINS[claim]}, but the certificate states the domain "
                         f"{cert['domain']!r}")
    if verdict not in METHODS or method not in METHODS[verdict].get(claim, ()):
        raise CheckError(f"method {method!r} cannot establish that {claim} {verdict}")
    if type(cert["data"]) is not dict:
        raise CheckError(f"certificate: 'data' must be a dict, got {cert['data']!r}")
    return cert
