"""One cell of a survey, computed where it runs (a prover process on this machine, or a Dask worker).

:func:`compute` decides one (kernel, claim) pair: ``certify`` for a function, ``classify`` for a
family (a function with parameters) under a claim that takes parameters. It returns plain data
(a dict that pickles and travels to the caller): the verdict, the method, the reason, the seconds
taken and the certificate(s). It never raises: bad input for this claim, or an error of the prover,
becomes an ``unknown`` cell with the reason. The caller re-checks every certificate with the
independent checker before it records the cell (:mod:`symrep.survey.runner`).

Examples
--------
>>> from symrep.analysis import hard_stop
>>> hard_stop.set_in_process(True)
>>> cell = compute({"function": "exp(-x)", "assumptions": [], "claim": "pd-l1", "budget": 10.0})
>>> cell["verdict"], cell["method"], cell["certificate"]["verdict"]
('holds', 'derivation', 'holds')
>>> compute({"function": "1/x", "assumptions": [], "claim": "pd-l1", "budget": 10.0})["reason"][:24]
'not decided: bad input: '
>>> hard_stop.set_in_process(None)
"""

import os
import time

__all__ = ["compute", "run_in_worker", "warm_up", "stopped_cell", "WorkerDied", "SLACK"]

#: Seconds a cell may run past its budget before its process is killed (classify's own slack).
SLACK = 1.0


def compute(spec):
    """Decide the cell ``spec`` (keys ``function``, ``assumptions``, ``claim``, ``budget``; optional
    test hooks ``stall`` (seconds to sleep first) and ``die`` (end the process at once)).

    Returns
    -------
    dict
        ``verdict`` (holds, fails, unknown, or for a family split into regions of different verdicts,
        ``split``), ``method``, ``reason``, ``seconds``, ``certificate`` (a dict or None) and ``regions``
        (None, or for a family a list of dicts with ``region``, ``verdict``, ``method``, ``reason`` and
        ``certificate``).
    """
    if spec.get("stall"):
        time.sleep(spec["stall"])
    if spec.get("die"):
        os._exit(70)
    start = time.monotonic()
    try:
        cell = _decide(spec)
    except Exception as exc:  # noqa: BLE001  (bad input for this claim, or a prover error: a reported unknown)
        from symrep.errors import SymrepError

        kind = "bad input" if isinstance(exc, SymrepError) else f"error in the prover ({type(exc).__name__})"
        cell = {"verdict": "unknown", "method": None, "reason": f"not decided: {kind}: {exc}", "certificate": None,
                "regions": None}
    cell["seconds"] = time.monotonic() - start
    return cell


def run_in_worker(spec):
    """:func:`compute` behind the hard stop: in a prover process killed at the cell's budget plus
    :data:`SLACK` (where this process may have children; else cooperatively, in this process).
    This is what a Dask worker runs."""
    from symrep.analysis import hard_stop

    if spec.get("die"):  # the test hook: this (Dask worker) process dies, not only the prover's
        os._exit(70)
    warm_up()
    outcome = hard_stop.run("survey-cell", (spec,), deadline=time.monotonic() + spec["budget"] + SLACK)
    if outcome.ok:
        return outcome.value
    return stopped_cell(spec, outcome)


def warm_up():
    """Import what every prover process needs before the first cell's clock starts (SymPy, about a
    second), so that the first cell of a fresh worker has its whole budget for the search."""
    import importlib

    from symrep.analysis import hard_stop

    for name in hard_stop.PRELOAD:
        importlib.import_module(name)


def stopped_cell(spec, outcome):
    """The unknown cell of a job that was stopped at its deadline (a dead process is the caller's to retry)."""
    if outcome.died:
        raise WorkerDied(outcome.reason)
    return {"verdict": "unknown", "method": None, "certificate": None, "regions": None,
            "seconds": spec["budget"] + SLACK,
            "reason": f"Undecided: the time budget of {spec['budget']:g} s ran out (the cell's process was stopped)."}


class WorkerDied(RuntimeError):
    """The process computing a cell ended without an answer."""


def _decide(spec):
    from symrep.certificates.claims import PARAMETRIC_CLAIMS

    if spec.get("parametric") and spec["claim"] in PARAMETRIC_CLAIMS:
        return _classified(spec)
    from symrep.analysis.verdicts import certify

    verdict = certify(spec["function"], spec["claim"], assume=list(spec["assumptions"]), budget=spec["budget"])
    cert = dict(verdict.certificate) if verdict.certificate is not None else None
    cell = {"verdict": verdict.status, "method": cert["method"] if cert else None, "reason": verdict.reason,
            "certificate": cert, "regions": None}
    if spec.get("parametric"):  # a family under a claim decided for all its parameters at once: one region
        from symrep.analysis.parameters import parse_family

        region = parse_family(spec["function"], list(spec["assumptions"])).region
        cell["regions"] = [dict(cell, region=region, regions=None)]
        cell["regions"][0].pop("regions")
        cell["certificate"] = None
    return cell


def _classified(spec):
    from symrep.analysis.classification import classify

    budget = spec["budget"]
    result = classify(spec["function"], spec["claim"], assume=list(spec["assumptions"]), budget=budget,
                      piece_budget=min(8.0, budget))
    regions = [{"region": r.region, "verdict": r.verdict, "reason": r.reason,
                "method": r.certificate["method"] if r.certificate else None,
                "certificate": dict(r.certificate) if r.certificate else None} for r in result.regions]
    verdicts = {r["verdict"] for r in regions}
    verdict = verdicts.pop() if len(verdicts) == 1 else "split"
    reason = "; ".join(f"{r['region']}: {r['verdict']}" for r in regions)
    return {"verdict": verdict, "method": "classification", "reason": reason, "certificate": None,
            "regions": regions}
