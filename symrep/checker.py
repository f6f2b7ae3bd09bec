"""The independent certificate checker (kept at this path for existing code and notebooks).

The checker lives in :mod:`symrep.certificates`; this module re-exports its public names.

Examples
--------
>>> from symrep.checker import check, CheckError
>>> check([])
Traceback (most recent call last):
...
symrep.certificates.reading.MalformedCertificate: a certificate is a JSON object, got list
"""

from .certificates import (CLAIMS, DEFINITIONS, DOMAINS, FORMAT, RANK_CLAIM, VERSION, WORK_BUDGET, CheckError,
                           MalformedCertificate, check, check_file, parse)

__all__ = ["check", "check_file", "CheckError", "MalformedCertificate", "parse", "FORMAT", "VERSION", "CLAIMS",
           "RANK_CLAIM", "DOMAINS", "DEFINITIONS", "WORK_BUDGET"]
