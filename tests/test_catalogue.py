"""The measured targets of the verdicts issue, run by CI's ``pytest -m slow`` step.

- the whole catalogue: no verdict contradicts the truth, every certificate passes the checker,
  and the fraction decided (reported) is at least 90%;
- tampering: at least 1,000 random mutations of catalogue certificates, none of them accepted
  unless the mutated certificate is genuinely still valid.
"""

import random

import pytest

from catalogue import CATALOGUE, COLUMNS, certify_or_refusal, truth
from symrep.certificates import CheckError, check
from tampering import judge, mutate

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def verdicts():
    out = {(f, claim): certify_or_refusal(f, claim, budget=10) for f in CATALOGUE for claim in COLUMNS}
    return {key: verdict for key, verdict in out.items() if verdict is not None}


def test_no_verdict_contradicts_the_truth_and_enough_are_decided(verdicts):
    known = decided = 0
    undecided = []
    for (f, claim), verdict in verdicts.items():
        want = truth(f, claim)
        if verdict.status != "unknown":
            assert check(verdict.certificate) == (claim, verdict.function, verdict.status)
            if want is not None:
                assert (verdict.status == "holds") == want, (f, claim, verdict.reason)
        if want is not None:  # (functions refused for low-rank, not real on R, are left out)
            known += 1
            decided += verdict.status != "unknown"
            if verdict.status == "unknown":
                undecided.append((f, claim))
    print(f"\ncatalogue: {len(CATALOGUE)} functions, {known} known cases, decided {decided} "
          f"({decided / known:.1%}); undecided: {undecided}")
    assert decided / known >= 0.9


def test_tampered_certificates_are_rejected_unless_still_valid(verdicts):
    rng = random.Random(20261122)
    certificates = [v.certificate for v in verdicts.values() if v.certificate is not None]
    accepted_valid, rejected, wrong = 0, 0, []
    total = 1200
    for _ in range(total):
        kind, mutated = mutate(rng.choice(certificates), rng)
        try:
            check(mutated)
        except CheckError:
            rejected += 1
            continue
        verdict = judge(mutated)
        if verdict:
            accepted_valid += 1
        else:
            wrong.append((kind, verdict, mutated))
    print(f"\ntampering: {total} mutations, {rejected} rejected, {accepted_valid} accepted and still valid")
    assert not wrong, wrong[:3]
