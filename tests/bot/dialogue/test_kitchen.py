"""今天后厨怎么样: a family member or elder hears the day's food-safety records of the elder's
canteen in one sentence, as the kitchen recorded them; a complaint about the kitchen is still
a complaint, and nothing is ordered by asking."""

from __future__ import annotations

from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from bot.dialogue import Dialogue
from menus.db import unit_of_work
from menus.food_safety import NewSample, record_sample
from menus.models import Canteen, Person
from menus.orders import list_orders
from tests.conftest import BEFORE_LUNCH


def _ids(shop: sessionmaker[Session]) -> dict[str, int]:
    with shop() as session:
        return {p.name: p.id for p in session.scalars(select(Person))}


def test_family_hears_the_kitchens_day_in_one_sentence(shop: sessionmaker[Session]) -> None:
    ids, dialogue = _ids(shop), Dialogue(shop)
    before = dialogue.handle(ids["李娜"], "今天后厨怎么样？", BEFORE_LUNCH).text
    assert "午饭还没有留样" in before, before
    with unit_of_work(shop) as session:
        canteen = session.scalar(select(Canteen).where(Canteen.code == "test"))
        assert canteen is not None
        sample = NewSample(date(2026, 12, 1), "lunch", "红烧肉", "150", "07:30")
        record_sample(session, canteen, sample, ids["张建国"], BEFORE_LUNCH)
    after = dialogue.handle(ids["李娜"], "今天留样了吗", BEFORE_LUNCH).text
    assert "午饭留样1个菜" in after, after
    with shop() as session:
        assert list_orders(session, elder_id=ids["王秀兰"]) == []


def test_a_complaint_about_the_kitchen_is_not_answered_with_its_records(
    shop: sessionmaker[Session],
) -> None:
    ids, dialogue = _ids(shop), Dialogue(shop)
    reply = dialogue.handle(ids["王秀兰"], "厨房做的红烧肉太咸了", BEFORE_LUNCH).text
    assert "留样" not in reply, reply
