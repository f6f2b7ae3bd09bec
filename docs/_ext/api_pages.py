"""Write the API reference pages (``docs/api/``) from the packages' ``__all__`` at build time.

One page per package (``symrep`` and each subpackage) with an autosummary table of its public names, and
one page per public name with its autodoc entry. Each name's page starts with a hidden ``testsetup`` that
gives the examples the globals of the module defining the object, as ``pytest --doctest-modules`` does,
so the doctest builder runs them as the test suite does.
"""

import ast
import importlib
import inspect
import pathlib
import types

PACKAGES = ["symrep", "symrep.geometry", "symrep.groups", "symrep.spectra", "symrep.certificates",
            "symrep.analysis", "symrep.attention", "symrep.render", "symrep.cli"]


def public_names(package):
    """The names a package documents as public: its ``__all__`` (``__version__`` aside)."""
    module = importlib.import_module(package)
    return [n for n in module.__all__ if n != "__version__"]


def _kind(value):
    if inspect.isclass(value):
        return "exception" if issubclass(value, BaseException) else "class"
    if callable(value) and not isinstance(value, types.ModuleType):
        return "function"
    return "data"


def _home(value, package):
    """The module whose globals the object's examples expect."""
    module = getattr(value, "__module__", None) if _kind(value) != "data" else None
    if module and module.startswith("symrep"):
        return module
    return package


def _defining_module(package, name):
    """The module that assigns a public constant, from the package's table of lazy exports."""
    where = getattr(importlib.import_module(package), "_EXPORTS", {}).get(name)
    if where is None:
        return None
    return where if where.startswith("symrep") else f"{package}.{where}"


def _comment_doc(module_name, name, depth=0):
    """The documentation of a module-level constant as Sphinx reads it (``#:`` comments just above its
    assignment, or a string just after it), found without importing Sphinx; a constant the module imports
    from another module is followed there."""
    module = importlib.import_module(module_name)
    source = inspect.getsource(module)
    lines = source.splitlines()
    tree = ast.parse(source)
    for i, node in enumerate(tree.body):
        targets = (node.targets if isinstance(node, ast.Assign) else [node.target] if isinstance(node, ast.AnnAssign)
                   else [])
        names = [t.id for t in targets if isinstance(t, ast.Name)]
        names += [e.id for t in targets if isinstance(t, ast.Tuple) for e in t.elts if isinstance(e, ast.Name)]
        if name in names:
            above, row = [], node.lineno - 2
            while row >= 0 and lines[row].strip().startswith("#:"):
                above.insert(0, lines[row].strip()[2:].strip())
                row -= 1
            if above:
                return " ".join(above)
            after = tree.body[i + 1] if i + 1 < len(tree.body) else None
            if isinstance(after, ast.Expr) and isinstance(after.value, ast.Constant) and isinstance(after.value.value, str):
                return " ".join(after.value.value.split())
            return ""
        if isinstance(node, ast.ImportFrom) and depth < 3 and any(a.name == name and a.asname is None for a in node.names):
            base = module_name.rsplit(".", node.level)[0] if node.level else ""
            target = ".".join(filter(None, [base, node.module]))
            return _comment_doc(target, name, depth + 1)
    return ""


def _data_lines(package, name, value):
    home = _defining_module(package, name)
    doc = _comment_doc(home, name) if home else ""
    text = repr(value)
    lines = [f".. py:data:: {name}", f"   :type: {type(value).__name__}"]
    if len(text) <= 70 and "\n" not in text:
        lines.append(f"   :value: {text}")
    doc = doc or f"A value of type ``{type(value).__name__}``."
    lines += ["", f"   {doc}", ""]
    if home:
        lines += [f"   Defined in ``{home}``.", ""]
    return lines, doc


def _first_sentence(text):
    head = text.split(". ")[0].rstrip(".")
    return head + "." if head else ""


def _underline(text, char):
    return f"{text}\n{char * len(text)}\n"


def name_page(package, name):
    """The reST of one public name's page."""
    value = getattr(importlib.import_module(package), name)
    kind = _kind(value)
    home = _home(value, package)
    # :orphan: keeps the 235 name pages out of the toctree: the theme builds the whole navigation tree for
    # every page, which with them in it took two thirds of the build; the package's table links each one
    lines = [":orphan:", "", _underline(f"{package}.{name}", "="), f".. currentmodule:: {package}", "",
             ".. testsetup::", "", "   import importlib", f"   globals().update(vars(importlib.import_module({home!r})))", ""]
    if kind == "data":
        lines += _data_lines(package, name, value)[0]
        return "\n".join(lines)
    if kind in ("class", "exception"):
        lines += [f".. auto{kind}:: {name}", "   :members:", ""]
    else:
        lines += [f".. autofunction:: {name}", ""]
    if home != package and not home.startswith(package + ".__"):
        lines += [f"Defined in ``{home}``.", ""]
    return "\n".join(lines)


def package_page(package):
    """The reST of one package's page: its docstring, a table of its functions and classes (autosummary) and
    one of its constants (their ``#:`` comments: autosummary would show the docstring of ``int`` or ``dict``)."""
    module = importlib.import_module(package)
    every = public_names(package)
    names = [n for n in every if _kind(getattr(module, n)) != "data"]
    constants = [n for n in every if _kind(getattr(module, n)) == "data"]
    lines = [_underline(f"``{package}``", "="), f".. automodule:: {package}", "   :no-members:", "",
             ".. testsetup::", "", "   import importlib", f"   globals().update(vars(importlib.import_module({package!r})))",
             "", _underline("Public names", "-"), f".. currentmodule:: {package}", "", ".. autosummary::", ""]
    lines += [f"   {name}" for name in names]
    if constants:
        lines += ["", ".. list-table::", "   :widths: 30 70", ""]
        for name in constants:
            doc = _data_lines(package, name, getattr(module, name))[1]
            lines += [f"   * - :py:data:`{name}`", f"     - {_first_sentence(doc)}"]
    return "\n".join(lines) + "\n"


def index_page():
    lines = [_underline("API reference", "="),
             "Every public name of ``symrep`` (``symrep.__all__``) and of each subpackage (its ``__all__``) has a",
             "page; the names of ``symrep`` itself are the ones most people need and are the same objects as",
             "the subpackages' (``symrep.spectrum`` is ``symrep.spectra.spectrum``). These pages are generated",
             "from the docstrings when the site is built.", "", ".. toctree::", "   :maxdepth: 1", ""]
    lines += [f"   {package}" for package in PACKAGES]
    return "\n".join(lines) + "\n"


def _write(path, text):
    if not path.exists() or path.read_text() != text:  # unchanged pages keep their time stamps
        path.write_text(text)


def write_pages(app):
    folder = pathlib.Path(app.srcdir) / "api"
    folder.mkdir(exist_ok=True)
    wanted = {"index.rst"}
    _write(folder / "index.rst", index_page())
    for package in PACKAGES:
        wanted.add(f"{package}.rst")
        _write(folder / f"{package}.rst", package_page(package))
        for name in public_names(package):
            wanted.add(f"{package}.{name}.rst")
            _write(folder / f"{package}.{name}.rst", name_page(package, name))
    for stale in folder.glob("*.rst"):
        if stale.name not in wanted:
            stale.unlink()


def setup(app):
    _one_canonical_entry()
    app.connect("builder-inited", write_pages)
    return {"parallel_read_safe": True, "version": "1"}


def _one_canonical_entry():
    """A class re-exported by two packages (``symrep.Spectrum`` and ``symrep.spectra.Spectrum``) has two
    pages, and autodoc gives both the canonical name (``symrep.spectra.eigenspaces.Spectrum``) as an alias:
    keep the first alias instead of warning that it is described twice."""
    from sphinx.domains.python import PythonDomain

    note_object = PythonDomain.note_object
    if getattr(note_object, "_symrep", False):
        return

    def note_object_once(self, name, objtype, node_id, aliased=False, location=None):
        if aliased and name in self.objects and self.objects[name].aliased:
            return
        return note_object(self, name, objtype, node_id, aliased=aliased, location=location)

    note_object_once._symrep = True
    PythonDomain.note_object = note_object_once

