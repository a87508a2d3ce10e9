"""Rate limits for the sender: token buckets in their virtual-scheduling form.

Why reservations instead of "wait until a token is there": a message needs a token from two
buckets at once (all people, and its person). Taking one bucket's token now and the other's
later would let the first bucket's next message come too soon. Each bucket instead says the
earliest moment it allows the next message, the sender takes the latest of those moments, and
both buckets book that same moment. Booking is synchronous, so concurrent sends never overrun
the limit: over any window of ``w`` seconds a bucket admits at most ``burst + rate * w``
messages (with ``burst = 1``, at most ``rate`` in any one second).

The clock is injected (seconds, monotonic) so tests and the benchmark can drive it.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass, field

Clock = Callable[[], float]


@dataclass
class TokenBucket:
    """``rate`` tokens per second, holding at most ``burst``."""

    rate: float
    burst: int = 1
    _tat: float = field(default=float("-inf"), repr=False)
    """Theoretical arrival time: when the bucket would be full-but-one-token again."""

    @property
    def interval(self) -> float:
        """Seconds one token takes to come back."""
        return 1.0 / self.rate

    def earliest(self, now: float) -> float:
        """The first moment, not before ``now``, at which a token is available."""
        tolerance = (self.burst - 1) * self.interval
        return max(now, self._tat - tolerance)

    def book(self, at: float) -> None:
        """Take the token for a message sent at ``at`` (from ``earliest``)."""
        self._tat = max(self._tat, at) + self.interval

    def idle_since(self, now: float) -> bool:
        """Whether the bucket is full again (it may be forgotten)."""
        return self._tat <= now


class RateLimiter:
    """A bucket for everything and one per person; ``reserve`` books a send moment in both."""

    def __init__(
        self,
        *,
        global_rate: float,
        person_rate: float,
        global_burst: int = 1,
        person_burst: int = 1,
        clock: Clock = time.monotonic,
    ) -> None:
        self.clock = clock
        self._global = TokenBucket(global_rate, global_burst)
        self._person_rate = person_rate
        self._person_burst = person_burst
        self._people: dict[int, TokenBucket] = {}

    def _bucket(self, person_id: int, now: float) -> TokenBucket:
        bucket = self._people.get(person_id)
        if bucket is None:
            if len(self._people) > 10_000:
                self._forget_idle(now)
            bucket = self._people[person_id] = TokenBucket(self._person_rate, self._person_burst)
        return bucket

    def person_earliest(self, person_id: int, now: float) -> float:
        """When this person may next get a message (ignoring the global limit)."""
        return self._bucket(person_id, now).earliest(now)

    def earliest(self, person_id: int, now: float) -> float:
        """When a message to this person may next go, both limits considered."""
        return max(self._global.earliest(now), self._bucket(person_id, now).earliest(now))

    def book(self, person_id: int, at: float) -> None:
        """A message to this person went at ``at`` (the moment it was actually handed over)."""
        self._global.book(at)
        self._bucket(person_id, at).book(at)

    def reserve(self, person_id: int, until: float | None = None) -> float:
        """Book the earliest send moment (on ``clock``) allowed for a message to this person.

        With ``until``: a moment later than that is returned but not booked (the caller will
        not send then, so the slot stays free for others)."""
        now = self.clock()
        at = self.earliest(person_id, now)
        if until is not None and at > until:
            return at
        self.book(person_id, at)
        return at

    def _forget_idle(self, now: float) -> None:
        for person_id in [p for p, b in self._people.items() if b.idle_since(now)]:
            del self._people[person_id]
