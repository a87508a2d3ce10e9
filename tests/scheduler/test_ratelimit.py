"""Token buckets with a controlled clock: never above the limit, however the sends come."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from scheduler.ratelimit import RateLimiter, TokenBucket


class FakeClock:
    """Seconds that move only when told to."""

    def __init__(self) -> None:
        self.t = 0.0

    def __call__(self) -> float:
        return self.t


def _max_in_window(times: list[float], window: float) -> int:
    times = sorted(times)
    best = 0
    start = 0
    for end, t in enumerate(times):
        while times[start] <= t - window + 1e-9:
            start += 1
        best = max(best, end - start + 1)
    return best


def test_a_bucket_spaces_messages_by_its_interval() -> None:
    bucket = TokenBucket(rate=2.0)
    slots = []
    for _ in range(5):
        at = bucket.earliest(0.0)
        bucket.book(at)
        slots.append(at)
    assert slots == [0.0, 0.5, 1.0, 1.5, 2.0]


def test_a_burst_is_allowed_up_front_then_the_rate() -> None:
    bucket = TokenBucket(rate=1.0, burst=3)
    slots = []
    for _ in range(5):
        at = bucket.earliest(10.0)
        bucket.book(at)
        slots.append(at)
    assert slots == [10.0, 10.0, 10.0, 11.0, 12.0]


def test_a_rested_bucket_does_not_save_up_beyond_its_burst() -> None:
    bucket = TokenBucket(rate=1.0)
    bucket.book(bucket.earliest(0.0))
    assert bucket.earliest(100.0) == 100.0
    bucket.book(100.0)
    assert bucket.earliest(100.0) == 101.0


def test_per_person_and_global_limits_together() -> None:
    clock = FakeClock()
    limiter = RateLimiter(global_rate=30, person_rate=1, clock=clock)
    slots = [(p, limiter.reserve(p)) for p in [1, 1, 1, 2, 3, *range(10, 100)]]
    mine = [at for p, at in slots if p == 1]
    assert mine == [0.0, 1.0, 2.0]  # one a second for one person
    everyone = [at for _, at in slots]
    assert _max_in_window(everyone, 1.0) <= 30


@given(
    st.lists(
        st.tuples(st.integers(0, 5), st.floats(0, 0.5, allow_nan=False)), min_size=1, max_size=200
    ),
    st.integers(1, 5),
)
def test_never_above_the_limit_in_any_window(sends: list[tuple[int, float]], burst: int) -> None:
    """Whatever the arrival pattern, the booked moments keep burst + rate × window."""
    clock = FakeClock()
    limiter = RateLimiter(
        global_rate=10, person_rate=2, global_burst=burst, person_burst=1, clock=clock
    )
    booked: list[tuple[int, float]] = []
    for person, gap in sends:
        clock.t += gap
        at = limiter.reserve(person)
        assert at >= clock.t
        booked.append((person, at))
    assert _max_in_window([at for _, at in booked], 1.0) <= burst + 10
    for person in {p for p, _ in booked}:
        assert _max_in_window([at for p, at in booked if p == person], 1.0) <= 2


def test_idle_people_are_forgotten() -> None:
    clock = FakeClock()
    limiter = RateLimiter(global_rate=1e6, person_rate=1, clock=clock)
    for person in range(10_002):
        limiter.reserve(person)
    clock.t = 10.0
    limiter.reserve(-1)
    assert len(limiter._people) == 1


def test_a_slot_past_the_callers_deadline_is_not_booked() -> None:
    limiter = RateLimiter(global_rate=100, person_rate=1, clock=FakeClock())
    assert limiter.reserve(1) == 0.0
    assert limiter.reserve(1, until=0.5) == 1.0  # too late for this caller: not taken
    assert limiter.reserve(1) == 1.0


def test_late_hand_overs_never_put_more_than_the_rate_in_one_second() -> None:
    """The sender wakes up late now and then; the window of real moments holds the limit, and
    the planned pace keeps the average rate (delays do not add up)."""
    clock = FakeClock()
    limiter = RateLimiter(global_rate=30, person_rate=1, clock=clock)
    real: list[float] = []
    for n in range(300):
        at = limiter.earliest(n, clock.t)
        clock.t = at + (0.004 if n % 3 == 0 else 0.0)  # every third wake-up is 4 ms late
        limiter.book(n, at, actual=clock.t)
        real.append(clock.t)
    assert _max_in_window(real, 1.0) <= 30
    assert (len(real) - 1) / (real[-1] - real[0]) > 29.5
