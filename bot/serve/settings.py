"""The serving process's configuration, read from the environment.

Why the environment: ``zhucan serve --workers N`` starts N fresh worker processes (uvicorn
spawns them), and each builds its application from the same variables, so all of them are
configured alike without passing objects between processes.
"""

from __future__ import annotations

import os
import re
from collections.abc import Mapping
from dataclasses import dataclass

from menus.errors import DomainError

SECRET_SHAPE = re.compile(r"[A-Za-z0-9_-]{1,256}")
"""What Telegram accepts as a webhook's ``secret_token`` (setWebhook)."""
DEFAULT_PATH = "/telegram"
ON = {"1", "true", "yes", "on"}
NOW_SINCE = "ZHUCAN_NOW_SINCE"
"""When ``ZHUCAN_NOW`` was true (seconds since the epoch): ``zhucan serve`` sets it once, so
every worker's clock (``bot.serve.main.running_clock``) runs from the same moment."""


@dataclass(frozen=True)
class ServeSettings:
    """``ZHUCAN_DB``, ``ZHUCAN_TELEGRAM_TOKEN``, ``ZHUCAN_WEBHOOK_SECRET`` (or the older
    ``ZHUCAN_TELEGRAM_SECRET``), ``ZHUCAN_WEBHOOK_PATH``, ``ZHUCAN_TELEGRAM_API_URL``,
    ``ZHUCAN_REDIS_URL``, ``ZHUCAN_WEB_SECRET``, ``ZHUCAN_NOW``, and for voice notes on the ASR
    pool ``ZHUCAN_VOICE_QUEUE`` (1: on; needs Redis) and ``ZHUCAN_VOICE_BUSY_AT``."""

    db: str | None
    token: str
    secret: str
    path: str = DEFAULT_PATH
    api_url: str = ""
    redis_url: str = ""
    web_secret: str = ""
    now: str = ""
    voice_queue: bool = False
    voice_busy_at: int = 3

    @classmethod
    def from_env(cls, env: Mapping[str, str] | None = None) -> ServeSettings:
        """The settings, or one refusal (``DomainError``) naming what is missing or wrong."""
        env = os.environ if env is None else env
        token = env.get("ZHUCAN_TELEGRAM_TOKEN", "").strip()
        if not token:
            raise DomainError("bad_argument", detail="set ZHUCAN_TELEGRAM_TOKEN to the bot's token")
        secret = (env.get("ZHUCAN_WEBHOOK_SECRET") or env.get("ZHUCAN_TELEGRAM_SECRET", "")).strip()
        if not SECRET_SHAPE.fullmatch(secret):
            raise DomainError(
                "bad_argument",
                detail="set ZHUCAN_WEBHOOK_SECRET: 1-256 characters, A-Z a-z 0-9 _ -",
            )
        path = "/" + env.get("ZHUCAN_WEBHOOK_PATH", DEFAULT_PATH).strip().strip("/")
        if path == "/" or path in ("/healthz", "/readyz", "/metrics"):
            raise DomainError("bad_argument", detail=f"ZHUCAN_WEBHOOK_PATH cannot be {path}")
        web_secret = env.get("ZHUCAN_WEB_SECRET", "").strip()
        if web_secret and len(web_secret) < 16:
            raise DomainError("bad_argument", detail="ZHUCAN_WEB_SECRET 至少要 16 个字符")
        redis_url = env.get("ZHUCAN_REDIS_URL", "").strip()
        voice_queue = env.get("ZHUCAN_VOICE_QUEUE", "").strip().lower() in ON
        if voice_queue and not redis_url:
            raise DomainError("bad_argument", detail="ZHUCAN_VOICE_QUEUE needs ZHUCAN_REDIS_URL")
        busy_at = env.get("ZHUCAN_VOICE_BUSY_AT", "3").strip()
        if not busy_at.isdigit() or int(busy_at) > 10_000:
            raise DomainError("bad_argument", detail="ZHUCAN_VOICE_BUSY_AT: a whole number 0-10000")
        return cls(
            db=env.get("ZHUCAN_DB") or None,
            token=token,
            secret=secret,
            path=path,
            api_url=env.get("ZHUCAN_TELEGRAM_API_URL", "").strip().rstrip("/"),
            redis_url=redis_url,
            web_secret=web_secret,
            now=env.get("ZHUCAN_NOW", "").strip(),
            voice_queue=voice_queue,
            voice_busy_at=int(busy_at),
        )
