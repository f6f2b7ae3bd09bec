import os
import sys

# The suite asserts verdicts, not speed: every *default* time budget of the prover (certify's 10 s, classify's
# 60 s and 8 s per box, the gallery's) is scaled by 4, so that a loaded machine (two CPU-bound processes beside
# the suite) decides what an idle one does. Budgets a test passes explicitly, the ones that test the deadline
# itself, are never scaled. Subprocesses inherit the setting.
os.environ.setdefault("SYMREP_BUDGET_SCALE", "4")

sys.path.insert(0, os.path.dirname(__file__))
