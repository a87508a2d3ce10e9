"""How a message reaches a person: the ``Channel`` protocol, and the log channel.

Why a protocol of one method: the scheduler must not know Telegram (the design's import rule);
the bot gives it an object that can send to a person by id, and tests give it a list. The
Telegram implementation maps ``person_id`` to a chat through ``Identity`` rows.
"""

from __future__ import annotations

import json
import os
import threading
from collections.abc import Sequence
from datetime import datetime
from pathlib import Path
from typing import Any, Protocol, TextIO, runtime_checkable

from menus.clock import TZ


class ChannelError(Exception):
    """A send that failed for a reason worth retrying later (network, rate limit, timeout).

    The message kept in the outbox is the code only (``str(error)``), never the text.
    """


@runtime_checkable
class Channel(Protocol):
    """Something that delivers a text (with optional answer buttons) to a person."""

    async def send(self, person_id: int, text: str, choices: Sequence[str]) -> None:
        """Deliver, or raise (any exception counts as a failed attempt, retried later)."""
        ...


class LogChannel:
    """Writes each message as one JSON line (to a file, or to an in-memory list).

    The channel used when no Telegram token is configured: the demo and the tests read what
    would have been sent. It is a delivery target, not a diagnostic log (a kitchen sheet for
    staff carries delivery addresses), so a file it creates is readable by its owner only, and
    so is a folder it creates for it (0700; a folder that exists keeps its mode).
    """

    def __init__(self, path: str | Path | None = None, *, clock: Any = None) -> None:
        self.path = Path(path) if path is not None else None
        self.lines: list[dict[str, Any]] = []
        self._clock = clock or (lambda: datetime.now(TZ))
        self._lock = threading.Lock()
        self._file: TextIO | None = None

    async def send(self, person_id: int, text: str, choices: Sequence[str]) -> None:
        """Record the message; never fails."""
        line = {
            "at": self._clock().isoformat(timespec="seconds"),
            "person_id": person_id,
            "text": text,
            "choices": list(choices),
        }
        with self._lock:
            if self.path is None:
                self.lines.append(line)
                return
            if self._file is None:
                self.path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
                fd = os.open(self.path, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o600)
                self._file = os.fdopen(fd, "a", encoding="utf-8")
            self._file.write(json.dumps(line, ensure_ascii=False) + "\n")
            self._file.flush()

    def close(self) -> None:
        """Close the file, if one was opened."""
        with self._lock:
            if self._file is not None:
                self._file.close()
                self._file = None


def read_log(path: str | Path) -> list[dict[str, Any]]:
    """The messages a ``LogChannel`` wrote to ``path`` (empty if none yet)."""
    file = Path(path)
    if not file.exists():
        return []
    return [json.loads(line) for line in file.read_text(encoding="utf-8").splitlines() if line]
