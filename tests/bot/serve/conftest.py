"""The serving app on a test store, Telegram replaced by the recording fake."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

import pytest
from sqlalchemy import func, select
from sqlalchemy.orm import Session, sessionmaker
from starlette.testclient import TestClient
from telegram.ext import Application

from bot.serve.app import create_serve_app
from bot.serve.health import schema_head
from bot.serve.webhook import SECRET_HEADER
from bot.telegram.app import build_application
from menus.db import unit_of_work
from menus.models import Identity, Order, Person
from tests.bot.fake_telegram import TOKEN, FakeTelegram, RecordingRequest
from tests.bot.telegram_harness import fast_limiter
from tests.conftest import BEFORE_LUNCH

SECRET = "s3cret-Token_for-tests"
PATH = "/telegram"


@dataclass
class Served:
    """A client of the serving app, the fake Telegram behind it and the store."""

    client: TestClient
    fake: FakeTelegram
    factory: sessionmaker[Session]
    application: Application[Any, Any, Any, Any, Any, Any]

    def post(self, update: dict[str, Any], secret: str | None = SECRET) -> int:
        headers = {SECRET_HEADER: secret} if secret is not None else {}
        return self.client.post(PATH, json=update, headers=headers).status_code

    def orders(self) -> int:
        with self.factory() as session:
            return int(session.scalar(select(func.count()).select_from(Order)) or 0)

    def identify(self, name: str, account: int) -> int:
        with unit_of_work(self.factory) as session:
            person = session.scalars(select(Person).where(Person.name == name)).one()
            session.add(Identity(channel="telegram", account_id=str(account), person_id=person.id))
            return person.id


def serving_app(factory: sessionmaker[Session], fake: FakeTelegram, url: str, **extra: Any) -> Any:
    """``create_serve_app`` as ``zhucan serve`` builds it, on the recording fake."""
    application = build_application(
        TOKEN,
        factory,
        request=RecordingRequest(fake),
        get_updates_request=RecordingRequest(fake),
        now=BEFORE_LUNCH,
        rate_limiter=fast_limiter(),
        scheduler_settings=None,
        remember=False,
    )
    app = create_serve_app(
        application,
        factory,
        secret=SECRET,
        path=PATH,
        head=schema_head(url),
        clock=lambda: BEFORE_LUNCH,
        **extra,
    )
    return app, application


@pytest.fixture
def served(shop: sessionmaker[Session], db_url: str) -> Iterator[Served]:
    fake = FakeTelegram()
    app, application = serving_app(shop, fake, db_url)
    with TestClient(app) as client:  # the lifespan initialises the PTB application
        yield Served(client, fake, shop, application)
