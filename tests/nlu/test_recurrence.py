"""A wish for meals on many days is heard as such (and 各/тус бүр "each" is not)."""

from __future__ import annotations

import pytest

from nlu.recurrence import heard


@pytest.mark.parametrize(
    "text",
    ["这礼拜每天晌午都给我送一份", "下周一到周五中午羊汤", "工作日每天晌午", "还是老样子",
     "跟昨天一样", "ажлын өдөр бүр өдрийн хоол", "ᠡᠳᠦᠷ ᠪᠦᠷᠢ ᠦᠳᠡ ᠶᠢᠨ ᠬᠣᠭᠣᠯᠠ"],
)  # fmt: skip
def test_many_days_are_heard(text: str) -> None:
    assert heard(text)


@pytest.mark.parametrize(
    "text",
    ["明天中午一份红烧肉", "我要订餐", "Бууз, банш тус бүр нэг", "ᠪᠣᠣᠵᠠ ᠪᠠ ᠲᠠᠷᠠᠭ ᠲᠤᠰ ᠪᠦᠷᠢ ᠬᠣᠶᠠᠷ",
     "饺子米饭各一份"],
)  # fmt: skip
def test_one_day_is_not_heard_as_many(text: str) -> None:
    assert not heard(text)
