"""``symrep survey`` at scale (issue 27): speed-up of 2 workers over 1, overhead per cell against
``certify`` alone, and the resume after an interrupt at 40%.

    python bench/survey.py                      # 40 kernels of the shipped atlas x 4 claims = 160 cells
    python bench/survey.py --kernels 20 --claims pd-l1,l1-to-l1 --budget 5

1. The same survey (``symrep survey KERNELS -o DIR --quiet``) with ``--workers 1`` and ``--workers 2``,
   each in a fresh folder and process: wall time; target: 2 workers at most 0.65x the time of one.
2. The same cells decided by a loop of ``certify`` calls in one process (what a survey does at the
   least): the survey's wall time with one worker minus this, per cell, is the survey's overhead
   (start-up, checking every certificate again, writing it, committing the row).
3. A survey with one worker interrupted by SIGINT once 40% of its cells are committed, then run again:
   the seconds SIGINT took to stop it, the cells kept, and the cells the second run computed (target:
   exactly the remaining ones).
"""

import argparse
import os
import re
import signal
import sqlite3
import subprocess
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def survey_command(kernels, folder, claims, budget, workers):
    return [sys.executable, "-m", "symrep", "survey", kernels, "-o", folder, "--claims", claims,
            "--budget", str(budget), "--workers", str(workers), "--quiet"]


def timed(argv):
    start = time.perf_counter()
    proc = subprocess.run(argv, capture_output=True, text=True, cwd=ROOT)
    wall = time.perf_counter() - start
    if proc.returncode != 0:
        raise SystemExit(f"{' '.join(argv)} failed ({proc.returncode}): {proc.stderr[-800:]}")
    return wall, proc.stdout


def committed(folder):
    try:
        with sqlite3.connect(os.path.join(folder, "survey.sqlite")) as db:
            return db.execute("SELECT COUNT(*) FROM cells").fetchone()[0]
    except sqlite3.Error:
        return 0


def certify_loop(functions, claims, budget):
    """Seconds for a loop of certify calls over the cells, in this process (as a script would)."""
    from symrep.analysis.verdicts import certify

    certify("exp(-x)", "pd-l1")  # start-up (imports, the first prover process) is not counted
    start = time.perf_counter()
    for f in functions:
        for claim in claims:
            try:
                certify(f, claim, budget=budget)
            except Exception:  # noqa: BLE001  (bad input for this claim: the survey records it as unknown)
                pass
    return time.perf_counter() - start


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--kernels", type=int, default=40, help="the first N kernels of builtin:atlas (no families)")
    parser.add_argument("--claims", default="pd-l1,pd-l2,l1-to-l1,bernstein")
    parser.add_argument("--budget", type=float, default=10.0)
    args = parser.parse_args(argv)
    sys.path.insert(0, ROOT)
    from symrep.survey.inputs import read_kernels

    entries, _ = read_kernels("builtin:atlas")
    functions = [e.expression for e in entries if not e.parametric][:args.kernels]
    claims = args.claims.split(",")
    cells = len(functions) * len(claims)
    work = tempfile.mkdtemp(prefix="symrep-bench-survey-")
    kernels = os.path.join(work, "kernels.txt")
    with open(kernels, "w") as handle:
        handle.write("\n".join(functions) + "\n")
    print(f"{len(functions)} kernels x {len(claims)} claims = {cells} cells, budget {args.budget:g} s, "
          f"{os.cpu_count()} cores, load {os.getloadavg()[0]:.1f}")

    walls = {}
    for workers in (1, 2):
        walls[workers], out = timed(survey_command(kernels, os.path.join(work, f"w{workers}"), args.claims,
                                                   args.budget, workers))
        print(f"workers {workers}: {walls[workers]:7.1f} s   {out.strip().split('atlas: ', 1)[1].split(';')[0]}")
    print(f"speed-up: 2 workers take {walls[2] / walls[1]:.2f}x the time of 1 (target <= 0.65)")

    loop = certify_loop(functions, claims, args.budget)
    print(f"certify loop in one process: {loop:7.1f} s; survey overhead per cell "
          f"{(walls[1] - loop) / cells * 1000:+.0f} ms (1 worker, start-up included)")

    folder = os.path.join(work, "resume")
    argv = survey_command(kernels, folder, args.claims, args.budget, 1)
    proc = subprocess.Popen(argv, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, cwd=ROOT)
    while committed(folder) < 0.4 * cells and proc.poll() is None:
        time.sleep(0.05)
    start = time.perf_counter()
    proc.send_signal(signal.SIGINT)
    code = proc.wait()
    stop = time.perf_counter() - start
    kept = committed(folder)
    wall, out = timed(argv)
    computed = int(re.search(r"\((\d+) computed now\)", out).group(1))
    print(f"interrupt at 40%: exit {code} after {stop:.2f} s, {kept} cells kept; the second run computed "
          f"{computed} (remaining {cells - kept}: {'ok' if computed == cells - kept else 'MISMATCH'}) in {wall:.1f} s "
          f"(a full run: {walls[1]:.1f} s)")


if __name__ == "__main__":
    main()
