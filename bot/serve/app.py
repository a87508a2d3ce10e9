"""The ASGI application of ``zhucan serve``: webhook, health, metrics and the console, on one
server.

Why one app: a region runs one kind of process behind its load balancer; Telegram, the
monitoring and canteen staff all reach it on one port. The PTB application is initialised and
shut down with the server (Starlette's lifespan), as in PTB's custom-webhook example.
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager
from datetime import datetime
from typing import Any

from sqlalchemy import Engine
from sqlalchemy.orm import Session, sessionmaker
from starlette.applications import Starlette
from starlette.routing import BaseRoute, Mount, Route
from telegram.ext import Application

from bot.serve.health import Readiness, healthz
from bot.serve.metrics import MetricsEndpoint, observe
from bot.serve.webhook import Webhook
from bot.voice_pool.queue import VoiceQueue
from menus.clock import TZ


def create_serve_app(
    application: Application[Any, Any, Any, Any, Any, Any],
    factory: sessionmaker[Session],
    *,
    secret: str,
    path: str,
    head: str | None,
    clock: Callable[[], datetime] | None = None,
    console: Starlette | None = None,
    voice_queue: VoiceQueue | None = None,
) -> Starlette:
    """Telegram posts to ``path``; ``/healthz`` and ``/readyz`` for the load balancer,
    ``/metrics`` for Prometheus (with the voice queue's depth when voice notes are queued);
    the console (if given) under everything else."""
    engine = factory.kw["bind"]
    assert isinstance(engine, Engine), "the store's sessions are bound to an engine"
    metrics = MetricsEndpoint(factory, clock or (lambda: datetime.now(TZ)), voice_queue)
    routes: list[BaseRoute] = [
        Route(path, Webhook(application, secret, observe).endpoint, methods=["POST"]),
        Route("/healthz", healthz, methods=["GET"]),
        Route("/readyz", Readiness(engine, head).endpoint, methods=["GET"]),
        Route("/metrics", metrics.endpoint, methods=["GET"]),
    ]
    if console is not None:
        routes.append(Mount("/", app=console))

    @asynccontextmanager
    async def lifespan(app: Starlette) -> AsyncIterator[None]:
        async with application:  # initialize (getMe), then shutdown
            yield

    return Starlette(routes=routes, lifespan=lifespan)
