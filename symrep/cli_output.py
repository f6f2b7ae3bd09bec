"""Output options shared by the ``symrep`` subcommands: ``-o FILE`` (atomic) and ``--force``."""

from .fileio import write_text_atomic

__all__ = ["add_output_options", "emit"]


def add_output_options(parser):
    """Add ``-o/--output`` and ``--force`` to an argparse (sub)parser."""
    parser.add_argument("-o", "--output", help="write to this file (atomically) instead of standard output")
    parser.add_argument("--force", action="store_true", help="overwrite an existing output file")


def emit(args, text):
    """Print ``text``, or write it atomically to ``args.output`` (refusing to overwrite without --force)."""
    if getattr(args, "output", None):
        write_text_atomic(args.output, text + "\n", force=args.force)
    else:
        print(text)
