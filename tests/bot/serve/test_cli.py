"""``zhucan serve``'s refusals: one message and exit status 2, before any worker starts."""

from __future__ import annotations

import io
import os
from datetime import timedelta

import pytest

from bot.cli import run
from bot.serve.settings import ServeSettings
from menus.errors import DomainError


@pytest.mark.parametrize(
    ("env", "says"),
    [
        ({}, "ZHUCAN_TELEGRAM_TOKEN"),
        ({"ZHUCAN_TELEGRAM_TOKEN": "1:a"}, "ZHUCAN_WEBHOOK_SECRET"),
        ({"ZHUCAN_TELEGRAM_TOKEN": "1:a", "ZHUCAN_WEBHOOK_SECRET": "no spaces"}, "A-Z"),
        (
            {
                "ZHUCAN_TELEGRAM_TOKEN": "1:a",
                "ZHUCAN_WEBHOOK_SECRET": "x",
                "ZHUCAN_WEBHOOK_PATH": "/",
            },
            "ZHUCAN_WEBHOOK_PATH",
        ),
    ],
)
def test_serve_refuses_an_incomplete_configuration(
    db_url: str, monkeypatch: pytest.MonkeyPatch, env: dict[str, str], says: str
) -> None:
    for name in ("ZHUCAN_TELEGRAM_TOKEN", "ZHUCAN_WEBHOOK_SECRET", "ZHUCAN_TELEGRAM_SECRET"):
        monkeypatch.delenv(name, raising=False)
    for name, value in env.items():
        monkeypatch.setenv(name, value)
    out, err = io.StringIO(), io.StringIO()
    assert run(["serve", "--db", db_url], out=out, err=err) == 2
    assert says in err.getvalue() and out.getvalue() == ""


def test_settings_come_from_the_environment() -> None:
    settings = ServeSettings.from_env(
        {
            "ZHUCAN_TELEGRAM_TOKEN": "1:a",
            "ZHUCAN_TELEGRAM_SECRET": "older-name",
            "ZHUCAN_WEBHOOK_PATH": "hook/",
            "ZHUCAN_REDIS_URL": "redis://127.0.0.1:6379/0",
        }
    )
    assert settings.secret == "older-name" and settings.path == "/hook"
    assert settings.redis_url == "redis://127.0.0.1:6379/0" and settings.db is None
    with pytest.raises(DomainError):
        ServeSettings.from_env(
            {
                "ZHUCAN_TELEGRAM_TOKEN": "1:a",
                "ZHUCAN_WEBHOOK_SECRET": "x",
                "ZHUCAN_WEB_SECRET": "short",
            }
        )


def test_every_worker_of_one_server_tells_the_same_demo_time(
    db_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """With ``--now`` the serve parent notes when that moment was; a worker that builds its
    clock later (uvicorn replaced one that died) runs on from there, not from ``--now`` again."""
    import time

    import uvicorn

    from bot.serve.main import running_clock
    from bot.serve.settings import NOW_SINCE
    from menus.clock import parse_now

    for name, value in {"ZHUCAN_TELEGRAM_TOKEN": "1:a", "ZHUCAN_WEBHOOK_SECRET": "x"}.items():
        monkeypatch.setenv(name, value)
    monkeypatch.delenv(NOW_SINCE, raising=False)
    monkeypatch.delenv("ZHUCAN_NOW", raising=False)
    monkeypatch.delenv("ZHUCAN_DB", raising=False)  # serve sets these for its workers
    monkeypatch.setattr(uvicorn, "run", lambda *args, **kwargs: None)
    out, err = io.StringIO(), io.StringIO()
    assert run(["serve", "--db", db_url, "--now", "2026-12-01T08:00"], out=out, err=err) == 0
    since = os.environ[NOW_SINCE]
    assert abs(float(since) - time.time()) < 60
    ten_minutes_later = str(float(since) - 600)  # as if this worker started 10 minutes on
    clock = running_clock("2026-12-01T08:00", ten_minutes_later)
    assert clock is not None
    start = parse_now("2026-12-01T08:00")
    assert timedelta(minutes=9, seconds=59) < clock() - start < timedelta(minutes=10, seconds=30)
    fresh = running_clock("2026-12-01T08:00", "")  # without it: from this process's start
    assert fresh is not None and fresh() - start < timedelta(seconds=30)
    assert running_clock("", since) is None  # no ZHUCAN_NOW: the real time
