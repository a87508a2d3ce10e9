"""What the food-safety page (食品安全) shows, read from ``menus.food_safety`` into plain data
for its template: the day's 留样 per meal with the dishes still to sample, the disinfection
log, the self-inspection, the samples whose 48 hours have ended, and the day's one sentence.

Nothing here decides a rule: which dishes may be sampled is the day's menu, the 48 hours and
the sentence are the store's (``discard_after``, ``samples_to_discard``, ``day_summary``).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime

from sqlalchemy.orm import Session

from menus import food_safety as fs
from menus.clock import TZ, local_today
from menus.menu_store import load_menus
from menus.models import Canteen, FoodSample
from menus.vocab import MealSlot, label_zh


@dataclass(frozen=True)
class SampleRow:
    """One 留样 as the page lists it."""

    id: int
    day: date
    meal: str
    dish: str
    grams: int
    kept_at: str
    kept_by: str
    discard_after: str
    photo_id: int | None


@dataclass(frozen=True)
class Choice:
    """An option of a form's list: its code and its words."""

    value: str
    label: str


@dataclass
class MealSafety:
    """One meal of the day: its menu's dishes, the samples kept and the disinfection."""

    meal: str
    label: str
    dishes: list[str]
    samples: list[SampleRow] = field(default_factory=list)
    disinfection: str | None = None

    @property
    def unsampled(self) -> list[str]:
        """The dishes on the menu not sampled yet (the form offers these)."""
        kept = {row.dish for row in self.samples}
        return [dish for dish in self.dishes if dish not in kept]


@dataclass(frozen=True)
class CheckRow:
    """One check of the self-inspection: its words, and the result once recorded."""

    code: str
    label: str
    hint: str
    ok: bool | None = None
    note: str = ""


@dataclass
class SafetyPage:
    """Everything the page shows for one canteen and day."""

    summary: str
    meals: list[MealSafety]
    checks: list[CheckRow]
    inspected_by: str | None
    to_discard: list[SampleRow]
    methods: list[Choice]
    now_hhmm: str


def sample_row(sample: FoodSample) -> SampleRow:
    """A sample with its times in local words."""
    return SampleRow(
        id=sample.id,
        day=sample.day,
        meal=label_zh(MealSlot(sample.meal)),
        dish=sample.dish_name,
        grams=sample.grams,
        kept_at=_local(sample.kept_at),
        kept_by=sample.kept_by_name,
        discard_after=_local(fs.discard_after(sample.kept_at)),
        photo_id=sample.photo_id,
    )


def _local(moment: datetime) -> str:
    return moment.astimezone(TZ).strftime("%m-%d %H:%M")


def safety_page(session: Session, canteen: Canteen, day: date, now: datetime) -> SafetyPage:
    """The page's data for ``day``; the discard list is as of ``now``."""
    records = fs.safety_day(session, canteen, day)
    meals = _meals(session, canteen, day, records)
    inspection = records.inspection
    results = inspection.results if inspection is not None else {}
    checks = [
        CheckRow(
            code,
            fs.check_label(code),
            fs.check_hint(code),
            results[code]["ok"] if code in results else None,
            str(results.get(code, {}).get("note", "")),
        )
        for code in fs.CHECKS
    ]
    return SafetyPage(
        summary=fs.day_summary(fs.facts_of(records), local_today(now)),
        meals=meals,
        checks=checks,
        inspected_by=inspection.inspected_by_name if inspection is not None else None,
        to_discard=[sample_row(s) for s in fs.samples_to_discard(session, canteen.id, now)],
        methods=[Choice(code, fs.method_label(code)) for code in fs.METHODS],
        now_hhmm=now.astimezone(TZ).strftime("%H:%M"),
    )


def _meals(
    session: Session, canteen: Canteen, day: date, records: fs.SafetyDay
) -> list[MealSafety]:
    """The meals with a menu that day (and any meal with records), in serving order."""
    dishes: dict[MealSlot, list[str]] = {}
    for menu in load_menus(session, [canteen.id], day):
        dishes.setdefault(MealSlot(menu.meal), []).extend(i.dish.name for i in menu.items)
    wanted = set(dishes) | {MealSlot(s.meal) for s in records.samples}
    wanted |= {MealSlot(d.meal) for d in records.disinfections}
    order = list(MealSlot)
    meals = {
        meal: MealSafety(meal.value, label_zh(meal), dishes.get(meal, []))
        for meal in sorted(wanted, key=order.index)
    }
    for sample in records.samples:
        meals[MealSlot(sample.meal)].samples.append(sample_row(sample))
    for record in records.disinfections:
        meals[
            MealSlot(record.meal)
        ].disinfection = (
            f"{fs.method_label(record.method)}，{_local(record.done_at)}，{record.done_by_name}"
        )
    return list(meals.values())
