"""Scripted conversations, from the first message to what is stored: one parametrised test runs
every conversation in ``tests/bot/conversations/*.yml`` against the small test canteen.

A conversation names who speaks, optionally the clock (``now``, local time) and orders placed
before it starts (``given``), then its turns, then what the database holds at the end
(``expect``). A turn says something (``say``), sends a file (``file``: its ``name`` and its
``text``, or for a workbook its sheet's ``rows``) or redeems a family code
(``link``); ``as`` makes someone else speak that turn; ``turn_id`` is the channel's message id;
``says`` / ``not_says`` are substrings of the reply, ``buttons`` its buttons; ``remember``
keeps a part of the reply (a regular expression's first group, spaces dropped) for later turns
as ``{name}``. A conversation (or turn) with ``lang: mn`` checks that every reply is in
traditional Mongolian script. ``expect`` keys are described in ``check_expectations``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import Any

import pytest
import yaml
from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from bot.dialogue import Dialogue
from bot.turn import Reply
from menus.clock import TZ
from menus.db import unit_of_work
from menus.models import (
    Base,
    Card,
    Dish,
    ElderProfile,
    FamilyLink,
    Feedback,
    Menu,
    OutboxMessage,
    Person,
    PersonSettings,
)
from menus.orders import OrderLine, OrderRequest, list_orders, place_order_once
from menus.scripts import CYRILLIC_MN, script_of
from menus.vocab import Actor, Fulfillment, MealSlot
from tests.conftest import BEFORE_LUNCH
from tests.menus.workbooks import workbook

HERE = Path(__file__).parent / "conversations"
TRADITIONAL = re.compile(r"[\u1820-\u18aa]")
CYRILLIC = re.compile(r"[\u0400-\u04ff]")
HAN = re.compile(r"[\u4e00-\u9fff]")
VOLATILE = {"conversations"}
"""Tables a turn always writes (the person's dialogue state): not part of 'nothing stored'."""
VOLATILE_COLUMNS = {("people", "lang")}
"""The script a Mongolian speaker writes in is followed (and kept): not an order changed."""


def _load() -> list[Any]:
    cases = []
    for path in sorted(HERE.glob("*.yml")):
        for conversation in yaml.safe_load(path.read_text(encoding="utf-8")):
            cases.append(pytest.param(conversation, id=f"{path.stem}: {conversation['name']}"))
    return cases


def _yuan(value: float) -> int:
    return round(float(value) * 100)


def _when(value: str | datetime | None) -> datetime:
    if value is None:
        return BEFORE_LUNCH
    moment = value if isinstance(value, datetime) else datetime.fromisoformat(str(value))
    return moment.replace(tzinfo=TZ) if moment.tzinfo is None else moment


def snapshot(factory: sessionmaker[Session]) -> dict[str, list[tuple[object, ...]]]:
    """Every row of every table but the dialogue state."""
    rows = {}
    with factory() as session:
        for table in Base.metadata.sorted_tables:
            if table.name not in VOLATILE:
                kept = [c for c in table.columns if (table.name, c.name) not in VOLATILE_COLUMNS]
                found = session.execute(select(*kept)).all()
                rows[table.name] = sorted((tuple(r) for r in found), key=repr)
    return rows


@dataclass
class Script:
    """One conversation being played."""

    factory: sessionmaker[Session]
    case: dict[str, Any]
    dialogue: Dialogue = field(init=False)
    values: dict[str, str] = field(default_factory=dict)
    replies: list[Reply] = field(default_factory=list)
    script: str | None = None
    """The Mongolian script last written in (the replies follow it)."""

    def __post_init__(self) -> None:
        self.dialogue = Dialogue(self.factory)

    def person(self, name: str) -> int:
        with self.factory() as session:
            found = session.scalars(select(Person.id).where(Person.name == name)).all()
        assert len(found) == 1, f"no single person called {name}"
        return found[0]

    def people(self) -> dict[str, int]:
        """Everyone's id by name (read before a session of the checks is opened)."""
        with self.factory() as session:
            return {p.name: p.id for p in session.scalars(select(Person))}

    def fill(self, text: str) -> str:
        for name, value in self.values.items():
            text = text.replace("{" + name + "}", value)
        return text

    def give(self) -> None:
        """Orders placed at 08:00 before the conversation starts (``{order1}`` … their ids),
        and elders with no address on file (``no_address``)."""
        with unit_of_work(self.factory) as session:
            for name in self.case.get("no_address", []):
                profile = session.get(ElderProfile, self.person(name))
                assert profile is not None
                profile.address = ""
        for n, given in enumerate(self.case.get("given", []), 1):
            request = OrderRequest(
                elder_id=self.person(given["elder"]),
                day=date.fromisoformat(str(given.get("date", "2026-12-01"))),
                meal=MealSlot(given.get("meal", "lunch")),
                fulfillment=Fulfillment(given.get("fulfillment", "pickup")),
                lines=[OrderLine(d, int(q)) for d, q in given["dishes"].items()],
                idempotency_key=f"given-{n}",
                placed_by_id=None,
                placed_by_role=Actor.SELF,
            )
            order, _ = place_order_once(self.factory, request, BEFORE_LUNCH)
            self.values[f"order{n}"] = str(order.id)

    def play(self, turn: dict[str, Any]) -> Reply:
        speaker = self.person(turn.get("as", self.case["speaker"]))
        now = _when(turn.get("now", self.case.get("now")))
        turn_id = turn.get("turn_id")
        if "file" in turn:
            sent = turn["file"]
            data = workbook(sent["rows"]) if "rows" in sent else self.fill(sent["text"]).encode()
            return self.dialogue.handle_file(speaker, sent["name"], data, now, turn_id=turn_id)
        if "link" in turn:
            return self.dialogue.link_family(
                speaker, self.fill(str(turn["link"])), turn.get("relation", "daughter"), now
            )
        said = turn["say"]
        text = "" if said is None else self.fill(str(said))
        return self.dialogue.handle(speaker, text, now, turn_id=turn_id)

    def check_reply(self, n: int, turn: dict[str, Any], reply: Reply) -> None:
        where = f"turn {n} ({turn.get('say', turn.get('file', turn.get('link')))!r}): {reply}"
        assert reply.text.strip(), where
        assert "Traceback" not in reply.text and "Error" not in reply.text, where
        said = _plain(reply.text)
        for part in turn.get("says", []):
            assert _plain(self.fill(str(part))) in said, where
        for part in turn.get("not_says", []):
            assert _plain(self.fill(str(part))) not in said, where
        if "buttons" in turn:
            assert reply.choices == turn["buttons"], where
        if turn.get("lang", self.case.get("lang")) == "mn" and turn.get("as") is None:
            self.script = script_of(str(turn.get("say", ""))) or self.script
            if self.script == CYRILLIC_MN:  # answered in the script written in
                assert CYRILLIC.search(reply.text), f"not in Cyrillic: {where}"
                assert not TRADITIONAL.search(reply.text), f"not in Cyrillic: {where}"
            else:
                assert TRADITIONAL.search(reply.text), f"not in Mongolian script: {where}"
        for name, pattern in turn.get("remember", {}).items():
            found = re.search(pattern, reply.text)
            assert found, f"{where}: nothing matches {pattern}"
            self.values[name] = re.sub(r"\s+", "", found.group(1))


@pytest.mark.parametrize("case", _load())
def test_conversation(shop: sessionmaker[Session], case: dict[str, Any]) -> None:
    script = Script(shop, case)
    script.give()
    before = snapshot(shop)
    for n, turn in enumerate(case["turns"], 1):
        reply = script.play(turn)
        script.replies.append(reply)
        script.check_reply(n, turn, reply)
    check_expectations(script, case.get("expect", {}), before)


def check_expectations(script: Script, expect: dict[str, Any], before: dict[str, Any]) -> None:
    """What the database holds at the end.

    - ``unchanged: true``: no row of any table changed (the dialogue state aside);
    - ``orders: {elder: [{status, date, meal, fulfillment, dishes: {dish: qty}, price,
      subsidy, voucher, card, payable}]}``: all of that elder's orders, oldest first (money
      in yuan; only the keys given are compared);
    - ``cards: {elder: {kind: yuan}}``; ``reminder: {person: "HH:MM"}``;
    - ``feedback: [{kind, elder, author, has}]``: all feedback rows;
    - ``links: [[family, elder]]`` made, ``no_links`` not made;
    - ``outbox: [{to, kind, has}]``: messages queued (at least these), ``no_outbox: [person]``;
    - ``dishes: [name]`` and ``menus: [{date, meal, dishes}]`` exist; ``no_dishes: [name]``.
    """
    factory = script.factory
    ids = script.people()
    if expect.get("unchanged"):
        assert snapshot(factory) == before
    with factory() as session:
        for elder, wanted in expect.get("orders", {}).items():
            orders = list_orders(session, elder_id=ids[elder])
            orders.sort(key=lambda o: o.id)
            assert len(orders) == len(wanted), [(o.status, o.date) for o in orders]
            for order, want in zip(orders, wanted, strict=True):
                got = {
                    "status": order.status,
                    "date": order.date.isoformat(),
                    "meal": order.meal,
                    "fulfillment": order.fulfillment,
                    "dishes": {i.dish_name: i.qty for i in order.items},
                    "price": order.price_fen,
                    "subsidy": order.subsidy_fen,
                    "voucher": order.voucher_fen,
                    "card": order.card_fen,
                    "payable": order.payable_fen,
                }
                money = {"price", "subsidy", "voucher", "card", "payable"}
                for key, value in want.items():
                    value = _yuan(value) if key in money else value
                    value = str(value) if key == "date" else value
                    assert got[key] == value, f"{elder}: {key} is {got[key]}, not {value}"
        for elder, kinds in expect.get("cards", {}).items():
            cards = session.scalars(select(Card).where(Card.elder_id == ids[elder]))
            balances = {c.kind: c.balance_fen for c in cards}
            assert balances == {k: _yuan(v) for k, v in kinds.items()}
        for person, at in expect.get("reminder", {}).items():
            settings = session.get(PersonSettings, ids[person])
            assert settings is not None and settings.reminder_at == at
        if "feedback" in expect:
            rows = session.scalars(select(Feedback).order_by(Feedback.id)).all()
            assert len(rows) == len(expect["feedback"]), [r.text for r in rows]
            for row, want in zip(rows, expect["feedback"], strict=True):
                assert row.kind == want["kind"]
                assert row.elder_id == ids[want["elder"]]
                assert row.author_id == ids[want.get("author", want["elder"])]
                assert want.get("has", "") in row.text
                if "answer" in want:
                    assert row.answer is not None and want["answer"] in row.answer
        for family, elder in expect.get("links", []):
            assert _linked(session, ids[family], ids[elder])
        for family, elder in expect.get("no_links", []):
            assert not _linked(session, ids[family], ids[elder])
        queued = session.scalars(select(OutboxMessage)).all()
        for want in expect.get("outbox", []):
            to = ids[want["to"]]
            assert any(
                m.person_id == to
                and m.kind == want.get("kind", m.kind)
                and script.fill(want.get("has", "")) in m.text
                for m in queued
            ), [(m.person_id, m.kind, m.text) for m in queued]
        for person in expect.get("no_outbox", []):
            assert all(m.person_id != ids[person] for m in queued)
        names = set(session.scalars(select(Dish.name)))
        assert set(expect.get("dishes", [])) <= names
        assert not set(expect.get("no_dishes", [])) & names
        for want in expect.get("menus", []):
            menu = session.scalar(
                select(Menu).where(
                    Menu.date == date.fromisoformat(str(want["date"])), Menu.meal == want["meal"]
                )
            )
            assert menu is not None, want
            assert [i.dish.name for i in menu.items] == want["dishes"]


def _plain(text: str) -> str:
    """Mongolian as typed in a YAML file: a plain space for the narrow one before a suffix,
    and no vowel separator."""
    return text.replace("\u202f", " ").replace("\u180e", "")


def _linked(session: Session, family_id: int, elder_id: int) -> bool:
    found = session.scalar(
        select(FamilyLink.id).where(
            FamilyLink.family_id == family_id, FamilyLink.elder_id == elder_id
        )
    )
    return found is not None
