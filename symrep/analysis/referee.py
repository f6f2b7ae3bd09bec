"""The referee of the prover's candidates: the kernel, as ``symrep check`` will read them.

Examples
--------
>>> from symrep.analysis.referee import Referee
>>> referee = Referee("pd-l1")
>>> referee({"format": "symrep-certificate", "version": 2, "claim": "pd-l1"})
"certificate lacks 'domain'"
"""

import json

from symrep.certificates import CheckError, check
from symrep.certificates.kernel import KERNEL_VERSION

__all__ = ["Referee"]


class Referee:
    """The independent checker, for one claim: called with a certificate (a dict), it returns None if
    the checker accepts it for ``claim`` (and keeps it as :attr:`accepted`), else the checker's reason.
    The search asks it about each candidate (in the worker); the caller asks again about the one found.

    The candidate is stated as version 3 and read by the kernel, which trusts no computer-algebra system.
    """

    def __init__(self, claim):
        self.claim, self.accepted = claim, None

    def __call__(self, cert):
        candidate = json.loads(json.dumps({**cert, "version": KERNEL_VERSION}))
        try:
            checked = check(candidate)
        except CheckError as exc:
            return str(exc)
        if checked[0] != self.claim:
            return f"the certificate is for {checked[0]}, not {self.claim}"
        self.accepted = candidate
        return None
