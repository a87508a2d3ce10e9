"""Who may do what in the console, as a matrix: every role (and staff of another canteen, a
supervisor of another region, nobody signed in) against every page and action on the canteen
``test``. Allowed: the page answers, or the order moves. Refused: a refusal, and every row of
every table as it was."""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date
from typing import Any

import pytest
from sqlalchemy import select
from starlette.testclient import TestClient

from bot.web.access import CHANGES, ROLE_PERMISSIONS, Permission
from menus.accounts import SUPERVISOR
from menus.closures import close
from menus.db import unit_of_work
from menus.delivery import meal_deliveries
from menus.menu_store import get_canteen, load_menus
from menus.models import (
    CanteenClosure,
    Dish,
    DisinfectionRecord,
    Feedback,
    FoodSample,
    RouteCommunity,
    RouteStop,
)
from menus.vocab import Fulfillment, MealSlot
from tests.bot.web.conftest import Console, csrf_of, person_id
from tests.menus.helpers import row_counts

Action = Callable[[Console, TestClient], Any]
MENU_FILE = "canteen,date,meal,dish,price\ntest,2026-12-03,lunch,米饭,1.5\n"


def _move(console: Console, client: TestClient) -> Any:
    token = csrf_of(client.get("/login").text)
    url = f"/canteens/test/orders/{console.order_id}/status"
    return client.post(url, data={"csrf": token, "to": "confirmed", "date": "2026-12-01"})


def _upload(console: Console, client: TestClient) -> Any:
    token = csrf_of(client.get("/login").text)
    files = {"file": ("menu.csv", MENU_FILE.encode(), "text/csv")}
    return client.post("/canteens/test/menu/upload", data={"csrf": token}, files=files)


def _publish(console: Console, client: TestClient) -> Any:
    """Upload, then publish what this very client was shown (nothing, when refused)."""
    found = re.search(r'name="token" value="([^"]+)"', _upload(console, client).text)
    token = csrf_of(client.get("/login").text)
    data = {"csrf": token, "token": found.group(1) if found else "none"}
    return client.post("/canteens/test/menu/publish", data=data)


def _published(console: Console) -> bool:
    with console.factory() as session:
        return bool(load_menus(session, None, date(2026, 12, 3)))


def _disinfect(console: Console, client: TestClient) -> Any:
    token = csrf_of(client.get("/login").text)
    data = {"csrf": token, "date": "2026-12-01", "meal": "lunch", "method": "steam"}
    return client.post("/canteens/test/safety/disinfection", data={**data, "time": "07:30"})


def _sample(console: Console, client: TestClient) -> Any:
    token = csrf_of(client.get("/login").text)
    data = {"csrf": token, "date": "2026-12-01", "meal": "lunch", "dish": "米饭", "grams": "150"}
    return client.post("/canteens/test/safety/samples", data={**data, "time": "07:30"})


def _statement(console: Console, client: TestClient) -> Any:
    elder = person_id(console.factory, "王秀兰")  # the elder of the console's order
    return client.get(f"/canteens/test/settlement/elders/{elder}?month=2026-12")


def _recorded(console: Console, action: str) -> bool:
    """Whether the change ``action`` posts is in the store."""
    model = DisinfectionRecord if action == "record disinfection" else FoodSample
    with console.factory() as session:
        return session.scalar(select(model.id)) is not None


def _complaint_id(console: Console) -> int:
    with console.factory() as session:
        found = session.scalar(select(Feedback.id).where(Feedback.kind == "complaint"))
    assert found is not None
    return found


def _answer(console: Console, client: TestClient) -> Any:
    token = csrf_of(client.get("/login").text)
    url = f"/canteens/test/feedback/{_complaint_id(console)}/reply"
    return client.post(url, data={"csrf": token, "answer": "明天少放盐", "month": "2026-12"})


def _answered(console: Console) -> bool:
    with console.factory() as session:
        return session.get_one(Feedback, _complaint_id(console)).answered_at is not None


def _deliveries(console: Console) -> None:
    """Two stops in 新华东街社区 and one in 海东路社区, for the walking order's moves."""
    for elder in ("赵桂芝", "陈国强", "刘德福"):
        console.place(elder, [("米饭", 1)], Fulfillment.DELIVERY)


def _stop(console: Console, elder: str) -> str:
    """The stop of ``elder`` on today's lunch delivery list, read from the store (the page
    is not everyone's)."""
    with console.factory() as session:
        groups = meal_deliveries(
            session, get_canteen(session, "test"), date(2026, 12, 1), MealSlot.LUNCH
        )
    return next(s.stop for stops in groups.values() for s in stops if s.elder == elder)


def _move_stop(console: Console, client: TestClient) -> Any:
    token = csrf_of(client.get("/login").text)
    data = {"csrf": token, "date": "2026-12-01", "meal": "lunch", "direction": "up"}
    return client.post(
        "/canteens/test/delivery/stops", data={**data, "stop": _stop(console, "陈国强")}
    )


def _move_community(console: Console, client: TestClient) -> Any:
    token = csrf_of(client.get("/login").text)
    data = {"csrf": token, "date": "2026-12-01", "meal": "lunch", "direction": "up"}
    return client.post(
        "/canteens/test/delivery/communities", data={**data, "community": "海东路社区"}
    )


def _arranged(console: Console, model: type[RouteStop] | type[RouteCommunity]) -> bool:
    with console.factory() as session:
        return session.scalar(select(model.id)) is not None


PLANNER = "/canteens/test/planner"
SEEDED_CLOSURE = date(2026, 12, 5)
"""A closure every row of the matrix finds, for "reopen a day" to take back."""


def _planner_post(client: TestClient, path: str, data: dict[str, str]) -> Any:
    token = csrf_of(client.get("/login").text)
    return client.post(f"{PLANNER}/{path}", data={"csrf": token, **data})


def _copy_week(console: Console, client: TestClient) -> Any:
    """Preview, then confirm what this very client was shown (nothing, when refused)."""
    found = re.search(
        r'name="plan" value="([^"]+)"', client.get(f"{PLANNER}/copy?week=2026-W50").text
    )
    data = {"week": "2026-W50", "plan": found.group(1) if found else "none"}
    return _planner_post(client, "copy", data)


def _copied(console: Console) -> bool:
    with console.factory() as session:
        return bool(load_menus(session, None, date(2026, 12, 8)))


def _change_cell(console: Console, client: TestClient) -> Any:
    data = {"date": "2026-12-02", "meal": "lunch", "edit": "add", "dish": "手把肉", "cap": "5"}
    return _planner_post(client, "cell", data)


def _cell_changed(console: Console) -> bool:
    with console.factory() as session:
        (menu,) = load_menus(session, None, date(2026, 12, 2))
        return "手把肉" in [item.dish.name for item in menu.items]


def _closure_on(console: Console, day: date) -> int | None:
    with console.factory() as session:
        return session.scalar(select(CanteenClosure.id).where(CanteenClosure.date == day))


def _close_day(console: Console, client: TestClient) -> Any:
    return _planner_post(client, "close", {"date": "2026-12-04", "meal": "day", "reason": "停水"})


def _reopen_day(console: Console, client: TestClient) -> Any:
    closure = _closure_on(console, SEEDED_CLOSURE)
    return _planner_post(client, "reopen", {"closure": str(closure)})


def _seed_closure(console: Console) -> None:
    with unit_of_work(console.factory) as session:
        canteen = get_canteen(session, "test")
        close(session, canteen, SEEDED_CLOSURE, None, "设备检修", None, console.clock.now)


def _dish_of(console: Console, name: str) -> int:
    with console.factory() as session:
        found = session.scalar(select(Dish.id).where(Dish.name == name))
    assert found is not None
    return found


def _edit_dish(console: Console, client: TestClient) -> Any:
    token = csrf_of(client.get("/login").text)
    url = f"/canteens/test/dishes/{_dish_of(console, '米饭')}"
    return client.post(url, data={"csrf": token, "price": "2", "kcal": "230"})


def _dish_edited(console: Console) -> bool:
    with console.factory() as session:
        return session.get_one(Dish, _dish_of(console, "米饭")).price_fen == 200


ACTIONS: dict[str, Action] = {
    "board": lambda c, client: client.get("/canteens/test/board"),
    "kitchen sheet": lambda c, client: client.get("/canteens/test/kitchen"),
    "kitchen print": lambda c, client: client.get("/canteens/test/kitchen/print"),
    "order history": lambda c, client: client.get(f"/canteens/test/orders/{c.order_id}"),
    "audit log": lambda c, client: client.get("/audit"),
    "region dashboard": lambda c, client: client.get("/region"),
    "menu page": lambda c, client: client.get("/canteens/test/menu"),
    "upload a menu": _upload,  # its preview: nothing stored
    "publish a menu": _publish,
    "food safety": lambda c, client: client.get("/canteens/test/safety"),
    "record disinfection": _disinfect,
    "keep a sample": _sample,
    "settlement": lambda c, client: client.get("/canteens/test/settlement?month=2026-12"),
    "claims xlsx": lambda c, client: client.get("/canteens/test/settlement/claims.xlsx"),
    "claims csv": lambda c, client: client.get("/canteens/test/settlement/claims.csv"),
    "elder statement": _statement,
    "complaints page": lambda c, client: client.get("/canteens/test/feedback"),
    "answer a complaint": _answer,
    "delivery list": lambda c, client: client.get("/canteens/test/delivery?meal=lunch"),
    "delivery print": lambda c, client: client.get("/canteens/test/delivery/print?meal=lunch"),
    "move a stop": _move_stop,
    "move a community": _move_community,
    "menu planner": lambda c, client: client.get(f"{PLANNER}?week=2026-W49"),
    "planner cell": lambda c, client: client.get(f"{PLANNER}/cell?date=2026-12-01&meal=lunch"),
    "copy preview": lambda c, client: client.get(f"{PLANNER}/copy?week=2026-W50"),
    "copy last week": _copy_week,
    "change a meal": _change_cell,
    "close a day": _close_day,
    "reopen a day": _reopen_day,
    "dish library": lambda c, client: client.get("/canteens/test/dishes"),
    "dish page": lambda c, client: client.get(f"/canteens/test/dishes/{_dish_of(c, '米饭')}"),
    "edit a dish": _edit_dish,
    "move an order": _move,
}
CHANGED: dict[str, Callable[[Console], bool]] = {
    "publish a menu": _published,
    "move an order": lambda c: c.order_status() == "confirmed",
    "answer a complaint": _answered,
    "move a stop": lambda c: _arranged(c, RouteStop),
    "move a community": lambda c: _arranged(c, RouteCommunity),
    "copy last week": _copied,
    "change a meal": _cell_changed,
    "close a day": lambda c: _closure_on(c, date(2026, 12, 4)) is not None,
    "reopen a day": lambda c: _closure_on(c, SEEDED_CLOSURE) is None,
    "edit a dish": _dish_edited,
}
"""The actions that change something, and how to see that they did."""
PLAN_VIEWS = {"menu planner", "planner cell"}
"""The planner is the menu's: read by whoever reads the menu (VIEW_MENU)."""
PLAN_CHANGES = {"copy preview", "copy last week", "change a meal", "close a day", "reopen a day"}
"""Changing the plan is publishing the menu: the canteen's manager alone (PUBLISH_MENU)."""
DISH_VIEWS = {"dish library", "dish page"}
"""The dish library is the menu's too: read where the menu is read, changed by its publisher."""
ALL_VIEWS = (
    {"board", "kitchen sheet", "kitchen print", "order history", "menu page"}
    | PLAN_VIEWS
    | DISH_VIEWS
)
SAFETY = {"food safety", "record disinfection", "keep a sample"}
RECORDS = ("record disinfection", "keep a sample")
SETTLEMENT = {"settlement", "claims xlsx", "claims csv", "elder statement"}
FEEDBACK = {"complaints page", "answer a complaint"}
"""Every staff role of the canteen, as the chat's rule (``menus.access``, Act.ANSWER) has it."""
DELIVERY_LIST = {"delivery list", "delivery print"}
ROUTE = {"move a stop", "move a community"}
"""The walking order: changed by delivery staff and the manager, read by the kitchen and the
region's supervisor; not the community contact (the list has phones and addresses)."""
ALLOWED: dict[str, set[str]] = {
    "manager": ALL_VIEWS
    | SAFETY
    | SETTLEMENT
    | FEEDBACK
    | DELIVERY_LIST
    | ROUTE
    | PLAN_CHANGES
    | {"audit log", "move an order", "upload a menu", "publish a menu", "edit a dish"},
    "cook": ALL_VIEWS | SAFETY | FEEDBACK | DELIVERY_LIST | {"move an order"},
    "delivery": ALL_VIEWS | FEEDBACK | DELIVERY_LIST | ROUTE | {"move an order"},
    "community": {"board", "order history"} | FEEDBACK,
    "other_cook": set(),
    "other_manager": {"audit log"},  # its own canteen's log: nothing of test's (checked below)
    "supervisor": {
        "board",
        "order history",
        "audit log",
        "region dashboard",
        "menu page",
        "food safety",
        "complaints page",
    }
    | PLAN_VIEWS
    | DISH_VIEWS
    | SETTLEMENT
    | DELIVERY_LIST,
    "other_supervisor": {"audit log", "region dashboard"},  # its own region's
    "nobody": set(),
}
CELLS = [(who, action) for who in ALLOWED for action in ACTIONS]


@pytest.mark.parametrize("who", list(ALLOWED))
def test_authorisation_matrix(console: Console, who: str) -> None:
    """Each cell of one row, the changes last."""
    console.complaint("今天的红烧肉太咸了")
    _deliveries(console)
    _seed_closure(console)
    client = console.client() if who == "nobody" else console.signed_in(who)
    for action, play in ACTIONS.items():
        before = row_counts(console.factory)
        answer = play(console, client)
        allowed = action in ALLOWED[who]
        if action in CHANGED:
            changed = CHANGED[action](console)
            assert changed is allowed, (who, action, answer.status_code)
            assert answer.status_code in ((303,) if allowed or who == "nobody" else (403, 404))
            if allowed:
                continue
        elif action in RECORDS:
            assert _recorded(console, action) is allowed, (who, action, answer.status_code)
            assert answer.status_code in ((303,) if allowed or who == "nobody" else (403, 404))
            if allowed:
                continue
        elif allowed:
            assert answer.status_code == 200, (who, action, answer.status_code)
        else:
            assert answer.status_code in (303, 403, 404), (who, action, answer.status_code)
            if who == "nobody":
                assert answer.headers["location"].startswith("/login")
        if not allowed:
            assert row_counts(console.factory) == before, (who, action)
        if allowed and action in ("audit log", "region dashboard") and who.startswith("other"):
            assert "测试社区老年食堂" not in answer.text, (who, action)


def test_a_refused_move_says_why(console: Console) -> None:
    """A signed-in person refused a move is told so on the board, and nothing changed."""
    client = console.signed_in("community")
    before = row_counts(console.factory)
    answer = _move(console, client)
    assert answer.status_code == 403
    assert "没有权限" in answer.text
    assert row_counts(console.factory) == before


def test_the_supervisor_sees_no_buttons_and_holds_no_change() -> None:
    """Read-only by construction: no permission that changes anything."""
    assert not ROLE_PERMISSIONS[SUPERVISOR] & CHANGES
    assert Permission.MOVE_ORDERS in CHANGES and Permission.PUBLISH_MENU in CHANGES
    assert Permission.RECORD_SAFETY in CHANGES and Permission.ANSWER_FEEDBACK in CHANGES
    assert Permission.VIEW_SAFETY in ROLE_PERMISSIONS[SUPERVISOR]
    assert Permission.VIEW_SETTLEMENT in ROLE_PERMISSIONS[SUPERVISOR]
    assert Permission.VIEW_SETTLEMENT not in CHANGES
    assert Permission.VIEW_FEEDBACK in ROLE_PERMISSIONS[SUPERVISOR]
    assert Permission.ARRANGE_ROUTE in CHANGES
    assert Permission.VIEW_DELIVERY in ROLE_PERMISSIONS[SUPERVISOR]


def test_supervisor_board_is_read_only(console: Console) -> None:
    page = console.signed_in("supervisor").get("/canteens/test/board")
    assert page.status_code == 200
    assert "王秀兰" in page.text and "只读" in page.text
    assert "/status" not in page.text


def test_a_cook_of_another_canteen_cannot_move_through_their_own_canteen(
    console: Console,
) -> None:
    """The order is test's; posting it under ``other`` (where they are cook) is refused."""
    client = console.signed_in("other_cook")
    token = csrf_of(client.get("/canteens/other/board").text)
    before = row_counts(console.factory)
    answer = client.post(
        f"/canteens/other/orders/{console.order_id}/status",
        data={"csrf": token, "to": "confirmed"},
    )
    assert answer.status_code == 404
    assert row_counts(console.factory) == before
    assert console.order_status() == "placed"
