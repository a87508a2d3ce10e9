"""What the channel needs from the dialogue, and an adapter for today's ``bot.dialogue``.

Why a protocol: the dialogue is being extended on ``main`` (turn ids, files, inline choices,
the contact button). The channel codes against the agreed contract only; ``LegacyTurns`` fills
the gaps of the current engine until the merge, then ``Dialogue`` itself satisfies ``Turns``.
"""

from __future__ import annotations

from collections import OrderedDict
from dataclasses import dataclass, field
from datetime import datetime
from typing import Protocol

from bot.dialogue import Dialogue
from bot.telegram.texts import say
from menus.models import Person


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


CONFIRM = {"要", "不要"}
"""Choices that answer one yes/no question: inline buttons under that question."""
REMEMBERED = 4096


class LegacyTurns:
    """``Turns`` over the current ``Dialogue`` (no turn ids, no files, text and choices only).

    INTEGRATION POINT: remove once ``main``'s ``Dialogue`` takes ``turn_id`` and has
    ``handle_file``. Until then replies to recent turns are remembered in memory, which covers a
    retried update within one process; the store keeps orders single anyway (the draft's key).
    """

    def __init__(self, dialogue: Dialogue) -> None:
        self.dialogue = dialogue
        self._done: OrderedDict[str, Answer] = OrderedDict()

    def handle(
        self, person_id: int, text: str, now: datetime, *, turn_id: str | None = None
    ) -> Answer:
        """One turn, at most once per ``turn_id``."""
        if turn_id is not None and turn_id in self._done:
            return self._done[turn_id]
        reply = self.dialogue.handle(person_id, text, now)
        answer = Answer(reply.text, list(reply.choices), inline=set(reply.choices) == CONFIRM)
        if turn_id is not None:
            self._done[turn_id] = answer
            while len(self._done) > REMEMBERED:
                self._done.popitem(last=False)
        return answer

    def handle_file(
        self,
        person_id: int,
        filename: str,
        data: bytes,
        now: datetime,
        *,
        turn_id: str | None = None,
    ) -> Answer:
        """Acknowledge a file; publishing menus from files arrives with main's dialogue."""
        with self.dialogue.factory() as session:
            person = session.get(Person, person_id)
            lang = person.lang if person else "zh"
        return Answer(say("file_received", lang, filename=filename, size=len(data)))
