"""Certificates: the format and the independent checker, the kernel.

:func:`check` and :func:`check_file` (:mod:`~symrep.certificates.checker`) hand every certificate to the
kernel (:func:`~symrep.certificates.kernel.check_kernel`), whose modules import the standard library and
python-flint only: ``errors``, ``fuel``, ``claims``, ``header``, ``terms``, ``grammar``,
``rational_functions``, ``normal_form``, ``elementary``, ``enclosures``, ``derivatives``, ``domains``,
``sturm``, ``series``, ``kernel`` and ``rules/`` (one module per proof family, each citing its theorem).
A version-2 file is restated as version 3 and read by the kernel, or rejected with a message to re-issue it.

The SymPy-based modules still here (``reading``, ``balls``, ``regions``, ``parametric``, ``exact``,
``function``, ``limits``, ``bessel``, ``calculus``, ``witnesses``, ``stable_rank``) are the old checker's
pieces that the *prover* still uses to find proofs (``symrep.analysis``, ``symrep.attention``,
``symrep.render``); nothing in the checking path imports them, and a test checks that.

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
