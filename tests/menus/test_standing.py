"""Standing orders: which days they cover, each day's meal placed once through the usual
rules, what cannot be placed returned with its reason, and a pause cancelling what is placed."""

from __future__ import annotations

from datetime import date, datetime, timedelta

from sqlalchemy.orm import Session, sessionmaker

from menus.clock import TZ
from menus.db import unit_of_work
from menus.orders import list_orders
from menus.people import find_elder
from menus.standing import Recurrence, active, create, pause_days, place_due, set_paused
from menus.vocab import Actor, Fulfillment, MealSlot
from tests.conftest import BEFORE_LUNCH

TUESDAY = date(2026, 12, 1)


def test_days_follow_weekdays_and_bounds() -> None:
    workdays = Recurrence((0, 1, 2, 3, 4), TUESDAY, None)
    assert workdays.days(TUESDAY, TUESDAY + timedelta(days=6)) == [
        date(2026, 12, d) for d in (1, 2, 3, 4, 7)
    ]
    this_week = Recurrence(tuple(range(7)), TUESDAY, date(2026, 12, 6))
    assert this_week.days(date(2026, 12, 5), date(2026, 12, 9)) == [
        date(2026, 12, 5),
        date(2026, 12, 6),
    ]


def _standing(shop: sessionmaker[Session], elder: str, lines: dict[str, int]) -> int:
    with unit_of_work(shop) as session:
        elder_id = find_elder(session, elder).id
        create(
            session,
            elder_id=elder_id,
            meal=MealSlot.LUNCH,
            fulfillment=Fulfillment.PICKUP,
            lines=lines,
            recurrence=Recurrence(tuple(range(7)), TUESDAY, None),
            placed_by_id=elder_id,
            placed_by_role=Actor.SELF,
            now=BEFORE_LUNCH,
        )
    return elder_id


def _lunches(shop: sessionmaker[Session], elder_id: int) -> list[tuple[date, str]]:
    with shop() as session:
        return sorted((o.date, o.status) for o in list_orders(session, elder_id=elder_id))


def test_each_open_meal_with_a_menu_is_placed_once(shop: sessionmaker[Session]) -> None:
    elder_id = _standing(shop, "刘德福", {"鸡蛋羹": 1})
    first = place_due(shop, BEFORE_LUNCH)
    again = place_due(shop, BEFORE_LUNCH + timedelta(minutes=5))
    placed = {(p.day, p.order is not None) for p in first}
    assert placed == {(TUESDAY, True), (date(2026, 12, 2), True)}
    assert again == []  # the key makes a second sweep harmless
    assert _lunches(shop, elder_id) == [(TUESDAY, "placed"), (date(2026, 12, 2), "placed")]


def test_what_cannot_be_placed_comes_back_with_why(shop: sessionmaker[Session]) -> None:
    _standing(shop, "刘德福", {"手把肉": 5})  # three portions a lunch
    (refused,) = [p for p in place_due(shop, BEFORE_LUNCH) if p.day == TUESDAY]
    assert refused.order is None and refused.refusal is not None
    assert refused.refusal.code == "sold_out"


def test_a_pause_cancels_what_was_placed_and_stops_the_rest(shop: sessionmaker[Session]) -> None:
    elder_id = _standing(shop, "刘德福", {"鸡蛋羹": 1})
    place_due(shop, BEFORE_LUNCH)
    with unit_of_work(shop) as session:
        assert set_paused(session, elder_id, True, BEFORE_LUNCH) == 1
    assert {s for _, s in _lunches(shop, elder_id)} == {"cancelled"}
    later = datetime(2026, 12, 2, 7, 0, tzinfo=TZ)
    assert place_due(shop, later) == []
    with unit_of_work(shop) as session:
        set_paused(session, elder_id, False, later)
    resumed = [p.day for p in place_due(shop, later) if p.order is not None]
    assert resumed == [date(2026, 12, 2)]  # placed again (the test menu ends that day)


def test_a_pause_for_some_days_skips_only_those_and_places_nothing_twice(
    shop: sessionmaker[Session],
) -> None:
    """礼拜三先停一天: that day's placed meal is cancelled, the others stay, and the part after
    starts past every day already placed (no day is placed twice)."""
    elder_id = _standing(shop, "刘德福", {"鸡蛋羹": 1})
    place_due(shop, BEFORE_LUNCH)  # Tuesday and Wednesday placed
    wednesday = date(2026, 12, 2)
    with unit_of_work(shop) as session:
        assert pause_days(session, elder_id, wednesday, wednesday, BEFORE_LUNCH) == 1
    assert _lunches(shop, elder_id) == [(TUESDAY, "placed"), (wednesday, "cancelled")]
    assert place_due(shop, BEFORE_LUNCH + timedelta(minutes=5)) == []
    with unit_of_work(shop) as session:
        rows = sorted(active(session, elder_id), key=lambda r: r.start_date)
        assert [(r.start_date, r.end_date) for r in rows] == [
            (TUESDAY, date(2026, 12, 1)),
            (date(2026, 12, 3), None),
        ]
