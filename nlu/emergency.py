"""Hearing an emergency (摔倒了, 救命, 胸口疼, 喘不上气; ᠤᠨᠠᠪᠠ, унасан, туслаарай…) before
anything else is understood.

A rule over word classes, not the intent model: the cost of a miss is an elder on the floor, so
it is checked on every utterance, in every state, and says yes to a body word with a word of
pain, a fall verb with its result, or a cry for help — unless negated (没摔着, 不疼了).
"""

from __future__ import annotations

import re

from nlu.text import clean, fold

SPACED = re.compile(r"(?<=[\u4e00-\u9fff]) +(?=[\u4e00-\u9fff])")

_ZH = [
    r"(摔|跌|绊)(倒|了|一跤|跤|着了|伤|下去|在地)",
    r"(倒在地|躺地上|起不来了|起不来(?!那么早|太早)|爬不起来|站不起来)",
    r"(救命|快来人|来人啊|救救我|快救)",
    r"(胸口|心口|心脏|胸)(疼|痛|闷|憋|难受)",
    r"(喘不(上|过|动)气|(上|喘)不来气|气(上|喘)不来|透不过气|憋得慌|气短)",
    r"(晕倒|昏倒|晕过去|中风|出血|流血|疼死了)",
    r"(眼前[直一都突然阵]{0,3}发?黑|两眼发黑)",
    r"(半边|半身|一边|左边|右边)(身子|身体)[^，,。]{0,3}(麻|动不了|不能动|没知觉|不听使唤)",
    r"(嘴|嘴角|口眼)[有点都也]{0,2}歪|说不出话|口齿不清",
]
"""A fall, a cry for help, the heart or the breath, and the signs of a stroke (眼前发黑,
半边身子动不了, 嘴歪, 说不出话): said of now, whatever else is said (是不是血压又上来了)."""
_ZH_BODY = (
    r"(头(晕|昏)|不舒服|难受得很|难受死|(疼|痛|晕)得(厉害|不行|受不了|站不住)"
    r"|(突然|一下子)[^，,。；;！!？?]{0,4}(晕|发麻|麻了|麻木|动不了|看不清|看不见))"
)
"""Said of the body now, an emergency; said of food (胃不舒服, 吃完难受) or as a long-standing
complaint (最近老头晕), a wish about the meal or a question: not an alarm. The loose signs of a
stroke (突然手发麻, 一下子看不清) are here, guarded so; the sure ones are in ``_ZH`` above."""
_ZH_NOT_BODY = (
    r"吃|喝|胃|菜|饭|粥|汤|改成|来碗|来个|订|最近|经常|老是|平时|有时|血压|膏药|药|食堂|送到家|送家"
)
_ZH_NOT = r"(没|没有|不是|别|不会)(摔|跌|事(?![吧吗？?])|不舒服|疼|晕)|不疼了|好多了|没事了"
"""没摔着 / 没事了; not 没事吧？ (a worried question about what was just said)."""
_ZH_EARLY = r"(早上|早晨|清早|一早|大早|起早|早起|早饭|早点|太早|那么早)"
_ZH_LATE = _ZH_EARLY + r"[^，,。；;！!？?摔跌绊倒]{0,4}起不来"
"""早上起不来 (改成晚上): not getting up early, not a fall; the clause is set aside before the
fall words are looked for (我早上摔了起不来 is still heard by 摔)."""
_MN = [  # traditional script, written as people type it (folded below)
    "ᠤᠨᠠᠪᠠ", "ᠤᠨᠠᠴᠢᠬᠠᠪᠠ", "ᠤᠨᠠᠭᠰᠠᠨ", "ᠠᠪᠤᠷᠠᠭᠠᠷᠠᠢ", "ᠠᠮᠢᠰᠬᠤᠯ ᠪᠠᠷᠢᠭᠳᠠ",
    "ᠪᠣᠰᠴᠤ ᠴᠢᠳᠠᠬᠤ ᠦᠭᠡᠢ", "ᠲᠣᠯᠣᠭᠠᠢ ᠡᠷᠭᠢᠵᠦ", "ᠴᠡᠭᠡᠵᠢ",
]  # fmt: skip
_CYRILLIC = [  # with ө/ү and without (о/у), as folded
    "унас", "унаад", "унчих", "уначих", "авраарай", "амьсгаа давч", "амьсгаа боо",
    "цээж", "толгой эрг", "босож чадах", "эмнэлэг дуудаа", "түргэн тусламж",
]  # fmt: skip

_MN_TOGETHER = [  # a body part with a word of pain, or breath with a word of failing
    (("ᠵᠢᠷᠦᠬᠡ", "ᠴᠡᠭᠡᠵᠢ", "зүрх", "цээж"), ("ᠡᠪᠡᠳ", "өвд", "ovd")),
    (("ᠠᠮᠢᠰᠬᠤᠯ", "амьсгаа"), ("ᠳᠠᠪᠴᠢ", "ᠪᠠᠷᠢᠭᠳ", "давч", "боогд", "хүрэхгүй")),
]  # fmt: skip
"""ᠵᠢᠷᠦᠬᠡ ᠮᠢᠨᠢ ᠡᠪᠡᠳᠴᠦ ᠪᠠᠢᠨ᠎ᠠ (my heart hurts), ᠠᠮᠢᠰᠬᠤᠯ ᠳᠠᠪᠴᠢᠳᠠᠵᠤ (breath short): both words
said, in either order, with anything between."""
ZH = re.compile("|".join(_ZH))
ZH_NOT = re.compile(_ZH_NOT)
ZH_LATE = re.compile(_ZH_LATE)
ZH_BODY = re.compile(_ZH_BODY)
ZH_NOT_BODY = re.compile(_ZH_NOT_BODY)
MN = tuple(fold(clean(word)) for word in _MN + _CYRILLIC)
MN_TOGETHER = [
    (tuple(fold(w).split()[0] for w in body), tuple(fold(w).split()[0] for w in trouble))
    for body, trouble in _MN_TOGETHER
]


def heard(text: str) -> bool:
    """Whether ``text`` says the speaker (or the elder spoken for) is in danger now."""
    plain = SPACED.sub("", clean(text))  # 胸口 疼, 摔 了: Mandarin typed word by word
    if ZH.search(ZH_LATE.sub("", plain)) and not ZH_NOT.search(plain):
        return True
    if ZH_BODY.search(plain) and not ZH_NOT.search(plain) and not ZH_NOT_BODY.search(plain):
        return True
    folded = fold(plain)
    if any(word in folded for word in MN):
        return True
    return any(
        any(b in folded for b in body) and any(t in folded for t in trouble)
        for body, trouble in MN_TOGETHER
    )
