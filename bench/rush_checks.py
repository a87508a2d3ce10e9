"""What must hold after a rush with faults, read from the store and from what the fake Bot API
was sent.

Why apart from the load and the faults (``bench/rush_faults.py``): the checks are the proof,
and the CI test runs the same ones. Every figure is counted from evidence outside the server:
the webhook POSTs the load generator made (as Telegram would), the ``sendMessage`` calls the
fake Bot API received (with its own clock), and the rows in the store.

The invariants:
- every update was answered 200 in the end (Telegram redelivers until then);
- no turn failed in a way that made the bot apologise (出了点问题，请再说一遍);
- every update got its reply, and a reply came twice only for an update that was redelivered
  (the documented edge: a worker killed after Telegram accepted the reply and before it
  answered the webhook; the redelivered update finds its stored turn and sends the stored reply
  again; nothing else repeats);
- every person told 订好了 has exactly one order behind it, no elder has two, and no order
  exists that nobody was told of;
- a capped dish sells at most its cap, and what is left plus what was sold is the cap;
- every outbox message of the run was sent, once, or twice only as the outbox's documented
  edge (a sender killed between Telegram accepting the message and the row being marked).
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from sqlalchemy import func, select
from sqlalchemy.orm import Session, sessionmaker

from bench.rush import Sent
from menus.catalogue import say
from menus.models import MenuItem, Order, OrderItem, OutboxMessage

PLACED = "订好了"
"""In every reply that confirms an order (``placed``, ``placed_again`` in the catalogue)."""
APOLOGY = say("error", "zh")
"""What the bot says when a turn failed (``bot.telegram.app.on_error``)."""


@dataclass(frozen=True)
class Attempt:
    """One webhook POST of an update: when it started and ended (wall clock) and its outcome,
    ``"200"``, another status, or the class name of the error that ended it."""

    start: float
    end: float
    outcome: str


@dataclass
class Delivery:
    """One update as the load generator (Telegram) delivered it, every POST of it."""

    update_id: int
    chat: int
    text: str
    attempts: list[Attempt] = field(default_factory=list)

    @property
    def answered(self) -> bool:
        return bool(self.attempts) and self.attempts[-1].outcome == "200"

    @property
    def seconds(self) -> float:
        """From the first POST to the answer that ended it."""
        return self.attempts[-1].end - self.attempts[0].start


@dataclass(frozen=True)
class Talker:
    """Someone who orders in the rush: their chat, who they are, and whose order it is."""

    chat: int
    person_id: int
    elder_id: int
    kind: str
    """``elder`` (an uncapped dish), ``capped`` (the capped dish) or ``family`` (for an elder
    who says nothing)."""
    turns: tuple[str, ...]


@dataclass(frozen=True)
class Cast:
    """Everyone in the rush and the capped dish they compete for."""

    talkers: list[Talker]
    told: dict[int, int]
    """Elders who are told by the outbox (their family orders): person id → chat."""
    capped_item: int
    cap: int


@dataclass
class Verdict:
    """The counts the invariants are about; ``ok`` when all hold."""

    updates: int = 0
    unanswered: int = 0
    redelivered: int = 0
    posts: int = 0
    no_reply: int = 0
    replies: int = 0
    repeated: int = 0
    """Replies sent again for a redelivered update: the documented edge."""
    unexplained_repeats: int = 0
    apologies: int = 0
    """出了点问题，请再说一遍: a turn failed for a reason no redelivery cures (a bug)."""
    stray: int = 0
    told_placed: int = 0
    orders: int = 0
    lost: int = 0
    doubled: int = 0
    untold: int = 0
    cap: int = 0
    left: int = 0
    sold: int = 0
    outbox: int = 0
    outbox_once: int = 0
    outbox_again: int = 0
    """Outbox messages sent twice: the outbox's documented edge."""
    outbox_unsent: int = 0
    outbox_lost: int = 0
    outbox_statuses: dict[str, int] = field(default_factory=dict)

    @property
    def oversold(self) -> int:
        return max(0, self.sold - self.cap)

    @property
    def ok(self) -> bool:
        return (
            self.unanswered == 0
            and self.no_reply == 0
            and self.unexplained_repeats == 0
            and self.apologies == 0
            and self.stray == 0
            and self.lost == 0
            and self.doubled == 0
            and self.untold == 0
            and self.oversold == 0
            and self.left >= 0
            and self.left + self.sold == self.cap
            and self.outbox_unsent == 0
            and self.outbox_lost == 0
        )

    def lines(self) -> list[str]:
        """The verdict as printed."""
        return [
            f"  updates {self.updates}: POSTs {self.posts}, redelivered {self.redelivered}, "
            f"never answered 200: {self.unanswered}",
            f"  replies {self.replies}: updates with no reply {self.no_reply}; sent again for a "
            f"redelivered update (the edge) {self.repeated}; repeated otherwise "
            f"{self.unexplained_repeats}; apologies {self.apologies}; outside any update "
            f"{self.stray}",
            f"  told 订好了: {self.told_placed}; orders {self.orders}; lost {self.lost}, "
            f"doubled {self.doubled}, placed but never told {self.untold}",
            f"  capped dish: cap {self.cap}, sold {self.sold}, left {self.left}, "
            f"oversold {self.oversold}",
            f"  outbox {self.outbox}: sent once {self.outbox_once}, sent twice (the edge) "
            f"{self.outbox_again}, not sent {self.outbox_unsent}, marked sent but never "
            f"received {self.outbox_lost}; statuses {self.outbox_statuses}",
        ]


def check_replies(deliveries: Sequence[Delivery], sent: Iterable[Sent], verdict: Verdict) -> None:
    """Updates answered, each with its reply, repeated only where redelivered.

    A reply belongs to the update whose delivery window (first POST to the final answer) holds
    the moment the fake received it: a person's next update goes only after the last one was
    answered, so the windows of one chat never overlap."""
    by_chat: dict[int, list[Delivery]] = defaultdict(list)
    for delivery in deliveries:
        by_chat[delivery.chat].append(delivery)
    in_window: dict[int, list[Sent]] = defaultdict(list)
    for message in sent:
        if message.method != "sendMessage" or message.chat not in by_chat:
            continue
        verdict.replies += 1
        verdict.apologies += message.text == APOLOGY
        owner = next(
            (
                d
                for d in by_chat[message.chat]
                if d.attempts and d.attempts[0].start <= message.t <= d.attempts[-1].end
            ),
            None,
        )
        if owner is None:
            verdict.stray += 1
        else:
            in_window[owner.update_id].append(message)
    for delivery in deliveries:
        verdict.updates += 1
        verdict.posts += len(delivery.attempts)
        verdict.redelivered += len(delivery.attempts) > 1
        verdict.unanswered += not delivery.answered
        replies = in_window.get(delivery.update_id, [])
        verdict.no_reply += not replies
        again = sum(n - 1 for n in Counter(m.text for m in replies).values())
        if len(delivery.attempts) > 1:
            verdict.repeated += again
        else:
            verdict.unexplained_repeats += again


def check_orders(
    factory: sessionmaker[Session], cast: Cast, sent: Iterable[Sent], verdict: Verdict
) -> None:
    """Who was told 订好了 against the orders stored, and the capped dish's portions."""
    told = {m.chat for m in sent if m.method == "sendMessage" and PLACED in m.text}
    elders = {t.elder_id for t in cast.talkers}
    with factory() as session:
        counts = dict(
            session.execute(
                select(Order.elder_id, func.count())
                .where(Order.elder_id.in_(elders), Order.status != "cancelled")
                .group_by(Order.elder_id)
            ).all()
        )
        item = session.get(MenuItem, cast.capped_item)
        assert item is not None and item.portions_left is not None
        verdict.left = item.portions_left
        verdict.sold = int(
            session.scalar(
                select(func.coalesce(func.sum(OrderItem.qty), 0))
                .join(Order, Order.id == OrderItem.order_id)
                .where(OrderItem.menu_item_id == cast.capped_item, Order.status != "cancelled")
            )
            or 0
        )
    verdict.cap = cast.cap
    verdict.orders = sum(counts.values())
    verdict.doubled = sum(1 for n in counts.values() if n > 1)
    for talker in cast.talkers:
        was_told = talker.chat in told
        verdict.told_placed += was_told
        has = counts.get(talker.elder_id, 0)
        verdict.lost += was_told and has == 0
        verdict.untold += has > 0 and not was_told


def check_outbox(
    factory: sessionmaker[Session], cast: Cast, sent: Iterable[Sent], verdict: Verdict
) -> None:
    """Every outbox message to the elders who are told: sent, and received once (or twice,
    the edge)."""
    received = Counter((m.chat, m.text) for m in sent if m.method == "sendMessage")
    with factory() as session:
        rows = session.execute(
            select(OutboxMessage.person_id, OutboxMessage.text, OutboxMessage.status).where(
                OutboxMessage.person_id.in_(cast.told)
            )
        ).all()
    statuses: Counter[str] = Counter()
    for person_id, text, status in rows:
        verdict.outbox += 1
        statuses[status] += 1
        times = received[(cast.told[person_id], text)]
        if status != "sent":
            verdict.outbox_unsent += 1
        elif times == 0:
            verdict.outbox_lost += 1
        elif times == 1:
            verdict.outbox_once += 1
        else:
            verdict.outbox_again += 1
    verdict.outbox_statuses = dict(statuses)


def busiest_second(moments: Sequence[float]) -> tuple[int, int]:
    """The most messages in one calendar second, and in any window of one second."""
    if not moments:
        return 0, 0
    calendar = max(Counter(int(t) for t in moments).values())
    ordered = sorted(moments)
    sliding, first = 0, 0
    for last, moment in enumerate(ordered):
        while moment - ordered[first] >= 1.0:
            first += 1
        sliding = max(sliding, last - first + 1)
    return calendar, sliding
