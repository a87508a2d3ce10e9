"""Entities as the parser reports them: Rasa's shape, with a span where there is one."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any


@dataclass
class Entity:
    """One thing understood: ``dish`` 红烧肉 at 7–10, ``quantity`` 2 (group 1), …"""

    entity: str
    value: Any
    start: int | None = None
    end: int | None = None
    group: int | None = None
    role: str | None = None

    def to_json(self) -> dict[str, Any]:
        """Rasa's parse format (span and group only when known)."""
        data: dict[str, Any] = {"entity": self.entity, "value": self.value}
        if self.start is not None and self.end is not None:
            data["start"], data["end"] = self.start, self.end
        if self.group is not None:
            data["group"] = self.group
        if self.role is not None:
            data["role"] = self.role
        return data


ROLES = frozenset({"remove", "replace_from", "replace_to", "add", "each"})
"""Rasa entity roles: a dish (or day, meal, way) refused or taken out, swapped from, swapped to,
added to what was said before; ``each`` on a quantity that counts for every dish (各一份)."""

REFUSED_ROLES = frozenset({"remove", "replace_from"})
"""Roles of what the person does *not* want: never to be ordered."""

INTENTS = frozenset(
    {
        "order_meal",
        "ask_menu",
        "cancel_order",
        "change_order",
        "check_order",
        "ask_price",
        "check_balance",
        "ask_nutrition",
        "affirm",
        "deny",
        "repeat",
        "help",
        "greet",
        "goodbye",
        "thank",
        "set_reminder",
        "complain",
        "feedback",
        "choose_fulfillment",
        "inform",
        "out_of_scope",
    }
)
"""The intents of the contract: every parse names one of these."""
