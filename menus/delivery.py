"""The delivery list (送餐单) of a meal and its walking order (送餐路线), kept per canteen.

Couriers walk a meal's deliveries community by community, in an order only they know (which
building first, which stairs, who is home late). The console lets them set that order once:
the communities' order and, within each community, the order of its stops. It is kept per
canteen, not per meal, so lunch, dinner and tomorrow's lists follow it too; the kitchen sheet,
the chat's 送餐单 and the scheduler's sheet all read it through ``delivery_stops``.

The rules, as pure functions:
- ``walking_order``: today's stops (or communities) in the saved order; those with no place
  yet follow, in the order given (first ordered first; communities by name). So a new address
  goes at the end of its community, and with nothing saved the list is as it always was.
- ``moved``: the whole route with one stop moved one place up or down among the stops shown
  today; stops not on today's list keep their places relative to each other, so moving on a
  short dinner list does not scramble lunch's longer one.

A stop is an elder at an address (``stop_key``): the same elder at another address (a
daughter's flat for a week) is another stop with a place of its own, and the route's tables
keep the address only as a hash (``address_key``), never its text. A stop's community is the
sheet's one rule (``community_of``). A move locks the canteen's row (PostgreSQL; SQLite's
``BEGIN IMMEDIATE`` serialises anyway), renumbers the community's whole route and says what
moved, for the audit log: the elder's name and places, never the address.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Hashable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import TypeVar

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from menus.catalogue import date_words
from menus.errors import DomainError
from menus.models import Canteen, ElderProfile, Order, Person, RouteCommunity, RouteStop
from menus.states import OPEN_STATUSES
from menus.vocab import Fulfillment, MealSlot

OTHER = "其他"
"""The community of a stop whose address names none and whose elder has none."""
COMMUNITY_LIMIT = 200
"""The longest community name kept (the route's column); a longer one is cut to it."""
STEPS = {"up": -1, "down": 1}
"""The moves a form may ask for: one place up (earlier) or down (later)."""
STOP = re.compile(r"([0-9]{1,9})-([0-9a-f]{32})")
"""A stop as a form names it: the elder's id and the address's hash."""

K = TypeVar("K", bound=Hashable)


@dataclass
class DeliveryStop:
    """One delivery: who, where, how to reach them, what to bring and what to collect."""

    order_id: int
    elder: str
    address: str
    phone: str
    items: list[str]
    payable_fen: int
    """What to collect at the door (paid on the day)."""
    elder_id: int
    stop: str
    """The stop's place in the route (``stop_key``): the elder and the address's hash."""
    lang: str
    """The elder's language (``zh``, ``mn``, ``mn-Cyrl``): whom to send, how to greet."""
    dishes: dict[str, int] = field(default_factory=dict)
    price_fen: int = 0
    subsidy_fen: int = 0
    voucher_fen: int = 0
    card_fen: int = 0


@dataclass(frozen=True)
class RouteTotal:
    """What one community's round carries: stops, portions per dish, money to collect."""

    stops: int
    portions: dict[str, int]
    payable_fen: int


@dataclass(frozen=True)
class SavedRoute:
    """A canteen's route as kept: communities in order, and each one's stops in order."""

    communities: list[str]
    stops: dict[str, list[str]]


@dataclass(frozen=True)
class Moved:
    """What a move changed, for the page's message and the audit log (no address)."""

    community: str
    name: str
    """The elder's name (a stop moved) or the community's (a community moved)."""
    elder_id: int | None
    before: int
    """Its place on the meal's list before, counting from 1."""
    after: int


# --------------------------------------------------------------------------- pure rules


def address_key(address: str) -> str:
    """The address as the route keeps it: a hash of its text with width and spaces evened
    out (全角/半角, a stray space), so the same address typed twice is the same stop."""
    even = "".join(unicodedata.normalize("NFKC", address).split())
    return hashlib.sha256(even.encode("utf-8")).hexdigest()[:32]


def stop_key(elder_id: int, address: str) -> str:
    """A stop: the elder at an address (``12-<hash>``)."""
    return f"{elder_id}-{address_key(address)}"


def parse_stop(text: str) -> tuple[int, str] | None:
    """The elder's id and the address's hash of a stop a form names; None if it is not one."""
    found = STOP.fullmatch(text)
    return (int(found.group(1)), found.group(2)) if found else None


def parse_step(text: str) -> int:
    """The move a form asks for: -1 (up) or +1 (down)."""
    try:
        return STEPS[text]
    except KeyError:
        raise DomainError("route_bad_step", step=text[:20]) from None


def parse_meal(text: str) -> MealSlot:
    """The meal a form names by its code (``lunch``)."""
    try:
        return MealSlot(text)
    except ValueError:
        raise DomainError("route_bad_meal", meal=text[:20]) from None


def community_of(canteen: Canteen, address: str, profile: ElderProfile | None) -> str:
    """The community a delivery goes to: the one of the canteen's delivery area that its
    address names (an elder may order to another address), else the elder's, else 其他."""
    named = [community for community in canteen.delivery_area if community in address]
    found = (named[0] if named else None) or (profile.community if profile else None) or OTHER
    return found[:COMMUNITY_LIMIT]


def walking_order(shown: Iterable[K], saved: Sequence[K]) -> list[K]:
    """``shown`` (each once) in the order of ``saved``; those not in it follow, in the order
    given: a new stop goes at the end of its community."""
    place = {key: i for i, key in reversed(list(enumerate(saved)))}
    unique = list(dict.fromkeys(shown))
    known = sorted((key for key in unique if key in place), key=place.__getitem__)
    return known + [key for key in unique if key not in place]


def whole_route(shown: Iterable[K], saved: Sequence[K]) -> list[K]:
    """The route to keep: everything saved (each once, in order), then the shown keys that
    had no place yet."""
    kept = list(dict.fromkeys(saved))
    have = set(kept)
    return kept + [key for key in dict.fromkeys(shown) if key not in have]


def moved(route: Sequence[K], shown: Iterable[K], key: K, step: int) -> list[K] | None:
    """``route`` with ``key`` moved ``step`` places among the keys ``shown`` (-1: before the
    one shown above it; +1: after the one shown below it); the keys not shown keep their
    order. None when it would leave the list (the first moved up, the last down).
    ``key`` and every shown key must be in ``route``."""
    visible, have = walking_order(shown, route), set(route)
    if key not in visible or any(k not in have for k in visible):
        raise ValueError("a shown key is not in the route")
    there = visible.index(key) + step
    if step == 0 or not 0 <= there < len(visible):
        return None
    neighbour = visible[there]
    rest = [k for k in dict.fromkeys(route) if k != key]
    at = rest.index(neighbour) + (1 if step > 0 else 0)
    return [*rest[:at], key, *rest[at:]]


def route_total(stops: Sequence[DeliveryStop]) -> RouteTotal:
    """One community's round: its stops, portions per dish (the most first), money due."""
    portions: Counter[str] = Counter()
    for stop in stops:
        portions.update(stop.dishes)
    ordered = dict(sorted(portions.items(), key=lambda kv: (-kv[1], kv[0])))
    return RouteTotal(len(stops), ordered, sum(stop.payable_fen for stop in stops))


def arranged(
    groups: Mapping[str, Sequence[DeliveryStop]], saved: SavedRoute
) -> dict[str, list[DeliveryStop]]:
    """The deliveries by community in the route's order: communities as saved (new ones by
    name), each one's stops as saved (new ones in the order given)."""
    communities = walking_order(sorted(groups), saved.communities)
    arranged_groups: dict[str, list[DeliveryStop]] = {}
    for community in communities:
        stops = groups[community]
        order = walking_order((s.stop for s in stops), saved.stops.get(community, []))
        rank = {key: i for i, key in enumerate(order)}
        arranged_groups[community] = sorted(stops, key=lambda s: rank[s.stop])
    return arranged_groups


# ------------------------------------------------------------------------------ store


def kitchen_orders(session: Session, canteen: Canteen, day: date, meal: MealSlot) -> list[Order]:
    """The meal's orders still to cook or hand over, with their lines and elders, oldest
    first: what the kitchen sheet and the delivery list are made of."""
    query = (
        select(Order)
        .where(Order.canteen_id == canteen.id, Order.date == day, Order.meal == meal.value)
        .where(Order.status.in_([s.value for s in OPEN_STATUSES]))
        .options(
            selectinload(Order.items),
            selectinload(Order.elder).selectinload(Person.elder),
        )
        .order_by(Order.id)
    )
    return list(session.scalars(query))


def saved_route(session: Session, canteen_id: int) -> SavedRoute:
    """The canteen's route as kept."""
    communities = session.scalars(
        select(RouteCommunity.community)
        .where(RouteCommunity.canteen_id == canteen_id)
        .order_by(RouteCommunity.position, RouteCommunity.id)
    )
    stops: dict[str, list[str]] = defaultdict(list)
    rows = session.execute(
        select(RouteStop.elder_id, RouteStop.address_key, RouteStop.community)
        .where(RouteStop.canteen_id == canteen_id)
        .order_by(RouteStop.position, RouteStop.id)
    )
    for elder_id, key, community in rows:
        stops[community].append(f"{elder_id}-{key}")
    return SavedRoute(list(communities), dict(stops))


def _grouped(canteen: Canteen, orders: Iterable[Order]) -> dict[str, list[DeliveryStop]]:
    """The deliveries among ``orders`` by community, in the order given."""
    groups: dict[str, list[DeliveryStop]] = defaultdict(list)
    for order in orders:
        if order.fulfillment != Fulfillment.DELIVERY.value:
            continue
        address = order.delivery_address or ""
        dishes: Counter[str] = Counter()
        for item in order.items:
            dishes[item.dish_name] += item.qty
        groups[community_of(canteen, address, order.elder.elder)].append(
            DeliveryStop(
                order_id=order.id,
                elder=order.elder.name,
                address=address,
                phone=order.elder.phone or "",
                items=[f"{i.dish_name}×{i.qty}" for i in order.items],
                payable_fen=order.payable_fen,
                elder_id=order.elder_id,
                stop=stop_key(order.elder_id, address),
                lang=order.elder.lang,
                dishes=dict(dishes),
                price_fen=order.price_fen,
                subsidy_fen=order.subsidy_fen,
                voucher_fen=order.voucher_fen,
                card_fen=order.card_fen,
            )
        )
    return groups


def delivery_stops(
    session: Session, canteen: Canteen, orders: Iterable[Order]
) -> dict[str, list[DeliveryStop]]:
    """The deliveries among ``orders`` by community, in the canteen's walking order."""
    groups = _grouped(canteen, orders)
    return arranged(groups, saved_route(session, canteen.id)) if groups else {}


def meal_deliveries(
    session: Session, canteen: Canteen, day: date, meal: MealSlot
) -> dict[str, list[DeliveryStop]]:
    """A meal's delivery list: by community, in walking order."""
    return delivery_stops(session, canteen, kitchen_orders(session, canteen, day, meal))


def move_stop(
    session: Session, canteen: Canteen, day: date, meal: MealSlot, stop: str, direction: str
) -> Moved:
    """Move one stop of the meal's list one place up or down within its community, and keep
    the community's new walking order for every meal to come. Refused (nothing changed): a
    move that is not up or down, a stop not on this meal's list (cancelled or delivered
    since the page was shown), the first moved up or the last down."""
    step = parse_step(direction)
    _lock(session, canteen)
    saved = saved_route(session, canteen.id)
    groups = arranged(_grouped(canteen, kitchen_orders(session, canteen, day, meal)), saved)
    found = [(c, stops) for c, stops in groups.items() if any(s.stop == stop for s in stops)]
    if parse_stop(stop) is None or not found:
        raise DomainError("route_not_on_list", date=date_words(day), meal=meal)
    community, stops = found[0]
    shown = [s.stop for s in stops]
    name = next(s.elder for s in stops if s.stop == stop)
    route = whole_route(shown, saved.stops.get(community, []))
    new = moved(route, shown, stop, step)
    if new is None and step < 0:
        raise DomainError("route_stop_first", name=name, community=community)
    if new is None:
        raise DomainError("route_stop_last", name=name, community=community)
    _keep_stops(session, canteen.id, community, new)
    before = list(dict.fromkeys(shown)).index(stop) + 1
    elder_id = next(s.elder_id for s in stops if s.stop == stop)
    return Moved(community, name, elder_id, before, before + step)


def move_community(
    session: Session,
    canteen: Canteen,
    day: date,
    meal: MealSlot,
    community: str,
    direction: str,
) -> Moved:
    """Move one community of the meal's list one place up or down in the route, kept for
    every meal to come. Refused (nothing changed) as ``move_stop`` is."""
    step = parse_step(direction)
    _lock(session, canteen)
    saved = saved_route(session, canteen.id)
    shown = list(arranged(_grouped(canteen, kitchen_orders(session, canteen, day, meal)), saved))
    if community not in shown:
        raise DomainError(
            "route_no_community", community=community[:40], date=date_words(day), meal=meal
        )
    new = moved(whole_route(shown, saved.communities), shown, community, step)
    if new is None and step < 0:
        raise DomainError("route_community_first", community=community)
    if new is None:
        raise DomainError("route_community_last", community=community)
    _keep_communities(session, canteen.id, new)
    before = shown.index(community) + 1
    return Moved(community, community, None, before, before + step)


def _lock(session: Session, canteen: Canteen) -> None:
    """One route change at a time per canteen (two couriers moving stops at once)."""
    session.execute(select(Canteen.id).where(Canteen.id == canteen.id).with_for_update())


def _keep_stops(session: Session, canteen_id: int, community: str, route: list[str]) -> None:
    """Number the community's stops 0, 1, 2… in ``route``'s order (a stop that was in
    another community moves into this one)."""
    rows = {
        f"{row.elder_id}-{row.address_key}": row
        for row in session.scalars(select(RouteStop).where(RouteStop.canteen_id == canteen_id))
    }
    for position, key in enumerate(route):
        row = rows.get(key)
        if row is None:
            parsed = parse_stop(key)
            assert parsed is not None  # every key was made by stop_key
            row = RouteStop(canteen_id=canteen_id, elder_id=parsed[0], address_key=parsed[1])
            session.add(row)
        row.community = community
        row.position = position
    session.flush()


def _keep_communities(session: Session, canteen_id: int, route: list[str]) -> None:
    """Number the canteen's communities 0, 1, 2… in ``route``'s order."""
    rows = {
        row.community: row
        for row in session.scalars(
            select(RouteCommunity).where(RouteCommunity.canteen_id == canteen_id)
        )
    }
    for position, community in enumerate(route):
        row = rows.get(community)
        if row is None:
            row = RouteCommunity(canteen_id=canteen_id, community=community)
            session.add(row)
        row.position = position
    session.flush()
