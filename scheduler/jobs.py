"""The timed jobs: pure functions of (store, settings, now) that queue messages in the outbox.

Why functions of the moment and not of the trigger: whichever process runs them, however late,
they look at the store and queue what is due *now* and not yet queued (each message has a
unique key: person, kind, date, meal or order event). So a tick repeated is harmless, a tick
missed while the process was down is caught up by the next one if the message is still useful
(a reminder for a meal whose ordering has closed is dropped), and APScheduler only has to say
"now". Every job runs in its own transaction; one that fails does not stop the others.

What is *not* said here is left to the sender: when a message actually goes out (rate limits,
retries) and whether a reminder is still wanted at that moment.
"""

from __future__ import annotations

import logging
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from sqlalchemy import func, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session, selectinload, sessionmaker

from menus.catalogue import (
    REMINDER_CHOICES,
    choices,
    date_words,
    day_words,
    joined,
    month_words,
    say,
    word,
)
from menus.clock import TZ, SlotTimes, cutoff_at, is_open_for_orders, local_today, parse_hhmm
from menus.closures import closed_menu
from menus.db import read_only, unit_of_work
from menus.errors import DomainError
from menus.menu_store import slot_times
from menus.models import (
    Canteen,
    ElderCategoryRow,
    ElderProfile,
    FamilyLink,
    Menu,
    Order,
    OrderEvent,
    OrderItem,
    OutboxMessage,
    Person,
    PersonSettings,
    SchedulerMark,
    StaffMember,
)
from menus.orders import set_status
from menus.outbox import NewMessage, enqueue_many
from menus.reports import kitchen_sheet, kitchen_text, monthly_report
from menus.spoken import count as count_words
from menus.spoken import money, number
from menus.standing import Placed, place_due, told_key
from menus.vocab import Actor, MealSlot, OrderStatus, StaffRole
from scheduler.config import SchedulerSettings

log = logging.getLogger(__name__)

WATCHED_CATEGORIES = frozenset({"duju", "kongchao"})
"""独居 and 空巢 elders are watched even when they do not order often."""

KITCHEN_ROLES = frozenset({StaffRole.MANAGER.value, StaffRole.COOK.value, StaffRole.DELIVERY.value})
"""Who gets the kitchen sheet at the cut-off."""

RATING_CHOICES = ("1", "2", "3", "4", "5")

IN_LIMIT = 900
"""Ids per ``IN (...)`` list: SQLite refuses statements with too many parameters."""


def _chunks(ids: Sequence[int]) -> Iterable[list[int]]:
    for start in range(0, len(ids), IN_LIMIT):
        yield list(ids[start : start + IN_LIMIT])


@dataclass(frozen=True)
class Queued:
    """One message a job queued (what ``zhucan scheduler tick`` prints)."""

    key: str
    kind: str
    person_id: int
    due_at: datetime


Job = Callable[[sessionmaker[Session], SchedulerSettings, datetime], list[Queued]]


# ------------------------------------------------------------------------------ helpers


def deliver_at(settings: SchedulerSettings, moment: datetime) -> datetime:
    """``moment``, or the end of the quiet hours it falls in (non-urgent messages wait)."""
    local = moment.astimezone(TZ)
    if not settings.is_quiet(local.time()):
        return moment
    end = datetime.combine(local.date(), settings.quiet_end, tzinfo=TZ)
    if end <= local:
        end += timedelta(days=1)
    return end


@dataclass(frozen=True)
class _Canteen:
    """A canteen with its slots, as the jobs need it."""

    id: int
    code: str
    name: str
    name_mn: str | None
    delivery_area: tuple[str, ...]
    slots: dict[str, SlotTimes]

    def label(self, lang: str) -> str:
        return (self.name_mn or self.name) if lang == "mn" else self.name

    def default_meal(self) -> str | None:
        if MealSlot.LUNCH.value in self.slots:
            return MealSlot.LUNCH.value
        return next(iter(self.slots), None)


def _canteens(session: Session) -> list[_Canteen]:
    rows = session.scalars(
        select(Canteen).options(selectinload(Canteen.slots)).order_by(Canteen.id)
    )
    out = []
    for c in rows:
        slots = {m.value: t for m in MealSlot if (t := slot_times(c, m)) is not None}
        out.append(_Canteen(c.id, c.code, c.name, c.name_mn, tuple(c.delivery_area), slots))
    return out


def _home_canteens(
    session: Session, canteens: Sequence[_Canteen], elder_ids: Iterable[int] | None = None
) -> dict[int, _Canteen]:
    """Each elder's canteen: that of their latest order, else the one whose delivery area
    names their community, else the first canteen. (Elders are not registered to a canteen.)"""
    by_id = {c.id: c for c in canteens}
    by_community = {area: c for c in reversed(canteens) for area in c.delivery_area}
    parts: Iterable[list[int] | None] = (
        [None] if elder_ids is None else _chunks(sorted(set(elder_ids)))
    )
    home: dict[int, _Canteen] = {}
    for chunk in parts:
        latest = select(func.max(Order.id)).group_by(Order.elder_id)
        profiles = select(ElderProfile.person_id, ElderProfile.community)
        if chunk is not None:
            latest = latest.where(Order.elder_id.in_(chunk))
            profiles = profiles.where(ElderProfile.person_id.in_(chunk))
        from_orders = dict(
            session.execute(
                select(Order.elder_id, Order.canteen_id).where(
                    Order.id.in_(latest.scalar_subquery())
                )
            ).all()
        )
        for elder_id, community in session.execute(profiles):
            canteen_id = from_orders.get(elder_id)
            if canteen_id in by_id:
                home[elder_id] = by_id[canteen_id]
            elif community and community in by_community:
                home[elder_id] = by_community[community]
            elif canteens:
                home[elder_id] = canteens[0]
    return home


def _usual_meals(session: Session, today: date) -> dict[int, str]:
    """The meal each elder has ordered most in the last four weeks."""
    rows = session.execute(
        select(Order.elder_id, Order.meal, func.count())
        .where(Order.date >= today - timedelta(days=28), Order.status != "cancelled")
        .group_by(Order.elder_id, Order.meal)
    ).all()
    best: dict[int, tuple[int, str]] = {}
    order = [m.value for m in MealSlot]
    for elder_id, meal, count in rows:
        score = (int(count), -order.index(meal) if meal in order else -9)
        if elder_id not in best or score > (best[elder_id][0], -order.index(best[elder_id][1])):
            best[elder_id] = (int(count), meal)
    return {e: m for e, (_, m) in best.items()}


def _menu_days(session: Session, first: date, last: date) -> set[tuple[int, date, str]]:
    rows = session.execute(
        select(Menu.canteen_id, Menu.date, Menu.meal)
        .where(Menu.date >= first, Menu.date <= last)
        .where(~closed_menu())  # a closed meal (休息) is not offered: nothing to remind of
    )
    return {(c, d, m) for c, d, m in rows}


def _queued_keys(session: Session, kind: str, since: datetime) -> set[str]:
    query = select(OutboxMessage.key).where(
        OutboxMessage.kind == kind, OutboxMessage.due_at >= since
    )
    return set(session.scalars(query))


def _staff(session: Session, roles: Iterable[str] | None = None) -> dict[int, list[int]]:
    """Staff person ids per canteen (of the given roles)."""
    query = select(StaffMember.canteen_id, StaffMember.person_id).order_by(StaffMember.id)
    if roles is not None:
        query = query.where(StaffMember.role.in_(list(roles)))
    out: dict[int, list[int]] = defaultdict(list)
    for canteen_id, person_id in session.execute(query):
        out[canteen_id].append(person_id)
    return out


def _langs(session: Session, ids: Iterable[int]) -> dict[int, tuple[str, str]]:
    """(lang, name) of each person."""
    wanted = list(set(ids))
    if not wanted:
        return {}
    out: dict[int, tuple[str, str]] = {}
    for chunk in _chunks(wanted):
        rows = session.execute(
            select(Person.id, Person.lang, Person.name).where(Person.id.in_(chunk))
        )
        out.update({pid: (lang, name) for pid, lang, name in rows})
    return out


def _communities(session: Session, elder_ids: Iterable[int]) -> dict[int, str | None]:
    """The community each elder lives in (named in alerts to family and community staff)."""
    out: dict[int, str | None] = {}
    for chunk in _chunks(sorted(set(elder_ids))):
        query = select(ElderProfile.person_id, ElderProfile.community).where(
            ElderProfile.person_id.in_(chunk)
        )
        out.update({p: c for p, c in session.execute(query)})
    return out


def _family(session: Session, elder_ids: Iterable[int]) -> dict[int, list[int]]:
    """Family who asked to be told, per elder."""
    wanted = list(set(elder_ids))
    out: dict[int, list[int]] = defaultdict(list)
    if not wanted:
        return out
    for chunk in _chunks(wanted):
        query = (
            select(FamilyLink.elder_id, FamilyLink.family_id)
            .where(FamilyLink.elder_id.in_(chunk), FamilyLink.notify.is_(True))
            .order_by(FamilyLink.id)
        )
        for elder_id, family_id in session.execute(query):
            out[elder_id].append(family_id)
    return out


def _slot_windows(
    canteens: Sequence[_Canteen], now: datetime
) -> Iterable[tuple[_Canteen, str, date, datetime, datetime]]:
    """(canteen, meal, date, cut-off, end of serving) for every meal whose ordering has
    closed and whose serving has not ended yet: the window in which cut-off work is useful."""
    today = local_today(now)
    for canteen in canteens:
        for meal, slot in canteen.slots.items():
            for offset in range(-1, slot.days_before + 2):
                day = today + timedelta(days=offset)
                ends = datetime.combine(day, slot.serve_end, tzinfo=TZ)
                if not is_open_for_orders(day, slot, now) and now < ends:
                    yield canteen, meal, day, cutoff_at(day, slot), ends


def _queue(session: Session, messages: list[NewMessage], now: datetime) -> list[Queued]:
    keys = set(enqueue_many(session, messages, now))
    return [Queued(m.key, m.kind, m.person_id, m.due_at) for m in messages if m.key in keys]


# ---------------------------------------------------------------------------- the jobs


def ordering_reminders(
    factory: sessionmaker[Session], settings: SchedulerSettings, now: datetime
) -> list[Queued]:
    """At each elder's chosen time, one message if their next meal is not ordered yet.

    The meal is the one the elder usually orders (lunch without history), its next sitting
    whose ordering is still open when the reminder goes out. Nothing is sent when that day has
    no menu (a holiday), when there is already an order for it (a cancelled one counts: the
    elder decided), or when ordering will have closed by the time quiet hours allow sending.
    A reminder whose time passed while the scheduler was down goes out once, if still useful.
    """
    local = now.astimezone(TZ)
    today = local.date()
    due = deliver_at(settings, now)
    due_day = local_today(due)
    with unit_of_work(factory) as session:
        rows = session.execute(
            select(PersonSettings.person_id, PersonSettings.reminder_at, Person.lang)
            .join(Person, Person.id == PersonSettings.person_id)
            .where(PersonSettings.reminder_at.is_not(None), Person.kind == "elder")
        ).all()
        if not rows:
            return []
        canteens = _canteens(session)
        if not canteens:
            return []
        home = _home_canteens(session, canteens)
        usual = _usual_meals(session, today)
        menus = _menu_days(session, today - timedelta(days=1), today + timedelta(days=4))
        ordered = {
            (e, d, m)
            for e, d, m in session.execute(
                select(Order.elder_id, Order.date, Order.meal).where(
                    Order.date >= today, Order.date <= today + timedelta(days=3)
                )
            )
        }
        already = _queued_keys(session, "reminder", now - timedelta(days=3))
        texts: dict[tuple[str, date, str], tuple[str, tuple[str, str]]] = {}
        messages: list[NewMessage] = []
        for person_id, at, lang in rows:
            try:
                moment = datetime.combine(today, parse_hhmm(at or ""), tzinfo=TZ)
            except ValueError:
                continue
            if moment > local:
                moment -= timedelta(days=1)
            canteen = home.get(person_id, canteens[0])
            meal = usual.get(person_id) or canteen.default_meal()
            slot = canteen.slots.get(meal or "")
            if meal is None or slot is None:
                continue
            day = moment.date()
            while not is_open_for_orders(day, slot, moment):
                day += timedelta(days=1)
            if not is_open_for_orders(day, slot, due):
                continue  # closed before it could be said: dropped
            if (canteen.id, day, meal) not in menus or (person_id, day, meal) in ordered:
                continue
            key = f"reminder:{person_id}:{day.isoformat()}:{meal}"
            if key in already:
                continue
            cached = texts.get((lang, day, meal))
            if cached is None:
                sentence = say(
                    "reminder",
                    lang,
                    day=day_words(day, due_day, lang),
                    meal=word("part_of_day", meal, lang),
                )
                yes, no = choices(REMINDER_CHOICES, lang)
                buttons = (yes, no)
                cached = texts[(lang, day, meal)] = (sentence, buttons)
            messages.append(NewMessage(person_id, "reminder", key, cached[0], due, cached[1]))
        return _queue(session, messages, now)


def reminders_not_wanted(session: Session, keys: Sequence[str], now: datetime) -> set[str]:
    """At sending time, the reminder keys to drop: their meal got ordered meanwhile, or its
    ordering has closed (one query for a whole batch)."""
    wanted: dict[str, tuple[int, date, str]] = {}
    for key in keys:
        try:
            _, person_text, day_text, meal_text = key.split(":")
            wanted[key] = (int(person_text), date.fromisoformat(day_text), meal_text)
        except ValueError:
            continue
    if not wanted:
        return set()
    people = {p for p, _, _ in wanted.values()}
    days = {d for _, d, _ in wanted.values()}
    ordered = {
        (e, d, m)
        for e, d, m in session.execute(
            select(Order.elder_id, Order.date, Order.meal).where(
                Order.elder_id.in_(people), Order.date.in_(days)
            )
        )
    }
    home = _home_canteens(session, _canteens(session), people)
    drop = set()
    for key, (person, day, meal) in wanted.items():
        slot = home[person].slots.get(meal) if person in home else None
        closed = slot is not None and not is_open_for_orders(day, slot, now)
        if (person, day, meal) in ordered or closed:
            drop.add(key)
    return drop


def cutoff_sheets(
    factory: sessionmaker[Session], settings: SchedulerSettings, now: datetime
) -> list[Queued]:
    """At each canteen's cut-off for a meal, its kitchen staff get what to cook and the
    delivery list (ordering itself closes by the store's rule). Caught up until the meal ends."""
    today = local_today(now)
    with unit_of_work(factory) as session:
        canteens = _canteens(session)
        menus = _menu_days(session, today - timedelta(days=1), today + timedelta(days=3))
        staff = _staff(session, KITCHEN_ROLES)
        already = _queued_keys(session, "cutoff", now - timedelta(days=3))
        langs = _langs(session, [p for people in staff.values() for p in people])
        messages: list[NewMessage] = []
        for canteen, meal, day, _, _ in _slot_windows(canteens, now):
            if (canteen.id, day, meal) not in menus or not staff.get(canteen.id):
                continue
            keys = {
                p: f"cutoff:{canteen.id}:{day.isoformat()}:{meal}:{p}" for p in staff[canteen.id]
            }
            if all(k in already for k in keys.values()):
                continue
            row = session.get(Canteen, canteen.id)
            assert row is not None
            sheet = kitchen_sheet(session, row, day, MealSlot(meal))
            for person_id, key in keys.items():
                lang = langs.get(person_id, ("zh", ""))[0]
                text = say(
                    "cutoff_staff",
                    lang,
                    day=day_words(day, today, lang),
                    meal=word("part_of_day", meal, lang),
                    orders=number(sheet.orders, lang),
                    sheet=kitchen_text(sheet),
                )
                messages.append(NewMessage(person_id, "cutoff", key, text, now))
        return _queue(session, messages, now)


def _watched(session: Session, day: date, settings: SchedulerSettings) -> set[int]:
    """Elders who usually eat (ordered on ``usual_days`` of the ``usual_window`` days before
    ``day``) or who live alone or in an empty nest (独居, 空巢)."""
    first = day - timedelta(days=settings.usual_window)
    days = (
        select(Order.elder_id, Order.date)
        .where(Order.date >= first, Order.date < day, Order.status != "cancelled")
        .distinct()
        .subquery()
    )
    frequent = session.execute(
        select(days.c.elder_id)
        .group_by(days.c.elder_id)
        .having(func.count() >= settings.usual_days)
    ).scalars()
    categories = session.scalars(
        select(ElderCategoryRow.elder_id).where(
            ElderCategoryRow.category.in_(list(WATCHED_CATEGORIES))
        )
    )
    return set(frequent) | set(categories)


def wellbeing_no_order(
    factory: sessionmaker[Session], settings: SchedulerSettings, now: datetime
) -> list[Queued]:
    """At the cut-off, a watched elder with no order for their usual meal is reported to the
    family who asked to be told and to the canteen's community contact: going without a meal
    is often the first sign that something is wrong. A day without a menu is not reported."""
    today = local_today(now)
    with unit_of_work(factory) as session:
        canteens = _canteens(session)
        windows = list(_slot_windows(canteens, now))
        if not windows:
            return []
        menus = _menu_days(session, today - timedelta(days=1), today + timedelta(days=3))
        community = _staff(session, [StaffRole.COMMUNITY.value])
        already = _queued_keys(session, "no_order", now - timedelta(days=3))
        usual = _usual_meals(session, today)
        messages: list[NewMessage] = []
        for canteen, meal, day, _, _ in windows:
            if (canteen.id, day, meal) not in menus:
                continue
            watched = _watched(session, day, settings)
            if not watched:
                continue
            home = _home_canteens(session, canteens, watched)
            ordered = set(
                session.scalars(select(Order.elder_id).where(Order.date == day, Order.meal == meal))
            )
            missing = [
                e
                for e in sorted(watched)
                if e not in ordered
                and home.get(e) == canteen
                and (usual.get(e) or canteen.default_meal()) == meal
            ]
            if not missing:
                continue
            family = _family(session, missing)
            profiles = _communities(session, missing)
            people = _langs(
                session,
                [
                    *missing,
                    *community.get(canteen.id, []),
                    *(f for e in missing for f in family[e]),
                ],
            )
            for elder_id in missing:
                elder_name = people.get(elder_id, ("zh", "?"))[1]
                for kind, recipients in (
                    ("no_order_family", family[elder_id]),
                    ("no_order_community", community.get(canteen.id, [])),
                ):
                    for person_id in recipients:
                        key = f"no_order:{elder_id}:{day.isoformat()}:{meal}:{person_id}"
                        if key in already:
                            continue
                        lang = people.get(person_id, ("zh", ""))[0]
                        text = say(
                            kind,
                            lang,
                            elder=elder_name,
                            community=profiles.get(elder_id) or say("no_community", lang),
                            day=day_words(day, today, lang),
                            meal=word("part_of_day", meal, lang),
                        )
                        messages.append(NewMessage(person_id, "no_order", key, text, now))
        return _queue(session, messages, now)


def missed_not_collected(
    factory: sessionmaker[Session], settings: SchedulerSettings, now: datetime
) -> list[Queued]:
    """A ready order nobody collected by the end of its serving window becomes ``missed``
    (the order events sweep then tells the family and the community contact)."""
    today = local_today(now)
    with read_only(factory) as session:
        canteens = {c.id: c for c in _canteens(session)}
        rows = session.execute(
            select(Order.id, Order.canteen_id, Order.date, Order.meal).where(
                Order.status == OrderStatus.READY.value,
                Order.date >= today - timedelta(days=3),
                Order.date <= today,
            )
        ).all()
    for order_id, canteen_id, day, meal in rows:
        slot = canteens[canteen_id].slots.get(meal) if canteen_id in canteens else None
        if slot is None or now < datetime.combine(day, slot.serve_end, tzinfo=TZ):
            continue
        try:
            with unit_of_work(factory) as session:
                set_status(
                    session,
                    order_id,
                    OrderStatus.MISSED,
                    now,
                    actor=Actor.SYSTEM,
                    reason="not_collected",
                )
        except DomainError:
            continue  # collected or moved meanwhile
    return []


EVENTS_MARK = "order_events"


def _get_mark(session: Session, name: str) -> int:
    value = session.scalar(select(SchedulerMark.value).where(SchedulerMark.name == name))
    return int(value or 0)


def _set_mark(session: Session, name: str, value: int, now: datetime) -> None:
    row = session.get(SchedulerMark, name, with_for_update=True)
    if row is None:
        try:
            with session.begin_nested():
                session.add(SchedulerMark(name=name, value=value, updated_at=now))
        except IntegrityError:  # another scheduler wrote it first; a lower mark only rescans
            pass
        return
    if value > row.value:
        row.value = value
        row.updated_at = now


def _dishes(lang: str, items: Sequence[tuple[str, int]]) -> str:
    """红烧肉两份、米饭: a dish ordered once is just named."""
    said = (
        say("item", lang, dish=name, qty=count_words(qty, lang)) if qty > 1 else name
        for name, qty in items
    )
    return joined(said, lang)


def order_notifications(
    factory: sessionmaker[Session], settings: SchedulerSettings, now: datetime
) -> list[Queued]:
    """Turn new order events into messages: a placed order to the family who asked to be told
    (not to the one who placed it), ready or on its way to the elder and the family, collected
    or delivered and missed to the family (missed also to the community contact), and a
    cancellation by the canteen to the elder and the family.

    Events are read above a stored mark; events younger than ``event_lag_s`` are read again
    next time (one committed late must not be skipped), and the key per event and person makes
    reading twice harmless. Events older than ``stale_event_h`` are not announced any more.
    """
    today = local_today(now)
    lag = now - timedelta(seconds=settings.event_lag_s)
    stale = now - timedelta(hours=settings.stale_event_h)
    with unit_of_work(factory) as session:
        mark = _get_mark(session, EVENTS_MARK)
        events = session.execute(
            select(
                OrderEvent.id,
                OrderEvent.at,
                OrderEvent.actor_id,
                OrderEvent.actor_role,
                OrderEvent.from_status,
                OrderEvent.to_status,
                OrderEvent.reason,
                Order.id,
                Order.elder_id,
                Order.canteen_id,
                Order.date,
                Order.meal,
                Order.fulfillment,
                Order.payable_fen,
            )
            .join(Order, Order.id == OrderEvent.order_id)
            .where(OrderEvent.id > mark)
            .order_by(OrderEvent.id)
            .limit(5000)
        ).all()
        if not events:
            return []
        canteens = {c.id: c for c in _canteens(session)}
        elder_ids = {e[8] for e in events}
        family = _family(session, elder_ids)
        community = _staff(session, [StaffRole.COMMUNITY.value])
        items: dict[int, list[tuple[str, int]]] = defaultdict(list)
        for order_id, name, qty in session.execute(
            select(OrderItem.order_id, OrderItem.dish_name, OrderItem.qty)
            .where(OrderItem.order_id.in_({e[7] for e in events}))
            .order_by(OrderItem.id)
        ):
            items[order_id].append((name, qty))
        people = _langs(
            session,
            [
                *elder_ids,
                *(f for fs in family.values() for f in fs),
                *(p for ps in community.values() for p in ps),
            ],
        )
        profiles = _communities(session, elder_ids)
        already = set(
            session.scalars(
                select(OutboxMessage.key).where(
                    OutboxMessage.kind == "order", OutboxMessage.due_at >= stale
                )
            )
        )
        messages: list[NewMessage] = []
        new_mark = mark
        advancing = True
        for (
            event_id, at, actor_id, actor_role, from_status, to_status, reason,
            order_id, elder_id, canteen_id, day, meal, fulfillment, payable,
        ) in events:  # fmt: skip
            if at > now:
                advancing = False
                continue
            if advancing and at <= lag:
                new_mark = event_id
            else:
                advancing = False
            if at < stale:
                continue
            kin = family.get(elder_id, [])
            plans: list[tuple[int, str]] = []
            if to_status == OrderStatus.PLACED.value and from_status is None:
                plans = [(f, "placed_family") for f in kin if f != actor_id]
            elif to_status == OrderStatus.OUT_FOR_DELIVERY.value:
                plans = [(elder_id, "on_the_way_elder")] + [(f, "on_the_way_family") for f in kin]
            elif to_status == OrderStatus.READY.value:
                mine = "ready_elder_dine_in" if fulfillment == "dine_in" else "ready_elder"
                plans = [(elder_id, mine)] + [(f, "ready_family") for f in kin]
            elif to_status == OrderStatus.COMPLETED.value:
                plans = [(f, f"completed_family_{fulfillment}") for f in kin]
            elif to_status == OrderStatus.MISSED.value:
                plans = [(f, "missed_family") for f in kin]
                plans += [(p, "missed_community") for p in community.get(canteen_id, [])]
            elif to_status == OrderStatus.CANCELLED.value and actor_role in ("staff", "system"):
                plans = [(elder_id, "cancelled_by_canteen")]
                plans += [(f, "cancelled_by_canteen") for f in kin]
            canteen = canteens.get(canteen_id)
            elder_name = people.get(elder_id, ("zh", "?"))[1]
            for person_id, text_key in plans:
                key = f"order:{event_id}:{person_id}"
                if key in already:
                    continue
                lang = people.get(person_id, ("zh", ""))[0]
                if text_key == "placed_family" and payable <= 0:
                    text_key = "placed_family_paid"
                text = say(
                    text_key,
                    lang,
                    elder=elder_name,
                    day=day_words(day, today, lang),
                    meal=word("part_of_day", meal, lang),
                    canteen=canteen.label(lang) if canteen else "",
                    dishes=_dishes(lang, items.get(order_id, [])),
                    payable=money(payable, lang),
                    reason=reason or "",
                    community=profiles.get(elder_id) or say("no_community", lang),
                )
                messages.append(NewMessage(person_id, "order", key, text, now))
        queued = _queue(session, messages, now)
        if new_mark > mark:
            _set_mark(session, EVENTS_MARK, new_mark, now)
        return queued


def menu_reminders(
    factory: sessionmaker[Session], settings: SchedulerSettings, now: datetime
) -> list[Queued]:
    """On the configured weekday, a canteen with no menu at all for next week reminds its
    managers (all its staff but the community contact if it has no manager). A week with a
    gap (a public holiday) counts as published. Caught up until next week starts."""
    local = now.astimezone(TZ)
    weekday = local.weekday()
    if weekday < settings.menu_reminder_weekday:
        return []
    if weekday == settings.menu_reminder_weekday and local.time() < settings.menu_reminder_at:
        return []
    monday = local.date() + timedelta(days=7 - weekday)
    due = deliver_at(settings, now)
    with unit_of_work(factory) as session:
        canteens = _canteens(session)
        published = {c for c, _, _ in _menu_days(session, monday, monday + timedelta(days=6))}
        managers = _staff(session, [StaffRole.MANAGER.value])
        others = _staff(session, [r.value for r in StaffRole if r is not StaffRole.COMMUNITY])
        langs = _langs(session, [p for ps in others.values() for p in ps])
        messages: list[NewMessage] = []
        for canteen in canteens:
            if canteen.id in published:
                continue
            for person_id in managers.get(canteen.id) or others.get(canteen.id, []):
                lang = langs.get(person_id, ("zh", ""))[0]
                when = date_words(monday, lang)
                messages.append(
                    NewMessage(
                        person_id,
                        "menu_missing",
                        f"menu_missing:{canteen.id}:{monday.isoformat()}:{person_id}",
                        say("menu_missing_staff", lang, monday=when),
                        due,
                    )
                )
        return _queue(session, messages, now)


def monthly_reports(
    factory: sessionmaker[Session], settings: SchedulerSettings, now: datetime
) -> list[Queued]:
    """On the 1st (from ``monthly_report_at``), each canteen's managers get last month's
    service counts (the store's ``zhucan report``). Caught up during the first week."""
    local = now.astimezone(TZ)
    if local.day > 7 or (local.day == 1 and local.time() < settings.monthly_report_at):
        return []
    first = local.date().replace(day=1)
    month = (first - timedelta(days=1)).replace(day=1)
    due = deliver_at(settings, now)
    with unit_of_work(factory) as session:
        managers = _staff(session, [StaffRole.MANAGER.value])
        canteens = [c for c in _canteens(session) if managers.get(c.id)]
        keys = {
            (c.id, p): f"monthly:{c.id}:{month:%Y-%m}:{p}" for c in canteens for p in managers[c.id]
        }
        already = _queued_keys(session, "monthly", now - timedelta(days=40))
        if all(k in already for k in keys.values()):
            return []
        rows = {r["canteen"]: r for r in monthly_report(session, month) if r["category"] == "all"}
        langs = _langs(session, [p for _, p in keys])
        messages: list[NewMessage] = []
        for (canteen_id, person_id), key in keys.items():
            canteen = next(c for c in canteens if c.id == canteen_id)
            row = rows.get(canteen.code, {})
            lang = langs.get(person_id, ("zh", ""))[0]
            text = say(
                "monthly_staff",
                lang,
                month=month_words(month, lang),
                meals=number(row.get("meals_served", 0), lang),
                subsidy=money(int(row.get("subsidy_fen", 0)), lang),
                cancelled=number(row.get("cancelled", 0), lang),
                missed=number(row.get("missed", 0), lang),
            )
            messages.append(NewMessage(person_id, "monthly", key, text, due))
        return _queue(session, messages, now)


def after_meal_questions(
    factory: sessionmaker[Session], settings: SchedulerSettings, now: datetime
) -> list[Queued]:
    """The morning after a meal was served (collected, delivered or eaten in), one question
    with 1–5 buttons; the answer is stored by ``menus.feedback.record_rating``. One per elder
    per day."""
    local = now.astimezone(TZ)
    if local.time() < settings.after_meal_at or settings.is_quiet(local.time()):
        return []
    yesterday = local.date() - timedelta(days=1)
    with unit_of_work(factory) as session:
        rows = session.execute(
            select(Order.elder_id, Order.meal)
            .where(Order.date == yesterday, Order.status == OrderStatus.COMPLETED.value)
            .order_by(Order.id)
        ).all()
        last_meal = {elder_id: meal for elder_id, meal in rows}
        langs = _langs(session, last_meal)
        messages = []
        for elder_id, meal in last_meal.items():
            lang = langs.get(elder_id, ("zh", ""))[0]
            messages.append(
                NewMessage(
                    elder_id,
                    "after_meal",
                    f"after_meal:{elder_id}:{yesterday.isoformat()}",
                    say("after_meal", lang, meal=word("part_of_day", meal, lang)),
                    now,
                    RATING_CHOICES,
                )
            )
        return _queue(session, messages, now)


def standing_orders(
    factory: sessionmaker[Session], settings: SchedulerSettings, now: datetime
) -> list[Queued]:
    """Place the standing orders' meals that are open (``menus.standing.place_due``); tell the
    elder what was placed, and the elder and family what could not be (sold out, no menu) and
    why. Once each: the key names the standing order, the day and the meal."""
    placed = place_due(factory, now)
    if not placed:
        return []
    today = local_today(now)
    with unit_of_work(factory) as session:
        family = _family(session, [p.elder_id for p in placed])
        people = [p.elder_id for p in placed] + [f for fs in family.values() for f in fs]
        langs = _langs(session, people)
        messages = []
        for p in placed:
            told = [p.elder_id] if p.order is not None else [p.elder_id, *family[p.elder_id]]
            elder = langs.get(p.elder_id, ("zh", ""))[1]
            for person in told:
                lang = langs.get(person, ("zh", ""))[0]
                named = "" if person == p.elder_id else elder
                messages.append(_standing_notice(p, person, lang, named, today, now))
        return _queue(session, messages, now)


def _standing_notice(
    placed: Placed, person: int, lang: str, elder: str, today: date, now: datetime
) -> NewMessage:
    """What one person is told about one standing meal."""
    day = day_words(placed.day, today, lang)
    meal = word("part_of_day", placed.meal, lang)
    if placed.order is not None:
        items = [(i.dish_name, i.qty) for i in placed.order.items]
        text = say("standing_meal_placed", lang, day=day, meal=meal, dishes=_dishes(lang, items))
        return NewMessage(person, "standing_placed", f"{told_key(placed)}-{person}", text, now)
    assert placed.refusal is not None
    reason = placed.refusal.message(lang)
    text = say("standing_refused", lang, elder=elder, day=day, meal=meal, reason=reason)
    return NewMessage(person, "standing_refused", f"{told_key(placed)}-{person}", text, now)


JOBS: dict[str, Job] = {
    "missed": missed_not_collected,
    "order_notifications": order_notifications,
    "standing": standing_orders,
    "reminders": ordering_reminders,
    "cutoff": cutoff_sheets,
    "no_order": wellbeing_no_order,
    "menu_reminder": menu_reminders,
    "monthly": monthly_reports,
    "after_meal": after_meal_questions,
}
"""Run in this order: a missed order becomes an event before the events are read."""


def run_jobs(
    factory: sessionmaker[Session],
    settings: SchedulerSettings,
    now: datetime,
    *,
    only: Sequence[str] | None = None,
) -> list[Queued]:
    """Every job once at ``now``; what they queued. A failing job is logged (its name and the
    error's type only: messages carry personal data) and the others still run."""
    queued: list[Queued] = []
    counts: Counter[str] = Counter()
    for name, job in JOBS.items():
        if only is not None and name not in only:
            continue
        try:
            done = job(factory, settings, now)
        except Exception as exc:  # one broken job must not stop reminders or alerts
            log.error("scheduler job %s failed: %s", name, type(exc).__name__)
            continue
        counts[name] += len(done)
        queued.extend(done)
    if queued:
        log.info("scheduler queued %s", dict(counts))
    return queued
