"""Bar charts drawn on the server as inline SVG: no script, nothing fetched, the same on the
screen and on paper (dark bars and black text on white, a fixed view box that scales to the
page's width). Only the geometry is here; ``templates/bar_chart.html`` writes the SVG."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

WIDTH, HEIGHT = 760, 260
LEFT, RIGHT, TOP, BOTTOM = 56, 12, 16, 40
"""The view box and the margins kept for the axis labels."""


@dataclass(frozen=True)
class Bar:
    x: float
    y: float
    width: float
    height: float
    label: str
    value: int
    title: str


@dataclass(frozen=True)
class Tick:
    y: float
    label: str


@dataclass(frozen=True)
class Chart:
    width: int
    height: int
    left: int
    baseline: float
    right: float
    bars: list[Bar]
    ticks: list[Tick]


def nice_top(largest: int) -> int:
    """The axis' top: the smallest of 1, 2, 2.5 or 5 times a power of ten at or above
    ``largest`` (5 for an empty chart), so the gridlines fall on round numbers."""
    if largest <= 0:
        return 5
    power = int("1" + "0" * (len(str(largest)) - 1))
    for tenths in (10, 20, 25, 50):
        if power * tenths % 10 == 0 and power * tenths // 10 >= largest:
            return power * tenths // 10  # 2.5 only from 20 up: 2.5 itself is no count
    return 10 * power


def day_bars(points: list[tuple[date, int]], unit: str) -> Chart:
    """Bars of a count per day (the month's meals served), the axis ticked in fifths."""
    top = nice_top(max((n for _, n in points), default=0))
    inner_w = WIDTH - LEFT - RIGHT
    inner_h = HEIGHT - TOP - BOTTOM
    slot = inner_w / max(len(points), 1)
    bars = []
    for i, (day, value) in enumerate(points):
        height = inner_h * value / top
        bars.append(
            Bar(
                x=round(LEFT + i * slot + slot * 0.15, 1),
                y=round(TOP + inner_h - height, 1),
                width=round(slot * 0.7, 1),
                height=round(height, 1),
                label=str(day.day),
                value=value,
                title=f"{day.month}月{day.day}日：{value}{unit}",
            )
        )
    ticks = [
        Tick(round(TOP + inner_h - inner_h * k / 5, 1), _number(top * k / 5)) for k in range(6)
    ]
    return Chart(WIDTH, HEIGHT, LEFT, TOP + inner_h, WIDTH - RIGHT, bars, ticks)


def _number(value: float) -> str:
    return str(int(value)) if float(value).is_integer() else f"{value:.1f}"
