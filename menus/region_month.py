"""The region dashboard's month (民政): meals served per day and per elder category, subsidy
spent against each canteen's budget, food-safety completeness, and the canteens with no menu
for tomorrow.

The rules, each a pure function over what a few grouped queries read:
- A meal served is a completed order (as the monthly report, the settlement and the rest of
  the dashboard count), on its own date, from the first of the month to today.
- Its category is the subsidy policy's the store priced it under (``none``: no subsidy), as
  the settlement files it, so the dashboard's categories add up to its total as the claim does.
- Subsidy spent is the completed orders' ``subsidy_fen``; the budget is the canteen's monthly
  ``subsidy_budget_fen`` (set by the operator: ``zhucan web set-budget``), None when not given.
- A day is missing 留样 (or disinfection) when a meal the canteen offered that day (a menu, not
  closed) has no sample (no disinfection record). Only days before today are judged: today's
  dinner may not be cooked yet.
- A canteen has no menu for tomorrow when it has no menu for any meal of tomorrow; a canteen
  closed all day tomorrow (休息) is listed apart, with its reason, and is not missing one.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from menus.audit import record_change
from menus.closures import closed_menu, closures_between
from menus.errors import DomainError
from menus.menu_store import get_canteen
from menus.models import Canteen, DisinfectionRecord, FoodSample, Menu, Order, SubsidyPolicyRow
from menus.vocab import OrderStatus

NO_SUBSIDY = "none"
Meal = tuple[int, date, str]
"""A canteen's meal of a day: (canteen id, day, meal code)."""


@dataclass(frozen=True)
class Spending:
    """A canteen's subsidy this month against its monthly budget (None: none given)."""

    spent_fen: int
    budget_fen: int | None

    @property
    def share(self) -> float | None:
        """Spent as a share of the budget (1.0 is all of it); None without a budget."""
        return self.spent_fen / self.budget_fen if self.budget_fen else None

    @property
    def over(self) -> bool:
        return self.budget_fen is not None and self.spent_fen > self.budget_fen


@dataclass(frozen=True)
class SafetyGaps:
    """A canteen's days this month (before today) with a meal offered and no 留样, or no
    tableware disinfection, recorded for it."""

    judged: int
    no_sample: list[date]
    no_disinfection: list[date]


@dataclass(frozen=True)
class Tomorrow:
    """The region's canteens with no menu for tomorrow, and those closed all day (reason)."""

    day: date
    missing: list[Canteen]
    closed: list[tuple[Canteen, str]]


@dataclass(frozen=True)
class RegionMonth:
    """Everything the dashboard adds for the month."""

    first: date
    today: date
    per_day: list[tuple[date, int]]
    per_category: list[tuple[str, int, int]]
    spending: dict[int, Spending]
    safety: dict[int, SafetyGaps]
    tomorrow: Tomorrow


# ------------------------------------------------------------------------ pure rules


def every_day(counts: Mapping[date, int], first: date, last: date) -> list[tuple[date, int]]:
    """Each day from ``first`` to ``last`` with its count (0 for a day with none)."""
    days = (last - first).days + 1
    return [(first + timedelta(d), counts.get(first + timedelta(d), 0)) for d in range(days)]


def missing_days(offered: Iterable[Meal], kept: Iterable[Meal]) -> dict[int, list[date]]:
    """Per canteen, the days on which some meal offered has no record kept, in date order."""
    done = set(kept)
    found: dict[int, set[date]] = defaultdict(set)
    for meal in offered:
        if meal not in done:
            found[meal[0]].add(meal[1])
    return {cid: sorted(days) for cid, days in found.items()}


def judged_days(offered: Iterable[Meal]) -> dict[int, int]:
    """Per canteen, how many days had a meal offered (the days completeness is judged on)."""
    days: dict[int, set[date]] = defaultdict(set)
    for cid, day, _ in offered:
        days[cid].add(day)
    return {cid: len(found) for cid, found in days.items()}


def category_rows(
    rows: Iterable[tuple[str | None, int, int]],
) -> list[tuple[str, int, int]]:
    """(category, meals, subsidy fen) summed per category, most meals first; an order under
    no policy is ``none``."""
    meals: dict[str, int] = defaultdict(int)
    fen: dict[str, int] = defaultdict(int)
    for category, count, subsidy in rows:
        key = category or NO_SUBSIDY
        meals[key] += count
        fen[key] += subsidy
    return sorted(((k, meals[k], fen[k]) for k in meals), key=lambda r: (-r[1], r[0]))


def no_menu_for(
    canteens: Sequence[Canteen], with_menu: set[int], closed_all_day: Mapping[int, str], day: date
) -> Tomorrow:
    """Which canteens have no menu for ``day``, the day-long closures apart."""
    missing = [c for c in canteens if c.id not in with_menu and c.id not in closed_all_day]
    closed = [(c, closed_all_day[c.id]) for c in canteens if c.id in closed_all_day]
    return Tomorrow(day, missing, closed)


# ------------------------------------------------------------------------ reading


def region_month(session: Session, canteens: Sequence[Canteen], today: date) -> RegionMonth:
    """The month's figures for these canteens (a region's), from the first of the month to
    ``today``: a handful of grouped queries, never one per canteen."""
    ids = [c.id for c in canteens]
    first = today.replace(day=1)
    served = (
        Order.canteen_id.in_(ids),
        Order.date.between(first, today),
        Order.status == OrderStatus.COMPLETED.value,
    )
    by_day = dict(
        session.execute(select(Order.date, func.count()).where(*served).group_by(Order.date)).all()
    )
    categories = session.execute(
        select(SubsidyPolicyRow.category, func.count(), func.sum(Order.subsidy_fen))
        .outerjoin(SubsidyPolicyRow, SubsidyPolicyRow.id == Order.subsidy_policy_id)
        .where(*served)
        .group_by(SubsidyPolicyRow.category)
    )
    spent = dict(
        session.execute(
            select(Order.canteen_id, func.sum(Order.subsidy_fen))
            .where(*served)
            .group_by(Order.canteen_id)
        ).all()
    )
    return RegionMonth(
        first=first,
        today=today,
        per_day=every_day({d: int(n) for d, n in by_day.items()}, first, today),
        per_category=category_rows((c, int(n), int(f or 0)) for c, n, f in categories),
        spending={
            c.id: Spending(int(spent.get(c.id) or 0), c.subsidy_budget_fen) for c in canteens
        },
        safety=safety_gaps(session, ids, first, today - timedelta(days=1)),
        tomorrow=tomorrow_menus(session, canteens, today + timedelta(days=1)),
    )


def safety_gaps(
    session: Session, ids: Sequence[int], first: date, last: date
) -> dict[int, SafetyGaps]:
    """``SafetyGaps`` of each canteen from ``first`` to ``last`` (none judged when the month
    has no day before today)."""
    if last < first or not ids:
        return {cid: SafetyGaps(0, [], []) for cid in ids}
    offered: list[Meal] = [
        (cid, day, meal)
        for cid, day, meal in session.execute(
            select(Menu.canteen_id, Menu.date, Menu.meal)
            .where(Menu.canteen_id.in_(ids), Menu.date.between(first, last))
            .where(~closed_menu())
        )
    ]
    samples = session.execute(
        select(FoodSample.canteen_id, FoodSample.day, FoodSample.meal)
        .where(FoodSample.canteen_id.in_(ids), FoodSample.day.between(first, last))
        .distinct()
    )
    disinfections = session.execute(
        select(DisinfectionRecord.canteen_id, DisinfectionRecord.day, DisinfectionRecord.meal)
        .where(DisinfectionRecord.canteen_id.in_(ids))
        .where(DisinfectionRecord.day.between(first, last))
        .distinct()
    )
    no_sample = missing_days(offered, [(c, d, m) for c, d, m in samples])
    no_disinfection = missing_days(offered, [(c, d, m) for c, d, m in disinfections])
    judged = judged_days(offered)
    return {
        cid: SafetyGaps(judged.get(cid, 0), no_sample.get(cid, []), no_disinfection.get(cid, []))
        for cid in ids
    }


def tomorrow_menus(session: Session, canteens: Sequence[Canteen], day: date) -> Tomorrow:
    """``no_menu_for`` over what the store holds for ``day``."""
    ids = [c.id for c in canteens]
    with_menu = set(
        session.scalars(
            select(Menu.canteen_id).where(Menu.canteen_id.in_(ids), Menu.date == day).distinct()
        )
    )
    closed_all_day: dict[int, str] = {}
    for cid, found in closures_between(session, ids, day, day).items():
        whole = [c for c in found if c.meal is None]
        if whole:
            closed_all_day[cid] = whole[0].reason
    return no_menu_for(canteens, with_menu, closed_all_day, day)


MAX_BUDGET_FEN = 2_000_000_000
"""The largest monthly budget the store holds (20 million yuan; the column is a 32-bit int)."""


def set_budget(session: Session, code: str, budget_fen: int | None, now: datetime) -> Canteen:
    """Set (None: clear) a canteen's monthly subsidy budget, in the audit log as the operator's
    change; a negative or too large budget is refused (``bad_argument``)."""
    if budget_fen is not None and not 0 <= budget_fen <= MAX_BUDGET_FEN:
        raise DomainError("bad_argument", detail=f"预算要在0到{MAX_BUDGET_FEN // 100}元之间")
    canteen = get_canteen(session, code)
    before = canteen.subsidy_budget_fen
    canteen.subsidy_budget_fen = budget_fen
    record_change(
        session,
        actor_id=None,
        action="canteen.budget",
        target=f"canteen:{canteen.code}",
        now=now,
        canteen_id=canteen.id,
        region=canteen.region,
        detail={"before_fen": before, "after_fen": budget_fen},
    )
    return canteen
