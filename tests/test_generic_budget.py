"""Issue 25: no fixed order cap for generic tables, a budget by estimate instead."""

import pytest
from sympy.combinatorics.named_groups import AlternatingGroup, SymmetricGroup

from symrep.errors import LimitError
from symrep.groups import dixon
from symrep.groups.dixon import estimate_cost, generic_character_table
from symrep.groups.permutation_input import parse_generators


def test_a9_is_computed_and_proved():  # refused before issue 25 (order 181440 > 100000)
    T = generic_character_table(AlternatingGroup(9))
    assert T.order == 181440 and len(T) == 18
    assert sorted(T.degrees)[-3:] == [168, 189, 216]
    report = T.verify()
    assert report.passed and report.indicators.count(0) == 2  # the pair of degree 21 is not real


def test_the_estimate_grows_with_the_order_and_the_budget_is_named():
    small, large = estimate_cost(1000, 10), estimate_cost(10**6, 10)
    assert small[0] < large[0] and small[1] < large[1]
    with pytest.raises(LimitError, match=r"about .* \(estimate\) and .* MiB, over the budget of 1.0 s"):
        generic_character_table(SymmetricGroup(10), budget=1)


def test_memory_beyond_the_machine_is_refused_with_the_estimate(monkeypatch):
    monkeypatch.setattr(dixon, "_machine_memory", lambda: 2**28)
    with pytest.raises(LimitError, match=r"an estimated .* GiB, more than half of this machine.s 0.2 GiB"):
        generic_character_table(SymmetricGroup(10), budget=10**6)


def test_progress_names_the_stages():
    stages = []
    generic_character_table(parse_generators("(1,2,3,4,5,6,7),(1,2)"), progress=stages.append)
    assert stages[0].startswith("order 5040: enumerating the group (estimate")
    assert any("classes; splitting the class matrices mod" in s for s in stages) and stages[-1].startswith("done")


@pytest.mark.slow
@pytest.mark.parametrize("gens, order, classes", [
    ("(1,2,3,4,5,6,7,8,9),(8,9,10)", 1814400, 24),  # A10
    ("(1,2,3,4,5,6,7,8,9,10,11)(12,13,14,15,16,17,18,19,20,21,22),(1,4,5,9,3)(2,8,10,7,6)(12,15,16,20,14)"
     "(13,19,21,18,17),(1,21)(2,10,8,6)(3,13,4,17)(5,19,9,18)(11,22)(12,14,16,20)", 443520, 12),  # M22
])
def test_large_groups_within_the_default_budget(gens, order, classes):
    T = generic_character_table(parse_generators(gens))
    assert T.order == order and len(T) == classes
    assert T.verify().passed
