"""Issue 25: generators as people have them (GAP's line continuation, @FILE) and one clear line for bad input."""

import pytest

from symrep.cli.app import main
from symrep.errors import InputError
from symrep.groups.permutation_input import parse_generators, read_generators

GAP_WRAPPED = "[ ( 1, 2,10)( 3, 4, 5)( 6, 7, 8), (1,7,3,4,2,5,6,8), \\\n  ( 1, 2)( 4, 7)( 5, 8)( 9,1\\\n0) ]"


def test_gap_backslash_newline_continuation_is_read():
    assert parse_generators(GAP_WRAPPED).order() == 720  # PGL(2, 9), a number broken inside
    assert parse_generators(GAP_WRAPPED.replace("\n", "\r\n")).order() == 720


def test_generators_from_a_file(tmp_path, capsys):
    path = tmp_path / "pgl29.g"
    path.write_text("# PGL(2,9) as GAP prints it\nG := Group(" + GAP_WRAPPED + ");\n")
    assert read_generators(f"@{path}").order() == 720
    assert main(["table", "--generators", f"@{path}", "--format", "gap", "--verify"]) == 0
    out = capsys.readouterr().out
    assert "Size := 720" in out and "# exact check passed" in out and "Frobenius-Schur" in out


@pytest.mark.parametrize("text, words", [
    ("(1,2,0)", "point 0 is not a point"),
    ("(1,2,5000)", "beyond the largest point allowed, 4096"),
    ("(1,2,3,2)", "not a permutation: the cycle (1,2,3,2) repeats point 2"),
    ("(1,2", "cannot read generators"),
    ("Group((1,2),x)", "cannot read generators"),
    ("@/nonexistent/gens.g", "cannot read generator file /nonexistent/gens.g"),
])
def test_bad_generators_are_one_clear_line(text, words, capsys):
    with pytest.raises(InputError, match=None) as info:
        read_generators(text)
    assert words in str(info.value) and "\n" not in str(info.value)
    assert main(["table", "--generators", text]) == 2
    err = capsys.readouterr().err.strip()
    assert words in err and len(err.splitlines()) == 1


def test_a_group_beyond_the_budget_names_the_estimate(capsys):
    assert main(["table", "--generators", "(1,2,3,4,5,6,7,8,9,10),(1,2)", "--budget", "0.1"]) == 2
    err = capsys.readouterr().err.strip()
    assert len(err.splitlines()) == 1
    assert "order 3628800 on 10 points" in err and "estimate" in err and "MiB" in err and "--budget" in err
