"""Cut-offs and the service's clock (Asia/Shanghai, no daylight saving)."""

from __future__ import annotations

from datetime import UTC, date, datetime, time

import pytest

from menus.clock import TZ, SlotTimes, cutoff_at, is_open_for_orders, local_today, parse_now

LUNCH = SlotTimes(time(9, 30), 0, time(11, 30), time(13, 0))
BREAKFAST = SlotTimes(time(19, 0), 1, time(7, 0), time(8, 30))


def test_lunch_closes_at_half_past_nine_the_same_day() -> None:
    """One minute before is open, the minute itself is closed."""
    day = date(2026, 12, 1)
    assert cutoff_at(day, LUNCH) == datetime(2026, 12, 1, 9, 30, tzinfo=TZ)
    assert is_open_for_orders(day, LUNCH, datetime(2026, 12, 1, 9, 29, tzinfo=TZ))
    assert not is_open_for_orders(day, LUNCH, datetime(2026, 12, 1, 9, 30, tzinfo=TZ))


def test_breakfast_closes_the_evening_before_across_a_month_end() -> None:
    """Breakfast on 1 January closes at 19:00 on 31 December."""
    assert cutoff_at(date(2027, 1, 1), BREAKFAST) == datetime(2026, 12, 31, 19, 0, tzinfo=TZ)


def test_now_without_zone_is_shanghai_and_with_zone_is_converted() -> None:
    """--now 2026-12-01T08:00 means 08:00 in Hohhot; 00:30Z is 08:30 there."""
    assert parse_now("2026-12-01T08:00") == datetime(2026, 12, 1, 8, 0, tzinfo=TZ)
    assert parse_now("2026-12-01T00:30:00+00:00").hour == 8
    assert parse_now(None).tzinfo is not None


def test_local_date_near_midnight_utc() -> None:
    """17:00 UTC on 30 Nov is already 1 Dec in Asia/Shanghai."""
    assert local_today(datetime(2026, 11, 30, 17, 0, tzinfo=UTC)) == date(2026, 12, 1)


@pytest.mark.parametrize(
    "bad",
    [
        "tomorrow",
        "2026-13-01T00:00",
        "",
        "9999-12-31T23:59:59-23:59",
        "2200-12-31T23:59-05:00",  # 2201 in Shanghai
        "2000-01-01T00:00+14:00",  # 1999 in Shanghai
    ],
)
def test_bad_now_is_refused(bad: str) -> None:
    """A malformed --now is an error, never silently the real time (except empty = now)."""
    if bad == "":
        assert parse_now(bad).tzinfo is not None
        return
    with pytest.raises(ValueError):
        parse_now(bad)


def test_service_years_hold_the_ends_of_the_calendar_out() -> None:
    """date.min and date.max are outside the years the service can be asked about (shifting
    them by a day overflows); its own years are inside."""
    from menus.clock import in_service_years

    assert not in_service_years(date.min)
    assert not in_service_years(date.max)
    assert in_service_years(date(2026, 12, 1))
