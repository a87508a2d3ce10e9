"""The scheduler's settings: one typed object with defaults, overridable by ``ZHUCAN_*``.

Why one object passed down (no module globals): tests and the benchmark run several schedulers
with different limits in one process, and a job must say in its arguments what it depends on.
"""

from __future__ import annotations

import math
import os
from collections.abc import Mapping
from dataclasses import dataclass, fields, replace
from datetime import time
from typing import Any

from menus.clock import parse_hhmm


@dataclass(frozen=True)
class SchedulerSettings:
    """Everything the timed jobs and the sender may be tuned by.

    Times are local (Asia/Shanghai). ``menu_reminder_weekday`` counts from Monday = 0.
    """

    quiet_start: time = time(21, 0)
    quiet_end: time = time(7, 0)
    usual_days: int = 4
    """An elder "usually eats" after ordering on this many of the last ``usual_window`` days."""
    usual_window: int = 7
    menu_reminder_weekday: int = 3
    menu_reminder_at: time = time(10, 0)
    monthly_report_at: time = time(8, 0)
    after_meal_at: time = time(9, 0)
    global_rate: float = 30.0
    """Messages per second through the channel, all people together (Telegram: about 30)."""
    global_burst: int = 1
    person_rate: float = 1.0
    """Messages per second to one person (Telegram: about one per chat)."""
    person_burst: int = 1
    sweep_interval_s: float = 2.0
    jobs_interval_s: float = 60.0
    batch: int = 500
    lease_s: float = 120.0
    event_lag_s: float = 120.0
    """Order events younger than this are looked at again on the next sweep, so an event whose
    transaction committed late (after a newer one) is never skipped."""
    stale_event_h: float = 6.0
    """Order events older than this when first seen (a scheduler started after long downtime,
    or for the first time) are not announced any more."""
    max_workers: int = 16

    @classmethod
    def from_env(cls, env: Mapping[str, str] | None = None) -> SchedulerSettings:
        """Defaults, with ``ZHUCAN_QUIET_START=22:00``, ``ZHUCAN_GLOBAL_RATE=20`` and so on
        (the field name in capitals after ``ZHUCAN_``). A bad value raises ``ValueError``
        naming the variable."""
        env = os.environ if env is None else env
        settings = cls()
        changes: dict[str, Any] = {}
        for field in fields(cls):
            name = f"ZHUCAN_{field.name.upper()}"
            raw = env.get(name)
            if raw is None or raw.strip() == "":
                continue
            changes[field.name] = _parse(name, raw, getattr(settings, field.name))
        return replace(settings, **changes).checked()

    def checked(self) -> SchedulerSettings:
        """Self, or ``ValueError`` if a value makes no sense."""
        if self.global_rate <= 0 or self.person_rate <= 0:
            raise ValueError("global_rate and person_rate must be positive")
        if self.global_burst < 1 or self.person_burst < 1 or self.batch < 1:
            raise ValueError("bursts and batch must be at least 1")
        if not 0 <= self.menu_reminder_weekday <= 6:
            raise ValueError("menu_reminder_weekday is 0 (Monday) to 6 (Sunday)")
        if not 1 <= self.usual_days <= self.usual_window:
            raise ValueError("usual_days must be between 1 and usual_window")
        if self.lease_s <= 0 or self.sweep_interval_s <= 0 or self.jobs_interval_s <= 0:
            raise ValueError("lease and intervals must be positive")
        if self.event_lag_s < 0 or self.stale_event_h < 0 or self.max_workers < 1:
            raise ValueError("event_lag_s and stale_event_h are not negative; max_workers >= 1")
        return self

    def is_quiet(self, moment: time) -> bool:
        """Whether a local time of day falls in the quiet hours (which may span midnight)."""
        if self.quiet_start == self.quiet_end:
            return False
        if self.quiet_start < self.quiet_end:
            return self.quiet_start <= moment < self.quiet_end
        return moment >= self.quiet_start or moment < self.quiet_end


MAX_SETTING = 1_000_000
"""No setting means a number this large (a rate, a batch, seconds or hours of lag)."""


def _parse(name: str, raw: str, current: object) -> time | int | float:
    """One ``ZHUCAN_*`` value in the type of its default, or ``ValueError`` naming it.

    Why bounded and finite: ``nan`` passed every "must be positive" check (all comparisons
    with it are false), and ``inf``, ``1e308`` or twenty digits overflowed later in the token
    bucket, the lease or a time shift (OverflowError) instead of being refused here.
    """
    try:
        if isinstance(current, time):
            return parse_hhmm(raw)
        value: int | float = int(raw) if isinstance(current, int) else float(raw)
    except ValueError:
        raise ValueError(f"{name}={raw!r} is not a valid {type(current).__name__}") from None
    if not math.isfinite(value) or abs(value) > MAX_SETTING:
        raise ValueError(f"{name}={raw!r} is not a number up to {MAX_SETTING:,}")
    return value
