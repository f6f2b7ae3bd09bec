import json
import os
import subprocess
import sys

import pytest

from symrep.cli.app import main, parse_sides


def run(*args):
    proc = subprocess.run([sys.executable, "-m", "symrep", *args], capture_output=True, text=True,
                          timeout=120)
    return proc.returncode, proc.stdout, proc.stderr


def test_spectrum_json_has_the_documented_keys():
    code, out, err = run("spectrum", "--sides", "1,1,2", "--kernel", "exp(-x)", "--metric", "l1",
                         "--format", "json")
    assert code == 0, err
    data = json.loads(out)
    assert isinstance(data, list) and len(data) == 6
    assert sum(e["multiplicity"] for e in data) == 8
    for e in data:
        assert {"value", "numeric", "multiplicity", "label"} <= set(e)
        assert isinstance(e["numeric"], float) and isinstance(e["value"], str)


def test_symbolic_json_has_null_numeric():
    code, out, _ = run("spectrum", "--sides", "a:3", "--kernel", "f(x)", "--format", "json")
    assert code == 0
    data = json.loads(out)
    assert [e["multiplicity"] for e in data] == [1, 3, 3, 1]
    assert all(e["numeric"] is None for e in data)
    assert data[3]["value"] == "f(0) - 3*f(a) + 3*f(2*a) - f(3*a)"


def test_check_passes_and_text_mentions_it():
    code, out, _ = run("spectrum", "--sides", "1,1,1,1", "--kernel", "exp(-x^2)", "--check")
    assert code == 0
    assert "exact check passed" in out and "numeric check passed" in out


def test_numeric_summary():
    code, out, _ = run("spectrum", "--sides", "0.5:12", "--kernel", "exp(-x^2)", "--numeric",
                       "--format", "json")
    assert code == 0
    data = json.loads(out)
    assert data["count"] == 4096 and data["numeric"] is True and data["min"]["numeric"] < 0


def test_demo_runs():
    code, out, _ = run("demo")
    assert code == 0 and "negative" in out and "FAILED" not in out


@pytest.mark.parametrize(
    "args, message",
    [
        (["--sides", "1,-1", "--kernel", "x"], "a_2 = -1"),
        (["--sides", "1,nan", "--kernel", "x"], "'nan' cannot name a side"),
        (["--sides", "1,inf", "--kernel", "x"], "'inf' cannot name a side"),
        (["--sides", "", "--kernel", "x"], "empty side"),
        (["--sides", "1,2", "--kernel", "t*x"], "'t' cannot name a parameter"),
        (["--sides", "1,2", "--kernel", "1/x"], "undefined at x = 0"),
        (["--sides", "1,2", "--kernel", "log(x)"], "undefined at x = 0"),
        (["--sides", "1,2", "--kernel", "__import__('os').system('true')"], "allowed"),
        (["--sides", "1,2", "--kernel", "10**10**10"], "power too large"),
        (["--sides", "1,2", "--kernel", "x", "--metric", "lp"], "needs an exponent"),
        (["--sides", "1,2", "--kernel", "x", "--metric", "lp", "--p", "-1"], "p = -1"),
        (["--sides", "1:99999999", "--kernel", "x"], "repeat count"),
        (["--sides", "1:20,2:20,3:20", "--kernel", "x"], "limit 1048576"),
        (["--sides", "1:28", "--kernel", "x", "--numeric"], "d <= 27"),
        (["--sides", "1,2", "--kernel", "x", "--metric", "l7"], "invalid choice"),
    ],
)
def test_bad_input_exits_2_with_one_line_and_no_traceback(args, message):
    code, out, err = run("spectrum", *args)
    assert code == 2
    assert "Traceback" not in err and message in err
    assert len(err.strip().splitlines()) <= 6  # argparse adds its usage lines; ours are one line


def test_output_file_is_not_overwritten_without_force(tmp_path):
    target = tmp_path / "spec.json"
    target.write_text("precious")
    code, _, err = run("spectrum", "--sides", "1,2", "--kernel", "x", "-o", str(target))
    assert code == 2 and "--force" in err and target.read_text() == "precious"
    code, _, _ = run("spectrum", "--sides", "1,2", "--kernel", "x", "-o", str(target), "--force",
                     "--format", "json")
    assert code == 0 and json.loads(target.read_text())[0]["value"] == "6"
    assert not [p for p in os.listdir(tmp_path) if p.startswith(".symrep-")]


def test_output_to_missing_folder_is_refused(tmp_path):
    assert main(["spectrum", "--sides", "1", "--kernel", "x", "-o", str(tmp_path / "no" / "f.txt")]) == 2


def test_parse_sides_repeats():
    assert [str(s) for s in parse_sides("a:2,3/2")] == ["a", "a", "3/2"]


def test_table_json_keys():
    code, out, err = run("table", "B4", "--format", "json")
    assert code == 0, err
    data = json.loads(out)
    assert len(data["classes"]) == 20 and len(data["irreducibles"]) == 20
    assert data["classes"][0]["label"] == [[1, 1, 1, 1], []] and data["classes"][0]["size"] == 1
    assert data["irreducibles"][0]["label"] == [[4], []] and data["irreducibles"][0]["degree"] == 1
    assert len(data["values"]) == 20 and all(len(row) == 20 for row in data["values"])
    assert sum(c["size"] for c in data["classes"]) == 384


@pytest.mark.parametrize("group, classes", [("S5", 7), ("Z2^3", 8), ("B2xB1", 10), ("B1", 2)])
def test_table_names(group, classes):
    code, out, _ = run("table", group, "--format", "json", "--verify")
    assert code == 0
    data = json.loads(out)
    assert len(data["classes"]) == classes and data["verified"] is True


@pytest.mark.parametrize("fmt, marker", [("text", "Character table of B3"), ("latex", r"\begin{longtable}"),
                                         ("gap", "ConvertToCharacterTableNC")])
def test_table_formats(fmt, marker):
    code, out, _ = run("table", "B3", "--format", fmt)
    assert code == 0 and marker in out


@pytest.mark.parametrize("args, message", [(["table", "Q8"], "cannot read group factor"),
                                           (["table", "B40"], "n <= 16"),
                                           (["table", "B0"], "n >= 1"),
                                           (["decompose", "--sides", "1,1", "--action", "faces:7"], "[0, 2]"),
                                           (["decompose", "--sides", "1,-2"], "a_2 = -2"),
                                           (["decompose", "--sides", "1,1", "--action", "spin"], "unknown action")])
def test_table_and_decompose_bad_input(args, message):
    code, _, err = run(*args)
    assert code == 2 and message in err and "Traceback" not in err


def test_decompose_vertices_json():
    code, out, _ = run("decompose", "--sides", "1,1,2", "--format", "json")
    assert code == 0
    data = json.loads(out)
    assert data["order"] == 16 and data["degree"] == 8
    assert sorted(tuple(c["block_vector"]) for c in data["constituents"]) == [
        (0, 0), (0, 1), (1, 0), (1, 1), (2, 0), (2, 1)]
    assert sum(c["degree"] * c["multiplicity"] for c in data["constituents"]) == 8


def test_decompose_edges_text():
    code, out, _ = run("decompose", "--sides", "1,1,1", "--action", "edges")
    assert code == 0 and "degree 12" in out
