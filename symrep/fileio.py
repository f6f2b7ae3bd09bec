"""Atomic file output that never silently overwrites.

Examples
--------
>>> import os, tempfile
>>> from symrep.fileio import write_text_atomic
>>> path = os.path.join(tempfile.mkdtemp(), "out.txt")
>>> write_text_atomic(path, "hello\\n")
>>> write_text_atomic(path, "again\\n")
Traceback (most recent call last):
...
symrep.errors.InputError: refusing to overwrite existing file ...out.txt (use --force)
"""

import os
import tempfile

from .errors import InputError

__all__ = ["write_text_atomic", "write_bytes_atomic"]


def write_bytes_atomic(path, data, *, force=False):
    """Like :func:`write_text_atomic`, for bytes (a PDF, say)."""
    _write_atomic(path, data, "wb", force)


def write_text_atomic(path, text, *, force=False):
    """Write ``text`` to ``path`` through a temporary file and a rename.

    A reader never sees a half-written file, and an existing file is replaced only
    with ``force=True``.

    Raises
    ------
    InputError
        If the file exists and ``force`` is false, or the folder is missing or not writable.
    """
    _write_atomic(path, text, "w", force)


def _write_atomic(path, data, mode, force):
    path = os.fspath(path)
    folder = os.path.dirname(os.path.abspath(path))
    if os.path.exists(path) and not force:
        raise InputError(f"refusing to overwrite existing file {path} (use --force)")
    if not os.path.isdir(folder):
        raise InputError(f"cannot write {path}: folder {folder} does not exist")
    try:
        fd, tmp = tempfile.mkstemp(dir=folder, prefix=".symrep-", suffix=".tmp")
    except OSError as exc:
        raise InputError(f"cannot write {path}: {exc.strerror}") from None
    try:
        with os.fdopen(fd, mode, **({"encoding": "utf-8"} if mode == "w" else {})) as handle:
            handle.write(data)
        os.replace(tmp, path)
    except BaseException:
        if os.path.exists(tmp):
            os.unlink(tmp)
        raise
