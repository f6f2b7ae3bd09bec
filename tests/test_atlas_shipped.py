"""The shipped atlas (``atlas/``, built by ``symrep gallery --atlas``): every cell has its certificate,
every certificate is accepted by the kernel with the verdict its cell states, and the README shows the
atlas's summary as computed from ``atlas/atlas.json``."""

import json
import pathlib

import pytest

from symrep.certificates import check
from symrep.survey.atlas import summary_table

ROOT = pathlib.Path(__file__).resolve().parent.parent
ATLAS = ROOT / "atlas"


@pytest.fixture(scope="module")
def cells():
    return json.loads((ATLAS / "atlas.json").read_text(encoding="utf-8"))["cells"]


def test_the_atlas_covers_the_shipped_kernels_under_every_claim(cells):
    from symrep.certificates.claims import CLAIMS
    from symrep.survey.inputs import read_kernels

    kernels, errors = read_kernels("builtin:atlas")
    assert len(kernels) >= 150 and not errors
    assert {(c["function"], c["claim"]) for c in cells} == {(k.expression, claim) for k in kernels for claim in CLAIMS}


def test_every_decided_cell_has_a_certificate_file_and_no_unknown_has_one(cells):
    for cell in cells:
        if cell["verdict"] == "unknown":
            assert cell["certificate"] is None
        else:
            assert (ATLAS / cell["certificate"]).is_file(), cell


def test_the_readme_shows_the_atlas_summary(cells):
    assert summary_table(cells) in (ROOT / "README.md").read_text(encoding="utf-8")


def _decided(cells):
    return [c for c in cells if c["verdict"] != "unknown"]


def test_a_sample_of_the_atlas_certificates_is_accepted_by_the_kernel(cells):
    decided = _decided(cells)
    for cell in decided[::37]:
        cert = json.loads((ATLAS / cell["certificate"]).read_text(encoding="utf-8"))
        assert check(cert)[2] == cell["verdict"] == cert["verdict"] and cert["claim"] == cell["claim"], cell


@pytest.mark.slow
def test_every_atlas_certificate_is_accepted_by_the_kernel(cells):
    for cell in _decided(cells):
        cert = json.loads((ATLAS / cell["certificate"]).read_text(encoding="utf-8"))
        assert check(cert)[2] == cell["verdict"] == cert["verdict"] and cert["claim"] == cell["claim"], cell
