"""The prover: rigorous signs, time budgets, and ``certify``, which searches derivations and
witnesses and returns only what the independent checker accepts.

May import ``symrep.geometry``, ``symrep.spectra`` and ``symrep.certificates`` (the checker, which imports
nothing of this package), and the ground floor.

Modules: :mod:`~symrep.analysis.balls`, :mod:`~symrep.analysis.budget`, :mod:`~symrep.analysis.common`, :mod:`~symrep.analysis.derivations`, :mod:`~symrep.analysis.witnesses`, :mod:`~symrep.analysis.polynomials`, :mod:`~symrep.analysis.verdicts`, :mod:`~symrep.analysis.evidence`.

Examples
--------
>>> from symrep.analysis import certify
>>> certify("exp(-x)", "pd-l1").status
'holds'
"""

from symrep.analysis.balls import (
    SignProof, prove_sign, enclose, UnsupportedExpression, DEFAULT_MAX_PRECISION,
)
from symrep.analysis.budget import (
    Budget, OutOfTime,
)
from symrep.analysis.witnesses import (
    box_eigenvalue,
)
from symrep.analysis.verdicts import (
    certify, Verdict, Certificate, CLAIMS, THEOREMS,
)
from symrep.analysis.evidence import (
    evidence, enclosure_text,
)

__all__ = [
    "SignProof", "prove_sign", "enclose", "UnsupportedExpression", "DEFAULT_MAX_PRECISION", "Budget",
    "OutOfTime", "box_eigenvalue", "certify", "Verdict", "Certificate", "CLAIMS", "THEOREMS", "evidence",
    "enclosure_text",
]
