"""Settings: defaults, ``ZHUCAN_*`` overrides, and refusals that name the variable."""

from __future__ import annotations

from datetime import time

import pytest

from scheduler.config import SchedulerSettings


def test_defaults() -> None:
    settings = SchedulerSettings.from_env({})
    assert (settings.quiet_start, settings.quiet_end) == (time(21, 0), time(7, 0))
    assert (settings.usual_days, settings.usual_window) == (4, 7)
    assert (settings.global_rate, settings.person_rate) == (30.0, 1.0)


def test_environment_overrides() -> None:
    settings = SchedulerSettings.from_env(
        {
            "ZHUCAN_QUIET_START": "22:00",
            "ZHUCAN_GLOBAL_RATE": "20",
            "ZHUCAN_USUAL_DAYS": "3",
            "ZHUCAN_MENU_REMINDER_WEEKDAY": "4",
            "ZHUCAN_SWEEP_INTERVAL_S": "0.5",
            "ZHUCAN_UNRELATED": "x",
        }
    )
    assert settings.quiet_start == time(22, 0)
    assert settings.global_rate == 20.0
    assert settings.usual_days == 3
    assert settings.menu_reminder_weekday == 4
    assert settings.sweep_interval_s == 0.5


@pytest.mark.parametrize(
    ("name", "value"),
    [
        ("ZHUCAN_QUIET_END", "7am"),
        ("ZHUCAN_GLOBAL_RATE", "fast"),
        ("ZHUCAN_GLOBAL_RATE", "0"),
        ("ZHUCAN_USUAL_DAYS", "9"),
        ("ZHUCAN_MENU_REMINDER_WEEKDAY", "7"),
        ("ZHUCAN_GLOBAL_RATE", "nan"),
        ("ZHUCAN_GLOBAL_RATE", "inf"),
        ("ZHUCAN_LEASE_S", "1e308"),
        ("ZHUCAN_EVENT_LAG_S", "1e308"),
        ("ZHUCAN_STALE_EVENT_H", "-1e308"),
        ("ZHUCAN_STALE_EVENT_H", "-1"),
        ("ZHUCAN_BATCH", "9" * 20),
        ("ZHUCAN_BATCH", "9" * 5000),
        ("ZHUCAN_MAX_WORKERS", "0"),
    ],
)
def test_bad_values_are_refused(name: str, value: str) -> None:
    """Each names its variable; nan, inf and numbers past a million are refused here rather
    than overflowing later (nan passed every "must be positive" check)."""
    with pytest.raises(ValueError) as info:
        SchedulerSettings.from_env({name: value})
    assert name in str(info.value) or name.removeprefix("ZHUCAN_").lower() in str(info.value)


def test_quiet_hours_across_midnight() -> None:
    settings = SchedulerSettings()
    assert settings.is_quiet(time(21, 0)) and settings.is_quiet(time(0, 0))
    assert settings.is_quiet(time(6, 59)) and not settings.is_quiet(time(7, 0))
    assert not settings.is_quiet(time(20, 59))
    assert not SchedulerSettings(quiet_start=time(0), quiet_end=time(0)).is_quiet(time(3))
    daytime = SchedulerSettings(quiet_start=time(12), quiet_end=time(14))
    assert daytime.is_quiet(time(13)) and not daytime.is_quiet(time(15))
