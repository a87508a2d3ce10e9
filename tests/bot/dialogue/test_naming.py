"""A dish of the order named by a word of its Mongolian name (both scripts, any case ending)."""

from bot.dialogue.naming import named_by_mongolian_part

NAMES = {
    "黄油炒米粥": ("ᠰᠢᠷ᠎ᠠ ᠲᠣᠰᠣ ᠲᠠᠢ ᠪᠤᠳᠠᠭᠠᠨ ᠰᠢᠯᠦ", "шар тостой будаатай шөл"),
    "小米粥": ("ᠰᠢᠷ᠎ᠠ ᠪᠤᠳᠠᠭᠠᠨ ᠰᠢᠯᠦ", "шар будааны зутан"),
    "蒙古馅饼": ("ᠬᠤᠤᠰᠤᠷ", "хуушуур"),
    "奶茶": ("ᠰᠦᠦ ᠲᠡᠢ ᠴᠠᠢ", "сүүтэй цай"),
}


def test_a_word_of_the_name_with_its_ending_names_the_dish() -> None:
    text = "шар тос аавын даралтад муу. Түүний оронд шар будааны зутан өгөөч."
    assert named_by_mongolian_part(text, NAMES, ["小米粥"]) == "黄油炒米粥"


def test_a_word_shared_with_the_dish_said_whole_names_nothing() -> None:
    assert named_by_mongolian_part("шар нь муу", NAMES, ["小米粥"]) is None


def test_a_short_word_that_only_begins_a_name_is_another_word() -> None:
    assert named_by_mongolian_part("угуй угуй, гурав болго. хуу маань ирнэ", NAMES) is None


def test_cyrillic_typed_without_mongolian_letters_and_traditional_script() -> None:
    assert named_by_mongolian_part("суутэй цайг болиод", NAMES) == "奶茶"
    assert named_by_mongolian_part("ᠴᠠᠢ ᠬᠡᠷᠡᠭ ᠦᠭᠡᠢ", NAMES) == "奶茶"


def test_linking_words_of_the_script_name_no_dish() -> None:
    assert named_by_mongolian_part("ᠲᠠᠢ ᠲᠡᠢ", NAMES) is None
