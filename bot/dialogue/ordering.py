"""Telling an order: what was said is merged into the draft, the next missing thing is asked
(one question at a time), the whole order is read back with every part of its price (quoted by
the store, so what is said is what is placed), and it is placed only after a yes."""

from __future__ import annotations

import re
import uuid
from dataclasses import replace
from datetime import date

from bot.dialogue import again, standing
from bot.dialogue.closed import closed_and_next
from bot.dialogue.context import Turn
from bot.dialogue.naming import (
    fitting,
    named_by_mongolian_part,
    named_by_part,
    outside_kept,
    refused_by_part,
)
from bot.dialogue.state import Awaiting, Draft
from bot.dialogue.utterance import Intent, Kind, Mention, Role, Utterance
from bot.dialogue.words import key
from bot.listening import HOME
from bot.phrasing import (
    count,
    day_words,
    items_words,
    mode_words,
    read_back,
    read_back_also,
    read_back_full,
    read_back_short,
    serve_words,
    when_words,
)
from bot.turn import Reply
from menus.catalogue import MEALS, MODES, YES_NO, choices, joined, say, word
from menus.db import unit_of_work
from menus.errors import DomainError
from menus.menu_store import names_match
from menus.models import Person
from menus.orders import (
    OrderLine,
    OrderRequest,
    OrderSummary,
    change_order,
    place_order_once,
    quote_order,
)
from menus.outbox import enqueue
from menus.scripts import CYRILLIC_MN
from menus.spoken import SYLLABLE_LIMIT, syllables
from menus.vocab import Fulfillment, MealSlot
from nlu.recurrence import copies_last


def fill(turn: Turn, said: Utterance, *, intent: Intent | None = None) -> Reply:
    """Merge what was said into the draft and ask the next thing, or read it back."""
    state = turn.state
    if said.recurring:  # 每天 / 下周一到周五: a standing order, never one day's
        standing.begin(turn, said)
    if state.draft is None:  # a new order: like the one just placed, or for the meal just read
        read = state.menu_read
        fresh = Draft(day=read.day, meal=read.meal) if read else Draft()
        state.draft = again.same_as_placed(turn, said) or fresh
        if not said.recurring and copies_last(said.text):
            standing.copy_last(
                turn, state.draft, said
            )  # 今天晌午还跟昨天一样: one day, as last time
    state.draft.key = None  # anything changed: a new read-back, a new key
    said = with_offered(turn, said)
    state.offered_dishes = []
    said, choose = by_part_of_menu(turn, state.draft, said)
    if choose:
        return _which_dish(turn, said, choose)
    before = (state.draft.day, state.draft.meal, dict(state.draft.lines))
    removed = _merge_dishes(turn, state.draft, said, intent or said.intent)
    _merge_slots(state.draft, said)
    removed += _moved_meal(turn, state.draft, before, said)
    if state.draft.recurrence is not None:
        state.draft.day = None  # its days are the recurrence's
    state.misses = 0
    return _next_question(turn, removed)


def named_in_draft(turn: Turn, said: Utterance, draft: Draft | None) -> str | None:
    """The one dish of the order that a part of its name names (牛肉 for 土豆炖牛肉, 汤 for
    紫菜蛋花汤, шар тос for шар тостой будаатай шөл), when no dish was recognised as given up:
    what 牛肉换成白菜豆腐 / 汤不要了 take out. None when no such part is said, or it fits
    several dishes of the order."""
    if draft is None:
        return None
    named = [str(d.value) for d in said.dishes] + list(said.kept)  # 米饭还要: not the one meant
    if turn.lang != "zh" and not any(d.refused for d in said.dishes):  # then Chinese names
        mongolian = mongolian_names(turn, draft, named)
        found = named_by_mongolian_part(outside_kept(said.text), mongolian, named)
        if found is not None:
            return found
    if any(d.refused for d in said.dishes):
        return refused_by_part(said.text, draft.lines, named)
    return named_by_part(said.text, draft.lines, named)


def mongolian_names(turn: Turn, draft: Draft, said: list[str]) -> dict[str, tuple[str, ...]]:
    """The Mongolian names (both scripts) of the order's dishes and of those said."""
    script, cyrillic = turn.store.names("mn"), turn.store.names(CYRILLIC_MN)
    return {
        name: tuple(n for n in (script.get(name), cyrillic.get(name)) if n)
        for name in [*draft.lines, *said]
    }


def with_offered(turn: Turn, said: Utterance) -> Utterance:
    """就要那个粥 after 晚饭的粥有：小米粥: the dish just offered, named by a part of its name,
    is wanted too (not one named whole, nor one given up: 那鱼就不要了)."""
    offered = turn.state.offered_dishes
    answering = turn.state.awaiting == Awaiting.DISH  # 牛肉的, to 牛肉面、西红柿鸡蛋面，您要哪个？
    if not offered or (said.intent not in (Intent.ORDER_MEAL, Intent.INFORM) and not answering):
        return said
    named = [str(d.value) for d in said.dishes]
    others = [name for name in offered if name not in named]  # 清蒸鲈鱼 said whole: once
    name = named_by_part(said.text, others, named)
    if name is None or name in said.text or refused_by_part(said.text, [name], named):
        return said  # 那鱼就不要了: the fish offered is given up, not wanted
    return replace(said, mentions=(*said.mentions, Mention(Kind.DISH, name)))


HOME_WORDS = frozenset(map(key, HOME))


def home_as_way(turn: Turn, said: Utterance) -> Utterance:
    """家里 / гэрт / ᠭᠡᠷ ᠲᠦ alone, to 送到家、自己去拿，还是在食堂吃？: home is where it goes
    (delivery); said at any other moment it is not an answer."""
    if turn.state.awaiting != Awaiting.FULFILLMENT or said.of(Kind.FULFILLMENT):
        return said
    if key(said.text) not in HOME_WORDS:
        return said
    way = Mention(Kind.FULFILLMENT, Fulfillment.DELIVERY.value)
    return replace(said, intent=Intent.CHOOSE_FULFILLMENT, mentions=(*said.mentions, way))


PLAIN = re.compile(r"[^\u4e00-\u9fff]+")
SHORT = 10
"""Only so many characters said: 鱼。中午。送。 names a dish by its kind; a longer sentence with
no dish in it is about something else."""
REFUSING = re.compile(r"不|别|没")


def by_part_of_menu(turn: Turn, draft: Draft, said: Utterance) -> tuple[Utterance, list[str]]:
    """鱼。中午。送。 / 明天。面。中午。: no dish said by its name, but a part of one (鱼, 面) in
    a short answer: the one dish of that meal's menu it fits is said; when several fit, they
    are returned to choose from; else ``said`` as it is."""
    meal, day = said.meal or draft.meal, said.day or draft.day or turn.today
    plain = PLAIN.sub("", said.text)
    if said.dishes or meal is None or len(plain) > SHORT or REFUSING.search(plain):
        return said, []
    if said.intent not in (Intent.ORDER_MEAL, Intent.INFORM, Intent.CHOOSE_FULFILLMENT):
        return said, []
    names = [str(known[0]) for known in turn.store.menu_names(turn.elder_id, day, meal)]
    fits = fitting(plain, names)
    if len(fits) == 1:
        return replace(said, mentions=(*said.mentions, Mention(Kind.DISH, fits[0]))), []
    return said, fits[:3] if len(fits) <= 3 else []


def _which_dish(turn: Turn, said: Utterance, fits: list[str]) -> Reply:
    """牛肉面、西红柿鸡蛋面，您要哪个？: the dishes a part of a name fits, to choose from (the
    day, meal and way said are kept)."""
    draft = turn.state.draft
    assert draft is not None
    _merge_slots(draft, said)
    turn.state.offered_dishes = fits
    turn.state.ask(Awaiting.DISH)
    labels = [turn.store.names(turn.lang).get(name, name) for name in fits]
    return Reply(say("ask_which_dish", turn.lang, dishes=joined(labels, turn.lang)), labels)


def with_named_in_draft(turn: Turn, said: Utterance, draft: Draft | None) -> Utterance:
    """``said`` with the order's dish it names by a part of its name as given up."""
    name = named_in_draft(turn, said, draft)
    if name is None:
        return said
    gone = Mention(Kind.DISH, name, role=Role.REMOVE)
    return replace(said, mentions=(*said.mentions, gone))


def _merge_dishes(turn: Turn, draft: Draft, said: Utterance, intent: Intent) -> str:
    """Dishes refused leave the draft, dishes wanted join it (or replace it: 改成米饭); a bare
    count changes the last dish's (改成两份). Returns what to say about dishes taken out."""
    refusing = intent in (Intent.CHANGE_ORDER, Intent.CANCEL_ORDER, Intent.DENY)
    if refusing or any(d.role == Role.REPLACE_TO for d in said.dishes):
        said = _swapped_beside_kept(said, draft)
        said = with_named_in_draft(turn, _replaced_by_name(said, draft), draft)
    else:  # 妈的不要蛋, heard as no edit at all: a part of a dish of the order, refused
        said = _refused_by_part(said, draft)
    refused = {str(d.value) for d in said.dishes if d.refused}
    counted = {m.group for m in said.of(Kind.QUANTITY) if m.group is not None}
    wanted = [  # Ууц биш, чанасан мах болгоё. Ууц үнэтэй: the uncounted ууц again is not wanted
        d
        for d in said.dishes
        if not d.refused
        and (str(d.value) not in refused or d.group in counted)
        and not _refused_later(said, d)
    ]
    recounted = any(d.group in counted for d in wanted)  # 馒头不要仨，俩就够了: a new count
    if wanted and intent == Intent.CANCEL_ORDER and not refused and not recounted:  # 不要红烧肉了
        refused, wanted = {str(d.value) for d in wanted}, []
    removed = ""
    taken_out = refused & set(draft.lines)  # 红烧肉，不对，要鸡蛋羹: nothing to take out yet
    if refused:
        draft.lines = {name: qty for name, qty in draft.lines.items() if name not in refused}
    if taken_out:
        removed = say("dish_removed", turn.lang, dish=turn.store.dishes_said(taken_out, turn.lang))
    offered, draft.offered = draft.offered, None
    if wanted:
        answering = turn.state.awaiting == Awaiting.DISH  # 没有奶茶…您想吃哪个？ → 换成蛋花汤
        _add_wanted(draft, said, wanted, intent, refused, offered, answering=answering)
        _count_corrected(draft, said, wanted, offered)
        _counted_by_part(draft, said, wanted)
    elif said.counts and draft.lines and not refused:
        _recount(turn, draft, said, offered)
    return removed


def _refused_by_part(said: Utterance, draft: Draft) -> Utterance:
    """``said`` with the one dish of the order that a part of its name names right beside a
    refusal (不要蛋 with 茶叶蛋 read back) as given up, whatever intent was heard."""
    named = [str(d.value) for d in said.dishes]
    gone = refused_by_part(said.text, draft.lines, named)
    if gone is None or gone in named:
        return said
    return replace(said, mentions=(*said.mentions, Mention(Kind.DISH, gone, role=Role.REMOVE)))


def _refused_later(said: Utterance, dish: Mention) -> bool:
    """再来个馒头，不是不是，馒头不要了: the same dish refused after it was asked for, in one
    breath; the last word on a dish is the one that holds."""
    dishes = said.dishes
    at = next(i for i, d in enumerate(dishes) if d is dish)
    later = dishes[at + 1 :]
    same = [d for d in later if d.value == dish.value]
    return bool(same) and same[-1].refused


def _recount(turn: Turn, draft: Draft, said: Utterance, offered: str | None) -> None:
    """A count with no dish of its own (改成两份 / 粥要一碗就够了，哪吃得了两碗): of the dish of the
    order a part of its name names, else the one offered, else the last; the last count said
    that differs from what it has (两碗 there only says why)."""
    changing = [d for d in draft.lines if d not in said.kept] or list(draft.lines)  # 血肠不动
    last = offered if offered in changing else changing[-1]
    target = named_in_draft(turn, said, draft) or last  # бин хоёр нь их, нэг болгочих
    said_counts = [int(m.value) for m in said.of(Kind.QUANTITY) if m.role != Role.EACH]
    draft.lines[target] = _changed_to(said_counts, draft.lines[target])


def _swapped_beside_kept(said: Utterance, draft: Draft) -> Utterance:
    """换成土豆炖羊肉吧，馒头照旧: a dish swapped in, none said to go, the others said to stay:
    the one dish of the order left is the one swapped out."""
    swapped_in = {str(d.value) for d in said.dishes if d.role == Role.REPLACE_TO}
    if not swapped_in or not said.kept or any(d.refused for d in said.dishes):
        return said
    left = [d for d in draft.lines if d not in said.kept and d not in swapped_in]
    if len(left) != 1:
        return said
    return replace(said, mentions=(*said.mentions, Mention(Kind.DISH, left[0], role=Role.REMOVE)))


def _replaced_by_name(said: Utterance, draft: Draft) -> Utterance:
    """Хуушуур хатуу байх. Бантан болгоё: a swap into one dish, with one dish of the order named
    plainly beside it: that dish is the one swapped out."""
    counted = {m.group for m in said.of(Kind.QUANTITY) if m.group is not None}
    plain = [
        d
        for d in said.dishes
        if d.role is None and str(d.value) in draft.lines and d.group not in counted
    ]  # 米饭一碗就够了 recounts the rice: it is not swapped out
    swapping = any(d.role == Role.REPLACE_TO for d in said.dishes)
    if not swapping or len(plain) != 1 or any(d.refused for d in said.dishes):
        return said
    gone = replace(plain[0], role=Role.REPLACE_FROM)
    return replace(said, mentions=tuple(gone if m is plain[0] else m for m in said.mentions))


CORRECTED = re.compile(r"不对|不是|改成|改为|就行|就够|就好|说错|错了")
"""A count said as a correction (不对，一碗就行), not as the count of what follows it."""


def _count_corrected(
    draft: Draft, said: Utterance, wanted: list[Mention], offered: str | None
) -> None:
    """Гурав биш, хоёр болго. Бас цусан хиам нэм / 不是三份，两份，再加个馒头: two counts tied to
    no dish, said while only adding another: the order's one dish with the first count gets the
    last; one such count after 只剩五份了 (那就四份吧，再加四个馒头) is the offered dish's, unless
    that dish is counted again itself (五个只有？那…羊背子两个: the five is what is left)."""
    loose = [int(m.value) for m in said.of(Kind.QUANTITY) if m.group is None and m.role is None]
    if _said_again(draft, said, wanted):
        return
    counted = {m.group for m in said.of(Kind.QUANTITY) if m.group is not None}
    others_counted = all(d.role == Role.ADD or d.group in counted for d in wanted)
    recounted = any(str(d.value) == offered and d.group in counted for d in wanted)
    if len(set(loose)) == 1 and offered in draft.lines and others_counted and not recounted:
        draft.lines[str(offered)] = loose[0]  # 只剩五份了 → 那就四份吧，再加四个馒头 / 米饭还是三碗
        return
    if not all(d.role == Role.ADD for d in wanted):
        return
    kept = [name for name in draft.lines if name not in {str(d.value) for d in wanted}]
    if len(kept) == 1 and len(set(loose)) == 1 and CORRECTED.search(said.text):
        draft.lines[kept[0]] = loose[-1]  # 不对不对 一碗 一碗就行 再来个凉拌沙葱
        return
    if len(loose) < 2:
        return
    added = {str(d.value) for d in wanted}
    matching = [name for name, qty in draft.lines.items() if qty == loose[0] and name not in added]
    if len(matching) == 1:
        draft.lines[matching[0]] = loose[-1]


_SAID_WRONG = re.compile(r"说错|错了|不对")
"""A person correcting themselves (哦说错了), as against a reason (两个吃不了), 就行, or 不是一碗
(which stresses the count said: 两碗小米粥，不是一碗)."""


def _said_again(draft: Draft, said: Utterance, wanted: list[Mention]) -> bool:
    """来两碗莜面，哦说错了，一碗，一碗就够了: the one dish named, counted, then corrected by
    counts tied to no dish after its own: the last of those holds. The correction follows a
    count (不对不对，鸡蛋羹要一个，吃不了俩 corrects the read-back, and 俩 is no new count)."""
    marker = _SAID_WRONG.search(said.text)
    if len(said.dishes) != 1 or len(wanted) != 1 or marker is None:
        return False
    if not _COUNTED.search(said.text[: marker.start()]):
        return False
    if not _COUNTED.search(said.text[marker.end() :]):
        return False
    dish = wanted[0]
    counts = [m for m in said.mentions if m.kind == Kind.QUANTITY and m.role is None]
    own = [k for k, m in enumerate(counts) if m.group == dish.group and dish.group is not None]
    after = [m for m in counts[own[0] + 1 :] if m.group is None] if own else []
    if not after or len({int(m.value) for m in after}) != 1:
        return False
    draft.lines[str(dish.value)] = int(after[-1].value)
    return True


_CLAUSES = re.compile(r"[\s，,。.；;！!？?]+")
_COUNTED = re.compile(r"[一二两三四五六七八九十俩仨0-9]")


def _counted_by_part(draft: Draft, said: Utterance, wanted: list[Mention]) -> None:
    """汤一碗就行 馒头要两个: the one count tied to no dish, in a clause that names one dish of
    the order by a part of its name (汤 for 紫菜蛋花汤), is that dish's new count; only when
    every dish named has its own count (else the count may be theirs)."""
    loose = [m for m in said.of(Kind.QUANTITY) if m.group is None and m.role is None]
    counted = {m.group for m in said.of(Kind.QUANTITY) if m.group is not None}
    if len(loose) != 1 or any(d.group not in counted for d in wanted):
        return
    named = [str(d.value) for d in said.dishes]
    for clause in _CLAUSES.split(said.text):
        if _COUNTED.search(clause) and not any(name in clause for name in named):
            dish = named_by_part(clause, draft.lines, named)
            if dish is not None and dish not in named:
                draft.lines[dish] = int(loose[0].value)
                return


def _add_wanted(
    draft: Draft,
    said: Utterance,
    wanted: list[Mention],
    intent: Intent,
    refused: set[str],
    offered: str | None,
    *,
    answering: bool = False,
) -> None:
    """换成米饭 (a swap, nothing named to give up) replaces the dish said last; 再加 adds; after
    只剩三份了, 那就一份鸡蛋羹 takes the egg custard instead of the dish offered. ``answering``
    the question which dish (the one asked for is not on): what is named instead joins the
    dishes kept."""
    adding = any(d.role == Role.ADD for d in wanted)
    recounted = any(str(d.value) in draft.lines for d in wanted)
    swapped_in = any(d.role == Role.REPLACE_TO for d in wanted)  # Бантан болгоё, бас мантуу
    replace = (
        (swapped_in or (intent == Intent.CHANGE_ORDER and not adding))
        and not refused
        and not recounted
        and not answering
    )
    lines = dict(draft.lines)
    if replace and lines:  # 换成Y, with nothing named to give up: the dish said last goes
        del lines[next(reversed(lines))]
    if offered in lines and not adding and not recounted:  # 那就两条吧，米饭还是三碗: kept
        del lines[offered]
    for dish in wanted:
        lines[str(dish.value)] = _count(said, dish, lines.get(str(dish.value)), len(wanted))
    draft.lines = lines


def _count(said: Utterance, dish: Mention, current: int | None, named: int) -> int:
    """How many of ``dish``: its own count (or 各一份's). For a dish already in the order, the
    last count said that differs from what it has (包子仨吃不了，俩吧 → 2; 馅饼吃不了俩，一个就行
    → 1), a count tied to no dish included when only this dish is named; for a new dish
    named alone, a count said apart from it (胡舒尔要三个，就是…那个肉饼) is its own."""
    own_counts = [m for m in said.of(Kind.QUANTITY) if m.group == dish.group]
    at = said.mentions.index(dish) if dish in said.mentions else 0
    said_counts = [  # a count tied to no dish before it, only when it has none of its own
        int(m.value)
        for k, m in enumerate(said.mentions)
        if m.kind == Kind.QUANTITY
        and m.role != Role.EACH
        and (
            m.group == dish.group or (m.group is None and named == 1 and (k > at or not own_counts))
        )
    ]
    own = int(said.counts.get(dish.group, said.each or 1))
    if current is None and not own_counts and _said_apart(said, dish, said_counts):
        return said_counts[0]  # 胡舒尔要三个，就是油炸的那个肉饼: the one dish's, said apart
    if current is not None and not said_counts and said.each is None:
        return current  # 奶茶不要了，包子就行: the buns keep the count they had
    if current is None or not said_counts:
        return own
    return _changed_to(said_counts, current)


def _said_apart(said: Utterance, dish: Mention, said_counts: list[int]) -> bool:
    """One count, for a dish simply asked for (not 不够俩…我爸换土豆炖牛肉: a swap) and not each."""
    plain = dish.role is None and said.intent == Intent.ORDER_MEAL
    return plain and said.each is None and len(set(said_counts)) == 1


def _changed_to(said_counts: list[int], current: int) -> int:
    """The last count said that differs from ``current`` (the others only say why: 包子仨吃不了，
    俩吧), else the last one said."""
    changed = [n for n in said_counts if n != current]
    return changed[-1] if changed else said_counts[-1]


def _served(turn: Turn, draft: Draft, meal: MealSlot) -> list[list[str | None]]:
    """The names of the dishes ``meal`` serves on the draft's day (or the next day it is open)."""
    on = draft.day or turn.store.next_open_day(turn.elder_id, meal, turn.now)
    return turn.store.menu_names(turn.elder_id, on, meal)


def keep_served(turn: Turn, draft: Draft) -> None:
    """Only the dishes the draft's meal serves stay (its meal chosen again, within a question:
    午饭的羊肉面片 goes when dinner is chosen)."""
    if draft.meal is None:
        return
    served = _served(turn, draft, draft.meal)
    if served:
        kept = {n: q for n, q in draft.lines.items() if any(names_match(n, s) for s in served)}
        draft.lines = kept


def _moved_meal(
    turn: Turn, draft: Draft, before: tuple[date | None, MealSlot | None, dict[str, int]],
    said: Utterance,
) -> str:  # fmt: skip
    """改明天中午，鸡蛋羹一份: the order moved to a meal (another, or the one asked for after a
    closed one) with dishes of its own; what was asked before and is not served there goes, and
    is said to go (豆腐脑 is a breakfast dish)."""
    day, meal, lines = before
    new = [str(d.value) for d in said.dishes if not d.refused]
    if draft.meal is None or (draft.meal, draft.day) == (meal, day) or not new:
        return ""
    served = _served(turn, draft, draft.meal)
    gone = [
        name
        for name in draft.lines
        if name in lines and name not in new and not any(names_match(name, s) for s in served)
    ]
    if not served or not gone:
        return ""
    draft.lines = {name: qty for name, qty in draft.lines.items() if name not in gone}
    when = word("meal", draft.meal.value, turn.lang)
    return say(
        "dish_not_served", turn.lang, dish=turn.store.dishes_said(gone, turn.lang), when=when
    )


def _merge_slots(draft: Draft, said: Utterance) -> None:
    """The day, meal and way said (the ones given up, 不是明天 / 不用送了, are taken out and, if
    nothing else is said for them, asked again)."""
    refused = {str(m.value) for m in said.of(Kind.FULFILLMENT) if m.refused}
    if draft.fulfillment is not None and draft.fulfillment.value in refused:
        draft.fulfillment = None
    # 改明天中午…早饭那俩不要了: what something is changed to wins over what is named besides
    slots = said.slots()
    kinds = {m.kind for m in slots}
    if draft.day_chosen and Kind.MEAL in kinds and Kind.DATE not in kinds:
        draft.day, draft.day_chosen = None, False  # the day chosen was the other meal's
    for mention in sorted(slots, key=lambda m: m.role == Role.REPLACE_TO):
        if mention.kind == Kind.DATE:
            draft.day, draft.day_chosen = date.fromisoformat(str(mention.value)), False
        elif mention.kind == Kind.MEAL:
            draft.meal = MealSlot(str(mention.value))
        else:
            draft.fulfillment = Fulfillment(str(mention.value))


def ask_next(turn: Turn) -> Reply:
    """The next question about the draft as it stands (or its read-back)."""
    return _next_question(turn, "")


def _next_question(turn: Turn, removed: str) -> Reply:
    state, lang = turn.state, turn.lang
    draft = state.draft
    assert draft is not None
    if not draft.lines:
        state.ask(Awaiting.DISH)
        return Reply(removed + say("ask_dish", lang))
    if draft.meal is None:
        serving = _meals_serving(turn, draft)
        if len(serving) != 1:
            return _ask_meal(turn, removed, serving)
        draft.meal = serving[0]  # 小米粥 and 茶叶蛋 are breakfast: no need to ask
    if draft.day is None and draft.recurrence is not None:
        standing.first_day(turn, draft)
    if draft.day is None:
        draft.day = turn.store.next_open_day(turn.elder_id, draft.meal, turn.now)
        draft.day_chosen = True
        removed += _moved_on(turn, draft)
    if draft.day >= turn.today and turn.store.closed(
        turn.elder_id, draft.meal, draft.day, turn.now
    ):
        return refused(turn, DomainError("closed"))  # said at once, not after the next question
    closure = turn.store.closure(turn.elder_id, draft.day, draft.meal)
    if closure is not None:  # 休息: said at once, with why and the next meal open
        return refused(turn, DomainError("canteen_closed", reason=closure.reason)).prefixed(removed)
    missing = not_on_menu(turn, draft)
    if missing is not None:  # say so now, not after the next question (and why that day)
        return refused(turn, missing).prefixed(removed)
    if draft.fulfillment is None:
        removed += _what_is_left(turn, draft)
        state.ask(Awaiting.FULFILLMENT)
        return Reply(removed + say("ask_fulfillment", lang), choices(MODES, lang), inline=True)
    return _read_back_after(turn, removed)


def _read_back_after(turn: Turn, removed: str) -> Reply:
    """The read-back after an edit, said after what the edit took out (好的，不要红烧排骨了。);
    its brief form goes without those words when with them it would run past the listening
    budget: the read-back itself says what is left."""
    reply = read_back_draft(turn)
    if reply.short is not None and syllables(removed + reply.short) > SYLLABLE_LIMIT:
        return replace(reply.prefixed(removed), short=reply.short)
    return reply.prefixed(removed)


def _what_is_left(turn: Turn, draft: Draft) -> str:
    """羊背子只剩一份了。: more portions asked for than are left is said at once, before the
    way is asked (the count left is offered, the rest kept); else nothing is said."""
    trial = replace(draft, fulfillment=Fulfillment.PICKUP)  # any way: only the portions count
    try:
        quote_order(turn.store.factory, request(turn, trial), turn.now)
    except DomainError as refusal_:
        said = _left_taken(turn, draft, refusal_)
        if said is not None:
            draft.offered = str(refusal_.params.get("dish"))
            return said
    return ""


def _moved_on(turn: Turn, draft: Draft) -> str:
    """今天晚饭已经不能订了，给您订明天的。: said once, when the day was not said and today's
    meal had already closed (the read-back says the day again)."""
    assert draft.day is not None and draft.meal is not None
    if draft.day <= turn.today or draft.recurrence is not None:
        return ""
    if not turn.store.closed(turn.elder_id, draft.meal, turn.today, turn.now):
        return ""
    lang = turn.lang
    when = when_words(turn.today, draft.meal, turn.today, lang)
    return say("closed_moved", lang, when=when, day=day_words(draft.day, turn.today, lang))


def _meals_serving(turn: Turn, draft: Draft) -> list[MealSlot]:
    """The meals whose menu has every dish said (on the day said, else on the next day that
    meal is still open): one is the meal meant; two are the ones to choose between."""
    found = []
    for meal in MealSlot:
        names = _served(turn, draft, meal)
        if names and all(any(names_match(d, known) for known in names) for d in draft.lines):
            found.append(meal)
    return found


def _ask_meal(turn: Turn, removed: str, serving: list[MealSlot]) -> Reply:
    """是中午，还是晚上？ or, where the dishes are served at two other meals, those two."""
    lang = turn.lang
    turn.state.ask(Awaiting.MEAL)
    if len(serving) != 2 or serving == [MealSlot.LUNCH, MealSlot.DINNER]:
        return Reply(removed + say("ask_meal", lang), choices(MEALS, lang), inline=True)
    first, second = (word("meal", meal.value, lang) for meal in serving)
    text = say("ask_meal_of", lang, first=first, second=second)
    return Reply(removed + text, [first, second], inline=True)


def not_on_menu(turn: Turn, draft: Draft) -> DomainError | None:
    """A dish said that is not on that day's menu for that meal (the store checks again when
    the order is placed; this only spares the elder a question)."""
    assert draft.day is not None and draft.meal is not None
    names = turn.store.menu_names(turn.elder_id, draft.day, draft.meal)
    missing = [d for d in draft.lines if not any(names_match(d, known) for known in names)]
    if not names or not missing:
        return None
    available = "、".join(str(known[0]) for known in names)
    return DomainError("unknown_dish", dish="、".join(missing), available=available)


def request(turn: Turn, draft: Draft) -> OrderRequest:
    assert draft.day is not None and draft.meal is not None and draft.fulfillment is not None
    return OrderRequest(
        elder_id=turn.elder_id,
        day=draft.day,
        meal=draft.meal,
        fulfillment=draft.fulfillment,
        lines=[OrderLine(name, qty) for name, qty in draft.lines.items()],
        idempotency_key=draft.key or "draft",
        canteen_code=turn.store.canteen_code(turn.elder_id),
        placed_by_id=turn.person_id,
        placed_by_role=turn.actor,
    )


def read_back_draft(turn: Turn, after: Draft | None = None) -> Reply:
    """The whole order with its price, and the question that places it. ``after``: the order
    read back just before it (another elder's): on the same meal and way, only the name, the
    dishes and the price are said again."""
    draft = turn.state.draft
    assert draft is not None
    store = turn.store
    try:
        quote = quote_order(
            store.factory, request(turn, draft), turn.now, replacing=draft.replacing
        )
    except DomainError as refusal_:
        return refused(turn, refusal_)
    draft.key = f"dialogue-{turn.person_id}-{uuid.uuid4()}"
    turn.state.ask(Awaiting.CONFIRM)
    prefix, when = standing.read_back_words(turn, draft) if draft.recurrence else ("", None)
    named = turn.kind in ("family", "staff")  # for whom; an elder is never called by full name
    names = store.names(turn.lang)
    if after is not None and _same_meal(after, draft):
        prefix = ""
        text = read_back_also(quote, turn.lang, names)
    else:
        text = read_back(quote, turn.today, turn.lang, names, named=named, when=when)
    brief = read_back_short(quote, turn.today, turn.lang, names, named=named, when=when)
    full = read_back_full(quote, turn.today, turn.lang, names, named=named, when=when)
    question = confirm_question(turn)
    return Reply(
        text + question,
        choices(YES_NO, turn.lang),
        inline=True,
        short=brief + question,
        full=full + question,
    ).prefixed(prefix)


def _same_meal(first: Draft, other: Draft) -> bool:
    """Two drafts on the same day, meal, way of getting it and repetition."""
    return (first.day, first.meal, first.fulfillment, first.recurrence) == (
        other.day,
        other.meal,
        other.fulfillment,
        other.recurrence,
    )


def confirm_question(turn: Turn) -> str:
    """要订吗？ / 要这样改吗？ / 要这样长期订吗？: the question that places the draft."""
    draft = turn.state.draft
    if draft is not None and draft.recurrence is not None:
        return say("ask_confirm_standing", turn.lang)
    replacing = draft is not None and draft.replacing
    return say("ask_confirm_change" if replacing else "ask_confirm", turn.lang)


def place(turn: Turn, said: Utterance | None = None) -> Reply:
    """The yes to a read-back: place the order (or the change) exactly once."""
    state = turn.state
    draft = state.draft
    if draft is None:
        state.ask(None)
        return Reply(say("ok", turn.lang))
    if draft.recurrence is not None:
        return standing.place(turn, draft)
    order_request = request(turn, draft)
    try:
        if draft.replacing:
            with unit_of_work(turn.store.factory) as session:
                order = change_order(session, draft.replacing, order_request, turn.now)
            created, key = True, "changed"
        else:
            order, created = place_order_once(turn.store.factory, order_request, turn.now)
            key = "placed" if created else "placed_again"
    except DomainError as refusal_:
        return refused(turn, refusal_)
    if created and turn.kind == "family":
        tell_elder(turn, order)
    state.drop_draft()
    state.menu_read = None
    turn.placed = True
    return Reply(say(key, turn.lang, serve=serve_words(order, turn.today, turn.lang)))


def tell_elder(turn: Turn, order: OrderSummary) -> None:
    """An elder is told when family ordered for them (queued; sent by the outbox)."""
    with unit_of_work(turn.store.factory) as session:
        elder = session.get(Person, turn.elder_id)
        family = session.get(Person, turn.person_id)
        if elder is None or family is None:
            return
        enqueue(
            session,
            person_id=elder.id,
            kind="order_placed_for_you",
            key=f"placed-for-{order.id}",
            text=say(
                "notify_placed",
                elder.lang,
                family=family.name,
                elder=elder.name,
                when=when_words(order.date, order.meal, turn.today, elder.lang),
                items=items_words(order, elder.lang, turn.store.names(elder.lang)),
            ),
            due_at=turn.now,
        )


def refused(turn: Turn, refusal_: DomainError) -> Reply:
    """A rule said no: say why in the elder's words, and ask again for what must change."""
    code = refusal_.code
    if code in ("unknown_dish", "sold_out", "duplicate_dish"):
        return _dish_refused(turn, refusal_)
    if code in ("closed", "no_menu", "past_date"):
        return _meal_refused(turn, refusal_)
    if code == "canteen_closed":
        return _closed_refused(turn, str(refusal_.params.get("reason", "")))
    if code in ("mode_not_offered", "outside_area", "no_address"):
        return _mode_refused(turn, refusal_)
    turn.state.drop_draft()
    return Reply(say("refused", turn.lang, message=why(refusal_, turn.lang)))


def _when(turn: Turn) -> str:
    draft = turn.state.draft
    if draft is None or draft.day is None or draft.meal is None:
        return ""
    return when_words(draft.day, draft.meal, turn.today, turn.lang)


OFFERED_AT_ONCE = 4
"""Dishes named when one asked for is not on: a few of the meal's, then how many there are
(有：手把肉、大烩菜、蒸南瓜、凉拌黄瓜等七个菜), so the answer stays short to hear."""


def _some_of(turn: Turn, available: str) -> str:
    """The first dishes of the store's list (its names joined by 、), in the person's language."""
    dishes = [d for d in available.split("、") if d]
    names = turn.store.names(turn.lang)
    shown = joined((names.get(d, d) for d in dishes[:OFFERED_AT_ONCE]), turn.lang)
    if len(dishes) <= OFFERED_AT_ONCE:
        return shown
    return shown + say("and_others", turn.lang, count=count(len(dishes), turn.lang))


def _dish_refused(turn: Turn, refusal_: DomainError) -> Reply:
    when, params = _when(turn), refusal_.params
    offered = _offer_what_is_left(turn, refusal_)
    if offered is not None:
        return offered
    _drop_refused_dishes(turn, refusal_)
    turn.state.ask(Awaiting.DISH)
    if refusal_.code == "unknown_dish":
        text = say(
            "no_such_dish",
            turn.lang,
            when=when,
            dish=turn.store.dishes_said(str(params.get("dish") or "").split("、"), turn.lang),
            available=_some_of(turn, str(params.get("available") or "")),
        )
        return Reply(text)
    if refusal_.code == "sold_out":
        dish = turn.store.dishes_said([str(params.get("dish"))], turn.lang)
        return Reply(say("sold_out", turn.lang, dish=dish))
    turn.state.drop_draft()  # the same dish twice: start the order again
    return Reply(say("refused", turn.lang, message=why(refusal_, turn.lang)))


def _drop_refused_dishes(turn: Turn, refusal_: DomainError) -> None:
    """白菜豆腐一个，奶茶一个 at noon, with no milk tea at noon: only the dishes not to be had
    leave the order; the others stay for the dish asked for instead (or none: 不用了)."""
    draft = turn.state.draft
    if draft is None:
        return
    gone = {d for d in str(refusal_.params.get("dish") or "").split("、") if d}
    if refusal_.code == "duplicate_dish" or not gone & set(draft.lines):
        draft.lines = {}
        return
    draft.lines = {name: qty for name, qty in draft.lines.items() if name not in gone}


def _offer_what_is_left(turn: Turn, refusal_: DomainError) -> Reply | None:
    """要二十份 with fifteen left: the fifteen are offered, the rest of the order kept, and the
    whole order read back for a yes (None when nothing is left to offer)."""
    draft = turn.state.draft
    said = _left_taken(turn, draft, refusal_) if draft is not None else None
    if draft is None or said is None:
        return None
    reply = read_back_draft(turn)
    draft.offered = str(refusal_.params.get("dish"))
    return reply.prefixed(said)


def _left_taken(turn: Turn, draft: Draft, refusal_: DomainError) -> str | None:
    """Sold out with some left: the draft takes what is left of that dish, and 只剩三份了 is
    what to say; None for any other refusal."""
    dish, left = str(refusal_.params.get("dish")), int(str(refusal_.params.get("left") or 0))
    if refusal_.code != "sold_out" or left <= 0 or dish not in draft.lines:
        return None
    draft.lines[dish] = left
    name = turn.store.dishes_said([dish], turn.lang)
    return say("sold_out_offer", turn.lang, dish=name, left=count(left, turn.lang))


def _meal_refused(turn: Turn, refusal_: DomainError) -> Reply:
    when = _when(turn)
    if turn.state.draft is not None:
        turn.state.draft.day = turn.state.draft.meal = None
    turn.state.ask(Awaiting.MEAL)
    text = say(refusal_.code, turn.lang, when=when)
    return Reply(text, choices(MEALS, turn.lang), inline=True)


def _closed_refused(turn: Turn, reason: str) -> Reply:
    """The canteen is closed that day or meal (休息): why, the next meal that can be
    ordered, and which meal then (the dishes said are kept)."""
    draft = turn.state.draft
    text = ""
    if draft is not None and draft.day is not None:
        text, found = closed_and_next(turn, draft.day, draft.meal, reason)
        # 晚上 then answers for the day of the next meal offered, not for today
        draft.day, draft.meal = (found[0] if found else None), None
    turn.state.ask(Awaiting.MEAL)
    return Reply(text + say("ask_meal", turn.lang), choices(MEALS, turn.lang), inline=True)


def _mode_refused(turn: Turn, refusal_: DomainError) -> Reply:
    draft = turn.state.draft
    mode = ""
    if draft is not None and draft.fulfillment is not None:
        mode = mode_words(draft.fulfillment.value, turn.lang)
        draft.fulfillment = None
    turn.state.ask(Awaiting.FULFILLMENT)
    text = say(refusal_.code, turn.lang, mode=mode)
    return Reply(text, choices(MODES, turn.lang)[1:], inline=True)


def why(refused_: DomainError, lang: str) -> str:
    """Why a rule said no, in the speaker's language."""
    return refused_.message(lang)
