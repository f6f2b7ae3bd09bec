"""The independent certificate checker: read a certificate, hand it to the kernel.

A certificate is JSON (format ``symrep-certificate``). **Version 3** is checked by the kernel alone
(:func:`symrep.certificates.kernel.check_kernel`: no computer-algebra system, counted work). A **version-2**
certificate (written by earlier releases, with the same data) is restated as version 3 and read by the kernel;
if the kernel rejects it, the message says so and asks to re-issue it with ``symrep certify``. No other code
checks a certificate. This module imports nothing but the standard library and the kernel, so that
``symrep.check_file`` works in an interpreter without SymPy.

Every check ends by comparing what was verified with the stated claim, domain and function, and the
verdict on a certificate is a function of the certificate and the fuel alone
(:mod:`~symrep.certificates.fuel`).

Examples
--------
>>> from symrep.certificates import check
>>> check({"format": "symrep-certificate"})
Traceback (most recent call last):
...
symrep.certificates.errors.MalformedCertificate: certificate lacks 'version'
"""

import json

from .claims import FORMAT
from .errors import CheckError, MalformedCertificate
from .fuel import DEFAULT_FUEL, read_fuel

__all__ = ["check", "check_file", "DEFAULT_FUEL"]


def check_file(path, *, fuel=DEFAULT_FUEL, seconds=None):
    """Check the certificate stored in a JSON file (see :func:`check`).

    The file may also hold the answer that ``symrep certify --format json`` prints; then its
    certificate must say what the answer says.

    Parameters
    ----------
    path : str or os.PathLike
        The file: UTF-8 JSON of at most 2 MB.
    fuel : int
        Units of work the check may use (see :func:`check`).
    seconds : float, optional
        A wall-clock limit on top of the fuel (see :func:`check`).

    Returns
    -------
    tuple of str
        ``(claim, function text, verdict)``, as :func:`check` returns them.

    Raises
    ------
    MalformedCertificate
        The file cannot be read, is not UTF-8 JSON, is too large or is not a certificate.
    CheckError
        The certificate does not prove what it states, or not what the answer around it states.

    Examples
    --------
    >>> import os, tempfile
    >>> from symrep import certify
    >>> with tempfile.TemporaryDirectory() as folder:
    ...     path = os.path.join(folder, "cert.json")
    ...     certify("exp(-x)", "pd-l1").certificate.save(path)
    ...     check_file(path)
    ('pd-l1', 'exp(-x)', 'holds')
    """
    try:
        with open(path, encoding="utf-8") as handle:
            text = handle.read(2_000_001)
    except OSError as exc:
        raise MalformedCertificate(f"cannot read {path}: {exc.strerror}") from None
    except UnicodeDecodeError:
        raise MalformedCertificate(f"{path} is not UTF-8 text") from None
    if len(text) > 2_000_000:
        raise MalformedCertificate(f"{path} is larger than 2 MB")
    try:
        data = json.loads(text)
    except (ValueError, RecursionError) as exc:
        raise MalformedCertificate(f"{path} is not valid JSON (truncated?): {exc}") from None
    if type(data) is dict and "certificate" in data and "verdict" in data:
        cert = data["certificate"]
        if cert is None:
            raise CheckError(f"the answer is {data.get('verdict')!r} and carries no certificate")
        result = check(cert, fuel=fuel, seconds=seconds)
        stated = (data.get("claim"), data.get("function"), data.get("verdict"))
        if stated != result:
            raise CheckError(f"the answer states {stated}, its certificate proves {result}")
        return result
    return check(data, fuel=fuel, seconds=seconds)


def check(cert, *, fuel=DEFAULT_FUEL, seconds=None):
    """Verify a certificate; return ``(claim, function text, verdict)`` or raise :class:`CheckError`.

    Parameters
    ----------
    cert : dict
        The certificate, read exactly as its JSON would be.
    fuel : int
        Units of work the check may use (:data:`DEFAULT_FUEL` by default): every step is charged, and a
        certificate that needs more is rejected. The verdict depends on the certificate and the fuel
        alone, the same on every machine, under any load and in any thread.
    seconds : float, optional
        A wall-clock limit on top of the fuel, checked where fuel is charged; when it ends a check the
        error is a :class:`~symrep.certificates.errors.CheckTimeout` saying that time, not the
        certificate, ended it.

    Returns
    -------
    tuple of str
        ``(claim, function text, verdict)``: what the certificate proves, exactly as it states it.

    Raises
    ------
    MalformedCertificate
        Not a certificate: not JSON data, missing or unknown fields, another format.
    CheckError
        The certificate does not prove what it states, or needs more fuel than it is given.

    Examples
    --------
    >>> from symrep import certify
    >>> cert = dict(certify("exp(-x)", "pd-l1").certificate)
    >>> check(cert)
    ('pd-l1', 'exp(-x)', 'holds')
    >>> check({**cert, "function": "exp(-2*x)"})
    Traceback (most recent call last):
    ...
    symrep.certificates.errors.CheckError: derivation root: exp(-x) and exp(-2*x) are not proved equal
    """
    try:
        fuel = read_fuel(fuel)
    except ValueError as exc:
        raise MalformedCertificate(str(exc)) from None
    if not isinstance(cert, dict):
        raise MalformedCertificate(f"a certificate is a JSON object, got {type(cert).__name__}")
    for key in ("format", "version"):
        if key not in cert:
            raise MalformedCertificate(f"certificate lacks {key!r}")
    if cert["format"] != FORMAT:
        raise MalformedCertificate(f"not a {FORMAT}: format {cert['format']!r}")
    from .kernel import KERNEL_VERSION, check_kernel

    if type(cert["version"]) is int and cert["version"] == KERNEL_VERSION:
        return check_kernel(cert, fuel=fuel, seconds=seconds)
    if type(cert["version"]) is int and cert["version"] == 2:  # the same data: the kernel reads it, or it is refused
        try:
            return check_kernel({**cert, "version": KERNEL_VERSION}, fuel=fuel, seconds=seconds)
        except MalformedCertificate:
            raise
        except CheckError as exc:
            raise type(exc)(f"{exc} (a version-2 certificate, read by the kernel; re-issue it as version "
                            f"{KERNEL_VERSION} with symrep certify)") from None
    raise CheckError(f"unsupported {FORMAT} version {cert['version']!r}: this checker reads version "
                     f"{KERNEL_VERSION} (and version 2 where the kernel reads it)")
