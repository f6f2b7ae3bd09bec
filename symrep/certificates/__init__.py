"""Certificates: the format and the independent checker.

This package imports SymPy, mpmath and python-flint and nothing else of symrep, so that a bug in
the prover (:mod:`symrep.analysis.verdicts`) cannot vouch for itself. Its modules, from the ground up:

* :mod:`~symrep.certificates.claims`: each claim with its domain, definition and methods;
* :mod:`~symrep.certificates.errors` and :mod:`~symrep.certificates.fuel`: the one error type, and counted work;
* :mod:`~symrep.certificates.reading`: the strict expression grammar and exact JSON types;
* :mod:`~symrep.certificates.exact`: signs by ball arithmetic, identities, continuity by structure,
  and the certificate's function on its domain (``f(0)`` as written, or a proved extension);
* :mod:`~symrep.certificates.calculus`, :mod:`~symrep.certificates.polynomials`,
  :mod:`~symrep.certificates.witnesses`, :mod:`~symrep.certificates.stable_rank`: one verifier per kind of proof;
* :mod:`~symrep.certificates.checker`: :func:`check` and :func:`check_file`, ending with the
  check that the verified statement is exactly the stated one.

Examples
--------
>>> from symrep.certificates import check, DOMAINS
>>> DOMAINS["l1-to-l1"]
'[0, oo)'
"""

import importlib

#: Public names and their modules, imported on first use (the claims table alone stays light).
_EXPORTS = {"check": "checker", "check_file": "checker", "DEFAULT_FUEL": "fuel", "CheckError": "errors",
            "MalformedCertificate": "errors", "CheckTimeout": "errors", "parse": "reading", "FORMAT": "claims", "VERSION": "claims",
            "CLAIMS": "claims", "RANK_CLAIM": "claims", "STABLE_RANK_CLAIM": "claims", "DOMAINS": "claims",
            "DEFINITIONS": "claims", "METHODS": "claims"}
__all__ = sorted(_EXPORTS)


def __getattr__(name):
    if name not in _EXPORTS:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    return getattr(importlib.import_module(f"{__name__}.{_EXPORTS[name]}"), name)


def __dir__():
    return sorted(_EXPORTS)
