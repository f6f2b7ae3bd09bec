"""What a researcher trips over (issue 16): evidence shown, formats from file names, powers of numbers,
SymPy Lambdas."""

import json

import pytest
import sympy

from symrep.analysis import certify
from symrep.cli import main


@pytest.mark.parametrize("function", ["2^(-x)", "(1/2)^x", "0.5^x", "3^(-sqrt(x))"])
@pytest.mark.parametrize("claim", ["pd-l1", "pd-l2", "completely-monotone"])
def test_powers_of_numbers_are_read_as_exponentials(function, claim):
    assert certify(function, claim).status == "holds"


def test_a_sympy_lambda_is_a_function():
    t = sympy.Symbol("t")
    assert certify(sympy.Lambda(t, sympy.exp(-t)), "pd-l1").status == "holds"
    assert certify(sympy.Lambda(t, sympy.exp(-t**2)), "pd-l1").status == "fails"


def test_a_refutation_shows_its_number_and_a_proof_its_tree(capsys):
    assert main(["certify", "exp(-x^2)", "--claim", "pd-l1"]) == 1
    out = capsys.readouterr().out
    assert "lambda_S = -2*exp(-1/4) + exp(-1) + 1 in [-0.18972" in out
    assert main(["certify", "exp(-x) + 1/(1+x)", "--claim", "pd-l1"]) == 0
    tree = capsys.readouterr().out.splitlines()
    assert any(line.startswith("CM  ") and "[sum]" in line for line in tree)
    assert any(line.startswith("  CM  ") and "cm-exp" in line for line in tree)


def test_the_format_follows_the_file_name_and_must_agree_with_it(tmp_path, capsys):
    out = tmp_path / "v.json"
    assert main(["certify", "exp(-x)", "--claim", "pd-l1", "-o", str(out)]) == 0
    assert json.loads(out.read_text())["verdict"] == "holds"
    assert capsys.readouterr().err.startswith("pd-l1 for f(x) = exp(-x): holds (json written to")
    tex = tmp_path / "v.tex"
    assert main(["certify", "exp(-x)", "--claim", "pd-l1", "--format", "pdf", "-o", str(tex)]) == 2
    assert "does not match" in capsys.readouterr().err and not tex.exists()
    assert main(["table", "B2", "-o", str(tmp_path / "b2.tex")]) == 0
    assert (tmp_path / "b2.tex").read_text().startswith(r"\documentclass")


@pytest.mark.parametrize("text, expected", [
    ("2x", "2*x"), ("sqrt(3)x", "sqrt(3)*x"), ("(1+x)exp(-x)", "(x + 1)*exp(-x)"), ("x(1+x)", "x*(x + 1)"),
    ("exp(-2x)", "exp(-2*x)"), ("2 x", "2*x"), ("sech(x)", "sech(x)"), ("1e-3x", "x/1000"),
])
def test_implicit_products_are_read(text, expected):
    from symrep.geometry.expressions import parse_expression

    assert str(parse_expression(text)) == expected


@pytest.mark.parametrize("text, message", [
    ("e^-x", "write E, or exp(...)"), ("|x|", "abs(u)"), ("exp(-x", "parentheses that match"),
    ("1.5.2", "cannot read '1.5.2'"), ("foo(x)", "unknown function 'foo'"), ("x +* 2", "cannot read 'x +* 2'"),
    ("2^y", "allowed names: x, E, EulerGamma, pi"),
])
def test_bad_input_gets_one_line_that_quotes_what_was_typed(text, message):
    from symrep.errors import ParseError
    from symrep.geometry.expressions import parse_expression

    with pytest.raises(ParseError) as caught:
        parse_expression(text)
    assert message in str(caught.value) and "\n" not in str(caught.value)
    assert repr(text) in str(caught.value)  # quoted as typed, not as rewritten
    assert "forgot a comma" not in str(caught.value) and "decimal literal" not in str(caught.value)


def test_a_negative_side_is_refused_by_name_not_read_as_an_option(capsys):
    assert main(["spectrum", "--sides", "-1,2", "--kernel", "exp(-x)"]) == 2
    assert "a_1 = -1" in capsys.readouterr().err


def test_the_command_lines_copies_of_constants_stay_equal():
    from symrep.certificates import DEFAULT_FUEL
    from symrep.cli import app, certify as cli_certify
    from symrep.geometry.metrics import METRIC_NAMES
    from symrep.spectra.checks import MAX_DENSE_CHECK_DIMENSION, MAX_EXACT_CHECK_DIMENSION

    assert app.METRIC_NAMES == METRIC_NAMES and cli_certify.DEFAULT_FUEL == DEFAULT_FUEL
    assert (app.MAX_EXACT_CHECK_DIMENSION, app.MAX_DENSE_CHECK_DIMENSION) == (MAX_EXACT_CHECK_DIMENSION,
                                                                           MAX_DENSE_CHECK_DIMENSION)


def test_help_and_version_import_neither_sympy_nor_numpy():
    import subprocess
    import sys

    for args in (["--version"], ["--help"], ["certify", "--help"]):
        code = ("import sys, runpy; sys.argv = ['symrep'] + %r\n"
                "try:\n    runpy.run_module('symrep', run_name='__main__')\nexcept SystemExit:\n    pass\n"
                "print('HEAVY', sorted(m for m in ('sympy', 'numpy', 'jinja2') if m in sys.modules))" % (args,))
        out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60).stdout
        assert out.strip().endswith("HEAVY []"), (args, out[-300:])


def test_rank_from_the_command_line(tmp_path, capsys):
    assert main(["rank", "1 + 2*x + x^3", "--d", "6"]) == 0
    assert "d = 6: 27" in capsys.readouterr().out
    out = tmp_path / "cubic.json"
    assert main(["rank", "1 + 2*x + x^3", "--d", "6", "-o", str(out)]) == 0
    from symrep.certificates import check_file

    assert check_file(out)[0] == "cube-rank"
    assert main(["rank", "exp(x)", "--d", "100"]) == 2


def test_generic_tables_from_generators_on_the_command_line(capsys):
    assert main(["table", "--generators", "(1,2,3,4,5),(1,2)", "--verify"]) == 0
    out = capsys.readouterr().out
    assert "order 120, 7 classes" in out and "exact check passed" in out
    assert main(["table", "--generators", "__import__('os')"]) == 2
    assert "cannot read generators" in capsys.readouterr().err
    assert main(["table", "B2", "--generators", "(1,2)"]) == 2


def test_usage_errors_are_one_line_and_suggest_the_nearest_claim(capsys):
    with pytest.raises(SystemExit) as caught:
        main(["certify", "exp(-x)", "--claim", "pd-ll"])
    err = capsys.readouterr().err
    assert caught.value.code == 2 and err.count("\n") == 1 and "did you mean pd-l" in err
    from symrep.errors import InputError

    with pytest.raises(InputError, match="did you mean bernstein"):
        certify("x", "bernstien")


def test_numeric_and_exact_spectra_compare_by_label():
    from symrep import numeric_spectrum, spectrum

    numeric = numeric_spectrum([1.0, 1.0, 2.0], "exp(-x^2)", labels=True)
    exact = spectrum([1, 1, 2], "exp(-x^2)")
    assert sum(e.multiplicity for e in exact) == len(numeric) == 8
    for e in exact:
        for subset in e.subsets():
            label = "S={" + ",".join(map(str, subset)) + "}"
            assert abs(numeric[label] - e.numeric) < 1e-12


def test_generators_in_gaps_form_and_from_a_file(tmp_path, capsys):
    path = tmp_path / "s4.g"
    path.write_text("# the symmetric group on four points\nG := Group( (1,2,3,4),\n  (1,2) );\n")
    assert main(["table", "--generators", str(path)]) == 0
    assert "order 24, 5 classes" in capsys.readouterr().out
    assert main(["table", "--generators", "[ (1,2,3), (1,2) ]"]) == 0
    assert "order 6, 3 classes" in capsys.readouterr().out
    (tmp_path / "bad.g").write_text("Exec(\"rm -rf /\");")
    assert main(["table", "--generators", "@" + str(tmp_path / "bad.g")]) == 2
    assert "cannot read generators" in capsys.readouterr().err
    assert main(["table", "--generators", "@" + str(tmp_path / "missing.g")]) == 2
    assert "cannot read generator file" in capsys.readouterr().err


def test_decompose_any_permutation_group_with_powers_restriction_and_induction(capsys):
    """Issue 16: GAP's Decomposition from the command line for a group given by generators:
    powers, restriction to and induction from a subgroup (the class fusion computed)."""
    s5 = "(1,2,3,4,5),(1,2)"
    # the standard 4-dimensional character of S5 is X3 here (degree 4, values with 3 on transpositions)
    assert main(["decompose", "--generators", s5, "--character", "alt(2, chi3)", "--format", "json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["degree"] == "6" and [c["degree"] for c in data["constituents"]] == [6]
    # Frobenius reciprocity between S5 and a Young subgroup S3 x S2, both through the command line
    sub = "(1,2,3),(1,2),(4,5)"
    for i in range(1, 8):
        for j in range(1, 7):
            assert main(["decompose", "--generators", s5, "--character", f"chi{i}", "--restrict-to", sub,
                         "--format", "json"]) == 0
            restricted = {c["text"]: c["multiplicity"] for c in json.loads(capsys.readouterr().out)["constituents"]}
            assert main(["decompose", "--generators", s5, "--character", f"chi{j}", "--induce-from", sub,
                         "--format", "json"]) == 0
            induced = {c["text"]: c["multiplicity"] for c in json.loads(capsys.readouterr().out)["constituents"]}
            assert restricted.get(f"X{j}", 0) == induced.get(f"X{i}", 0)
    assert main(["decompose", "--generators", s5, "--character", "chi2", "--restrict-to", "(1,2,3,4,5,6)"]) == 2
    assert "not a subgroup" in capsys.readouterr().err
    assert main(["decompose", "--generators", "(1,2,3,4)", "--character", "chi2", "--restrict-to", "(1,3)"]) == 2
    assert "is not an element" in capsys.readouterr().err
    assert main(["decompose", "--table", "B3", "--character", "chi2", "--restrict-to", "S4"]) == 2
    assert "no class fusion of S4 into B3" in capsys.readouterr().err
    assert main(["decompose", "--table", "B3", "--character", "chi4", "--restrict-to", "S3"]) == 0
    assert "X[3] + X[2,1]" in capsys.readouterr().out


def test_a_power_tower_is_refused_at_once_not_computed():
    """x^x^x at x = 10 is 10^(10^10): SymPy would compute it in C, out of the budget's reach (it hung
    for minutes with --budget 2); the power is sized first and refused with the limit."""
    import time

    from symrep.errors import LimitError

    start = time.monotonic()
    with pytest.raises(LimitError, match="the limit is 20000 bits"):
        certify("x^x^x", "pd-l1", budget=2)
    with pytest.raises(LimitError, match="the limit is 20000 bits"):
        from symrep import spectrum
        spectrum([10], "x^x^x")
    assert time.monotonic() - start < 30  # generous: the point is that it returns, not how fast


def test_lambdas_with_a_free_x_and_python_callables_are_refused():
    from symrep import classify
    from symrep.errors import InputError

    t, x, c = sympy.symbols("t x c")
    with pytest.raises(InputError, match="free symbol named x"):
        certify(sympy.Lambda(t, sympy.exp(-x * t)), "pd-l1")
    with pytest.raises(InputError, match="cannot be read exactly"):
        certify(lambda v: v, "pd-l1")
    regions = classify(sympy.Lambda(t, sympy.exp(-c * t)), "pd-l1").regions  # c is a parameter, not the variable
    assert {r.verdict for r in regions} == {"holds", "fails"}


def test_every_command_writing_a_file_says_what_it_found(tmp_path, capsys):
    cases = [(["rank", "x^2", "--d", "3"], "d = 3: 4"), (["classify", "exp(-c*x)", "--claim", "pd-l1"], "holds"),
             (["srank", "log(1+x)", "--range", "0,4"], "l = 309/50"), (["table", "B2"], None)]
    for k, (argv, said) in enumerate(cases):
        assert main(argv + ["-o", str(tmp_path / f"out{k}.json")]) == 0
        err = capsys.readouterr().err
        if said:
            assert said in err and "written to" in err and err.count("\n") == 1


def test_values_that_start_with_a_minus_are_values(capsys):
    assert main(["certify", "-exp(-x)", "--claim", "pd-l1"]) == 1
    assert capsys.readouterr().out.startswith("pd-l1 for f(x) = -exp(-x): fails")
    assert main(["classify", "exp(-x^a)", "--claim", "pd-l1", "--assume", "-a<0"]) == 0
    assert "assuming (0 < a)" in capsys.readouterr().out


def test_signs_go_into_every_format_and_assume_needs_them(capsys):
    assert main(["spectrum", "--sides", "a,b", "--kernel", "exp(-x)", "--signs", "--format", "json"]) == 0
    assert {e["proved_sign"] for e in json.loads(capsys.readouterr().out)} == {"+"}
    assert main(["spectrum", "--sides", "1,2", "--kernel", "exp(-c*x)", "--assume", "c > 0"]) == 2
    assert "give --signs" in capsys.readouterr().err
    assert main(["spectrum", "--sides", "1,2", "--kernel", "exp(-x)", "--signs", "--numeric"]) == 2
    assert main(["spectrum", "--sides", "1,2", "--kernel", "exp(-x)", "--signs"]) == 0
    out = capsys.readouterr().out
    assert "signs (proved; ? = not proved)" in out and "positive side" not in out


@pytest.mark.parametrize("text, hint", [("sin x", "write sin(...)"), ("e x", "e*x, not e x"),
                                        ("exp(-x", "parentheses that match")])
def test_syntax_errors_say_what_to_write(text, hint, capsys):
    assert main(["certify", text, "--claim", "pd-l1"]) == 2
    assert hint in capsys.readouterr().err


def test_parameter_bases_and_the_number_e_on_the_command_line(capsys):
    assert certify("2^(-x/2)", "pd-l2").status == "holds"  # its certificate needs b^u = exp(u log b)
    assert certify("a^(-x)", "pd-l1", assume="a > 1").status == "holds"
    assert main(["certify", "e^-x", "--claim", "pd-l1"]) == 2
    assert "write E, or exp(...)" in capsys.readouterr().err


def test_class_functions_by_values_and_by_the_printed_names(capsys):
    s5 = "(1,2,3,4,5),(1,2)"
    assert main(["decompose", "--generators", s5, "--character", "[6,0,-2,0,0,1,0]"]) == 0
    assert capsys.readouterr().out.splitlines()[1].strip() == "X7"
    assert main(["decompose", "--generators", s5, "--character", "X3*X3 - 2*X4"]) == 0
    out = capsys.readouterr().out
    assert "X1 - X4 + X6 + X7" in out and "+ -" not in out and "not a character" in out
    assert main(["decompose", "--generators", s5, "--character", "[1, 2]"]) == 2
    assert "needs 7 of them" in capsys.readouterr().err
    assert main(["decompose", "--table", "S5", "--character", "chi3", "--restrict-to", "S4"]) == 0
    assert "X[3,1] + X[2,2]" in capsys.readouterr().out


def test_the_attention_plan_from_the_command_line(capsys):
    """Issue 16: `symrep attention` prints the proved degree, rank, bound, predicted times and the method
    auto would choose; bad input gets one line."""
    # scale 1/d (the default before 1/sqrt(d)): logits small enough that the plan proves a degree
    assert main(["attention", "--n", "4096", "--d", "8", "--bound", "0.5", "--eps", "1e-6", "--scale", "0.125",
                 "--format", "json"]) == 0
    shown = json.loads(capsys.readouterr().out)
    assert shown["order"] == 2 and shown["method"] in ("exact", "polynomial") and shown["error_bound"] <= 1e-6
    assert shown["rank"] == sympy.binomial(8 + shown["degree"], shown["degree"])  # monomials of degree <= p in d = 8
    assert main(["attention", "--n", "4096", "--d", "8", "--bound", "0.5", "--eps", "1e-6", "--order", "3"]) == 0
    text = capsys.readouterr().out
    assert "order 3" in text and "proved error bound" in text and "predicted exact" in text
    for bad, message in ((["--eps", "2"], "eps must be"), (["--eps", "1e-6", "--order", "9"], "order")):
        assert main(["attention", "--n", "64", "--d", "4", "--bound", "0.5"] + bad) == 2
        assert message in capsys.readouterr().err


def test_the_cube_rank_of_an_undefined_function_is_undecided_not_an_error():
    from symrep import cube_rank

    result = cube_rank("f(x)", 3)
    assert not result.decided and [status for _, status in result.levels] == ["undecided"] * 4
    assert result.certificate() is None
