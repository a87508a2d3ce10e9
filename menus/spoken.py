"""Numbers and money the way people say them aloud in Mandarin (两块五, 一百零五).

Shared by the dialogue (``bot``) and the scheduler's messages, which may not import each other.
"""

from __future__ import annotations

DIGITS = "零一二三四五六七八九"


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
