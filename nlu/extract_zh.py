"""Entities in Mandarin: dates, meals, reminder times, quantities, how the meal is fetched,
who it is for, and health conditions. Dishes come from ``nlu.dishes``.

Spans already used by one entity are masked so that 3号 is a date, not three portions, and
早上八点 is a time, not breakfast.
"""

from __future__ import annotations

import re
from datetime import date, timedelta

from nlu import lexicon_zh as lex
from nlu.entities import Entity
from nlu.numbers import chinese_to_int

_NUM = r"[0-9]+|[零〇一二两三四五六七八九十]+"
_WEEKDAY_RE = re.compile(r"(下下|下个|下|这个|这|本)?(?:周|星期|礼拜)([一二三四五六日天1-7])")
_MONTH_DAY_RE = re.compile(rf"({_NUM})月({_NUM})[日号]?")
_DAY_RE = re.compile(rf"({_NUM})[号日]")
_TIME_RE = re.compile(
    rf"(上午|下午|早上|早晨|中午|晚上|傍晚|后晌|夜里)?({_NUM})(?:点|:|：)(半|一刻|三刻|({_NUM})分?)?"
)
_QTY_RE = re.compile(rf"({_NUM}|俩|仨)([{lex.MEASURE_WORDS}])?")


class Masked:
    """The text with a record of which characters an entity has already claimed."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.taken = [False] * len(text)

    def free(self, start: int, end: int) -> bool:
        """No entity owns any of these characters yet."""
        return not any(self.taken[start:end])

    def take(self, start: int, end: int) -> None:
        """Claim the span."""
        for i in range(start, end):
            self.taken[i] = True


def _number(text: str) -> int | None:
    return chinese_to_int(text)


def find_times(masked: Masked) -> list[Entity]:
    """Reminder times: 上午十点半 → 10:30, 下午四点 → 16:00, 晚上七点 → 19:00."""
    found = []
    for match in _TIME_RE.finditer(masked.text):
        part, hour_text, extra = match.group(1), match.group(2), match.group(3)
        hour = _number(hour_text)
        if hour is None or not masked.free(match.start(), match.end()):
            continue
        if match.group(0).endswith((":", "：")):
            continue
        minute = 0
        if extra == "半":
            minute = 30
        elif extra == "一刻":
            minute = 15
        elif extra == "三刻":
            minute = 45
        elif match.group(4):
            minute = _number(match.group(4)) or 0
        if part and lex.TIME_OF_DAY.get(part) == 12 and hour < 12:
            hour += 12
        if part in ("中午",) and hour >= 13:
            hour -= 12
        if not (0 <= hour <= 23 and 0 <= minute <= 59):
            continue
        masked.take(match.start(), match.end())
        found.append(Entity("time", f"{hour:02d}:{minute:02d}", match.start(), match.end()))
    return found


def find_dates(masked: Masked, today: date) -> list[Entity]:
    """今天/明儿/后天/大后天, 周四/下周一, 12月5日, 3号 → ISO dates from ``today``."""
    found: list[Entity] = []
    text = masked.text
    for word, days in lex.RELATIVE_DAYS:
        start = text.find(word)
        while start != -1:
            end = start + len(word)
            if masked.free(start, end):
                masked.take(start, end)
                found.append(Entity("date", (today + timedelta(days=days)).isoformat(), start, end))
            start = text.find(word, end)
    for match in _WEEKDAY_RE.finditer(text):
        if not masked.free(match.start(), match.end()):
            continue
        target = lex.WEEKDAY_WORDS[match.group(2)]
        prefix = match.group(1) or ""
        monday = today - timedelta(days=today.weekday())
        if prefix in ("下", "下个"):
            day = monday + timedelta(days=7 + target)
        elif prefix == "下下":
            day = monday + timedelta(days=14 + target)
        else:
            day = monday + timedelta(days=target)
            if day < today:
                day += timedelta(days=7)
        masked.take(match.start(), match.end())
        found.append(Entity("date", day.isoformat(), match.start(), match.end()))
    for match in _MONTH_DAY_RE.finditer(text):
        month, day_of = _number(match.group(1)), _number(match.group(2))
        if month is None or day_of is None or not masked.free(match.start(), match.end()):
            continue
        try:
            day = date(today.year, month, day_of)
        except ValueError:
            continue
        if day < today - timedelta(days=180):
            day = day.replace(year=today.year + 1)
        masked.take(match.start(), match.end())
        found.append(Entity("date", day.isoformat(), match.start(), match.end()))
    for match in _DAY_RE.finditer(text):
        day_of = _number(match.group(1))
        if day_of is None or not 1 <= day_of <= 31 or not masked.free(match.start(), match.end()):
            continue
        year, month = today.year, today.month
        if day_of < today.day:
            month += 1
            if month == 13:
                year, month = year + 1, 1
        try:
            day = date(year, month, day_of)
        except ValueError:
            continue
        masked.take(match.start(), match.end())
        found.append(Entity("date", day.isoformat(), match.start(), match.end()))
    return found


def find_words(masked: Masked, words: list[tuple[str, str]], entity: str) -> list[Entity]:
    """Fixed phrases (meals, fulfillment, beneficiary, conditions), longest first, unmasked."""
    found = []
    for word, value in sorted(words, key=lambda w: -len(w[0])):
        start = masked.text.find(word)
        while start != -1:
            end = start + len(word)
            if masked.free(start, end):
                masked.take(start, end)
                found.append(Entity(entity, value, start, end))
            start = masked.text.find(word, end)
    return sorted(found, key=lambda e: e.start or 0)


def find_quantities(masked: Masked, dish_spans: list[tuple[int, int]]) -> list[Entity]:
    """Counts of portions: a number with a measure word (两份, 一碗, 二两), 俩/仨, or a number
    right before a dish (三红烧肉). A bare 一 in 一下/一点 is not a quantity."""
    found = []
    text = masked.text
    starts = {s for s, _ in dish_spans}
    for match in _QTY_RE.finditer(text):
        number_text, measure = match.group(1), match.group(2)
        start, end = match.start(), match.end()
        if not masked.free(start, end):
            continue
        # 二两烧麦: the 两 is the measure, not part of the number
        if measure is None and len(number_text) > 1 and number_text.endswith("两"):
            number_text, measure = number_text[:-1], "两"
        value = 2 if number_text == "俩" else 3 if number_text == "仨" else _number(number_text)
        if value is None or value <= 0 or value > 99:
            continue
        follows_dish = end in starts or end + 1 in starts
        bare_ok = number_text in ("俩", "仨") or follows_dish
        if measure is None and not bare_ok and not _alone(text, start, end):
            continue
        if measure == "点" or text[end : end + 1] in ("点", "下", "起", "样", "些", "直", "定"):
            continue
        num_end = start + len(number_text)
        masked.take(start, end)
        found.append(Entity("quantity", value, start, num_end))
    return found


def _alone(text: str, start: int, end: int) -> bool:
    """The whole utterance is essentially the number (a bare answer: 两, 三个)."""
    rest = (text[:start] + text[end:]).strip(" ，。,.!！?？的吧啊呀")
    return rest in ("", "要", "来", "就", "就要", "要了")
