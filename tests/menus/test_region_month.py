"""The region dashboard's month: meals served per day and per category, subsidy against the
budget, days missing 留样 or disinfection, and the canteens with no menu for tomorrow."""

from __future__ import annotations

from datetime import date, datetime, timedelta

import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from menus import food_safety as fs
from menus.clock import TZ
from menus.closures import close
from menus.db import unit_of_work
from menus.errors import DomainError
from menus.menu_store import get_canteen, import_menu_file
from menus.menufile import parse_menu_bytes
from menus.models import AuditEntry, Canteen, Person
from menus.orders import set_status
from menus.region_month import (
    Spending,
    category_rows,
    every_day,
    judged_days,
    missing_days,
    no_menu_for,
    region_month,
    set_budget,
)
from menus.supervision import region_canteens
from menus.vocab import Actor, OrderStatus
from tests.conftest import BEFORE_LUNCH
from tests.menus.helpers import place

D1, D2, D3, D4 = (date(2026, 12, d) for d in (1, 2, 3, 4))
EVENING = datetime(2026, 12, 2, 20, 0, tzinfo=TZ)
"""When the kitchen's records of the first two days are all written."""
ELSEWHERE = """
canteen: {code: near, name: 附近食堂, region: "150102", modes: [pickup]}
dishes: [{name: 面条, price: 8}]
menus: []
""".encode()


def test_every_day_of_the_month_so_far_has_a_count() -> None:
    assert every_day({D2: 4}, D1, D3) == [(D1, 0), (D2, 4), (D3, 0)]
    assert every_day({}, D1, D1) == [(D1, 0)]


def test_a_day_is_missing_when_any_meal_offered_lacks_its_record() -> None:
    offered = [(1, D1, "lunch"), (1, D1, "dinner"), (1, D2, "lunch"), (2, D1, "lunch")]
    kept = [(1, D1, "lunch"), (1, D2, "lunch"), (2, D1, "lunch"), (2, D3, "lunch")]
    assert missing_days(offered, kept) == {1: [D1]}
    assert missing_days(offered, []) == {1: [D1, D2], 2: [D1]}
    assert judged_days(offered) == {1: 2, 2: 1}


def test_categories_add_up_and_no_policy_is_none() -> None:
    rows = [("low_income", 3, 900), (None, 2, 0), ("over_80", 3, 600), ("low_income", 1, 300)]
    assert category_rows(rows) == [
        ("low_income", 4, 1200),
        ("over_80", 3, 600),
        ("none", 2, 0),
    ]


def test_spending_against_a_budget() -> None:
    assert Spending(5000, 10000).share == 0.5 and not Spending(5000, 10000).over
    assert Spending(12000, 10000).over
    assert Spending(100, None).share is None and not Spending(100, None).over
    assert Spending(0, 0).share is None  # a zero budget is no share, not a division by zero


def test_no_menu_for_tomorrow_leaves_a_closed_canteen_apart() -> None:
    a, b, c = (Canteen(id=i, code=code, name=code) for i, code in ((1, "a"), (2, "b"), (3, "c")))
    found = no_menu_for([a, b, c], {1}, {3: "停水"}, D2)
    assert found.missing == [b] and found.closed == [(c, "停水")]


def _served(factory: sessionmaker[Session], elder: str, day: date) -> None:
    order = place(factory, BEFORE_LUNCH, elder, day=day)
    with unit_of_work(factory) as session:
        for step in (OrderStatus.PREPARING, OrderStatus.READY, OrderStatus.COMPLETED):
            set_status(session, order.id, step, BEFORE_LUNCH, actor=Actor.SYSTEM)


def test_the_month_of_a_region(shop: sessionmaker[Session]) -> None:
    _served(shop, "王秀兰", D1)
    _served(shop, "刘德福", D1)
    _served(shop, "王秀兰", D2)
    place(shop, BEFORE_LUNCH, "赵桂芝")  # placed, not served: not counted
    with unit_of_work(shop) as session:
        import_menu_file(session, parse_menu_bytes(ELSEWHERE, "near.yaml"), "near.yaml")
        canteen = get_canteen(session, "test")
        cook = session.scalar(select(Person.id).where(Person.name == "王秀兰"))
        assert cook is not None
        sample = fs.NewSample(D1, "lunch", "红烧肉", "150", "11:40", None)
        fs.record_sample(session, canteen, sample, cook, EVENING)
        for day, meal in ((D1, "breakfast"), (D1, "lunch"), (D1, "dinner"), (D2, "lunch")):
            done = fs.NewDisinfection(day, meal, "steam", "07:00")
            fs.record_disinfection(session, canteen, done, cook, EVENING)
        near = get_canteen(session, "near")
        close(session, near, D4, None, "设备检修", None, BEFORE_LUNCH)
        set_budget(session, "test", 10_00, BEFORE_LUNCH)
    with shop() as session:
        month = region_month(session, region_canteens(session, "1501"), D3)
        test_id = get_canteen(session, "test").id
    assert month.per_day == [(D1, 2), (D2, 1), (D3, 0)]
    assert sum(n for _, n, _ in month.per_category) == 3
    spent = month.spending[test_id].spent_fen
    assert sum(fen for _, _, fen in month.per_category) == spent
    assert month.spending[test_id].budget_fen == 1000
    gaps = month.safety[test_id]
    assert gaps.judged == 2  # the days before today with a menu: 12-01 and 12-02
    assert gaps.no_sample == [D1, D2]  # 12-01's breakfast and dinner, 12-02's lunch
    assert gaps.no_disinfection == []
    assert [c.code for c in month.tomorrow.missing] == ["test"]
    assert [(c.code, why) for c, why in month.tomorrow.closed] == [("near", "设备检修")]


def test_the_first_of_the_month_judges_no_day_yet(shop: sessionmaker[Session]) -> None:
    with shop() as session:
        month = region_month(session, region_canteens(session, "1501"), D1)
        test_id = get_canteen(session, "test").id
    assert month.safety[test_id].judged == 0 and month.safety[test_id].no_sample == []
    assert month.tomorrow.missing == []  # 12-02 has a lunch menu


def test_a_budget_is_set_audited_and_refused_out_of_range(shop: sessionmaker[Session]) -> None:
    with unit_of_work(shop) as session:
        set_budget(session, "test", 3_000_000, BEFORE_LUNCH)
        set_budget(session, "test", None, BEFORE_LUNCH + timedelta(minutes=1))
    with shop() as session:
        assert get_canteen(session, "test").subsidy_budget_fen is None
        entries = list(session.scalars(select(AuditEntry).order_by(AuditEntry.id)))
    assert [(e.action, e.actor_name, e.detail) for e in entries[-2:]] == [
        ("canteen.budget", "系统管理员", {"before_fen": None, "after_fen": 3_000_000}),
        ("canteen.budget", "系统管理员", {"before_fen": 3_000_000, "after_fen": None}),
    ]
    for bad in (-1, 3_000_000_000):
        with unit_of_work(shop) as session, pytest.raises(DomainError):
            set_budget(session, "test", bad, BEFORE_LUNCH)
