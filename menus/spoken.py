"""Numbers, money and times the way people say them, in the person's language.

Mandarin says them aloud (两块五, 一百零五, 下午四点); Mongolian writes every figure in
Mongolian digits (᠑᠒ ᠶᠤᠸᠠᠨ, ᠑᠑:᠓᠐), the one way the catalogue writes them, and in Cyrillic
(``mn-Cyrl``) in the digits 0-9 (12 юань, 11:30). Any other language
gets the Mandarin forms, as it gets Mandarin sentences (``menus.catalogue``'s fallback).
Shared by the dialogue (``bot``), the scheduler's notices and the catalogue's date words.
"""

from __future__ import annotations

from menus.scripts import is_mongolian

DIGITS = "零一二三四五六七八九"
MN_DIGITS = str.maketrans("0123456789", "᠐᠑᠒᠓᠔᠕᠖᠗᠘᠙")


def digits(text: str, lang: str = "zh") -> str:
    """Figures in ``text`` (11:30, 12.5) in the language's digits: Mongolian ones for ``mn``."""
    return text.translate(MN_DIGITS) if lang == "mn" else text


def number(n: int, lang: str = "zh") -> str:
    """A figure as written on a sheet (一共2单, ᠒): digits, Mongolian ones for ``mn``."""
    return digits(str(n), lang)


def count(n: int, lang: str = "zh") -> str:
    """A count of portions as said aloud: 两 in Mandarin, ᠒ (or 2) in Mongolian."""
    return number(n, lang) if is_mongolian(lang) else spoken_number(n)


def money(fen: int, lang: str = "zh") -> str:
    """Money as people say it: 十二块五; ᠑᠒.᠕ ᠶᠤᠸᠠᠨ (other languages: as in Mandarin, whose
    sentences they fall back to)."""
    if not is_mongolian(lang):
        return spoken_yuan(fen)
    figure = f"{fen // 100}" if fen % 100 == 0 else f"{fen / 100:.2f}".rstrip("0")
    return digits(figure, lang) + (" ᠶᠤᠸᠠᠨ" if lang == "mn" else " юань")


def clock(hhmm: str, lang: str = "zh") -> str:
    """16:00 → 下午四点, 07:30 → 早上七点半; in Mongolian, the time in Mongolian digits."""
    if is_mongolian(lang):
        return digits(hhmm, lang)
    hour, minute = (int(x) for x in hhmm.split(":"))
    part = "早上" if hour < 11 else "中午" if hour < 13 else "下午" if hour < 18 else "晚上"
    shown = hour - 12 if hour > 12 else hour
    tail = "" if minute == 0 else "半" if minute == 30 else f"{spoken_number(minute)}分"
    return f"{part}{spoken_number(shown)}点{tail}"


def spoken_yuan(fen: int) -> str:
    """Money as said aloud: 1200 → 十二块钱, 1250 → 十二块五, 255 → 两块五毛五, 50 → 五毛."""
    if fen < 0:
        return "负" + spoken_yuan(-fen)
    yuan, rest = divmod(fen, 100)
    jiao, cents = divmod(rest, 10)
    if fen == 0:
        return "零元"
    if not yuan:
        head = (("两" if jiao == 2 else DIGITS[jiao]) + "毛") if jiao else ""
        return head + ((DIGITS[cents] + ("" if jiao else "分")) if cents else "")
    words = spoken_number(yuan) + "块"
    if not jiao and not cents:
        return words + "钱"
    if not cents:
        return words + DIGITS[jiao]
    return words + (DIGITS[jiao] + "毛" if jiao else "零") + DIGITS[cents]


def spoken_number(n: int) -> str:
    """A count as said aloud: 2 → 两, 12 → 十二, 110 → 一百一十, 2005 → 两千零五."""
    if n < 0 or n > 9999:
        return str(n)
    if n == 2:
        return "两"
    if n < 10:
        return DIGITS[n]
    if n < 20:
        return "十" + (DIGITS[n - 10] if n > 10 else "")
    return _under_10000(n)


def _under_10000(n: int) -> str:
    units = ((1000, "千"), (100, "百"), (10, "十"))
    out = ""
    gap = False
    for size, word in units:
        digit, n = divmod(n, size)
        if digit:
            if gap and out:
                out += "零"
            lead = "两" if digit == 2 and size >= 100 else DIGITS[digit]
            out += lead + word
            gap = False
        elif out:
            gap = True
    if n:
        out += ("零" if gap else "") + DIGITS[n]
    return out


SYLLABLE_LIMIT = 60
"""A reply spoken to an elder stays within about this many syllables: some 15 seconds at the
slow speaking rate, and what older listeners keep in mind at once (the conversation issue's
"about 60 characters", counted in what is heard so that it means the same in every script)."""

_VOWELS = frozenset("ᠠᠡᠢᠣᠤᠥᠦᠧаэиоуөүыяеёюaeiouy")
_DIGIT_CHARS = frozenset("0123456789᠐᠑᠒᠓᠔᠕᠖᠗᠘᠙")
_PAUSES = frozenset("，。：、？！；,.:?!;᠂᠃")


def syllables(text: str) -> int:
    """About how long ``text`` takes to say, in syllables: one per Chinese character, one per
    run of vowels in a Mongolian (either script) or Latin word, one per pause (，。：？), and
    for figures two per digit (᠑᠒ is арван хоёр, 十二块 three) but one per digit in a run of
    more than four (a phone number, read digit by digit). A Chinese reply's length is about
    its characters; a Mongolian letter carries a third of a syllable, so its characters say
    nothing of how long it is to hear. (Traditional script writes vowels Khalkha does not say,
    ᠬᠣᠭᠣᠯᠠ for хоол: it is counted long, never short.)"""
    total, in_vowels, run = 0, False, 0
    for char in text.lower() + " ":
        if char in _DIGIT_CHARS:
            run += 1
            continue
        total += run if run > 4 else 2 * run
        run = 0
        vowel = char in _VOWELS
        if "\u4e00" <= char <= "\u9fff" or char in _PAUSES or (vowel and not in_vowels):
            total += 1
        in_vowels = vowel
    return total
