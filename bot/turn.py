"""A reply of the dialogue: what every channel shows or speaks."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass
class Reply:
    """What to say, and the choices to offer: as buttons under this message when ``inline``
    (answers to this one question), else as the keyboard (or numbers in the terminal)."""

    text: str
    choices: list[str] = field(default_factory=list)
    inline: bool = False
    ask_contact: bool = False
