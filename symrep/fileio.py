"""Atomic file output that never silently overwrites.

Regular files are written through a temporary file and a rename, so a reader never sees half a
file; an existing one is replaced only with ``force`` and keeps its mode, and a new one gets the
usual mode (0666 less the umask). A terminal, ``/dev/null`` or a FIFO is written into directly
(a rename would replace the device node itself); anything else that is not a regular file (a
folder, a block device, a socket, a symbolic link to nothing) is refused. :func:`check_writable`
says which it will be before any work is done.

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
import stat
import tempfile

from symrep.errors import InputError

__all__ = ["write_text_atomic", "write_bytes_atomic", "check_writable", "read_text_limited"]


def read_text_limited(path, limit, what):
    """The UTF-8 text of a file of at most ``limit`` bytes; an :class:`~symrep.errors.InputError` naming
    ``what`` (``"the kernel file"``) and the limit or the reason otherwise.

    Examples
    --------
    >>> import os, tempfile
    >>> with tempfile.TemporaryDirectory() as folder:
    ...     path = os.path.join(folder, "k.txt")
    ...     _ = open(path, "w").write("exp(-x)")
    ...     read_text_limited(path, 100, "the kernel file")
    'exp(-x)'
    """
    try:
        if os.path.getsize(path) > limit:
            raise InputError(f"{what} {path} is larger than the limit of {limit:,} bytes")
        with open(path, encoding="utf-8") as handle:
            return handle.read()
    except (OSError, UnicodeDecodeError) as exc:
        raise InputError(f"cannot read {what} {path}: {getattr(exc, 'strerror', None) or exc}") from None


def write_bytes_atomic(path, data, *, force=False):
    """Like :func:`write_text_atomic`, for bytes (a PDF, say)."""
    _write_atomic(path, data, "wb", force)


def write_text_atomic(path, text, *, force=False):
    """Write ``text`` (a string, or an iterable of strings written one after the other, so that a
    large output need not exist in memory at once) to ``path`` through a temporary file and a rename.

    A reader never sees a half-written file, and an existing file is replaced only
    with ``force=True``.

    Raises
    ------
    InputError
        If the file exists and ``force`` is false, or the folder is missing or not writable.
    """
    _write_atomic(path, text, "w", force)


def check_writable(path, force=False):
    """What writing ``path`` will do, checked before any work: ``"replace"`` (a new or, with ``force``,
    an existing regular file, replaced atomically) or ``"into"`` (a terminal, device or pipe, written
    into directly: a rename would turn the node into a regular file). A symbolic link is followed to
    its target. Raises :class:`InputError` for an existing file without ``force``, a folder or other
    special file, a link to nothing, or a missing folder.

    Examples
    --------
    >>> check_writable("/dev/null")
    'into'
    """
    path = os.path.realpath(path) if os.path.islink(path) and os.path.exists(path) else os.fspath(path)
    if os.path.islink(path):  # a link whose target does not exist: replacing it would lose the link
        raise InputError(f"cannot write {path}: it is a symbolic link to {os.readlink(path)}, which does not exist")
    if os.path.exists(path):
        kind = os.stat(path).st_mode
        if stat.S_ISCHR(kind) or stat.S_ISFIFO(kind):
            return "into"
        if not stat.S_ISREG(kind):
            what = "a folder" if stat.S_ISDIR(kind) else "not a regular file"
            raise InputError(f"cannot write {path}: it is {what}; symrep replaces only regular files")
        if not force:
            raise InputError(f"refusing to overwrite existing file {path} (use --force)")
    folder = os.path.dirname(os.path.abspath(path))
    if not os.path.isdir(folder):
        raise InputError(f"cannot write {path}: folder {folder} does not exist")
    return "replace"


def _write_atomic(path, data, mode, force):
    path = os.fspath(path)
    if os.path.islink(path) and os.path.exists(path):
        path = os.path.realpath(path)  # write the link's target, keep the link
    if check_writable(path, force) == "into":
        with open(path, mode, **({"encoding": "utf-8"} if mode == "w" else {})) as handle:
            _write_all(handle, data)
        return
    folder = os.path.dirname(os.path.abspath(path))
    try:
        fd, tmp = tempfile.mkstemp(dir=folder, prefix=".symrep-", suffix=".tmp")
    except OSError as exc:
        raise InputError(f"cannot write {path}: {exc.strerror}") from None
    try:
        with os.fdopen(fd, mode, **({"encoding": "utf-8"} if mode == "w" else {})) as handle:
            _write_all(handle, data)
        # mkstemp makes the file private (0600); give it the mode of the file it replaces, or the
        # usual one for a new file (0666 less the umask)
        os.chmod(tmp, stat.S_IMODE(os.stat(path).st_mode) if os.path.exists(path) else 0o666 & ~_umask())
        os.replace(tmp, path)
    except BaseException:
        if os.path.exists(tmp):
            os.unlink(tmp)
        raise


def _write_all(handle, data):
    if isinstance(data, (str, bytes)):
        handle.write(data)
    else:
        for chunk in data:
            handle.write(chunk)


def _umask():
    mask = os.umask(0)
    os.umask(mask)
    return mask
