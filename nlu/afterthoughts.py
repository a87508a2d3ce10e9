"""What a person says on second thought or in passing, inside one Mandarin utterance:

- a count said twice for one dish (来个饺子一份): the bare measure word before the dish and the
  count after it are one count, not a count for the next dish;
- a count taken back (米饭要两碗吧。不，一碗就够了 / 两份，哦不对，三份): the later count is the
  same dish's, and it wins;
- an aside about eating at another time (鸡蛋我早上吃过了 / 我晚上热一热再吃一顿): its day and
  meal words tell what the person did or will do, not when the order is for, and a dish eaten
  already is not one to order; so is one about when a dish is served (茶叶蛋早上才有？).

Each rule works on entities with their character spans, before groups and roles are final.
- a dish kept as it is (醋溜白菜照旧 / 米饭不变): role ``keep``, neither wanted anew nor given up;
- a count refused, not the dish (馒头不要仨，俩就够了): the dish stays, with the later count.

And one on the text: Mandarin typed word by word (手把肉 我 要 两个，中午 的) is read as said
without the spaces."""

from __future__ import annotations

import re
from datetime import date
from itertools import pairwise

from nlu import lexicon_zh as lex
from nlu.entities import Entity

TAKEN_BACK = re.compile(r"(不对|错了|说错|哦不|啊不|不[，,、\s])")
"""Between two counts: the second replaces the first (不，一碗 / 不对，三份); 不是三份 instead
denies the later count, and is left to the dialogue's recount."""

ASIDE = re.compile(
    r"(?<![没未])(吃过|吃了)|已经吃|热[一]?热|再吃|留着[^，,。.！!？?；;]*[吃喝]|剩下"
)
"""A clause about eating at another time, not about the meal being ordered (没吃过 is not: a dish
never eaten is one to try)."""

EATS_ELSEWHERE = re.compile(r"(去|在|到)[^，,。.！!？?；;]{1,6}吃")
"""早上她去社区吃: where someone eats at another meal; said beside the meal of the order (是明天
晚上), it is an aside, not the order's meal."""
AVAILABLE = re.compile(r"才(有|卖|供应|做)")
"""A clause about when a dish is served (茶叶蛋早上才有？): its meal is not the order's, and the
dish is neither wanted nor refused by it."""
ORDERING = re.compile(r"[要订来改换加送拿取点]")
CLAUSE = re.compile(r"[^，,。.！!？?；;]+")
TIMING = ("date", "meal")


def bare_measure_dropped(quantities: list[Entity], dishes: list[Entity], text: str) -> list[Entity]:
    """来个饺子一份: drop the 个 when the same dish is counted right after its name (and that
    count is not the next dish's, as in 来个饺子一份鸡蛋羹)."""
    dish_starts = {d.start for d in dishes}
    kept = []
    for quantity in quantities:
        counted = text[quantity.start or 0 : quantity.end or 0]
        dish = next((d for d in dishes if 0 <= (d.start or 0) - (quantity.end or 0) <= 1), None)
        after = [
            q for q in quantities if dish is not None and 0 <= (q.start or 0) - (dish.end or 0) <= 1
        ]
        doubled = (
            counted in BARE_MEASURES
            and bool(after)
            and _measured_end(text, after[0].end or 0) not in dish_starts
        )
        if not doubled:
            kept.append(quantity)
    return kept


BARE_MEASURES = lex.MEASURE_WORDS.replace("两", "")
"""A measure word said alone means one (来个, 要碗); 两 is a number before it is a measure."""


def _measured_end(text: str, at: int) -> int:
    """Past the measure words after a count (一份, 两大碗)."""
    while at < len(text) and text[at] in lex.MEASURE_WORDS + "大小":
        at += 1
    return at


def counts_taken_back(quantities: list[Entity], text: str) -> list[Entity]:
    """米饭要两碗吧。不，一碗: a count with no dish of its own after a 不 is the same dish's, and
    replaces the count before it (which is dropped)."""
    ordered = sorted(quantities, key=lambda q: q.start or 0)
    dropped = []
    for before, later in pairwise(ordered):
        gap = text[before.end or 0 : later.start or 0]
        loose = later.group is None and later.role is None
        if loose and TAKEN_BACK.search(gap) and len(gap) <= 8:
            later.group = before.group
            dropped.append(before)
    return [q for q in quantities if all(q is not d for d in dropped)]


def asides_dropped(text: str, entities: list[Entity]) -> list[Entity]:
    """鸡蛋羹换成白菜豆腐吧，鸡蛋我早上吃过了: the aside's 早上 is dropped, and the 鸡蛋 eaten
    already is not wanted (``remove``), when another clause holds what is ordered or changed."""
    dropped: set[int] = set()
    for match in CLAUSE.finditer(text):
        start, end = match.span()
        inside = [e for e in entities if e.start is not None and start <= e.start < end]
        if not inside or any(e.entity not in (*TIMING, "dish") for e in inside):
            continue
        said = match.group()
        if _eats_elsewhere(said, inside, entities):
            dropped.update(id(e) for e in inside)
            continue
        served = AVAILABLE.search(said) is not None
        if not (ASIDE.search(said) or served) or ORDERING.search(said):
            continue
        elsewhere = text[:start] + text[end:]
        others = [e for e in entities if e not in inside]
        if any(e.entity == "dish" for e in others) or ORDERING.search(elsewhere):
            dropped.update(
                id(e)
                for e in inside
                if e.entity in TIMING and (not served or _not_the_orders(e, inside, others))
            )
            for dish in (e for e in inside if e.entity == "dish" and e.role is None):
                dish.role = None if served else "remove"
    return [e for e in entities if id(e) not in dropped]


def _not_the_orders(timing: Entity, inside: list[Entity], others: list[Entity]) -> bool:
    """茶叶蛋早上才有？那不要了，光要面: when a dish is served is not the order's day or meal
    when that dish is given up, the order names its own, or wants another dish; 红烧肉明天才有，
    那就订一份 orders it then."""
    served = {e.value for e in inside if e.entity == "dish"}
    refused = any(e.entity == "dish" and e.role == "remove" for e in inside)  # 那不要了
    wanted_other = any(
        e.entity == "dish" and e.role in (None, "add") and e.value not in served for e in others
    )
    return refused or wanted_other or any(e.entity == timing.entity for e in others)


def _eats_elsewhere(said: str, inside: list[Entity], entities: list[Entity]) -> bool:
    """A clause of only a meal (or day) and where someone eats then (早上她去社区吃), while
    another clause names another meal: the other one is the order's."""
    meals = {e.value for e in inside if e.entity == "meal"}
    others = {e.value for e in entities if e.entity == "meal" and e not in inside}
    only_timing = all(e.entity in TIMING for e in inside)
    return (
        only_timing and bool(meals) and bool(others - meals) and bool(EATS_ELSEWHERE.search(said))
    )


COMPARED = re.compile(r"^的?(一样|那样|似的)")
"""After a day: the day is one compared with (跟昨天一样), not the one the order is for."""


def compared_days_dropped(text: str, entities: list[Entity]) -> list[Entity]:
    """今天晌午还跟昨天一样: 昨天 names the meal to copy, not the day of the order."""
    dates = [e for e in entities if e.entity == "date"]

    def compared(e: Entity) -> bool:
        before = text[max(0, (e.start or 0) - 1) : e.start or 0]
        if before not in ("跟", "和", "同", "像") or not COMPARED.match(text[e.end or 0 :]):
            return False
        joined = any(d.end == (e.start or 0) - 1 for d in dates)  # 明天和后天一样: both days
        return not (joined and before in ("和", "同"))

    return [e for e in entities if not (e.entity == "date" and compared(e))]


_CLAUSE = re.compile(r"[^，,。.！!？?；;]+")
_OF_AN_ORDER = ("dish", "meal", "fulfillment", "quantity")


def past_told_dropped(text: str, entities: list[Entity], today: date) -> list[Entity]:
    """我跟你说，昨天隔壁老姐妹来串门。明天中午给我来一份手把肉: a day gone by, in a clause that
    names nothing of a meal, beside a day to come, tells what happened; the order is for the
    day to come."""
    days = [e for e in entities if e.entity == "date"]
    if not any(_day(e) >= today for e in days):
        return entities
    clauses = [(m.start(), m.end()) for m in _CLAUSE.finditer(text)]

    def told(e: Entity) -> bool:
        if _day(e) >= today:
            return False
        at = e.start or 0
        start, end = next(((a, b) for a, b in clauses if a <= at < b), (at, at))
        return not any(
            (o.entity in _OF_AN_ORDER or (o.entity == "date" and _day(o) >= today))
            and start <= (o.start or 0) < end
            for o in entities
        )

    return [e for e in entities if not (e.entity == "date" and told(e))]


def _day(e: Entity) -> date:
    return date.fromisoformat(str(e.value))


SPACED = re.compile(r"(?<=[\u4e00-\u9fff]) (?=[\u4e00-\u9fff])")


def word_spaces_closed(text: str) -> tuple[str, list[int]]:
    """Mandarin typed with a space after every word or two (送 我 家 能 不 能): the text without
    those spaces, and where each of its characters stands in ``text``. A text with only a
    pause or two in it (那个 嗯 两份) keeps them: there a space may end a clause."""
    spaces = SPACED.findall(text)
    words = [w for w in re.split(r"[\s，,。.！!？?、；;]+", text) if w]
    spaced_out = (
        len(spaces) >= 2 and len(spaces) * 2 >= len(words) - 1 and all(len(w) <= 4 for w in words)
    )
    if not spaced_out:
        return text, list(range(len(text)))
    kept = [i for i in range(len(text)) if not (text[i] == " " and SPACED.match(text, i))]
    return "".join(text[i] for i in kept), kept


KEPT = re.compile(
    r"\s*(就|还|都|也)?(照旧|不变|不动|别动|照常|保持不变|还是那样|留着(?![^，,。.！!？?；;]*[吃喝])|要(?=$|[，,。.！!？?；;\s]))"
)
"""醋溜白菜照旧 / 白菜豆腐也留着 / 米饭还要 (not 留着晚上吃: an aside about eating later; not
米饭还要一碗, which adds)."""


def kept_as_is(text: str, entities: list[Entity]) -> None:
    """醋溜白菜照旧: the dish stays as it is in the order (role ``keep``): not added again, not
    taken out."""
    editing = any(e.role in ("remove", "replace_from", "replace_to") for e in entities)
    for dish in entities:
        kept = KEPT.match(text, dish.end or 0) if dish.entity == "dish" else None
        if kept is None or dish.role is not None:
            continue
        if kept.group(0).strip() == "都要" and not editing:
            continue  # 米饭和馒头都要，各一份: both wanted (nothing else is changed)
        dish.role = "keep"


REFUSED_COUNT = re.compile(r"\s*(不要|别要|不用|甭要)\s*$")


def count_not_dish_refused(text: str, entities: list[Entity]) -> list[Entity]:
    """馒头不要仨，俩就够了: what is refused is the count; the dish is wanted with the count
    said after (which takes its group); the refused count goes."""
    quantities = sorted((e for e in entities if e.entity == "quantity"), key=lambda q: q.start or 0)
    dropped: list[Entity] = []
    for dish in (e for e in entities if e.entity == "dish" and e.role == "remove"):
        said = next((q for q in quantities if q.group == dish.group and q not in dropped), None)
        if said is None or (said.start or 0) < (dish.end or 0):
            continue
        if not REFUSED_COUNT.search(text[dish.end or 0 : said.start or 0]):
            continue
        later = [q for q in quantities if (q.start or 0) > (said.end or 0) and q.group is None]
        if later:
            dish.role, later[0].group = None, dish.group
            dropped.append(said)
    return [e for e in entities if all(e is not d for d in dropped)]
