"""The Telegram webhook: one POST per update, answered only after the update is handled.

Why answer late: Telegram redelivers an update until it gets a 2xx. Handling the update fully
(the turn stored, the reply sent) before answering means a worker killed half-way leaves the
update unanswered, Telegram sends it again, and the turn id (``tg-<update_id>``) makes the
replay harmless: a stored turn answers with its stored reply, a turn that never committed runs
afresh. A failure that a retry can cure (the database or Telegram unreachable) is answered 500
so that Telegram tries again, and the person is not asked to repeat it (the bot's error handler
keeps quiet: ``bot.telegram.redelivery``); any other failure was already apologised for by that
handler and is acknowledged, since repeating it would only repeat the apology.

This is python-telegram-bot's custom-webhook pattern: the ``Application`` is built without an
updater and each update goes straight to ``Application.process_update``.
"""

from __future__ import annotations

import hmac
import json
import logging
import time
from collections.abc import Callable
from contextvars import ContextVar
from dataclasses import dataclass
from typing import Any

from sqlalchemy.exc import InterfaceError, OperationalError
from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from telegram import Update
from telegram.error import NetworkError
from telegram.ext import Application, ContextTypes

from bot.telegram.redelivery import REDELIVERED_WHEN

SECRET_HEADER = "X-Telegram-Bot-Api-Secret-Token"
MAX_BODY = 1024 * 1024
"""An update is a few kilobytes (files come by id, not inline); more is refused unread."""
RETRYABLE: tuple[type[BaseException], ...] = (
    OperationalError,
    InterfaceError,
    NetworkError,
    OSError,
)
"""Failures a redelivery can cure: the store or Telegram unreachable for a moment."""

log = logging.getLogger("zhucan.serve")

_FAILURES: ContextVar[list[BaseException] | None] = ContextVar("zhucan_failures", default=None)


async def note_failure(update: object, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Error handler: tell the webhook request handling this update that it failed."""
    failures = _FAILURES.get()
    if failures is not None and context.error is not None:
        failures.append(context.error)


def retryable(error: BaseException) -> bool:
    """Whether redelivering the update may succeed where this attempt failed."""
    if isinstance(error, RETRYABLE):
        return True
    try:
        from redis.exceptions import ConnectionError as RedisDown
        from redis.exceptions import TimeoutError as RedisSlow
    except ImportError:  # pragma: no cover - redis is a dependency
        return False
    return isinstance(error, RedisDown | RedisSlow)


def update_kind(update: Update) -> str:
    """What sort of update this is, for metrics and logs (never its content)."""
    message = update.message
    if update.callback_query is not None:
        return "button"
    if message is None:
        return "other"
    for kind in ("voice", "document", "contact", "text"):
        if getattr(message, kind, None) is not None:
            return "command" if kind == "text" and (message.text or "").startswith("/") else kind
    return "other"


@dataclass
class Handled:
    """One webhook request's outcome, for metrics and the log."""

    update_id: int
    kind: str
    seconds: float
    status: int


Observer = Callable[[Handled], None]


class Webhook:
    """The endpoint: the secret checked, the body bounded, the update handled, then answered."""

    def __init__(
        self,
        application: Application[Any, Any, Any, Any, Any, Any],
        secret: str,
        observe: Observer | None = None,
    ) -> None:
        self.application = application
        self.secret = secret.encode()
        self.observe = observe
        application.add_error_handler(note_failure)

    async def endpoint(self, request: Request) -> Response:
        """POST from Telegram: 403 without the secret, 400/413 for a body that is no update,
        500 when a retry may help, else 200 once the update's effects are stored."""
        given = request.headers.get(SECRET_HEADER, "").encode()
        if not hmac.compare_digest(given, self.secret):
            return JSONResponse({"error": "forbidden"}, status_code=403)
        body = await _bounded_body(request)
        if body is None:
            return JSONResponse({"error": "too large"}, status_code=413)
        update = self._update(body)
        if update is None:
            return JSONResponse({"error": "not an update"}, status_code=400)
        return await self._handle(update)

    def _update(self, body: bytes) -> Update | None:
        try:
            data = json.loads(body)
            if not isinstance(data, dict) or not isinstance(data.get("update_id"), int):
                return None
            return Update.de_json(data, self.application.bot)
        except Exception:  # {"message": "x"} (AttributeError), a date of 1e20 (OverflowError)
            return None  # 400: Telegram would redeliver a 500 for a day

    async def _handle(self, update: Update) -> Response:
        failures: list[BaseException] = []
        token = _FAILURES.set(failures)
        redelivered = REDELIVERED_WHEN.set(retryable)  # no apology for what comes again
        started = time.perf_counter()
        try:
            await self.application.process_update(update)
        finally:
            REDELIVERED_WHEN.reset(redelivered)
            _FAILURES.reset(token)
        status = 500 if any(retryable(e) for e in failures) else 200
        handled = Handled(
            update.update_id, update_kind(update), time.perf_counter() - started, status
        )
        log.info(
            "update handled",
            extra={
                "update_id": handled.update_id,
                "kind": handled.kind,
                "status": status,
                "ms": round(handled.seconds * 1000, 1),
                "error": type(failures[0]).__name__ if failures else None,
            },
        )
        if self.observe is not None:
            self.observe(handled)
        return Response(status_code=status)


async def _bounded_body(request: Request) -> bytes | None:
    """The request body, or None once it passes ``MAX_BODY`` (the rest is not read)."""
    declared = request.headers.get("content-length", "")
    if declared.isdigit() and int(declared) > MAX_BODY:
        return None
    chunks: list[bytes] = []
    size = 0
    async for chunk in request.stream():
        size += len(chunk)
        if size > MAX_BODY:
            return None
        chunks.append(chunk)
    return b"".join(chunks)
