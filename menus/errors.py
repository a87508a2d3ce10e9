"""One error type for every refused request, carrying a code and what the message needs.

Why codes: channels (terminal, Telegram, voice) turn the same refusal into a sentence in the
person's language from the catalogue (``menus.catalogue``, messages ``refusal_<code>``); tests
assert on the code, not on wording.
"""

from __future__ import annotations

from enum import StrEnum

from menus.catalogue import resolve, say, variables, word
from menus.vocab import Fulfillment, MealSlot, OrderStatus, label_zh

_WORDS = {OrderStatus: "status", MealSlot: "meal", Fulfillment: "mode"}
"""The catalogue's words for the store's states, meals and ways of getting a meal."""


class DomainError(Exception):
    """A request the rules refuse; nothing was changed."""

    def __init__(self, code: str, /, **params: object) -> None:
        self.code = code
        self.params = params
        super().__init__(code)

    def message(self, lang: str = "zh") -> str:
        """The sentence for a person, in their language."""
        return render(self.code, lang, **self.params)

    def __str__(self) -> str:
        return self.message("en")


def render(code: str, lang: str = "zh", /, **params: object) -> str:
    """The refusal ``code`` in ``lang`` (the catalogue's fallback: Mandarin where ``lang`` lacks
    it; the bare code where Mandarin does too). A state, meal or way of getting a meal is put
    in as the store's label (已下单) in Mandarin, as its code (``placed``) in English, as the
    catalogue's word in another language; a variable not given shows as ``{name}``."""
    key = "refusal_" + code
    try:
        used = resolve(key, lang)
    except KeyError:
        return code
    shown = {
        name: _enum(value, used) if isinstance(value, StrEnum) else value
        for name, value in params.items()
    }
    for missing in variables(key, used) - shown.keys():
        shown[missing] = "{" + missing + "}"
    return say(key, used, **shown)


def _enum(value: StrEnum, lang: str) -> str:
    if lang == "zh":
        return label_zh(value)
    kind = _WORDS.get(type(value))
    return word(kind, value.value, lang) if kind and lang != "en" else value.value
