"""Hearing a wish for repeated meals (每天, 工作日, 这礼拜每天, 下周一到周五, 老样子; өдөр бүр,
ᠡᠳᠦᠷ ᠪᠦᠷᠢ): an order for every day is not an order for one day, and must never be placed as
one. A rule over word classes, like ``nlu.emergency``."""

from __future__ import annotations

import re
from datetime import date, timedelta
from functools import cache
from pathlib import Path

from nlu.mongolian import TOKEN_RE, MongolianLexicon, week_of
from nlu.text import clean, fold, latin_to_cyrillic, strip_ending

_ZH = (
    r"每天|天天|每日|每顿|工作日|每个?(礼拜|星期|周)[一二三四五六日天]?|"
    r"(这|下|本)(礼拜|星期|周)(每天|都|一到|1到)|(周|星期|礼拜)[一二三四五六日天]到(周|星期|礼拜)?[一二三四五六日天]|"
    r"长期|以后都|往后(每天|都)"
)
_ZH_COPY = (
    r"老样子|(跟|和|同)(昨天|昨儿个|昨儿|夜儿个|夜儿|夜来|上次|平时|今天|前天|那天|以前)一样|"
    r"(?<![\u4e00-\u9fff])照旧|(?:还是|就|一切)照旧"
)
"""老样子 / 跟昨天一样: the last order again, on every day unless one day is named."""
_ZH_ONE_DAY = (
    r"今天|今儿|今日|明天|明儿|明日|后天|后儿|这顿|这回|这次|"
    r"(?<![每到至])(周|星期|礼拜)[一二三四五六日天](?![到至])|\d+号"
)
"""今天晌午还跟昨天一样: a copy for the one day named, not a standing order."""
_MN = (
    "өдөр бүр",
    "ᠡᠳᠦᠷ ᠪᠦᠷᠢ",
    "ᠡᠳᠦᠷ ᠪᠦᠷ",
    "өдөр болгон",
    "долоо хоног бүр",
    "ажлын өдөр",
    "ᠠᠵᠢᠯ ᠤᠨ ᠡᠳᠦᠷ",
)  # fmt: skip (тус бүр is "each", not "every day")
_MN_COPY = ("өмнөхтэй адил", "урьдын адил")
_MN_ONE_DAY = ("өнөөдөр", "маргааш", "нөгөөдөр", "ᠥᠨᠦᠳᠦᠷ", "ᠮᠠᠷᠭᠠᠰᠢ", "ᠨᠥᠭᠦᠭᠡᠳᠦᠷ")
ZH = re.compile(_ZH)
ZH_COPY = re.compile(_ZH_COPY)
ZH_ONE_DAY = re.compile(_ZH_ONE_DAY)
MN = tuple(fold(clean(word)) for word in _MN)
MN_COPY = tuple(fold(clean(word)) for word in _MN_COPY)
MN_ONE_DAY = tuple(fold(clean(word)) for word in _MN_ONE_DAY)


_MN_UNTIL = tuple(fold(w).split()[0] for w in ("хүртэл", "хүрт", "ᠬᠦᠷᠲᠡᠯᠡ", "ᠬᠦᠷᠲᠡᠯ"))
_MN_WEEK = tuple(
    fold(w).split()[0] for w in ("хоног", "ᠬᠣᠨᠣᠭ", "гараг", "ᠭᠠᠷᠠᠭ", "долоо", "ᠳᠣᠯᠣᠭ᠎ᠠ", "7")
)


@cache
def _mn_lexicon() -> MongolianLexicon:
    return MongolianLexicon.load(Path(__file__).parent / "data" / "lexicon_mn.yml")


def _mn_words(text: str) -> list[str]:
    return TOKEN_RE.findall(fold(clean(text)))


def _mn_weekday(word: str) -> int | None:
    """даваа, даваагаас, баасан, ᠪᠠᠰᠠᠩ ᠤᠨ: the weekday a Mongolian word names, with any ending."""
    stems = _mn_lexicon().weekdays
    return next((day for stem, day in stems.items() if word.startswith(stem.split()[0])), None)


def _mn_span(words: list[str]) -> tuple[int, int] | None:
    """даваагаас баасан хүртэл (Monday to Friday): the first and last weekday of a span."""
    if not any(w.startswith(_MN_UNTIL) for w in words):
        return None
    named = [d for d in (_mn_weekday(w) for w in words) if d is not None]
    if len(named) < 2:
        named = _mn_numbered_days(words)
    return (named[0], named[-1]) if len(named) >= 2 else None


_MN_WEEK_OF = fold("гарагийн")


def _mn_numbered_days(words: list[str]) -> list[int]:
    """ᠭᠠᠷᠠᠭ ᠤᠨ ᠨᠢᠭᠡ ᠡᠴᠡ ᠲᠠᠪᠤ ᠬᠦᠷᠲᠡᠯ᠎ᠡ (the week's first day to the fifth): weekdays said by
    number after ᠭᠠᠷᠠᠭ ᠤᠨ / гарагийн, the last one's ᠭᠠᠷᠠᠭ ᠤᠨ left out before хүртэл."""
    numbers = _mn_lexicon().numbers
    found: list[int] = []
    for k, word in enumerate(words):
        day = numbers.get(strip_ending(word, frozenset(numbers)) or word)
        if day is None or not 1 <= day <= 7:
            continue
        after_week = k > 0 and (
            words[k - 1] == _MN_WEEK_OF
            or week_of(words, k - 1) == k
            or (k > 1 and week_of(words, k - 2) == k)
        )
        before_until = k + 1 < len(words) and words[k + 1].startswith(_MN_UNTIL)
        if after_week or (found and before_until):
            found.append(day - 1)
    return found


def _mn_next_week(words: list[str]) -> bool:
    """ирэх долоо хоног / дараа 7 хоногийн / ᠢᠷᠡᠬᠦ ᠳᠣᠯᠣᠭ᠎ᠠ ᠬᠣᠨᠣᠭ: next week."""
    after = _mn_lexicon().next_week
    return any(
        w in after and any(x.startswith(_MN_WEEK) for x in words[k + 1 : k + 3])
        for k, w in enumerate(words)
    )


_MARKS = re.compile(r"[\u1800-\u1809,.!?;:，。！？；：、]")
"""Punctuation (Mongolian ᠂ ᠃ included) that may touch a word: a space, for matching words."""


def heard(text: str) -> bool:
    """Whether ``text`` asks for meals on more than one day (a standing order)."""
    plain = clean(text)
    spaced = f" {_MARKS.sub(' ', fold(plain))} "
    if ZH.search(plain) or any(f" {word} " in spaced for word in MN):
        return True
    if _latin_every(plain):
        return True
    if copies_last(text):
        return not ZH_ONE_DAY.search(plain) and not any(word in spaced for word in MN_ONE_DAY)
    return _mn_span(_mn_words(text)) is not None


_LATIN_WORDS = re.compile(r"[A-Za-z]+")
_MN_OU = str.maketrans("у", "о")


def _latin_every(plain: str) -> bool:
    """Udur bur oroin hoolond… (өдөр бүр typed in Latin letters, ө and ү as o or u): the words
    read as Cyrillic, о and у taken as one letter, as such typing leaves them."""
    typed = " ".join(_LATIN_WORDS.findall(plain))
    if not typed:
        return False
    spaced = f" {fold(latin_to_cyrillic(typed)).translate(_MN_OU)} "
    return any(f" {word.translate(_MN_OU)} " in spaced for word in MN)


def copies_last(text: str) -> bool:
    """老样子 / 跟昨天一样 / өмнөхтэй адил: the last order's dishes, meal and way again."""
    spaced = f" {_MARKS.sub(' ', fold(clean(text)))} "
    return ZH_COPY.search(clean(text)) is not None or any(w in spaced for w in MN_COPY)


_WEEKDAY = {"一": 0, "二": 1, "三": 2, "四": 3, "五": 4, "六": 5, "日": 6, "天": 6, "1": 0, "2": 1,
            "3": 2, "4": 3, "5": 4, "6": 5, "7": 6}  # fmt: skip
_SPAN = re.compile(
    r"(?:周|星期|礼拜)([一二三四五六日天1-7])(?:到|至|-|~)(?:周|星期|礼拜)?([一二三四五六日天1-7])"
)
_EACH_WEEKDAY = re.compile(r"每(?:个)?(?:周|星期|礼拜)([一二三四五六日天1-7、和]+)")
_NEXT_WEEK = re.compile(r"下(?:个)?(?:周|星期|礼拜)")
_NEXT_WEEK_DAY = re.compile(r"下(?:个)?(?:周|星期|礼拜)([一二三四五六日天1-7])")
_UNTIL_NEXT_WEEK = re.compile(r"(?:到|至)下(?:个)?(?:周|星期|礼拜)([一二三四五六日天1-7])")
_THIS_WEEK = re.compile(r"(?:这|本)(?:个)?(?:周|星期|礼拜)")
_WORKDAYS = re.compile(r"工作日|上班的日子")
_MN_WORKDAYS = tuple(fold(clean(w)) for w in ("ажлын өдөр", "ᠠᠵᠢᠯ ᠤᠨ ᠡᠳᠦᠷ"))


def days(text: str, today: date) -> tuple[tuple[int, ...], date, date | None]:
    """Which days a standing wish covers: weekdays (0 is Monday), the first day and the last
    (None: until stopped). 下周一到周五 → Monday to Friday of next week; 这礼拜每天 → from
    today to Sunday; 工作日 → Monday to Friday from today on; 每天 → every day from today on."""
    plain = clean(text)
    folded = fold(plain)
    weekdays: tuple[int, ...] = tuple(range(7))
    span = _SPAN.search(plain)
    if span:
        first, last = _WEEKDAY[span.group(1)], _WEEKDAY[span.group(2)]
        weekdays = tuple(range(first, last + 1)) if first <= last else tuple(range(7))
    elif _WORKDAYS.search(plain) or any(w in folded for w in _MN_WORKDAYS):
        weekdays = (0, 1, 2, 3, 4)
    else:
        each = _EACH_WEEKDAY.findall(plain)
        if each:
            weekdays = tuple(sorted({_WEEKDAY[d] for run in each for d in run if d in _WEEKDAY}))
    words = _mn_words(text)
    mn_span = _mn_span(words)
    if mn_span is not None and not span:
        first, last = mn_span
        weekdays = tuple(range(first, last + 1)) if first <= last else tuple(range(7))
    monday = today - timedelta(days=today.weekday())
    until_next = _UNTIL_NEXT_WEEK.search(plain)
    if until_next:  # 从明天起到下礼拜二: up to that day of next week, not next week alone
        end = monday + timedelta(days=7 + _WEEKDAY[until_next.group(1)])
        before = _NEXT_WEEK_DAY.search(plain[: until_next.start()])  # 下周三到下周五
        begins = monday + timedelta(days=7 + _WEEKDAY[before.group(1)]) if before else today
        return weekdays, begins, end
    if _NEXT_WEEK.search(plain) or _mn_next_week(words):
        start = monday + timedelta(days=7)
        return weekdays, start, start + timedelta(days=6)
    until = None if span or mn_span else _until(plain, words)
    if until is not None:  # 每天…到礼拜五 / ням гараг хүртэл: up to that day, this week or next
        return weekdays, today, today + timedelta(days=(until - today.weekday()) % 7)
    if _THIS_WEEK.search(plain) or any(w in folded for w in _MN_THIS_WEEK):
        return weekdays, today, monday + timedelta(days=6)
    return weekdays, today, None


def names_a_span(text: str) -> bool:
    """礼拜一到礼拜五 / даваагаас баасан хүртэл: weekdays named as a span, whose first day is a
    weekday of the wish, not the day it starts (that is today, or next week's after 下周)."""
    return bool(_SPAN.search(clean(text))) or _mn_span(_mn_words(text)) is not None


_UNTIL_ZH = re.compile(r"(?:到|至|直到)(?:这|本)?(?:个)?(?:周|星期|礼拜)([一二三四五六日天1-7])")
_MN_THIS_WEEK = tuple(
    fold(clean(w)) for w in ("энэ долоо хоног", "ᠡᠨᠡ ᠳᠣᠯᠣᠭ᠎ᠠ ᠬᠣᠨᠣᠭ", "ᠡᠨᠡ ᠭᠠᠷᠠᠭ", "энэ гараг")
)


def _until(plain: str, words: list[str]) -> int | None:
    """The one weekday a standing wish runs up to (到礼拜五, ням гараг хүртэл), if said."""
    said = _UNTIL_ZH.search(plain)
    if said:
        return _WEEKDAY[said.group(1)]
    if not any(w.startswith(_MN_UNTIL) for w in words):
        return None
    named = [d for d in (_mn_weekday(w) for w in words) if d is not None]
    return named[-1] if len(named) == 1 else None


PAUSE = re.compile(r"先停|暂停|停了|停一下|停几天|先别送|别送了|不用送了|住院|不在家")
RESUME = re.compile(r"恢复|接着送|继续送|又回来了|出院了|接着订|照常送")


_MN_PAUSE = tuple(fold(w) for w in ("зогсоо", "зогсо", "ᠵᠣᠭᠰᠣᠭᠠ", "ᠵᠣᠭᠰᠠᠭᠠ"))
"""Stopping (зогсоогоорой, ᠲᠦᠷ ᠵᠣᠭᠰᠣᠭᠠᠭᠠᠷᠠᠢ): said of standing meals, a pause."""
_MN_RESUME = tuple(fold(w) for w in ("үргэлжлүүл", "сэргээ", "ᠦᠷᠭᠦᠯᠵᠢᠯᠡᠭᠦᠯ", "ᠰᠡᠷᠭᠦᠭᠡ"))
"""Going on (үргэлжлүүлээрэй) or bringing back (сэргээгээрэй): resuming them."""


_MN_STOP_PLACE = tuple(fold(w) for w in ("зогсоол", "ᠵᠣᠭᠰᠣᠭᠠᠯ"))
"""зогсоол: a bus stop or a parking place, not stopping."""
_MN_NOT = tuple(fold(w) for w in ("битгий", "ᠪᠢᠲᠡᠭᠡᠢ"))
_MN_NEGATED = tuple(fold(w) for w in ("гүй", "ᠭᠦᠢ", "ᠦᠭᠡᠢ"))
_MN_ASKED = tuple(fold(w) for w in ("вэ", "бэ", "уу", "үү", "юу", "ᠪᠤᠢ", "ᠤᠤ"))


def pause_or_resume(text: str) -> bool | None:
    """住院了先停了 → True (pause); 出院了接着送 → False (resume); None when neither. In
    Mongolian by the verb's stem: зогсоо-/ᠵᠣᠭᠰᠣᠭᠠ- stops, үргэлжлүүл-/сэргээ- goes on."""
    plain = clean(text)
    if RESUME.search(plain):
        return False
    if PAUSE.search(plain):
        return True
    words = _mn_words(text)
    if any(w.startswith(_MN_NOT) for w in words) or any(w in _MN_ASKED for w in words):
        return None  # битгий зогсоо / зогсоохгүй / зогсох вэ: not a wish to pause
    if any(w.startswith(_MN_RESUME) for w in words):
        return False
    stops = [w for w in words if w.startswith(_MN_PAUSE) and not w.startswith(_MN_STOP_PLACE)]
    if stops and not any(w.endswith(_MN_NEGATED) for w in stops):  # зогсоохгүй: not stopping
        return True
    return None


_DAY_SAID = re.compile(
    r"(下个?|这个?|本)?(?:周|星期|礼拜)([一二三四五六日天1-7])|(明天|明儿|后天|大后天)"
)
_DAYS_AHEAD = {"明天": 1, "明儿": 1, "后天": 2, "大后天": 3}
_SAME_WEEK = re.compile(r"^(到|至|-|~|～|和|跟|、|还有)?$")
"""Between two weekdays, words that carry the first one's week to the second (下周二到周四)."""
_GOING_ON = re.compile(RESUME.pattern + r"|照常|照旧|正常送|接着|继续|再(送|订|整|来|开始)")
"""A clause saying when the meals go on again (下周一照常 / 礼拜六接着给我整)."""


def pause_span(text: str, today: date) -> tuple[date, date] | None:
    """礼拜四礼拜五…先停了，礼拜六再接着送 → (Thursday, Friday): the days a pause is for, when
    it bounds them (the day said for going on, two days said, or one day said as one); None
    for a pause until said otherwise (住院了先停了, 从明天起先停了, 明天不在家先停了) or none."""
    plain = clean(text)
    if not PAUSE.search(plain):
        return None
    paused: list[date] = []
    going_on: list[date] = []
    for clause in re.split(r"[，,。；;！!\s]+", plain):
        (going_on if _GOING_ON.search(clause) else paused).extend(_days_in(clause, today))
    paused = [day for day in paused if day not in going_on]  # 先停到礼拜六，礼拜六再接着送
    if going_on and min(going_on) > today:
        last = max(paused) if len(set(paused)) >= 2 else min(going_on) - timedelta(days=1)
        return min(paused, default=today), last  # 这周四和周五…，下周一照常: those two
    if _FROM_ON.search(plain):
        return None  # 从明天开始住院，先停了: from then on, until said otherwise
    if len(set(paused)) >= 2 or (paused and _ONE_DAY.search(plain)):
        return min(paused), max(paused)
    return None  # 明天不在家，先停了: a pause until said otherwise, as before


_FROM_ON = re.compile(r"开始|起|以后|往后|之后")
_ONE_DAY = re.compile(r"一天|那天|这天|当天")


def _days_in(clause: str, today: date) -> list[date]:
    """The days a clause names, a weekday after 到 / 和 in the week of the one before it."""
    days: list[date] = []
    week, end = "", -1
    for match in _DAY_SAID.finditer(clause):
        if match.group(1) is None and end >= 0 and _SAME_WEEK.match(clause[end : match.start()]):
            days.append(_day_of(match, today, week))
        else:
            week = match.group(1) or ""
            days.append(_day_of(match, today, week))
        end = match.end()
    return days


def _day_of(match: re.Match[str], today: date, week: str) -> date:
    """That weekday of next week (下周二) or this week (这周四), else the next such weekday
    (today's counts); or 明天 / 后天."""
    if match.group(3):
        return today + timedelta(days=_DAYS_AHEAD[match.group(3)])
    weekday = _WEEKDAY[match.group(2)]
    monday = today - timedelta(days=today.weekday())
    if week.startswith("下"):
        return monday + timedelta(days=7 + weekday)
    if week:
        return monday + timedelta(days=weekday)
    return today + timedelta(days=(weekday - today.weekday()) % 7)
