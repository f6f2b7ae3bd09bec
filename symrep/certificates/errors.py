"""The checker's errors: one type for a certificate that proves nothing, its kinds below it.

Standard library only, so that the kernel can reject a certificate without any other package.

Examples
--------
>>> from symrep.certificates.errors import CheckError, MalformedCertificate, CheckTimeout
>>> issubclass(MalformedCertificate, CheckError), issubclass(CheckTimeout, CheckError)
(True, True)
"""

__all__ = ["CheckError", "MalformedCertificate", "CheckTimeout"]


class CheckError(Exception):
    """The certificate is malformed or does not prove what it states; the message says what failed.

    Examples
    --------
    >>> from symrep.certificates import check
    >>> try:
    ...     check({"format": "symrep-certificate"})
    ... except CheckError as error:
    ...     print(type(error).__name__)
    MalformedCertificate
    """


class MalformedCertificate(CheckError):
    """Not a certificate at all: unreadable, not JSON (truncated, binary, too large), or
    lacking the top-level fields of the format. Well-formed certificates that prove nothing
    raise the plain :class:`CheckError`."""


class CheckTimeout(CheckError):
    """A wall-clock limit, not the certificate, ended the check: the certificate is neither accepted
    nor shown wrong (with the same fuel and no time limit the verdict is what it always is)."""
