"""The ASGI application of ``zhucan serve``: webhook, health, and the console, on one server.

Why one app: a region runs one kind of process behind its load balancer; Telegram, the
monitoring and canteen staff all reach it on one port. The PTB application is initialised and
shut down with the server (Starlette's lifespan), as in PTB's custom-webhook example.
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import Any

from sqlalchemy import Engine
from starlette.applications import Starlette
from starlette.routing import BaseRoute, Mount, Route
from telegram.ext import Application

from bot.serve.health import Readiness, healthz
from bot.serve.webhook import Observer, Webhook


def create_serve_app(
    application: Application[Any, Any, Any, Any, Any, Any],
    engine: Engine,
    *,
    secret: str,
    path: str,
    head: str | None,
    console: Starlette | None = None,
    observe: Observer | None = None,
    extra_routes: list[BaseRoute] | None = None,
) -> Starlette:
    """Telegram posts to ``path``; ``/healthz`` and ``/readyz`` for the load balancer;
    ``extra_routes`` (``/metrics``); the console (if given) under everything else."""
    routes: list[BaseRoute] = [
        Route(path, Webhook(application, secret, observe).endpoint, methods=["POST"]),
        Route("/healthz", healthz, methods=["GET"]),
        Route("/readyz", Readiness(engine, head).endpoint, methods=["GET"]),
        *(extra_routes or []),
    ]
    if console is not None:
        routes.append(Mount("/", app=console))

    @asynccontextmanager
    async def lifespan(app: Starlette) -> AsyncIterator[None]:
        async with application:  # initialize (getMe), then shutdown
            yield

    return Starlette(routes=routes, lifespan=lifespan)
