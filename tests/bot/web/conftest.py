"""The console's test world: the test canteen (region 150102) with an order for today's lunch,
a second canteen in another district (150203), an account for every role, and supervisors of
each region; clients signed in through the real sign-in form."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field, replace
from datetime import datetime

import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker
from starlette.applications import Starlette
from starlette.testclient import TestClient

from bot.web.app import create_app
from menus.accounts import NewAccount, create_account
from menus.db import unit_of_work
from menus.feedback import record
from menus.menu_store import get_canteen, import_menu_file
from menus.menufile import parse_menu_bytes
from menus.models import Order
from menus.orders import place_order_once
from menus.vocab import Fulfillment
from tests.conftest import BEFORE_LUNCH
from tests.menus.helpers import place, request

PASSWORD = "饭菜香 2026!"
SECRET = "test-secret-key-0123456789"
OTHER_CANTEEN = """
canteen:
  code: other
  name: 别的社区食堂
  region: "150203"
  modes: [dine_in, pickup]
  delivery_area: [别的社区]
dishes:
  - {name: 羊肉面, price: 10}
menus:
  - {date: 2026-12-01, meal: lunch, dishes: [羊肉面]}
"""
ACCOUNTS = {  # login → the account
    "manager": NewAccount("张建国", "manager", "manager", canteen_code="test"),
    "cook": NewAccount("李厨师", "cook", "cook", canteen_code="test"),
    "delivery": NewAccount("王送餐", "delivery", "delivery", canteen_code="test"),
    "community": NewAccount("赵网格", "community", "community", canteen_code="test"),
    "other_cook": NewAccount("外厨师", "other_cook", "cook", canteen_code="other"),
    "other_manager": NewAccount("外经理", "other_manager", "manager", canteen_code="other"),
    "supervisor": NewAccount("民政孙科长", "supervisor", "supervisor", region="1501"),
    "other_supervisor": NewAccount("别区周科长", "other_supervisor", "supervisor", region="1502"),
}
CSRF = re.compile(r'name="csrf" value="([^"]+)"')


@dataclass
class Clock:
    """The console's "now", moved by tests."""

    now: datetime = BEFORE_LUNCH

    def __call__(self) -> datetime:
        return self.now


@dataclass
class Console:
    """The app on the test store, and ways to reach it as each account."""

    factory: sessionmaker[Session]
    app: Starlette
    clock: Clock
    order_id: int
    clients: list[TestClient] = field(default_factory=list)

    def client(self) -> TestClient:
        """A browser with no cookie yet."""
        client = TestClient(self.app, follow_redirects=False)
        self.clients.append(client)
        return client

    def signed_in(self, login: str, client: TestClient | None = None) -> TestClient:
        """A browser signed in as ``login`` through the sign-in form."""
        client = client or self.client()
        token = csrf_of(client.get("/login").text)
        answer = client.post("/login", data={"csrf": token, "login": login, "password": PASSWORD})
        assert answer.status_code == 303, answer.text
        return client

    def place(
        self,
        elder: str,
        dishes: list[tuple[str, int]],
        fulfillment: Fulfillment = Fulfillment.PICKUP,
    ) -> int:
        """Place an order at the test canteen for today's lunch, through the store."""
        wanted = replace(
            request(self.factory, elder, dishes, fulfillment=fulfillment), canteen_code="test"
        )
        order, _ = place_order_once(self.factory, wanted, BEFORE_LUNCH)
        return order.id

    def complaint(
        self,
        text: str,
        elder: str = "王秀兰",
        *,
        author: str | None = None,
        kind: str = "complaint",
        at: datetime = BEFORE_LUNCH,
        order_id: int | None = None,
        rating: int | None = None,
    ) -> int:
        """An elder's complaint (or praise, or rating) about the canteen ``test``, stored as
        the chat stores it; its id."""
        elder_id = person_id(self.factory, elder)
        author_id = person_id(self.factory, author or elder)
        with unit_of_work(self.factory) as session:
            canteen = get_canteen(session, "test")
            row = record(
                session,
                canteen_id=canteen.id,
                elder_id=elder_id,
                author_id=author_id,
                kind=kind,
                text=text,
                now=at,
                order_id=order_id,
                rating=rating,
            )
            return row.id

    def order_status(self, order_id: int | None = None) -> str:
        with self.factory() as session:
            order = session.get(Order, order_id or self.order_id)
            assert order is not None
            return order.status


def csrf_of(html: str) -> str:
    """The CSRF token a page's forms carry."""
    found = CSRF.search(html)
    assert found, html
    return found.group(1)


def stop_of(html: str, elder: str) -> str:
    """The stop key the delivery list's forms post for ``elder``'s row."""
    found = re.search(
        rf'<tr id="stop-([0-9]+-[0-9a-f]+)">\s*<td class="num">\d+</td>\s*<td>{elder}', html
    )
    assert found, elder
    return found.group(1)


@pytest.fixture
def console(shop: sessionmaker[Session]) -> Iterator[Console]:
    order = place(shop, BEFORE_LUNCH, "王秀兰")
    with unit_of_work(shop) as session:
        import_menu_file(session, parse_menu_bytes(OTHER_CANTEEN.encode(), "other.yaml"), "o")
    with unit_of_work(shop) as session:
        for account in ACCOUNTS.values():
            create_account(session, account, PASSWORD, BEFORE_LUNCH)
    clock = Clock()
    app = create_app(shop, secret_key=SECRET, clock=clock)
    console = Console(shop, app, clock, order.id)
    yield console
    for client in console.clients:
        client.close()


@pytest.fixture
def served(console: Console) -> Iterator[str]:
    """The console on 127.0.0.1 at a free port (uvicorn, in a thread), for a real browser."""
    from tests.bot.web.browser import serve

    with serve(console.app) as url:
        yield url


def person_id(factory: sessionmaker[Session], name: str) -> int:
    """The id of the person called ``name``."""
    from menus.models import Person

    with factory() as session:
        found = session.scalar(select(Person.id).where(Person.name == name))
    assert found is not None
    return found
