"""Mongolian personal names as the register writes them (the Chinese transcription: 其其格) and
as Mongolian speakers write them (Цэцэг, ᠴᠡᠴᠡᠭ): a cook writing Mongolian names an elder the way
people call her (Цэцэг эмээ утсаар ярьсан), and the elder is found under her registered name.

A name that is also an everyday word (乌兰: улаан, red, in dish names; 宝音: баян, in place
names; 巴雅尔: баяр, in баярлалаа) is left out: a word of the sentence must never be taken for
an elder."""

from __future__ import annotations

from nlu.text import fold, strip_ending

TRANSCRIBED: dict[str, tuple[str, ...]] = {
    "巴图": ("Бат", "Батаа", "ᠪᠠᠲᠤ"), "巴特尔": ("Баатар", "ᠪᠠᠭᠠᠲᠤᠷ"),
    "其其格": ("Цэцэг", "ᠴᠡᠴᠡᠭ"), "乌云": ("Оюун", "ᠣᠶᠤᠨ"),
    "额尔敦": ("Эрдэнэ", "ᠡᠷᠳᠡᠨᠢ"), "额日敦": ("Эрдэнэ", "ᠡᠷᠳᠡᠨᠢ"), "其木格": ("Чимэг", "ᠴᠢᠮᠡᠭ"),
    "娜仁": ("Наран", "ᠨᠠᠷᠠᠨ"), "苏和": ("Сүх", "ᠰᠦᠬᠡ"), "萨仁": ("Саран", "ᠰᠠᠷᠠᠨ"),
    "图雅": ("Туяа", "ᠲᠤᠶᠠ"), "斯琴": ("Сэчэн", "ᠰᠡᠴᠡᠨ"), "格日勒": ("Гэрэл", "ᠭᠡᠷᠡᠯ"),
    "孟和": ("Мөнх", "ᠮᠥᠩᠬᠡ"), "朝鲁": ("Чулуун", "ᠴᠢᠯᠠᠭᠤ"), "敖登": ("Одон", "ᠣᠳᠣᠨ"),
    "阿拉坦": ("Алтан", "ᠠᠯᠲᠠᠨ"), "特木尔": ("Төмөр", "ᠲᠡᠮᠦᠷ"), "布和": ("Бөх", "ᠪᠦᠬᠡ"),
    "那顺": ("Насан", "ᠨᠠᠰᠤᠨ"), "哈斯": ("Хас", "ᠬᠠᠰ"), "高娃": ("Гоо", "ᠭᠣᠸᠠ"),
}  # fmt: skip
"""Common Inner Mongolian names: the Chinese transcription and the name in both scripts."""

_BY_FORM: dict[str, frozenset[str]] = {}
for _chinese, _forms in TRANSCRIBED.items():
    for _form in _forms:
        _BY_FORM[fold(_form)] = _BY_FORM.get(fold(_form), frozenset()) | {_chinese}


CALLED = frozenset(
    fold(w)
    for w in (
        "эмээ", "өвөө", "гуай", "ах", "эгч", "ээж", "аав", "абгай", "egch", "guai",
        "утсаар", "утасдсан", "утасдлаа", "утас", "ярьсан", "ярьлаа", "хэлсэн", "хэллээ",
        "ᠡᠮᠡᠭᠡᠨ", "ᠥᠪᠡᠭᠡᠨ", "ᠭᠤᠶᠠ", "ᠠᠬ᠎ᠠ", "ᠡᠭᠡᠴᠢ", "ᠡᠵᠢ", "ᠠᠪᠤ", "ᠤᠲᠠᠰᠤ", "ᠤᠲᠠᠰᠤᠳᠠᠪᠠ",
    )
)  # fmt: skip
"""Words that say a person is spoken of right after a name (Цэцэг эмээ, Баатар гуай утсаар
ярьсан, ᠪᠠᠲᠤ ᠥᠪᠡᠭᠡᠨ): Mongolian names are everyday words (цэцэг, a flower; хас, in хасах, to
take off), so a name counts only so."""
MEALS = frozenset(fold(w) for w in ("өглөөний", "үдийн", "оройн", "хоол", "хоолыг", "хоолоо",
                                    "ᠥᠭᠡᠯᠡᠭᠡ", "ᠦᠳᠡ", "ᠣᠷᠣᠢ", "ᠬᠣᠭᠣᠯᠠ"))  # fmt: skip
"""A meal right after a name said with the genitive (Батын оройн хоол: Bat's dinner)."""
GENITIVE = frozenset(fold(e) for e in ("ын", "ийн", "ы", "ий", "н", "ᠶᠢᠨ", "ᠦᠨ", "ᠤᠨ"))


def names_said(text: str) -> frozenset[str]:
    """The registered (Chinese) names of the people a Mongolian sentence speaks of: a word that
    is one of the names in either script, bare or with a case ending (Батын, Цэцэгт), followed
    by a word that says a person is meant (эмээ, гуай, утсаар) or, said with the genitive, by a
    meal (Батын оройн хоол)."""
    words = [w.strip(".,!?;:«»\"'()᠂᠃") for w in fold(text).replace("\u202f", " ").split()]
    found: set[str] = set()
    for k, word in enumerate(words):
        stem = strip_ending(word, _BY_FORM)
        if stem is None:
            continue
        after = words[k + 1 : k + 3]
        owned = word[len(stem) :] in GENITIVE or bool(GENITIVE & set(after[:1]))
        if CALLED & set(after) or (owned and MEALS & set(after)):
            found |= _BY_FORM[stem]
    return frozenset(found)
