"""File output hazards: never replace what is not a regular file, usual modes, quiet broken pipes."""

import os
import stat
import subprocess
import sys
import threading

import pytest

from symrep.errors import InputError
from symrep.fileio import write_text_atomic


def test_a_new_file_gets_the_usual_mode_and_an_old_one_keeps_its_own(tmp_path):
    mask = os.umask(0o022)
    try:
        path = tmp_path / "new.txt"
        write_text_atomic(path, "a\n")
        assert stat.S_IMODE(path.stat().st_mode) == 0o644
        os.chmod(path, 0o600)
        write_text_atomic(path, "b\n", force=True)
        assert stat.S_IMODE(path.stat().st_mode) == 0o600 and path.read_text() == "b\n"
    finally:
        os.umask(mask)


def test_a_fifo_is_written_into_not_replaced(tmp_path):
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    received = []
    reader = threading.Thread(target=lambda: received.append(open(fifo).read()))
    reader.start()
    write_text_atomic(fifo, "through the pipe\n", force=True)
    reader.join(timeout=10)
    assert received == ["through the pipe\n"]
    assert stat.S_ISFIFO(os.stat(fifo).st_mode)


def test_a_device_node_is_written_into_not_replaced(tmp_path):
    node = tmp_path / "null"
    try:
        os.mknod(node, stat.S_IFCHR | 0o666, os.makedev(1, 3))  # the device of /dev/null
    except PermissionError:
        node = "/dev/null"  # without the right to make a node, the real one (never replaced either)
    write_text_atomic(node, "into the void\n", force=True)
    assert stat.S_ISCHR(os.stat(node).st_mode)


def test_a_folder_is_refused_even_with_force(tmp_path):
    with pytest.raises(InputError, match="it is a folder"):
        write_text_atomic(tmp_path, "x", force=True)


def test_a_symlink_is_kept_and_its_target_written(tmp_path):
    target, link = tmp_path / "target.txt", tmp_path / "link.txt"
    target.write_text("old\n")
    link.symlink_to(target)
    write_text_atomic(link, "new\n", force=True)
    assert link.is_symlink() and target.read_text() == "new\n"


def test_a_closed_pipe_ends_the_command_quietly():
    run = subprocess.run(f"{sys.executable} -m symrep table B6 --format gap | head -n 1", shell=True,
                         capture_output=True, text=True, timeout=120)
    assert run.stdout.startswith("# symrep character table of B6")
    assert run.stderr == ""


def test_a_dangling_symlink_is_never_replaced(tmp_path):
    link = tmp_path / "dangling"
    link.symlink_to(tmp_path / "missing")
    for force in (False, True):
        with pytest.raises(InputError, match="symbolic link to .*which does not exist"):
            write_text_atomic(link, "x", force=force)
    assert link.is_symlink() and not link.exists()


def test_the_command_line_writes_into_a_fifo_and_a_device_without_force(tmp_path):
    """The same node rules through the command line, checked before any work (PDFs included: the
    check comes before compiling, so a PDF into a FIFO is written into it, not refused)."""
    from symrep.cli import main

    node = tmp_path / "null"
    try:
        os.mknod(node, stat.S_IFCHR | 0o666, os.makedev(1, 3))
    except PermissionError:
        node = "/dev/null"
    assert main(["table", "B2", "-o", str(node)]) == 0
    assert stat.S_ISCHR(os.stat(node).st_mode)
    from symrep.fileio import check_writable

    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    assert check_writable(fifo) == "into" and check_writable(tmp_path / "new.pdf") == "replace"
