"""``zhucan serve``'s refusals: one message and exit status 2, before any worker starts."""

from __future__ import annotations

import io

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
