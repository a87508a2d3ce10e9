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


def test_a_failed_job_is_logged_by_its_id_only() -> None:
    """Dramatiq logs a failed job whole; the chat id and file id must not reach the log."""
    import logging

    import dramatiq

    from bot.voice_pool.cli import JobIdsOnly

    job = dramatiq.Message(
        queue_name="voice",
        actor_name="voice_turn",
        args=({"chat_id": 424242, "file_id": "AwACAgIAAxkBAAIB-secret"},),
        kwargs={},
        options={},
    )
    record = logging.LogRecord("dramatiq", logging.ERROR, __file__, 1, "Failed %s", (job,), None)
    assert JobIdsOnly().filter(record)
    said = record.getMessage()
    assert job.message_id in said
    assert "424242" not in said and "secret" not in said
