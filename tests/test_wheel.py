"""The wheel ships the top-level templates/ and proofs/: install it into a fresh virtual
environment and build the gallery from there, far from the checkout (CI's slow step)."""

import pathlib
import subprocess
import sys

import pytest

pytestmark = pytest.mark.slow
ROOT = pathlib.Path(__file__).parent.parent


def test_the_wheel_installed_in_a_fresh_venv_builds_the_gallery(tmp_path):
    subprocess.run([sys.executable, "-m", "pip", "wheel", "-q", "--no-deps", "-w",
                    str(tmp_path / "dist"), str(ROOT)], check=True, timeout=600)
    wheel = next((tmp_path / "dist").glob("symrep-*.whl"))
    # the dependencies come from this environment; symrep itself only from the wheel
    subprocess.run([sys.executable, "-m", "venv", "--system-site-packages", str(tmp_path / "venv")], check=True)
    python = tmp_path / "venv" / "bin" / "python"
    subprocess.run([python, "-m", "pip", "install", "-q", "--no-deps", "--no-index", "--ignore-installed", str(wheel)], check=True,
                   timeout=600)
    where = subprocess.run([python, "-c", "import symrep; print(symrep.__file__)"], cwd=tmp_path,
                           capture_output=True, text=True, check=True).stdout
    assert str(tmp_path / "venv") in where, where
    run = subprocess.run([python, "-m", "symrep", "gallery", "-o", str(tmp_path / "gallery"), "--no-pdf"],
                         cwd=tmp_path, capture_output=True, text=True, timeout=900)
    assert run.returncode == 0, run.stderr[-2000:]
    from symrep.render.gallery import document_stems

    assert len(list((tmp_path / "gallery").glob("*.tex"))) == len(document_stems()) >= 20
    single = subprocess.run([python, str(tmp_path / "venv" / "lib" / f"python{sys.version_info.major}."
                                         f"{sys.version_info.minor}" / "site-packages" / "symrep" / "proofs" /
                                         "low_rank.py"), "-o", str(tmp_path / "one"), "--no-pdf"],
                            cwd=tmp_path, capture_output=True, text=True, timeout=600)
    assert single.returncode == 0, single.stderr[-2000:]
