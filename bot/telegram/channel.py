"""The scheduler's ``Channel`` over Telegram: a person's outbox message to their Telegram chats.

Why the bot delivers through the scheduler's sender and has no sweep of its own: one sender per
process claims outbox rows, drops reminders that became useless, keeps Telegram's limits over
all messages and retries with back-off (``scheduler.sender``). This class only turns
``(person id, text, choices)`` into ``sendMessage`` calls: the person's chats are their
``Identity`` rows of channel ``telegram``, the text is rendered as replies are (choices as
inline buttons, long texts cut), and sending goes through the application's bot, so its rate
limiter (per chat, ``RetryAfter``) applies as well.

A failure raises ``ChannelError`` with a code only (no text, no chat id, no phone): the code is
what the outbox keeps as the row's last error.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Callable, Sequence
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker
from telegram import Bot
from telegram.error import BadRequest, Forbidden, RetryAfter, TelegramError, TimedOut

from bot.telegram.render import render
from bot.turn import Reply
from menus.db import read_only
from menus.models import Identity, Person
from menus.text import ascii_whole
from scheduler.channel import ChannelError

log = logging.getLogger(__name__)

CHANNEL = "telegram"
NO_ACCOUNT = "telegram-no-account"
BLOCKED = "telegram-blocked"
BAD_REQUEST = "telegram-bad-request"
RATE_LIMITED = "telegram-retry-after"
TIMED_OUT = "telegram-timed-out"
FAILED = "telegram-error"

Runner = Callable[..., Awaitable[Any]]
"""Runs a blocking store call off the event loop (``asyncio.to_thread`` or the bot's own)."""


def recipient(factory: sessionmaker[Session], person_id: int) -> tuple[list[int], str]:
    """The person's Telegram chat ids (private chats: the account id) and their language."""
    with read_only(factory) as session:
        accounts = session.scalars(
            select(Identity.account_id)
            .where(Identity.channel == CHANNEL, Identity.person_id == person_id)
            .order_by(Identity.id)
        ).all()
        lang = session.scalar(select(Person.lang).where(Person.id == person_id))
    chats = [int(a) for a in accounts if ascii_whole(a.removeprefix("-")) is not None]
    return chats, str(lang or "zh")


def error_code(error: TelegramError) -> str:
    """The outbox's code for a Telegram failure (never Telegram's description, which may
    quote what was sent)."""
    if isinstance(error, Forbidden):
        return BLOCKED
    if isinstance(error, BadRequest):
        return BAD_REQUEST
    if isinstance(error, RetryAfter):
        return RATE_LIMITED
    if isinstance(error, TimedOut):
        return TIMED_OUT
    return FAILED


class TelegramChannel:
    """``scheduler.channel.Channel`` through one bot (the application's ``app.bot``)."""

    def __init__(
        self,
        bot: Bot,
        factory: sessionmaker[Session],
        *,
        run: Runner = asyncio.to_thread,
    ) -> None:
        self.bot = bot
        self.factory = factory
        self.run = run

    async def send(self, person_id: int, text: str, choices: Sequence[str]) -> None:
        """Send to each of the person's chats; the message counts as delivered when one chat
        got it (sending it again would repeat it in the chats that did), else raise
        ``ChannelError`` with the first failure's code."""
        chats, lang = await self.run(recipient, self.factory, person_id)
        if not chats:
            raise ChannelError(NO_ACCOUNT)
        answer = Reply(text, list(choices), inline=bool(choices), lang=lang)
        pieces = render(answer, lang)
        failure: str | None = None
        delivered = 0
        for chat_id in chats:
            try:
                for piece in pieces:
                    await self.bot.send_message(chat_id, piece.text, reply_markup=piece.markup)
            except TelegramError as exc:
                failure = failure or error_code(exc)
                continue
            delivered += 1
        if delivered == 0:
            assert failure is not None
            raise ChannelError(failure)
        if failure is not None:
            log.warning(
                "person %s: %d of %d chats refused (%s)",
                person_id,
                len(chats) - delivered,
                len(chats),
                failure,
            )
