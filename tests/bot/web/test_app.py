"""Signing in and out, sessions, CSRF, the sign-in rate limit and the security headers of the
console, through Starlette's TestClient on the real application."""

from __future__ import annotations

from datetime import timedelta

import pytest
from sqlalchemy import func, select
from starlette.routing import Route

from bot.web.app import COOKIE
from menus.accounts import FAILURE_WINDOW, MAX_FAILURES_PER_LOGIN
from menus.food_safety import CHECKS
from menus.models import AuditEntry, Dish, LoginFailure, WebSession
from menus.vocab import Fulfillment
from tests.bot.web.conftest import PASSWORD, Console, csrf_of, stop_of
from tests.menus.helpers import row_counts


def sessions(console: Console) -> int:
    with console.factory() as session:
        return session.scalar(select(func.count()).select_from(WebSession)) or 0


def test_sign_in_leads_to_the_board_and_sign_out_ends_it(console: Console) -> None:
    client = console.client()
    assert client.get("/").headers["location"] == "/login"
    assert client.get("/canteens/test/board").headers["location"] == (
        "/login?next=%2Fcanteens%2Ftest%2Fboard"
    )
    console.signed_in("manager", client)
    assert client.get("/").headers["location"] == "/canteens/test/board"
    board = client.get("/canteens/test/board")
    assert board.status_code == 200 and "张建国" in board.text and "王秀兰" in board.text
    signed_in_cookie = client.cookies[COOKIE]
    out = client.post("/logout", data={"csrf": csrf_of(board.text)})
    assert out.status_code == 303 and out.headers["location"] == "/login"
    assert "已退出登录" in client.get("/login").text
    assert sessions(console) == 0
    replay = console.client()
    replay.cookies.set(COOKIE, signed_in_cookie)
    assert replay.get("/canteens/test/board").status_code == 303  # a copied cookie is dead


def test_supervisor_starts_at_the_region(console: Console) -> None:
    client = console.signed_in("supervisor")
    assert client.get("/").headers["location"] == "/region"
    page = client.get("/region")
    assert "测试社区老年食堂" in page.text and "别的社区食堂" not in page.text


@pytest.mark.parametrize(
    ("login", "password"), [("manager", "wrong password"), ("nobody", PASSWORD)]
)
def test_a_wrong_password_or_login_is_refused_alike(
    console: Console, login: str, password: str
) -> None:
    client = console.client()
    token = csrf_of(client.get("/login").text)
    answer = client.post("/login", data={"csrf": token, "login": login, "password": password})
    assert answer.status_code == 400
    assert "登录名或密码不对" in answer.text
    assert sessions(console) == 0
    assert client.get("/canteens/test/board").status_code == 303


def test_going_back_after_sign_in_stays_on_this_site(console: Console) -> None:
    client = console.client()
    token = csrf_of(client.get("/login?next=/canteens/test/kitchen").text)
    form = {"csrf": token, "login": "cook", "password": PASSWORD, "next": "/canteens/test/kitchen"}
    assert client.post("/login", data=form).headers["location"] == "/canteens/test/kitchen"
    other = console.client()
    token = csrf_of(other.get("/login").text)
    form = {"csrf": token, "login": "cook", "password": PASSWORD, "next": "//evil.example/"}
    assert other.post("/login", data=form).headers["location"] == "/"


def test_session_is_rotated_at_sign_in(console: Console) -> None:
    """A cookie from before signing in (one an attacker could have planted) opens nothing
    after it; signing in again as someone else ends the first session in the store."""
    client = console.client()
    client.get("/login")
    planted = client.cookies[COOKIE]
    console.signed_in("cook", client)
    first = client.cookies[COOKIE]
    assert first != planted
    attacker = console.client()
    attacker.cookies.set(COOKIE, planted)
    assert attacker.get("/canteens/test/board").status_code == 303
    assert sessions(console) == 1
    console.signed_in("manager", client)
    assert client.cookies[COOKIE] != first
    assert sessions(console) == 1  # the cook's session is gone from the store
    replay = console.client()
    replay.cookies.set(COOKIE, first)
    assert replay.get("/canteens/test/board").status_code == 303
    assert "张建国" in client.get("/canteens/test/board").text


def test_csrf_token_changes_at_sign_in(console: Console) -> None:
    client = console.client()
    before = csrf_of(client.get("/login").text)
    console.signed_in("manager", client)
    after = csrf_of(client.get("/canteens/test/board").text)
    assert before != after
    url = f"/canteens/test/orders/{console.order_id}/status"
    stale = client.post(url, data={"csrf": before, "to": "confirmed"})
    assert stale.status_code == 403
    assert console.order_status() == "placed"


def _post_routes(console: Console, feedback_id: int = 1, dish_id: int = 1) -> list[str]:
    paths = []
    for route in console.app.routes:
        if isinstance(route, Route) and "POST" in (route.methods or ()):
            paths.append(
                route.path.replace("{code}", "test")
                .replace("{order_id:id}", str(console.order_id))
                .replace("{feedback_id:id}", str(feedback_id))
                .replace("{dish_id:id}", str(dish_id))
            )
    return paths


@pytest.mark.parametrize("token", ["missing", "empty", "wrong", "another session's"])
def test_every_form_is_refused_without_its_csrf_token(console: Console, token: str) -> None:
    """Each POST route, signed in as the manager (who may do everything), refused with 403
    and no row changed: sign-in and sign-out included."""
    client = console.signed_in("manager")
    other = csrf_of(console.signed_in("cook").get("/canteens/test/board").text)
    sent = {"missing": None, "empty": "", "wrong": "x" * 43, "another session's": other}[token]
    complaint = console.complaint("菜太咸了")
    with console.factory() as session:
        dish_id = session.scalar(select(Dish.id).where(Dish.name == "米饭"))
    assert dish_id is not None
    paths = _post_routes(console, complaint, dish_id)
    assert set(paths) == {
        f"/canteens/test/dishes/{dish_id}",
        "/login",
        "/logout",
        f"/canteens/test/orders/{console.order_id}/status",
        "/canteens/test/menu/upload",
        "/canteens/test/menu/publish",
        "/canteens/test/safety/samples",
        "/canteens/test/safety/disinfection",
        "/canteens/test/safety/inspection",
        f"/canteens/test/feedback/{complaint}/reply",
        "/canteens/test/delivery/stops",
        "/canteens/test/delivery/communities",
        "/canteens/test/planner/copy",
        "/canteens/test/planner/cell",
        "/canteens/test/planner/close",
        "/canteens/test/planner/reopen",
    }
    for elder in ("赵桂芝", "陈国强", "刘德福"):  # moves that would be allowed with a token
        console.place(elder, [("米饭", 1)], Fulfillment.DELIVERY)
    first = stop_of(client.get("/canteens/test/delivery?meal=lunch").text, "赵桂芝")
    for path in paths:
        before = row_counts(console.factory)
        data = {"to": "confirmed", "login": "manager", "password": PASSWORD, "date": "2026-12-01"}
        data |= {"meal": "lunch", "dish": "米饭", "grams": "150", "time": "07:00"}
        data |= {"method": "steam", **{f"check_{code}": "pass" for code in CHECKS}}
        data |= {"answer": "下次少放盐", "month": "2026-12"}
        if "/delivery/" in path:  # its own fields: with the others, over 20 (refused unread)
            data = {"date": "2026-12-01", "meal": "lunch", "direction": "down"}
            data |= {"stop": first, "community": "新华东街社区"}
        if "/dishes/" in path:  # a complete dish form: a change that would be stored
            data = {"price": "3", "kcal": "230", "tags": "staple"}
        if "/planner/" in path:  # the planner's forms, each complete (a form has at most 20 fields)
            data = {"date": "2026-12-02", "meal": "lunch", "dish": "手把肉", "edit": "add"}
            data |= {"week": "2026-W49", "reason": "停水", "closure": "1", "plan": "x"}
        if sent is not None:
            data["csrf"] = sent
        answer = client.post(path, data=data)
        assert answer.status_code == 403, path
        assert "什么都没有改" in answer.text
        assert row_counts(console.factory) == before, path
    assert client.get("/canteens/test/board").status_code == 200  # still signed in


def test_a_form_from_another_site_is_refused(console: Console) -> None:
    client = console.signed_in("manager")
    token = csrf_of(client.get("/canteens/test/board").text)
    url = f"/canteens/test/orders/{console.order_id}/status"
    answer = client.post(
        url, data={"csrf": token, "to": "confirmed"}, headers={"Origin": "https://evil.example"}
    )
    assert answer.status_code == 403
    assert console.order_status() == "placed"
    same = client.post(
        url, data={"csrf": token, "to": "confirmed"}, headers={"Origin": "http://testserver"}
    )
    assert same.status_code == 303
    assert console.order_status() == "confirmed"


def test_guessing_passwords_is_stopped_then_allowed_after_15_minutes(console: Console) -> None:
    client = console.client()
    token = csrf_of(client.get("/login").text)

    def attempt(password: str) -> int:
        data = {"csrf": token, "login": "manager", "password": password}
        return int(client.post("/login", data=data).status_code)

    assert [attempt(f"guess {n}") for n in range(MAX_FAILURES_PER_LOGIN)] == [400] * 5
    answer = client.post("/login", data={"csrf": token, "login": "manager", "password": PASSWORD})
    assert answer.status_code == 429 and "15 分钟" in answer.text
    assert sessions(console) == 0
    console.clock.now += FAILURE_WINDOW + timedelta(seconds=1)
    assert attempt(PASSWORD) == 303
    with console.factory() as session:
        assert session.scalar(select(func.count()).select_from(LoginFailure)) == 0


def test_moving_an_order_is_logged_and_shown(console: Console) -> None:
    client = console.signed_in("cook")
    token = csrf_of(client.get("/canteens/test/board").text)
    url = f"/canteens/test/orders/{console.order_id}/status"
    answer = client.post(url, data={"csrf": token, "to": "preparing", "date": "2026-12-01"})
    assert answer.headers["location"] == (
        f"/canteens/test/board?date=2026-12-01#order-{console.order_id}"
    )
    board = client.get("/canteens/test/board?date=2026-12-01")
    assert f"{console.order_id}号订单现在是“制作中”" in board.text
    assert f"做好了：{console.order_id}号 王秀兰" in board.text
    with console.factory() as session:
        entry = session.scalar(select(AuditEntry).where(AuditEntry.action == "order.status"))
        assert entry is not None
        assert (entry.actor_name, entry.target) == ("李厨师", f"order:{console.order_id}")
        assert entry.detail == {"from": "placed", "to": "preparing", "elder": "王秀兰"}


def test_a_move_the_state_machine_refuses_changes_nothing(console: Console) -> None:
    """Completing a placed order is the store's to refuse; its sentence comes back."""
    client = console.signed_in("cook")
    token = csrf_of(client.get("/canteens/test/board").text)
    before = row_counts(console.factory)
    url = f"/canteens/test/orders/{console.order_id}/status"
    for wanted in ("completed", "cancelled", "nonsense"):
        client.post(url, data={"csrf": token, "to": wanted})
        assert row_counts(console.factory) == before, wanted
    client.post(url, data={"csrf": token, "to": "completed"})
    assert "不能改成“已完成”" in client.get("/canteens/test/board").text


def test_unknown_pages_and_canteens(console: Console) -> None:
    client = console.signed_in("manager")
    assert client.get("/canteens/nowhere/board").status_code == 404
    assert client.get("/canteens/test/orders/999999").status_code == 404
    assert client.get("/nothing-here").status_code == 404


def test_security_headers(console: Console) -> None:
    answer = console.signed_in("manager").get("/canteens/test/board")
    assert "default-src 'self'" in answer.headers["content-security-policy"]
    assert answer.headers["x-frame-options"] == "DENY"
    assert answer.headers["cache-control"] == "no-store"
    cookie = console.client().get("/login").headers["set-cookie"]
    assert "httponly" in cookie.lower() and "samesite=strict" in cookie.lower()
