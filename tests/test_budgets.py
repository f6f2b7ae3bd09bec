"""The prover's hard stop (symrep.analysis.hard_stop): budgets hold from any thread, a worker that dies
is reported and replaced, and nothing here depends on the machine being fast or slow.

Every timing test uses a job that needs far more than its budget and asserts only an upper bound with
generous slack (the budget plus ``SLACK`` seconds): a worker stalled for an hour before its job
(:func:`~symrep.analysis.hard_stop.stalled`, the stand-in for one SymPy call that never reaches a
cooperative check), a job that spins for an hour, or a besselk product whose SymPy search, in a fresh
worker, runs for tens of seconds.
"""

import os
import signal
import threading
import time
from concurrent.futures import ThreadPoolExecutor

import pytest

from symrep.analysis import hard_stop
from symrep.analysis.verdicts import _Referee, certify
from symrep.errors import InputError, LimitError

#: Generous: the budget's slack is GRACE (0.5 s) plus a kill and a fork; the rest absorbs a loaded machine.
SLACK = 5.0
#: Needs far more than any budget below: SymPy's search on it runs for minutes (42 s off the main thread
#: when SIGALRM was the only stop).
PATHOLOGICAL = "exp(-x)*besselk(7/3, x**2+1)*erf(sqrt(x)+1)/(1+x**5)"


def _in_main(call):
    return call()


def _in_thread(call):
    box = {}

    def target():
        try:
            box["value"] = call()
        except BaseException as exc:  # noqa: BLE001  (handed to the test)
            box["error"] = exc

    thread = threading.Thread(target=target)
    thread.start()
    thread.join(600)
    if "error" in box:
        raise box["error"]
    return box["value"]


def _in_pool(call):
    with ThreadPoolExecutor(max_workers=2) as pool:
        return pool.submit(call).result(timeout=600)


RUNNERS = pytest.mark.parametrize("runner", [_in_main, _in_thread, _in_pool], ids=["main", "thread", "pool"])


def _timed(runner, call):
    start = time.monotonic()
    value = runner(call)
    return value, time.monotonic() - start


@RUNNERS
@pytest.mark.parametrize("job", ["test-spin", "test-sleep"])
def test_a_job_that_runs_on_is_stopped_at_its_deadline(runner, job):
    outcome, seconds = _timed(runner, lambda: hard_stop.run(job, (3600.0,), deadline=time.monotonic() + 1.0))
    assert outcome.stopped and not outcome.ok and "budget ran out" in outcome.reason
    assert seconds < 1.0 + SLACK


def _stalled(call, seconds=3600.0):
    """``call`` with its jobs' workers stalled (set in the thread that runs it: the stall is per thread)."""
    def run():
        with hard_stop.stalled(seconds):
            return call()
    return run


@RUNNERS
def test_certify_with_a_stalled_search_returns_unknown_within_its_budget(runner):
    verdict, seconds = _timed(runner, _stalled(lambda: certify("exp(-x)", "pd-l1", budget=1)))
    assert seconds < 1.0 + SLACK
    assert verdict.status == "unknown" and verdict.certificate is None
    assert verdict.reason == "Undecided: the time budget of 1 s ran out (the search was stopped)."


@RUNNERS
def test_certify_on_a_pathological_input_returns_within_its_budget(runner):
    hard_stop.shutdown()  # a fresh worker: SymPy's cache must not hold an earlier search's work
    verdict, seconds = _timed(runner, lambda: certify(PATHOLOGICAL, "pd-l2", budget=1))
    assert seconds < 1.0 + SLACK
    if verdict.status == "unknown":
        assert "time budget of 1 s ran out" in verdict.reason
    else:  # never seen (its search takes tens of seconds), but a decided answer must be a checked one
        assert verdict.certificate.check()[2] == verdict.status


@RUNNERS
def test_classify_returns_within_its_budget(runner):
    from symrep.analysis.classification import classify

    result, seconds = _timed(runner, _stalled(lambda: classify("exp(-a*x)", "pd-l1", budget=3, piece_budget=1)))
    assert seconds < 3.0 + SLACK
    assert result.regions and all(r.verdict == "unknown" and r.certificate is None for r in result.regions)
    assert all("budget" in r.reason for r in result.regions)


@RUNNERS
def test_stable_rank_bound_with_a_stalled_search_ends_in_a_limit_error_within_its_budget(runner):
    from symrep.attention.stable_rank import stable_rank_bound

    def call():
        with pytest.raises(LimitError, match="the time budget of 1 s ran out"):
            stable_rank_bound("sqrt(x)", 1, 4, budget=1)
        return True

    _, seconds = _timed(runner, _stalled(call))
    assert seconds < 1.0 + SLACK
    assert stable_rank_bound("sqrt(x)", 1, 4).certificate.check()[2] == "holds"


def test_the_next_call_after_a_stop_works():
    assert _stalled(lambda: certify("exp(-x)", "pd-l1", budget=1))().status == "unknown"
    verdict = certify("exp(-x)", "pd-l1")
    assert verdict.status == "holds" and verdict.certificate.check()[2] == "holds"


def _kill_workers_until_done(future, timeout=60.0):
    """SIGKILL every busy worker until ``future`` is done (a worker killed before it received its job is
    replaced once: that one is killed too)."""
    end = time.monotonic() + timeout
    while not future.done() and time.monotonic() < end:
        for pid in hard_stop.worker_pids():
            try:
                os.kill(pid, signal.SIGKILL)
            except ProcessLookupError:
                pass
        time.sleep(0.1)


def test_a_killed_worker_gives_unknown_with_the_reason_and_the_next_call_works():
    with ThreadPoolExecutor(max_workers=1) as pool:
        start = time.monotonic()
        future = pool.submit(_stalled(lambda: certify("exp(-x)", "pd-l1", budget=120)))
        _kill_workers_until_done(future)
        verdict = future.result(timeout=120)
    assert time.monotonic() - start < 60  # it returned when the worker died, not at the budget
    assert verdict.status == "unknown" and verdict.certificate is None
    assert "prover process died" in verdict.reason and "SIGKILL" in verdict.reason
    assert certify("exp(-x^2)", "pd-l1").status == "fails"


def test_a_worker_that_exits_is_reported_and_replaced():
    outcome = hard_stop.run("test-exit", (3,), deadline=time.monotonic() + 30)
    assert outcome.died and "exited with code 3" in outcome.reason
    assert hard_stop.run("test-echo", ("again",), deadline=time.monotonic() + 30).value == "again"


def test_progress_lines_cross_the_pipe_in_order():
    lines = []
    outcome = hard_stop.run("test-echo", (7, ["first", "second"]), deadline=time.monotonic() + 30,
                            progress=lines.append)
    assert outcome.value == 7 and lines == ["first", "second"]


def test_classify_reports_progress():
    from symrep.analysis.classification import classify

    lines = []
    result = classify("exp(-c*x)", "pd-l1", progress=lines.append)
    assert [(r.region, r.verdict) for r in result.regions] == [("(c < 0)", "fails"), ("(0 <= c)", "holds")]
    assert lines and all(":" in line for line in lines)


def test_calls_from_several_threads_at_once_get_their_own_answers():
    cases = [("exp(-x)", "pd-l1", "holds"), ("exp(-x^2)", "pd-l1", "fails"), ("x^(1/2)", "l1-to-l1", "holds"),
             ("x^2", "l1-to-l1", "fails"), ("1 + 2*x + x^3", "low-rank", "holds"), ("exp(x)", "low-rank", "fails")]
    with ThreadPoolExecutor(max_workers=len(cases)) as pool:
        verdicts = list(pool.map(lambda case: certify(case[0], case[1], budget=120), cases))
    for (f, claim, status), verdict in zip(cases, verdicts):
        assert (verdict.claim, verdict.status) == (claim, status), (f, verdict)
        assert verdict.certificate["claim"] == claim and verdict.certificate.check()[2] == status


def test_a_stopped_call_does_not_hold_up_another_threads_call():
    with ThreadPoolExecutor(max_workers=2) as pool:
        slow = pool.submit(_stalled(lambda: certify("exp(-x)", "pd-l1", budget=10)))
        start = time.monotonic()
        fast = pool.submit(certify, "exp(-x)", "pd-l1", budget=60).result(timeout=120)
        assert fast.status == "holds" and time.monotonic() - start < 10  # not queued behind the slow one
        assert slow.result(timeout=120).status == "unknown"


def test_errors_from_the_worker_are_raised_in_the_caller():
    with pytest.raises(InputError, match="undefined at 0"):
        certify("1/x", "pd-l1")
    with pytest.raises(LimitError, match="the limit is 20000 bits"):
        certify("x^x^x", "pd-l1", budget=2)
    with pytest.raises(Exception) as info:
        hard_stop.run("certify", ("exp(-x)", "pd-l3", (), 1.0, time.monotonic() + 30), deadline=time.monotonic() + 30)
    assert "pd-l3" in str(info.value) and "Traceback" in str(info.value.__cause__)


def test_the_caller_takes_only_an_answer_to_the_question_asked(monkeypatch):
    """The worker's kernel accepts only what holds (the referee below is the one the search runs); the
    caller then takes holds or fails only with a certificate for the claim asked, stating that verdict."""
    from symrep.analysis import verdicts

    good = certify("exp(-x^2)", "pd-l1")
    referee = _Referee("pd-l1")
    assert referee(dict(good.certificate, verdict="holds")) is not None and referee.accepted is None
    assert _Referee("pd-l2")(good.certificate) is not None
    assert referee(good.certificate) is None and referee.accepted == good.certificate
    for forged in (verdicts.Verdict("pd-l1", good.function, "holds", "forged", good.certificate),
                   verdicts.Verdict("pd-l1", good.function, "fails", "other claim", dict(good.certificate, claim="pd-l2")),
                   verdicts.Verdict("pd-l1", good.function, "fails", "no certificate", None)):
        monkeypatch.setattr(hard_stop, "run", lambda *a, **k: hard_stop.Outcome(forged))
        verdict = certify("exp(-x^2)", "pd-l1")
        assert verdict.status == "unknown" and verdict.certificate is None
        assert "no certificate for this claim" in verdict.reason


@pytest.mark.parametrize("bad", [0, -1, float("nan"), float("inf"), 1e9, True, "5"])  # None: the default
def test_a_budget_that_is_not_a_positive_number_is_one_clear_line(bad):
    from symrep.analysis.classification import classify
    from symrep.attention.stable_rank import stable_rank_bound

    for call in (lambda: certify("exp(-x)", "pd-l1", budget=bad),
                 lambda: classify("exp(-c*x)", "pd-l1", budget=bad),
                 lambda: classify("exp(-c*x)", "pd-l1", piece_budget=bad),
                 lambda: stable_rank_bound("sqrt(x)", 1, 4, budget=bad)):
        with pytest.raises(InputError, match="budget") as info:
            call()
        assert "\n" not in str(info.value)


@pytest.mark.parametrize("bad", ["0", "-1", "nan", "inf"])
def test_the_command_line_refuses_a_bad_budget_in_one_line(bad, capsys):
    from symrep.cli.app import main

    assert main(["certify", "exp(-x)", "--claim", "pd-l1", "--budget", bad]) == 2
    err = capsys.readouterr().err.strip()
    assert "budget" in err and len(err.splitlines()) == 1


def test_the_command_line_budget_holds():
    from symrep.cli.app import main

    start = time.monotonic()
    with hard_stop.stalled(3600):
        assert main(["certify", "exp(-x)", "--claim", "pd-l1", "--budget", "1"]) == 1
    assert time.monotonic() - start < 1.0 + SLACK


def test_in_process_mode_for_debugging(monkeypatch):
    monkeypatch.setenv("SYMREP_IN_PROCESS", "1")
    assert hard_stop.in_process()
    assert certify("exp(-x)", "pd-l1").status == "holds"
    assert hard_stop.run("test-pid", deadline=time.monotonic() + 5).value == os.getpid()
    monkeypatch.delenv("SYMREP_IN_PROCESS")
    assert not hard_stop.in_process()
    assert hard_stop.run("test-pid", deadline=time.monotonic() + 30).value != os.getpid()


def test_no_signal_handler_is_left_in_the_prover():
    """The prover raises nothing asynchronously: no SIGALRM timer, no handler raising in library code."""
    import pathlib

    import symrep
    from symrep.analysis.budget import Budget

    assert not hasattr(Budget, "armed")
    root = pathlib.Path(symrep.__file__).parent
    for path in list((root / "analysis").glob("*.py")) + list((root / "attention").glob("*.py")):
        text = path.read_text()
        assert "setitimer" not in text and "SIGALRM, " not in text, path
    before = signal.getsignal(signal.SIGALRM)
    certify("exp(-x)", "pd-l1")
    assert signal.getsignal(signal.SIGALRM) is before


@pytest.mark.notebooks
def test_the_budget_holds_in_a_jupyter_kernel():
    """In a Jupyter kernel (threads of its own, streams that are not files), on the cell's thread and in a
    thread pool; run with the notebooks (python -m pytest -m notebooks)."""
    import pathlib

    import nbformat
    from nbclient import NotebookClient

    root = pathlib.Path(__file__).parent.parent
    code = f"""import sys, time
sys.path.insert(0, {str(root)!r})
from concurrent.futures import ThreadPoolExecutor
from symrep import certify
from symrep.analysis import hard_stop

def timed():
    start = time.monotonic()
    with hard_stop.stalled(3600):
        verdict = certify("exp(-x)", "pd-l1", budget=1)
    return verdict.status, time.monotonic() - start

certify("exp(-x)", "pd-l1")
here = timed()
with ThreadPoolExecutor(max_workers=2) as pool:
    there = pool.submit(timed).result()
print(here[0], there[0], max(here[1], there[1]) < 1 + {SLACK})"""
    nb = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell(code)])
    NotebookClient(nb, timeout=300, kernel_name="python3", resources={"metadata": {"path": str(root)}}).execute()
    out = "".join(o.get("text", "") for o in nb.cells[0].outputs)
    assert out.strip() == "unknown unknown True", out


def test_default_budgets_scale_with_the_environment_and_explicit_ones_do_not(monkeypatch):
    from symrep.analysis.budget import default_seconds
    from symrep.errors import InputError

    monkeypatch.setenv("SYMREP_BUDGET_SCALE", "3")
    assert default_seconds(10.0) == 30.0
    monkeypatch.delenv("SYMREP_BUDGET_SCALE")
    assert default_seconds(10.0) == 10.0
    for bad in ("0", "-1", "fast", "1000"):
        monkeypatch.setenv("SYMREP_BUDGET_SCALE", bad)
        with pytest.raises(InputError, match="SYMREP_BUDGET_SCALE must be a number"):
            default_seconds(10.0)
    monkeypatch.setenv("SYMREP_BUDGET_SCALE", "fast")
    verdict = certify("exp(-x)", "pd-l1", budget=5)  # an explicit budget never reads the variable
    assert verdict.status == "holds"
