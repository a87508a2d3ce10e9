"""What the dialogue reads from the store between turns: who a person is, an elder's canteen,
the dish names the parser knows, a meal's menu. Rarely-changing answers are cached briefly:
the store checks every rule again when an order is placed, so a stale answer costs nothing
lasting."""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable
from datetime import date, datetime, timedelta
from typing import Any, TypeVar, cast

from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from bot.dialogue.state import ConversationState
from menus.catalogue import say
from menus.clock import is_open_for_orders, local_today
from menus.closures import LOOK_AHEAD_DAYS, Closure, closure_of, closures_between, next_open_meal_at
from menus.db import read_only, unit_of_work
from menus.errors import DomainError
from menus.feedback import staff_canteens
from menus.menu_store import home_canteen, load_menus, slot_times
from menus.models import Canteen, Conversation, Dish, Person
from menus.scripts import CYRILLIC_MN, name_in
from menus.vocab import MealSlot
from nlu.menu import DishNames, MenuNames
from nlu.parser import Parser

ELDER_WORDS = {"female": "奶奶", "male": "爷爷"}
"""How an older woman or man is addressed after their surname (王奶奶, 刘爷爷)."""
CACHE_SECONDS = 30.0
CACHE_ENTRIES = 10_000
T = TypeVar("T")


class Store:
    """The dialogue's window on the store (one per ``Dialogue``, shared by its turns)."""

    def __init__(self, factory: sessionmaker[Session]) -> None:
        self.factory = factory
        self._cache: dict[Any, tuple[float, Any]] = {}
        self.parser: Parser
        self.names_mn: dict[str, str] = {}
        self.names_mn_cyrl: dict[str, str] = {}
        self.refresh_names()

    def cached(self, key: Any, make: Callable[[], T]) -> T:
        """``make()``, remembered for ``CACHE_SECONDS`` (a turn asks several times)."""
        hit = self._cache.get(key)
        clock = time.monotonic()
        if hit is not None and hit[0] > clock:
            return cast(T, hit[1])
        value = make()
        if len(self._cache) > CACHE_ENTRIES:
            self._cache.clear()
        self._cache[key] = (clock + CACHE_SECONDS, value)
        return value

    def refresh_names(self) -> None:
        """Learn the dish names on file (again after a menu is published)."""
        with read_only(self.factory) as session:
            dishes = session.scalars(select(Dish).order_by(Dish.id))
            names = tuple(
                DishNames(d.name, tuple(d.aliases), d.name_mn, d.name_mn_cyrl) for d in dishes
            )
        self.parser = Parser(MenuNames(names))
        self._cache = {}
        self.names_mn = {d.name: name_in("mn", d.name, d.name_mn, None) for d in names}
        self.names_mn_cyrl = {
            d.name: name_in(CYRILLIC_MN, d.name, None, d.name_mn_cyrl) for d in names
        }

    # ------------------------------------------------------------------ people

    def kind(self, person_id: int) -> str:
        """elder, family or staff (staff only while they work for a canteen)."""
        return self.cached(("kind", person_id), lambda: self._load_kind(person_id))

    def _load_kind(self, person_id: int) -> str:
        with read_only(self.factory) as session:
            person = session.get(Person, person_id)
            if person is None:
                raise DomainError("unknown_elder", who=person_id)
            if staff_canteens(session, person_id) and person.kind == "staff":
                return "staff"
            return person.kind

    def name(self, person_id: int) -> str:
        with read_only(self.factory) as session:
            person = session.get(Person, person_id)
            return person.name if person else ""

    def address(self, person_id: int, lang: str) -> str:
        """How to greet a person politely: 王奶奶 / 刘爷爷 for an elder whose gender is on file
        (surname and the word for a grandmother or grandfather; never the full name), else their
        name as registered (family, staff; a Mongolian given name, said as it is)."""
        with read_only(self.factory) as session:
            person = session.get(Person, person_id)
            if person is None:
                return ""
            gender = person.elder.gender if person.elder else None
            name = person.name
        if lang == "zh" and gender in ELDER_WORDS and name and "\u4e00" <= name[0] <= "\u9fff":
            return say("address_elder", lang, surname=name[0], word=ELDER_WORDS[gender])
        return name

    # ---------------------------------------------------------------- canteens

    def home(self, session: Session, elder_id: int) -> Canteen:
        """The elder's canteen with its meal slots (detached, cached)."""

        def load() -> Canteen:
            canteen = home_canteen(session, elder_id)
            session.expunge(canteen)
            return canteen

        return self.cached(("home", elder_id), load)

    def canteen_code(self, elder_id: int) -> str:
        with read_only(self.factory) as session:
            return self.home(session, elder_id).code

    def closed(self, elder_id: int, meal: MealSlot, day: date, now: datetime) -> bool:
        """Whether orders for that meal have closed (so it can no longer change)."""
        with read_only(self.factory) as session:
            times = slot_times(self.home(session, elder_id), meal)
        return times is not None and not is_open_for_orders(day, times, now)

    def next_open_day(self, elder_id: int, meal: MealSlot, now: datetime) -> date:
        """The day an order for ``meal`` goes to when no day was said: today until its
        cut-off, else tomorrow; a day the canteen has closed that meal (休息) is passed over."""
        today = local_today(now)
        day = today + timedelta(days=1) if self.closed(elder_id, meal, today, now) else today
        with read_only(self.factory) as session:
            canteen_id = self.home(session, elder_id).id
            last = day + timedelta(days=LOOK_AHEAD_DAYS)
            closed = closures_between(session, [canteen_id], day, last).get(canteen_id, [])
        while day < last and any(c.covers(day, meal) for c in closed):
            day += timedelta(days=1)
        return day

    def closure(self, elder_id: int, day: date, meal: MealSlot | None) -> Closure | None:
        """Why the elder's canteen does not serve ``meal`` of ``day`` (休息), if it does not;
        with no meal, the closure of the whole day."""
        with read_only(self.factory) as session:
            canteen_id = self.home(session, elder_id).id

        def load() -> Closure | None:
            with read_only(self.factory) as session:
                if meal is not None:
                    return closure_of(session, canteen_id, day, meal)
                found = closures_between(session, [canteen_id], day, day).get(canteen_id, [])
                return next((c for c in found if c.meal is None), None)

        return self.cached(("closure", canteen_id, day, meal), load)

    def next_open_meal(
        self, elder_id: int, after: tuple[date, MealSlot], now: datetime
    ) -> tuple[date, MealSlot] | None:
        """The next meal after ``after`` the elder can still order (served, not closed, its
        menu published, its cut-off not passed), within two weeks."""
        with read_only(self.factory) as session:
            canteen = self.home(session, elder_id)
            return next_open_meal_at(session, canteen, after, now)

    def menu_names(self, elder_id: int, day: date, meal: MealSlot) -> list[list[str | None]]:
        """Every name of every dish on that meal's menu (empty when there is no menu)."""
        with read_only(self.factory) as session:
            canteen_id = self.home(session, elder_id).id

        def load() -> list[list[str | None]]:
            with read_only(self.factory) as session:
                menus = load_menus(session, [canteen_id], day, meal)
                return [
                    [i.dish.name, *i.dish.aliases, i.dish.name_mn, i.dish.name_mn_cyrl]
                    for i in (menus[0].items if menus else [])
                ]

        return self.cached(("menu", canteen_id, day, meal), load)

    # ------------------------------------------------------------------- words

    def names(self, lang: str) -> dict[str, str]:
        """The dishes' names in ``lang`` where the menu gives them (Mongolian, in the script
        the person writes)."""
        if lang == CYRILLIC_MN:
            return self.names_mn_cyrl
        return self.names_mn if lang == "mn" else {}

    def dishes_said(self, dishes: Iterable[str], lang: str) -> str:
        names = self.names(lang)
        return say("and", lang).join(names.get(d, d) for d in sorted(dishes))

    # ------------------------------------------------------------- conversation

    def load_state(self, person_id: int) -> ConversationState:
        with read_only(self.factory) as session:
            row = session.get(Conversation, person_id)
            if row is not None:
                return ConversationState.from_json(dict(row.state))
            person = session.get(Person, person_id)
            return ConversationState(lang=person.lang if person and person.lang else "zh")

    def save_state(self, person_id: int, state: ConversationState, now: datetime) -> None:
        data = state.to_json()
        with unit_of_work(self.factory) as session:
            row = session.get(Conversation, person_id)
            if row is None:
                session.add(Conversation(person_id=person_id, state=data, updated_at=now))
            else:
                row.state = data
                row.updated_at = now
