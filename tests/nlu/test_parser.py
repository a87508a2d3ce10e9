"""The parser on hand-written cases (one data file, one parametrised test), hostile input,
and the contract's shape. Cases use the demo menu; today is 2026-12-01 (a Tuesday)."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

import pytest
import yaml

from nlu.menu import DishNames, MenuNames
from nlu.parser import Parser

TODAY = date(2026, 12, 1)
CASES = yaml.safe_load((Path(__file__).parent / "cases.yml").read_text(encoding="utf-8"))


@pytest.mark.parametrize("case", CASES, ids=[c["text"] for c in CASES])
def test_case(parser: Parser, case: dict[str, Any]) -> None:
    """Intent, the listed entities, and each dish with its quantity (by shared group)."""
    result = parser.parse(case["text"], today=TODAY)
    assert result["intent"]["name"] == case["intent"], result
    assert result["lang"] == case.get("lang", "zh")
    found = {(e["entity"], str(e["value"])) for e in result["entities"]}
    for entity, value in (case.get("entities") or {}).items():
        assert (entity, str(value)) in found, result
    if "dishes" in case:
        dishes = {e["group"]: e["value"] for e in result["entities"] if e["entity"] == "dish"}
        counted = [e for e in result["entities"] if e["entity"] == "quantity" and "group" in e]
        counts = {e["group"]: e["value"] for e in counted}  # a count of nothing named: no group
        got = {name: counts.get(group) for group, name in dishes.items()}
        assert got == (case["dishes"] or {}), result
    roles = {str(e["value"]): e.get("role") for e in result["entities"]}
    for value, role in (case.get("roles") or {}).items():
        assert roles.get(str(value), "absent") == role, result
    for kind in case.get("no_entities") or []:
        assert kind not in {e["entity"] for e in result["entities"]}, result


def test_spans_point_into_the_text(parser: Parser) -> None:
    """Every span's characters are the words that were said."""
    text = "明天中午要两份红烧柔，送到家"
    result = parser.parse(text, today=TODAY)
    spans = {e["entity"]: text[e["start"] : e["end"]] for e in result["entities"] if "start" in e}
    assert spans == {
        "date": "明天",
        "meal": "中午",
        "quantity": "两",
        "dish": "红烧柔",
        "fulfillment": "送到家",
    }


@pytest.mark.parametrize(
    "text",
    [
        "",
        "   ",
        "😀😀😀",
        "\x00\x01\x02",
        "天" * 10_000,
        "<script>alert(1)</script>",
        "'; DROP TABLE orders; --",
        "\u202e\u200b\ufeff",
        "ᠠ" * 5000,
        "ж" * 5000,
        "1234567890" * 50,
        "how is the weather",
        "放首歌听听",
    ],
)
def test_odd_input_is_out_of_scope_never_an_error(parser: Parser, text: str) -> None:
    """Empty, huge, emoji, control characters, injection: low-confidence out_of_scope."""
    result = parser.parse(text, today=TODAY)
    assert result["intent"]["name"] == "out_of_scope", result
    assert result["intent"]["confidence"] <= 0.5
    assert len(result["text"]) <= 400


def test_ordinary_words_are_not_dishes(parser: Parser) -> None:
    """Words that sound a little like dishes stay words (几单 is not 鸡蛋)."""
    for text in ("订几单", "我想问问明天几点送", "米饭不够了吗你说", "帮我查查订单"):
        dishes = [e for e in parser.parse(text, today=TODAY)["entities"] if e["entity"] == "dish"]
        assert all(d["value"] == "米饭" for d in dishes), (text, dishes)


def test_a_new_menu_needs_no_retraining() -> None:
    """Dishes come from the menu given now, whatever the training data named."""
    parser = Parser(MenuNames((DishNames("宫保鸡丁", ("宫爆鸡丁",)), DishNames("酸汤饺子"))))
    result = parser.parse("明天要一份宫保鸡丁和两碗酸汤饺子", today=TODAY)
    pairs = {e["value"] for e in result["entities"] if e["entity"] == "dish"}
    assert pairs == {"宫保鸡丁", "酸汤饺子"}
    assert result["intent"]["name"] == "order_meal"


def test_a_parser_for_another_menu_reads_as_one_built_for_it(parser: Parser) -> None:
    """``for_menu`` (what a running bot does when a menu is published) parses exactly as a
    parser built for that menu, in Mandarin and Mongolian, and leaves the first one as it was."""
    menu = MenuNames(
        (
            DishNames("沙葱羊肉烧麦", ("沙葱烧麦",), None, "хонины махан шаомай"),
            DishNames("酸汤饺子"),
        )
    )
    fresh, switched = Parser(menu), parser.for_menu(menu)
    for text in (
        "明天中午要一份沙葱羊肉烧麦",
        "两个沙葱烧麦和一碗酸汤饺子",
        "маргааш шаомай хоёрыг",
    ):
        assert switched.parse(text, today=TODAY) == fresh.parse(text, today=TODAY)
    said = switched.parse("明天中午要一份沙葱烧麦", today=TODAY)
    assert {e["value"] for e in said["entities"] if e["entity"] == "dish"} == {"沙葱羊肉烧麦"}
    before = parser.parse("明天中午要一份沙葱烧麦", today=TODAY)
    assert "沙葱羊肉烧麦" not in {e["value"] for e in before["entities"] if e["entity"] == "dish"}


@pytest.mark.parametrize(
    ("text", "absent"),
    [
        ("来一点儿红烧肉", "time"),
        ("快一点送过来", "time"),
        ("送到3号楼", "date"),
        ("红烧肉是不是十五块钱", "quantity"),
        ("有面吗", "dish"),
        ("门面在哪", "dish"),
        ("2月30号", "date"),
        ("明天中午十二点两份红烧肉", "time:12:02"),
    ],
)
def test_words_that_look_like_entities_are_not(parser: Parser, text: str, absent: str) -> None:
    """一点 is "a little", 3号楼 is a building, 十五块钱 a price, 有面 an everyday word."""
    kind, _, value = absent.partition(":")
    found = [e for e in parser.parse(text, today=TODAY)["entities"] if e["entity"] == kind]
    assert not [e for e in found if not value or e["value"] == value], found


def test_odd_digits_in_mongolian_do_not_crash(parser: Parser) -> None:
    """Superscript and circled digits are not numbers to count with."""
    for text in ("хоёр ² цагаан будаа", "① мантуу авъя"):
        assert parser.parse(text, today=TODAY)["lang"] == "mn"


RURAL = MenuNames(
    (
        DishNames("奶皮子", (), "ᠥᠷᠥᠮᠡ", "өрөм"),
        DishNames("羊肉胡萝卜饺子", ("饺子",), "ᠬᠣᠨᠢᠨ ᠤ ᠮᠢᠬᠠᠨ ᠪᠠᠨᠰᠢ", "хонины махтай банш"),
        DishNames("羊肉面片", ("面片",), None, "хонины махтай бантан"),
        DishNames("土豆炖羊肉", (), "ᠲᠥᠮᠥᠰᠥ ᠲᠡᠢ ᠬᠣᠨᠢᠨ ᠤ ᠮᠢᠬᠠ", "төмстэй хонины мах"),
        DishNames("手把肉", (), None, "чанасан мах"),
        DishNames("羊背子", (), "ᠤᠭᠴᠠ", "ууц"),
    )
)


def test_a_mongolian_dish_is_named_by_its_last_word_where_no_other_ends_in_it() -> None:
    """банш is the only dumpling: 羊肉胡萝卜饺子; мах ends two names and names neither; орой
    (evening) is a meal word, never өрөм misspelt."""
    parser = Parser(RURAL)
    result = parser.parse("оноодор орой банш 2 авъя очоод авна", today=TODAY)
    found = {(e["entity"], e["value"]) for e in result["entities"]}
    assert {("meal", "dinner"), ("dish", "羊肉胡萝卜饺子"), ("quantity", 2)} <= found
    assert ("dish", "奶皮子") not in found
    meat = parser.parse("мах нэг авъя", today=TODAY)["entities"]
    assert not [e for e in meat if e["entity"] == "dish"]


@pytest.mark.parametrize(
    ("text", "intent"),
    [
        ("Сайн байна уу. Аавын картанд хэдэн юань үлдсэн бэ?", "check_balance"),
        ("ᠰᠠᠶᠢᠨ ᠪᠠᠶᠢᠨ᠎ᠠ ᠤᠤ", "greet"),
        ("ᠤᠭᠴᠠ ᠬᠡᠳᠦ", "ask_price"),
        ("饺子 ᠬᠡᠳᠦ", "ask_price"),
    ],
)
def test_mongolian_requests_win_over_the_greeting_around_them(text: str, intent: str) -> None:
    """A hello said before a question does not hide the question; ᠬᠡᠳᠦ alone asks a price."""
    assert Parser(RURAL).parse(text, today=TODAY)["intent"]["name"] == intent


@pytest.mark.parametrize(
    ("text", "mode"),
    [("每天早上给我送一碗小米粥", "delivery"), ("给我爸妈各送一份饺子", "delivery"),
     ("饺子送了吗", None), ("谁送的饭", None)],
)  # fmt: skip
def test_send_with_what_is_sent_is_delivery(parser: Parser, text: str, mode: str | None) -> None:
    """送 followed by the food it brings is the way to get it; 送了吗 asks about an order."""
    found = [e["value"] for e in parser.parse(text, today=TODAY)["entities"]
             if e["entity"] == "fulfillment"]  # fmt: skip
    assert found == ([mode] if mode else [])


def test_going_to_the_canteen_to_eat_with_words_between_is_dine_in(parser: Parser) -> None:
    """想去食堂跟老姐妹一块吃: dine-in; 一块 (together) is no count of portions."""
    found = parser.parse("她说想去食堂跟老姐妹一块吃，不用送了", today=TODAY)["entities"]
    kinds = {(e["entity"], e["value"], e.get("role")) for e in found}
    assert ("fulfillment", "dine_in", None) in kinds
    assert ("fulfillment", "delivery", "remove") in kinds
    assert not [e for e in found if e["entity"] == "quantity"]


def test_mongolian_instead_of_and_from_a_day_on() -> None:
    """X ᠶᠢᠨ ᠣᠷᠣᠨ ᠳᠤ Y (Y instead of X) replaces X; маргаашаас (from tomorrow) is a day."""
    parser = Parser(RURAL)
    said = "ᠤᠭᠴᠠ ᠶᠢᠨ ᠣᠷᠣᠨ ᠳᠤ ᠲᠥᠮᠥᠰᠥ ᠲᠡᠢ ᠬᠣᠨᠢᠨ ᠤ ᠮᠢᠬᠠ ᠨᠢᠭᠡ ᠪᠣᠯᠭᠠᠭᠠᠷᠠᠢ"
    roles = {(e["value"], e.get("role")) for e in parser.parse(said, today=TODAY)["entities"]}
    assert {("羊背子", "replace_from"), ("土豆炖羊肉", "replace_to")} <= roles
    cyrillic = parser.parse("ууцны оронд банш нэг", today=TODAY)["entities"]
    assert {(e["value"], e.get("role")) for e in cyrillic} >= {
        ("羊背子", "replace_from"),
        ("羊肉胡萝卜饺子", "replace_to"),
    }
    dated = parser.parse("маргаашаас эхлээд өдөр бүр банш", today=TODAY)["entities"]
    assert ("date", "2026-12-02") in {(e["entity"], e["value"]) for e in dated}


@pytest.mark.parametrize(
    ("text", "wanted"),
    [
        ("在食糖吃", ("fulfillment", "dine_in")),  # 食堂 as a recogniser writes it
        ("送到加", ("fulfillment", "delivery")),
        ("小米周两分", ("quantity", 2)),  # 份 written 分, next to the dish
    ],
)
def test_words_written_as_they_sound_are_heard(parser: Parser, text: str, wanted: tuple) -> None:
    found = {(e["entity"], e["value"]) for e in parser.parse(text, today=TODAY)["entities"]}
    assert wanted in found


@pytest.mark.parametrize("text", ["红烧肉十分好吃", "两分钟以后再说", "石头"])
def test_sounding_alike_is_not_enough_on_its_own(parser: Parser, text: str) -> None:
    found = parser.parse(text, today=TODAY)["entities"]
    assert not [e for e in found if e["entity"] in ("quantity", "fulfillment")], found


def test_a_longer_dish_misheard_wins_over_a_shorter_one_inside_it() -> None:
    """黄油炒米周 is the butter porridge misheard, not 炒米 with words around it."""
    parser = Parser(MenuNames((DishNames("炒米"), DishNames("黄油炒米粥"))))
    dishes = [e["value"] for e in parser.parse("黄油炒米周多少钱", today=TODAY)["entities"]
              if e["entity"] == "dish"]  # fmt: skip
    assert dishes == ["黄油炒米粥"]
    assert [e["value"] for e in parser.parse("炒米来一份", today=TODAY)["entities"]
            if e["entity"] == "dish"] == ["炒米"]  # fmt: skip


def test_a_refusal_after_a_pause_refuses_only_what_is_just_before_it(parser: Parser) -> None:
    """晚上要一份饺子 米饭不要了: the space is a pause; only 米饭 is refused (米饭馒头都不要了:
    both, said with 都)."""
    said = parser.parse("晚上要一份饺子 米饭不要了 在食堂吃", today=TODAY)["entities"]
    roles = {(e["value"], e.get("role")) for e in said}
    assert ("饺子", None) in roles and ("米饭", "remove") in roles
    assert ("dine_in", None) in roles
    both = parser.parse("米饭馒头都不要了", today=TODAY)["entities"]
    assert {e.get("role") for e in both if e["entity"] == "dish"} == {"remove"}


@pytest.mark.parametrize(
    ("text", "who"),
    [("我妈的爱心卡还剩多少？", "mother"), ("我妈不吃米饭，给她来俩馒头", "mother"),
     ("我爸尿酸高，烧麦可以吃不？", "father")],
)  # fmt: skip
def test_the_relative_a_request_is_about(parser: Parser, text: str, who: str) -> None:
    """我妈的卡 / 给她来 / 我爸尿酸高: family mean that parent, whatever they ask."""
    found = parser.parse(text, today=TODAY)["entities"]
    assert ("beneficiary", who) in {(e["entity"], e["value"]) for e in found}


def test_common_words_are_never_taken_for_a_homophone(parser: Parser) -> None:
    """自己过去那儿吃 is going there to eat (dine-in), not 自己过去拿 with 那 misheard."""
    found = parser.parse("那我自己过去那儿吃吧", today=TODAY)["entities"]
    assert [e["value"] for e in found if e["entity"] == "fulfillment"] == ["dine_in"]


def test_a_mongolian_count_with_a_case_ending_is_a_count() -> None:
    said = Parser(RURAL).parse("үдийн хоолонд банш гурвыг авъя", today=TODAY)["entities"]
    assert ("quantity", 3) in {(e["entity"], e["value"]) for e in said}


@pytest.mark.parametrize(
    ("said", "expected"),
    [
        ("除了手把肉和红烧肉，别的都行", {("手把肉", "remove"), ("红烧肉", "remove")}),
        (
            "二两烧麦，哎呀，我记错了，不是这个，是蒙古包子",
            {("羊肉烧麦", "replace_from"), ("蒙古包子", "replace_to")},
        ),
        ("битгий мартаарай, 小米粥 нэг", {("小米粥", None)}),
        ("奶茶 уухгүй, 小米粥 нэг өгөөч", {("奶茶", "remove"), ("小米粥", None)}),
        # look-alikes a review found: a cooking wish or a count after the reason, a question,
        # two dishes wanted, a dish named as the one ordered, a negated 错, something else
        ("手把肉太硬了，给我炖烂一点，再来碗米饭", {("手把肉", None), ("米饭", "add")}),
        ("米饭吃不了两碗，一碗就行，再来个大烩菜", {("米饭", None)}),
        ("清蒸鱼太贵了，我就要它，再来碗米饭", {("清蒸鱼", None)}),
        ("除了羊杂汤，还有什么汤", {("羊杂汤", None)}),
        ("我除了要手把肉还要羊杂汤，其他随便", {("手把肉", None)}),
        ("除了手把肉，大烩菜和蒸南瓜都行", {("手把肉", "remove"), ("大烩菜", None)}),
        ("刚才点的手把肉算了", {("手把肉", "remove")}),
        ("手把肉我没点错，再来碗米饭", {("手把肉", None), ("米饭", "add")}),
        ("Маргааш өдөр гар мах нэг авъя, өөр юм идэхгүй", {("手把肉", None)}),
        # refusals said in dialect, by a refused verb of wanting, by not being allowed, of
        # "that one" named after, of one person's share; and their look-alikes
        ("米饭莫要了，来俩馒头", {("米饭", "remove"), ("馒头", None)}),
        ("红烧肉就算咧", {("红烧肉", "remove")}),
        ("以后别再给我妈订红烧肉了", {("红烧肉", "remove")}),
        ("不用给我点米饭了，来碗羊杂汤", {("米饭", "remove"), ("羊杂汤", None)}),
        ("米饭别点了", {("米饭", "remove")}),
        ("医生不让喝羊杂汤，给我来碗小米粥", {("羊杂汤", "remove"), ("小米粥", None)}),
        ("红烧肉俺不敢吃了 血压高", {("红烧肉", "remove")}),
        ("红烧肉我能不能吃", {("红烧肉", None)}),
        ("糖尿病不能吃南瓜粥吗？", {("南瓜粥", None)}),
        ("米饭来不来都行", {("米饭", None)}),
        ("刚才那个不要了 就是红烧肉", {("红烧肉", "remove")}),
        ("那个不要了，来碗羊杂汤", {("羊杂汤", None)}),
        ("我要红烧肉，我妈的不要红烧肉，给她来碗小米粥", {("红烧肉", None), ("红烧肉", "remove")}),
        ("清蒸鱼刚才说错了 不要 要红烧肉", {("清蒸鱼", "remove"), ("红烧肉", None)}),
        ("不是送到家 我自己过去拿", {("delivery", "replace_from"), ("pickup", "replace_to")}),
        ("后天中午的改到大后天中午", {("2026-12-04", "replace_to"), ("lunch", None)}),
        ("红烧肉、米饭、馒头这些都不要，来碗羊杂汤", {("红烧肉", "remove"), ("米饭", "remove")}),
        ("后天的红烧肉麻烦取消了", {("红烧肉", "remove")}),
    ],
)
def test_roles_of_word_classes(
    parser: Parser, said: str, expected: set[tuple[str, str | None]]
) -> None:
    """除了X都行 refuses X; 记错了，不是这个，是Y swaps; битгий март (do not forget) asks."""
    found = {(e["value"], e.get("role")) for e in parser.parse(said, today=TODAY)["entities"]}
    assert expected <= found


@pytest.mark.parametrize(
    ("said", "way"),
    [
        ("晌午来碗羊杂汤，我到你们那儿吃", "dine_in"),
        ("下礼拜每天晌午一碗羊杂汤，我到点上吃", "dine_in"),
        ("明天就在你们食堂里吃", "dine_in"),
        ("我下午去你们那儿拿", "pickup"),
    ],
)
def test_the_canteen_named_as_a_place_gives_the_way(parser: Parser, said: str, way: str) -> None:
    """你们那儿 / 点上 / 食堂里, with 吃 or 拿 after them: where the meals are cooked."""
    found = parser.parse(said, today=TODAY)["entities"]
    assert [e["value"] for e in found if e["entity"] == "fulfillment"] == [way]


def test_when_a_dish_is_served_is_not_when_the_order_is_for(parser: Parser) -> None:
    """蒙古包子早上才有？: the meal is the dish's, not the order's; the dish is not wanted by it."""
    found = parser.parse("蒙古包子早上才有？那不要了，光要米饭", today=TODAY)["entities"]
    assert not [e for e in found if e["entity"] == "meal"]
    assert ("米饭", None) in {(e["value"], e.get("role")) for e in found if e["entity"] == "dish"}


def test_a_count_ending_its_clause_is_not_the_next_dishs(parser: Parser) -> None:
    """那就两条吧 米饭还是三碗: 两条 ends with 吧; the rice has its own count after it."""
    found = parser.parse("就剩俩了？那就两条吧 米饭还是三碗", today=TODAY)["entities"]
    rice = next(e for e in found if e["entity"] == "dish")
    counts = {e["value"]: e.get("group") for e in found if e["entity"] == "quantity"}
    assert counts[3] == rice["group"] and counts[2] != rice["group"]


def test_a_dish_refused_whole_is_refused_where_said_before(parser: Parser) -> None:
    """我要米饭，算了，米饭不要了: changing one's mind refuses every mention (only a refusal of
    someone's share, 我妈的不要红烧肉, leaves the dish wanted where said before)."""
    found = parser.parse("我要米饭，算了，米饭不要了", today=TODAY)["entities"]
    assert {e.get("role") for e in found if e["value"] == "米饭"} == {"remove"}


@pytest.mark.parametrize(
    ("said", "expected", "absent"),
    [
        # a dish named after 'that one' is refused only when it ends its clause
        ("那个不要了 红烧肉要两份", {("dish", "红烧肉", None)}, set()),
        ("刚才说的那个不要了 嗯 就那个手把肉", {("dish", "手把肉", "remove")}, set()),
        # 和 joins two days both wanted; 跟昨天 is only compared with
        (
            "明天和后天一样，都要米饭一份，中午送到家",
            {("date", "2026-12-02", None), ("date", "2026-12-03", None)},
            set(),
        ),
        ("今天晌午还跟昨天一样", {("date", "2026-12-01", None)}, {("date", "2026-11-30", None)}),
        # when a dish is served is the order's day when that dish is what is ordered
        ("红烧肉明天才有，那就订一份", {("date", "2026-12-02", None)}, set()),
        (
            "蒙古包子早上才有？那不要了，光要米饭",
            {("dish", "米饭", None)},
            {("meal", "breakfast", None)},
        ),
        # 吃不来 is cannot finish, not a refusal; an aside at the very start is one too
        ("馒头我吃不来两个，来一个", {("dish", "馒头", None)}, {("dish", "馒头", "remove")}),
        (
            "鸡蛋羹我早上吃过了，中午来碗米饭",
            {("dish", "鸡蛋羹", "remove")},
            {("meal", "breakfast", None)},
        ),
        # where someone eats at another meal, beside the meal of the order
        (
            "不对，我说错了，是明天晚上，早上她去社区吃",
            {("meal", "dinner", None)},
            {("meal", "breakfast", None)},
        ),
    ],
)
def test_look_alikes_a_review_found(
    parser: Parser,
    said: str,
    expected: set[tuple[str, str, str | None]],
    absent: set[tuple[str, str, str | None]],
) -> None:
    """Each rule of this round against the sentences it must leave alone."""
    found = {
        (e["entity"], str(e["value"]), e.get("role"))
        for e in parser.parse(said, today=TODAY)["entities"]
    }
    assert expected <= found and not (absent & found)
