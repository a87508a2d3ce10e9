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


@pytest.mark.parametrize(
    ("said", "read"),
    [
        ("不是今天 是名天晚上", "不是今天 是明天晚上"),
        ("我那个代金卷还有几张", "我那个代金券还有几张"),
        ("我今天中午定的啥", "我今天中午订的啥"),
        ("定个午饭", "订个午饭"),
        ("一定的", "一定的"),
        ("确定了", "确定了"),
        ("那晚上的饺子 多前一份", "那晚上的饺子 多钱一份"),
        ("很多前面的", "很多前面的"),
        ("卷饼", "卷饼"),
        ("差不多前几天订的", "差不多前几天订的"),
        ("说不定了", "说不定了"),
        ("可以定个时间送吗", "可以定个时间送吗"),
    ],
)
def test_what_a_recogniser_writes_is_read_as_said(said: str, read: str) -> None:
    assert clean(said) == read
