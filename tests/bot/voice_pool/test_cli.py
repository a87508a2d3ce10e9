"""``zhucan voice worker`` and ``zhucan serve``'s voice settings refuse what they cannot run."""

from __future__ import annotations

import io

import pytest

from bot.cli import run
from bot.serve.settings import ServeSettings
from menus.errors import DomainError

BASE = {"ZHUCAN_TELEGRAM_TOKEN": "1:x", "ZHUCAN_WEBHOOK_SECRET": "abc"}


def test_the_worker_without_token_or_redis_is_refused(
    monkeypatch: pytest.MonkeyPatch, db_url: str
) -> None:
    monkeypatch.delenv("ZHUCAN_REDIS_URL", raising=False)
    monkeypatch.setenv("ZHUCAN_TELEGRAM_TOKEN", "1:x")
    err = io.StringIO()
    assert run(["voice", "worker", "--db", db_url], out=io.StringIO(), err=err) == 2
    assert "ZHUCAN_REDIS_URL" in err.getvalue()


def test_voice_queue_settings() -> None:
    assert ServeSettings.from_env(BASE).voice_queue is False
    on = ServeSettings.from_env(
        {**BASE, "ZHUCAN_VOICE_QUEUE": "1", "ZHUCAN_REDIS_URL": "redis://x"}
    )
    assert on.voice_queue and on.voice_busy_at == 3
    with pytest.raises(DomainError):
        ServeSettings.from_env({**BASE, "ZHUCAN_VOICE_QUEUE": "1"})  # no Redis to queue in
    with pytest.raises(DomainError):
        ServeSettings.from_env({**BASE, "ZHUCAN_VOICE_BUSY_AT": "-1"})
