"""Rate limits for the sender: token buckets in their virtual-scheduling form.

Why reservations instead of "wait until a token is there": a message needs a token from two
buckets at once (all people, and its person). Taking one bucket's token now and the other's
later would let the first bucket's next message come too soon. Each bucket instead says the
earliest moment it allows the next message, the sender takes the latest of those moments, and
both book it. Booking is synchronous, so concurrent sends never overrun the limit: over any
window of ``w`` seconds a bucket admits at most ``burst + rate * w`` messages. A log of the
moments messages really left (``SlidingWindow``) adds the guarantee a sender's late wake-ups
would otherwise break: never more than ``rate + burst - 1`` in any one second.

The clock is injected (seconds, monotonic) so tests and the benchmark can drive it.
"""

from __future__ import annotations

import time
from collections import deque
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


class SlidingWindow:
    """At most ``limit`` moments in any ``window`` seconds, over the moments actually used.

    Why next to the bucket: the bucket paces the *planned* moments smoothly; a sender that
    wakes up late would hand over two messages closer together than planned. This log of the
    real hand-over moments keeps the count in every window of one second within the limit, and
    (unlike booking the late moment in the bucket) does not let small delays add up to a lower
    rate.
    """

    def __init__(self, limit: int, window: float = 1.0) -> None:
        self.limit = limit
        self.window = window
        self._times: deque[float] = deque(maxlen=limit)

    def earliest(self, now: float) -> float:
        """The first moment, not before ``now``, that keeps the window within its limit."""
        if len(self._times) < self.limit:
            return now
        return max(now, self._times[0] + self.window + 1e-6)  # strictly after: a half-open window

    def record(self, at: float) -> None:
        """A message left at ``at``."""
        self._times.append(at)


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
        self._window = (
            SlidingWindow(int(global_rate) + global_burst - 1) if global_rate >= 1 else None
        )
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
        at = max(self._global.earliest(now), self._bucket(person_id, now).earliest(now))
        return at if self._window is None else max(at, self._window.earliest(now))

    def book(self, person_id: int, at: float, actual: float | None = None) -> None:
        """A message to this person was planned for ``at`` and handed over at ``actual``
        (default: ``at``). The global bucket books the plan (so late wake-ups don't add up);
        the person's bucket and the one-second window book what really happened."""
        real = at if actual is None else actual
        self._global.book(at)
        self._bucket(person_id, real).book(real)
        if self._window is not None:
            self._window.record(real)

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
