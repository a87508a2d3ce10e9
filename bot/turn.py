"""A reply of the dialogue: what every channel shows or speaks.

``Reply`` is the one reply type of every channel: the dialogue's answers, Telegram's own
(registration, refusals, outbox messages) and the smart speaker's all are one."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass
class Reply:
    """What to say, and the choices to offer: as buttons under this message when ``inline``
    (answers to this one question), else as the keyboard (or numbers in the terminal);
    ``ask_contact`` asks for the phone number with the channel's own button."""

    text: str
    choices: list[str] = field(default_factory=list)
    inline: bool = False
    ask_contact: bool = False
    short: str | None = None
    """The same said briefly (a read-back with only what is to pay), for people who asked for
    short replies and for a repeat of a long one; None where the reply is short already."""
    full: str | None = None
    """The same with every detail (a read-back with 原价, 补贴, 券, 卡 each said), for 说详细点;
    None where the reply says everything already."""
    lang: str | None = None
    """The language the reply is in (``zh``, ``mn``), None where its maker did not say: the
    dialogue sets it to the person's language after the turn, so a channel that remembers the
    person's language sees a switch in the reply itself."""

    def prefixed(self, words: str) -> Reply:
        """The same reply after ``words`` (好的，不要红烧肉了。), in each of its forms."""
        return Reply(
            words + self.text,
            self.choices,
            self.inline,
            self.ask_contact,
            short=words + self.short if self.short is not None else None,
            full=words + self.full if self.full is not None else None,
            lang=self.lang,
        )
