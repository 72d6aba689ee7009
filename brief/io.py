"""Output that cannot harm: a reader never sees a half-written brief, and nothing but a regular file
is ever replaced.

A regular file (or a new path) is written to a temporary file beside it, fsynced and renamed into
place, keeping an existing file's permissions; a symlink stays a symlink (its target is replaced).
A character device or FIFO (``/dev/stdout``, a named pipe read by another program) is written in
place, since renaming over it would turn a device node into a plain file; anything else is refused.
"""

from __future__ import annotations

import contextlib
import errno
import os
import stat
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import BinaryIO

STDOUT = "-"


def atomic_write(path: str | Path, data: str | bytes, encoding: str = "utf-8") -> None:
    """Write ``data`` to ``path`` by the rules above; raises OSError (with ``strerror``) on failure."""
    path = Path(path)
    payload = data.encode(encoding) if isinstance(data, str) else data
    try:
        status = os.stat(path)  # follows symlinks: what is really there
    except FileNotFoundError:
        status = None
    if str(path).startswith("/dev/") or (status is not None and not stat.S_ISREG(status.st_mode)):
        _write_in_place(path, payload, status)
        return
    target = Path(os.path.realpath(path))  # a symlink's target is replaced, the link kept
    with replacing(target, stat.S_IMODE(status.st_mode) if status is not None else None) as handle:
        handle.write(payload)  # an existing file keeps its mode: a 0600 brief stays 0600


@contextlib.contextmanager
def replacing(target: Path, mode: int | None = None) -> Iterator[BinaryIO]:
    """A temporary file beside ``target`` to write into; fsynced and renamed onto ``target`` when the
    block ends, removed if it raises (a check inside the block can still refuse the file). ``mode``
    defaults to an ordinary new file's (mkstemp's own 0600 would hide a brief from its readers)."""
    target.parent.mkdir(parents=True, exist_ok=True)
    if mode is None:
        umask = os.umask(0)
        os.umask(umask)
        mode = 0o666 & ~umask
    fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    try:
        os.fchmod(fd, mode)
        with os.fdopen(fd, "wb") as handle:
            yield handle
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, target)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def _write_in_place(path: Path, payload: bytes, status: os.stat_result | None) -> None:
    """A terminal, /dev/null, /dev/stdout or a FIFO: open it for writing as it is."""
    if status is not None and stat.S_ISDIR(status.st_mode):
        raise IsADirectoryError(errno.EISDIR, "is a directory", str(path))
    if status is not None and not (stat.S_ISCHR(status.st_mode) or stat.S_ISFIFO(status.st_mode)
                                   or stat.S_ISREG(status.st_mode)):
        raise OSError(errno.EPERM, "not a regular file, terminal or pipe; refusing to write there", str(path))
    # O_NONBLOCK: a FIFO nobody reads fails at once (ENXIO) instead of hanging the morning run.
    # O_APPEND: /dev/stdout redirected to a file continues it rather than writing over its start.
    fd = os.open(path, os.O_WRONLY | os.O_APPEND | getattr(os, "O_NONBLOCK", 0))
    try:
        os.set_blocking(fd, True)
        view = memoryview(payload)
        while view:
            view = view[os.write(fd, view):]
    finally:
        os.close(fd)


def write_output(path: str | Path | None, data: str | bytes) -> None:
    """Write a command's result: to stdout for None or ``-``, else by ``atomic_write``'s rules."""
    if path is None or str(path) == STDOUT:
        if isinstance(data, bytes):
            sys.stdout.flush()
            sys.stdout.buffer.write(data)
            sys.stdout.buffer.flush()
        else:
            sys.stdout.write(data)
            sys.stdout.flush()
        return
    from brief.errors import BriefError

    try:
        atomic_write(path, data)
    except OSError as exc:
        raise BriefError(f"{path}: cannot write: {exc.strerror or exc}") from None


def same_file(a: str | Path, b: str | Path) -> bool:
    """Whether two paths name one file (hard links and symlinks included)."""
    try:
        return os.path.samefile(a, b)
    except OSError:
        return False
