"""How a person wants to be spoken to, changed by saying so: a step at a time, within bounds."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from bot.dialogue import Dialogue
from menus.clock import TZ
from menus.db import unit_of_work
from menus.models import Person, PersonSettings
from menus.settings import (
    DEFAULT_SPEECH_RATE,
    MAX_VOLUME,
    MIN_SPEECH_RATE,
    RATE_STEP,
    change_speech,
)
from tests.conftest import BEFORE_LUNCH
from voice.tts import DEFAULT_RATE, MAX_RATE, MIN_RATE

NOW = datetime(2026, 12, 1, 8, 0, tzinfo=TZ)


def _person(shop: sessionmaker[Session], name: str) -> int:
    with shop() as session:
        found = session.scalar(select(Person.id).where(Person.name == name))
        assert found is not None
        return found


def test_the_store_and_the_voice_agree_on_rates() -> None:
    assert (DEFAULT_SPEECH_RATE, MIN_SPEECH_RATE) == (DEFAULT_RATE, MIN_RATE)
    from menus.settings import MAX_SPEECH_RATE

    assert MAX_SPEECH_RATE == MAX_RATE


def test_slower_and_louder_step_and_stop_at_their_bounds(shop: sessionmaker[Session]) -> None:
    wang = _person(shop, "王秀兰")
    with unit_of_work(shop) as session:
        row = change_speech(session, wang, "slower", NOW)
        assert row.speech_rate == DEFAULT_SPEECH_RATE - RATE_STEP
        for _ in range(20):
            change_speech(session, wang, "slower", NOW)
            change_speech(session, wang, "louder", NOW)
        assert (row.speech_rate, row.speech_volume) == (MIN_SPEECH_RATE, MAX_VOLUME)
        change_speech(session, wang, "faster", NOW)
        assert row.speech_rate == MIN_SPEECH_RATE + RATE_STEP


def test_saying_so_keeps_it_for_the_person_and_says_the_last_reply_again(
    shop: sessionmaker[Session],
) -> None:
    dialogue, liu = Dialogue(shop), _person(shop, "刘德福")
    asked = dialogue.handle(liu, "我要订餐", BEFORE_LUNCH).text
    slower = dialogue.handle(liu, "你说慢点儿", BEFORE_LUNCH).text
    assert slower == "好，我说慢一点。" + asked
    assert dialogue.handle(liu, "大点声", BEFORE_LUNCH).text.startswith("好，我大声一点。")
    with shop() as session:
        row = session.get(PersonSettings, liu)
        assert row is not None
        assert (row.speech_rate, row.speech_volume) == (DEFAULT_SPEECH_RATE - RATE_STEP, 150)
    order = dialogue.handle(liu, "快点送过来", BEFORE_LUNCH).text  # hurry, not speech
    assert not order.startswith("好，我说快一点")
