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


DEFAULT_SPEECH_RATE, MIN_SPEECH_RATE, MAX_SPEECH_RATE = 130, 80, 260
"""Words a minute (as ``voice.tts`` speaks them: 130 for older listeners, 80 to 260 heard)."""
RATE_STEP = 20
DEFAULT_VOLUME, MAX_VOLUME, VOLUME_STEP = 100, 250, 50
"""Loudness in percent of the voice's own (说大声点 adds a step)."""


def change_speech(session: Session, person_id: int, wish: str, now: datetime) -> PersonSettings:
    """说慢点 / 说快点 / 大声点: the person's speech rate or loudness moved one step, kept
    within what stays intelligible (a pure rule on the stored numbers)."""
    row = settings_of(session, person_id, now)
    rate = row.speech_rate or DEFAULT_SPEECH_RATE
    if wish in ("slower", "faster"):
        step = -RATE_STEP if wish == "slower" else RATE_STEP
        row.speech_rate = max(MIN_SPEECH_RATE, min(MAX_SPEECH_RATE, rate + step))
    elif wish == "louder":
        row.speech_volume = min(MAX_VOLUME, (row.speech_volume or DEFAULT_VOLUME) + VOLUME_STEP)
    else:
        raise ValueError(f"not a speech wish: {wish}")
    row.updated_at = now
    return row


def set_voice_replies(session: Session, person_id: int, on: bool, now: datetime) -> None:
    """Whether replies also come as speech."""
    row = settings_of(session, person_id, now)
    row.voice_replies = on
    row.updated_at = now
