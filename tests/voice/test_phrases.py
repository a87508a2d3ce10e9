"""Matching a transcript against the phrases that make sense now, by toneless pinyin: what a
recogniser wrote with the wrong characters comes back as the phrase, and nothing that changes
the meaning (a stray 要 or 不要) is invented."""

from __future__ import annotations

import pytest

from voice.phrases import COMMON_ZH, explained, find_phrases, snap, syllable_similarity

PHRASES = [
    *COMMON_ZH,
    "我要订餐", "今天吃什么", "我的订单", "取消订单", "卡里还有多少钱", "送到家",
    "红烧肉", "小米粥", "鸡蛋羹", "清炒时蔬", "土豆炖牛肉", "蒙古包子",
]  # fmt: skip


@pytest.mark.parametrize(
    ("heard", "meant"),
    [
        ("我要等三", "我要订餐"),  # Whisper's spelling of espeak-ng's 我要订餐
        ("我的天堂", "我的订单"),
        ("咖喱,还要多少钱", "卡里还有多少钱"),
        ("我要一份千朝十苏", "我要一份清炒时蔬"),
        ("要衣服兔兔的牛肉", "要一份土豆炖牛肉"),
        ("小米州", "小米粥"),
        ("明天中午要两份红烧肉", "明天中午要两份红烧肉"),  # already right: unchanged
    ],
)
def test_sounds_alike_become_the_phrase(heard: str, meant: str) -> None:
    assert snap(heard, PHRASES) == meant


def test_nothing_heard_leaves_the_transcript_alone() -> None:
    assert snap("放首歌听听", PHRASES) == "放首歌听听"
    assert snap("Kindian-Chi-Shun-Mu", PHRASES) == "Kindian-Chi-Shun-Mu"


def test_a_one_syllable_answer_counts_only_on_its_own() -> None:
    """要 inside a garbled sentence is no yes: a wrong yes would place an order."""
    assert [h.phrase for h in find_phrases("要", PHRASES)] == ["要"]
    assert "要" not in [h.phrase for h in find_phrases("我要变三方少少", ["要"])]


def test_no_negation_is_invented() -> None:
    assert "不要" not in snap("明天上午要连粉红烧肉", PHRASES)


def test_longer_phrases_win_over_the_words_inside_them() -> None:
    assert [h.phrase for h in find_phrases("不要", PHRASES)] == ["不要"]


def test_digits_are_read_as_numbers() -> None:
    assert snap("要2份红烧肉", PHRASES) == "要二份红烧肉"


def test_near_sounds_are_close_and_others_are_not() -> None:
    assert syllable_similarity("zhou", "zou") > 0.8
    assert syllable_similarity("ding", "deng") > 0.7
    assert syllable_similarity("bu", "wu") < 0.7


def test_how_much_the_phrases_explain() -> None:
    """What restricted Whisper chooses among its best transcripts by."""
    assert explained("我的订单", PHRASES) == pytest.approx(1.0)
    assert 0.5 < explained("我的天堂", PHRASES) < 1.0
    assert explained("放首歌听听", PHRASES) == 0.0 and explained("", PHRASES) == 0.0
