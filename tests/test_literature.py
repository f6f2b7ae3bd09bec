"""The literature catalogue (issue 24, item 6): its witnesses re-verified with mpmath, and certify against it.

The fast tests re-check every False case's witness at 50 digits without symrep (tests/literature.py
evaluates the function text itself). The slow test runs ``certify`` on every case and fails on any verdict
that contradicts the truth; ``unknown`` is allowed and counted (bench/verdicts.py prints the same table).
"""

import collections
import importlib.util
import os

import pytest

from catalogue import CATALOGUE, COLUMNS
from literature import CASES, spot_check_true, verify_case, witness_of

FALSE_CASES = [c for c in CASES if not c.truth]
IDENTITIES = [c for c in CASES if c.truth and c.witness is not None]


def _id(case):
    return f"{case.claim}:{case.function}"


def test_catalogue_is_big_new_and_consistent():
    assert len(CASES) >= 150
    keys = [(c.function, c.claim) for c in CASES]
    assert len(set(keys)) == len(keys), "a (function, claim) pair twice"
    old = {(f, claim) for f, row in CATALOGUE.items() for claim, col in COLUMNS.items() if row[col] is not None}
    assert not set(keys) & old, "cases drawn from tests/catalogue.py"
    assert all(c.evidence for c in CASES)
    claims = collections.Counter(c.claim for c in CASES)
    assert set(claims) == set(COLUMNS), claims  # every claim is represented
    assert {c.truth for c in CASES} == {True, False}


@pytest.mark.parametrize("case", FALSE_CASES, ids=_id)
def test_false_case_witness_verified_in_mpmath(case):
    assert witness_of(case) is not None, f"a False case needs a witness: {case}"
    verify_case(case)  # raises AssertionError when the witness does not show the failure


@pytest.mark.parametrize("case", IDENTITIES, ids=_id)
def test_polynomial_identities_verified_in_mpmath(case):
    verify_case(case)


def test_a_wrong_witness_is_caught():
    from literature import Case, D

    bogus = Case("exp(-x)", "pd-l1", False, "not so", D("cm", 2, "1"))
    with pytest.raises(AssertionError):
        verify_case(bogus)


@pytest.mark.slow
@pytest.mark.parametrize("case", [c for c in CASES if c.truth and c.witness is None], ids=_id)
def test_true_case_signs_are_consistent(case):
    """Not a proof (the evidence is a theorem): the sign pattern at a few points agrees with it."""
    assert spot_check_true(case) == []


def _bench():
    path = os.path.join(os.path.dirname(__file__), "..", "bench", "verdicts.py")
    spec = importlib.util.spec_from_file_location("bench_verdicts", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.mark.slow
def test_certify_never_contradicts_the_literature():
    bench = _bench()
    rows = []
    for case in CASES:
        row = bench.run_case(case.function, case.claim, 10)
        row["truth"] = case.truth
        rows.append(row)
    print()
    print(bench.tabulate("literature", rows))
    crashes = [r for r in rows if r["reason"].startswith("crash:")]
    wrong = [r for r in rows if r["status"] != "unknown" and (r["status"] == "holds") != r["truth"]]
    assert not wrong, wrong
    assert not crashes, crashes
