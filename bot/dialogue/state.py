"""A person's conversation state: what we are waiting for, the order being told, and the
replies already given (so a retried message gets the same answer and changes nothing).

It is stored as JSON in the ``conversations`` table, with a version: rows written before the
version existed (plain dictionaries with the same keys) are read as version 1.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import asdict, dataclass, field
from datetime import date, datetime, timedelta
from enum import StrEnum
from typing import Any, TypeVar

from bot.turn import Reply
from menus.standing import Recurrence
from menus.vocab import Fulfillment, MealSlot

VERSION = 2
KEEP_TURNS = 20
"""How many recent turn ids (and their replies) a person's state remembers for retries."""
STALE = timedelta(hours=3)
"""A half-told order older than this is forgotten: the elder has moved on (and the day may
have changed), so the next words start afresh instead of finishing yesterday's draft."""


class Awaiting(StrEnum):
    """What the last reply asked for."""

    DISH = "dish"
    MEAL = "meal"
    FULFILLMENT = "fulfillment"
    CONFIRM = "confirm"
    CANCEL = "cancel"
    REMINDER_TIME = "reminder_time"
    COMPLAINT = "complaint"
    PUBLISH = "publish"
    MORE_MENU = "more_menu"


ORDERING = frozenset({Awaiting.DISH, Awaiting.MEAL, Awaiting.FULFILLMENT})
"""The questions asked while an order is being told (before its read-back)."""


@dataclass
class Draft:
    """An order being told: dishes with their portions (in the order said), and the rest as
    far as known. ``key`` is the idempotency key of the read-back the person is answering;
    ``replacing`` the order this one changes."""

    lines: dict[str, int] = field(default_factory=dict)
    day: date | None = None
    meal: MealSlot | None = None
    fulfillment: Fulfillment | None = None
    replacing: int | None = None
    key: str | None = None
    recurrence: Recurrence | None = None
    """Set for a standing order (每天, 下周一到周五): ``day`` is then its first meal."""
    offered: str | None = None
    """A dish of which fewer portions were left than asked, and what was left offered: 那就一份
    鸡蛋羹 then replaces it, 那就两份 changes its count."""
    day_chosen: bool = False
    """``day`` was not said but chosen (the next day the meal is open): another meal said
    later chooses again (午饭过了，那晚上吧: tonight, not tomorrow night)."""

    def to_json(self) -> dict[str, Any]:
        return {
            "dishes": [[name, qty] for name, qty in self.lines.items()],
            "date": self.day.isoformat() if self.day else None,
            "meal": self.meal.value if self.meal else None,
            "fulfillment": self.fulfillment.value if self.fulfillment else None,
            "replacing": self.replacing,
            "key": self.key,
            "offered": self.offered,
            "day_chosen": self.day_chosen,
            "recurrence": _recurrence_json(self.recurrence),
        }

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Draft:
        return cls(
            lines={str(name): int(qty) for name, qty in data.get("dishes") or []},
            day=date.fromisoformat(data["date"]) if data.get("date") else None,
            meal=MealSlot(data["meal"]) if data.get("meal") else None,
            fulfillment=Fulfillment(data["fulfillment"]) if data.get("fulfillment") else None,
            replacing=int(data["replacing"]) if data.get("replacing") else None,
            key=data.get("key"),
            offered=data.get("offered"),
            day_chosen=bool(data.get("day_chosen")),
            recurrence=_recurrence(data.get("recurrence")),
        )


@dataclass
class MealRef:
    """A day's meal (the one whose menu was just read out); ``offset``: how many of its
    dishes were already read (the rest is offered: 还有三个菜，要听吗？)."""

    day: date
    meal: MealSlot
    offset: int = 0


@dataclass
class ConversationState:
    """Everything the dialogue remembers about one person between turns."""

    lang: str = "zh"
    awaiting: Awaiting | None = None
    draft: Draft | None = None
    menu_read: MealRef | None = None
    cancel_id: int | None = None
    menu_more: MealRef | None = None
    """The menu still to read if the person says yes (the rest of a meal, or the next meal)."""
    misses: int = 0
    for_elder: int | None = None
    """Which elder a family member is ordering for."""
    menu_file: dict[str, str] | None = None
    """A staff member's menu file waiting for 发布 (name, and text or a workbook's base64)."""
    offered_dishes: list[str] = field(default_factory=list)
    """The dishes the last answer listed (晚饭的粥有：小米粥): 就要那个粥 names one of them."""
    short: bool = False
    """The person asked for short replies (说短点; 说详细点 undoes it)."""
    asked: str | None = None
    """The question just answered about a dish (ask_price…): 那羊肉汤呢 asks it again of another."""
    topic: str | None = None
    """The one dish the last answer was about (血肠十块钱): 来两份 / 软不软 / хоёрыг ав mean it."""
    lang_asked: bool = False
    """The person asked for their language (说蒙古语): typing in another does not change it."""
    queued: list[dict[str, Any]] = field(default_factory=list)
    """Family ordering for two elders in one breath: the orders after the one being told
    (``elder`` and its ``lines``), each started once the one before is placed."""
    last: Reply | None = None
    turns: dict[str, dict[str, Any]] = field(default_factory=dict)
    at: datetime | None = None

    def ask(self, awaiting: Awaiting | None) -> None:
        self.awaiting = awaiting

    def drop_draft(self) -> None:
        self.draft = None
        self.awaiting = None

    def forget_if_stale(self, now: datetime) -> None:
        if self.at is not None and now - self.at > STALE:
            self.draft, self.awaiting, self.cancel_id, self.misses = None, None, None, 0
            self.menu_read = None  # yesterday's menu is no meal to lean on

    def remember(
        self, turn_id: str | None, reply: Reply, now: datetime, *, whole: Reply | None = None
    ) -> None:
        """Keep the reply under its turn id (a retry gets what was shown) and, in full (``whole``
        when a short form was shown), as the last one (for 再说一遍 and 说详细点)."""
        self.last = whole or reply
        self.at = now
        if turn_id is not None:
            self.turns[turn_id] = asdict(reply)
            for old in list(self.turns)[:-KEEP_TURNS]:
                del self.turns[old]

    def replayed(self, turn_id: str | None) -> Reply | None:
        if turn_id is None or turn_id not in self.turns:
            return None
        return reply_from_json(self.turns[turn_id])

    # ------------------------------------------------------------------ stored form

    def to_json(self) -> dict[str, Any]:
        menu_read = _meal_json(self.menu_read)
        return {
            "version": VERSION,
            "lang": self.lang,
            "awaiting": self.awaiting.value if self.awaiting else None,
            "draft": self.draft.to_json() if self.draft else None,
            "menu_read": menu_read,
            "menu_more": _meal_json(self.menu_more),
            "cancel_id": self.cancel_id,
            "misses": self.misses,
            "for": self.for_elder,
            "menu_file": self.menu_file,
            "queued": self.queued,
            "asked": self.asked,
            "topic": self.topic,
            "lang_asked": self.lang_asked,
            "short": self.short,
            "offered_dishes": self.offered_dishes,
            "last": asdict(self.last) if self.last else None,
            "turns": self.turns,
            "at": self.at.isoformat() if self.at else None,
        }

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> ConversationState:
        """Read a stored state, of this version or the unversioned one before it (same keys,
        any of them missing); a key not understood is dropped rather than failing the turn."""
        awaiting = data.get("awaiting")
        return cls(
            lang=str(data.get("lang") or "zh"),
            awaiting=Awaiting(str(awaiting)) if awaiting in Awaiting.__members__.values() else None,
            draft=Draft.from_json(data["draft"]) if data.get("draft") else None,
            menu_read=_meal(data.get("menu_read")),
            menu_more=_meal(data.get("menu_more")),
            cancel_id=_optional(data, "cancel_id", int),
            misses=int(data.get("misses") or 0),
            for_elder=_optional(data, "for", int),
            menu_file=data.get("menu_file") or None,
            queued=[q for q in data.get("queued") or [] if isinstance(q, dict)],
            asked=_optional(data, "asked", str),
            topic=_optional(data, "topic", str),
            lang_asked=bool(data.get("lang_asked")),
            short=bool(data.get("short")),
            offered_dishes=[str(d) for d in data.get("offered_dishes") or []][:12],
            last=reply_from_json(data["last"]) if data.get("last") else None,
            turns=dict(data.get("turns") or {}),
            at=datetime.fromisoformat(data["at"]) if data.get("at") else None,
        )


T = TypeVar("T")


def _optional(data: dict[str, Any], key: str, kind: Callable[[Any], T]) -> T | None:
    """``data[key]`` as ``kind``, or None when absent or empty (an older state's missing key)."""
    value = data.get(key)
    return kind(value) if value else None


def reply_from_json(data: dict[str, Any]) -> Reply:
    """A stored reply (fields this version does not know are ignored)."""
    known = {k: v for k, v in data.items() if k in Reply.__dataclass_fields__}
    return Reply(**known)


def _recurrence_json(rec: Recurrence | None) -> dict[str, Any] | None:
    if rec is None:
        return None
    end = rec.end.isoformat() if rec.end else None
    return {"weekdays": list(rec.weekdays), "start": rec.start.isoformat(), "end": end}


def _recurrence(data: dict[str, Any] | None) -> Recurrence | None:
    if not data:
        return None
    end = date.fromisoformat(data["end"]) if data.get("end") else None
    return Recurrence(tuple(data["weekdays"]), date.fromisoformat(data["start"]), end)


def _meal_json(ref: MealRef | None) -> dict[str, Any] | None:
    if ref is None:
        return None
    return {"date": ref.day.isoformat(), "meal": ref.meal.value, "offset": ref.offset}


def _meal(data: dict[str, Any] | None) -> MealRef | None:
    if not data:
        return None
    return MealRef(
        date.fromisoformat(data["date"]), MealSlot(data["meal"]), int(data.get("offset") or 0)
    )
