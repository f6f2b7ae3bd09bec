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

from symrep.cli.output import (
    add_command, add_output_options, add_format_option, resolve_format, emit, emit_document,
)
from symrep.cli.certify import (
    add_parsers,
)
from symrep.cli.app import (
    main, build_parser, parse_sides,
)

__all__ = [
    "add_command", "add_output_options", "add_format_option", "resolve_format", "emit", "emit_document",
    "add_parsers", "main", "build_parser", "parse_sides",
]
