"""The region dashboard's figures: meals served (completed orders, as the monthly report counts
them) today and this month, today's orders, complaints not yet answered, and the month's
complaints, response times and ratings."""

from __future__ import annotations

from datetime import date, datetime, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from menus.db import unit_of_work
from menus.feedback import answer, record
from menus.menu_store import get_canteen, import_menu_file
from menus.menufile import parse_menu_bytes
from menus.models import Feedback, Person
from menus.orders import set_status
from menus.supervision import (
    FeedbackFigures,
    feedback_figures,
    in_region,
    mean_rating,
    median_response,
    region_canteens,
    region_figures,
)
from menus.vocab import Actor, OrderStatus
from tests.conftest import BEFORE_LUNCH
from tests.menus.helpers import LUNCH_DAY, place

NOW = BEFORE_LUNCH
ELSEWHERE = """
canteen: {code: far, name: 远处食堂, region: "150203", modes: [pickup]}
dishes: [{name: rice, price: 1}]
menus: []
""".encode()


def test_figures_of_a_region(shop: sessionmaker[Session]) -> None:
    served = place(shop, NOW, "王秀兰")
    place(shop, NOW, "刘德福")
    cancelled = place(shop, NOW, "赵桂芝")
    with unit_of_work(shop) as session:
        import_menu_file(session, parse_menu_bytes(ELSEWHERE, "far.yaml"), "far.yaml")
        for step in (OrderStatus.PREPARING, OrderStatus.READY, OrderStatus.COMPLETED):
            set_status(session, served.id, step, NOW, actor=Actor.SYSTEM)
        set_status(
            session, cancelled.id, OrderStatus.CANCELLED, NOW, actor=Actor.SYSTEM, reason="x"
        )
        canteen = get_canteen(session, "test")
        elder = session.scalar(select(Person.id).where(Person.name == "王秀兰"))
        assert elder is not None
        for text in ("太咸", "太凉"):
            row = record(
                session,
                canteen_id=canteen.id,
                elder_id=elder,
                author_id=elder,
                kind="complaint",
                text=text,
                now=NOW,
            )
        record(
            session,
            canteen_id=canteen.id,
            elder_id=elder,
            author_id=elder,
            kind="praise",
            text="好吃",
            now=NOW,
        )
        staff = session.scalar(select(Person.id).where(Person.name == "张建国"))
        assert staff is not None
        answer(session, row.id, staff, "下次少放盐", NOW)
    with shop() as session:
        (figures,) = region_figures(session, "1501", LUNCH_DAY)
        assert (figures.code, figures.orders_today, figures.served_today) == ("test", 2, 1)
        assert (figures.served_month, figures.complaints_open) == (1, 1)
        later = region_figures(session, "1501", LUNCH_DAY + timedelta(days=3))[0]
        assert (later.orders_today, later.served_today, later.served_month) == (0, 0, 1)
        assert [c.code for c in region_canteens(session, "15")] == ["far", "test"]
        assert region_figures(session, "1502", LUNCH_DAY)[0].served_month == 0
        assert region_canteens(session, "") == []


def test_in_region() -> None:
    assert in_region("150102", "1501") and in_region("150102", "150102")
    assert not in_region("150203", "1501") and not in_region("150102", "")


def _said(
    session: Session,
    canteen_id: int,
    elder: int,
    kind: str,
    at: datetime,
    rating: int | None = None,
) -> int:
    row = record(
        session,
        canteen_id=canteen_id,
        elder_id=elder,
        author_id=elder,
        kind=kind,
        text="",
        now=at,
        rating=rating,
    )
    return row.id


def test_complaints_response_times_and_satisfaction_of_the_month(
    shop: sessionmaker[Session],
) -> None:
    """This month's complaints, those open (an older one too), the median from complaint to
    answer over the month's answered ones, and the mean rating; nothing for a quiet canteen."""
    with unit_of_work(shop) as session:
        import_menu_file(session, parse_menu_bytes(ELSEWHERE, "far.yaml"), "far.yaml")
        test = get_canteen(session, "test").id
        far = get_canteen(session, "far").id
        elder = session.scalar(select(Person.id).where(Person.name == "王秀兰"))
        staff = session.scalar(select(Person.id).where(Person.name == "张建国"))
        assert elder is not None and staff is not None
        last_month = _said(session, test, elder, "complaint", NOW - timedelta(days=3))
        answered = {
            _said(session, test, elder, "complaint", NOW): timedelta(hours=1),
            _said(session, test, elder, "complaint", NOW + timedelta(hours=1)): timedelta(hours=3),
            _said(session, test, elder, "complaint", NOW + timedelta(hours=2)): timedelta(hours=8),
        }
        _said(session, test, elder, "complaint", NOW + timedelta(hours=3))  # still open
        for feedback_id, took in answered.items():
            made = session.get_one(Feedback, feedback_id).created_at
            answer(session, feedback_id, staff, "好的", made + took)
        for stars in (5, 4, 4):
            _said(session, test, elder, "rating", NOW, stars)
        _said(session, test, elder, "rating", NOW - timedelta(days=3), 1)  # November
        _said(session, test, elder, "praise", NOW)
    with shop() as session:
        figures = feedback_figures(session, [test, far], LUNCH_DAY)
        (dashboard,) = region_figures(session, "1501", LUNCH_DAY)
        november = feedback_figures(session, [test], date(2026, 11, 1))[test]
    assert figures[test] == FeedbackFigures(
        complaints=4,
        open=2,
        answered=3,
        median_response=timedelta(hours=3),
        ratings=3,
        rating=4.3,
    )
    assert figures[far] == FeedbackFigures()
    assert dashboard.feedback == figures[test] and dashboard.complaints_open == 2
    assert (november.complaints, november.open, november.rating) == (1, 2, 1.0)
    assert last_month not in answered


def test_medians_and_means() -> None:
    hours = [timedelta(hours=h) for h in (1, 3)]
    assert median_response(hours) == timedelta(hours=2)
    assert median_response([*hours, timedelta(days=2)]) == timedelta(hours=3)
    assert median_response([]) is None
    assert mean_rating([5, 4, 4]) == 4.3 and mean_rating([]) is None
