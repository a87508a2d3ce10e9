"""Mongolian case endings follow the word's vowels and last sound, in both scripts."""

from __future__ import annotations

import pytest

from menus.grammar import CASES, case

NN = "\u202f"  # the narrow no-break space that joins a suffix in traditional script


@pytest.mark.parametrize(
    ("word", "kind", "said"),
    [
        # dative: back ᠳᠤ / front ᠳᠦ, and ᠲᠤ/ᠲᠦ after b, g, r, s, d
        ("ᠬᠣᠭᠣᠯᠠ", "dat", "ᠬᠣᠭᠣᠯᠠ" + NN + "ᠳᠤ"),
        ("ᠬᠦᠮᠦᠨ", "dat", "ᠬᠦᠮᠦᠨ" + NN + "ᠳᠦ"),
        ("ᠭᠠᠵᠠᠷ", "dat", "ᠭᠠᠵᠠᠷ" + NN + "ᠲᠤ"),
        ("ᠭᠡᠷ", "dat", "ᠭᠡᠷ" + NN + "ᠲᠦ"),
        ("ᠹᠠᠶᠢᠯ", "dat", "ᠹᠠᠶᠢᠯ" + NN + "ᠳᠤ"),
        # genitive: ᠶᠢᠨ after a vowel, ᠤ/ᠦ after n, ᠤᠨ/ᠦᠨ after another consonant
        ("ᠬᠣᠭᠣᠯᠠ", "gen", "ᠬᠣᠭᠣᠯᠠ" + NN + "ᠶᠢᠨ"),
        ("ᠲᠠᠨ", "gen", "ᠲᠠᠨ" + NN + "ᠤ"),
        ("ᠥᠪᠡᠭᠡᠨ", "gen", "ᠥᠪᠡᠭᠡᠨ" + NN + "ᠦ"),
        ("ᠴᠠᠭ", "gen", "ᠴᠠᠭ" + NN + "ᠤᠨ"),
        ("ᠴᠡᠰ", "gen", "ᠴᠡᠰ" + NN + "ᠦᠨ"),
        ("ᠪᠢᠴᠢᠭ", "gen", "ᠪᠢᠴᠢᠭ" + NN + "ᠦᠨ"),  # only i: a front word
        # accusative: ᠶᠢ after a vowel, ᠢ after a consonant
        ("ᠬᠣᠭᠣᠯᠠ", "acc", "ᠬᠣᠭᠣᠯᠠ" + NN + "ᠶᠢ"),
        ("ᠴᠡᠰ", "acc", "ᠴᠡᠰ" + NN + "ᠢ"),
        # the others
        ("ᠭᠠᠵᠠᠷ", "abl", "ᠭᠠᠵᠠᠷ" + NN + "ᠠᠴᠠ"),
        ("ᠡᠮᠴᠢ", "abl", "ᠡᠮᠴᠢ" + NN + "ᠡᠴᠡ"),
        ("ᠨᠣᠮ", "ins", "ᠨᠣᠮ" + NN + "ᠢᠶᠠᠷ"),
        ("ᠳᠠᠭᠤ", "ins", "ᠳᠠᠭᠤ" + NN + "ᠪᠠᠷ"),
        ("ᠡᠮᠴᠢ", "com", "ᠡᠮᠴᠢ" + NN + "ᠲᠡᠢ"),
        ("ᠭᠡᠷ", "refl", "ᠭᠡᠷ" + NN + "ᠢᠶᠡᠨ"),
        ("ᠬᠣᠭᠣᠯᠠ", "refl", "ᠬᠣᠭᠣᠯᠠ" + NN + "ᠪᠠᠨ"),
        # a phrase takes the ending of its last word
        ("ᠦᠳᠡ ᠶᠢᠨ ᠬᠣᠭᠣᠯᠠ", "acc", "ᠦᠳᠡ ᠶᠢᠨ ᠬᠣᠭᠣᠯᠠ" + NN + "ᠶᠢ"),
        # a vowel separator before a final a/e: still a vowel
        ("ᠬᠣᠶᠠᠷ ᠪᠠᠶᠢᠨ᠎ᠠ", "gen", "ᠬᠣᠶᠠᠷ ᠪᠠᠶᠢᠨ᠎ᠠ" + NN + "ᠶᠢᠨ"),
    ],
)
def test_traditional_script(word: str, kind: str, said: str) -> None:
    assert case(word, kind) == said


@pytest.mark.parametrize(
    ("number", "kind", "said"),
    [
        ("12", "ord", "12" + NN + "ᠳᠤᠭᠠᠷ"),  # арван хоёр: back
        ("᠑", "ord", "᠑" + NN + "ᠳᠦᠭᠡᠷ"),  # нэг: front
        ("41", "ord", "41" + NN + "ᠳᠦᠭᠡᠷ"),
        ("40", "ord", "40" + NN + "ᠳᠦᠭᠡᠷ"),  # дөч
        ("30", "dat", "30" + NN + "ᠳᠤ"),  # гуч
        ("12", "dat", "12" + NN + "ᠲᠤ"),  # хоёр ends in r
        ("100", "gen", "100" + NN + "ᠶᠢᠨ"),  # зуу
        ("11:30", "dat", "11:30" + NN + "ᠳᠤ"),
    ],
)
def test_numbers_take_the_ending_of_their_last_spoken_word(
    number: str, kind: str, said: str
) -> None:
    assert case(number, kind) == said


def test_a_word_in_another_script_is_read_as_a_back_word_ending_in_a_vowel() -> None:
    assert case("新华东街社区食堂", "dat") == "新华东街社区食堂" + NN + "ᠳᠤ"
    assert case("新华东街社区食堂", "gen") == "新华东街社区食堂" + NN + "ᠶᠢᠨ"


@pytest.mark.parametrize(
    ("word", "kind", "said"),
    [
        ("Бат", "gen", "Батын"),
        ("Бат", "acc", "Батыг"),
        ("Бат", "dat", "Батад"),
        ("Бат", "com", "Баттай"),
        ("Болд", "com", "Болдтой"),
        ("Болд", "abl", "Болдоос"),
        ("хот", "dat", "хотод"),
        ("гэр", "dat", "гэрт"),
        ("гэр", "gen", "гэрийн"),
        ("Төмөр", "com", "Төмөртэй"),
        ("Төмөр", "abl", "Төмөрөөс"),
        ("Дорж", "gen", "Доржийн"),
        ("Дорж", "dat", "Доржид"),
        ("ээж", "gen", "ээжийн"),
        ("Дулмаа", "gen", "Дулмаагийн"),
        ("Дулмаа", "acc", "Дулмааг"),
        ("Дулмаа", "ins", "Дулмаагаар"),
        ("Сүрэн", "ins", "Сүрэнээр"),
        ("үдийн хоол", "acc", "үдийн хоолыг"),
    ],
)
def test_cyrillic(word: str, kind: str, said: str) -> None:
    assert case(word, kind) == said


def test_every_case_is_known_and_an_unknown_one_is_refused() -> None:
    for kind in CASES:
        assert case("ᠭᠡᠷ", kind).startswith("ᠭᠡᠷ" + NN)
    with pytest.raises(ValueError, match="unknown case"):
        case("ᠭᠡᠷ", "vocative")
    assert case("", "dat") == ""
