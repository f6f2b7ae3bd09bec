"""The prover's hard stop: what it costs per certify call, and how soon a budget is honoured.

1. Overhead: the gallery's ``certify`` statements (``symrep.render.gallery``: every ``certificate(...)``
   of ``proofs/``), all certified once in a fresh interpreter, in-process (``SYMREP_IN_PROCESS=1``,
   the search as before) and with the hard stop (the default: the search in a worker process, the
   certificate re-checked by the caller). Each mode runs ``ROUNDS`` times in fresh interpreters,
   alternating; the table gives the fastest and the median wall time. "cold" is the first pass of an interpreter
   (SymPy's cache empty; for the hard stop it includes forking the worker), "warm" a second pass in
   the same interpreter. The fastest run is the one least disturbed by other load on the machine.
   The issue's measure is the whole gallery: ``symrep gallery --no-pdf`` (every statement of
   ``proofs/``: certify, classify, stable rank, decompositions), timed as a process in both modes,
   ``GALLERY_ROUNDS`` times each, alternating.
2. Time to return on a pathological input (``PATHOLOGICAL`` with the claim pd-l2, whose SymPy search in a fresh process
   runs for tens of seconds: 42 s in a thread pool before the hard stop) with a budget of 5 s: from the
   main thread, a ``threading.Thread``, a ``ThreadPoolExecutor`` (each with a fresh worker, as a new
   session has) and the command line (``python -m symrep certify ... --budget 5``, interpreter start
   included).

Run: python bench/budgets.py   (about two minutes)
"""

import json
import os
import statistics
import subprocess
import sys
import threading
import time
from concurrent.futures import ThreadPoolExecutor

ROUNDS = 9
GALLERY_ROUNDS = 5
ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, ROOT)  # this checkout's symrep, not an installed one
os.environ["PYTHONPATH"] = ROOT + os.pathsep + os.environ.get("PYTHONPATH", "")  # and in the children
BUDGET = 5.0
PATHOLOGICAL = "exp(-x)*besselk(7/3, x**2+1)*erf(sqrt(x)+1)/(1+x**5)"


def gallery_statements():
    """(function, claim) of every certify statement of the gallery, read off ``proofs/``."""
    from symrep.render.gallery import STATEMENTS, load_statement

    found = []
    for name in STATEMENTS:
        module = load_statement(name)
        module.certificate = lambda stem, function, claim, **_: found.append((function, claim))
        for other in ("cube_rank_certificate", "stable_rank_certificate", "classification", "decomposition"):
            if hasattr(module, other):
                setattr(module, other, lambda *a, **k: None)
        list(module.documents())
    return found


def _one_interpreter(statements):
    """Child: certify the statements twice; print the two passes' wall times as JSON."""
    from symrep.analysis.verdicts import certify

    passes = []
    for _ in range(2):
        start = time.perf_counter()
        for function, claim in statements:
            verdict = certify(function, claim, budget=60)
            assert verdict.status in ("holds", "fails"), (function, claim, verdict.reason)
        passes.append(time.perf_counter() - start)
    print(json.dumps(passes))


def overhead(statements):
    env = dict(os.environ)
    times = {"in-process": [], "hard stop": []}
    for _ in range(ROUNDS):
        for mode in times:
            env.pop("SYMREP_IN_PROCESS", None)
            if mode == "in-process":
                env["SYMREP_IN_PROCESS"] = "1"
            out = subprocess.run([sys.executable, __file__, "--child", json.dumps(statements)], env=env,
                                 capture_output=True, text=True, check=True).stdout
            times[mode].append(json.loads(out.strip().splitlines()[-1]))
    return {mode: [(min(t[i] for t in runs), statistics.median(t[i] for t in runs)) for i in range(2)]
            for mode, runs in times.items()}


def gallery_total():
    """Wall time of ``symrep gallery --no-pdf`` in a new interpreter, per mode: (fastest, median)."""
    import tempfile

    times = {"in-process": [], "hard stop": []}
    with tempfile.TemporaryDirectory() as folder:
        for round_ in range(GALLERY_ROUNDS):
            for mode in times:
                env = dict(os.environ)
                env.pop("SYMREP_IN_PROCESS", None)
                if mode == "in-process":
                    env["SYMREP_IN_PROCESS"] = "1"
                start = time.perf_counter()
                subprocess.run([sys.executable, "-m", "symrep", "gallery", "--no-pdf", "-o",
                                os.path.join(folder, f"{mode}-{round_}")], env=env, capture_output=True, check=True)
                times[mode].append(time.perf_counter() - start)
    return {mode: (min(t), statistics.median(t)) for mode, t in times.items()}


def time_to_return():
    from symrep.analysis.verdicts import certify

    def call():
        verdict = certify(PATHOLOGICAL, "pd-l2", budget=BUDGET)
        assert verdict.status == "unknown", verdict
        return verdict

    def in_thread():
        thread = threading.Thread(target=call)
        thread.start()
        thread.join()

    def in_pool():
        with ThreadPoolExecutor(max_workers=2) as pool:
            pool.submit(call).result()

    def cli():
        subprocess.run([sys.executable, "-m", "symrep", "certify", PATHOLOGICAL, "--claim", "pd-l2",
                        "--budget", str(BUDGET)], capture_output=True, check=False)

    from symrep.analysis import hard_stop

    out = {}
    for name, run in (("main thread", call), ("threading.Thread", in_thread), ("ThreadPoolExecutor", in_pool),
                      ("command line (new interpreter)", cli)):
        hard_stop.shutdown()  # a fresh worker each time: SymPy's cache must not keep the last search's work
        certify("exp(-x)", "pd-l1")  # started (a fork: milliseconds), as in a session after its first call
        start = time.monotonic()
        run()
        out[name] = time.monotonic() - start
    return out


def main():
    statements = gallery_statements()
    costs = overhead(statements)
    whole = gallery_total()
    returns = time_to_return()
    print(f"{time.strftime('%Y-%m-%d', time.gmtime())}, Python {sys.version.split()[0]}, {os.cpu_count()} cores; "
          f"{len(statements)} gallery certify statements, {ROUNDS} fresh interpreters per mode")
    print()
    print("| gallery certify statements | in-process | hard stop | overhead (target <= 5 %) | per call |")
    print("|---|---|---|---|---|")
    for i, label in enumerate(("cold (first pass)", "warm (second pass)")):
        for j, statistic in enumerate(("fastest", "median")):
            a, b = costs["in-process"][i][j], costs["hard stop"][i][j]
            print(f"| {label}, {statistic} | {a:.3f} s | {b:.3f} s | {100 * (b - a) / a:+.1f} % | "
                  f"{1000 * (b - a) / len(statements):+.1f} ms |")
    print()
    print(f"| symrep gallery --no-pdf ({GALLERY_ROUNDS} runs per mode) | in-process | hard stop | "
          f"overhead (target <= 5 %) |")
    print("|---|---|---|---|")
    for j, statistic in enumerate(("fastest", "median")):
        a, b = whole["in-process"][j], whole["hard stop"][j]
        print(f"| {statistic} | {a:.2f} s | {b:.2f} s | {100 * (b - a) / a:+.1f} % |")
    print()
    print(f"| pathological input, budget {BUDGET:g} s | time to return (target <= 7 s) |")
    print("|---|---|")
    for name, seconds in returns.items():
        print(f"| {name} | {seconds:.2f} s |")


if __name__ == "__main__":
    if sys.argv[1:2] == ["--child"]:
        _one_interpreter([tuple(s) for s in json.loads(sys.argv[2])])
    else:
        main()
