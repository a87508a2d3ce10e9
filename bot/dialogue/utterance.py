"""What a person said, as the dialogue reads it: an intent and typed mentions.

The parser speaks Rasa's JSON (``{"intent": {...}, "entities": [...]}``); the dialogue reads it
once, here, into an ``Utterance`` so every handler works with names from the domain instead of
dictionary keys.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date
from enum import StrEnum
from typing import Any

from menus.vocab import MealSlot
from nlu.recurrence import heard as heard_recurring


class Intent(StrEnum):
    """What a person wants from a turn (the NLU contract's intents)."""

    ORDER_MEAL = "order_meal"
    ASK_MENU = "ask_menu"
    CANCEL_ORDER = "cancel_order"
    CHANGE_ORDER = "change_order"
    CHECK_ORDER = "check_order"
    ASK_PRICE = "ask_price"
    CHECK_BALANCE = "check_balance"
    ASK_NUTRITION = "ask_nutrition"
    AFFIRM = "affirm"
    DENY = "deny"
    REPEAT = "repeat"
    HELP = "help"
    GREET = "greet"
    GOODBYE = "goodbye"
    THANK = "thank"
    SET_REMINDER = "set_reminder"
    COMPLAIN = "complain"
    FEEDBACK = "feedback"
    CHOOSE_FULFILLMENT = "choose_fulfillment"
    INFORM = "inform"
    OUT_OF_SCOPE = "out_of_scope"


class Kind(StrEnum):
    """What a mention names."""

    DISH = "dish"
    QUANTITY = "quantity"
    DATE = "date"
    MEAL = "meal"
    FULFILLMENT = "fulfillment"
    TIME = "time"
    CONDITION = "condition"
    BENEFICIARY = "beneficiary"
    OTHER = "other"


class Role(StrEnum):
    """How a mention takes part in an edit (Rasa entity roles)."""

    REMOVE = "remove"
    REPLACE_FROM = "replace_from"
    REPLACE_TO = "replace_to"
    ADD = "add"
    EACH = "each"
    KEEP = "keep"
    """醋溜白菜照旧: the dish stays as it is: neither wanted anew nor given up."""


REFUSED = frozenset({Role.REMOVE, Role.REPLACE_FROM})
"""Roles of what the person does *not* want: never to be ordered."""


@dataclass(frozen=True)
class Mention:
    """One thing named: a dish 红烧肉, a quantity 2 (group 1 ties it to its dish), a day…"""

    kind: Kind
    value: str | int
    role: Role | None = None
    group: int | None = None

    @property
    def refused(self) -> bool:
        return self.role in REFUSED


@dataclass(frozen=True)
class Utterance:
    """One utterance understood."""

    text: str
    intent: Intent
    confidence: float
    mentions: tuple[Mention, ...] = ()
    recurring: bool = False
    """Said of more than one day (每天, 下周一到周五): a standing order, never one day's."""
    kept: tuple[str, ...] = ()
    """Dishes said to stay as they are (米饭还要 / 白菜照旧): nothing to do, but named."""

    @classmethod
    def from_parse(cls, text: str, parsed: dict[str, Any]) -> Utterance:
        """Read the parser's Rasa-shaped JSON (unknown intents and kinds are kept as the
        nearest safe ones: out of scope, other)."""
        name = str(parsed["intent"]["name"])
        intent = Intent(name) if name in Intent.__members__.values() else Intent.OUT_OF_SCOPE
        found = [_mention(e) for e in parsed.get("entities") or ()]
        mentions = tuple(m for m in found if m.role != Role.KEEP)  # 照旧: nothing to do
        kept = tuple(str(m.value) for m in found if m.role == Role.KEEP and m.kind == Kind.DISH)
        confidence = float(parsed["intent"].get("confidence", 1.0))
        return cls(text, intent, confidence, mentions, heard_recurring(text), kept)

    def with_intent(self, intent: Intent) -> Utterance:
        return replace(self, intent=intent)

    # ----------------------------------------------------------------- what was named

    def of(self, kind: Kind) -> list[Mention]:
        return [m for m in self.mentions if m.kind == kind]

    @property
    def dishes(self) -> list[Mention]:
        return self.of(Kind.DISH)

    @property
    def each(self) -> int | None:
        """A count said for every dish (各一份)."""
        return next((int(m.value) for m in self.of(Kind.QUANTITY) if m.role == Role.EACH), None)

    @property
    def counts(self) -> dict[int | None, int]:
        """Quantities by the group that ties each to its dish."""
        return {m.group: int(m.value) for m in self.of(Kind.QUANTITY) if m.role != Role.EACH}

    @property
    def day(self) -> date | None:
        return next((date.fromisoformat(str(m.value)) for m in self.of(Kind.DATE)), None)

    @property
    def meal(self) -> MealSlot | None:
        return next((MealSlot(str(m.value)) for m in self.of(Kind.MEAL)), None)

    @property
    def time(self) -> str | None:
        return next((str(m.value) for m in self.of(Kind.TIME)), None)

    @property
    def beneficiary(self) -> str | None:
        """For whom (family speaking): mother, father, parents, self or other."""
        return next((str(m.value) for m in self.of(Kind.BENEFICIARY)), None)

    @property
    def conditions(self) -> set[str]:
        return {str(m.value) for m in self.of(Kind.CONDITION)}

    def slots(self) -> list[Mention]:
        """The day, meal and way of getting it said as wanted (不是明天，是后天 keeps 后天)."""
        kinds = (Kind.DATE, Kind.MEAL, Kind.FULFILLMENT)
        return [m for m in self.mentions if m.kind in kinds and not m.refused]


def _mention(entity: dict[str, Any]) -> Mention:
    kind = str(entity["entity"])
    role = entity.get("role")
    value = entity["value"]
    return Mention(
        kind=Kind(kind) if kind in Kind.__members__.values() else Kind.OTHER,
        value=value if isinstance(value, int) else str(value),
        role=Role(str(role)) if role in Role.__members__.values() else None,
        group=entity.get("group"),
    )
