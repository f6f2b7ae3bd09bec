"""The referee of the prover's candidates: the kernel first, the SymPy-based checker where the kernel does
not read a method yet.

Examples
--------
>>> from symrep.analysis.referee import Referee
>>> referee = Referee("pd-l1")
>>> referee({"format": "symrep-certificate", "version": 2, "claim": "pd-l1"})
"certificate lacks 'domain'"
"""

import json

from symrep.certificates import VERSION, CheckError, check
from symrep.certificates.kernel import KERNEL_VERSION

__all__ = ["Referee"]


class Referee:
    """The independent checker, for one claim: called with a certificate (a dict), it returns None if
    the checker accepts it for ``claim`` (and keeps it as :attr:`accepted`), else the checker's reason.
    The search asks it about each candidate (in the worker); the caller asks again about the one found.

    The kernel comes first: the candidate is stated as version 3 (the same data, read by the kernel, which
    trusts no computer-algebra system), and only if the kernel does not accept it is it stated as version 2
    for the SymPy-based checker (which reads the methods the kernel does not read yet).
    """

    def __init__(self, claim):
        self.claim, self.accepted = claim, None

    def __call__(self, cert):
        reasons = []
        for version in (KERNEL_VERSION,):
            candidate = json.loads(json.dumps({**cert, "version": version}))
            try:
                checked = check(candidate)
            except CheckError as exc:
                reasons.append(str(exc))
                continue
            if checked[0] != self.claim:
                return f"the certificate is for {checked[0]}, not {self.claim}"
            self.accepted = candidate
            return None
        unique = list(dict.fromkeys(reasons))  # the kernel's reason and, if different, the SymPy-based checker's
        return unique[-1] if len(unique) == 1 or "does not read" in unique[0] else "; ".join(unique)
