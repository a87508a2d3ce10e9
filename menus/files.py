"""Reading a file someone named (a menu, a people file, a recording): a regular file of
bounded size, checked before a byte of it is read, or one clear refusal.

Why here and not at each caller: ``Path.read_bytes()`` on ``/dev/zero`` reads until the OOM
killer comes, on a named pipe it waits for a writer forever, and on a 50 MB file it reads all of
it before the size is looked at. Opening without blocking, asking the open file what it is and
how big, and then reading at most one byte more than the limit (a file may grow meanwhile)
bounds every read of an outside file in one place.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

from menus.errors import DomainError


class FileRefused(DomainError):
    """A file that was not read: missing or unreadable, not a regular file, or too big.

    ``what`` says the same in a few English words after the file's name, for callers that list
    problems (a menu file's list, a people file's list); the message catalogue words it for
    people in their language.
    """

    def __init__(self, code: str, /, *, name: str, what: str, **params: object) -> None:
        super().__init__(code, name=name, **params)
        self.what = what


def read_bounded(path: str | Path, limit: int) -> bytes:
    """The bytes of the regular file at ``path`` if it has at most ``limit`` of them."""
    name = Path(path).name or str(path)
    try:
        # O_NONBLOCK: opening a named pipe must not wait for a writer; a regular file's
        # reads are unaffected by it.
        fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_CLOEXEC", 0))
    except OSError as exc:
        raise _unreadable(name, exc) from None
    try:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode):
            raise _not_regular(name)
        if info.st_size > limit:
            raise _too_big(name, info.st_size, limit)
        with os.fdopen(fd, "rb", closefd=False) as file:
            data = file.read(limit + 1)
    except OSError as exc:
        raise _unreadable(name, exc) from None
    finally:
        os.close(fd)
    if len(data) > limit:  # it grew after it was measured
        raise _too_big(name, len(data), limit)
    return data


def check_bounded(path: str | Path, limit: int) -> None:
    """Refuse ``path`` as ``read_bounded`` would, without reading it, for a reader that takes a
    path (the check and the read are two steps; for a file given on the command line by the
    person running it, that is enough)."""
    name = Path(path).name or str(path)
    try:
        info = os.stat(path)
    except OSError as exc:
        raise _unreadable(name, exc) from None
    if not stat.S_ISREG(info.st_mode):
        raise FileRefused(
            "file_not_regular",
            name=name,
            what="is not a regular file (a device, a pipe or a folder)",
        )
    if info.st_size > limit:
        raise _too_big(name, info.st_size, limit)


def _too_big(name: str, size: int, limit: int) -> FileRefused:
    return FileRefused(
        "file_too_big",
        name=name,
        size=f"{size:,}",
        limit=f"{limit:,}",
        what=f"is {size:,} bytes; the limit is {limit:,}",
    )


def _unreadable(name: str, exc: OSError) -> FileRefused:
    reason = exc.strerror or type(exc).__name__
    return FileRefused(
        "file_unreadable", name=name, reason=reason, what=f"cannot be read ({reason})"
    )


def _not_regular(name: str) -> FileRefused:
    return FileRefused(
        "file_not_regular", name=name, what="is not a regular file (a device, a pipe or a folder)"
    )
