"""Time in the service's zone (Asia/Shanghai) and the ordering cut-offs.

Why one module: every rule about "is it too late" must use the same zone and the same idea of
now, which commands take from ``--now`` so that tests and demos are deterministic.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

TZ = ZoneInfo("Asia/Shanghai")


@dataclass(frozen=True)
class SlotTimes:
    """When orders for a meal close and when it is served, for one canteen."""

    cutoff: time
    days_before: int
    serve_start: time
    serve_end: time


DEFAULT_SLOTS: dict[str, SlotTimes] = {
    "breakfast": SlotTimes(time(19, 0), 1, time(7, 0), time(8, 30)),
    "lunch": SlotTimes(time(9, 30), 0, time(11, 30), time(13, 0)),
    "dinner": SlotTimes(time(15, 0), 0, time(17, 0), time(18, 30)),
}


FIRST_YEAR, LAST_YEAR = 2000, 2200
"""The years the service can be asked about. Why a range at all: dates are shifted by days and
compared with cut-offs the day before, and ``date.min`` or ``date.max`` would overflow there (an
``OverflowError`` instead of a refusal); no meal is ever ordered outside these years."""


def in_service_years(day: date) -> bool:
    """Whether ``day`` (or a datetime's date) lies in the years the service can be asked about."""
    return FIRST_YEAR <= day.year <= LAST_YEAR


def parse_now(text: str | None) -> datetime:
    """``--now`` as an aware datetime; a naive time is read as Asia/Shanghai; none means now."""
    if not text:
        return datetime.now(TZ)
    moment = datetime.fromisoformat(text.strip())
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=TZ)
    if not in_service_years(moment):  # before the shift: year 9999 with an offset overflows
        raise ValueError(f"'{text}' is not a time this service can run at")
    local = moment.astimezone(TZ)
    if not in_service_years(local):  # 2200-12-31T23:00-05:00 is 2201 in Shanghai
        raise ValueError(f"'{text}' is not a time this service can run at")
    return local


def local_today(now: datetime) -> date:
    """The calendar date in the service's zone."""
    return now.astimezone(TZ).date()


def cutoff_at(meal_date: date, slot: SlotTimes) -> datetime:
    """The moment orders for this meal close."""
    day = meal_date - timedelta(days=slot.days_before)
    return datetime.combine(day, slot.cutoff, tzinfo=TZ)


def is_open_for_orders(meal_date: date, slot: SlotTimes, now: datetime) -> bool:
    """True while orders (and cancellations by people) are still accepted for this meal."""
    return now < cutoff_at(meal_date, slot)


def parse_hhmm(text: str) -> time:
    """``"09:30"`` → 09:30; ``ValueError`` with the reason otherwise."""
    try:
        hours, minutes = str(text).strip().split(":")
        return time(int(hours), int(minutes))
    except (ValueError, TypeError):
        raise ValueError(f"'{text}' is not a time like 09:30") from None


def format_hhmm(value: time) -> str:
    """09:30 → ``"09:30"``."""
    return f"{value.hour:02d}:{value.minute:02d}"
