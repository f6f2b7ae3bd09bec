"""Check a finished cell and record it: certificates re-verified by the independent checker in this
process, written atomically into ``DIR/certificates/``, then the row committed to the store.

A certificate the checker rejects (or one that states another claim or verdict) is not kept: the
cell becomes ``unknown`` with the checker's reason. File names carry a hash of the certificate, so a
certificate written by a run that was interrupted before its commit is the same file when the cell
is computed again, and no file is ever overwritten with other content.

Examples
--------
>>> import tempfile
>>> from symrep.survey.store import Store
>>> from symrep.survey.cell import compute
>>> folder = tempfile.mkdtemp()
>>> store = Store.open(folder, {})
>>> spec = {"key": "k1", "name": "laplace", "function": "exp(-x)", "assumptions": [], "claim": "pd-l1",
...         "budget": 10.0, "attempt": 1}
>>> row = record(store, spec, compute(spec))
>>> row["verdict"], row["certificate"].startswith("certificates/laplace--pd-l1-")
('holds', True)
>>> store.close()
"""

import hashlib
import json
import os
import re

from symrep.fileio import write_text_atomic

__all__ = ["record", "checked"]


def checked(cert, claim, verdict):
    """None if the independent checker accepts ``cert`` as ``verdict`` of ``claim``, else the reason."""
    from symrep.certificates import CheckError, check

    try:
        got_claim, _, got_verdict = check(cert)
    except CheckError as exc:
        return f"the checker rejected the certificate: {exc}"
    except Exception as exc:  # noqa: BLE001  (not a certificate at all)
        return f"the checker could not read the certificate: {type(exc).__name__}: {exc}"
    if (got_claim, got_verdict) != (claim, verdict):
        return f"the certificate states {got_claim} {got_verdict}, not {claim} {verdict}"
    return None


def record(store, spec, cell):
    """Check ``cell`` (the result of :func:`symrep.survey.cell.compute` for ``spec``), write its
    certificates and commit it; returns the row as committed."""
    row = {"name": spec["name"], "function": spec["function"], "assumptions": list(spec["assumptions"]),
           "claim": spec["claim"], "verdict": cell["verdict"], "method": cell.get("method"), "reason": cell["reason"],
           "seconds": cell.get("seconds", 0.0), "certificate": None, "regions": None,
           "attempts": spec.get("attempt", 1), "budget": spec["budget"]}
    if cell.get("regions") is not None:
        regions = []
        for number, region in enumerate(cell["regions"], 1):
            region = dict(region)
            region["certificate"] = _kept(store.folder, spec, region, f"r{number}")
            regions.append(region)
        row["regions"] = regions
        verdicts = {r["verdict"] for r in regions}
        row["verdict"] = verdicts.pop() if len(verdicts) == 1 else "split"
    elif cell["verdict"] in ("holds", "fails"):
        part = {"verdict": row["verdict"], "method": row["method"], "reason": row["reason"],
                "certificate": cell.get("certificate")}
        path = _kept(store.folder, spec, part, "")
        row.update(verdict=part["verdict"], method=part["method"], reason=part["reason"], certificate=path)
    store.commit(spec["key"], row)
    return row


def _kept(folder, spec, part, tag):
    """Check ``part["certificate"]`` (mutating ``part`` to unknown if rejected) and write it; its path."""
    cert = part.get("certificate") if isinstance(part.get("certificate"), dict) else None
    if part["verdict"] not in ("holds", "fails"):
        return None
    rejection = "no certificate" if cert is None else checked(cert, spec["claim"], part["verdict"])
    if rejection is not None:
        part.update(verdict="unknown", method=None, reason=f"not decided: {rejection}")
        return None
    text = json.dumps(cert, indent=2) + "\n"
    digest = hashlib.sha256(text.encode()).hexdigest()[:12]
    stem = re.sub(r"[^A-Za-z0-9]+", "-", spec["name"]).strip("-")[:40] or "kernel"
    relative = f"certificates/{stem}--{spec['claim']}{'-' + tag if tag else ''}-{digest}.json"
    path = os.path.join(folder, relative)
    if not os.path.exists(path):
        write_text_atomic(path, text)
    return relative
