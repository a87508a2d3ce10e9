"""An order for two elders in one breath, from family: 明天中午给我爸来份土豆炖牛肉，我妈来个
鸡蛋羹 / 这礼拜每天晚上给我爸妈各送一份饺子.

Never merged into one order, never guessed: what is said after (or, said dish first, before)
我爸 is his, after 我妈 hers; the day, meal and way said once are everyone's. The first
elder's order is told as any other; its read-back reads back each other one too, with its
elder's name and price, and the one yes places them all, each with its own idempotency key
(a no or 算了 places none). Parts that cannot be told apart for sure are asked for one at a
time instead.
"""

from __future__ import annotations

import itertools
import re
from dataclasses import replace
from datetime import date
from typing import Any

from bot.dialogue import ordering, standing
from bot.dialogue.context import Turn
from bot.dialogue.family import BARE_PARENTS, RELATION_GENDER, linked_elders
from bot.dialogue.state import Awaiting, Draft
from bot.dialogue.utterance import Intent, Kind, Mention, Role, Utterance
from bot.phrasing import read_back, read_back_full, read_back_several, when_words
from bot.turn import Reply
from menus.catalogue import joined, say
from menus.orders import OrderSummary, quote_order
from menus.vocab import Fulfillment, MealSlot
from nlu.lexicon_zh import BENEFICIARY

_OWN = (Kind.DISH, Kind.QUANTITY)
"""What belongs to one elder's part of the sentence; the rest (day, meal, way) to all."""


def split(turn: Turn, said: Utterance) -> Utterance | None:
    """The first elder's part of ``said`` (their elder chosen), the others' orders queued; None
    when the parts cannot be told apart for sure (then they are asked for one at a time)."""
    elders = linked_elders(turn)
    parts = _parts(said, elders) or _named_alike(said, elders)
    if parts is None or len(parts) < 2:
        return None
    first_elder, first = parts[0]
    turn.state.queued = [_entry(elder_id, mentions) for elder_id, mentions in parts[1:]]
    turn.state.for_elder = first_elder
    owned = [m for _, mentions in parts for m in mentions]
    shared = tuple(
        m
        for m in said.mentions
        if m.kind not in (*_OWN, Kind.BENEFICIARY) and not any(m is o for o in owned)
    )
    return replace(said, mentions=shared + tuple(first))


def _entry(elder_id: int, mentions: list[Mention]) -> dict[str, Any]:
    """A queued order: its elder, dishes and, when said for that elder alone, its way."""
    entry: dict[str, Any] = {"elder": elder_id, "lines": _lines(mentions)}
    way = next((m for m in mentions if m.kind == Kind.FULFILLMENT), None)
    if way is not None:
        entry["fulfillment"] = str(way.value)
    return entry


def _own_kinds(mentions: list[Mention]) -> tuple[Kind, ...]:
    """What belongs to one elder's part: the dishes and counts, and the way of getting the
    meal too when the sentence gives different ways (我爸去食堂吃…我妈给她送…)."""
    ways = {str(m.value) for m in mentions if m.kind == Kind.FULFILLMENT and not m.refused}
    return (*_OWN, Kind.FULFILLMENT) if len(ways) > 1 else _OWN


def take_up_changed(turn: Turn, said: Utterance) -> bool:
    """莜面鱼鱼换成小米粥 / 后天那顿不用送了 while several orders are read back: the change is
    to the order that has that dish (or is for that day), so that one is taken up (the one told
    so far waits in line, as it is). Whether it was."""
    state, draft = turn.state, turn.state.draft
    if not state.queued or draft is None:
        return False
    named = _elder_edited(turn, said)  # 奶奶最近不吃猪肉 她那份换莜面鱼鱼 爷爷的不变
    for k, entry in enumerate(state.queued):
        if named is not None and named != (state.for_elder or turn.elder_id):
            about = int(entry["elder"]) == named
        else:
            about = _is_about(entry, said, draft)
        if about:
            state.queued[k] = _entry_of(draft, state.for_elder or turn.elder_id)
            _take_up(turn, draft, entry)
            return True
    return False


def day_edits(turn: Turn, said: Utterance) -> Reply | None:
    """While orders for several days are read back: a day dropped (then the rest read back
    again, returned) or a change naming no day made to each day's order alike (None)."""
    dropped = drop_day(turn, said)
    if dropped is not None:
        return next_in_line(turn, dropped, turn.state.draft)
    alike_edits(turn, said)
    return None


_ONLY = ("就", "只")
"""后儿个不要了，就明儿个一天: the day after 就 / 只 is the one kept."""
_KEPT = re.compile(r"就|只|保留|照常|照旧|不变|还要|留着")
"""A clause keeping the day or meal it names (午饭保留, 就明儿个一天)."""


def drop_day(turn: Turn, said: Utterance) -> Reply | None:
    """后天那顿不要了 / 后儿个不要了，就明儿个一天 / 晚饭那份取消，午饭保留 while orders for
    several days or meals are read back: that one leaves (the others stay, read back again);
    None when this is not that."""
    state, draft = turn.state, turn.state.draft
    if not state.queued or draft is None or said.intent != Intent.CANCEL_ORDER or said.dishes:
        return None
    gone = _dropped(turn, said)
    if gone is None:
        return None
    key, value = gone
    turn.elder_id = state.for_elder or turn.elder_id  # whose order is being told
    mine = [e for e in state.queued if int(e["elder"]) == turn.elder_id]
    told = {"day": draft.day.isoformat() if draft.day else None}
    told["meal"] = draft.meal.value if draft.meal else None
    if any(str(e.get(key)) == value for e in mine):
        state.queued = [e for e in state.queued if not (e in mine and str(e.get(key)) == value)]
    elif told[key] == value and mine:
        state.queued.remove(mine[0])
        _take_up(turn, draft, mine[0])
    else:
        return None
    return ordering.read_back_draft(turn)


def _dropped(turn: Turn, said: Utterance) -> tuple[str, str] | None:
    """("day", ISO date) or ("meal", meal) of the one day or meal given up: the one not named in
    a clause that keeps it (午饭保留); None when not exactly one."""
    clauses = re.split(r"[，,。；;！!\s]+", said.text)
    kept_text = "，".join(c for c in clauses if _KEPT.search(c))
    kept = Utterance.from_parse(kept_text, turn.store.parser.parse(kept_text, today=turn.today))
    for kind, key in ((Kind.DATE, "day"), (Kind.MEAL, "meal")):
        named = {str(m.value) for m in said.of(kind)}
        gone = named - {str(m.value) for m in kept.of(kind)}
        if named:
            return (key, gone.pop()) if len(gone) == 1 else None
    return None


def alike_edits(turn: Turn, said: Utterance) -> None:
    """沙葱不要了 / 包子要仨 while the same dishes are read back for several days (明儿个跟后儿个
    都要): naming no day, the change is to every one of them that has the dish (the one being
    told takes it as usual)."""
    state, draft = turn.state, turn.state.draft
    if not state.queued or draft is None or said.of(Kind.DATE):
        return
    refused = {str(d.value) for d in said.dishes if d.refused}
    counts = said.counts
    swapped_in = {
        str(d.value): counts.get(d.group, 1) for d in said.dishes if d.role == Role.REPLACE_TO
    }
    if swapped_in and not refused:  # 八宝粥太甜了 换小米粥: the dish named is the one given up
        refused = {str(d.value) for d in said.dishes if d.role is None} & set(draft.lines)
    recounted = {
        str(d.value): counts[d.group]
        for d in said.dishes
        if d.role is None and d.group in counts and str(d.value) in draft.lines
    }
    whose = state.for_elder or turn.elder_id
    for entry in state.queued:
        lines = dict(entry["lines"])
        if int(entry["elder"]) != whose or not set(lines) & set(draft.lines):
            continue
        if swapped_in and not refused & set(lines):
            continue  # a swap of a dish this day's order does not have
        lines = {dish: qty for dish, qty in lines.items() if dish not in refused}
        lines.update({dish: qty for dish, qty in recounted.items() if dish in lines})
        lines.update(swapped_in)
        entry["lines"] = lines


_STAYS = re.compile(r"^的?(那份)?(不变|照旧|别动|不动|不用改|就那样)")
"""爷爷的不变: that elder's order stays as it is; the change is someone else's."""


_EDITING = ("换", "改", "不要", "去掉", "不吃", "甭", "别", "不用", "加", "再来", "再要", "添")
"""What makes a clause the edit (我爷换成红烧排骨, 奶奶那份再加一碗小米粥), not what is kept
(鲈鱼给我奶)."""


def _elder_edited(turn: Turn, said: Utterance) -> int | None:
    """The linked elder the edit is for: named (by name, or as 奶奶 / 我爸: the one of that
    gender) in the clause that edits, else in the clause before it (奶奶最近不吃猪肉 她那份换
    莜面鱼鱼); never one said to stay as is (爷爷的不变); None when no one is named there."""
    clauses = [m for m in re.finditer(r"[^\s，,。.！!？?；;]+", said.text)]
    edits = [k for k, c in enumerate(clauses) if any(w in c.group() for w in _EDITING)]
    if not edits:
        return None
    for k in (edits[0], edits[0] - 1):
        if k >= 0:
            named = _elders_named(turn, clauses[k].group())
            if named:
                return min(named)[1]
    return None


def _elders_named(turn: Turn, text: str) -> list[tuple[int, int]]:
    """(where, elder) for each linked elder ``text`` names, by name or as 奶奶 / 我爸."""
    elders = linked_elders(turn)
    found: list[tuple[int, int]] = []
    words = [(name, [pid]) for pid, name, _ in elders]
    for word, relation in BENEFICIARY:
        gender = RELATION_GENDER.get(relation)
        words.append((word, [pid for pid, _, g in elders if gender is not None and g == gender]))
    for word, relation in BARE_PARENTS:  # 妈的蛋去掉: a child's shorthand, heading the clause
        gender = RELATION_GENDER[relation]
        if text.startswith(word):
            words.append((word, [pid for pid, _, g in elders if g == gender]))
    for word, pids in words:
        at = text.find(word)
        if at >= 0 and len(pids) == 1 and not _STAYS.match(text[at + len(word) :]):
            found.append((at, pids[0]))
    return found


def _is_about(entry: dict[str, Any], said: Utterance, draft: Draft) -> bool:
    """Whether what is said changes this queued order rather than the one being told."""
    days = {str(m.value) for m in said.of(Kind.DATE) if not m.refused}
    if draft.day is not None and days == {draft.day.isoformat()}:
        return False  # 明儿那碗也改成牛肉面: the day being told, whatever dish it names
    refused = {str(d.value) for d in said.dishes if d.refused}
    given_up = {str(d.value) for d in said.dishes if d.role not in (Role.REPLACE_TO, Role.ADD)}
    named = refused or given_up  # the dish swapped in names no order (后天 has it already)
    if named:
        return not named & set(draft.lines) and bool(named & set(dict(entry["lines"])))
    return bool(entry.get("day")) and days == {str(entry["day"])} and draft.day != entry["day"]


def _entry_of(draft: Draft, elder_id: int) -> dict[str, Any]:
    return {
        "elder": elder_id,
        "lines": dict(draft.lines),
        "day": draft.day.isoformat() if draft.day else None,
        "meal": draft.meal.value if draft.meal else None,
        "fulfillment": draft.fulfillment.value if draft.fulfillment else None,
    }


def _take_up(turn: Turn, draft: Draft, entry: dict[str, Any]) -> None:
    taken = _draft(entry, draft)
    draft.lines, draft.day, draft.meal = taken.lines, taken.day, taken.meal
    draft.fulfillment = taken.fulfillment
    turn.elder_id = turn.state.for_elder = int(entry["elder"])


def _merged_same_meal(turn: Turn, draft: Draft) -> bool:
    """Queued orders of the same elder that now fall on the draft's day and meal (今天中午的
    closed, both went to tomorrow's lunch) join the draft: one meal, one order. Whether any did."""
    same = [
        entry
        for entry in turn.state.queued
        if int(entry["elder"]) == turn.elder_id
        and (_draft(entry, draft).day, _draft(entry, draft).meal) == (draft.day, draft.meal)
    ]
    for entry in same:
        for dish, qty in _draft(entry, draft).lines.items():
            draft.lines[dish] = draft.lines.get(dish, 0) + qty
        turn.state.queued.remove(entry)
    return bool(same)


def next_in_line(turn: Turn, reply: Reply, told: Draft | None) -> Reply:
    """After a reply to the family member: a read-back of the first elder's order also reads
    back the others' (one yes places them all); once it is placed, so are they; when it was
    declined or left, none is."""
    state = turn.state
    if not state.queued:
        return reply
    if reply.text.endswith(say("confirm_yes_no", turn.lang)):
        return reply  # 请说“要”…: every order read back briefly already, nothing changed
    if state.draft is not None and state.awaiting == Awaiting.CONFIRM:
        if _merged_same_meal(turn, state.draft):  # both moved to the same meal: one order
            reply = ordering.read_back_draft(turn)
            if not state.queued:
                return reply
        return _read_back_all(turn, reply, state.draft)
    if state.draft is not None:
        return reply  # the first order is still being told
    if not turn.placed or told is None:
        state.queued = []
        return reply
    first = turn.elder_id
    told_each = [(_name(turn, first), reply.text)]
    for entry in state.queued:
        told_each.append((_name(turn, int(entry["elder"])), _place(turn, entry, told)))
    state.queued = []
    turn.elder_id = state.for_elder = first
    return Reply(_told_together(turn, told_each))


def _told_together(turn: Turn, told_each: list[tuple[str, str]]) -> str:
    """刘振华、李淑芬：订好了…: elders told the same words are named together, once; an elder
    told of several meals hears 订好了 once (订好了。明天…送到家。后天…送到家。)."""
    done = say("placed", turn.lang, serve="")
    merged: dict[str, str] = {}
    for name, text in told_each:
        if merged.get(name, "").startswith(done) and text.startswith(done):
            text = text.removeprefix(done)
        merged[name] = merged.get(name, "") + text
    told_each = list(merged.items())
    texts: list[str] = []
    for text in dict.fromkeys(text for _, text in told_each):
        names = [name for name, said in told_each if said == text and name]
        texts.append(_for(turn, joined(names, turn.lang), text) if names else text)
    return "".join(texts)


def _read_back_all(turn: Turn, reply: Reply, first: Draft) -> Reply:
    """The first order's read-back, then each other one's (with its elder's name), then the
    one question: said together in one breath, what they share once (``read_back_several``);
    说详细点 reads each back whole."""
    question = ordering.confirm_question(turn)
    text = first_text = reply.text.removesuffix(question)
    saved = (first, turn.elder_id, turn.state.for_elder)
    quotes = [_quote(turn)]
    for entry in turn.state.queued:
        turn.state.draft = _draft(entry, first)
        turn.elder_id = int(entry["elder"])
        other = ordering.read_back_draft(turn, after=first)
        if turn.state.awaiting != Awaiting.CONFIRM:  # refused (sold out…): say why, stop here
            turn.state.queued = []
            return Reply(text + other.text)
        entry["key"] = turn.state.draft.key
        quotes.append(_quote(turn))
        text += _same_or(turn, first, first_text, other.text.removesuffix(question))
    turn.state.draft, turn.elder_id, turn.state.for_elder = saved
    together = _together(turn, first, first_text, quotes)
    if together is None:  # its short form too: 请说“要”… reads back every order, not the first
        return Reply(text + question, reply.choices, reply.inline, short=text + question)
    said, full = together
    return Reply(
        said + question, reply.choices, reply.inline, short=said + question, full=full + question
    )


def _quote(turn: Turn) -> OrderSummary:
    """The draft being told as it would be placed (its price, subsidy and how it is paid)."""
    draft = turn.state.draft
    assert draft is not None
    request = ordering.request(turn, draft)
    return quote_order(turn.store.factory, request, turn.now, replacing=draft.replacing)


def _together(
    turn: Turn, first: Draft, first_text: str, quotes: list[OrderSummary]
) -> tuple[str, str] | None:
    """The orders read back together and each read back whole, after what was said before the
    first one's read-back (好的，不要沙葱了。, a standing order's days); None where that read-back
    is not found as told (then each is read back as it was)."""
    names, lang, today = turn.store.names(turn.lang), turn.lang, turn.today
    named = turn.kind in ("family", "staff")  # for whom; an elder is never called by full name
    when = standing.read_back_words(turn, first)[1] if first.recurrence else None
    own = read_back(quotes[0], today, lang, names, named=named, when=when)
    if not first_text.endswith(own):
        return None
    before = first_text.removesuffix(own)
    said = read_back_several(quotes, today, lang, names, named=named)
    whose = named or len({q.elder_id for q in quotes}) > 1
    full = "".join(read_back_full(q, today, lang, names, named=whose) for q in quotes)
    return before + said, before + full


def _same_or(turn: Turn, first: Draft, told: str, other: str) -> str:
    """后天午饭也一样。: another day's order of the same elder read back in a word when all but
    its day is as told just before (dishes, way, price); else ``other`` as it is."""
    draft = turn.state.draft
    if draft is None or draft.day is None or draft.meal is None or first.day is None:
        return other
    when = when_words(draft.day, draft.meal, turn.today, turn.lang)
    first_when = when_words(first.day, first.meal or draft.meal, turn.today, turn.lang)
    if when == first_when or not told.endswith(other.replace(when, first_when, 1)):
        return other
    return say("read_back_same", turn.lang, when=when)


def _place(turn: Turn, entry: dict[str, Any], told: Draft) -> str:
    """Place one queued order as read back (its own idempotency key), for its elder."""
    turn.state.draft = _draft(entry, told)
    turn.state.draft.key = str(entry.get("key") or "")
    turn.elder_id = turn.state.for_elder = int(entry["elder"])
    return ordering.place(turn).text


def _draft(entry: dict[str, Any], like: Draft) -> Draft:
    """A queued order as a draft: its own dishes (and day and meal, when said for it), the
    rest as the order told first."""
    day = date.fromisoformat(str(entry["day"])) if entry.get("day") else like.day
    return Draft(
        lines={str(k): int(v) for k, v in dict(entry["lines"]).items()},
        day=day,
        meal=MealSlot(str(entry["meal"])) if entry.get("meal") else like.meal,
        fulfillment=Fulfillment(str(entry["fulfillment"]))
        if entry.get("fulfillment")
        else like.fulfillment,
        recurrence=like.recurrence,
    )


def split_days(turn: Turn, said: Utterance) -> Utterance:
    """明天中午一份羊肉面片，后天中午一份土豆炖羊肉加一碗米饭，都送到家: one order per day (or
    meal) named with dishes of its own, never all on the last day said. The first is told as
    any order; the others are queued and read back with it (one yes places them all)."""
    if said.intent != Intent.ORDER_MEAL or turn.state.draft is not None or turn.state.queued:
        return said
    parts = _by_day(said) or _days_alike(said)
    if parts is None:
        return said
    shared = tuple(m for m in said.mentions if m.kind not in (*_OWN, Kind.DATE, Kind.MEAL))
    (day, meal, own), *others = parts
    turn.state.queued = [
        {"elder": turn.elder_id, "lines": _lines(o), "day": _value(d), "meal": _value(m)}
        for d, m, o in others
    ]
    when = tuple(x for x in (day, meal) if x is not None)
    return replace(said, mentions=shared + when + tuple(own))


def _value(mention: Mention | None) -> str | None:
    return str(mention.value) if mention is not None else None


DayPart = tuple[Mention | None, Mention | None, list[Mention]]
"""A day said, a meal said, and what is ordered for them."""


def _by_day(said: Utterance) -> list[DayPart] | None:
    """(day, meal, what is ordered for it) for each day or meal said with dishes after it;
    None unless there are two or more such, each with a counted dish, each a different meal. A part
    without a day or meal of its own has the one before (明天中午A，后天B: both lunches)."""
    parts = _parts_by_day(said)
    if parts is None or len(parts) < 2:
        return None
    counted = all(  # 今天中午的红烧肉太咸了，明天中午来一份鱼: the first is not an order
        any(o.kind == Kind.DISH for o in p["own"])
        and any(o.kind == Kind.QUANTITY for o in p["own"])
        for p in parts
    )
    if not counted:
        return None
    found: list[DayPart] = []
    day, meal = None, None
    for part in parts:
        day, meal = part["day"] or day, part["meal"] or meal
        found.append((day, meal, part["own"]))
    if len({(_value(d), _value(m)) for d, m, _ in found}) < len(found):
        return None  # the same meal twice: one order, as said
    return found


_EITHER = ("还是", "或", "要么", "эсвэл", "ᠡᠰᠡᠪᠡᠯ")
"""今天或明天: one day or the other, not both."""


def _days_alike(said: Utterance) -> list[DayPart] | None:
    """明儿个跟后儿个的早饭，包子俩 / 来碗羊肉汤。今儿个跟明儿个，两天都要: two or more days
    said side by side (nothing ordered between them) for the same dishes: the same order on
    each day, each with its own meal (明天中午跟后天中午) or the one meal said. None for a
    standing order (从明天到礼拜五), for one day or another (今天或明天), and for days
    given up or swapped (不是明天，是后天)."""
    mentions = list(said.mentions)
    at = [i for i, m in enumerate(mentions) if m.kind == Kind.DATE]
    days = [mentions[i] for i in at]
    if (
        said.recurring
        or len({str(d.value) for d in days}) != len(days)
        or len(days) < 2
        or any(d.role is not None or d.refused for d in days)
        or any(m.kind in _OWN for m in mentions[at[0] : at[-1]])
        or any(word in said.text for word in _EITHER)
    ):
        return None
    own = [m for m in mentions if m.kind in _OWN]
    meals = [m for m in mentions if m.kind == Kind.MEAL and not m.refused]
    if not any(m.kind == Kind.DISH and not m.refused for m in own):
        return None
    parts: list[DayPart] = []
    for k, i in enumerate(at):
        end = at[k + 1] if k + 1 < len(at) else len(mentions)
        meal = next((m for m in mentions[i:end] if m.kind == Kind.MEAL), None)
        single = meals[0] if len({str(m.value) for m in meals}) == 1 else None
        parts.append((days[k], meal or single, own))
    return parts


def _parts_by_day(said: Utterance) -> list[dict[str, Any]] | None:
    """The mentions cut where a day or meal is said after dishes; None when dishes come first."""
    parts: list[dict[str, Any]] = []
    for m in said.mentions:
        if m.kind in (Kind.DATE, Kind.MEAL) and not m.refused:
            if not parts or parts[-1]["own"]:
                parts.append({"day": None, "meal": None, "own": []})
            parts[-1]["day" if m.kind == Kind.DATE else "meal"] = m
        elif m.kind in _OWN:
            if not parts:
                return None
            parts[-1]["own"].append(m)
    return parts


def _name(turn: Turn, elder_id: int | None) -> str:
    return next((name for pid, name, _ in linked_elders(turn) if pid == elder_id), "")


def _for(turn: Turn, elder: str, text: str) -> str:
    return say("several_for", turn.lang, elder=elder, text=text) if elder else text


Elders = list[tuple[int, str, str | None]]
Parts = list[tuple[int, list[Mention]]]


def _parts(said: Utterance, elders: Elders) -> Parts | None:
    """Each elder named with the dishes that are theirs, in the order named."""
    mentions = list(said.mentions)
    named = _named(mentions)
    if not named:
        return None
    if len(named) == 2 and named[1] == named[0] + 1:  # 给我爷我奶一人一份鲈鱼
        return _both_alike(mentions, named, elders)
    if len(named) == 1 and mentions[named[0]].value == "parents":  # 给我爸妈各送一份
        return _parents_alike(mentions, elders)
    dish_first = any(m.kind == Kind.DISH for m in mentions[: named[0]])
    kinds = _own_kinds(mentions)
    bounds = [-1, *named] if dish_first else [*named, len(mentions)]
    parts = []
    for k, at in enumerate(named):
        start, end = (bounds[k] + 1, at) if dish_first else (at + 1, bounds[k + 1])
        own = [m for m in mentions[start:end] if m.kind in kinds]
        elder = _elder_of(mentions[at], elders)
        if elder is None or not any(m.kind == Kind.DISH for m in own):
            return None
        parts.append((elder, own))
    return _tail_for_all(parts) if len({elder for elder, _ in parts}) == len(parts) else None


def _named(mentions: list[Mention]) -> list[int]:
    """Where each elder is named who has a part of their own: not 我爸妈 beside 爸…；妈… (each
    one's part follows), not a parent named after every dish (…，自取，我爸会去拿: only who
    fetches it)."""
    named = [i for i, m in enumerate(mentions) if m.kind == Kind.BENEFICIARY]
    if len(named) > 1:
        named = [i for i in named if mentions[i].value != "parents"]
    dish_first = bool(named) and any(m.kind == Kind.DISH for m in mentions[: named[0]])
    while len(named) > 1 and not dish_first:
        if any(m.kind == Kind.DISH for m in mentions[named[-1] :]):
            break
        named.pop()
    return named


def _tail_for_all(parts: Parts) -> Parts:
    """爸要过油肉 妈要醋溜白菜 各一碗米饭: what follows 各 after the last elder's dishes is for
    every one of them (each dish with that count), not for the last alone."""
    last_elder, last = parts[-1]
    at = next(
        (k for k, m in enumerate(last) if m.kind == Kind.QUANTITY and m.role == Role.EACH), None
    )
    if at is None or not any(m.kind == Kind.DISH for m in last[:at]):
        return parts
    count = last[at].value
    shared = [m for m in last[at + 1 :] if m.kind == Kind.DISH and not m.refused]
    if not shared:
        return parts
    counted = [Mention(Kind.QUANTITY, count, group=m.group) for m in shared]
    tail = [*shared, *counted]
    return [(elder, [*own, *tail]) for elder, own in parts[:-1]] + [
        (last_elder, [*last[:at], *tail])
    ]


def _both_alike(mentions: list[Mention], named: list[int], elders: Elders) -> Parts | None:
    """Two elders named one after the other, then what both get (我爷我奶一人一份清蒸鲈鱼)."""
    chosen = [pid for pid in (_elder_of(mentions[i], elders) for i in named) if pid is not None]
    own = [m for m in mentions[named[1] + 1 :] if m.kind in _OWN]
    if len(set(chosen)) != 2 or not own:
        return None
    return [(pid, own) for pid in chosen]


_JOINING = re.compile(r"^[\s、，,和跟与及还有也]*$")
"""Between two names said together (刘振华 李淑芬 / 刘振华和李淑芬)."""


def _named_alike(said: Utterance, elders: Elders) -> Parts | None:
    """给刘振华 李淑芬各订一份饺子: elders named by their names side by side, then what each of
    them gets; None when anything else stands between the names."""
    at = sorted((said.text.find(name), pid, name) for pid, name, _ in elders if name in said.text)
    if len(at) < 2:
        return None
    for (start, _, name), (nxt, _, _) in itertools.pairwise(at):
        if not _JOINING.match(said.text[start + len(name) : nxt]):
            return None
    own = [m for m in said.mentions if m.kind in _OWN]
    return [(pid, own) for _, pid, _ in at] if any(m.kind == Kind.DISH for m in own) else None


def _parents_alike(mentions: list[Mention], elders: Elders) -> Parts | None:
    """给我爸妈各送一份: both linked parents get the same."""
    both = [pid for pid, _, gender in elders if gender in RELATION_GENDER.values()]
    both = both if len(both) == 2 else [pid for pid, _, _ in elders]
    own = [m for m in mentions if m.kind in _OWN]
    return [(pid, own) for pid in both] if len(both) == 2 and own else None


def _elder_of(mention: Mention, elders: list[tuple[int, str, str | None]]) -> int | None:
    gender = RELATION_GENDER.get(str(mention.value))
    matching = [pid for pid, _, g in elders if gender is not None and g == gender]
    return matching[0] if len(matching) == 1 else None


def _lines(mentions: list[Mention]) -> dict[str, int]:
    """Dishes with their portions (a count tied to its dish, 各一份 for each, else one)."""
    each = next(
        (int(m.value) for m in mentions if m.kind == Kind.QUANTITY and m.role == Role.EACH), None
    )
    counts = {m.group: int(m.value) for m in mentions if m.kind == Kind.QUANTITY}
    return {
        str(m.value): counts.get(m.group, each or 1)
        for m in mentions
        if m.kind == Kind.DISH and not m.refused
    }
