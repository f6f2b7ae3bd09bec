"""The independent checker: known-bad certificates, its independence, and the command line."""

import ast
import copy
import json
import pathlib
import subprocess
import sys

import pytest

from symrep.certificates import CheckError, MalformedCertificate, check, check_file
from symrep.cli.app import main
from symrep.analysis.verdicts import certify

from known_bad_reasons import REASONS

KNOWN_BAD = sorted((pathlib.Path(__file__).parent / "known_bad").glob("*.json"))
PACKAGE = pathlib.Path(__file__).parent.parent / "symrep" / "certificates"


def test_known_bad_folder_is_populated_and_every_file_has_its_reason():
    assert len(KNOWN_BAD) >= 30
    assert {p.stem for p in KNOWN_BAD} == set(REASONS)


@pytest.mark.parametrize("path", KNOWN_BAD, ids=lambda p: p.stem)
def test_known_bad_certificates_are_rejected_for_their_reason(path):
    with pytest.raises(CheckError) as caught:
        check_file(path)
    assert REASONS[path.stem] in str(caught.value)


@pytest.mark.parametrize("path", KNOWN_BAD[:3], ids=lambda p: p.stem)
def test_cli_check_exits_1_on_known_bad(path, capsys):
    assert main(["check", str(path)]) == 1
    assert capsys.readouterr().out.startswith("rejected: ")


def test_checker_imports_nothing_of_the_prover():
    """The certificates package imports only itself, the standard library, SymPy, mpmath and flint."""
    allowed = {"ast", "importlib", "itertools", "json", "math", "signal", "threading", "time", "contextlib",
               "contextvars", "dataclasses", "fractions", "re", "mpmath", "sympy", "flint"}
    for module in PACKAGE.rglob("*.py"):
        for node in ast.walk(ast.parse(module.read_text())):
            if isinstance(node, ast.Import):
                assert {a.name.split(".")[0] for a in node.names} <= allowed, module
            elif isinstance(node, ast.ImportFrom):
                inside = len(module.relative_to(PACKAGE).parts)  # 1 at the top, 2 in rules/
                assert 1 <= node.level <= inside or node.module.split(".")[0] in allowed, (module, node.module)


KERNEL = ("errors", "fuel", "claims", "checker", "header", "terms", "grammar", "rational_functions", "normal_form", "elementary",
          "enclosures", "derivatives", "domains", "shifts", "sturm", "series", "kernel", "closed_forms", "special_values")


def test_the_kernel_imports_no_computer_algebra_system_and_nothing_of_the_old_checker():
    """The kernel's modules import the standard library, python-flint and each other: no SymPy, no mpmath,
    and none of the version-2 checker's modules (which rest on SymPy)."""
    modules = [PACKAGE / f"{name}.py" for name in KERNEL] + sorted((PACKAGE / "rules").glob("*.py"))
    kernel = set(KERNEL) | {"rules", "function", "witnesses", "polynomials", "derivations", "regions", "not_polynomial", "infinity", "series", "flat_start", "stable_rank", "bessel", "growth", "integral",
                                "zeros", "quotient_limit", "interval", "root_exponential", "weierstrass", "derivative_zeros", "closure", "densities", "besseli", "besseli_limit",
                                "special_values", "cm_bounded", "line_proofs", "polynomial_terms", "square_node"}
    for module in modules:
        for node in ast.walk(ast.parse(module.read_text())):
            if isinstance(node, ast.Import):
                assert not {a.name.split(".")[0] for a in node.names} & {"sympy", "mpmath", "numpy"}, module
            elif isinstance(node, ast.ImportFrom) and node.level:
                target = (node.module or "").split(".")[0] if node.module else None
                names = [target] if target else [a.name for a in node.names]
                assert all(name in kernel for name in names), (module, node.module)
            elif isinstance(node, ast.ImportFrom):
                assert node.module.split(".")[0] not in ("sympy", "mpmath", "numpy", "symrep"), (module, node.module)


def test_checker_modules_stay_small():
    for module in PACKAGE.rglob("*.py"):
        assert len(module.read_text().splitlines()) <= 300, module


@pytest.fixture(scope="module")
def gaussian():
    return certify("exp(-x^2)", "pd-l1").certificate


def test_a_valid_certificate_round_trips_through_a_file(gaussian, tmp_path):
    path = tmp_path / "g.json"
    path.write_text(json.dumps(gaussian))
    assert check_file(path) == ("pd-l1", gaussian["function"], "fails")
    assert main(["check", str(path)]) == 0


def test_the_reason_is_not_trusted(gaussian):
    cert = copy.deepcopy(gaussian)
    cert["reason"] = "anything at all"
    check(cert)  # the reason is prose for people; the checker ignores it


@pytest.mark.parametrize("mutate, message", [
    (lambda c: c.update(format="other"), "format"),
    (lambda c: c.pop("data"), "lacks 'data'"),
    (lambda c: c.update(extra=1), "unknown certificate fields"),
])
def test_malformed_top_level_is_malformed(gaussian, mutate, message):
    cert = copy.deepcopy(gaussian)
    mutate(cert)
    with pytest.raises(MalformedCertificate, match=message):
        check(cert)


@pytest.mark.parametrize("version", [1, True, 2.0, "2"])
def test_other_versions_are_rejected(gaussian, version):
    cert = copy.deepcopy(gaussian)
    cert["version"] = version
    with pytest.raises(CheckError, match="unsupported symrep-certificate version"):
        check(cert)


@pytest.mark.parametrize("content", [b"{\"format\": \"symrep-cert", b"\x89PNG\x00\xff", b"[1, 2]", b"", b"[" * 100000])
def test_cli_check_unreadable_files_exit_2_with_one_line(tmp_path, content, capsys):
    path = tmp_path / "bad.json"
    path.write_bytes(content)
    assert main(["check", str(path)]) == 2
    err = capsys.readouterr().err
    assert err.startswith("symrep: error: ") and err.count("\n") == 1


def test_cli_check_missing_file_exits_2(tmp_path):
    assert main(["check", str(tmp_path / "nope.json")]) == 2


def test_cli_certify_json_and_output_file(tmp_path, capsys):
    out = tmp_path / "v.json"
    assert main(["certify", "exp(-x)", "--claim", "pd-l2", "--format", "json", "-o", str(out)]) == 0
    payload = json.loads(out.read_text())
    assert payload["verdict"] == "holds" and payload["certificate"]["claim"] == "pd-l2"
    assert main(["check", str(out)]) == 0  # the certify answer itself is checkable
    assert main(["certify", "exp(-x)", "--claim", "pd-l2", "-o", str(out)]) == 2  # no silent overwrite
    assert json.loads(out.read_text()) == payload


def test_cli_check_rejects_an_answer_that_misstates_its_certificate(tmp_path):
    answer = certify("exp(-x)", "pd-l1").to_dict()
    answer["verdict"] = "fails"
    path = tmp_path / "a.json"
    path.write_text(json.dumps(answer))
    assert main(["check", str(path)]) == 1


@pytest.mark.parametrize("expr", ["10**10**10", "(" * 1000 + "x" + ")" * 1000, "exp(" * 500 + "x" + ")" * 500, "foo(x)", "1/x", "x*y*z*w",
                                  "sqrt(x-1)", "__import__('os')"])
def test_cli_certify_hostile_input_is_one_line_exit_2(expr):
    run = subprocess.run([sys.executable, "-m", "symrep", "certify", expr, "--claim", "pd-l1"],
                         capture_output=True, text=True, timeout=120)
    assert run.returncode == 2
    assert run.stderr.startswith("symrep: error: ") and run.stderr.count("\n") == 1, run.stderr
    assert "Traceback" not in run.stderr
