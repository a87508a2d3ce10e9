"""``/healthz`` (the process answers) and ``/readyz`` (the database answers at the schema's
head): a load balancer sends updates only to workers that can store them, and a worker started
against a database that was not migrated says so instead of failing turn after turn."""

from __future__ import annotations

import asyncio

from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Engine
from starlette.requests import Request
from starlette.responses import JSONResponse, Response

from menus.db import alembic_config

READY_TIMEOUT_S = 3.0


def schema_head(url: str) -> str | None:
    """The newest migration the code knows (what a ready database is at)."""
    return ScriptDirectory.from_config(alembic_config(url)).get_current_head()


async def healthz(request: Request) -> Response:
    """The process is alive and its event loop answers."""
    return JSONResponse({"status": "ok"})


class Readiness:
    """``/readyz``: 200 when one query reaches the database and its schema is at ``head``."""

    def __init__(self, engine: Engine, head: str | None) -> None:
        self.engine = engine
        self.head = head

    def _revision(self) -> str | None:
        with self.engine.connect() as connection:
            return MigrationContext.configure(connection).get_current_revision()

    async def endpoint(self, request: Request) -> Response:
        try:
            revision = await asyncio.wait_for(asyncio.to_thread(self._revision), READY_TIMEOUT_S)
        except Exception as exc:  # unreachable, refused, timed out: not ready, said by its kind
            return JSONResponse(
                {"status": "unavailable", "database": type(exc).__name__}, status_code=503
            )
        if revision != self.head:
            body = {"status": "unavailable", "schema": revision, "head": self.head}
            return JSONResponse(body, status_code=503)
        return JSONResponse({"status": "ok", "schema": revision})
