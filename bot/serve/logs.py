"""Structured logs: one JSON object a line, with no personal data.

Why JSON: a region's log pipeline (journald, Loki, Elasticsearch) indexes fields; a line such
as ``{"msg": "update handled", "update_id": 7, "kind": "text", "status": 200, "ms": 12.5}`` can
be counted and filtered without parsing prose. Only the fields named in ``FIELDS`` are taken
from a record's extras: ids, kinds, codes and timings, never texts, names, phones or addresses
(what PTB and httpx would log of those is cut by ``bot.telegram.app.quiet_personal_logs``).
"""

from __future__ import annotations

import json
import logging
from datetime import UTC, datetime
from typing import Any

FIELDS = ("update_id", "kind", "status", "ms", "error", "worker")

CONFIG: dict[str, Any] = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {"json": {"()": "bot.serve.logs.JsonFormatter"}},
    "handlers": {
        "stderr": {
            "class": "logging.StreamHandler",
            "formatter": "json",
            "stream": "ext://sys.stderr",
        }
    },
    "root": {"handlers": ["stderr"], "level": "INFO"},
    "loggers": {
        "uvicorn": {"handlers": [], "level": "INFO", "propagate": True},
        "uvicorn.error": {"handlers": [], "level": "INFO", "propagate": True},
        "uvicorn.access": {"handlers": [], "level": "WARNING", "propagate": True},
        "alembic": {"level": "WARNING"},
    },
}
"""``logging.config.dictConfig`` for ``zhucan serve`` (uvicorn applies it in every worker)."""


class JsonFormatter(logging.Formatter):
    """A record as one JSON line: time (UTC), level, logger, message, allowed extras."""

    def format(self, record: logging.LogRecord) -> str:
        line: dict[str, Any] = {
            "ts": datetime.fromtimestamp(record.created, UTC).isoformat(timespec="milliseconds"),
            "level": record.levelname.lower(),
            "logger": record.name,
            "msg": record.getMessage(),
            "pid": record.process,
        }
        for name in FIELDS:
            value = getattr(record, name, None)
            if value is not None:
                line[name] = value
        if record.exc_info and record.exc_info[0] is not None:
            line["exception"] = record.exc_info[0].__name__
            line["traceback"] = self.formatException(record.exc_info)
        return json.dumps(line, ensure_ascii=False)
