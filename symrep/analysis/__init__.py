"""The prover: rigorous signs, time budgets (a hard stop: a worker process killed at the deadline), and ``certify``, which searches derivations and
witnesses and returns only what the independent checker accepts.

May import ``symrep.geometry``, ``symrep.spectra`` and ``symrep.certificates`` (the checker, which imports
nothing of this package), and the ground floor.

Modules: :mod:`~symrep.analysis.balls`, :mod:`~symrep.analysis.budget`, :mod:`~symrep.analysis.hard_stop` (the search in a worker process killed at the deadline), :mod:`~symrep.analysis.common`, :mod:`~symrep.analysis.derivations`, :mod:`~symrep.analysis.witnesses`, :mod:`~symrep.analysis.far_witnesses` (near misses), :mod:`~symrep.analysis.polynomials`, :mod:`~symrep.analysis.verdicts`, :mod:`~symrep.analysis.evidence_report`, :mod:`~symrep.analysis.parameters` (families and
their assumptions), :mod:`~symrep.analysis.classification` (regions of parameter space).

Examples
--------
>>> from symrep.analysis import certify
>>> certify("exp(-x)", "pd-l1").status
'holds'
"""

from symrep.lazy import lazy_exports

#: Public names and the modules that define them (imported on first use).
_EXPORTS = {
    "SignProof": "balls", "prove_sign": "balls", "enclose": "balls", "UnsupportedExpression": "balls",
    "DEFAULT_MAX_PRECISION": "balls", "Budget": "budget", "OutOfTime": "budget", "box_eigenvalue":
    "witnesses", "certify": "verdicts", "Verdict": "verdicts", "Certificate": "verdicts", "CLAIMS":
    "verdicts", "THEOREMS": "verdicts", "evidence": "evidence_report", "enclosure_text": "evidence_report",
    "classify": "classification", "Classification": "classification", "RegionVerdict": "classification", "parse_family": "parameters",
}

__all__ = sorted(_EXPORTS)
__getattr__, __dir__ = lazy_exports(__name__, _EXPORTS)
