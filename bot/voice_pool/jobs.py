"""One queued voice note: what the ASR worker needs to hear it and answer, and nothing personal.

Why so little: the job sits in Redis until a worker takes it. It carries ids (the update's turn
id, the chat, the person, Telegram's file id) and the moment the note arrived, never the audio
(Telegram keeps it; the worker downloads it) and never a name, phone or transcript.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass
from datetime import datetime
from typing import Any


@dataclass(frozen=True)
class VoiceJob:
    """A voice note to hear: ``turn_id`` (``tg-<update_id>``) makes a replay harmless;
    ``arrived`` is the turn's "now" (a note said before the cut-off counts as said then)."""

    turn_id: str
    chat_id: int
    person_id: int
    lang: str
    file_id: str
    file_size: int | None
    arrived: datetime

    def to_message(self) -> dict[str, Any]:
        """The job as the JSON a queue message carries."""
        fields = asdict(self)
        fields["arrived"] = self.arrived.isoformat()
        return fields

    @classmethod
    def from_message(cls, fields: dict[str, Any]) -> VoiceJob:
        """The job back from a queue message (``to_message``'s inverse)."""
        size = fields.get("file_size")
        return cls(
            turn_id=str(fields["turn_id"]),
            chat_id=int(fields["chat_id"]),
            person_id=int(fields["person_id"]),
            lang=str(fields["lang"]),
            file_id=str(fields["file_id"]),
            file_size=int(size) if size is not None else None,
            arrived=datetime.fromisoformat(str(fields["arrived"])),
        )
