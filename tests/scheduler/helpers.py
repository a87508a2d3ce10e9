"""Helpers for the scheduler's tests: people by name, extra menus, staff, orders moved on."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from menus.clock import TZ
from menus.db import unit_of_work
from menus.menu_store import get_canteen, import_menu_file
from menus.menufile import MenuSpec, read_menu_file
from menus.models import OutboxMessage, Person, StaffMember
from menus.orders import set_status
from menus.settings import set_reminder
from menus.vocab import Actor, MealSlot, OrderStatus
from scheduler.config import SchedulerSettings
from tests.conftest import SMALL_MENU

FAST = SchedulerSettings(global_rate=1000.0, person_rate=1000.0, global_burst=50, person_burst=50)
"""Limits high enough that tests don't wait (the limits have tests of their own)."""


def at(text: str) -> datetime:
    """A local (Asia/Shanghai) moment: ``at("2026-12-01 09:30")``."""
    return datetime.fromisoformat(text).replace(tzinfo=TZ)


def pid(factory: sessionmaker[Session], name: str) -> int:
    """A person's id by name."""
    with factory() as session:
        return session.scalars(select(Person.id).where(Person.name == name)).one()


def add_menus(factory: sessionmaker[Session], days: list[date], meal: str = "lunch") -> None:
    """Publish a simple menu (红烧肉, 米饭) for these days at the test canteen."""
    menu_file = read_menu_file(SMALL_MENU)
    menus = [MenuSpec(d, MealSlot(meal), ["红烧肉", "米饭"]) for d in days]
    with unit_of_work(factory) as session:
        import_menu_file(session, replace(menu_file, menus=menus), "extra")


def add_staff(factory: sessionmaker[Session], name: str, role: str, lang: str = "zh") -> int:
    """A staff member of the test canteen with this role."""
    with unit_of_work(factory) as session:
        canteen = get_canteen(session, "test")
        person = Person(kind="staff", name=name, phone="", lang=lang, created_at=at("2026-11-01"))
        session.add(person)
        session.flush()
        session.add(StaffMember(person_id=person.id, canteen_id=canteen.id, role=role))
        return person.id


def remind(factory: sessionmaker[Session], name: str, hhmm: str | None) -> int:
    """Set an elder's daily reminder; returns their id."""
    person_id = pid(factory, name)
    with unit_of_work(factory) as session:
        set_reminder(session, person_id, hhmm, at("2026-11-01"))
    return person_id


def move(
    factory: sessionmaker[Session], order_id: int, now: datetime, *statuses: OrderStatus
) -> None:
    """Staff move an order through these statuses, a minute apart."""
    for n, status in enumerate(statuses):
        with unit_of_work(factory) as session:
            set_status(session, order_id, status, now + timedelta(minutes=n), actor=Actor.STAFF)


def outbox(factory: sessionmaker[Session], kind: str | None = None) -> list[OutboxMessage]:
    """Every queued message (of one kind), in id order."""
    query = select(OutboxMessage).order_by(OutboxMessage.id)
    if kind is not None:
        query = query.where(OutboxMessage.kind == kind)
    with factory() as session:
        return list(session.scalars(query))


def make_people(factory: sessionmaker[Session], n: int, prefix: str = "p") -> list[int]:
    """``n`` people (no profile needed to receive messages); their ids."""
    from sqlalchemy import insert

    with unit_of_work(factory) as session:
        rows = [
            {"kind": "family", "name": f"{prefix}{i}", "lang": "zh", "created_at": at("2026-11-01")}
            for i in range(n)
        ]
        session.execute(insert(Person), rows)
        return list(
            session.scalars(
                select(Person.id).where(Person.name.like(f"{prefix}%")).order_by(Person.id)
            )
        )


def queue_messages(
    factory: sessionmaker[Session],
    people: list[int],
    due: datetime,
    *,
    prefix: str = "m",
    kind: str = "test",
) -> list[str]:
    """One message per person (text = key); the keys queued."""
    from menus.outbox import NewMessage, enqueue_many

    with unit_of_work(factory) as session:
        messages = [
            NewMessage(p, kind, f"{prefix}:{n}:{p}", f"{prefix}:{n}:{p}", due)
            for n, p in enumerate(people)
        ]
        return enqueue_many(session, messages, due)
