"""The one reply type (``bot.turn.Reply``): every reply of the dialogue carries the language it
is in, after the turn, so a channel sees a language switch in the reply itself."""

from __future__ import annotations

from sqlalchemy.orm import Session, sessionmaker

from bot.dialogue import Dialogue
from bot.turn import Reply
from menus.people import find_elder
from tests.conftest import BEFORE_LUNCH


def test_every_reply_says_its_language(shop: sessionmaker[Session]) -> None:
    """Chinese first; a switch is in the switch's own reply; a replayed turn keeps it."""
    with shop() as session:
        elder = find_elder(session, "刘德福").id
    dialogue = Dialogue(shop)
    assert dialogue.handle(elder, "今天有什么菜", BEFORE_LUNCH).lang == "zh"
    switched = dialogue.handle(elder, "ᠮᠣᠩᠭᠣᠯ", BEFORE_LUNCH, turn_id="t-1")
    assert switched.lang == "mn"
    assert dialogue.handle(elder, "ᠮᠣᠩᠭᠣᠯ", BEFORE_LUNCH, turn_id="t-1") == switched
    assert dialogue.handle(elder, "中文", BEFORE_LUNCH).lang == "zh"


def test_a_reply_made_elsewhere_need_not_say_its_language() -> None:
    """Telegram's own notes and the scheduler's messages may leave it out."""
    assert Reply("好的。").lang is None
