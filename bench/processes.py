"""Timing whole processes for the benchmarks that compare symrep with GAP (imported by them).

Each command is started by a bare Python launcher that forks and execs it: a child's peak resident
set (``ru_maxrss``) includes what it inherited before ``exec``, so forking from the benchmark itself
(with numpy and a 2^24-element array in memory) would charge that to every command measured.
"""

import subprocess
import sys

_LAUNCHER = """
import os, sys, time
argv = sys.argv[1:]
devnull = os.open(os.devnull, os.O_WRONLY)
start = time.perf_counter()
pid = os.fork()
if pid == 0:
    os.dup2(devnull, 1)
    os.execvp(argv[0], argv)
_, status, usage = os.wait4(pid, 0)
print(os.waitstatus_to_exitcode(status), time.perf_counter() - start, usage.ru_utime + usage.ru_stime,
      usage.ru_maxrss / 1024)
"""


def run(argv, stdin_text=None):
    """(wall seconds, CPU seconds, peak RSS in MiB) of one child process; exits on failure."""
    proc = subprocess.run([sys.executable, "-c", _LAUNCHER, *argv], input=stdin_text or "", capture_output=True,
                          text=True)
    code, wall, cpu, peak = proc.stdout.split()
    if int(code) != 0:
        raise SystemExit(f"{' '.join(argv)} failed: {proc.stderr[-500:]}")
    return float(wall), float(cpu), float(peak)


def best(argv, repeat, stdin_text=None):
    """The best wall time, CPU time and peak memory over ``repeat`` runs (each minimised separately)."""
    runs = [run(argv, stdin_text) for _ in range(repeat)]
    return min(r[0] for r in runs), min(r[1] for r in runs), min(r[2] for r in runs)
