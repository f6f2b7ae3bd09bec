"""Timing whole processes for the benchmarks that compare symrep with GAP (imported by them)."""

import os
import subprocess
import time


def run(argv, stdin_text=None):
    """(wall seconds, CPU seconds, peak RSS in MiB) of one child process; exits on failure."""
    start = time.perf_counter()
    proc = subprocess.Popen(argv, stdin=subprocess.PIPE if stdin_text else subprocess.DEVNULL,
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    if stdin_text:
        proc.stdin.write(stdin_text)
        proc.stdin.close()
    _, status, usage = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - start
    if os.waitstatus_to_exitcode(status) != 0:
        raise SystemExit(f"{' '.join(argv)} failed: {proc.stderr.read()[-500:]}")
    return wall, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024


def best(argv, repeat, stdin_text=None):
    """The best wall time, CPU time and peak memory over ``repeat`` runs (each minimised separately)."""
    runs = [run(argv, stdin_text) for _ in range(repeat)]
    return min(r[0] for r in runs), min(r[1] for r in runs), min(r[2] for r in runs)
