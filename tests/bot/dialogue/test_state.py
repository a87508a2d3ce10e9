"""The conversation state: typed, versioned, and rows written before the version are read."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy.orm import Session, sessionmaker

from bot.dialogue import Dialogue
from bot.dialogue.state import Awaiting, ConversationState, Draft
from bot.turn import Reply
from menus.db import unit_of_work
from menus.models import Conversation
from menus.orders import list_orders
from menus.people import find_elder
from menus.vocab import Fulfillment, MealSlot
from tests.conftest import BEFORE_LUNCH

OLD_ROW = {  # as the dialogue stored it before the state had a version
    "lang": "zh",
    "awaiting": "confirm",
    "draft": {
        "dishes": [["红烧肉", 2], ["米饭", 1]],
        "date": "2026-12-01",
        "meal": "lunch",
        "fulfillment": "pickup",
        "key": "dialogue-1-abc",
    },
    "for": 7,
    "last": {"text": "要订吗？", "choices": ["要", "不要"], "inline": True, "ask_contact": False},
    "turns": {"42": {"text": "要订吗？", "choices": [], "inline": False, "ask_contact": False}},
    "at": "2026-12-01T08:00:00+08:00",
    "misses": 1,
}


def test_an_unversioned_row_is_read_with_every_part() -> None:
    state = ConversationState.from_json(OLD_ROW)
    assert state.awaiting is Awaiting.CONFIRM
    assert state.draft == Draft(
        lines={"红烧肉": 2, "米饭": 1},
        day=date(2026, 12, 1),
        meal=MealSlot.LUNCH,
        fulfillment=Fulfillment.PICKUP,
        key="dialogue-1-abc",
    )
    assert state.for_elder == 7 and state.misses == 1
    assert state.last == Reply("要订吗？", ["要", "不要"], inline=True)
    assert state.replayed("42") == Reply("要订吗？")
    assert state.at == datetime.fromisoformat("2026-12-01T08:00:00+08:00")


def test_the_stored_form_has_a_version_and_reads_back_the_same() -> None:
    state = ConversationState.from_json(OLD_ROW)
    stored = state.to_json()
    assert stored["version"] == 2
    assert ConversationState.from_json(stored) == state


def test_what_is_not_understood_in_a_row_is_dropped_not_fatal() -> None:
    state = ConversationState.from_json({"awaiting": "a question from the future", "x": 1})
    assert state.awaiting is None and state.draft is None and state.lang == "zh"


def test_a_yes_to_a_read_back_stored_before_the_upgrade_places_that_order(
    shop: sessionmaker[Session],
) -> None:
    """An elder mid-order while the bot was upgraded: her yes still places what she heard."""
    with unit_of_work(shop) as session:
        elder_id = find_elder(session, "刘德福").id
        row = dict(OLD_ROW, **{"for": None, "turns": {}})
        session.add(Conversation(person_id=elder_id, state=row, updated_at=BEFORE_LUNCH))
    reply = Dialogue(shop).handle(elder_id, "要", BEFORE_LUNCH)
    assert "订好了" in reply.text
    with shop() as session:
        (order,) = list_orders(session, elder_id=elder_id)
        assert sorted((i.dish_name, i.qty) for i in order.items) == [("米饭", 1), ("红烧肉", 2)]
        assert (order.meal, order.fulfillment) == ("lunch", "pickup")


def test_expected_answers_are_the_last_replys_choices(shop: sessionmaker[Session]) -> None:
    """What voice asks instead of reading the stored state."""
    dialogue = Dialogue(shop)
    with shop() as session:
        elder_id = find_elder(session, "刘德福").id
    assert dialogue.expected_answers(elder_id) == []
    dialogue.handle(elder_id, "中午一份红烧肉", BEFORE_LUNCH)
    assert dialogue.awaiting(elder_id) is Awaiting.FULFILLMENT
    assert dialogue.expected_answers(elder_id) == ["送到家", "自己去拿", "在食堂吃"]


def test_too_many_portions_offers_what_is_left_and_keeps_the_rest(
    shop: sessionmaker[Session],
) -> None:
    """手把肉 has three portions at lunch: asking for five hears of three, rice stays."""
    dialogue = Dialogue(shop)
    with shop() as session:
        elder_id = find_elder(session, "刘德福").id
    reply = dialogue.handle(elder_id, "中午五份手把肉一份米饭，自己去拿", BEFORE_LUNCH)
    assert "只剩三份" in reply.text or "只剩3份" in reply.text, reply.text
    assert "手把肉三份" in reply.text and "米饭一份" in reply.text and "要订吗" in reply.text
    assert "订好了" in dialogue.handle(elder_id, "要", BEFORE_LUNCH).text
    with shop() as session:
        (order,) = list_orders(session, elder_id=elder_id)
        assert sorted((i.dish_name, i.qty) for i in order.items) == [("手把肉", 3), ("米饭", 1)]
