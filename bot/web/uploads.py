"""Menu files uploaded through the console: read with a size limit, and kept on the server
between the preview and 发布.

Why keep the file here and not in the preview page: what is published must be exactly what was
previewed and checked, so the preview form carries only a random token (a key, not content);
nothing a browser sends back is trusted as menu content. Publishing checks the kept bytes
again with the same readers (the stored menus may have changed meanwhile).

Why in this process's memory and not a database table: a pending file is a draft that lives
minutes and belongs to one browser session; it is not shared state worth a table and a
migration. Each entry is bound to the session (a hash of its token) and the canteen, expires
after ``LIFETIME``, and one session keeps at most one file per canteen; ``MOST`` entries bound
the memory used. The cost: when several console processes serve one site without sticky
sessions, 发布 may reach a process that does not hold the file, and the person is asked
politely to upload it again; nothing wrong is ever published.

Nothing about a file is logged beyond its size: not its name, not its content.
"""

from __future__ import annotations

import hashlib
import logging
import secrets
import threading
from collections.abc import AsyncIterator
from dataclasses import dataclass
from datetime import datetime, timedelta

from starlette.types import Message, Receive

from menus.menufile import MAX_FILE_BYTES

log = logging.getLogger(__name__)
LIFETIME = timedelta(minutes=30)
MOST = 32
"""Pending files kept at once (each at most ``MAX_FILE_BYTES``): the oldest goes first."""
FORM_OVERHEAD = 64 * 1024
"""Room for the form's other fields and the multipart boundaries around the file."""
BODY_LIMIT = MAX_FILE_BYTES + FORM_OVERHEAD
DRAIN_LIMIT = 8 * BODY_LIMIT
"""A body over the limit is read on (and thrown away) up to this much, so that the browser
gets the polite refusal instead of a broken connection; past it, the connection is dropped."""
MAX_NAME_CHARS = 100


@dataclass(frozen=True)
class Pending:
    """An uploaded file waiting for 发布."""

    name: str
    data: bytes
    owner: str
    canteen: str
    expires: datetime


def owner_of(session_token: str) -> str:
    """Whom a pending file belongs to: a hash of the browser session's token (never the token
    itself, which opens the session)."""
    return hashlib.sha256(session_token.encode()).hexdigest()


def clean_name(name: str | None) -> str:
    """The file's own name without any folder a browser sent, shortened; only its suffix
    decides how it is read, and it is shown in the problems' lines."""
    base = (name or "").replace("\\", "/").rsplit("/", 1)[-1].strip()
    return "".join(ch for ch in base if ch.isprintable())[-MAX_NAME_CHARS:] or "menu"


class PendingUploads:
    """Uploaded files between preview and 发布, in memory, bound to a session and a canteen."""

    def __init__(self, lifetime: timedelta = LIFETIME, most: int = MOST) -> None:
        self.lifetime = lifetime
        self.most = most
        self._files: dict[str, Pending] = {}
        self._lock = threading.Lock()

    def keep(self, owner: str, canteen: str, name: str, data: bytes, now: datetime) -> str:
        """Keep a checked file and return its token; it replaces the session's earlier file
        for the same canteen."""
        token = secrets.token_urlsafe(24)
        with self._lock:
            self._forget_expired(now)
            for old, pending in list(self._files.items()):
                if (pending.owner, pending.canteen) == (owner, canteen):
                    del self._files[old]
            while len(self._files) >= self.most:
                del self._files[next(iter(self._files))]
            self._files[token] = Pending(name, data, owner, canteen, now + self.lifetime)
        return token

    def get(self, token: str, owner: str, canteen: str, now: datetime) -> Pending | None:
        """The file kept under ``token`` for this session and canteen, if not expired."""
        with self._lock:
            self._forget_expired(now)
            pending = self._files.get(token)
        if pending is None or not secrets.compare_digest(pending.owner, owner):
            return None
        return pending if pending.canteen == canteen else None

    def drop(self, token: str) -> None:
        """Forget a file (published, or replaced)."""
        with self._lock:
            self._files.pop(token, None)

    def _forget_expired(self, now: datetime) -> None:
        for token, pending in list(self._files.items()):
            if pending.expires <= now:
                del self._files[token]


async def capped_body(stream: AsyncIterator[bytes], declared: str | None) -> bytes | None:
    """The request body if it is at most ``BODY_LIMIT`` bytes; None when it is bigger (by its
    declared length, before reading, or as it arrives), its bytes read on and dropped up to
    ``DRAIN_LIMIT``."""
    if declared is not None and declared.isdigit() and int(declared) > DRAIN_LIMIT:
        _log_too_big(int(declared))
        return None
    chunks: list[bytes] = []
    size = 0
    async for chunk in stream:
        size += len(chunk)
        if size > DRAIN_LIMIT:
            break
        if size <= BODY_LIMIT:
            chunks.append(chunk)
    if size > BODY_LIMIT:
        _log_too_big(size)
        return None
    return b"".join(chunks)


def _log_too_big(size: int) -> None:
    log.info("console menu upload refused: over %d bytes (%d seen)", BODY_LIMIT, size)


def replay(body: bytes) -> Receive:
    """An ASGI ``receive`` that hands ``body`` over again, for parsing a form from a body
    already read (and measured)."""
    sent = False

    async def receive() -> Message:
        nonlocal sent
        if sent:
            return {"type": "http.disconnect"}
        sent = True
        return {"type": "http.request", "body": body, "more_body": False}

    return receive
