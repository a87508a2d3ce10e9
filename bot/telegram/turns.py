"""What the channel needs from the dialogue (``bot.dialogue.Dialogue`` satisfies it).

Why a protocol: the channel depends on the agreed contract only (turn ids, files, family codes,
replies with inline choices and the contact button), so the bench and tests may hand it any
engine that keeps the contract, and the dialogue may change behind it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import Protocol


@dataclass
class Answer:
    """A reply as the channel shows it (the fields of the contract's ``Reply``)."""

    text: str
    choices: list[str] = field(default_factory=list)
    inline: bool = False
    ask_contact: bool = False


class AnswerLike(Protocol):
    """Anything shaped like the contract's ``Reply``."""

    @property
    def text(self) -> str: ...
    @property
    def choices(self) -> list[str]: ...
    @property
    def inline(self) -> bool: ...
    @property
    def ask_contact(self) -> bool: ...


class Turns(Protocol):
    """The dialogue as the channel uses it; a repeated ``turn_id`` returns the stored reply."""

    def handle(
        self, person_id: int, text: str, now: datetime, *, turn_id: str | None = None
    ) -> AnswerLike: ...

    def handle_file(
        self,
        person_id: int,
        filename: str,
        data: bytes,
        now: datetime,
        *,
        turn_id: str | None = None,
    ) -> AnswerLike: ...

    def link_family(
        self, family_id: int, code: str, relation: str, now: datetime, *, turn_id: str | None = None
    ) -> AnswerLike: ...
