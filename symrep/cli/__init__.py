"""The ``symrep`` command line: argument parsing and output only; every computation is a call
into the packages to the left.

May import everything.

Modules: :mod:`~symrep.cli.output`, :mod:`~symrep.cli.certify`, :mod:`~symrep.cli.app`.

Examples
--------
>>> from symrep.cli import main
>>> main(["table", "B1"])  # doctest: +ELLIPSIS
Character table of B1 (order 2, 2 classes)
...
0
"""

from symrep.lazy import lazy_exports

#: Public names and the modules that define them (imported on first use).
_EXPORTS = {
    "add_command": "output", "add_output_options": "output", "add_format_option": "output", "resolve_format":
    "output", "emit": "output", "emit_document": "output", "add_parsers": "certify", "build_parser": "app", "parse_sides": "sides",
}

__all__ = sorted(_EXPORTS)
__getattr__, __dir__ = lazy_exports(__name__, _EXPORTS)


def main(argv=None):
    """Run the ``symrep`` command line (:func:`symrep.cli.app.main`); ``--version`` answers at once."""
    import sys

    if (sys.argv[1:] if argv is None else list(argv)) in (["--version"], ["-V"]):
        from symrep.version import __version__

        print(f"symrep {__version__}")
        return 0
    from symrep.cli.app import main as run

    return run(argv)


__all__ = sorted(__all__ + ["main"])
