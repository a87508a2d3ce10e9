"""What the menu planner's pages show, read from ``menus.planner`` into plain data for the
templates: the week's grid, one meal's menu with its forms, and a copy's preview.

Nothing here decides a rule: which menus a copy adds, keeps or cannot copy is
``menus.planner.plan_copy``'s; what is closed is ``menus.closures``'; what a change may do is
the menu import's. This module only words it (``bot.web.texts``).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, timedelta

from bot.web.texts import day_label, say
from menus.closures import Closure
from menus.menuproblems import MenuFileError
from menus.models import Canteen
from menus.planner import (
    Cell,
    CellChange,
    CopyPlan,
    Edit,
    Fate,
    Line,
    Planned,
    Week,
    served_meals,
    week_label,
)
from menus.vocab import MealSlot, label_zh


def portions(cap: int | None) -> str:
    """限40份 / 不限量."""
    return say("portions_free") if cap is None else say("portions_cap", cap=cap)


def when(day: date, meal: MealSlot | None = None) -> str:
    """A meal as staff read it: ``12月3日 周四 午餐`` (the whole day without a meal)."""
    return day_label(day) + (f" {label_zh(meal)}" if meal is not None else "")


def span(monday: date) -> str:
    """``2026年第49周（11月30日—12月6日）``."""
    sunday = monday + timedelta(days=6)
    year, number, _ = monday.isocalendar()
    return say(
        "planner_span",
        year=year,
        week=number,
        first=f"{monday.month}月{monday.day}日",
        last=f"{sunday.month}月{sunday.day}日",
    )


@dataclass(frozen=True)
class DishShown:
    """A dish in a cell: its words and what the cell page's forms need."""

    name: str
    price_fen: int
    cap: int | None
    portions: str
    ordered: int

    @property
    def text(self) -> str:
        """红烧肉 12.00元 限40份（已订2份）."""
        ordered = say("planner_ordered", count=self.ordered) if self.ordered else ""
        return f"{self.name} {self.price_fen / 100:.2f}元 {self.portions}{ordered}"


@dataclass(frozen=True)
class CellShown:
    """One meal of one day on the grid."""

    day: date
    meal: str
    label: str
    dishes: list[DishShown]
    closed: str
    orders: int
    editable: bool


@dataclass(frozen=True)
class DayShown:
    """A column of the grid: the day, and its closure if the whole day is closed."""

    day: date
    label: str
    closed: str
    past: bool


@dataclass(frozen=True)
class ClosureShown:
    """A closure of the week, with what its button says."""

    id: int
    text: str
    button: str
    past: bool


@dataclass
class Grid:
    """The week as the planner page shows it."""

    monday: date
    label: str
    span: str
    days: list[DayShown]
    rows: list[tuple[str, list[CellShown]]]
    closures: list[ClosureShown] = field(default_factory=list)
    empty: bool = True


def _dish(line: Line) -> DishShown:
    return DishShown(line.dish, line.price_fen, line.cap, portions(line.cap), line.ordered)


def closed_words(closure: Closure | None) -> str:
    """休息：春节 (or nothing)."""
    return say("planner_closed_cell", reason=closure.reason) if closure is not None else ""


def grid(week: Week, today: date) -> Grid:
    """The week's grid: a row per meal, a column per day, each cell's dishes, what closes it
    and its orders; an open cell of today or later can be changed (by those who may). A
    closed meal keeps its menu on the grid (reopening brings it back), marked closed."""
    days = [
        DayShown(day, day_label(day), closed_words(week.day_closure(day)), day < today)
        for day in week.days
    ]
    rows = []
    for meal in week.meals:
        cells = []
        for day in week.days:
            cell = week.cell(day, meal)
            whole_day = week.day_closure(day) is not None
            cells.append(
                CellShown(
                    day,
                    meal.value,
                    when(day, meal),
                    [_dish(line) for line in cell.lines],
                    "" if whole_day else closed_words(cell.closure),
                    cell.orders,
                    day >= today and cell.closure is None,
                )
            )
        rows.append((label_zh(meal), cells))
    closures = [
        ClosureShown(
            c.id,
            say("planner_closure_line", when=when(c.day, c.meal), reason=c.reason, who=c.closed_by),
            say("planner_reopen_button", when=when(c.day, c.meal)),
            c.day < today,
        )
        for c in week.closures
    ]
    empty = not any(week.cells)
    return Grid(
        week.monday, week_label(week.monday), span(week.monday), days, rows, closures, empty
    )


@dataclass
class CellPage:
    """One meal's menu on its own page, with what may be added to it."""

    day: date
    meal: str
    title: str
    dishes: list[DishShown]
    closed: str
    orders: int
    addable: list[tuple[str, str]]
    """Dishes of the canteen not on this menu: (name, "红烧肉（12.00元）")."""
    past: bool


def cell_page(cell: Cell, library: list[tuple[str, int]], today: date) -> CellPage:
    """The cell page's data: the menu, its closure, its orders, the dishes one may add."""
    on = {line.dish for line in cell.lines}
    addable = [
        (name, f"{name}（{price / 100:.2f}元）") for name, price in library if name not in on
    ]
    return CellPage(
        cell.day,
        cell.meal.value,
        when(cell.day, cell.meal),
        [_dish(line) for line in cell.lines],
        closed_words(cell.closure),
        cell.orders,
        addable,
        cell.day < today,
    )


@dataclass(frozen=True)
class CopyLine:
    """One of last week's menus in the copy's preview: where it goes and what happens."""

    label: str
    dishes: str
    note: str


@dataclass
class CopyPreview:
    """The copy's preview in three lists."""

    added: list[CopyLine]
    kept: list[CopyLine]
    conflicts: list[CopyLine]
    fingerprint: str
    last_span: str
    this_span: str


def _dishes(dishes: tuple[tuple[str, int | None], ...]) -> str:
    return "、".join(
        name + (f"（{portions(cap)}）" if cap is not None else "") for name, cap in dishes
    )


def _note(entry: Planned) -> str:
    target = entry.target
    if entry.fate is Fate.SAME:
        note = say("copy_same")
    elif entry.fate is Fate.KEEP:
        shown = _dishes(target.dishes) if target is not None else ""
        note = say("copy_keep", dishes=shown)
    elif entry.fate is Fate.PAST:
        note = say("copy_past")
    elif entry.fate is Fate.CLOSED:
        reason = target.closure.reason if target is not None and target.closure else ""
        note = say("copy_closed", reason=reason)
    elif entry.fate is Fate.NOT_SERVED:
        note = say("copy_not_served", meal=label_zh(entry.meal))
    else:
        note = ""
    if target is not None and target.orders:
        note += say("copy_has_orders", count=target.orders)
    return note


def copy_preview(plan: CopyPlan) -> CopyPreview:
    """What copying will add, keep and not copy, each in words."""

    def lines(entries: list[Planned]) -> list[CopyLine]:
        return [CopyLine(when(e.day, e.meal), _dishes(e.source.dishes), _note(e)) for e in entries]

    return CopyPreview(
        lines(plan.added),
        lines(plan.kept),
        lines(plan.conflicts),
        plan.fingerprint(),
        span(plan.monday - timedelta(days=7)),
        span(plan.monday),
    )


def problem_lines(refused: MenuFileError) -> list[str]:
    """The menu import's problems with a change, each after the meal it is about
    (``12月1日 周二 午餐：已经订出2份，不能限量为1份。``)."""
    lines = []
    for problem in refused.problems:
        label = problem.where.label
        try:
            day_text, meal_text = label.split(" ")
            where = when(date.fromisoformat(day_text), MealSlot(meal_text))
        except ValueError:  # a menu refused before its date was read: what is wrong says it
            menus = problem.where.part == "menus"
            lines.append(problem.says("zh") if menus else problem.render(refused.file, "zh"))
            continue
        lines.append(f"{where}：{problem.says('zh')}")
    return lines


def served(canteen: Canteen) -> list[MealSlot]:
    """The meals a day or meal can be closed for: those the canteen serves."""
    return served_meals(canteen)


def change_words(day: date, meal: MealSlot, change: CellChange) -> str:
    """What a change to one meal did, for the page and the audit log."""
    label = when(day, meal)
    if change.edit is Edit.ADD:
        return say(
            "planner_cell_added", when=label, dish=change.dish, portions=portions(change.cap)
        )
    if change.edit is Edit.REMOVE:
        return say("planner_cell_removed", when=label, dish=change.dish)
    return say("planner_cell_capped", when=label, dish=change.dish, portions=portions(change.cap))
