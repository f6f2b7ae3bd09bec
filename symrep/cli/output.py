"""Output options shared by the ``symrep`` subcommands: ``-o FILE`` (atomic) and ``--force``."""

import argparse
import itertools
import os
import sys

from symrep.errors import InputError
from symrep.fileio import check_writable, write_bytes_atomic, write_text_atomic

__all__ = ["add_command", "add_output_options", "add_format_option", "resolve_format", "emit", "emit_document"]

#: The format a file name asks for, by its extension.
FORMAT_OF_EXTENSION = {".json": "json", ".tex": "latex", ".pdf": "pdf", ".txt": "text", ".g": "gap", ".gap": "gap"}


def add_command(sub, name, summary, description, examples=None):
    """A subcommand with a one-line help, a description and an examples epilog (kept verbatim)."""
    return sub.add_parser(name, help=summary, description=description, epilog=examples,
                          formatter_class=argparse.RawDescriptionHelpFormatter)


def add_format_option(parser, choices, default, help_text):
    """``--format``: when it is not given, the extension of ``-o FILE`` chooses it (``.json``,
    ``.tex``, ``.pdf``, ...); when it is given, it must agree with that extension."""
    parser.add_argument("--format", default=None, choices=choices,
                        help=f"{help_text} (default {default}, or what the extension of -o FILE says)")
    parser.set_defaults(format_default=default, format_choices=choices)


def resolve_format(args):
    """Fill in ``args.format`` from ``-o``'s extension, or refuse a format that contradicts it."""
    if not hasattr(args, "format_default"):
        return
    output = getattr(args, "output", None)
    extension = os.path.splitext(output)[1].lower() if output else ""
    wanted = FORMAT_OF_EXTENSION.get(extension)
    if args.format is None:
        args.format = wanted if wanted in args.format_choices else args.format_default
    elif wanted is not None and wanted != args.format:
        raise InputError(f"--format {args.format} does not match -o {output}: a {extension} file holds {wanted}; "
                         f"change the file name or the format")


def add_output_options(parser):
    """Add ``-o/--output`` and ``--force`` to an argparse (sub)parser."""
    parser.add_argument("-o", "--output", help="write to this file (atomically) instead of standard output")
    parser.add_argument("--force", action="store_true", help="overwrite an existing output file")


def emit(args, text, summary=None):
    """Print ``text`` (a string, or an iterable of strings for a large output), or write it atomically to
    ``args.output`` (refusing to overwrite without --force); then the one-line ``summary``, if any, goes
    to standard error, so that a command writing a file still says what it found."""
    chunks = [text] if isinstance(text, str) else text
    if getattr(args, "output", None):
        write_text_atomic(args.output, itertools.chain(chunks, ["\n"]), force=args.force)
        _summarise(args, summary)
    else:
        for chunk in chunks:
            sys.stdout.write(chunk)
        sys.stdout.write("\n")


def _summarise(args, summary):
    if summary:
        print(f"{summary} ({args.format} written to {args.output})", file=sys.stderr)


def emit_document(args, tex, summary=None):
    """Emit a standalone LaTeX document as ``--format latex`` (text) or ``pdf`` (needs ``-o``).

    For a PDF the existing-file check comes before compiling; if the TeX engine is missing or
    fails, the .tex is written next to the requested PDF and the error says so.
    """
    if args.format == "latex":
        emit(args, tex, summary)
        return
    from symrep.render.latex import TexError, compile_pdf

    if not args.output:
        raise InputError("--format pdf needs -o FILE.pdf (a PDF is not printed to the terminal)")
    check_writable(args.output, args.force)  # before compiling: a FIFO or device is written into, as for text
    try:
        pdf = compile_pdf(tex)
    except TexError as exc:
        tex_path = os.path.splitext(args.output)[0] + ".tex"
        write_text_atomic(tex_path, tex, force=args.force)
        raise TexError(f"{exc} (the LaTeX source is in {tex_path})") from None
    write_bytes_atomic(args.output, pdf, force=args.force)
    _summarise(args, summary)
