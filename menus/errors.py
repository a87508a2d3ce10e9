"""One error type for every refused request, carrying a code and what the message needs.

Why codes: channels (terminal, Telegram, voice) turn the same refusal into a sentence in the
person's language from ``menus.messages``; tests assert on the code, not on wording.
"""

from __future__ import annotations


class DomainError(Exception):
    """A request the rules refuse; nothing was changed."""

    def __init__(self, code: str, /, **params: object) -> None:
        self.code = code
        self.params = params
        super().__init__(code)

    def message(self, lang: str = "zh") -> str:
        """The sentence for a person, in their language."""
        from menus.messages import render

        return render(self.code, lang, **self.params)

    def __str__(self) -> str:
        return self.message("en")
