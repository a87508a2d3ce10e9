"""Mongolian case endings that follow the word they are put after (vowel harmony).

Why here: a sentence says "at {canteen}" or "{elder}'s", and the ending depends on the name it
is put after, which only comes at run time. Mongolian words are either back-vowelled (a, o, u)
or front-vowelled (e, ö, ü; i is neutral), and an ending takes the word's kind: the dative
after a back word is ᠳᠤ, after a front one ᠳᠦ. What the word ends in chooses the form too:
ᠲᠤ/ᠲᠦ after b, g, r, s, d; the genitive ᠶᠢᠨ after a vowel, ᠤ/ᠦ after n, ᠤᠨ/ᠦᠨ after another
consonant. The catalogue offers this to translators as ``{ CASE($canteen, "dat") }``.

Traditional script: the ending is written after a narrow no-break space (U+202F), as the rest
of the catalogue writes it. Cyrillic (Khalkha) glues the ending on and has four vowel kinds
(а, о, э, ө) chosen by the word's first vowel. Numbers take the ending of their last spoken
word (12 = арван хоёр → back; 1 = нэг → front), read in the traditional script. A word in
neither script (a canteen's Chinese name) is read as a back word ending in a vowel.

The rules cover the regular forms; stems with a hidden n (мод → модонд) and other lexical
exceptions are not known here.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

CASES = ("gen", "acc", "dat", "abl", "ins", "com", "refl", "ord")
"""genitive, accusative, dative-locative, ablative, instrumental, comitative, reflexive
possessive, and the ordinal suffix for numbers (12 ᠳᠤᠭᠠᠷ, the 12th)."""

NNBSP = "\u202f"
_BACK = "ᠠᠣᠤ"  # a o u
_FRONT = "ᠡᠥᠦᠧ"  # e ö ü ē
_VOWELS = _BACK + _FRONT + "ᠢ"
_HARD = set("ᠪᠭᠷᠰᠳᠲᠺᠹᠫᠬ")  # b g r s d t k f p q: the dative is ᠲᠤ/ᠲᠦ after these

# back form, front form; "V" after a vowel, "N" after n, "C" after another consonant, "H" after
# a hard consonant where it differs.
_TRADITIONAL: dict[str, dict[str, tuple[str, str]]] = {
    "gen": {"V": ("ᠶᠢᠨ", "ᠶᠢᠨ"), "N": ("ᠤ", "ᠦ"), "C": ("ᠤᠨ", "ᠦᠨ")},
    "acc": {"V": ("ᠶᠢ", "ᠶᠢ"), "C": ("ᠢ", "ᠢ")},
    "dat": {"V": ("ᠳᠤ", "ᠳᠦ"), "C": ("ᠳᠤ", "ᠳᠦ"), "H": ("ᠲᠤ", "ᠲᠦ")},
    "abl": {"V": ("ᠠᠴᠠ", "ᠡᠴᠡ")},
    "ins": {"V": ("ᠪᠠᠷ", "ᠪᠡᠷ"), "C": ("ᠢᠶᠠᠷ", "ᠢᠶᠡᠷ")},
    "com": {"V": ("ᠲᠠᠢ", "ᠲᠡᠢ")},
    "refl": {"V": ("ᠪᠠᠨ", "ᠪᠡᠨ"), "C": ("ᠢᠶᠠᠨ", "ᠢᠶᠡᠨ")},
    "ord": {"V": ("ᠳᠤᠭᠠᠷ", "ᠳᠦᠭᠡᠷ")},
}

# The last spoken word of a number, by its last non-zero place (units, tens, hundreds...).
_UNITS = ["ᠲᠡᠭ", "ᠨᠢᠭᠡ", "ᠬᠣᠶᠠᠷ", "ᠭᠤᠷᠪᠠ", "ᠳᠥᠷᠪᠡ", "ᠲᠠᠪᠤ", "ᠵᠢᠷᠭᠤᠭ᠎ᠠ", "ᠳᠣᠯᠣᠭ᠎ᠠ", "ᠨᠠᠢᠮᠠ", "ᠶᠢᠰᠦ"]
_TENS = ["", "ᠠᠷᠪᠠ", "ᠬᠣᠷᠢ", "ᠭᠤᠴᠢ", "ᠳᠥᠴᠢ", "ᠲᠠᠪᠢ", "ᠵᠢᠷᠠ", "ᠳᠠᠯᠠ", "ᠨᠠᠶᠠ", "ᠶᠡᠷᠡ"]
_POWERS = ["ᠵᠠᠭᠤ", "ᠮᠢᠩᠭ᠎ᠠ", "ᠲᠦᠮᠡ"]  # hundred, thousand, ten thousand
_MONGOLIAN_DIGITS = str.maketrans("᠐᠑᠒᠓᠔᠕᠖᠗᠘᠙", "0123456789")
_NUMBER = re.compile(r"(\d+)\D*$")

# Cyrillic (Khalkha Mongolian)
_CYRILLIC = re.compile("[\u0400-\u04ff]")
_CY_VOWELS = "аоуыэеөүияёю"
_CY_KIND = {"а": "a", "у": "a", "я": "a", "ю": "a", "ы": "a", "о": "o", "ё": "o", "ө": "ö"}
_CY_LONG = {"a": "аа", "o": "оо", "e": "ээ", "ö": "өө"}
_CY_PALATAL = set("жчшщгьик")  # take -ийн / -ийг / -ид whatever the vowels
_CY_T = set("вгрс")  # the dative is -т after these


@dataclass(frozen=True)
class _Word:
    back: bool
    end: str  # "V" vowel, "N" n, "H" hard consonant, "C" another consonant


def case(word: str, kind: str, *, cyrillic: bool = False) -> str:
    """``word`` with the case ending ``kind`` (one of ``CASES``) that its vowels call for:
    ``case("ᠭᠡᠷ", "dat")`` is ᠭᠡᠷ ᠲᠦ, ``case("гэр", "dat")`` is гэрт. In a Cyrillic sentence
    (``cyrillic``), a number or a name in neither script takes a Cyrillic ending after a
    hyphen, as Cyrillic writes it (12-ын, 5 дугаар, 新华食堂-д)."""
    if kind not in CASES:
        raise ValueError(f"unknown case {kind!r}; one of {', '.join(CASES)}")
    text = str(word).rstrip()
    if not text:
        return text
    last = text.split()[-1]
    if _CYRILLIC.search(last):
        return text[: len(text) - len(last)] + _cyrillic(last, kind)
    if cyrillic and not re.search("[\u1820-\u18aa]", last):
        return text + _cyrillic_after(last, kind)
    ending = _TRADITIONAL[kind]
    shape = _number(last) or _traditional(last)
    forms = ending.get(shape.end) or ending.get("C" if shape.end in "NH" else "V") or ending["V"]
    return text + NNBSP + forms[0 if shape.back else 1]


def _traditional(word: str) -> _Word:
    letters = [c for c in word if "\u1820" <= c <= "\u18aa"]
    vowels = [c for c in letters if c in _BACK + _FRONT]
    if not letters:
        return _Word(back=True, end="V")  # another script: read as a back word ending in a vowel
    back = vowels[-1] in _BACK if vowels else False  # only i: a front word
    final = letters[-1]
    if final in _VOWELS:
        end = "V"
    elif final == "ᠨ":
        end = "N"
    elif final in _HARD:
        end = "H"
    else:
        end = "C"
    return _Word(back=back, end=end)


def _number(word: str) -> _Word | None:
    found = _NUMBER.search(word.translate(_MONGOLIAN_DIGITS))
    if found is None or re.search("[\u1820-\u18aa\u0400-\u04ff]", word):
        return None
    digits = found.group(1).lstrip("0") or "0"
    n = int(digits)
    if n % 10 or n == 0:
        spoken = _UNITS[n % 10]
    elif n % 100:
        spoken = _TENS[(n // 10) % 10]
    elif n % 1000:
        spoken = _POWERS[0]
    elif n % 10000:
        spoken = _POWERS[1]
    else:
        spoken = _POWERS[2]
    return _traditional(spoken)


_CY_IRREGULAR = {("өглөө", "gen"): "өглөөний", ("орой", "gen"): "оройн", ("үд", "gen"): "үдийн"}
"""Words with a hidden n (өглөө → өглөөний) among those the catalogue puts in sentences."""

# The last spoken word of a number in Cyrillic, as _UNITS/_TENS/_POWERS in the script.
_CY_UNITS = ["тэг", "нэг", "хоёр", "гурав", "дөрөв", "тав", "зургаа", "долоо", "найм", "ес"]
_CY_TENS = ["", "арав", "хорь", "гуч", "дөч", "тавь", "жар", "дал", "ная", "ер"]
_CY_POWERS = ["зуу", "мянга", "түм"]


def _cyrillic_after(word: str, kind: str) -> str:
    """The Cyrillic ending for a number or a foreign name, written after a hyphen (a space
    for the ordinal): the ending of the number's last spoken word, or of a back vowel."""
    found = _NUMBER.search(word.translate(_MONGOLIAN_DIGITS))
    spoken = "ба"  # a name in neither script: a back word ending in a vowel
    if found is not None:
        n = int(found.group(1).lstrip("0") or "0")
        if n % 10 or n == 0:
            spoken = _CY_UNITS[n % 10]
        elif n % 100:
            spoken = _CY_TENS[(n // 10) % 10]
        else:
            spoken = _CY_POWERS[0 if n % 1000 else 1 if n % 10000 else 2]
    ending = _cyrillic(spoken, kind)[len(spoken) :]
    if kind == "ord":
        return ending
    return "-" + ending.lstrip()


def _cyrillic(word: str, kind: str) -> str:
    irregular = _CY_IRREGULAR.get((word.lower(), kind))
    if irregular is not None:
        return irregular
    low = word.lower()
    vowels = [c for c in low if c in _CY_VOWELS]
    first = next((v for v in vowels if v not in "иы"), "э")
    harmony = _CY_KIND.get(first, "e")
    back = harmony in ("a", "o")
    final = low[-1]
    long_end = final == "й" or (len(low) > 1 and final in _CY_VOWELS and low[-2] in _CY_VOWELS)
    if kind == "com":
        return word + "т" + {"a": "ай", "o": "ой"}.get(harmony, "эй")
    if kind == "ord":
        return word + " " + ("дугаар" if back else "дүгээр")
    if long_end:
        ending = {"gen": "гийн", "acc": "г", "dat": "д", "abl": "г" + _CY_LONG[harmony] + "с"}
        ending |= {"ins": "г" + _CY_LONG[harmony] + "р", "refl": "г" + _CY_LONG[harmony]}
        return word + ending[kind]
    if final in _CY_VOWELS and final != "и":  # a short final vowel drops before an ending
        if kind == "dat":
            return word + "д"
        word, final = word[:-1], low[-2] if len(low) > 1 else "н"
    palatal = final in _CY_PALATAL
    if kind == "gen":
        if final == "н":
            return word + ("ы" if back and not palatal else "ий")
        return word + ("ын" if back and not palatal else "ийн")
    if kind == "acc":
        return word + ("ыг" if back and not palatal else "ийг")
    if kind == "dat":
        if final in "нмлң":
            return word + "д"
        if final in _CY_T:
            return word + "т"
        return word + ("ид" if palatal else _CY_LONG[harmony][0] + "д")
    if kind == "abl":
        return word + _CY_LONG[harmony] + "с"
    if kind == "ins":
        return word + _CY_LONG[harmony] + "р"
    return word + _CY_LONG[harmony]  # refl
