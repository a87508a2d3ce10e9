"""Argument types shared by the ``zhucan`` subcommands.

Why a bounded type instead of ``type=int``: Python's integers have no limit, so ``--limit
100000000000000000000`` parsed fine and then overflowed in the database driver (a traceback and
exit 1). A number outside what the option can mean is refused by argparse itself, with the
option named and exit status 2, before anything is opened.
"""

from __future__ import annotations

import argparse
from collections.abc import Callable

MAX_DIGITS = 12
"""No option takes a number this long; longer digit strings are refused before ``int()``
(which is quadratic in the number of digits for huge inputs)."""


def whole_number(low: int, high: int) -> Callable[[str], int]:
    """An argparse ``type`` for a whole number from ``low`` to ``high`` (inclusive)."""

    def parse(text: str) -> int:
        digits = text.strip()
        unsigned = digits.removeprefix("-").removeprefix("+")
        if not unsigned.isascii() or not unsigned.isdigit() or len(unsigned) > MAX_DIGITS:
            raise argparse.ArgumentTypeError(f"'{text}' is not a whole number from {low} to {high}")
        value = int(digits)
        if not low <= value <= high:
            raise argparse.ArgumentTypeError(f"{value} is not between {low} and {high}")
        return value

    parse.__name__ = "whole number"  # argparse names the type in some messages
    return parse
