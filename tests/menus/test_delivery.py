"""The delivery list's walking order: the pure rules (``walking_order``, ``moved``, the stop's
key and community, a round's total) and the store (a move is kept per canteen, so the next
meal and the next day follow it; a new address goes last; a refused move writes nothing)."""

from __future__ import annotations

import threading
from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st
from sqlalchemy.orm import Session, sessionmaker

from menus.db import unit_of_work
from menus.delivery import (
    COMMUNITY_LIMIT,
    OTHER,
    DeliveryStop,
    address_key,
    community_of,
    meal_deliveries,
    move_community,
    move_stop,
    moved,
    parse_step,
    parse_stop,
    route_total,
    stop_key,
    walking_order,
    whole_route,
)
from menus.errors import DomainError
from menus.menu_store import get_canteen
from menus.models import Canteen, ElderProfile, RouteStop
from menus.orders import cancel_order
from menus.reports import kitchen_sheet, kitchen_text
from menus.vocab import Fulfillment, MealSlot
from tests.conftest import BEFORE_LUNCH
from tests.menus.helpers import LUNCH_DAY, place, row_counts

NEXT_DAY = date(2026, 12, 2)
D = Fulfillment.DELIVERY

# ------------------------------------------------------------------------ pure rules


def test_saved_stops_come_in_their_order_and_new_ones_last() -> None:
    assert walking_order(["c", "new", "a", "b"], ["a", "b", "c"]) == ["a", "b", "c", "new"]
    assert walking_order(["b", "x", "y"], ["a", "b"]) == ["b", "x", "y"]  # a: not today
    assert walking_order(["q", "p", "q"], []) == ["q", "p"]  # nothing kept: as given, once


def test_the_whole_route_keeps_what_is_not_on_todays_list() -> None:
    assert whole_route(["c", "new"], ["a", "b", "c"]) == ["a", "b", "c", "new"]
    assert whole_route(["a"], ["a", "a"]) == ["a"]


def test_a_move_passes_the_neighbour_shown_and_leaves_the_others() -> None:
    """``h`` is not on today's list: moving ``b`` up passes ``a`` (shown), not ``h``."""
    route, shown = ["a", "h", "b", "c"], ["c", "b", "a"]
    assert moved(route, shown, "b", -1) == ["b", "a", "h", "c"]
    assert moved(route, shown, "b", +1) == ["a", "h", "c", "b"]
    assert moved(route, shown, "a", +1) == ["h", "b", "a", "c"]


def test_the_first_cannot_go_up_nor_the_last_down() -> None:
    route = ["a", "b", "c"]
    assert moved(route, route, "a", -1) is None
    assert moved(route, route, "c", +1) is None
    assert moved(route, ["b"], "b", -1) is None  # alone on today's list
    assert moved(route, route, "b", 0) is None
    with pytest.raises(ValueError):
        moved(route, ["a", "z"], "a", +1)  # a shown key the route lacks: the caller's mistake


@given(
    st.lists(st.integers(0, 30), min_size=1, max_size=12, unique=True),
    st.data(),
)
def test_a_move_swaps_two_neighbours_on_the_list_and_nothing_else(
    route: list[int], data: st.DataObject
) -> None:
    """For any route and any list of today: the result holds every stop once; today's list
    reads as before with the moved stop and its neighbour swapped; stops not on today's list
    keep their order."""
    shown = data.draw(st.lists(st.sampled_from(route), min_size=1, unique=True))
    key = data.draw(st.sampled_from(shown))
    step = data.draw(st.sampled_from([-1, 1]))
    before = walking_order(shown, route)
    at = before.index(key)
    after = moved(route, shown, key, step)
    if not 0 <= at + step < len(before):
        assert after is None
        return
    assert after is not None
    assert sorted(after) == sorted(route)
    expected = list(before)
    expected[at], expected[at + step] = expected[at + step], expected[at]
    assert walking_order(shown, after) == expected
    hidden = [k for k in route if k not in shown]
    assert [k for k in after if k in hidden] == hidden


def test_an_address_typed_twice_is_the_same_stop() -> None:
    """Full-width digits and stray spaces even out; the key holds no address text."""
    same = address_key("新华东街社区3号楼2单元102室")
    assert address_key(" 新华东街社区３号楼 2单元102室") == same
    assert address_key("新华东街社区8号楼301室") != same
    assert len(same) == 32 and "新华" not in same
    key = stop_key(12, "新华东街社区3号楼2单元102室")
    assert key == f"12-{same}" and parse_stop(key) == (12, same)
    for junk in ("", "12", "12-abc", f"x-{same}", f"1234567890-{same}", f"12-{same}\n"):
        assert parse_stop(junk) is None


def test_a_move_is_up_or_down() -> None:
    assert (parse_step("up"), parse_step("down")) == (-1, 1)
    with pytest.raises(DomainError) as refused:
        parse_step("sideways")
    assert refused.value.code == "route_bad_step"
    assert "只能上移或下移" in refused.value.message("zh")


def test_a_stops_community_is_the_area_its_address_names_else_the_elders() -> None:
    canteen = Canteen(delivery_area=["新华东街社区", "海东路社区"])
    profile = ElderProfile(community="海东路社区")
    assert community_of(canteen, "新华东街社区8号楼", profile) == "新华东街社区"
    assert community_of(canteen, "女儿家", profile) == "海东路社区"
    assert community_of(canteen, "女儿家", None) == OTHER
    long_name = "社" * (COMMUNITY_LIMIT + 5)
    assert community_of(canteen, "", ElderProfile(community=long_name)) == long_name[:200]


def test_a_rounds_total_counts_stops_portions_and_money() -> None:
    def stop(dishes: dict[str, int], due: int) -> DeliveryStop:
        return DeliveryStop(1, "某", "", "", [], due, 1, "1-" + "0" * 32, "zh", dishes)

    total = route_total([stop({"米饭": 1, "红烧肉": 2}, 360), stop({"米饭": 2}, 0)])
    assert (total.stops, total.payable_fen) == (2, 360)
    assert total.portions == {"米饭": 3, "红烧肉": 2}  # the most first


# ----------------------------------------------------------------------------- store


def _order(shop: sessionmaker[Session], elder: str, day: date = LUNCH_DAY, **kw: object) -> int:
    return place(shop, BEFORE_LUNCH, elder, [("米饭", 1)], fulfillment=D, day=day, **kw).id


def _names(
    shop: sessionmaker[Session], day: date = LUNCH_DAY, meal: MealSlot = MealSlot.LUNCH
) -> dict[str, list[str]]:
    with shop() as session:
        sheet = kitchen_sheet(session, get_canteen(session), day, meal)
    return {community: [s.elder for s in stops] for community, stops in sheet.delivery.items()}


def _stop(shop: sessionmaker[Session], elder: str, day: date = LUNCH_DAY) -> str:
    with shop() as session:
        groups = meal_deliveries(session, get_canteen(session), day, MealSlot.LUNCH)
    return next(s.stop for stops in groups.values() for s in stops if s.elder == elder)


def _move(shop: sessionmaker[Session], elder: str, direction: str) -> tuple[int, int]:
    stop = _stop(shop, elder)
    with unit_of_work(shop) as session:
        canteen = get_canteen(session)
        done = move_stop(session, canteen, LUNCH_DAY, MealSlot.LUNCH, stop, direction)
    assert done.name == elder
    return done.before, done.after


def test_a_moved_stop_stays_moved_tomorrow_and_a_new_address_goes_last(
    shop: sessionmaker[Session],
) -> None:
    for elder in ("王秀兰", "赵桂芝", "陈国强"):
        _order(shop, elder)
    assert _names(shop) == {"新华东街社区": ["王秀兰", "赵桂芝", "陈国强"]}  # nothing kept yet
    assert _move(shop, "陈国强", "up") == (3, 2)
    assert _names(shop) == {"新华东街社区": ["王秀兰", "陈国强", "赵桂芝"]}
    # tomorrow, ordered the other way round, and 王秀兰 at her daughter's flat for a day
    _order(shop, "赵桂芝", NEXT_DAY)
    _order(shop, "王秀兰", NEXT_DAY, address="新华东街社区10号楼5室")
    _order(shop, "陈国强", NEXT_DAY)
    assert _names(shop, NEXT_DAY) == {"新华东街社区": ["陈国强", "赵桂芝", "王秀兰"]}
    with shop() as session:
        text = kitchen_text(kitchen_sheet(session, get_canteen(session), NEXT_DAY, MealSlot.LUNCH))
    assert text.index("陈国强") < text.index("赵桂芝") < text.index("王秀兰")


def test_the_route_holds_no_address(shop: sessionmaker[Session]) -> None:
    _order(shop, "王秀兰")
    _order(shop, "赵桂芝")
    _move(shop, "赵桂芝", "up")
    rows = row_counts(shop)["route_stops"]
    assert len(rows) == 2
    assert not any("新华东街社区3号楼" in str(value) for row in rows for value in row)


def test_the_communities_order_is_kept_for_every_meal(shop: sessionmaker[Session]) -> None:
    _order(shop, "王秀兰")
    _order(shop, "刘德福")
    place(shop, BEFORE_LUNCH, "王秀兰", [("米饭", 1)], fulfillment=D, meal=MealSlot.DINNER)
    place(shop, BEFORE_LUNCH, "刘德福", [("米饭", 1)], fulfillment=D, meal=MealSlot.DINNER)
    assert list(_names(shop)) == ["新华东街社区", "海东路社区"]  # by name while none is kept
    with unit_of_work(shop) as session:
        canteen = get_canteen(session)
        done = move_community(session, canteen, LUNCH_DAY, MealSlot.LUNCH, "海东路社区", "up")
    assert (done.name, done.before, done.after, done.elder_id) == ("海东路社区", 2, 1, None)
    assert list(_names(shop)) == ["海东路社区", "新华东街社区"]
    assert list(_names(shop, meal=MealSlot.DINNER)) == ["海东路社区", "新华东街社区"]


def test_a_stop_not_shown_today_keeps_its_place(shop: sessionmaker[Session]) -> None:
    """赵桂芝 does not eat on the 2nd: moving 陈国强 up that day passes 王秀兰, and on the
    1st's list 赵桂芝 is still between them as kept."""
    for elder in ("王秀兰", "赵桂芝", "陈国强"):
        _order(shop, elder)
    _move(shop, "赵桂芝", "up")  # 赵桂芝, 王秀兰, 陈国强
    _order(shop, "王秀兰", NEXT_DAY)
    _order(shop, "陈国强", NEXT_DAY)
    stop = _stop(shop, "陈国强", NEXT_DAY)
    with unit_of_work(shop) as session:
        move_stop(session, get_canteen(session), NEXT_DAY, MealSlot.LUNCH, stop, "up")
    assert _names(shop, NEXT_DAY) == {"新华东街社区": ["陈国强", "王秀兰"]}
    assert _names(shop) == {"新华东街社区": ["赵桂芝", "陈国强", "王秀兰"]}


def _refused(shop: sessionmaker[Session], elder: str, direction: str, **kw: str) -> DomainError:
    """The refusal of a move, caught inside a committed unit of work: nothing was written."""
    stop = "" if "community" in kw else kw.get("stop") or _stop(shop, elder)
    before = row_counts(shop)
    with unit_of_work(shop) as session:
        canteen = get_canteen(session)
        with pytest.raises(DomainError) as refused:
            if "community" in kw:
                move_community(
                    session, canteen, LUNCH_DAY, MealSlot.LUNCH, kw["community"], direction
                )
            else:
                move_stop(session, canteen, LUNCH_DAY, MealSlot.LUNCH, stop, direction)
    assert row_counts(shop) == before
    return refused.value


def test_a_refused_move_writes_nothing(shop: sessionmaker[Session]) -> None:
    _order(shop, "王秀兰")
    gone = _order(shop, "赵桂芝")
    _order(shop, "刘德福")
    first = _refused(shop, "王秀兰", "up")
    assert first.code == "route_stop_first"
    assert first.message("zh") == "王秀兰已经是新华东街社区的第一站了，送餐顺序没有改。"
    assert _refused(shop, "赵桂芝", "down").code == "route_stop_last"
    assert _refused(shop, "王秀兰", "left").code == "route_bad_step"
    stale = _stop(shop, "赵桂芝")
    with unit_of_work(shop) as session:
        cancel_order(session, gone, BEFORE_LUNCH)
    not_there = _refused(shop, "", "up", stop=stale)
    assert not_there.code == "route_not_on_list"
    assert "12月1日午餐的送餐单" in not_there.message("zh")
    assert _refused(shop, "", "up", stop="1-junk").code == "route_not_on_list"
    assert _refused(shop, "", "up", community="新华东街社区").code == "route_community_first"
    assert _refused(shop, "", "down", community="海东路社区").code == "route_community_last"
    assert _refused(shop, "", "up", community="远郊村").code == "route_no_community"
    with shop() as session:
        assert session.query(RouteStop).count() == 0


def test_two_moves_at_once_both_land_one_after_the_other(shop: sessionmaker[Session]) -> None:
    """Two couriers move at the same moment, before the route holds any stop (so both would
    insert the same rows): the canteen's lock makes one wait for the other, and the list is
    what one move and then the other give, never an error."""
    for elder in ("王秀兰", "赵桂芝", "陈国强"):
        _order(shop, elder)
    stops = {elder: _stop(shop, elder) for elder in ("王秀兰", "陈国强")}
    barrier = threading.Barrier(2)
    errors: list[BaseException] = []

    def move(elder: str, direction: str) -> None:
        barrier.wait(timeout=30)
        try:
            with unit_of_work(shop) as session:
                canteen = get_canteen(session)
                move_stop(session, canteen, LUNCH_DAY, MealSlot.LUNCH, stops[elder], direction)
        except BaseException as error:  # reported below, not lost in the thread
            errors.append(error)

    racers = [
        threading.Thread(target=move, args=("陈国强", "up")),
        threading.Thread(target=move, args=("王秀兰", "down")),
    ]
    for racer in racers:
        racer.start()
    for racer in racers:
        racer.join(timeout=60)
    assert errors == []
    assert _names(shop)["新华东街社区"] in (
        ["陈国强", "王秀兰", "赵桂芝"],
        ["赵桂芝", "陈国强", "王秀兰"],
    )
    assert len(row_counts(shop)["route_stops"]) == 3
