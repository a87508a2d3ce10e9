"""Numbers and money the way people say them."""

from __future__ import annotations

import pytest

from bot.texts import spoken_number, spoken_yuan


@pytest.mark.parametrize(
    ("n", "said"),
    [
        (1, "一"),
        (2, "两"),
        (10, "十"),
        (12, "十二"),
        (20, "二十"),
        (105, "一百零五"),
        (110, "一百一十"),
        (200, "两百"),
        (2005, "两千零五"),
        (2345, "两千三百四十五"),
    ],
)
def test_counts(n: int, said: str) -> None:
    """俩 and 两 for two, 十二 not 一十二."""
    assert spoken_number(n) == said


@pytest.mark.parametrize(
    ("fen", "said"),
    [
        (1200, "十二块钱"),
        (1250, "十二块五"),
        (255, "两块五毛五"),
        (50, "五毛"),
        (5, "五分"),
        (1205, "十二块零五"),
        (200, "两块钱"),
        (0, "零元"),
    ],
)
def test_money(fen: int, said: str) -> None:
    """十二块五, not 12.50元."""
    assert spoken_yuan(fen) == said
