"""What the channel needs from the dialogue (``bot.dialogue.Dialogue`` satisfies it).

Why a protocol: the channel depends on the agreed contract only (turn ids, files, family codes,
and ``bot.turn.Reply``, the one reply type of every channel), so the bench and tests may hand it
any engine that keeps the contract, and the dialogue may change behind it.
"""

from __future__ import annotations

from datetime import datetime
from typing import Protocol

from bot.turn import Reply


class Turns(Protocol):
    """The dialogue as the channel uses it; a repeated ``turn_id`` returns the stored reply."""

    def handle(
        self, person_id: int, text: str, now: datetime, *, turn_id: str | None = None
    ) -> Reply: ...

    def handle_file(
        self,
        person_id: int,
        filename: str,
        data: bytes,
        now: datetime,
        *,
        turn_id: str | None = None,
    ) -> Reply: ...

    def link_family(
        self, family_id: int, code: str, relation: str, now: datetime, *, turn_id: str | None = None
    ) -> Reply: ...
