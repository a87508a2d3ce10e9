"""A bot built on the recording request, fed updates the way PTB's own tests feed them."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session, sessionmaker
from telegram import Update
from telegram.ext import Application, ContextTypes

from bot.telegram.app import build_application
from bot.telegram.ratelimit import Bucket, Limits, RateLimiter
from menus.db import unit_of_work
from menus.models import Identity, Order, Person
from tests.bot.fake_telegram import TOKEN, FakeTelegram, RecordingRequest


def fast_limiter() -> RateLimiter:
    """Limits far above anything a test sends: tests of the limits are in test_ratelimit."""
    return RateLimiter(Limits(Bucket(1e6, 10_000), per_chat_rate=1e6, per_chat_burst=10_000))


class Harness:
    """The application, the fake Telegram it talks to, and the store."""

    def __init__(self, factory: sessionmaker[Session], now: datetime, **options: Any) -> None:
        self.factory = factory
        self.fake = FakeTelegram()
        options.setdefault("rate_limiter", fast_limiter())
        options.setdefault("scheduler_settings", None)  # a test that wants it passes settings
        self.app: Application[Any, Any, Any, Any, Any, Any] = build_application(
            TOKEN,
            factory,
            request=RecordingRequest(self.fake),
            get_updates_request=RecordingRequest(self.fake),
            now=now,
            **options,
        )
        self.errors: list[BaseException] = []

        async def record(update: object, context: ContextTypes.DEFAULT_TYPE) -> None:
            if context.error is not None:
                self.errors.append(context.error)

        self.app.add_error_handler(record)

    async def feed(self, *updates: dict[str, Any]) -> None:
        """Process updates one after another, as PTB does with a single update source."""
        for data in updates:
            await self.app.process_update(Update.de_json(data, self.app.bot))
        assert not self.errors, self.errors

    def last(self) -> dict[str, Any]:
        """The last message sent."""
        return self.fake.sent()[-1]

    def identify(self, name: str, account: int) -> int:
        """Give the person ``name`` the Telegram account ``account``; their id."""
        with unit_of_work(self.factory) as session:
            person = session.scalars(select(Person).where(Person.name == name)).one()
            session.add(Identity(channel="telegram", account_id=str(account), person_id=person.id))
            return person.id

    def orders(self) -> int:
        with self.factory() as session:
            return int(session.scalar(select(func.count()).select_from(Order)) or 0)


def buttons(markup: dict[str, Any]) -> list[str]:
    """Every button's text of a sent keyboard, row by row."""
    rows = markup.get("keyboard") or markup.get("inline_keyboard") or []
    return [b if isinstance(b, str) else b["text"] for row in rows for b in row]
