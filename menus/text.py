"""Checks on names written in Chinese and in both Mongolian scripts.

Why here: a dish's Mongolian name is shown to people and matched by the NLU, so a file must not
smuggle in control characters or mix scripts; normalising for matching is the NLU's job.
"""

from __future__ import annotations

import csv
import unicodedata
from typing import Final

MONGOLIAN_FIRST, MONGOLIAN_LAST = 0x1800, 0x18AF
MONGOLIAN_EXTRA = {" ", "\u202f", "\u200c", "\u200d", "\u180e"}
CYRILLIC_EXTRA = {" ", "-", "\u2010"}


def clean(text: str) -> str:
    """NFC, trimmed; Mongolian variation selectors and joiners are kept as written."""
    return unicodedata.normalize("NFC", text).strip()


def is_traditional_mongolian(text: str) -> bool:
    """Only Mongolian-block letters, spaces, narrow no-break spaces and joiners."""
    if not text.strip():
        return False
    has_letter = False
    for char in text:
        code = ord(char)
        if MONGOLIAN_FIRST <= code <= MONGOLIAN_LAST:
            has_letter = has_letter or unicodedata.category(char).startswith("L")
        elif char not in MONGOLIAN_EXTRA:
            return False
    return has_letter


def is_cyrillic_mongolian(text: str) -> bool:
    """Only Cyrillic letters (with ө and ү), spaces and hyphens."""
    if not text.strip():
        return False
    for char in text:
        if 0x0400 <= ord(char) <= 0x04FF:
            if not unicodedata.category(char).startswith("L"):
                return False
        elif char not in CYRILLIC_EXTRA:
            return False
    return True


MAX_ID_DIGITS = 18
"""Ids are 64-bit integers: a longer digit string names nothing (and ``int()`` of thousands of
digits is slow, then refused)."""


def ascii_whole(text: str, max_digits: int = MAX_ID_DIGITS) -> int | None:
    """``text`` as a non-negative whole number written in ASCII digits, else ``None``.

    Why not ``str.isdigit``: it is true for ``²`` and ``٣`` too, and ``int("²")`` raises, so
    ``order cancel ²`` or an elder looked up as ``²`` ended in a traceback; ``int()`` also
    takes ``1_000`` and spaces. A number someone types is plain digits, at most ``max_digits``.
    """
    digits = text.strip()
    if digits.isascii() and digits.isdigit() and len(digits) <= max_digits:
        return int(digits)
    return None


def has_control_chars(text: str) -> bool:
    """Control or format characters other than the Mongolian joiners and separators."""
    for char in text:
        if char in MONGOLIAN_EXTRA or 0x180B <= ord(char) <= 0x180F:
            continue
        if unicodedata.category(char) in ("Cc", "Cf", "Cs", "Co", "Cn"):
            return True
    return False


FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
"""What makes a spreadsheet read a CSV cell as a formula (OWASP, CSV Injection)."""


CSV_QUOTING: Final = csv.QUOTE_ALL
"""Every exported cell in double quotes (inner quotes doubled), the rest of OWASP's advice:
a spreadsheet set to another separator (``;`` in many locales) would otherwise split
``红烧肉;=HYPERLINK(…)`` into a second cell that starts a formula."""


def csv_cell(value: object) -> str:
    """A cell for a CSV file people open in a spreadsheet, escaped as OWASP recommends.

    Why: a dish name or alias like ``=cmd|' /C calc'!A0``, ``@SUM(…)`` or ``+1+2`` is run as a
    formula by Excel, WPS or LibreOffice when the canteen's exported menu is opened. A cell
    starting with ``= + - @``, tab or carriage return gets a single quote in front, which the
    spreadsheet shows as text. A cell that already starts with quotes before such a character
    gets one more, so that ``csv_value`` gives back exactly what was written.
    """
    text = "" if value is None else str(value)  # None is an empty cell, as csv writes it
    return "'" + text if text.lstrip("'").startswith(FORMULA_STARTS) else text


def csv_value(cell: str) -> str:
    """The value a ``csv_cell`` was made from: one escaping quote taken off again."""
    if cell.startswith("'") and cell.lstrip("'").startswith(FORMULA_STARTS):
        return cell[1:]
    return cell
