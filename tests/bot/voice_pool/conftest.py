"""The voice pool's fixtures: a queue on the real Redis (a namespace per test), the serving app
queueing voice notes, and a real voice note made by ``zhucan voice say``."""

from __future__ import annotations

import os
import subprocess
import sys
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
import redis
from sqlalchemy import func, select
from sqlalchemy.orm import Session, sessionmaker
from starlette.testclient import TestClient

from bot.serve.app import create_serve_app
from bot.serve.health import schema_head
from bot.serve.webhook import SECRET_HEADER
from bot.telegram.app import build_application
from bot.voice_pool.queue import VoiceQueue
from menus.db import unit_of_work
from menus.models import Identity, Order, Person
from tests.bot.fake_telegram import TOKEN, FakeTelegram, RecordingRequest
from tests.bot.telegram_harness import fast_limiter
from tests.conftest import BEFORE_LUNCH

REDIS = os.environ.get("ZHUCAN_TEST_REDIS", "redis://127.0.0.1:6379/0")
SECRET = "s3cret-Token_for-tests"
PATH = "/telegram"
ROOT = Path(__file__).resolve().parents[3]


def redis_or_skip() -> str:
    """The test Redis; in CI (CI=true) its absence fails the test instead of skipping it."""
    try:
        redis.Redis.from_url(REDIS, socket_connect_timeout=1).ping()
    except redis.RedisError as exc:
        if os.environ.get("CI") == "true":
            pytest.fail(f"Redis is required in CI: {exc}", pytrace=False)
        pytest.skip(f"Redis not reachable here ({exc}); CI runs this")
    return REDIS


@pytest.fixture
def queue() -> Iterator[VoiceQueue]:
    """The voice queue under a namespace of this test only (other runs may share Redis)."""
    url = redis_or_skip()
    voice_queue = VoiceQueue.from_url(url, namespace=f"zhucan-test-{uuid.uuid4().hex[:12]}")
    yield voice_queue
    voice_queue.flush()
    voice_queue.close()


@dataclass
class Served:
    """The serving app with its voice queue, the fake Telegram behind it and the store."""

    client: TestClient
    fake: FakeTelegram
    factory: sessionmaker[Session]
    queue: VoiceQueue

    def post(self, update: dict[str, Any]) -> int:
        return self.client.post(PATH, json=update, headers={SECRET_HEADER: SECRET}).status_code

    def orders(self) -> int:
        with self.factory() as session:
            return int(session.scalar(select(func.count()).select_from(Order)) or 0)

    def identify(self, name: str, account: int) -> int:
        with unit_of_work(self.factory) as session:
            person = session.scalars(select(Person).where(Person.name == name)).one()
            session.add(Identity(channel="telegram", account_id=str(account), person_id=person.id))
            return person.id


def serving(factory: sessionmaker[Session], fake: FakeTelegram, url: str, queue: VoiceQueue) -> Any:
    """``zhucan serve``'s app with voice notes queued (``ZHUCAN_VOICE_QUEUE=1``)."""
    application = build_application(
        TOKEN,
        factory,
        request=RecordingRequest(fake),
        get_updates_request=RecordingRequest(fake),
        now=BEFORE_LUNCH,
        rate_limiter=fast_limiter(),
        scheduler_settings=None,
        remember=False,
        voice_queue=queue,
    )
    return create_serve_app(
        application,
        factory,
        secret=SECRET,
        path=PATH,
        head=schema_head(url),
        clock=lambda: BEFORE_LUNCH,
        voice_queue=queue,
    )


@pytest.fixture
def served(shop: sessionmaker[Session], db_url: str, queue: VoiceQueue) -> Iterator[Served]:
    fake = FakeTelegram()
    with TestClient(serving(shop, fake, db_url, queue)) as client:
        yield Served(client, fake, shop, queue)


@pytest.fixture(scope="session")
def said_yes(tmp_path_factory: pytest.TempPathFactory) -> bytes:
    """要 as a Telegram voice note (OGG/Opus), made by the project's own ``zhucan voice say`` in
    a fresh process (espeak-ng varies a sentence with what it said before in a process)."""
    target = tmp_path_factory.mktemp("voice") / "yes.ogg"
    zhucan = Path(sys.executable).with_name("zhucan")
    subprocess.run(
        [str(zhucan), "voice", "say", "要", "-o", str(target)],
        cwd=ROOT,
        check=True,
        capture_output=True,
    )
    return target.read_bytes()
