"""Elders called by their Mongolian names (nlu/names_mn.py): found under the Chinese form the
register holds, in either script and with case endings; everyday words are never names."""

from __future__ import annotations

import pytest

from nlu.names_mn import names_said


@pytest.mark.parametrize(
    ("text", "registered"),
    [
        ("Цэцэг эмээ утсаар ярьсан", "其其格"),
        ("Батын оройн хоолыг цуцал", "巴图"),
        ("ᠪᠤᠯᠠᠭ ᠭᠠᠴᠠᠭ᠎ᠠ ᠶᠢᠨ ᠴᠡᠴᠡᠭ ᠡᠮᠡᠭᠡᠨ ᠤᠲᠠᠰᠤ ᠵᠠᠯᠭᠠᠪᠠ", "其其格"),
        ("ᠪᠠᠲᠤ ᠥᠪᠡᠭᠡᠨ ᠤᠲᠠᠰᠤ ᠵᠠᠯᠭᠠᠪᠠ᠂ ᠮᠠᠷᠭᠠᠰᠢ", "巴图"),
        ("Оюун эгч сая утсаар ярьлаа", "乌云"),
        ("сух ах ирсэн", "苏和"),  # typed without ү
        ("Батын оройн хоолыг цуцал", "巴图"),  # the genitive, then a meal
        ("ᠪᠠᠭᠠᠲᠤᠷ ᠤᠲᠠᠰᠤ ᠵᠠᠯᠭᠠᠪᠠ", "巴特尔"),
    ],
)
def test_a_mongolian_name_finds_the_registered_one(text: str, registered: str) -> None:
    assert registered in names_said(text)


@pytest.mark.parametrize(
    "text",
    [
        "Маргааш батлах уу",
        "улаан шарсан хавирга",
        "баярлалаа",
        "Баян сумын хоол",
        "其其格",
        "Улаан шарсан махнаас нэгийг хасч өгөөрэй",  # хасч: taking off, no 哈斯
        "Төмөр замын хажууд",
        "Эрдэнэт хотод очно",
        "гэрэл унтраа",
        "Бат оройн хоол",  # a name with no word that a person is meant
    ],
)
def test_everyday_words_and_chinese_text_name_nobody(text: str) -> None:
    assert names_said(text) == frozenset()
