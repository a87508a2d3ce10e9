"""The message catalogue: every language has every message it must, with the same variables;
Mongolian is in traditional script; every key the code says exists; one fallback rule; the
date, day and word helpers."""

from __future__ import annotations

import ast as python_ast
import re
from datetime import date
from functools import cache
from importlib import resources
from pathlib import Path

import pytest
from fluent.syntax import FluentParser, ast

from bot.phrasing import FLAGS
from menus import catalogue
from menus.catalogue import (
    LANGUAGES,
    MAIN_ACTIONS,
    choices,
    date_words,
    day_words,
    entries,
    month_words,
    resolve,
    say,
    word,
)
from menus.menuproblems import Issue
from menus.spoken import money, spoken_number
from menus.vocab import Fulfillment
from tests.messages import template

ROOT = Path(__file__).resolve().parents[2]
COMPLETE = {
    "zh": {"dialogue", "words", "telegram", "scheduler", "refusals", "menufile", "cli", "safety"},
    "mn": {"dialogue", "words", "telegram", "scheduler"},
    "mn-Cyrl": {"dialogue", "words", "telegram", "scheduler"},
    "en": {"refusals", "menufile"},
}
"""The areas each language has every message of; elsewhere the fallback (Mandarin) speaks."""
CYRILLIC = re.compile(r"[\u0400-\u04ff]")
HAN = re.compile(r"[\u4e00-\u9fff]")
TRADITIONAL = re.compile(r"[\u1820-\u18aa]")
QUOTES_MANDARIN: set[str] = set()
"""Messages whose Mongolian quotes Mandarin words as they are (none: staff commands are heard
in Mongolian too)."""


@cache
def _parsed(lang: str) -> dict[str, ast.Message]:
    folder = resources.files("menus") / "locales" / lang
    found: dict[str, ast.Message] = {}
    for file in folder.iterdir():
        if file.name.endswith(".ftl"):
            body = FluentParser().parse(file.read_text(encoding="utf-8")).body
            found |= {m.id.name: m for m in body if isinstance(m, ast.Message)}
    return found


def _texts(node: object) -> list[str]:
    """The text a translator wrote in a message, every variant included."""
    out: list[str] = []
    if isinstance(node, ast.TextElement):
        out.append(node.value)
    elif isinstance(node, ast.Placeable) and isinstance(node.expression, ast.StringLiteral):
        out.append(node.expression.value)
    elif isinstance(node, ast.BaseNode) and not isinstance(node, ast.CallArguments):
        for value in vars(node).values():
            for child in value if isinstance(value, list) else [value]:
                out += _texts(child)
    return out


def _variants(message: ast.Message) -> list[set[str]]:
    out: list[set[str]] = []
    for element in message.value.elements if message.value else []:
        if isinstance(element, ast.Placeable) and isinstance(
            element.expression, ast.SelectExpression
        ):
            out.append({_key(v.key) for v in element.expression.variants})
    return out


def _key(key: ast.Identifier | ast.NumberLiteral) -> str:
    return key.name if isinstance(key, ast.Identifier) else key.value


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_language_has_every_message_it_must_with_the_same_variables(lang: str) -> None:
    mandarin = entries("zh")
    mine = entries(lang)
    assert set(mine) <= set(mandarin), "a message Mandarin lacks"
    for key, entry in mine.items():
        assert entry.variables == mandarin[key].variables, key
        assert entry.area == mandarin[key].area, key
    wanted = {key for key, entry in mandarin.items() if entry.area in COMPLETE[lang]}
    assert sorted(wanted - set(mine)) == []


@pytest.mark.parametrize("lang", LANGUAGES)
def test_selectors_have_the_same_variants_in_every_language(lang: str) -> None:
    mandarin = _parsed("zh")
    for key, message in _parsed(lang).items():
        assert _variants(message) == _variants(mandarin[key]), key


def test_every_area_is_a_file_in_mandarin() -> None:
    areas = {entry.area for entry in entries("zh").values()}
    assert areas == COMPLETE["zh"]


@pytest.mark.parametrize("key", sorted(_parsed("mn")))
def test_mongolian_is_in_traditional_script(key: str) -> None:
    text = "".join(_texts(_parsed("mn")[key].value))
    assert not CYRILLIC.search(text), key
    if key not in QUOTES_MANDARIN:
        assert not HAN.search(text), key
    words = re.sub(r"[\s\d:;,.()（）\-«»/…᠂᠃᠐-᠙]", "", text)
    if words:
        assert TRADITIONAL.search(words), key


@pytest.mark.parametrize("key", sorted(_parsed("mn-Cyrl")))
def test_cyrillic_mongolian_is_in_cyrillic(key: str) -> None:
    """Written for people who read Cyrillic: no traditional letters, no Mongolian digits."""
    text = "".join(_texts(_parsed("mn-Cyrl")[key].value))
    assert not TRADITIONAL.search(text) and not re.search("[᠐-᠙]", text), key
    if key not in QUOTES_MANDARIN:
        assert not HAN.search(text), key
    if re.sub(r"[\s\d:;,.()（）\-«»/…!?]", "", text):
        assert CYRILLIC.search(text), key


def test_mongolian_cyrillic_has_every_message_the_traditional_script_has() -> None:
    assert set(entries("mn-Cyrl")) == set(entries("mn"))


def test_cyrillic_sentences_put_cyrillic_endings_after_numbers_and_chinese_names() -> None:
    from menus.grammar import case

    assert case("12", "ord", cyrillic=True) == "12 дугаар"
    assert case("12", "gen", cyrillic=True) == "12-ын"
    assert case("新华食堂", "dat", cyrillic=True) == "新华食堂-д"
    assert case("өглөө", "gen") == "өглөөний" and case("орой", "gen") == "оройн"
    assert case("12", "ord") == "12\u202fᠳᠤᠭᠠᠷ"  # traditional script unchanged


def test_cyrillic_falls_back_to_mongolian_then_to_mandarin(monkeypatch: pytest.MonkeyPatch) -> None:
    assert catalogue.resolve("btn_yes", "mn-Cyrl") == "mn-Cyrl"
    only_mandarin = next(k for k in entries("zh") if k not in entries("mn"))
    assert catalogue.resolve(only_mandarin, "mn-Cyrl") == "zh"
    loaded = catalogue._catalogue("mn-Cyrl")
    monkeypatch.delitem(loaded.entries, "btn_yes")  # a message not yet written in Cyrillic
    assert catalogue.resolve("btn_yes", "mn-Cyrl") == "mn"


@pytest.mark.parametrize("lang", ["zh", "mn", "mn-Cyrl"])
def test_telegram_sentences_are_short(lang: str) -> None:
    """Elders read (or hear) one short sentence or two, not paragraphs."""
    telegram = [k for k, e in entries(lang).items() if e.area == "telegram"]
    assert telegram and all(len(template(key, lang)) <= 80 for key in telegram)


def test_no_isolation_marks_and_multiline_messages_keep_their_lines() -> None:
    for lang in LANGUAGES:
        for key in entries(lang):
            assert not re.search("[\u2066-\u2069]", template(key, lang)), key
    assert say("cutoff_staff", "zh", day="今天", meal="中午", orders=2, sheet="表") == (
        "今天中午的订单截止了，一共2单。\n表"
    )
    assert say("menu_line", "zh", name="红烧肉", price="十二块钱", left="", tags="") == (
        "  红烧肉  十二块钱"
    )  # leading and inner spaces kept


# ---------------------------------------------------------------- one lookup, one fallback


def test_the_language_asked_for_else_mandarin() -> None:
    assert say("ok", "mn") == "ᠵᠠ᠃"
    assert say("ok", "en") == say("ok", "xx") == say("ok") == "好的。"
    assert say("refusal_not_staff", "en").startswith("You are not staff")
    assert resolve("refusal_not_staff", "en") == "en" and resolve("ok", "en") == "zh"
    assert resolve("refusal_bad_time", "mn") == "zh"  # not written in Mongolian yet
    assert say("refusal_bad_time", "mn", text="x") == say("refusal_bad_time", "zh", text="x")


def test_say_fills_variables_and_refuses_unknown_keys_and_missing_variables() -> None:
    assert say("registered", "zh", name="王秀兰").startswith("登记好了，王秀兰")
    assert say("ask_name", "xx") == say("ask_name", "zh")
    assert say("kitchen_line", "zh", dish="米饭", qty=12000) == "米饭12000份"  # no 12,000
    with pytest.raises(KeyError):
        say("no_such_message")
    with pytest.raises(KeyError, match="name"):
        say("registered", "zh")


def test_buttons_are_labels_from_the_catalogue() -> None:
    assert choices(MAIN_ACTIONS, "mn") == [
        say("btn_menu", "mn"),
        say("btn_order", "mn"),
        say("btn_orders", "mn"),
        say("btn_repeat", "mn"),
    ]
    assert catalogue.lang_buttons() == {"中文": "zh", "ᠮᠣᠩᠭᠣᠯ": "mn", "Монгол": "mn-Cyrl"}


def test_mongolian_case_endings_in_messages_follow_the_word() -> None:
    """``{ CASE($canteen, "dat") }``: the ending a translator asks for, chosen at run time."""
    nn = "\u202f"
    front = say("ready_elder", "mn", day="ᠮᠠᠷᠭᠠᠰᠢ", meal="ᠦᠳᠡ", canteen="ᠭᠡᠷ")
    back = say("ready_elder", "mn", day="ᠮᠠᠷᠭᠠᠰᠢ", meal="ᠦᠳᠡ", canteen="ᠭᠠᠵᠠᠷ")
    assert "ᠦᠳᠡ" + nn + "ᠶᠢᠨ" in front
    assert "ᠭᠡᠷ" + nn + "ᠲᠦ" in front and "ᠭᠠᠵᠠᠷ" + nn + "ᠲᠤ" in back
    assert say("order_moved", "mn", id="᠑", status="x").startswith("᠑" + nn + "ᠳᠦᠭᠡᠷ")
    assert say("order_moved", "mn", id="᠑᠒", status="x").startswith("᠑᠒" + nn + "ᠳᠤᠭᠠᠷ")


# ---------------------------------------------------------------- words, days, dates, money


def test_days_meals_and_money_as_people_say_them() -> None:
    today = date(2026, 12, 1)
    assert day_words(date(2026, 12, 2), today, "zh") == "明天"
    assert day_words(date(2026, 11, 30), today, "zh") == "昨天"
    assert day_words(date(2027, 1, 5), today, "zh") == "1月5日"  # one way: 日, never 号
    assert day_words(date(2026, 12, 2), today, "mn") == "ᠮᠠᠷᠭᠠᠰᠢ"
    assert date_words(date(2026, 12, 3), "mn") == "᠑᠒ ᠰᠠᠷ᠎ᠠ\u202fᠶᠢᠨ ᠓"
    assert month_words(date(2026, 11, 1), "zh") == "11月"
    assert month_words(date(2026, 11, 1), "mn").startswith("᠑᠑ ")
    assert word("part_of_day", "lunch", "zh") == "中午"
    assert word("meal", "lunch", "zh") == "午饭"
    assert word("status", "placed", "mn") == "ᠵᠠᠬᠢᠶᠠᠯᠠᠭᠰᠠᠨ"
    assert word("status", "no_such_state", "zh") == "no_such_state"  # unknown: as itself
    assert money(1200) == "十二块钱"
    assert money(1250) == "十二块五"
    assert money(50) == "五毛"
    assert money(1250, "mn") == "᠑᠒.᠕ ᠶᠤᠸᠠᠨ"  # one way: Mongolian digits
    assert [spoken_number(n) for n in (2, 12, 105, 2005)] == ["两", "十二", "一百零五", "两千零五"]


def test_an_unknown_language_falls_back_to_mandarin() -> None:
    assert say("reminder_yes", "en") == "要订"


# ---------------------------------------------------------------- every key the code says


SAID = re.compile(r"\bsay\(\s*\"(\w+)\"")
WORD = re.compile(r"\bword\(\s*\"(\w+)\"")
REFUSED = re.compile(r"(?:DomainError|FileRefused|super\(\)\.__init__)\(\s*\"(\w+)\"")
ASKED = re.compile(r"_ask\(state, \"(\w+)\"\)")
PLANNED = re.compile(r"\"((?:placed|on_the_way|ready|missed|no_order|cancelled)_\w+)\"")
OWN_WORDS = {"bot/web"}
"""The web console's words are its own (``bot.web.texts``), in Mandarin."""
NOT_REFUSALS = {"voice"}
"""``bot.voice_cli.VoiceRefused`` prints the voice stage's own code and detail."""


def _sources() -> list[tuple[str, str]]:
    out = []
    for package in ("bot", "menus", "scheduler"):
        for path in sorted((ROOT / package).rglob("*.py")):
            name = str(path.relative_to(ROOT))
            if "migrations" not in name and not any(name.startswith(d) for d in OWN_WORDS):
                out.append((name, path.read_text(encoding="utf-8")))
    return out


def _voice_sentences() -> dict[str, str]:
    """``bot.voice_turn._KIND_SENTENCE`` (read from the source: the voice extras may be absent)."""
    tree = python_ast.parse((ROOT / "bot" / "voice_turn.py").read_text(encoding="utf-8"))
    for node in tree.body:
        if isinstance(node, python_ast.Assign) and python_ast.unparse(node.targets[0]) == (
            "_KIND_SENTENCE"
        ):
            found: dict[str, str] = python_ast.literal_eval(node.value)
            return found
    raise AssertionError("bot/voice_turn.py has no _KIND_SENTENCE")


def test_every_key_the_code_says_is_in_mandarin() -> None:
    known = entries("zh")
    missing = []
    for name, text in _sources():
        keys = set(SAID.findall(text)) | set(ASKED.findall(text))
        if name == "scheduler/jobs.py":  # the notices planned per order event
            keys |= set(PLANNED.findall(text))
        missing += [f"{name}: {key}" for key in keys if key not in known]
        missing += [f"{name}: word {kind}" for kind in WORD.findall(text) if kind not in known]
    dynamic = {f"advice_{c}" for c in FLAGS} | {why for _, _, why in FLAGS.values()}
    dynamic |= {f"completed_family_{f.value}" for f in Fulfillment}
    dynamic |= set(_voice_sentences().values()) | {"advice_general", "complaint", "praise"}
    dynamic |= {issue.key for issue in Issue}  # a menu file's problems: menufile_<code>
    missing += [key for key in dynamic if key not in known]
    assert missing == []


def test_every_refusal_the_code_raises_is_in_mandarin_and_english() -> None:
    codes = {c for _, text in _sources() for c in REFUSED.findall(text)} - NOT_REFUSALS
    assert len(codes) > 40
    for lang in ("zh", "en"):
        assert sorted(c for c in codes if f"refusal_{c}" not in entries(lang)) == [], lang


def test_every_button_group_is_written_in_every_spoken_language() -> None:
    groups = [v for k, v in vars(catalogue).items() if k.isupper() and isinstance(v, tuple)]
    groups = [g for g in groups if all(isinstance(k, str) and k in entries("zh") for k in g)]
    assert len(groups) >= 7
    for lang in catalogue.SPOKEN:
        for group in groups:
            assert all(key in entries(lang) for key in group), (lang, group)


@pytest.mark.parametrize("lang", LANGUAGES)
def test_plain_messages_are_said_as_fluent_says_them(lang: str) -> None:
    """The shortcuts (text and variables only; one selector) give Fluent's own output."""
    loaded = catalogue._catalogue(lang)
    assert len(loaded.plain) > len(loaded.entries) // 2
    for key in loaded.plain:
        args = {v: f"<{v}>" for v in loaded.entries[key].variables}
        assert say(key, lang, **args) == catalogue._fluent(loaded, key, args), key
    for key, (name, table, _) in loaded.choice.items():
        for value in [*table, "no such value"]:
            args = {v: f"<{v}>" for v in loaded.entries[key].variables} | {name: value}
            assert say(key, lang, **args) == catalogue._fluent(loaded, key, args), key
