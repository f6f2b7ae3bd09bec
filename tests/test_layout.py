"""The house shows the flow: each package imports only packages to its left, and nothing cycles."""

import ast
import pathlib

import pytest

ROOT = pathlib.Path(__file__).parent.parent / "symrep"
# the flow, left to right; the ground floor and the checker import nothing above them
RANK = {"errors": 0, "fileio": 0, "reports": 0, "resources": 0, "version": 0, "lazy": 0, "certificates": 0, "geometry": 1, "groups": 2,
        "spectra": 3, "analysis": 4, "attention": 5, "render": 6, "survey": 7, "cli": 8}
MODULES = sorted(p for p in ROOT.rglob("*.py"))


def _package(path):
    parts = path.relative_to(ROOT).with_suffix("").parts
    return parts[0] if parts[0] not in ("__init__", "__main__") else None


def _imports(path, top_level_only=False):
    tree = ast.parse(path.read_text())
    nodes = tree.body if top_level_only else ast.walk(tree)
    for node in nodes:
        if isinstance(node, ast.ImportFrom) and node.module and node.module.startswith("symrep"):
            yield node.module
        elif isinstance(node, ast.Import):
            yield from (a.name for a in node.names if a.name.startswith("symrep"))


@pytest.mark.parametrize("path", [p for p in MODULES if _package(p)], ids=lambda p: str(p.relative_to(ROOT)))
def test_imports_go_only_to_the_left(path):
    own = _package(path)
    for module in _imports(path):
        parts = module.split(".")
        if len(parts) == 1:
            assert own is None, f"{path.name} imports the top-level package symrep"
            continue
        target = parts[1]
        assert RANK[target] <= RANK[own], f"{path.relative_to(ROOT)} imports {module}, to the right of {own}"
        if own == "certificates":
            assert target == "certificates"


def test_no_import_cycles_between_modules():
    graph = {}
    for path in MODULES:
        name = ".".join(("symrep",) + path.relative_to(ROOT).with_suffix("").parts).removesuffix(".__init__")
        graph[name] = {m for m in _imports(path, top_level_only=True) if m != name}
    seen, stack = {}, []

    def visit(node):
        seen[node] = "open"
        stack.append(node)
        for nxt in graph.get(node, ()):
            if nxt in graph and not nxt.startswith(node + ".") and not node.startswith(nxt + "."):
                assert seen.get(nxt) != "open", f"import cycle: {' -> '.join(stack[stack.index(nxt):] + [nxt])}"
                if nxt not in seen:
                    visit(nxt)
        stack.pop()
        seen[node] = "done"

    for node in graph:
        if node not in seen:
            visit(node)


def test_long_modules_say_why_at_the_top():
    for path in MODULES:
        lines = path.read_text().splitlines()
        if len(lines) > 500:
            head = "\n".join(lines[:40]).lower()
            assert "why this module is long" in head, f"{path.relative_to(ROOT)} has {len(lines)} lines"


def test_every_subpackage_is_shipped():
    """pyproject.toml lists the packages explicitly: a new subpackage left out of the list is missing from a
    plain `pip install .` (symrep.certificates.rules once was: the kernel could not be imported)."""
    import tomllib

    top = ROOT.parent
    listed = set(tomllib.loads((top / "pyproject.toml").read_text())["tool"]["setuptools"]["packages"])
    found = {".".join(p.parent.relative_to(top).parts) for p in ROOT.rglob("__init__.py")}
    assert found <= listed, f"not shipped: {sorted(found - listed)}"
