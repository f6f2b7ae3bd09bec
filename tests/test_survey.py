"""``symrep survey`` (issue 27): the store resumes, Ctrl-C loses nothing, dead workers cost one cell,
the documents follow their schema and every certificate of the atlas is accepted by ``symrep.check``.

Cells here are fast ones (a fraction of a second each); slowness where a test needs it comes from the
survey's test hooks (``stall`` seconds before a cell, ``die`` to end the process computing it)."""

import json
import re
from fractions import Fraction
import os
import signal
import sqlite3
import subprocess
import sys
import threading
import time

import pytest

from symrep.certificates import check_file
from symrep.errors import InputError
from symrep.survey import runner
from symrep.survey.run import survey

KERNELS = "# a few kernels\nlaplace: exp(-x)\ngauss: exp(-x^2)\nsqrt: x^(1/2)\n\ncauchy: 1/(1+x^2)\n"
CLAIMS = ["pd-l1", "l1-to-l1"]
EXPECTED = {("laplace", "pd-l1"): "holds", ("laplace", "l1-to-l1"): "fails", ("gauss", "pd-l1"): "fails",
            ("gauss", "l1-to-l1"): "fails", ("sqrt", "pd-l1"): "fails", ("sqrt", "l1-to-l1"): "holds",
            ("cauchy", "pd-l1"): "fails", ("cauchy", "l1-to-l1"): "fails"}


def write(folder, text, name="kernels.txt"):
    path = os.path.join(folder, name)
    with open(path, "w") as handle:
        handle.write(text)
    return path


def run_survey(kernels, out, **options):
    import io

    stream = io.StringIO()
    options.setdefault("claims", CLAIMS)
    code = survey(kernels, out, stream=stream, **options)
    return code, stream.getvalue()


def rows(out):
    try:
        with sqlite3.connect(os.path.join(out, "survey.sqlite")) as db:
            return {r[0]: r[1:] for r in db.execute("SELECT key, name, claim, verdict, certificate, attempts, "
                                                    "finished FROM cells")}
    except sqlite3.OperationalError:  # the survey has not created its table yet
        return {}


def leftovers(out):
    return [os.path.join(d, f) for d, _, files in os.walk(out) for f in files if f.endswith(".tmp")]


def cli(*args, env=None, **kw):
    return subprocess.run([sys.executable, "-m", "symrep", "survey", *args], capture_output=True, text=True,
                          timeout=300, env=env, **kw)


# --- the store ----------------------------------------------------------------------------------------

def test_a_second_run_resumes_and_recomputes_nothing(tmp_path):
    kernels, out = write(tmp_path, KERNELS), str(tmp_path / "atlas")
    code, text = run_survey(kernels, out)
    assert code == 0, text
    first = rows(out)
    assert len(first) == 8 and "(8 computed now)" in text
    assert {(r[0], r[1]): r[2] for r in first.values()} == EXPECTED
    code, text = run_survey(kernels, out)
    assert code == 0 and "(0 computed now)" in text
    assert rows(out) == first  # not even the finishing times changed


def test_changed_input_adds_only_the_new_cells(tmp_path):
    kernels, out = write(tmp_path, KERNELS), str(tmp_path / "atlas")
    assert run_survey(kernels, out)[0] == 0
    before = rows(out)
    write(tmp_path, KERNELS.replace("laplace:", "renamed laplace:") + "log: log(1+x)\n")
    code, text = run_survey(kernels, out)
    assert code == 0 and "(2 computed now)" in text
    after = rows(out)
    assert {k: v for k, v in after.items() if k in before} == before and len(after) == 10
    cells = json.load(open(os.path.join(out, "atlas.json")))["cells"]
    assert [c["function"] for c in cells[::2]] == ["exp(-x)", "exp(-x^2)", "x^(1/2)", "1/(1+x^2)", "log(1+x)"]


def test_other_options_are_refused_unless_forced(tmp_path):
    kernels, out = write(tmp_path, KERNELS), str(tmp_path / "atlas")
    assert run_survey(kernels, out)[0] == 0
    with pytest.raises(InputError, match="other options: budget 10.0 \\(now 5.0\\)"):
        run_survey(kernels, out, budget=5.0)
    code, text = run_survey(kernels, out, budget=5.0, force=True)
    assert code == 0 and "(0 computed now)" in text


def test_a_folder_holding_other_files_is_refused(tmp_path):
    kernels = write(tmp_path, KERNELS)
    (tmp_path / "atlas").mkdir()
    (tmp_path / "atlas" / "thesis.tex").write_text("mine")
    with pytest.raises(InputError, match="already holds files"):
        run_survey(kernels, str(tmp_path / "atlas"))
    assert os.listdir(tmp_path / "atlas") == ["thesis.tex"]


# --- bad input ----------------------------------------------------------------------------------------

def test_a_malformed_line_is_reported_with_its_number_and_the_others_run(tmp_path):
    kernels = write(tmp_path, "laplace: exp(-x)\nbroken: exp(-x\nfamily: exp(-x); 0 < a\ngauss: exp(-x^2)\n"
                              "laplace: exp(-2*x)\n")
    proc = cli(kernels, "-o", str(tmp_path / "atlas"), "--claims", "pd-l1", "--quiet")
    assert proc.returncode == 2
    assert "line 2: broken: cannot read 'exp(-x'" in proc.stderr
    assert "line 3: family: " in proc.stderr
    assert "line 5: laplace: the name 'laplace' is already used on line 1" in proc.stderr
    cells = json.load(open(tmp_path / "atlas" / "atlas.json"))["cells"]
    assert [(c["function"], c["verdict"]) for c in cells] == [("exp(-x)", "holds"), ("exp(-x^2)", "fails")]


@pytest.mark.parametrize("name, text, message", [
    ("k.json", "{not json", "is not valid JSON"),
    ("k.json", '{"a": 1}', "expected a list of kernels"),
    ("k.csv", "name,formula\nx,exp(-x)\n", "needs a column 'expression'"),
    ("k.txt", "# nothing\n\n", "holds no kernel"),
])
def test_unreadable_files_are_one_line_errors(tmp_path, name, text, message):
    proc = cli(write(tmp_path, text, name), "-o", str(tmp_path / "atlas"))
    assert proc.returncode == 2 and message in proc.stderr and len(proc.stderr.splitlines()) == 1
    assert "Traceback" not in proc.stderr


def test_csv_and_json_with_assumptions(tmp_path):
    csv_file = write(tmp_path, "name,expression,assumptions\nscaled,exp(-c*x),c > 0\ngauss,exp(-x^2),\n", "k.csv")
    json_file = write(tmp_path, json.dumps([{"name": "scaled", "expression": "exp(-c*x)", "assumptions": ["c > 0"]},
                                            {"name": "gauss", "expression": "exp(-x^2)"}]), "k.json")
    for path, folder in ((csv_file, "a"), (json_file, "b")):
        code, text = run_survey(path, str(tmp_path / folder), claims=["pd-l1"])
        assert code == 0, text
    a = json.load(open(tmp_path / "a" / "atlas.json"))["cells"]
    b = json.load(open(tmp_path / "b" / "atlas.json"))["cells"]
    assert a == b
    assert a[0]["region"] == "(0 < c)" and a[0]["verdict"] == "holds" and a[-1]["verdict"] == "fails"


def test_bad_options_are_one_line_errors(tmp_path):
    kernels = write(tmp_path, KERNELS)
    for args, message in ((["--claims", "pd-l3"], "unknown claim pd-l3"), (["--budget", "0"], "--budget must be"),
                          (["--workers", "0"], "--workers must be")):
        proc = cli(kernels, "-o", str(tmp_path / "atlas"), *args)
        assert proc.returncode == 2 and message in proc.stderr, proc.stderr


def test_an_unreachable_dask_scheduler_is_one_line_and_exit_2(tmp_path):
    proc = cli(write(tmp_path, KERNELS), "-o", str(tmp_path / "atlas"), "--dask", "tcp://127.0.0.1:9",
               "--claims", "pd-l1")
    assert proc.returncode == 2, proc.stderr
    assert proc.stderr.startswith("symrep: error: cannot reach the Dask scheduler at tcp://127.0.0.1:9")
    assert len(proc.stderr.strip().splitlines()) == 1


# --- interruption -------------------------------------------------------------------------------------

def test_sigint_stops_within_seconds_and_loses_no_finished_cell(tmp_path):
    kernels, out = write(tmp_path, KERNELS + "slow: exp(-3*x)\n"), str(tmp_path / "atlas")
    env = dict(os.environ, SYMREP_SURVEY_TEST_HOOKS=json.dumps({"slow": {"stall": 120}}))
    proc = subprocess.Popen([sys.executable, "-m", "symrep", "survey", kernels, "-o", out, "--claims", "pd-l1",
                             "--budget", "300", "--workers", "2"], stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                            text=True, env=env, start_new_session=True)
    try:
        deadline = time.monotonic() + 120
        while time.monotonic() < deadline:  # the four quick cells are committed; the slow one is running
            time.sleep(0.2)
            if os.path.exists(os.path.join(out, "survey.sqlite")) and len(rows(out)) == 4:
                break
        assert len(rows(out)) == 4
        time.sleep(0.5)
        start = time.monotonic()
        os.killpg(proc.pid, signal.SIGINT)  # as Ctrl-C does: to the survey and its prover processes
        _, err = proc.communicate(timeout=30)
        stopped = time.monotonic() - start
    finally:
        proc.kill()
    assert proc.returncode == 130, err
    assert stopped < 5, stopped
    assert "interrupted: 4 cells are kept" in err and "compute the 1 left" in err
    assert len(rows(out)) == 4 and leftovers(out) == [] and not os.path.exists(os.path.join(out, "atlas.json"))
    for _, _, _, certificate, _, _ in rows(out).values():
        assert certificate is None or check_file(os.path.join(out, certificate))
    again = cli(kernels, "-o", out, "--claims", "pd-l1", "--budget", "300")
    assert again.returncode == 0, again.stderr
    assert "1 of 5 cells to compute (4 already in" in again.stderr and "(1 computed now)" in again.stdout


# --- parallel, and dead workers -----------------------------------------------------------------------

def test_two_workers_give_the_same_atlas_as_one(tmp_path):
    kernels = write(tmp_path, KERNELS)
    assert run_survey(kernels, str(tmp_path / "one"))[0] == 0
    assert run_survey(kernels, str(tmp_path / "two"), workers=2)[0] == 0
    one, two = (json.load(open(tmp_path / f / "atlas.json")) for f in ("one", "two"))
    assert one == two


def test_a_worker_that_dies_loses_only_its_cell_and_it_is_run_again(tmp_path, monkeypatch):
    monkeypatch.setattr(runner, "TEST_HOOKS", {"gauss": {"die": 1}, "sqrt": {"die": 2}})
    kernels, out = write(tmp_path, KERNELS), str(tmp_path / "atlas")
    assert run_survey(kernels, out, workers=2)[0] == 0
    by_name = {(r[0], r[1]): r for r in rows(out).values()}
    assert by_name[("gauss", "pd-l1")][2:3] == ("fails",) and by_name[("gauss", "pd-l1")][4] == 2
    assert by_name[("sqrt", "pd-l1")][2] == "unknown" and by_name[("sqrt", "pd-l1")][4] == 2
    assert by_name[("laplace", "pd-l1")][2] == "holds" and by_name[("laplace", "pd-l1")][4] == 1
    with sqlite3.connect(os.path.join(out, "survey.sqlite")) as db:
        reason = db.execute("SELECT reason FROM cells WHERE name = 'sqrt'").fetchone()[0]
    assert "died 2 times" in reason


def test_a_worker_killed_from_outside_costs_one_retry(tmp_path, monkeypatch):
    from symrep.analysis import hard_stop

    monkeypatch.setattr(runner, "TEST_HOOKS", {"gauss": {"stall": 3}})
    kernels, out = write(tmp_path, "gauss: exp(-x^2)\n"), str(tmp_path / "atlas")
    killed = []

    def kill_once():
        deadline = time.monotonic() + 60
        while not killed and time.monotonic() < deadline:
            for pid in hard_stop.worker_pids():
                os.kill(pid, signal.SIGKILL)
                killed.append(pid)
            time.sleep(0.2)

    thread = threading.Thread(target=kill_once)
    thread.start()
    try:
        code, _ = run_survey(kernels, out, claims=["pd-l1"])
    finally:
        thread.join()
    assert code == 0 and killed
    (row,) = rows(out).values()
    assert row[2] == "fails" and row[4] == 2


def test_budgets_hold_inside_the_workers(tmp_path, monkeypatch):
    monkeypatch.setattr(runner, "TEST_HOOKS", {"gauss": {"stall": 60}})
    kernels, out = write(tmp_path, "gauss: exp(-x^2)\nlaplace: exp(-x)\n"), str(tmp_path / "atlas")
    start = time.monotonic()
    code, _ = run_survey(kernels, out, claims=["pd-l1"], budget=1.0, workers=2)
    assert code == 0 and time.monotonic() - start < 20
    verdicts = {r[0]: r[2] for r in rows(out).values()}
    assert verdicts == {"gauss": "unknown", "laplace": "holds"}


# --- Dask (an optional extra; in the test extra, so these run in CI) ---------------------------------

def test_dask_local_decides_holds_budgets_and_survives_a_dead_worker(tmp_path, monkeypatch):
    monkeypatch.setattr(runner, "TEST_HOOKS", {"gauss": {"die": 1}, "slow": {"stall": 60}})
    kernels = write(tmp_path, "laplace: exp(-x)\ngauss: exp(-x^2)\nslow: exp(-3*x)\n")
    start = time.monotonic()
    code, text = run_survey(kernels, str(tmp_path / "dask"), dask="local", workers=2, budget=3.0)
    assert code == 0, text
    assert time.monotonic() - start < 55  # the stalled cells are stopped at their budget, not after 60 s
    cells = {(r[0], r[1]): (r[2], r[4]) for r in rows(str(tmp_path / "dask")).values()}
    expected = {k: v for k, v in EXPECTED.items() if k[0] in ("laplace", "gauss")}
    assert {k: v[0] for k, v in cells.items()} == {**expected, ("slow", "pd-l1"): "unknown",
                                                           ("slow", "l1-to-l1"): "unknown"}
    assert cells[("gauss", "pd-l1")][1] == 2 and cells[("laplace", "pd-l1")][1] == 1


# --- the documents ------------------------------------------------------------------------------------

@pytest.fixture(scope="module")
def atlas(tmp_path_factory):
    folder = tmp_path_factory.mktemp("survey")
    kernels = write(folder, KERNELS + "stable: exp(-x^a); 0 < a <= 1\n")
    out = str(folder / "atlas")
    code, text = run_survey(kernels, out, claims=["pd-l1", "l1-to-l1", "low-rank"], budget=5.0)
    assert code == 0, text
    return out


def test_atlas_json_has_the_schema_of_the_issue(atlas):
    data = json.load(open(os.path.join(atlas, "atlas.json")))
    assert set(data) == {"cells"}
    for cell in data["cells"]:
        keys = {"function", "claim", "verdict", "certificate"}
        assert set(cell) == (keys | {"region"} if cell["function"] == "exp(-x^a)" else keys)
        region = cell.get("region", "(0 < a) & (a <= 1)")  # the family's region, or a part of it (classified)
        ends = [Fraction(e) for e in re.findall(r"-?\d+(?:/\d+)?", region)]
        assert "a" in region and all(0 <= e <= 1 for e in ends), region
        assert cell["verdict"] in ("holds", "fails", "unknown")
        assert (cell["certificate"] is None) == (cell["verdict"] == "unknown")
    assert len([c for c in data["cells"] if c["function"] != "exp(-x^a)"]) == 12


def test_every_certificate_of_the_atlas_is_accepted_by_check(atlas):
    import symrep

    cells = json.load(open(os.path.join(atlas, "atlas.json")))["cells"]
    decided = [c for c in cells if c["certificate"]]
    assert len(decided) >= 8
    for cell in decided:
        assert not os.path.isabs(cell["certificate"])
        with open(os.path.join(atlas, cell["certificate"])) as handle:
            claim, _, verdict = symrep.check(json.load(handle))
        assert (claim, verdict) == (cell["claim"], cell["verdict"])


def test_atlas_html_is_one_page_whose_marks_link_to_their_certificates(atlas):
    import re

    page = open(os.path.join(atlas, "atlas.html"), encoding="utf-8").read()
    assert "<script src" not in page and "<link" not in page and "http" not in page
    links = re.findall(r'href="#(c\d+)"', page)
    assert links and all(f'id="{a}"' in page for a in links)
    assert page.count("<tr>") == 1 + 5 and "addEventListener('click'" in page


def test_atlas_tex_has_the_table_and_the_appendix(atlas):
    tex = open(os.path.join(atlas, "atlas.tex"), encoding="utf-8").read()
    assert r"\begin{longtable}" in tex and r"$\checkmark$" in tex and r"$\times$" in tex
    assert tex.count(r"\subsection*{") == len([c for c in json.load(open(os.path.join(atlas, "atlas.json")))["cells"]
                                              if c["certificate"]])


@pytest.mark.tex
def test_atlas_tex_compiles(atlas):
    from symrep.render.latex import compile_pdf

    pdf = compile_pdf(open(os.path.join(atlas, "atlas.tex"), encoding="utf-8").read())
    assert pdf.startswith(b"%PDF")


def test_a_terminal_gets_a_bar_and_a_pipe_plain_lines():
    import io

    from symrep.survey.progress import Progress

    class Terminal(io.StringIO):
        def isatty(self):
            return True

    screen, pipe = Terminal(), io.StringIO()
    for stream in (screen, pipe):
        progress = Progress(4, already=1, stream=stream)
        progress.cell("laplace", "pd-l1", "holds", "derivation", 0.5)
        progress.note("a note")
        progress.close()
    assert screen.getvalue().startswith("\r[") and "2/4 cells ✓1" in screen.getvalue()
    assert screen.getvalue().endswith("\n") and "\r\x1b[Ka note\n" in screen.getvalue()
    assert pipe.getvalue() == "[2/4] laplace, pd-l1: holds (derivation, 0.5 s)\na note\n"


def test_the_shipped_atlas_has_at_least_150_kernels_and_ten_families():
    from symrep.survey.inputs import read_kernels

    entries, errors = read_kernels("builtin:atlas")
    assert errors == [] and len(entries) >= 150
    assert sum(e.parametric for e in entries) == 10


def test_more_workers_than_the_prover_pool_keeps_by_default(tmp_path):
    from symrep.analysis import hard_stop

    kernels = write(tmp_path, KERNELS)
    workers = hard_stop.MAX_WORKERS + 2
    code, _ = run_survey(kernels, str(tmp_path / "atlas"), workers=workers)
    assert code == 0 and hard_stop.MAX_WORKERS == workers - 2
    assert {(r[0], r[1]): r[2] for r in rows(str(tmp_path / "atlas")).values()} == EXPECTED
