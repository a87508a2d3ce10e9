"""Read-backs sized for listening (``bot.phrasing``): the same dishes, day, meal and way are said
once, a split price says only its parts, and each order still says whose, when, how, every dish
with its count and what is paid, in Mandarin and in both Mongolian scripts."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest

from bot.phrasing import (
    items_words,
    read_back,
    read_back_full,
    read_back_several,
    read_back_short,
    recurrence_words,
)
from menus.orders import ItemSummary, OrderSummary
from menus.spoken import SYLLABLE_LIMIT, syllables

TODAY = date(2026, 12, 1)
MN_NAMES = {"黄油炒米粥": "шар тостой будаа", "蒙古包子": "бууз", "羊肉面片": "хонины шөл"}


def _order(*items: tuple[str, int], **parts: object) -> OrderSummary:
    """An order of 王秀兰's for tomorrow's breakfast, picked up, the card paying 6 yuan."""
    fields: dict[str, object] = {
        "id": 0,
        "idempotency_key": "k",
        "elder_id": 1,
        "elder_name": "王秀兰",
        "placed_by_id": None,
        "placed_by_role": "elder",
        "canteen_id": 1,
        "canteen_code": "c",
        "canteen_name": "食堂",
        "date": date(2026, 12, 2),
        "meal": "breakfast",
        "fulfillment": "pickup",
        "delivery_address": None,
        "status": "placed",
        "price_fen": 1200,
        "subsidy_fen": 600,
        "voucher_fen": 0,
        "card_fen": 600,
        "payable_fen": 0,
        "items": tuple(ItemSummary(name, qty, 600) for name, qty in items),
        "serve_start": None,
        "serve_end": None,
    }
    fields.update(parts)
    return OrderSummary(**fields)  # type: ignore[arg-type]


BREAKFAST = _order(("黄油炒米粥", 1), ("蒙古包子", 1))
LUNCH = _order(("羊肉面片", 1), meal="lunch")


@pytest.mark.parametrize(
    ("items", "lang", "said"),
    [
        ((("红烧肉", 1), ("米饭", 1)), "zh", "红烧肉、米饭各一份"),
        ((("红烧肉", 1), ("米饭", 2), ("鸡蛋羹", 1)), "zh", "红烧肉、鸡蛋羹各一份，米饭两份"),
        ((("红烧肉", 1), ("米饭", 2)), "zh", "红烧肉一份、米饭两份"),  # no count shared
        ((("хонины шөл", 1), ("мантуу", 1)), "mn-Cyrl", "хонины шөл, мантуу тус бүр 1 хувь"),
        ((("ᠮᠠᠨᠲᠤᠤ", 2), ("ᠲᠠᠷᠠᠭ", 2)), "mn", "ᠮᠠᠨᠲᠤᠤ᠂ ᠲᠠᠷᠠᠭ ᠲᠤᠰ ᠪᠦᠷᠢ ᠒ ᠬᠤᠪᠢ"),
    ],
)
def test_dishes_of_one_count_say_the_count_once(
    items: tuple[tuple[str, int], ...], lang: str, said: str
) -> None:
    assert items_words(_order(*items), lang) == said


def test_two_meals_of_one_day_say_the_day_and_way_once_and_a_brief_price_each() -> None:
    said = read_back_several([BREAKFAST, LUNCH], TODAY, "zh", named=False)
    assert said == (
        "明天都自己去拿。早饭：黄油炒米粥、蒙古包子各一份。从卡上扣六块钱。"
        "午饭：羊肉面片一份。从卡上扣六块钱。"
    )
    assert syllables(said + "要订吗？") <= SYLLABLE_LIMIT


def test_two_days_of_one_meal_the_same_but_the_day_say_it_in_a_word() -> None:
    after = replace(BREAKFAST, date=date(2026, 12, 3))
    said = read_back_several([BREAKFAST, after], TODAY, "zh", named=True)
    assert (
        said
        == "王秀兰，早饭都自己去拿。明天：黄油炒米粥、蒙古包子各一份。从卡上扣六块钱。后天也一样。"
    )


def test_two_elders_are_each_named_with_their_own_dishes_and_price() -> None:
    other = replace(LUNCH, elder_id=2, elder_name="刘德福", meal="breakfast", payable_fen=350)
    said = read_back_several([BREAKFAST, other], TODAY, "zh", named=True)
    assert said == (
        "明天早饭都自己去拿。王秀兰：黄油炒米粥、蒙古包子各一份。从卡上扣六块钱。"
        "刘德福：羊肉面片一份。您付三块五。"
    )


def test_orders_got_two_ways_say_each_ones_when_and_way() -> None:
    sent = replace(LUNCH, fulfillment="delivery")
    said = read_back_several([BREAKFAST, sent], TODAY, "zh", named=False)
    assert said.startswith("明天早饭，自己去拿：黄油炒米粥、蒙古包子各一份。")
    assert "明天午饭，送到家：羊肉面片一份。" in said


MN_NAMES_TRADITIONAL = {
    "黄油炒米粥": "ᠰᠢᠷ᠎ᠠ ᠲᠣᠰᠣ ᠲᠠᠢ ᠪᠤᠳᠠᠭᠠᠨ ᠰᠢᠯᠦ",
    "蒙古包子": "ᠪᠤᠤᠵᠠ",
    "羊肉面片": "ᠬᠣᠨᠢᠨ ᠤ ᠮᠢᠬᠠ ᠲᠠᠢ ᠨᠢᠭᠤᠷ ᠬᠠᠭᠤᠷᠭ᠎ᠠ",
}


@pytest.mark.parametrize(
    ("lang", "names"), [("zh", {}), ("mn-Cyrl", MN_NAMES), ("mn", MN_NAMES_TRADITIONAL)]
)
def test_several_orders_together_are_much_shorter_than_each_read_back(
    lang: str, names: dict[str, str]
) -> None:
    """Long dish names keep a Mongolian pair of orders long; what they share is still said once."""
    together = read_back_several([BREAKFAST, LUNCH], TODAY, lang, names, named=False)
    each = "".join(read_back(o, TODAY, lang, names, named=False) for o in (BREAKFAST, LUNCH))
    assert syllables(together) <= 0.85 * syllables(each), together
    assert "тус бүр" in together or "ᠲᠤᠰ ᠪᠦᠷᠢ" in together or "各一份" in together, together


def test_a_card_and_cash_split_says_its_parts_not_their_sum_again() -> None:
    split = _order(
        ("羊背子", 5), price_fen=25900, subsidy_fen=4000, card_fen=3000, payable_fen=18900
    )
    said = read_back(split, TODAY, "zh", named=False)
    assert said.endswith("补贴后，卡上扣三十块钱，您再付一百八十九块钱。"), said
    assert "两百一十九" not in said
    full = read_back_full(split, TODAY, "zh", named=False)
    assert "原价两百五十九块钱，补贴四十块钱，卡上扣三十块钱，还需付一百八十九块钱" in full
    cyrl = read_back(split, TODAY, "mn-Cyrl", named=False)
    assert "Татаастай, картаас хасах 30 юань, төлөх дүн 189 юань" in cyrl, cyrl


def test_a_read_back_whose_day_was_said_before_starts_with_the_way() -> None:
    """A standing order's first meal on the first of its days: the days said it already."""
    assert read_back(LUNCH, TODAY, "zh", named=False, when="").startswith("自己去拿：羊肉面片")
    short = read_back_short(LUNCH, TODAY, "mn-Cyrl", MN_NAMES, named=False, when="")
    assert short.startswith("өөрөө авах: хонины шөл 1 хувь."), short


@pytest.mark.parametrize(
    ("lang", "said"),
    [
        ("zh", "12月7日到13日每天"),
        ("mn-Cyrl", "12 сарын 7-13 өдөр бүр"),
        ("mn", "᠑᠒ ᠰᠠᠷ\u180eᠠ\u202fᠶᠢᠨ ᠗-᠑᠓ "),
    ],
)
def test_days_of_one_month_say_the_month_once(lang: str, said: str) -> None:
    every = tuple(range(7))
    assert recurrence_words(every, date(2026, 12, 7), date(2026, 12, 13), TODAY, lang).startswith(
        said
    )
    across = recurrence_words(every, date(2026, 12, 28), date(2027, 1, 3), TODAY, "zh")
    assert across == "12月28日到1月3日每天"
    assert recurrence_words(every, date(2026, 12, 2), date(2026, 12, 6), TODAY, "zh") == (
        "明天到12月6日每天"
    )
