"""A sender process that dies in the middle of a sweep (run by ``test_sender``).

``python -m tests.scheduler.crash_sender DB LOG MARKER HANG_AT NOW``: sends due messages into
the file ``LOG``; at the ``HANG_AT``-th send it waits until the earlier ones are marked sent,
writes ``MARKER`` and hangs (so do the sends after it), holding its claims until the test kills
it with SIGKILL.
"""

from __future__ import annotations

import asyncio
import json
import sys
import time
from collections.abc import Sequence
from datetime import datetime
from pathlib import Path

from sqlalchemy import func, select

from menus.db import make_engine, session_factory
from menus.models import OutboxMessage
from scheduler.config import SchedulerSettings
from scheduler.sender import Sender


class HangingChannel:
    """Writes messages to a file until the ``hang_at``-th, then never returns."""

    def __init__(self, log: Path, marker: Path, hang_at: int, factory: object) -> None:
        self.log, self.marker, self.hang_at, self.factory = log, marker, hang_at, factory
        self.count = 0

    async def send(self, person_id: int, text: str, choices: Sequence[str]) -> None:
        self.count += 1
        if self.count >= self.hang_at:
            if self.count == self.hang_at:
                await asyncio.to_thread(self._wait_for_marks)
                self.marker.write_text("hanging")
            await asyncio.sleep(3600)
        with self.log.open("a", encoding="utf-8") as file:
            file.write(json.dumps({"person_id": person_id, "text": text}) + "\n")

    def _wait_for_marks(self) -> None:
        while True:
            with self.factory() as session:  # type: ignore[operator]
                sent = session.scalar(select(func.count()).where(OutboxMessage.status == "sent"))
            if sent >= self.hang_at - 1:
                return
            time.sleep(0.02)


def main() -> None:
    db, log, marker, hang_at, now = sys.argv[1:6]
    factory = session_factory(make_engine(db))
    settings = SchedulerSettings(global_rate=50, person_rate=50, lease_s=60)
    channel = HangingChannel(Path(log), Path(marker), int(hang_at), factory)
    sender = Sender(factory, channel, settings)
    asyncio.run(sender.sweep(datetime.fromisoformat(now)))


if __name__ == "__main__":
    main()
