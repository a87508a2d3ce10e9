"""What each person chose for themselves: a daily ordering reminder, voice replies on or off,
a speech rate. Kept apart from the profile because people change them by talking."""

from __future__ import annotations

import re
from datetime import datetime

from sqlalchemy.orm import Session

from menus.errors import DomainError
from menus.models import PersonSettings

_HHMM = re.compile(r"^([01]\d|2[0-3]):([0-5]\d)$")


def settings_of(session: Session, person_id: int, now: datetime) -> PersonSettings:
    """The person's settings row, created with the defaults on first use."""
    row = session.get(PersonSettings, person_id)
    if row is None:
        row = PersonSettings(person_id=person_id, voice_replies=True, updated_at=now)
        session.add(row)
        session.flush()
    return row


def set_reminder(session: Session, person_id: int, at: str | None, now: datetime) -> None:
    """A daily reminder at ``at`` (HH:MM, local time), or none."""
    if at is not None and not _HHMM.match(at):
        raise DomainError("bad_time", text=at)
    row = settings_of(session, person_id, now)
    row.reminder_at = at
    row.updated_at = now


def set_voice_replies(session: Session, person_id: int, on: bool, now: datetime) -> None:
    """Whether replies also come as speech."""
    row = settings_of(session, person_id, now)
    row.voice_replies = on
    row.updated_at = now
