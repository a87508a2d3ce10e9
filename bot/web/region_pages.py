"""What the region dashboard adds for the month, in words and a chart: the figures are
``menus.region_month``'s; here they are only put in the order and words a supervisor reads."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from bot.web.charts import Chart, day_bars
from menus.region_month import RegionMonth
from menus.settlement import category_label
from menus.supervision import CanteenFigures

MOST_DAYS_SHOWN = 6
"""How many missing days a line names before saying how many more there are."""


@dataclass(frozen=True)
class CanteenMonth:
    """One canteen's line: subsidy against budget, and the days missing a record."""

    code: str
    name: str
    spent_fen: int
    budget_fen: int | None
    share: str
    over: bool
    judged: int
    no_sample: str
    no_sample_count: int
    no_disinfection: str
    no_disinfection_count: int


def days_words(days: list[date]) -> str:
    """``12月3日、12月5日`` (and ``等9天`` past the first few); ``无`` for none."""
    if not days:
        return "无"
    shown = "、".join(f"{d.month}月{d.day}日" for d in days[:MOST_DAYS_SHOWN])
    return shown + (f"等{len(days)}天" if len(days) > MOST_DAYS_SHOWN else "")


def month_view(month: RegionMonth, figures: list[CanteenFigures]) -> dict[str, Any]:
    """The month's part of the dashboard: the chart of meals per day, the categories, each
    canteen's subsidy and food-safety gaps, and tomorrow's missing menus."""
    total = sum(n for _, n in month.per_day)
    chart: Chart = day_bars(month.per_day, "份")
    lines = []
    for f in figures:
        spending = month.spending[f.id]
        gaps = month.safety[f.id]
        share = spending.share
        lines.append(
            CanteenMonth(
                code=f.code,
                name=f.name,
                spent_fen=spending.spent_fen,
                budget_fen=spending.budget_fen,
                share="—" if share is None else f"{share * 100:.0f}%",
                over=spending.over,
                judged=gaps.judged,
                no_sample=days_words(gaps.no_sample),
                no_sample_count=len(gaps.no_sample),
                no_disinfection=days_words(gaps.no_disinfection),
                no_disinfection_count=len(gaps.no_disinfection),
            )
        )
    busiest = max(month.per_day, key=lambda p: p[1], default=None)
    return {
        "first": month.first,
        "today": month.today,
        "chart": chart,
        "per_day": month.per_day,
        "total": total,
        "busiest": busiest,
        "categories": [
            {"label": category_label(c), "meals": n, "subsidy_fen": fen}
            for c, n, fen in month.per_category
        ],
        "lines": lines,
        "spent_fen": sum(line.spent_fen for line in lines),
        "budget_fen": sum(line.budget_fen or 0 for line in lines),
        "unbudgeted": sum(1 for line in lines if line.budget_fen is None),
        "tomorrow": month.tomorrow,
    }
