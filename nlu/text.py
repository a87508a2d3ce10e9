"""Cleaning what people say before anything tries to understand it.

Why: speech recognisers and phone keyboards produce full-width digits, stray control
characters, emoji and, for traditional Mongolian, several encodings of what looks like the same
word. Matching works on a cleaned, folded form; spans refer back to the cleaned text.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Container

MAX_CHARS = 400
"""Nobody orders lunch in more than a few sentences; longer input is cut, never an error."""

_CONTROL = re.compile(r"[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u200b\u2060\ufeff]")
_SPACES = re.compile(r"[ \t\r\n\f\v\u3000]+")

# Traditional Mongolian: variation selectors and the vowel separator change the glyph, not the
# word; the narrow no-break space joins a case suffix. Look-alike letters are folded to one.
_MN_DROP = dict.fromkeys(map(ord, "\u180b\u180c\u180d\u180f\u200c\u200d"), None)
_MN_SPACE = {ord("\u180e"): " ", ord("\u202f"): " ", ord("\u00a0"): " "}
_MN_FOLD = str.maketrans(
    {
        "\u1821": "\u1820",  # e → a (same medial glyph)
        "\u1824": "\u1823",  # u → o
        "\u1825": "\u1823",  # ö → o
        "\u1826": "\u1823",  # ü → o
        "\u1832": "\u1833",  # t → d
        "\u182c": "\u182d",  # q → g
        "\u1836": "\u1822",  # y → i
        "\u1827": "\u1820",  # ee → a (as e)
    }
)
_CYRILLIC_FOLD = str.maketrans({"ё": "е", "ө": "о", "ү": "у", "й": "и", "ы": "и", "ъ": "", "ь": ""})


_WA = re.compile(r"(?<=[\u4e00-\u9fff])(?<!哇)哇(?=$|[\s，,。.！!？?；;、])")
"""哇 ending a clause after a word (送哇, 小米粥哇, 走哇): Inner Mongolian and Shanxi speech
for 吧, read as 吧 so that every rule about 吧 holds for it; 哇塞 or 哇，真香 are left alone."""


_MONEY_TYPED = re.compile(
    r"(?<=多)前(?=[一？?吧啊呀。，,\s]|$)|(?<=多少)前(?![面天年头边])"
    r"|(?<=块)前(?=[？?吧啊呀。，,\s]|$)"
)
"""多少前 / 多前一份 / 几块前: 钱 typed (or heard) as 前, one character for one."""
_HEARD_AS = (
    (re.compile(r"名(?=天)"), "明"),
    (re.compile(r"(?<=[金惠饭餐])卷"), "券"),
    (
        re.compile(
            r"(?<![一确决肯固规稳安指约预鉴设锁说不待未敲])定(?!个?时)"
            r"(?=[的个一两俩仨份碗餐饭啥过好上]|[早中晚午]饭)"
        ),
        "订",
    ),
)
"""What a recogniser writes for what was said, one character for one: 名天 for 明天, 代金卷 for
代金券, 定的啥 / 定个午饭 for 订 (not 一定, 确定, 决定, 肯定…)."""


def _heard(text: str) -> str:
    for pattern, plain in _HEARD_AS:
        text = pattern.sub(plain, text)
    return text


_SHEN = re.compile(r"甚(?=么)|(?<![不极甚])甚(?![至为是少多好佳])")
"""吃甚 / 订了些甚 / 甚时候: Jin and Inner Mongolian speech for 啥 (甚么 for 什么), read as
such, one character for one; 甚至, 甚好, 不甚 are left alone."""


def _shen(match: re.Match[str]) -> str:
    return "什" if match.string[match.end() : match.end() + 1] == "么" else "啥"


def clean(text: str) -> str:
    """The text cut to ``MAX_CHARS``, with the same length and offsets as what was said.

    Full-width digits and letters become ASCII (one character each), control characters and
    line breaks become spaces; nothing is removed, so entity spans point into the original
    text. Mongolian-block characters are left exactly as written.
    """
    out = []
    for char in text[:MAX_CHARS]:
        if _CONTROL.match(char) or char in "\r\n\t\v\f":
            out.append(" ")
        elif "\uff01" <= char <= "\uff5e" and char not in "\uff0c\uff01\uff1f\uff1a\uff1b":
            folded = unicodedata.normalize("NFKC", char)
            out.append(folded if len(folded) == 1 else char)
        elif char == "\u3000":
            out.append(" ")
        else:
            out.append(char)
    return _heard(_SHEN.sub(_shen, _MONEY_TYPED.sub("钱", _WA.sub("吧", "".join(out)))))


def has_traditional_mongolian(text: str) -> bool:
    """Any letter of the Mongolian block."""
    return any("\u1820" <= ch <= "\u18aa" for ch in text)


def has_cyrillic(text: str) -> bool:
    """Any Cyrillic letter."""
    return any("\u0400" <= ch <= "\u04ff" for ch in text)


def has_han(text: str) -> bool:
    """Any Chinese character."""
    return any("\u4e00" <= ch <= "\u9fff" or "\u3400" <= ch <= "\u4dbf" for ch in text)


def fold_mongolian(text: str) -> str:
    """A matching key for traditional script: no selectors, suffixes split, look-alikes merged.

    Two spellings that look the same on screen get the same key; so do a few that don't
    (o/u), which is acceptable for matching a small vocabulary.
    """
    text = text.translate(_MN_DROP).translate(_MN_SPACE)
    text = text.translate(_MN_FOLD)
    return _SPACES.sub(" ", text).strip()


def fold_cyrillic(text: str) -> str:
    """A matching key for Cyrillic Mongolian: lower case, ө/ү and soft signs folded."""
    return _SPACES.sub(" ", text.lower().translate(_CYRILLIC_FOLD)).strip()


def fold(text: str) -> str:
    """The matching key for any text: Mongolian scripts folded, Latin lower-cased."""
    return fold_cyrillic(fold_mongolian(text))


MONGOLIAN_ENDINGS = tuple(
    sorted(
        {
            fold(e)
            for e in (
                "ийн", "ын", "ний", "н", "ийг", "ыг", "г", "д", "т", "аа", "ээ", "оо", "өө",
                "даа", "дээ", "доо", "дөө", "таа", "тээ", "тоо", "төө", "той", "тэй", "тай",
                "аар", "ээр", "оор", "өөр", "гаар", "гээр", "руу", "рүү", "ад", "эд", "од", "өд",
                "нд", "ндаа", "ндээ", "ийнх", "ынх", "ыхаа", "ийхээ", "аараа", "ээрээ", "ыгаа",
                "ийгээ", "хан", "хэн", "ийгаа", "ыгээ", "нээ", "наа", "ч", "ыг", "уудыг",
                "нх", "ных", "ны", "аас", "ээс", "оос", "өөс", "гаас", "гээс", "наас", "нээс",
                "ийнхыг", "ынхыг", "ийнхийг", "нхыг", "ийнхээ", "ынхаа", "ийнхэн", "ынхан",
            )
        },
        key=len,
        reverse=True,
    )
)  # fmt: skip
"""Cyrillic Mongolian case and possessive endings (folded), longest first: a word of the
lexicon or a dish's last word matches with any of them (шөлийг, буузыг, ээждээ)."""


def strip_ending(token: str, known: Container[str]) -> str | None:
    """The known word this token is, bare or with a case ending (ээждээ → ээж, шөлийг → шөл)."""
    if token in known:
        return token
    for ending in MONGOLIAN_ENDINGS:
        if len(token) > len(ending) + 1 and token.endswith(ending):
            stem = token[: -len(ending)]
            if stem in known:
                return stem
    return None


_LATIN_TO_CYRILLIC = (
    ("shch", "щ"), ("ai", "ай"), ("oi", "ой"), ("ei", "эй"), ("ui", "уй"), ("ii", "ий"),
    ("kh", "х"), ("sh", "ш"), ("ch", "ч"), ("ts", "ц"), ("ya", "я"), ("yu", "ю"),
    ("yo", "ё"), ("ye", "е"), ("zh", "ж"), ("a", "а"), ("b", "б"), ("v", "в"), ("w", "в"),
    ("g", "г"), ("d", "д"), ("e", "э"), ("j", "ж"), ("z", "з"), ("i", "и"), ("y", "ы"),
    ("k", "к"), ("l", "л"), ("m", "м"), ("n", "н"), ("o", "о"), ("p", "п"), ("r", "р"),
    ("s", "с"), ("t", "т"), ("u", "у"), ("f", "ф"), ("h", "х"), ("c", "ц"), ("q", "к"),
    ("x", "х"),
)  # fmt: skip
"""How Mongolians type Cyrillic Mongolian on a Latin keyboard (margaash, hoyor, zahialya):
mapped back letter by letter; ө/ү typed as o/u fold to о/у anyway; a vowel and i is the vowel
and й (bolgooroi, udriin)."""


def latin_to_cyrillic(word: str) -> str:
    """A Latin-typed Mongolian word in Cyrillic (``shol`` → ``шол``); other characters kept."""
    out = []
    lower = word.lower()
    i = 0
    while i < len(lower):
        for latin, cyrillic in _LATIN_TO_CYRILLIC:
            if lower.startswith(latin, i):
                out.append(cyrillic)
                i += len(latin)
                break
        else:
            out.append(lower[i])
            i += 1
    return "".join(out)


def is_latin_words(text: str) -> bool:
    """Only Latin letters (and digits, spaces, punctuation): maybe Mongolian typed in Latin."""
    letters = [ch for ch in text if ch.isalpha()]
    return bool(letters) and all("a" <= ch.lower() <= "z" for ch in letters)
