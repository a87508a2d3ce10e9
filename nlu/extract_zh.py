"""Entities in Mandarin: dates, meals, reminder times, quantities, how the meal is fetched,
who it is for, and health conditions. Dishes come from ``nlu.dishes``.

Spans already used by one entity are masked so that 3号 is a date, not three portions, and
早上八点 is a time, not breakfast.
"""

from __future__ import annotations

import functools
import re
from datetime import date, timedelta
from functools import lru_cache

from pypinyin import Style, lazy_pinyin

from nlu import lexicon_zh as lex
from nlu.entities import Entity
from nlu.numbers import chinese_to_int

_NUM = r"[0-9]+|[零〇一二两三四五六七八九十百]+"
_WEEKDAY_RE = re.compile(
    r"(下下个|下下|下个|下|上个|上|这个|这|本)?(?:周|星期|礼拜)([一二三四五六日天1-7])"
)
_MONTH_DAY_RE = re.compile(rf"({_NUM})月({_NUM})[日号]?")
_DAY_RE = re.compile(rf"(下个月|下月)?({_NUM})[号日](?![楼院门窗床房线车铺单元室])")
_TIME_RE = re.compile(
    rf"(上午|下午|早上|早晨|早起|中午|晌午|晚上|黑夜|傍晚|后晌|夜里)?({_NUM})(点钟|点|:|：)"
    rf"(半|一刻|三刻|({_NUM})分|([0-9]{{2}})|({_NUM})(?![{lex.MEASURE_WORDS}大小]))?"
)
_QTY_RE = re.compile(
    rf"({_NUM}|俩|仨)([大小]?)([{lex.MEASURE_WORDS}])?(?!钟头|小时|多小时|多钟头|半小时|钟|分钟|星期|礼拜|月)"
)
"""A count of portions; not a stretch of time (等了一个钟头, 晚了一个小时)."""
_NOT_A_TIME_BEFORE = ("快", "少", "慢", "多", "来", "有", "差", "早", "晚", "吃", "要", "放")


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
    """Reminder times: 上午十点半 → 10:30, 下午四点 → 16:00, 晚上十二点 → 00:00, 12:30.

    A bare 一点 is "a little" (来一点儿, 快一点), not one o'clock, unless a part of the day or
    minutes come with it.
    """
    found = []
    text = masked.text
    for match in _TIME_RE.finditer(text):
        part, hour_text, mark = match.group(1), match.group(2), match.group(3)
        hour = _number(hour_text)
        if hour is None or not masked.free(match.start(), match.end()):
            continue
        minute_text = match.group(4)
        if mark in (":", "：") and not match.group(6):
            continue  # 12: alone is not a time
        if mark.startswith("点") and not part and not minute_text:
            before = text[match.start() - 1 : match.start()]
            after = text[match.end() : match.end() + 1]
            if hour < 2 or before in _NOT_A_TIME_BEFORE or after in ("儿", "点"):
                continue
        minute = 0
        if minute_text == "半":
            minute = 30
        elif minute_text == "一刻":
            minute = 15
        elif minute_text == "三刻":
            minute = 45
        elif minute_text:
            minute = _number(match.group(5) or match.group(6) or match.group(7) or "") or 0
        hour = _on_the_clock(part, hour)
        if not (0 <= hour <= 23 and 0 <= minute <= 59):
            continue
        masked.take(match.start(), match.end())
        found.append(Entity("time", f"{hour:02d}:{minute:02d}", match.start(), match.end()))
    return found


def _on_the_clock(part: str | None, hour: int) -> int:
    """The 24-hour hour for 下午两点, 中午一点, 晚上十二点 (midnight), 夜里一点."""
    if part in ("下午", "后晌", "傍晚") and hour < 12:
        return hour + 12
    if part in ("中午", "晌午") and hour < 6:
        return hour + 12  # 中午一点 is 13:00; 中午十二点 stays 12:00
    if part in ("晚上", "黑夜"):
        if hour == 12:
            return 0
        return hour + 12 if 5 <= hour < 12 else hour
    if part == "夜里":
        return 0 if hour == 12 else hour
    return hour


_DAY_MEAL_RE = re.compile(
    r"(?<![聪说光证分文透清发表声简鲜英精高至如而古现当自从年月])(今|明|昨)"
    r"(早上|早饭|早餐|早点|早晨|早起|晚上|晚饭|晚餐|晌午饭|晌午|早|晚)"
)
_DAY_OF = {"今": 0, "明": 1, "昨": -1}
_MEAL_OF = {"早": "breakfast", "晚": "dinner", "晌": "lunch"}


def find_day_meals(masked: Masked, today: date) -> list[Entity]:
    """明早 / 今晚 / 昨晚: a day and a meal in two characters, as a date (the first) and a meal
    (the second). Not inside a word that only holds them (聪明, 如今)."""
    found: list[Entity] = []
    for match in _DAY_MEAL_RE.finditer(masked.text):
        start, end = match.start(), match.end()
        if not masked.free(start, end):
            continue
        masked.take(start, end)
        day = (today + timedelta(days=_DAY_OF[match.group(1)])).isoformat()
        found.append(Entity("date", day, start, start + 1))
        found.append(Entity("meal", _MEAL_OF[match.group(2)[0]], start + 1, end))
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
        elif prefix in ("下下", "下下个"):
            day = monday + timedelta(days=14 + target)
        elif prefix in ("上", "上个"):
            day = monday - timedelta(days=7 - target)
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
            masked.take(match.start(), match.end())  # 2月30号 is no date, and not 30号 either
            continue
        if day < today - timedelta(days=180):
            day = day.replace(year=today.year + 1)
        masked.take(match.start(), match.end())
        found.append(Entity("date", day.isoformat(), match.start(), match.end()))
    for match in _DAY_RE.finditer(text):
        day_of = _number(match.group(2))
        if day_of is None or not 1 <= day_of <= 31 or not masked.free(match.start(), match.end()):
            continue
        year, month = today.year, today.month
        if match.group(1) or day_of < today.day:
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
    """Fixed phrases (meals, fulfillment, beneficiary, conditions), longest first, unmasked;
    a meal word greeting someone (早上好, 晚上好) is no meal."""
    found = []
    spaced = any(ch.isspace() for ch in masked.text)
    for word, value in sorted(words, key=lambda w: -len(w[0])):
        for start, end in _occurrences(masked.text, word, spaced):
            greeting = entity == "meal" and masked.text[end : end + 1] == "好"
            if masked.free(start, end) and not greeting:
                masked.take(start, end)
                found.append(Entity(entity, value, start, end))
    return sorted(found, key=lambda e: e.start or 0)


def _occurrences(text: str, word: str, spaced: bool) -> list[tuple[int, int]]:
    """Where ``word`` is in ``text``, also with spaces between its characters when the text has
    any (送 家里: a recogniser's or a slow typist's pause inside a phrase)."""
    if not spaced or len(word) < 2:
        spans, start = [], text.find(word)
        while start != -1:
            spans.append((start, start + len(word)))
            start = text.find(word, start + len(word))
        return spans
    return [(m.start(), m.end()) for m in _spaced(word).finditer(text)]


@functools.lru_cache(maxsize=4096)
def _spaced(word: str) -> re.Pattern[str]:
    return re.compile(r"[ \t\u3000]?".join(re.escape(ch) for ch in word))


_CLAUSE_MARKS = "，,。.；;！!？?、"
"""Between a count and the next dish, a mark ends the count's clause (是7块，馒头1块: a price)."""


def find_quantities(masked: Masked, dish_spans: list[tuple[int, int]]) -> list[Entity]:
    """Counts of portions: a number with a measure word (两份, 一碗, 二两), 俩/仨, or a number
    right before a dish (三红烧肉). A bare 一 in 一下/一点 is not a quantity."""
    found = []
    text = masked.text
    starts = {s for s, _ in dish_spans}
    ends = {e for _, e in dish_spans}
    for match in _QTY_RE.finditer(text):
        number_text, measure = match.group(1), match.group(3)
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
        names_next = end in starts or (end + 1 in starts and text[end] not in _CLAUSE_MARKS)
        after_dish = start in ends and number_text.isdigit() and _ends_a_word(text, end)
        bare_ok = number_text in ("俩", "仨") or follows_dish or after_dish  # 茶叶蛋2 送家
        bare_ok = (
            bare_ok
            or text[max(0, start - 2) : start] in ("改成", "改为", "换成")
            or (text[max(0, start - 1) : start] == "改" and number_text.isdigit())  # 饺子改3
            or (text[max(0, start - 1) : start] == "各")
        )
        if measure is None and not bare_ok and not _alone(text, start, end):
            continue
        if measure == "点" or text[end : end + 1] in ("点", "下", "起", "样", "些", "直", "定"):
            continue
        if measure is None and text[end : end + 1] in _TIME_UNITS:
            continue
        if measure == "块" and (text[end : end + 1] in ("钱", "五", "半") or not names_next):
            continue  # 十五块钱 / 八块，行嘞 is a price, not portions (一块豆腐 is)
        if text[start - 1 : start] == "这" and not follows_dish:
            continue  # 每天都是这俩 / 就这两样: these ones, not how many
        if text[end : end + 1] in ("都", "人"):
            continue  # 俩都订上 / 两个都要 / 我一个人: both of them, people, not portions
        if number_text == "一" and measure == "块" and text[end : end + 1] in "儿吃去来走坐住":
            continue  # 一块吃 / 一块儿去 is "together"
        num_end = start + len(number_text)
        masked.take(start, end)
        found.append(Entity("quantity", value, start, num_end))
    found += _heard_portions(masked, dish_spans)
    found += _implicit_ones(masked, starts)
    return sorted(found, key=lambda e: e.start or 0)


_TIME_UNITS = ("天", "顿", "周", "礼", "星", "号", "回", "次", "年", "月", "岁")
"""俩天都一样 / 两顿: a number of days or meals, not of portions."""


def _ends_a_word(text: str, end: int) -> bool:
    """Nothing more of the word after a figure: the end, a space or a mark (茶叶蛋2 送家)."""
    return end >= len(text) or not ("\u4e00" <= text[end] <= "\u9fff" or text[end].isalnum())


_HEARD_PORTION = re.compile(rf"({_NUM}|俩|仨)分(?![钟钱])")


def _heard_portions(masked: Masked, dish_spans: list[tuple[int, int]]) -> list[Entity]:
    """小米周两分 / 一分羊肉面: 分 for 份, as a recogniser writes it, right next to a dish (never
    十分好吃, 两分钟, 五分钱)."""
    found = []
    ends = {e for _, e in dish_spans}
    starts = {s for s, _ in dish_spans}
    for match in _HEARD_PORTION.finditer(masked.text):
        start, end = match.span()
        value = _number(match.group(1)) if match.group(1) not in ("俩", "仨") else None
        value = value or (2 if match.group(1) == "俩" else 3 if match.group(1) == "仨" else None)
        if match.group(1) == "十":
            continue  # 十分好吃: very
        near_dish = start in ends or end in starts
        if value and 0 < value <= 99 and near_dish and masked.free(start, end):
            masked.take(start, end)
            found.append(Entity("quantity", value, start, start + len(match.group(1))))
    return found


_IMPLICIT_MEASURES = "个碗份盘笼杯根块串碟屉盒"
_IMPLICIT_VERBS = "来要订整点买加拿给添再还整换"


def _implicit_ones(masked: Masked, dish_starts: set[int]) -> list[Entity]:
    """A measure word with no number before a dish means one: 来个鸡蛋羹, 要碗面, 订份饺子.

    Only after a verb of wanting (not 这个, 那个, 哪个) and right before a dish.
    """
    found = []
    text = masked.text
    for i, char in enumerate(text):
        if char not in _IMPLICIT_MEASURES or not masked.free(i, i + 1):
            continue
        before = text[i - 1 : i] if i else ""
        if before not in _IMPLICIT_VERBS:
            continue
        filler = 3 if text[i + 1 : i + 3] == "那个" else 0  # 再加个那个清真鱼
        if not any(s in dish_starts for s in (i + 1 + filler, i + 2)) or (
            i + 2 in dish_starts and text[i + 1] not in "大小的"
        ):
            continue
        masked.take(i, i + 1)
        found.append(Entity("quantity", 1, i, i + 1))
    return found


def _alone(text: str, start: int, end: int) -> bool:
    """The whole utterance is essentially the number (a bare answer: 两, 三个)."""
    rest = (text[:start] + text[end:]).strip(" ，。,.!！?？的吧啊呀")
    return rest in ("", "要", "来", "就", "就要", "要了")


_EVERYDAY = frozenset("那这哪在的了是吧吗呢啊么去来也就都还和跟给我你他她它不没有")
"""Characters so common that, written, they are meant: never a homophone of the phrase's own."""


@lru_cache(maxsize=4096)
def _sound(char: str) -> str:
    """A character's syllable without its tone (食 and 石 both shi)."""
    sounds = lazy_pinyin(char, style=Style.NORMAL, errors="ignore")
    return sounds[0] if sounds else char


def find_sounding(masked: Masked, words: list[tuple[str, str]], entity: str) -> list[Entity]:
    """Phrases of three characters or more written with one homophone, as a recogniser or a
    hurried hand writes them: 在食糖吃 (在食堂吃), 送到加 (送到家). Every syllable must sound the
    same and every character but one be the phrase's own; only where nothing was found."""
    found = []
    text = masked.text
    for word, value in sorted(words, key=lambda w: -len(w[0])):
        size = len(word)
        if size < 3:
            continue
        sounds = [_sound(c) for c in word]
        for start in range(0, len(text) - size + 1):
            window = text[start : start + size]
            same = sum(a == b for a, b in zip(window, word, strict=True))
            if same != size - 1 or not masked.free(start, start + size):
                continue
            if any(a != b and a in _EVERYDAY for a, b in zip(window, word, strict=True)):
                continue  # 自己过去那儿吃: 那 is itself, not 拿 misheard
            if all(_sound(c) == s for c, s in zip(window, sounds, strict=True)):
                masked.take(start, start + size)
                found.append(Entity(entity, value, start, start + size))
    return found
