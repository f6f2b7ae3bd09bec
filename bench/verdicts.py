"""Benchmark: how many (function, claim) cases ``certify`` decides, on the literature catalogue and the old one.

Run ``python bench/verdicts.py`` (``--catalogue literature``, ``old`` or ``both``; ``--budget`` seconds per
case, default 5; ``--json FILE`` to keep every verdict; ``--table FILE`` re-tabulates a saved JSON without
running ``certify`` again). For each catalogue it prints: cases, decided % (holds or fails with a
checked certificate), wrong (a verdict that contradicts the known truth: must be 0), unknown by reason
(the first sentence of the reason; a refusal, ``InputError``, counts as unknown with reason "refused: ..."),
and the mean and maximum time per case. Issue 24's target: >= 95% decided, 0 wrong, each case under 10 s.
It also counts, separately, **own certificate rejected** (an ``unknown`` whose reason says the prover's own
certificate was rejected by the checker: a disagreement between prover and checker, a bug) and **refused**
(``certify`` raised a :class:`symrep.SymrepError`); issue 31's target is 0 for both on every catalogue. And it
prints the versions of the certificates emitted (3: checked by the kernel; 2: by the SymPy-based checker).

The literature catalogue is ``tests/literature.py`` (cases taken from Schilling-Song-Vondracek's tables,
Rasmussen-Williams' kernels, Wendland's functions ...); the old one is ``tests/catalogue.py`` (every
function with every claim whose truth it settles).
"""

import argparse
import collections
import json
import os
import re
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, "..", "tests"))
sys.path.insert(0, os.path.join(HERE, ".."))


def literature_cases():
    from literature import CASES

    return [(c.function, c.claim, c.truth) for c in CASES]


def old_cases():
    from catalogue import CATALOGUE, COLUMNS

    return [(f, claim, row[col]) for f, row in CATALOGUE.items() for claim, col in COLUMNS.items()
            if row[col] is not None]


def first_sentence(text):
    """The reason's first sentence, with the function's own text left out of refusals (so they group)."""
    text = " ".join(str(text).split())
    if text.startswith("refused:"):
        if "undefined at 0" in text:
            return "refused: f is undefined at 0 and its limit from the right is not proved."
        if "not real on R" in text:
            return "refused: f is not real on R (low-rank needs f on all of R)."
        if "needs f on R" in text:
            return "refused: f is undefined at a point of R (low-rank needs f on all of R)."
    m = re.match(r"(.+?\.)(\s|$)", text)
    sentence = m.group(1) if m else text
    return sentence[:110]


def run_case(function, claim, budget):
    from symrep.errors import SymrepError
    from symrep.analysis.verdicts import certify

    start = time.perf_counter()
    version = None
    try:
        v = certify(function, claim, budget=budget)
        status, reason = v.status, v.reason
        version = v.certificate["version"] if v.certificate is not None else None
    except SymrepError as exc:
        status, reason = "unknown", "refused: " + str(exc)
    except Exception as exc:  # a traceback is a bug; record it rather than stop the benchmark
        status, reason = "unknown", f"crash: {type(exc).__name__}: {exc}"
    return {"function": function, "claim": claim, "status": status, "reason": reason, "version": version,
            "seconds": round(time.perf_counter() - start, 3)}


def own_certificate_rejected(row):
    """An ``unknown`` because the checker rejected the certificate the prover found (``certify`` says "the
    certificate(s) found were rejected by the checker"): the prover and its checker disagree."""
    return row["status"] == "unknown" and "rejected by the checker" in str(row["reason"])


def refused(row):
    """``certify`` refused the case with a :class:`symrep.SymrepError` (recorded as reason "refused: ...")."""
    return str(row["reason"]).startswith("refused:")


def tabulate(name, rows, list_unknown=False):
    n = len(rows)
    decided = [r for r in rows if r["status"] != "unknown"]
    wrong = [r for r in decided if (r["status"] == "holds") != r["truth"]]
    unknown = collections.Counter(first_sentence(r["reason"]) for r in rows if r["status"] == "unknown")
    times = [r["seconds"] for r in rows]
    lines = [f"## {name}: {n} cases",
             f"decided   {len(decided)}/{n} = {100 * len(decided) / max(n, 1):.1f}%"
             f"   (holds {sum(r['status'] == 'holds' for r in rows)}, fails {sum(r['status'] == 'fails' for r in rows)})",
             f"wrong     {len(wrong)}" + "".join(f"\n  WRONG: {r['function']} [{r['claim']}] truth {r['truth']}, "
                                               f"said {r['status']}" for r in wrong),
             f"unknown   {n - len(decided)}"]
    lines += [f"  {count:4d}  {reason}" for reason, count in unknown.most_common()]
    versions = collections.Counter(r.get("version") for r in decided)
    lines += [f"own certificate rejected {sum(map(own_certificate_rejected, rows))}   (must be 0)",
              f"refused   {sum(map(refused, rows))}   (must be 0)",
              f"certificates emitted {len(decided)}: version 3 {versions[3]}, version 2 {versions[2]}"
              + (f", version not recorded {versions[None]}" if versions[None] else "")]
    if times:
        lines.append(f"time      mean {sum(times) / n:.2f} s, max {max(times):.2f} s, total {sum(times):.0f} s, "
                     f"over 10 s: {sum(t > 10 for t in times)}")
    by_claim = collections.defaultdict(lambda: [0, 0])
    for r in rows:
        by_claim[r["claim"]][0] += r["status"] != "unknown"
        by_claim[r["claim"]][1] += 1
    lines.append("by claim  " + ", ".join(f"{c} {d}/{t}" for c, (d, t) in sorted(by_claim.items())))
    undecided = [r for r in rows if r["status"] == "unknown"]
    off_r = [r for r in undecided if r["claim"] == "low-rank" and first_sentence(r["reason"]).startswith("refused: f is")
             and "R (low-rank" in first_sentence(r["reason"])]
    if off_r:
        lines.append(f"low-rank refused for f not defined or not real on all of R: {len(off_r)} (tests/catalogue.py "
                     f"accepts such refusals); decided without them {len(decided)}/{n - len(off_r)} = "
                     f"{100 * len(decided) / max(n - len(off_r), 1):.1f}%")
    lines.append(f"undecided true cases (a proof is missing) {sum(bool(r['truth']) for r in undecided)}, "
                 f"false cases (a witness is missing) {sum(r['truth'] is False for r in undecided)}")
    if list_unknown:
        groups = collections.defaultdict(list)
        for r in undecided:
            groups[first_sentence(r["reason"])].append(r)
        for reason, group in sorted(groups.items(), key=lambda item: -len(item[1])):
            lines.append(f"-- {reason}")
            lines += [f"     {r['function']}  [{r['claim']}]  truth {r['truth']}" for r in group]
    return "\n".join(lines)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--catalogue", choices=["literature", "old", "both"], default="literature")
    parser.add_argument("--budget", type=float, default=5.0, help="seconds per case (default 5)")
    parser.add_argument("--json", help="write every verdict to this file (rewritten after each case)")
    parser.add_argument("--table", help="tabulate a JSON written by --json instead of running certify")
    parser.add_argument("--list-unknown", action="store_true", help="list the undecided cases by reason")
    parser.add_argument("--limit", type=int, help="the first N cases only")
    parser.add_argument("--resume", action="store_true",
                        help="with --json: keep the verdicts already in the file for cases still in the catalogue, "
                             "run the others")
    args = parser.parse_args()
    if args.table:
        with open(args.table) as fh:
            saved = json.load(fh)
        truths = {"literature": {(f, c): t for f, c, t in literature_cases()},
                  "old": {(f, c): t for f, c, t in old_cases()}}
        for name, rows in saved.items():
            for r in rows:  # the truth as the catalogue says now
                r["truth"] = truths[name].get((r["function"], r["claim"]), r["truth"])
            print(tabulate(name, rows, args.list_unknown))
        return
    names = ["literature", "old"] if args.catalogue == "both" else [args.catalogue]
    results, saved = {}, {}
    if args.resume and args.json and os.path.exists(args.json):
        with open(args.json) as fh:
            saved = {name: {(r["function"], r["claim"]): r for r in rows} for name, rows in json.load(fh).items()}
    for name in names:
        cases = literature_cases() if name == "literature" else old_cases()
        cases = cases[:args.limit] if args.limit else cases
        rows = results[name] = []
        for i, (function, claim, truth) in enumerate(cases, 1):
            row = saved.get(name, {}).get((function, claim)) or run_case(function, claim, args.budget)
            row["truth"] = truth
            rows.append(row)
            print(f"[{name} {i}/{len(cases)}] {row['status']:7s} {row['seconds']:6.2f}s  {function}  [{claim}]"
                  + ("" if row["status"] != "unknown" else "  -- " + first_sentence(row["reason"])), flush=True)
            if args.json:
                with open(args.json, "w") as fh:
                    json.dump(results, fh, indent=1)
    print()
    print(f"symrep verdicts, budget {args.budget:g} s per case, {time.strftime('%Y-%m-%d %H:%M %Z')}")
    for name in names:
        print(tabulate(name, results[name], args.list_unknown))


if __name__ == "__main__":
    main()
