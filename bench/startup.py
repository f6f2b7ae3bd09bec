"""Start-up of the command line: CPU time of `symrep --version`, `--help` and `certify --help`,
each against a bare interpreter (`python -c pass`), the floor any Python tool pays, in the same run.

Run: python bench/startup.py   (median of 5 runs of each command, user + system CPU of the child)
"""

import os
import statistics
import subprocess
import sys

COMMANDS = [("python -c pass", [sys.executable, "-c", "pass"]),
            ("symrep --version", [sys.executable, "-m", "symrep", "--version"]),
            ("symrep --help", [sys.executable, "-m", "symrep", "--help"]),
            ("symrep certify --help", [sys.executable, "-m", "symrep", "certify", "--help"]),
            ("python -c 'import sympy'", [sys.executable, "-c", "import sympy"])]


def cpu(command):
    before = os.times()
    subprocess.run(command, stdout=subprocess.DEVNULL, check=True)
    after = os.times()
    return (after.children_user - before.children_user) + (after.children_system - before.children_system)


def main():
    times = {name: statistics.median(cpu(cmd) for _ in range(5)) for name, cmd in COMMANDS}
    floor = times["python -c pass"]
    print("| command | CPU | vs bare interpreter |")
    print("|---|---|---|")
    for name, t in times.items():
        print(f"| `{name}` | {t:.2f} s | {t / floor:.1f}× |")


if __name__ == "__main__":
    main()
