"""The application each worker process builds from the environment (uvicorn's factory).

Why a factory: ``uvicorn --workers N`` spawns fresh processes that import this module and call
``app_from_env``; nothing is handed over from the parent but the environment.
"""

from __future__ import annotations

import os
import time
from collections.abc import Callable
from datetime import datetime, timedelta

from starlette.applications import Starlette

from bot.serve.app import create_serve_app
from bot.serve.health import schema_head
from bot.serve.settings import NOW_SINCE, ServeSettings
from menus import db as store
from menus.clock import parse_now


def running_clock(now_text: str, since_text: str = "") -> Callable[[], datetime] | None:
    """With ``ZHUCAN_NOW`` a clock that starts there and runs on (demos, the benchmark); else
    None (the real time).

    It runs on from the moment ``since_text`` (``ZHUCAN_NOW_SINCE``) names, which ``zhucan
    serve`` sets once for all its workers: a worker started later (uvicorn replaces one that
    died) tells the same time as the others. Started from its own start, a replaced worker's
    clock went back to ``ZHUCAN_NOW`` (seen in ``bench/rush_faults.py``, which kills workers)."""
    if not now_text:
        return None
    start = parse_now(now_text)
    try:
        began = float(since_text) if since_text.strip() else time.time()
    except ValueError:
        began = time.time()
    return lambda: start + timedelta(seconds=time.time() - began)


def app_from_env() -> Starlette:
    """The whole serving app of one worker: store, Telegram application, console."""
    from bot.telegram.app import build_application

    settings = ServeSettings.from_env()
    url = store.normalise_url(settings.db or store.default_url())
    engine = store.open_engine(url)
    factory = store.session_factory(engine)
    clock = running_clock(settings.now, os.environ.get(NOW_SINCE, ""))
    api = settings.api_url
    queue = None
    if settings.voice_queue:  # voice notes go to the ASR pool (zhucan voice worker)
        from bot.voice_pool.queue import VoiceQueue

        queue = VoiceQueue.from_url(settings.redis_url, busy_at=settings.voice_busy_at)
    application = build_application(
        settings.token,
        factory,
        base_url=f"{api}/bot" if api else None,
        base_file_url=f"{api}/file/bot" if api else None,
        now=clock,
        scheduler_settings=None,  # the scheduler is a process of its own (zhucan scheduler run)
        remember=False,  # stateless: every worker asks the store
        voice_queue=queue,
    )
    console = None
    if settings.web_secret:  # the same key in every worker, so a sign-in holds across them
        from bot.web.app import create_app

        secure = os.environ.get("ZHUCAN_WEB_SECURE", "") in {"1", "true", "yes"}
        console = create_app(
            factory, secret_key=settings.web_secret, clock=clock, secure_cookies=secure
        )
    return create_serve_app(
        application,
        factory,
        secret=settings.secret,
        path=settings.path,
        head=schema_head(url),
        clock=clock,
        console=console,
        voice_queue=queue,
    )
