"""Who wants what: roles for dishes, days, meals and ways that are refused, swapped or added.

A rule over word classes, not over sentences: a refusal word (不要, 别, 去掉…) covers the
things after it up to the end of its clause, or the thing just before it when it follows
(米饭不要了); a swap word (换成, 改成, 不是…是…) makes what comes before it ``replace_from``
and what comes after ``replace_to``; an adding word (再加, 还要…) makes what follows ``add``.
Why this matters more than any other entity: a refused dish taken as wanted is the one error
that puts a meal on the table that the elder said she did not want.
"""

from __future__ import annotations

import itertools
import re

from nlu.entities import Entity
from nlu.lexicon_zh import BENEFICIARY

ROLE_KINDS = frozenset({"dish", "date", "meal", "fulfillment"})
REFUSABLE = frozenset({"dish", "fulfillment"})
"""A day or meal said with 不要 names the order meant (明天的饭不要了), it is not refused."""

REFUSE_BEFORE = (
    "甭整", "别整", "不整", "不订", "甭订", "别订", "不点", "别点", "不要", "不用", "别要",
    "别给我", "别给", "别来", "别", "不吃", "去掉", "免了", "不想要", "甭要", "甭",
    "不想吃", "不想喝", "不让吃", "不让喝", "不敢吃", "不敢喝", "不能吃", "不能喝", "嫑",
    *(f"{no}给{who}{verb}" for no in ("别", "甭", "不要", "不用") for who in "我他她俺"
      for verb in "订要来点整"),
)  # fmt: skip
"""Said before what is refused: 不要红烧肉 (医生不让吃手把肉: not allowed, not dared, cannot;
别给他订手把肉: not for him)."""
REFUSE_AFTER = tuple(dict.fromkeys((
    "不要了", "不要", "不用了", "不用", "去掉", "拿掉", "就算了", "算了", "别要了", "别要",
    "免了", "不吃了", "不吃", "甭要了", "甭要", "删了", "删掉", "撤了", "减掉", "退了", "取消了",
    "拉倒吧", "拉倒", "都去了", "去了", "甭整了", "甭整", "不整了", "别整了", "算球了", "算球",
    "吃腻了", "喝腻了", "不喝了", "不喝", "划掉", "取消掉", "别给我了", "别给他", "别给她",
    "去掉去掉", "不稀罕了", "不稀罕", "就别订了", "别订了", "别订", "不能要",
    "别给我配了", "别配了", "不用配了", "不想吃了", "不想吃", "不让吃", "不让喝", "不敢吃",
    "不敢喝", "不能吃", "不能喝", "嫑了", "嫑",
    *(f"{no}{verb}{done}" for no in "不别甭" for verb in "要订点整" for done in ("了", "")),
    "别来了", "别来", "甭来了", "甭来",
    *(f"{no}{me}{verb}了" for no in ("别", "甭", "不用") for me in ("给我", "")
      for verb in ("拿", "上", "做", "带", "准备")),
)))  # fmt: skip
"""Said after what is refused: 米饭不要了, 把馒头去掉, 鸡蛋羹别点了 (any 不/别/甭 before a verb of
wanting), 奶茶别给我拿了 (nor before one of bringing it: not 别送了, which may refuse the
delivery alone), 羊杂汤医生不让喝 / 南瓜粥俺不敢喝 (not allowed, not dared)."""
CANNOT = ("不让", "不敢", "不能")
"""Refusing for a reason nobody chose; said as a question (手把肉不能吃吗) it only asks."""
DIALECT = ((re.compile(r"咧(?!嘴)"), "了"), (re.compile(r"莫(?=[要订点给整吃喝来再])"), "别"))
"""Said in Shanxi and Inner Mongolia (就算咧, 羊排莫要了): read as 了 and 别, one character for
one, so every span still points into what was said."""
SWAP_WORDS = (
    "换成", "改成", "换为", "改为", "换作", "改到", "换到", "挪到", "改订", "换个", "调成", "调到",
    "换", "改",
)  # fmt: skip
"""Between what is given up and what is wanted instead: 把红烧肉换成鱼."""
ADD_WORDS = (
    "再加", "再来", "再要", "还要", "另外", "多加", "再给", "再添", "再整", "再订", "添", "顺便来",
    "顺便要", "顺便订", "顺便加", "顺带",
)  # fmt: skip
"""Before what is added to what was said: 再加一份米饭."""

_CLAUSE_BREAK = re.compile(r"[，,。.！!？?；;、\s]")
_NOT_A_REFUSAL = (
    "不用多",
    "不要多",
    "不要钱",
    "要不要",
    "要不",
    "不要紧",
    "别的",
    "别人",
    "不用谢",
    "不吃辣",
    "不吃太",
    "特别",
    "分别",
    "区别",
    "告别",
    "差别",
)
_WANT_WORDS = ("要", "来", "订", "整", "点")
OTHERS_BEFORE = re.compile(r"(别的|其他|其它|其余|旁的|剩下的)[^，,。.！!？?；;]{0,3}$")
"""别的不要 / 别的甚也不要: what is refused is everything but what was named."""
THAT_IS_ALL = ("拉倒吧", "拉倒", "算了", "就算了", "得了")
"""来碗羊杂汤拉倒 (dialect: a bowl of mutton-offal soup and that's it): said right after a dish
asked for, it ends the wish; said alone after a dish (羊杂汤拉倒吧) it gives the dish up."""
WISH_RIGHT_BEFORE = re.compile(r"(来|要|整)[一二两俩三仨个碗份盘杯条]*[^的，,。.！!？?；;\s]{1,8}$")
"""来碗羊杂汤 (拉倒): the wish governs the dish itself; 我订的羊杂汤 (拉倒吧) names one given up."""
IF_NONE = re.compile(r"没有(的话)?[，,\s]*就?$")
"""有没有素包子，没有就算了: giving up only if there is none, which is not a refusal."""
"""A wish starting again after a refusal (不要红烧肉 要清蒸鱼 / 花圈不要 要两个肉笼)."""


def assign_roles(text: str, entities: list[Entity]) -> None:
    """Set ``role`` on the dish, date, meal and fulfillment entities in place."""
    targets = sorted(
        (e for e in entities if e.entity in ROLE_KINDS and e.start is not None),
        key=lambda e: e.start or 0,
    )
    if not targets:
        return
    text = _fold_dialect(text)
    blocked = _entity_mask(text, entities)
    _corrections(text, targets, blocked)
    _swaps(text, targets, blocked)
    _refusals(text, targets, blocked)
    _refused_for_someone(text, targets)
    _refused_then_named(text, targets, blocked)
    _additions(text, targets, blocked)
    _one_more_of(text, targets)
    _done_without(text, targets)
    _refusal_clause_after_reason(text, targets)
    _all_but(text, targets)
    _refused_for_a_reason(text, targets)
    _refused_then_swapped(text, targets)
    _refused_stays_refused(text, targets)
    _one_way_refused(text, targets)


_NEGATIONS = ("不", "别", "甭", "没")


def _fold_dialect(text: str) -> str:
    """The text with dialect words read as their Mandarin ones, of the same length."""
    for pattern, plain in DIALECT:
        text = pattern.sub(plain, text)
    return text


THAT_ONE = re.compile(
    r"(那个|这个|那份|这份|那道|那碗|这碗|那样|刚才的|刚才(说|点|订|要)的)[我俺就也都]*$"
)
"""刚才说的那个 (不要了): a dish refused before it is named."""
NAMED_NEXT = re.compile(
    r"^[了吧啊呀\s，,。.]*((嗯|啊|呃|哎|就|是|我说的|俺说的|说的|那个|这个|那道|那碗)[\s，,]*)*"
    r"[^\s，,。.要来订整点换改加]?$"
)
"""嗯 就那个 (炖羊排): nothing but naming it, no new wish, between the refusal and the dish (one
more character may be the start of its name misheard: 顿羊排)."""


NAME_ENDS = re.compile(r"[了啊呀嘛\s]*([，,。.！!？?；;]|$)")
"""The dish named ends its clause (嗯 就那个炖羊排): not 红烧肉要两份 / 手把肉吧, which want it."""


def _refused_then_named(text: str, targets: list[Entity], blocked: list[bool]) -> None:
    """刚才说的那个不要了 嗯 就那个炖羊排: a refusal of 'that one' names what it refuses right
    after it; 那个不要了，来碗羊杂汤 asks for another dish instead."""
    for start, end in _find(text, REFUSE_AFTER, blocked):
        clause_from = _clause_start(text, start)
        if not THAT_ONE.search(text[clause_from:start]) or _not_a_refusal(text, start):
            continue
        if any(clause_from <= (e.start or 0) < start for e in targets):
            continue
        named = _first_after(targets, end)
        if (
            named is not None
            and named.entity == "dish"
            and named.role is None
            and NAMED_NEXT.match(text[end : named.start or 0])
            and NAME_ENDS.match(text[named.end or 0 :])
        ):
            named.role = "remove"


def _one_way_refused(text: str, targets: list[Entity]) -> None:
    """别送了我在那儿吃: one way of getting the meal is refused; another said after it is the
    way wanted instead, not a second refusal (unless it is refused itself: 也不在食堂吃)."""
    refused = [e for e in targets if e.entity == "fulfillment" and e.role == "remove"]
    for later in refused[1:]:
        negated = text[max(0, (later.start or 0) - 1) : later.start or 0] in _NEGATIONS
        if later.value != refused[0].value and not negated:
            later.role = None


_BARE_REFUSAL = re.compile(
    r"^(有的话|有|的话|[我俺就那还是都也])*((不要了|不要|算了|拉倒吧|拉倒|免了|去掉|甭要了|甭要|不吃了|不喝了|别要了|不稀罕)[吧啊呀了]*)+$"
)


def _refusal_clause_after_reason(text: str, targets: list[Entity]) -> None:
    """宫保鸡丁有花生我吃不了，不要了 / 手把肉太硬咬不动，算了，来一份清蒸鱼: a clause that is only
    a refusal refers to the last dish named in the clauses just before it."""
    clauses = [m for m in re.finditer(r"[^，,。.！!？?；;、\s]+", text)]
    for i, clause in enumerate(clauses):
        if not _BARE_REFUSAL.match(clause.group().strip()) or i == 0:
            continue
        earlier = [
            e
            for e in targets
            if e.entity == "dish"
            and (e.end or 0) <= clause.start()
            and (e.start or 0) >= clauses[max(0, i - 2)].start()
        ]
        if "都" in clause.group():  # 鱼香肉丝、肉龙都是猪肉的吧，都甭要: every one of them
            for e in earlier:
                if e.role is None:
                    e.role = "remove"
        elif earlier and earlier[-1].role is None:
            earlier[-1].role = "remove"


ALL_BUT = re.compile(r"除了|除去")
ANY_OTHER = re.compile(
    r"^[^。.！!？?；;]{0,14}?(?:以外|之外)?[，,\s]*(?:别的|旁的|其他|其它|剩下的)?[，,\s]*"
    r"(都行|都中|都可以|都成|都好|都能吃|都爱吃|随便)"
)
"""除了手把肉和炖羊排，别的都行 / 除了羊杂汤都中: what follows 除了 (to the first pause) is what is
not wanted; but 除了鸡蛋羹再来碗米饭 / 除了鸡蛋羹还有米饭 add to it, 除了鸡蛋羹别的都不要 wants
only it, and 除了羊杂汤还有什么汤 only asks."""


def _all_but(text: str, targets: list[Entity]) -> None:
    """The dishes between 除了 and 都行 (or 别的, 还有啥) are refused."""
    for match in ALL_BUT.finditer(text):
        rest = ANY_OTHER.match(text[match.end() :])
        if rest is None:
            continue
        stop = match.end() + rest.start(1)
        first_break = _CLAUSE_BREAK.search(text, match.end())
        if first_break is not None:
            stop = min(stop, first_break.start())  # 除了手把肉，大烩菜和蒸南瓜都行: only 手把肉
        if any(w in text[match.end() : stop] for w in ("要", "来", "还要")):
            continue  # 我除了要手把肉还要羊杂汤: both wanted
        for e in targets:
            if e.entity == "dish" and e.role is None and match.end() <= (e.start or 0) < stop:
                e.role = "remove"


REASON = re.compile(
    r"太(硬|油|腻|咸|辣|甜|肥|贵|酸|凉|烫|膻)|嚼不动|咬不动|吃不了|吃不动|吃不惯|不爱吃|膻得很|"
    r"不好嚼|塞牙|啃不动|牙不好|牙口不好"
)
"""Why a dish is not wanted (手把肉太硬了，俺咬不动): said of a dish before another is asked for."""
WISHED = ("不", "别", "没", "甭", "不要", "别要", "可别", "千万", "不能", "别弄")
"""Before 太咸 / 太烫: a wish about how it is cooked (别太咸), not a reason to refuse it."""
WISH_TAIL = re.compile(
    r"(那|就|那就|嗯|哎)?(我|俺)?(给我|给俺|给她|给他|给咱)?再?(来|要|换成|换|整|订)"
    r"[一二两俩三仨个碗份盘杯条]*$"
)
"""给我来个 / 再来碗 / 换成: the words right before the other dish, asking for it."""
ONLY_TALK = re.compile(r"[了啊呀吧哇的，,。.！!\s我俺他她实在真有点就是说那个嗯呃]")
"""What may stand between a reason and the next wish besides other reasons (了，俺…)."""


def _refused_for_a_reason(text: str, targets: list[Entity]) -> None:
    """手把肉太硬了，俺咬不动，来个蛋羹 / 羊排太硬我嚼不动给我来个鸡蛋羹: a dish said with why it is
    not wanted, then another dish asked for: the first is refused. Only when nothing but reasons
    stands between (太硬了，给我炖烂一点，再来碗米饭 / 太贵了，我就要它 keep it), and alone
    (羊排太硬了) it is a complaint: nothing is refused."""
    dishes = [e for e in targets if e.entity == "dish"]
    for first, later in itertools.pairwise(dishes):
        if first.role is not None or later.role not in (None, "add") or first.value == later.value:
            continue
        between = text[first.end or 0 : later.start or 0]
        reason = REASON.search(between)
        if reason is None or len(between[: reason.start()]) > 4:
            continue  # the reason must be said of this dish, right after it
        if between[max(0, reason.start() - 2) : reason.start()].endswith(WISHED):
            continue  # 鸡蛋羹别太烫，再来碗米饭: how it is wanted, not why it is not
        wish = WISH_TAIL.search(between)
        if wish is None or wish.start() < reason.end():
            continue
        start, stop = (first.end or 0) + reason.end(), (first.end or 0) + wish.start()
        rest = "".join(  # 周六中午 between says when the other dish is wanted: no condition
            " "
            if any(e.entity != "dish" and (e.start or 0) <= at < (e.end or 0) for e in targets)
            else char
            for at, char in enumerate(text[start:stop], start)
        )
        if len(ONLY_TALK.sub("", REASON.sub("", rest))) <= 1:
            first.role = "remove"


SWAPPED_IN = re.compile(r"^[，,。.；;\s]*(那|就|那就|给我|给俺)?(换成|换|改成|改)")


REFUSED_FOR = re.compile(r"(别|甭|不要|不用)给([^，,。.！!？?；;\s]{1,5}?)(订|要|来|点|整|上)")
"""别给我妈订 / 别给老头子订 / 不要给他们来: what follows is refused for that person."""


def _refused_for_someone(text: str, targets: list[Entity]) -> None:
    """别给老头子订红烧排骨，给他来个鸡蛋羹: the dish right after 别给…订 is refused (the
    pronouns alone are among ``REFUSE_BEFORE``; a relative or a name can stand there too)."""
    for match in REFUSED_FOR.finditer(text):
        after = [e for e in targets if (e.start or 0) >= match.end() and e.entity == "dish"]
        if after and after[0].role is None and _gap_ok(text, match.end(), after[0].start or 0):
            after[0].role = "remove"


def _refused_then_swapped(text: str, targets: list[Entity]) -> None:
    """炖羊排不要了，换一碗羊杂汤吧: a dish refused, then the next clause swapping one in; a swap
    said, so the first is ``replace_from`` and the other ``replace_to``."""
    for first, later in itertools.pairwise(targets):
        if first.entity != "dish" or later.entity != "dish" or first.role != "remove":
            continue
        if later.role is not None:
            continue
        after_refusal = text[first.end or 0 : later.start or 0]
        clause_break = re.search(r"[，,。.；;\s]", after_refusal)
        if clause_break and SWAPPED_IN.match(after_refusal[clause_break.start() :]):
            first.role, later.role = "replace_from", "replace_to"
        elif SWAP_SAID_LAST.match(text, later.end or 0):
            first.role, later.role = "replace_from", "replace_to"  # …山药炖羊肉，换。


SWAP_SAID_LAST = re.compile(r"[，,\s]*(换|换上|换成这个|换这个|换吧|换了吧)[吧啊呀。.！!\s]*$")
"""手把肉不要。山药炖羊肉，换。: the verb last, as in Mongolian word order: the dish before it is
what is wanted instead of the one refused."""


def _refused_stays_refused(text: str, targets: list[Entity]) -> None:
    """A refused dish named again (米饭不要…奶奶说米饭太硬) is still refused; but a refusal of
    one person's share (爷爷要手把肉，奶奶的不要手把肉) leaves it wanted where said before."""
    refused = [e for e in targets if e.role in ("remove", "replace_from")]
    for e in targets:
        if e.role is not None:
            continue
        same = [r for r in refused if (r.entity, r.value) == (e.entity, e.value)]
        if same and not (
            all(_one_share(text, r) for r in same) and (e.start or 0) < (same[0].start or 0)
        ):
            e.role = same[0].role


ONES_SHARE = re.compile(
    "(" + "|".join(sorted({w for w, _ in BENEFICIARY} | {"她", "他"}, key=len, reverse=True)) + ")"
    r"(的|那份|那碗|那个)"
)
"""奶奶的 / 她那份: one person's share of what the table orders."""


def _one_share(text: str, refused: Entity) -> bool:
    """Whether the clause that refuses the dish says whose share it is (奶奶的不要手把肉)."""
    return bool(
        ONES_SHARE.search(text, _clause_start(text, refused.start or 0), refused.start or 0)
    )


def _entity_mask(text: str, entities: list[Entity]) -> list[bool]:
    """Characters inside an entity: a cue word there is part of a name (炒白菜, 不要葱)."""
    mask = [False] * len(text)
    for e in entities:
        if e.start is not None and e.end is not None:
            for i in range(e.start, min(e.end, len(text))):
                mask[i] = True
    return mask


def _find(text: str, words: tuple[str, ...], blocked: list[bool]) -> list[tuple[int, int]]:
    """(start, end) of every cue word outside entities, longest words first, not overlapping."""
    taken = [False] * len(text)
    found = []
    for word in sorted(words, key=len, reverse=True):
        start = text.find(word)
        while start != -1:
            end = start + len(word)
            if not any(taken[start:end]) and not any(blocked[start:end]):
                found.append((start, end))
                for i in range(start, end):
                    taken[i] = True
            start = text.find(word, end)
    return sorted(found)


def _clause_end(text: str, position: int) -> int:
    match = _CLAUSE_BREAK.search(text, position)
    return match.start() if match else len(text)


def _clause_start(text: str, position: int) -> int:
    for i in range(position - 1, -1, -1):
        if _CLAUSE_BREAK.match(text[i]):
            return i + 1
    return 0


_COUNT_ONLY = re.compile(
    r"\s*[一二两俩三仨四五六七八九十0-9]+\s*[个碗份盘杯条张根块笼屉两]?(?=[，,。.！!？?；;\s]|$)"
)
"""改成一个， / 换成两份。: what follows the swap word is a count, ending its clause."""


def _swaps(text: str, targets: list[Entity], blocked: list[bool]) -> None:
    """把X换成Y / X改成Y / 不是X，是Y: X gives way to Y (of the same kind when both are said)."""
    for start, end in _find(text, SWAP_WORDS, blocked):
        bare = text[start:end] in ("改", "换")
        if bare and text[end : end + 1] in ("一", "下", "改", "天", "换"):
            continue  # 改一下, 改改, 改天: no swap said yet
        if _COUNT_ONLY.match(text, end):
            continue  # 肉龙改成一个，南瓜粥不要了: a count changed, nothing swapped
        after = [e for e in targets if (e.start or 0) >= end and e.role is None]
        after = [e for e in after if _gap_ok(text, end, e.start or 0)]
        if not after:
            continue
        first_after = after[0]
        stop = _clause_end(text, end)
        for e in after[1:]:
            in_clause = (e.start or 0) < stop and e.entity in ("date", "meal", "fulfillment")
            if in_clause and e.entity != first_after.entity:
                e.role = "replace_to"  # 改到明儿黑夜: the day and the meal
        clause_from = _clause_start(text, start)
        for wanted in [first_after, *(e for e in after[1:] if e.role == "replace_to")]:
            given_up = _last_of_kind(targets, wanted.entity, max(0, clause_from - 12), start)
            if (
                given_up is not None
                and given_up.value == wanted.value
                and wanted is not first_after
            ):
                wanted.role = None  # 明儿后晌的 改成后天后晌: the day changes, the meal stays
            elif given_up is not None:
                given_up.role = "replace_from"
        first_after.role = "replace_to"
    for match in re.finditer(r"不是", text):
        if any(blocked[match.start() : match.end()]):
            continue
        said = [e for e in targets if (e.start or 0) >= match.end() and e.role is None]
        if not said or not _gap_ok(text, match.end(), said[0].start or 0, slack=3):
            continue
        wrong = said[0]
        rest = text[wrong.end or 0 :]
        turn = re.search(r"是|要|换|改|[，,\s]", rest)  # 不是送，我自己去拿: the next clause
        if turn is None:
            _right_before(text, match.start(), wrong, targets)
            continue
        right = [
            e
            for e in said[1:]
            if e.entity == wrong.entity and (e.start or 0) >= (wrong.end or 0) + turn.end()
        ]
        if right:
            wrong.role, right[0].role = "replace_from", "replace_to"


_CLAUSE_ENDS = re.compile(r"[啊呀了哈]*\s*(?:[，,。.！!；;\s]|$)")


def _right_before(text: str, at: int, wrong: Entity, targets: list[Entity]) -> None:
    """是周五不是周四 / 要鱼不是肉: the one said right before 不是 is wanted, the one after it
    (ending its clause) given up."""
    if not _CLAUSE_ENDS.match(text, wrong.end or 0):
        return
    before = [
        e for e in targets if e.entity == wrong.entity and e.role is None and (e.end or 0) <= at
    ]
    if not before or before[-1].value == wrong.value:
        return
    if re.fullmatch(r"[\s，,的是]*", text[before[-1].end or 0 : at]):  # nothing between
        wrong.role, before[-1].role = "replace_from", "replace_to"


CORRECTION = re.compile(
    r"(?<![对是])不对(?![劲胃味])|(?<![没不])[说记搞弄看写打点念]错了?|口误|哎不是|啊不是|不是不是"
    r"|不是(这个|那个)(?=[，,。.！!\s]|是|要)"
)
"""Said on second thought, between what was said wrong and what is meant: 红烧排骨，不对不对，
我说错了，要土豆炖牛肉 (对不对 asks, 不对劲 / 不对胃口 judge the food)."""


def _corrections(text: str, targets: list[Entity], blocked: list[bool]) -> None:
    """X，不对，Y: the thing named just before a correction gives way to the first thing of the
    same kind named soon after it (a day to a day, a dish to a dish)."""
    for match in CORRECTION.finditer(text):
        if any(blocked[match.start() : match.end()]):
            continue
        later = next((e for e in targets if (e.start or 0) >= match.end() and e.role is None), None)
        if later is None or (later.start or 0) - match.end() > 12:
            continue
        wrong = _last_of_kind(targets, later.entity, max(0, match.start() - 16), match.start())
        said_before = any(
            e.value == later.value and (e.start or 0) < match.start()
            for e in targets
            if e.entity == later.entity
        )
        if wrong is None or said_before:
            continue  # 俩油条一碗豆腐脑，哎不对，油条要三根: the fritters' count is corrected
        if len(re.sub(r"[，,。.！!、\s哎啊呀哦嗯]", "", text[wrong.end or 0 : match.start()])) > 4:
            continue  # 红烧排骨我上回吃了不对味: not said right before the correction
        if any(word in text[match.end() : later.start or 0] for word in REFUSE_AFTER):
            wrong.role = "remove"  # 宫保鸡说错了 不要 要鱼香肉: refused, then a plain wish
            continue
        wrong.role, later.role = "replace_from", "replace_to"


def _last_of_kind(targets: list[Entity], kind: str, start: int, end: int) -> Entity | None:
    """The last entity of that kind with no role yet between ``start`` and ``end``."""
    found = [
        e
        for e in targets
        if (e.end or 0) <= end and e.role is None and e.entity == kind and (e.start or 0) >= start
    ]
    return found[-1] if found else None


_WHEN_REFUSED = re.compile(r"周末|周[一二三四五六日天]|星期|礼拜|节假日|假期|过节|双休")
_EVERY = re.compile(r"每天|每周|天天|工作日|周一到周五|这礼拜|下周")
"""米饭一个 周末不用 in an order for every weekday: the refusal is of the days said right before
it, not of the dish (米饭，周末的不要 alone still refuses the rice)."""


def _refusals(text: str, targets: list[Entity], blocked: list[bool]) -> None:
    """不要X (to the end of the clause, or until a new wish) and X不要了 (the thing just before);
    a way of getting the meal said with 不 (不在那儿吃了) is refused."""
    for e in targets:
        if (
            e.entity == "fulfillment"
            and e.role is None
            and text[max(0, (e.start or 0) - 1) : e.start or 0] in ("不", "别", "甭")
        ):
            e.role = "remove"
    used: list[tuple[int, int]] = []
    for start, end in _find(text, REFUSE_AFTER, blocked):
        if _not_a_refusal(text, start):
            continue
        if OTHERS_BEFORE.search(text[_clause_start(text, start) : start]):
            continue  # 我就要手把肉，别的不要 / 除了羊肉面别的甚也不要: everything else is refused
        if _only_this(text, start, end):
            continue  # 来碗羊杂汤拉倒 / 没有就算了: that is all, or nothing if there is none
        following = _first_after(targets, end)
        gap = text[end : following.start or 0] if following is not None else ""
        near = following is not None and _same_clause_near(text, end, following.start or 0)
        wanted_next = following is not None and _wanted_right_after(text, following, targets)
        # 花卷甭要米饭来一碗, 馒头不要米饭也不要了: the refusal is of what came before
        if near and not any(word in gap for word in _WANT_WORDS) and not wanted_next:
            continue  # 我要红烧肉，不要米饭: the refusal is of what follows
        clause_from = _clause_start(text, start)
        named_before = any(clause_from <= (e.start or 0) < start for e in targets)
        if not named_before and not text[start:end].endswith("了"):
            rest = re.sub(r"[吧了啊呀呢嘛哈的\s]", "", text[end : _clause_end(text, end)])
            if len(rest) >= 2:
                continue  # 要牛肉面，不要西红柿的: what is refused follows it (a dish not known)
        # 送家，早饭那俩不要了: the clause names what it refuses; nothing before it is
        before_from = clause_from if named_before else 0
        before = [
            e
            for e in targets
            if before_from <= (e.start or 0)
            and (e.end or 0) <= start
            and e.role is None
            and e.entity in REFUSABLE
        ]
        in_clause = [e for e in before if (e.start or 0) >= clause_from and e.entity == "dish"]
        ends_clause = _clause_end(text, end) - end <= 2
        between = text[(in_clause[-1].end or 0) if in_clause else start : start]
        if in_clause and ends_clause and not any(w in between for w in _WANT_WORDS):
            # 肉龙里头有猪肉我不要 / 烩酸菜、大烩菜这些带猪肉的都不要: the clause is about them
            every = "都" in text[max(0, start - 2) : end]
            for e in _list_ending(text, targets, in_clause) if every else in_clause[-1:]:
                e.role = "remove"
            used.append((start, end))
            continue
        if (
            before
            and _gap_ok(text, before[-1].end or 0, start, slack=2, allow_ba=True)
            and not (
                _WHEN_REFUSED.search(text[before[-1].end or 0 : start]) and _EVERY.search(text)
            )
        ):
            used.append((start, end))
            before[-1].role = "remove"
            # 米饭馒头都不要了: everything of that kind listed just before, in the same clause
            # (with 都; 羊肉饺子 面片不要了 refuses only the 面片)
            clause_from = _clause_start(text, before[-1].start or 0)
            last = before[-1]
            together = any(w in text[last.end or 0 : end] for w in ("都", "全", "俩", "两样"))
            for e in reversed(before[:-1] if together else []):
                if (e.start or 0) < clause_from or not _listed_with(text, e, last):
                    break
                e.role = "remove"
                last = e
            continue
    for start, end in _find(text, REFUSE_BEFORE, blocked):
        wish = _A_WISH.match(text[start:])
        after_wish = start + (wish.end() if wish else 0)
        names_next = (end < len(blocked) and blocked[end]) or (
            wish is not None and any(blocked[after_wish : after_wish + 1])
        )  # 不要醋溜白菜, 别放馒头了: a dish, not a wish about cooking
        if _not_a_refusal(text, start, wish_possible=not names_next) or any(
            s <= start < e for s, e in used
        ):
            continue  # 酸汤饺子不要了 嗯来一个鸡蛋羹: that 不要 was about the dish before it
        if re.match(r"\s*(不要|别)", text[end:]):
            continue  # 不要 不要太油的: said twice, the second one counts
        stop = _clause_end(text, end)
        governed = GOVERNED_WISH.match(text, end)  # 别再给俺订羊杂汤: the wish is what is refused
        wish_from = governed.end() if governed else end
        refused: list[Entity] = []
        for e in targets:
            if (e.start or 0) < end or (e.start or 0) >= stop or e.role is not None:
                continue
            if e.entity not in REFUSABLE:
                continue
            between = text[min(wish_from, e.start or 0) : e.start or 0]
            if any(word in between for word in _WANT_WORDS):
                break  # 不要红烧肉要清蒸鱼: the wish starts again
            if refused and not _listed_with(text, refused[-1], e):
                break  # 甭送到家我过去吃: only what is listed with the first refused thing
            e.role = "remove"
            refused.append(e)


GOVERNED_WISH = re.compile(
    r"(再|又|也|还|(给|帮|替)[^，,。.！!？?；;\s要来订整点]{1,4})*(要|来|订|整|点)"
)
"""别再给俺订 / 不用给奶奶点 / 别再来: the verb of wanting said right after the refusal word is
the thing refused, not a new wish starting again."""


_AGAIN = re.compile(
    r"再[^，,。.！!？?；;\s再]{1,6}?(加|来|要|整|订)|再(?=[一二两三四五六七八九十俩仨0-9]+[个份碗盘杯张条笼])"
)
"""再帮我奶奶加个蒸蛋 (再 … a verb of wanting), 再一个面片 (再 and a count: one more)."""
ADD_AFTER = ("也来", "也要", "也订", "也整", "也给")
"""Said after what is added: 奶茶也来一杯."""
_CLAUSE_OPENERS = ("顺便", "那", "就", "再", "还有", "另外")


_FOR_SOMEONE = re.compile(
    r"^(还得|还|那|就|顺便|食堂这边)?((给|帮|替|为)[^，,。！!？?]{1,6}?|[^，,。！!？?]{1,5}那份)?(也|再|还)?$"
)
"""Who an addition is for, before its 加 (给爷爷加一份, 我老伴那份也加一碗, 还得给我婆婆加个)."""


_LIST_GLUE = re.compile(r"^[\s和跟、与也还有及，,]*$")


def _list_ending(text: str, targets: list[Entity], listed: list[Entity]) -> list[Entity]:
    """The dishes of a clause, with those listed with them just before (烩酸菜、大烩菜、
    酸汤饺子这些…都不要: the pause mark 、 lists, it does not end what is refused)."""
    listed = list(listed)
    for e in reversed([e for e in targets if (e.end or 0) <= (listed[0].start or 0)]):
        if e.role is not None or not _listed_with(text, e, listed[0]):
            break
        listed.insert(0, e)
    return listed


def _listed_with(text: str, first: Entity, other: Entity) -> bool:
    """Two things of one kind with only 和 / 、 / 跟 between them (不要米饭和馒头)."""
    return first.entity == other.entity and bool(
        _LIST_GLUE.match(text[first.end or 0 : other.start or 0])
    )


def _additions(text: str, targets: list[Entity], blocked: list[bool]) -> None:
    """再加一份米饭 / 还要个馒头 / 加二两烧麦 / 奶茶也来一杯: added to what was said before."""
    for start, _end in _find(text, ADD_AFTER, blocked):
        before = [e for e in targets if (e.end or 0) <= start and e.entity == "dish"]
        if (
            before
            and before[-1].role is None
            and _same_clause_near(text, before[-1].end or 0, start)
        ):
            before[-1].role = "add"
    for start, end in _find(text, ("加",), blocked):
        opener = text[_clause_start(text, start) : start].strip(" ，,")
        if opener in ("", *_CLAUSE_OPENERS) or _FOR_SOMEONE.match(opener):
            for e in targets:
                if (
                    end <= (e.start or 0) < _clause_end(text, end)
                    and e.role is None
                    and e.entity == "dish"
                ):
                    e.role = "add"
    for match in _AGAIN.finditer(text):  # 再帮我奶奶加个蒸蛋: 再 … a verb of wanting
        stop = _clause_end(text, match.end())
        for e in targets:
            if match.end() <= (e.start or 0) < stop and e.role is None and e.entity == "dish":
                e.role = "add"
    for start, end in _find(text, ADD_WORDS, blocked):
        if text[start:end] == "加" and text[max(0, start - 1) : start] in ("增", "参", "更"):
            continue
        stop = _clause_end(text, end)
        for e in targets:
            if end <= (e.start or 0) < stop and e.role is None and e.entity == "dish":
                e.role = "add"


_ONE_MORE = re.compile(
    r"(再来|再要|再加|再整)([一二两俩三仨四五六七八九十0-9]+[个碗份盘杯条张根块笼屉两]?)"
)
"""烧麦再来二两 / 饺子不错，再来一份: one more of the dish just named, no dish after it."""


def _one_more_of(text: str, targets: list[Entity]) -> None:
    """X再来二两 / X不错，再来一份: more of the dish said just before (in its clause or the one
    before), when the clause of 再来 names no dish of its own."""
    dishes = [e for e in targets if e.entity == "dish"]
    for match in _ONE_MORE.finditer(text):
        stop = _clause_end(text, match.end())
        if any(match.end() <= (d.start or 0) < stop for d in dishes):
            continue
        before = [d for d in dishes if (d.end or 0) <= match.start()]
        if not before or before[-1].role is not None:
            continue
        start = _clause_start(text, _clause_start(text, match.start()) - 1)
        if (before[-1].start or 0) >= start:
            before[-1].role = "add"


_WITHOUT_BEFORE = re.compile(r"(?<!有)没有?(那个|这个)?$")
_WITHOUT_AFTER = re.compile(r"^(也行|也可以|也成|也中|也没事|也没关系|也无所谓)")
"""没有花卷也行 / 没米饭也可以: done without the dish, which is refused."""


def _done_without(text: str, targets: list[Entity]) -> None:
    """没有花卷也行 / 没米饭也可以: the dish said between 没 and 也行 is not wanted."""
    for e in targets:
        if e.entity != "dish" or e.role is not None:
            continue
        before, after = text[max(0, (e.start or 0) - 4) : e.start or 0], text[e.end or 0 :]
        if _WITHOUT_BEFORE.search(before) and _WITHOUT_AFTER.match(after):
            e.role = "remove"


def _wanted_right_after(text: str, thing: Entity, targets: list[Entity]) -> bool:
    """Whether a wish (来一碗, 也不要了) follows ``thing`` and is about it: not when another
    thing follows the wish word at once (羊肉汤不要米饭要花卷两个: 要 begins a new wish)."""
    after = text[thing.end or 0 :]
    if not after.startswith((*_WANT_WORDS, "也")):
        return False
    nxt = _first_after(targets, (thing.end or 0) + 1)
    return nxt is None or (nxt.start or 0) - (thing.end or 0) > 3


def _first_after(targets: list[Entity], position: int) -> Entity | None:
    return next((e for e in targets if (e.start or 0) >= position), None)


_A_WISH = re.compile(r"^(不要|别|不)(太|放|加|那么|辣|咸|甜|烫|醋|糖|葱|蒜|香菜|油|凉|硬|肥|腻|忘)")
"""不要太咸的, 别放辣椒, 不要醋: how to cook it, not a refusal of the dish."""
_DOUBLE_NEGATIVE = ("不能", "没说", "不是", "并不", "谁说", "没")


def _not_a_refusal(text: str, start: int, *, wish_possible: bool = True) -> bool:
    """要不要 / 来不来 / 能不能吃 ask; 不要太咸 wishes; 米饭不能不要 wants; 不能吃吗 asks."""
    window = text[max(0, start - 1) : start + 3]
    stop = _clause_end(text, start)
    asked = text[start:].startswith(CANNOT) and (
        text[start:stop].endswith(("吗", "么")) or text[stop : stop + 1] in ("？", "?")
    )
    return (
        any(phrase in window for phrase in _NOT_A_REFUSAL)
        or (start > 0 and text[start - 1 : start] == text[start + 1 : start + 2])  # V不V
        or asked
        or text[max(0, start - 1) : start] == "要"
        or (wish_possible and bool(_A_WISH.match(text[start:])))
        or text[max(0, start - 2) : start].endswith(_DOUBLE_NEGATIVE)  # 米饭不能不要, 没说不要
    )


def _only_this(text: str, start: int, end: int) -> bool:
    """A refusal word that ends a wish in its own clause (来碗羊杂汤拉倒), or gives up only if
    there is none (没有就算了)."""
    if IF_NONE.search(text[:start]):
        return True
    if text[start:end] not in THAT_IS_ALL:
        return False
    return WISH_RIGHT_BEFORE.search(text[_clause_start(text, start) : start]) is not None


def _same_clause_near(text: str, left: int, right: int) -> bool:
    """Nothing but a word or two between, no clause break (nor a pause a transcript writes as a
    space: 面片不要了 在食堂吃)."""
    gap = text[left:right]
    return not _CLAUSE_BREAK.search(gap) and not re.search(r"\S\s+\S", f"x{gap}x") and len(gap) <= 3


def _gap_ok(text: str, left: int, right: int, *, slack: int = 6, allow_ba: bool = False) -> bool:
    """Nothing but a few small words between a cue and its object (no clause break)."""
    gap = text[left:right]
    if _CLAUSE_BREAK.search(gap.strip(" ，,")) and not allow_ba:
        return False
    stripped = re.sub(r"[的了也都就给我把那个这个一份碗盘个两俩仨三四五\d，, 吧啊呀]", "", gap)
    return len(stripped) <= slack
