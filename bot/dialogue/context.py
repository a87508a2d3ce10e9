"""One turn being handled: who speaks, for which elder, in which language, the state that will
be stored with the reply, and the store the handlers read through."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from bot.dialogue.state import ConversationState
from bot.dialogue.store import Store
from menus.clock import local_today
from menus.vocab import Actor


@dataclass
class Turn:
    """What every handler receives (with the ``Utterance``)."""

    store: Store
    person_id: int
    kind: str
    state: ConversationState
    now: datetime
    elder_id: int = 0
    placed: bool = False
    """Set when this turn placed an order (or a standing order): what comes next may start."""

    @property
    def lang(self) -> str:
        return self.state.lang

    @property
    def today(self) -> date:
        return local_today(self.now)

    @property
    def actor(self) -> Actor:
        if self.kind == "staff":
            return Actor.STAFF  # an elder's order taken on the phone
        return Actor.FAMILY if self.kind == "family" else Actor.SELF
