"""What the dialogue reads from the store between turns: who a person is, an elder's canteen,
the dish names the parser knows, a meal's menu. Rarely-changing answers are cached briefly:
the store checks every rule again when an order is placed, so a stale answer costs nothing
lasting. The dish names follow the menu version, so a menu published by another process or
command is understood here within about a second.

A turn runs in one transaction that holds the person's lock (``Store.turn_of``): two processes
given the same person's messages at once take them one after the other, each reading the state
the other wrote, while different people go on in parallel on PostgreSQL."""

from __future__ import annotations

import copy
import math
import time
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from typing import Any, TypeVar, cast

from sqlalchemy import Connection, Engine, select, text
from sqlalchemy.orm import Session, sessionmaker

from bot.dialogue.state import ConversationState
from menus.catalogue import say
from menus.clock import is_open_for_orders, local_today
from menus.closures import LOOK_AHEAD_DAYS, Closure, closure_of, closures_between, next_open_meal_at
from menus.db import read_only
from menus.errors import DomainError
from menus.feedback import staff_canteens
from menus.menu_store import home_canteen, load_menus, slot_times
from menus.models import Canteen, Conversation, Dish, Person
from menus.scripts import CYRILLIC_MN, name_in
from menus.versions import MENUS, version
from menus.vocab import MealSlot
from nlu.menu import DishNames, MenuNames
from nlu.parser import Parser

ELDER_WORDS = {"female": "奶奶", "male": "爷爷"}
"""How an older woman or man is addressed after their surname (王奶奶, 刘爷爷)."""
CACHE_SECONDS = 30.0
CACHE_ENTRIES = 10_000
VERSION_EVERY = 1.0
"""Seconds between two looks at the menu version (one small read at the start of a turn): how
late a bot may be to understand a dish published by another process."""
PERSON_LOCKS = 0x7A63
"""The first key of the PostgreSQL advisory locks that serialize one person's turns (the second
is the person's id), apart from any other advisory lock."""
T = TypeVar("T")


@dataclass
class Known:
    """What every turn of one dialogue shares: the parser for the dish names on file (as of
    ``menu_version``), their Mongolian names, and the cache of rarely-changing answers."""

    parser: Parser | None = None
    names_mn: dict[str, str] = field(default_factory=dict)
    names_mn_cyrl: dict[str, str] = field(default_factory=dict)
    cache: dict[Any, tuple[float, Any]] = field(default_factory=dict)
    menu_version: int | None = None
    looked_at: float = -math.inf
    """When the menu version was last read (on the store's clock)."""


class Store:
    """The dialogue's window on the store: one per ``Dialogue``, and one per turn bound to that
    turn's transaction (``turn_of``), sharing what is ``Known``.

    ``clock`` (seconds, monotonic) times the cache and the looks at the menu version; a test
    passes its own instead of sleeping."""

    def __init__(
        self,
        factory: sessionmaker[Session],
        *,
        clock: Callable[[], float] = time.monotonic,
        known: Known | None = None,
        connection: Connection | None = None,
    ) -> None:
        self.factory = factory
        self.clock = clock
        self.known = known if known is not None else Known()
        self._connection = connection
        self._joined: sessionmaker[Session] | None = None
        if known is None:
            self.refresh_names()

    @property
    def parser(self) -> Parser:
        assert self.known.parser is not None, "learned when the dialogue's store is made"
        return self.known.parser

    def cached(self, key: Any, make: Callable[[], T]) -> T:
        """``make()``, remembered for ``CACHE_SECONDS`` (a turn asks several times)."""
        cache = self.known.cache
        hit = cache.get(key)
        clock = self.clock()
        if hit is not None and hit[0] > clock:
            return cast(T, hit[1])
        value = make()
        if len(cache) > CACHE_ENTRIES:
            cache.clear()
        cache[key] = (clock + CACHE_SECONDS, value)
        return value

    def forget(self) -> None:
        """Drop the cached answers (a test or benchmark that swapped the database under us)."""
        self.known.cache.clear()

    def refresh_names(self) -> None:
        """Learn the dish names on file (again after a menu is published, here or elsewhere).

        The version is read before the dishes: a menu published in between is then learned
        again at the next look, never missed."""
        with read_only(self.factory) as session:
            seen = version(session, MENUS)
            dishes = session.scalars(select(Dish).order_by(Dish.id))
            names = tuple(
                DishNames(d.name, tuple(d.aliases), d.name_mn, d.name_mn_cyrl) for d in dishes
            )
        known = self.known
        menu = MenuNames(names)  # a parser trains once; a new menu only changes its dishes
        known.parser = known.parser.for_menu(menu) if known.parser else Parser(menu)
        known.cache = {}
        known.names_mn = {d.name: name_in("mn", d.name, d.name_mn, None) for d in names}
        known.names_mn_cyrl = {
            d.name: name_in(CYRILLIC_MN, d.name, None, d.name_mn_cyrl) for d in names
        }
        known.menu_version = seen
        known.looked_at = self.clock()

    def follow_menus(self) -> None:
        """Learn the dishes again if a menu was published since (by any process or command):
        the menu version is read at most once every ``VERSION_EVERY`` seconds."""
        known = self.known
        if self.clock() - known.looked_at < VERSION_EVERY:
            return
        known.looked_at = self.clock()
        with read_only(self.factory) as session:
            seen = version(session, MENUS)
        if seen != known.menu_version:
            self.refresh_names()

    # ------------------------------------------------------------------ a turn

    @contextmanager
    def turn_of(self, person_id: int) -> Iterator[Store]:
        """This person's turn as one transaction holding their lock; yields the store the
        turn reads and writes through (every session of it joins the transaction; a write as
        a savepoint, so a refused order undoes only itself). Committed when the block ends,
        rolled back if it raises.

        Why one transaction: the state is read, changed by the turn and written back; done
        in separate transactions, two processes handling the same person at once would each
        write over the other's turn. PostgreSQL: an advisory lock on the person, so other
        people's turns run alongside. SQLite: the transaction starts ``BEGIN IMMEDIATE``
        (``menus.db``), the write lock, so turns take their turn (as SQLite's writes do)."""
        engine = self.factory.kw["bind"]
        assert isinstance(engine, Engine), "the dialogue's sessions are bound to an engine"
        with engine.connect() as connection:
            connection.begin()
            try:
                if connection.dialect.name == "postgresql":
                    lock = text("SELECT pg_advisory_xact_lock(:space, :person)")
                    connection.execute(lock, {"space": PERSON_LOCKS, "person": person_id})
                yield self._bound(connection)
            except BaseException:
                connection.rollback()
                raise
            connection.commit()

    def _bound(self, connection: Connection) -> Store:
        """A store for one turn: its sessions join ``connection``'s transaction.

        The turn's session factory is a copy of one made once, given the turn's connection:
        ``sessionmaker()`` makes a new ``Session`` class each time, and the first session of
        a new class costs about 0.1 ms more (and garbage for the collector) every turn."""
        if self._joined is None:
            self._joined = sessionmaker(**self.factory.kw, join_transaction_mode="create_savepoint")
        joined = copy.copy(self._joined)
        joined.kw = {**self._joined.kw, "bind": connection}
        turn = Store(joined, clock=self.clock, known=self.known, connection=connection)
        turn.follow_menus()
        return turn

    def undo(self) -> None:
        """Roll back everything this turn did: a turn that failed keeps nothing, so its retry
        starts clean. Names it learned may come from a menu it published and took back, so
        the next turn reads the version again."""
        if self._connection is not None:
            self._connection.rollback()
        self.known.menu_version = None
        self.known.looked_at = -math.inf

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

    def canteen(self, elder_id: int) -> Canteen:
        """``home`` without a session at hand: one is opened only when it is not cached (a
        session opened for nothing costs more than the cached answer, several times a turn)."""

        def load() -> Canteen:
            with read_only(self.factory) as session:
                canteen = home_canteen(session, elder_id)
                session.expunge(canteen)
                return canteen

        return self.cached(("home", elder_id), load)

    def canteen_code(self, elder_id: int) -> str:
        return self.canteen(elder_id).code

    def closed(self, elder_id: int, meal: MealSlot, day: date, now: datetime) -> bool:
        """Whether orders for that meal have closed (so it can no longer change)."""
        times = slot_times(self.canteen(elder_id), meal)
        return times is not None and not is_open_for_orders(day, times, now)

    def next_open_day(self, elder_id: int, meal: MealSlot, now: datetime) -> date:
        """The day an order for ``meal`` goes to when no day was said: today until its
        cut-off, else tomorrow; a day the canteen has closed that meal (休息) is passed over."""
        today = local_today(now)
        day = today + timedelta(days=1) if self.closed(elder_id, meal, today, now) else today
        canteen_id = self.canteen(elder_id).id
        last = day + timedelta(days=LOOK_AHEAD_DAYS)

        def load() -> list[Closure]:
            with read_only(self.factory) as session:
                return closures_between(session, [canteen_id], day, last).get(canteen_id, [])

        closed = self.cached(("closures", canteen_id, day, last), load)
        while day < last and any(c.covers(day, meal) for c in closed):
            day += timedelta(days=1)
        return day

    def closure(self, elder_id: int, day: date, meal: MealSlot | None) -> Closure | None:
        """Why the elder's canteen does not serve ``meal`` of ``day`` (休息), if it does not;
        with no meal, the closure of the whole day."""
        canteen_id = self.canteen(elder_id).id

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
        canteen_id = self.canteen(elder_id).id

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
            return self.known.names_mn_cyrl
        return self.known.names_mn if lang == "mn" else {}

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
        """Store the state, the turn's last write: in a turn's transaction it takes no
        savepoint (if it failed the whole turn is rolled back, so there is nothing of its own
        to undo), which saves two statements a turn."""
        data = state.to_json()
        joined = self.factory(join_transaction_mode="rollback_only")
        with joined as session, session.begin():
            row = session.get(Conversation, person_id)
            if row is None:
                session.add(Conversation(person_id=person_id, state=data, updated_at=now))
            else:
                row.state = data
                row.updated_at = now
