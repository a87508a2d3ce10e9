"""What the text is read as before anything else: one character for one, so every span still
points into what was said."""

from __future__ import annotations

import pytest

from nlu.text import clean


@pytest.mark.parametrize(
    ("said", "read"),
    [
        ("后晌吃甚", "后晌吃啥"),
        ("订了些甚，给俺说说", "订了些啥，给俺说说"),
        ("甚时候送", "啥时候送"),
        ("甚么菜软和", "什么菜软和"),
        ("甚至不想吃", "甚至不想吃"),  # the written word, left alone
        ("不甚好吃", "不甚好吃"),
        ("红烧肉多少前", "红烧肉多少钱"),
    ],
)
def test_dialect_words_are_read_one_character_for_one(said: str, read: str) -> None:
    assert clean(said) == read
    assert len(clean(said)) == len(said)
