"""Lazy exports for package ``__init__`` files (PEP 562), so that ``import symrep`` and
``symrep --version`` do not pay for SymPy and numpy until a name is used.

Examples
--------
>>> import types
>>> from symrep.lazy import lazy_exports
>>> module = types.ModuleType("demo")
>>> module.__getattr__, module.__dir__ = lazy_exports("json", {"JSONDecoder": "decoder"})
>>> module.__getattr__("JSONDecoder")().decode("[1]")
[1]
"""

import importlib

__all__ = ["lazy_exports", "lazy_module"]


def lazy_exports(package, names):
    """``__getattr__`` and ``__dir__`` for a package whose public ``names`` map to the modules
    (relative to ``package``, or absolute when they contain a dot) that define them."""

    def __getattr__(name):
        if name not in names:
            raise AttributeError(f"module {package!r} has no attribute {name!r}")
        where = names[name]
        module = importlib.import_module(where if "." in where else f"{package}.{where}")
        return getattr(module, name)

    def __dir__():
        return sorted(names)

    return __getattr__, __dir__


class _LazyModule:
    """A stand-in for a module, imported on the first attribute access."""

    def __init__(self, name):
        self._name = name
        self._module = None

    def __getattr__(self, attribute):
        if self._module is None:
            self._module = importlib.import_module(self._name)
        return getattr(self._module, attribute)

    def __repr__(self):
        return f"<lazy module {self._name!r}{'' if self._module is None else ' (imported)'}>"


def lazy_module(name):
    """``name`` imported on first use: ``sympy = lazy_module("sympy")`` in a module whose common paths
    (an integer character table) never need SymPy keeps its import cost (0.35 s) off them.

    >>> json_module = lazy_module("json")
    >>> json_module.dumps([1])
    '[1]'
    """
    return _LazyModule(name)
