"""The documentation site's sources (issue 28): every public name gets an API page, every page is in the
site, and the build's requirements are the ``docs`` extra. The build itself (``python -m sphinx -W``) is
a CI step; these checks are cheap and run with the tests."""

import importlib
import importlib.util
import pathlib
import pkgutil
import re
import tomllib

import symrep

ROOT = pathlib.Path(__file__).resolve().parent.parent
DOCS = ROOT / "docs"


def _api_pages():
    spec = importlib.util.spec_from_file_location("api_pages", DOCS / "_ext" / "api_pages.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_the_api_reference_covers_every_subpackage():
    subpackages = {f"symrep.{m.name}" for m in pkgutil.iter_modules(symrep.__path__) if m.ispkg
                   and m.name not in ("proofs", "templates")}
    assert set(_api_pages().PACKAGES) == {"symrep"} | subpackages


def test_every_public_name_has_a_page_with_its_entry():
    pages = _api_pages()
    count = 0
    for package in pages.PACKAGES:
        names = [n for n in importlib.import_module(package).__all__ if n != "__version__"]
        table = pages.package_page(package)
        for name in names:
            text = pages.name_page(package, name)
            assert re.search(rf"^\.\. (auto(function|class|exception)|py:data):: {re.escape(name)}$", text, re.M), text
            assert f"   {name}\n" in table or f":py:data:`{name}`" in table
            assert text.startswith(":orphan:")
            count += 1
    assert count >= 200


def test_every_page_is_in_the_site():
    index = (DOCS / "index.md").read_text() + (DOCS / "notebooks.md").read_text()
    for page in DOCS.glob("*.md"):
        if page.name != "index.md":
            assert re.search(rf"^{re.escape(page.stem)}$", index, re.M), f"docs/{page.name} is in no toctree"


def test_the_docs_extra_has_what_conf_py_uses():
    extra = " ".join(tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]["optional-dependencies"]["docs"])
    conf = (DOCS / "conf.py").read_text()
    for package, used in [("sphinx", "sphinx.ext.autosummary"), ("numpydoc", '"numpydoc"'), ("myst-nb", '"myst_nb"'),
                          ("furo", 'html_theme = "furo"')]:
        assert used in conf and package in extra, package
