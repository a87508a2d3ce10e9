"""Turning a reply into Telegram messages: keyboards for elders, and texts under the limit.

Why here and not in the handlers: the same rendering serves replies and outbox messages, and
it is pure (no I/O), so it is tested without a bot.
"""

from __future__ import annotations

from dataclasses import dataclass

from telegram import (
    InlineKeyboardButton,
    InlineKeyboardMarkup,
    KeyboardButton,
    ReplyKeyboardMarkup,
)

from bot.turn import Reply
from menus.catalogue import MAIN_ACTIONS, choices, say
from menus.text import ascii_whole

LIMIT = 4096
"""Telegram's longest message, counted in UTF-16 code units."""
CALLBACK_BYTES = 64
BREAKS = ("\n", "。", "！", "？", "᠃", "᠉", "!", "?", ".", "，", "᠂", ",", " ", "、")
"""Where a long text may be cut, best first: never inside a word (Mongolian words are separated
by spaces; U+202F and U+180E join a suffix to its word, so they are not breaks)."""
JOINERS = {"\u202f", "\u180e", "\u200d", "\u200c"} | {chr(c) for c in range(0x180B, 0x1810)}
"""Characters that belong to the letter before them or the letter after them."""

Markup = ReplyKeyboardMarkup | InlineKeyboardMarkup


@dataclass(frozen=True)
class Outgoing:
    """One ``sendMessage``: its text and keyboard."""

    text: str
    markup: Markup | None


def utf16_len(text: str) -> int:
    """Length as Telegram counts it (astral characters count twice)."""
    return len(text.encode("utf-16-le")) // 2


def split_text(text: str, limit: int = LIMIT) -> list[str]:
    """Pieces of at most ``limit`` UTF-16 units, cut at the best break in each window."""
    pieces: list[str] = []
    rest = text
    while utf16_len(rest) > limit:
        end = _fit(rest, limit)
        cut = _best_break(rest, end)
        pieces.append(rest[:cut].rstrip(" "))
        rest = rest[cut:].lstrip(" \n")
    if rest or not pieces:
        pieces.append(rest)
    return [p for p in pieces if p] or [""]


def _fit(text: str, limit: int) -> int:
    """The number of characters (never half a surrogate pair) that fit in ``limit`` units."""
    units = 0
    for index, char in enumerate(text):
        units += 2 if ord(char) > 0xFFFF else 1
        if units > limit:
            return index
    return len(text)


def _best_break(text: str, end: int) -> int:
    """Cut after a break character in the window's second half, else before a joiner-free
    character boundary (a word longer than a message is cut, but not inside a letter cluster)."""
    floor = end // 2
    for mark in BREAKS:
        at = text.rfind(mark, floor, end)
        if at != -1:
            return at + 1
    cut = end
    while cut > floor and (text[cut] in JOINERS or text[cut - 1] in JOINERS):
        cut -= 1
    return cut if cut > floor else end


def callback_data(choice: str, index: int) -> str:
    """The choice itself when it fits Telegram's 64 bytes, else its position (``#2``)."""
    return choice if len(choice.encode()) <= CALLBACK_BYTES else f"#{index}"


def choice_from_callback(data: str, markup: InlineKeyboardMarkup | None) -> str | None:
    """The text of the pressed button: the data itself, or the button it points at."""
    if not data.startswith("#"):
        return data
    index = ascii_whole(data[1:])  # a client can send any data: "#²" is no position
    if markup is None or index is None:
        return None
    buttons = [b for row in markup.inline_keyboard for b in row]
    return buttons[index].text if index < len(buttons) else None


def _rows(items: list[str], width: int = 2) -> list[list[str]]:
    return [items[i : i + width] for i in range(0, len(items), width)]


def keyboard(answer: Reply, lang: str) -> Markup:
    """Big buttons: the contact button, the reply's choices, or the four main actions."""
    if answer.ask_contact:
        button = KeyboardButton(say("phone_button", lang), request_contact=True)
        return ReplyKeyboardMarkup([[button]], resize_keyboard=True, one_time_keyboard=True)
    if answer.choices and answer.inline:
        return InlineKeyboardMarkup(
            [
                [
                    InlineKeyboardButton(c, callback_data=callback_data(c, i + j))
                    for j, c in enumerate(row)
                ]
                for i, row in zip(
                    range(0, len(answer.choices), 2), _rows(answer.choices), strict=True
                )
            ]
        )
    if answer.choices:
        return ReplyKeyboardMarkup(
            _rows(list(answer.choices)), resize_keyboard=True, one_time_keyboard=True
        )
    return ReplyKeyboardMarkup(
        _rows(choices(MAIN_ACTIONS, lang)), resize_keyboard=True, is_persistent=True
    )


def render(answer: Reply, lang: str) -> list[Outgoing]:
    """The messages for one reply; the keyboard goes with the last piece."""
    pieces = split_text(answer.text)
    markup = keyboard(answer, lang)
    return [Outgoing(p, markup if i == len(pieces) - 1 else None) for i, p in enumerate(pieces)]
