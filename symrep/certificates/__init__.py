"""Certificates: the format and the independent checker.

This package imports SymPy, mpmath and python-flint and nothing else of symrep, so that a bug in
the prover (:mod:`symrep.analysis.verdicts`) cannot vouch for itself. Its modules, from the ground up:

* :mod:`~symrep.certificates.claims`: each claim with its domain, definition and methods;
* :mod:`~symrep.certificates.reading`: the strict expression grammar, exact JSON types, the work budget;
* :mod:`~symrep.certificates.exact`: signs by ball arithmetic, identities, continuity by structure,
  and the certificate's function on its domain (``f(0)`` as written, or a proved extension);
* :mod:`~symrep.certificates.calculus`, :mod:`~symrep.certificates.polynomials`,
  :mod:`~symrep.certificates.witnesses`: one verifier per kind of proof;
* :mod:`~symrep.certificates.checker`: :func:`check` and :func:`check_file`, ending with the
  check that the verified statement is exactly the stated one.

Examples
--------
>>> from symrep.certificates import check, DOMAINS
>>> DOMAINS["l1-to-l1"]
'[0, oo)'
"""

from .checker import WORK_BUDGET, check, check_file
from .claims import CLAIMS, DEFINITIONS, DOMAINS, FORMAT, METHODS, RANK_CLAIM, VERSION
from .reading import CheckError, MalformedCertificate, parse

__all__ = ["check", "check_file", "CheckError", "MalformedCertificate", "parse", "FORMAT", "VERSION", "CLAIMS",
           "RANK_CLAIM", "DOMAINS", "DEFINITIONS", "METHODS", "WORK_BUDGET"]
