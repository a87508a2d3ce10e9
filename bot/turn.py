"""A turn of the dialogue and its reply: what every part of the dialogue passes around."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

from menus.clock import local_today
from menus.vocab import Actor


@dataclass
class Reply:
    """What to say, and the choices to offer: as buttons under this message when ``inline``
    (answers to this one question), else as the keyboard (or numbers in the terminal)."""

    text: str
    choices: list[str] = field(default_factory=list)
    inline: bool = False
    ask_contact: bool = False


@dataclass
class Turn:
    """One utterance being handled: who speaks, for which elder, in which language, and the
    state that will be stored with the reply."""

    person_id: int
    kind: str
    state: dict[str, Any]
    now: datetime
    elder_id: int = 0

    @property
    def lang(self) -> str:
        return str(self.state.get("lang") or "zh")

    @property
    def today(self) -> date:
        return local_today(self.now)

    @property
    def actor(self) -> Actor:
        return Actor.FAMILY if self.kind == "family" else Actor.SELF
