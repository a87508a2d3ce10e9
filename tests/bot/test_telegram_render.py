"""Rendering replies: keyboards for elders, and long texts cut safely under Telegram's limit."""

from __future__ import annotations

from telegram import InlineKeyboardMarkup, ReplyKeyboardMarkup

from bot.telegram.render import (
    LIMIT,
    choice_from_callback,
    keyboard,
    render,
    split_text,
    utf16_len,
)
from bot.turn import Reply as Answer

MONGOLIAN_WORDS = ["ᠮᠣᠩᠭᠣᠯ", "ᠬᠣᠭᠣᠯᠠ", "ᠵᠠᠬᠢᠶᠠᠯᠤᠶ᠎ᠠ", "ᠤᠯᠠᠭᠠᠨ\u202fᠢᠶᠠᠷ", "ᠡᠳᠦᠷ"]


def test_short_texts_are_one_message() -> None:
    assert split_text("订好了。") == ["订好了。"]


def test_chinese_is_cut_after_a_sentence() -> None:
    text = "今天中午有红烧肉。" * 1000
    pieces = split_text(text)
    assert all(utf16_len(p) <= LIMIT for p in pieces)
    assert all(p.endswith("。") for p in pieces)
    assert "".join(pieces) == text


def test_mongolian_words_are_never_broken() -> None:
    words = [MONGOLIAN_WORDS[i % len(MONGOLIAN_WORDS)] for i in range(2000)]
    text = " ".join(words)
    pieces = split_text(text)
    assert len(pieces) > 1
    assert all(utf16_len(p) <= LIMIT for p in pieces)
    assert [w for p in pieces for w in p.split(" ")] == words


def test_astral_characters_are_not_split_in_half() -> None:
    text = "🍚" * 5000  # each is two UTF-16 units; no break characters at all
    pieces = split_text(text)
    assert all(utf16_len(p) <= LIMIT for p in pieces)
    assert "".join(pieces) == text
    assert all(not ("\ud800" <= c <= "\udfff") for p in pieces for c in p)


def test_a_word_longer_than_a_message_is_cut_outside_joiners() -> None:
    text = ("ᠠ\u180bᠠ\u202f" * 3000)[:7000]
    pieces = split_text(text)
    assert "".join(pieces) == text
    for piece in pieces[1:]:
        assert piece[0] not in "\u180b\u202f"


def test_keyboards() -> None:
    main = keyboard(Answer("好的。"), "zh")
    assert isinstance(main, ReplyKeyboardMarkup) and main.is_persistent
    assert [b.text for row in main.keyboard for b in row] == [
        "今天菜单",
        "我要订餐",
        "我的订单",
        "再说一遍",
    ]
    inline = keyboard(Answer("要订吗？", ["要", "不要"], inline=True), "zh")
    assert isinstance(inline, InlineKeyboardMarkup)
    contact = keyboard(Answer("电话？", ask_contact=True), "mn")
    assert isinstance(contact, ReplyKeyboardMarkup)
    assert contact.keyboard[0][0].request_contact is True


def test_long_choices_go_by_position_and_come_back_as_text() -> None:
    long_choice = "ᠤᠯᠠᠭᠠᠨ ᠰᠢᠷᠠᠭᠰᠠᠨ ᠮᠢᠬᠠ ᠬᠣᠶᠠᠷ"
    markup = keyboard(Answer("?", ["要", long_choice, "不要"], inline=True), "mn")
    assert isinstance(markup, InlineKeyboardMarkup)
    data = [b.callback_data for row in markup.inline_keyboard for b in row]
    assert data == ["要", "#1", "不要"]
    assert choice_from_callback("#1", markup) == long_choice
    assert choice_from_callback("要", None) == "要"
    assert choice_from_callback("#9", markup) is None
    for forged in ("#²", "#٣", "#-1", "#1_0", "#" + "9" * 60):  # a client sends any data
        assert choice_from_callback(forged, markup) is None


def test_the_keyboard_rides_on_the_last_piece() -> None:
    messages = render(Answer("菜。" * 3000), "zh")
    assert len(messages) == 2
    assert messages[0].markup is None and messages[1].markup is not None
