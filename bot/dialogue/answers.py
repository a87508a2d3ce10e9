"""Questions an elder (or family for them) asks: the menu, what suits their health, their
orders, their cards. Nothing here changes the store."""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import replace
from datetime import date, timedelta
from typing import Any

from sqlalchemy import select

import nlu.lexicon_zh as lex
from bot.dialogue.closed import closed_menu
from bot.dialogue.context import Turn
from bot.dialogue.naming import named_by_part, parts_of, without_forms, without_names
from bot.dialogue.state import Awaiting, MealRef
from bot.dialogue.utterance import Intent, Kind, Mention, Role, Utterance
from bot.dialogue.words import ASKED_FOR, FACTS, KIND_WORDS, KINDS, NOT_A_DISH
from bot.phrasing import (
    advice,
    count,
    day_words,
    dish_label,
    flags,
    items_words,
    money,
    when_words,
)
from bot.turn import Reply
from menus.catalogue import say, word
from menus.db import read_only
from menus.food_safety import day_summary, facts_of, safety_day
from menus.menu_store import load_menus, names_match
from menus.models import Card, Voucher
from menus.orders import OrderSummary, list_orders
from menus.people import find_elder
from menus.spoken import SYLLABLE_LIMIT, syllables
from menus.states import OPEN_STATUSES
from menus.vocab import MealSlot
from nlu.text import clean


def menu(turn: Turn, said: Utterance) -> Reply:
    """One meal's menu in spoken order with prices, a page at a time, what suits the elder's
    conditions, then the next meal offered (还想听晚饭吗？)."""
    lang = turn.lang
    day, meal = said.day or turn.today, said.meal
    menus, _, conditions = _menus(turn, day, meal, said)
    turn.state.menu_read = None
    if len(menus) == 1:
        turn.state.menu_read = MealRef(day, MealSlot(menus[0].meal))
    if not menus:
        closed = closed_menu(turn, day, meal)
        if closed is not None:  # 休息: said with why, and the next meal that can be ordered
            return Reply(closed)
        return Reply(say("menu_none", lang, when=day_words(day, turn.today, lang)))
    return _read(turn, menus, 0, conditions)


def more_menu(turn: Turn, said: Utterance) -> Reply | None:
    """要 to 还有三个菜，要听吗？ / 还想听晚饭吗？: the rest."""
    more, turn.state.menu_more = turn.state.menu_more, None
    turn.state.ask(None)
    if more is None:
        return None
    menus, _, conditions = _menus(turn, more.day, None, said, breakfast=True)
    order = [m.value for m in MealSlot]
    menus = [m for m in menus if order.index(m.meal) >= order.index(more.meal.value)]
    return _read(turn, menus, more.offset, conditions) if menus else None


def _read(turn: Turn, menus: list[Any], offset: int, conditions: set[str]) -> Reply:
    lang, first = turn.lang, menus[0]
    items = first.items[offset:]
    spoken = [
        say("menu_item", lang, dish=dish_label(i.dish, lang), price=money(i.dish.price_fen, lang))
        for i in items
    ]
    when = when_words(first.date, first.meal, turn.today, lang)
    intro = say("menu_intro", lang, when=when) if offset == 0 else ""
    tail = "".join(flags([i.dish for i in first.items], conditions, lang))
    if len(menus) > 1:
        tail += say("menu_next_meal", lang, meal=word("meal", menus[1].meal, lang))
    limit = SYLLABLE_LIMIT // 2 if turn.state.short else SYLLABLE_LIMIT
    shown = _page(intro, spoken, tail, lang, limit)
    text = intro + say("comma", lang).join(spoken[:shown]) + say("stop", lang)
    turn.state.menu_more = None
    if shown < len(items):
        turn.state.menu_more = MealRef(first.date, MealSlot(first.meal), offset + shown)
        text += say("menu_more_dishes", lang, count=count(len(items) - shown, lang))
    else:
        text += tail
        if len(menus) > 1:
            turn.state.menu_more = MealRef(menus[1].date, MealSlot(menus[1].meal), 0)
    if turn.state.menu_more is not None:
        turn.state.ask(Awaiting.MORE_MENU)
    return Reply(text)


def _page(intro: str, spoken: list[str], tail: str, lang: str, limit: int) -> int:
    """How many dishes are read now: all when they fit ``limit`` (syllables) with the intro
    and what ends the meal (the flags for the elder's conditions, the next meal offered), else
    as many as fit beside the offer of the rest (还有三个菜，要听吗？), never fewer than one: a
    menu heard whole stays short in every language and script."""
    comma, stop = say("comma", lang), say("stop", lang)
    if syllables(intro + comma.join(spoken) + stop + tail) <= limit:
        return len(spoken)
    shown = 1
    while shown < len(spoken) - 1:
        offer = say("menu_more_dishes", lang, count=count(len(spoken) - shown - 1, lang))
        if syllables(intro + comma.join(spoken[: shown + 1]) + stop + offer) > limit:
            break
        shown += 1
    return shown


def nutrition(turn: Turn, said: Utterance) -> Reply:
    """What suits the elder's conditions on the day and meal asked; a meal named (明天中午吃啥
    合适) is the one an order right after it is for (那就羊肉汤一个: tomorrow's lunch)."""
    menus, dishes, conditions = _menus(turn, said.day or turn.today, said.meal, said)
    if said.meal is not None:
        _remember_topic(turn, said, menus)
    return Reply(advice(dishes, conditions, turn.lang))


def _menus(
    turn: Turn, day: date, meal: MealSlot | None, said: Utterance, *, breakfast: bool = False
) -> tuple[list[Any], list[Any], set[str]]:
    with read_only(turn.store.factory) as session:
        elder = find_elder(session, str(turn.elder_id))
        conditions = {c.condition for c in elder.elder.conditions} if elder.elder else set()
        conditions |= said.conditions
        canteen = turn.store.home(session, turn.elder_id)
        menus = load_menus(session, [canteen.id], day, meal)
        if meal is None and not breakfast:
            menus = [m for m in menus if m.meal != "breakfast"] or menus
        dishes = [i.dish for m in menus for i in m.items]
        session.expunge_all()
    return menus, dishes, conditions


def upcoming(
    turn: Turn,
    *,
    changeable: bool = False,
    dishes: frozenset[str] = frozenset(),
    day: date | None = None,
    meal: MealSlot | None = None,
) -> OrderSummary | None:
    """The next open order (one that may still change), with one of ``dishes`` if named, on
    ``day`` and for ``meal`` if said (取消今天晚饭 never cancels lunch)."""
    wanted = ("placed", "confirmed") if changeable else tuple(s.value for s in OPEN_STATUSES)
    with read_only(turn.store.factory) as session:
        for order in list_orders(session, elder_id=turn.elder_id):
            named = not dishes or dishes & {i.dish_name for i in order.items}
            when = (day is None or order.date == day) and (meal is None or order.meal == meal)
            if order.date >= turn.today and order.status in wanted and named and when:
                return OrderSummary.of(order)
    return None


def orders(turn: Turn, said: Utterance) -> Reply:
    """The elder's orders still to come (the first three)."""
    lang = turn.lang
    with read_only(turn.store.factory) as session:
        found = [
            OrderSummary.of(o)
            for o in list_orders(session, elder_id=turn.elder_id)
            if o.date >= turn.today and o.status in {s.value for s in OPEN_STATUSES}
        ]
    turn.state.asked = Intent.CHECK_ORDER.value  # 我妈呢 asks it of another
    other = turn.person_id != turn.elder_id  # staff or family: the elder is named, not 您
    elder = turn.store.name(turn.elder_id) if other else ""
    if not found:
        return Reply(say("no_orders_of", lang, elder=elder) if other else say("no_orders", lang))
    lines = [say("orders_intro_of", lang, elder=elder) if other else say("orders_intro", lang)]
    for order in found[:3]:
        lines.append(
            say(
                "order_line",
                lang,
                when=when_words(order.date, order.meal, turn.today, lang),
                items=items_words(order, lang, turn.store.names(lang)),
                status=word("status", order.status, lang),
            )
        )
    return Reply("".join(lines))


def balance(turn: Turn, said: Utterance) -> Reply:
    """What is left on the elder's family and charity cards, and their vouchers still valid."""
    lang = turn.lang
    with read_only(turn.store.factory) as session:
        cards = list(session.scalars(select(Card).where(Card.elder_id == turn.elder_id)))
        vouchers = list(
            session.scalars(
                select(Voucher.value_fen).where(
                    Voucher.elder_id == turn.elder_id,
                    Voucher.used_order_id.is_(None),
                    Voucher.valid_from <= turn.today,
                    Voucher.valid_to >= turn.today,
                )
            )
        )
        parts = [
            say(
                "balance_card",
                lang,
                kind=word("card", c.kind, lang),
                money=money(c.balance_fen, lang),
            )
            for c in cards
        ]
    if vouchers:
        parts.append(_vouchers(vouchers, lang))
    text = say("balance", lang, cards=say("comma", lang).join(parts)) if parts else ""
    if not cards:  # said first: the card asked about is not there
        text = say("balance_none", lang) + text
    return Reply(text)


def _vouchers(values: list[int], lang: str) -> str:
    """消费券还有五张，每张三块钱 (or 一共 when they are worth different amounts)."""
    many = count(len(values), lang)
    if len(set(values)) == 1:
        return say("balance_vouchers", lang, count=many, money=money(values[0], lang))
    return say("balance_vouchers_total", lang, count=many, money=money(sum(values), lang))


# ------------------------------------------------------------- about one dish


QUESTIONS = (Intent.ASK_PRICE, Intent.ASK_MENU, Intent.ASK_NUTRITION)
FOLLOW_UP = re.compile(
    r"(^|[，,。；;！!？?])(那|那个|那么|还有|再问问)?[^，,。；;！!？?]{1,16}呢[？?。！!～~]*$"
)
"""那羊肉汤呢 / 米饭呢？ / 贵了贵了。那鸡蛋面呢: the question just answered, asked of another dish
(the last clause; what comes before it is a remark on the answer)."""


def follow_up(turn: Turn, said: Utterance) -> Utterance:
    """``said`` as the question it continues (那羊肉汤呢 after 手把肉多少钱 asks a price), or
    about the one dish just answered about (血肠十块钱 → 来两份 / 软不软 / хоёрыг ав)."""
    said = balance_asked(kind_asked(said, telling=turn.state.draft is not None))
    asked, turn.state.asked = turn.state.asked, None
    topic, turn.state.topic = turn.state.topic, None
    if asked and _asked_again(said):
        return said.with_intent(Intent(asked))
    if asked == Intent.CHECK_ORDER.value and _orders_of_another(said):
        return said.with_intent(Intent.CHECK_ORDER)  # 我爸订的啥 → 我妈呢 / 那明天的呢
    if topic is not None and turn.state.draft is not None:
        said = _pointed_at(said, topic, turn.state.draft.lines)
        said = _swapped_for_topic(said, topic, turn.state.draft.lines)
        if turn.state.awaiting == Awaiting.CONFIRM:  # 不要 to 要订吗？ declines the order
            return said
        return _topic_refused(said, topic, turn.state.draft.lines)
    if topic is None or any(str(d.value) == topic for d in said.dishes):
        return said
    others = _others_named_by_part(turn, said, topic)
    if len(others) == 1:  # 炖牛肉一份: that dish, with the count said beside it
        return replace(said, mentions=(*said.mentions, Mention(Kind.DISH, others[0])))
    return said if others else _about_topic(said, topic)


def _others_named_by_part(turn: Turn, said: Utterance, topic: str) -> list[str]:
    """紫菜蛋花汤三块钱 → 那中午就炖牛肉一份、米饭一碗: the meal's other dishes a part of whose
    name is said right before a count (炖牛肉一份, 红烧的一份), the dishes named taken out of the
    text first; that count is theirs, not the topic's."""
    read = turn.state.menu_read
    meal = said.meal or (read.meal if read else None)
    if not said.dishes or meal is None:
        return []
    day = said.day or (read.day if read else turn.today)
    known = turn.store.menu_names(turn.elder_id, day, meal)
    named = {str(d.value) for d in said.dishes} | {topic}
    text = without_forms(
        said.text, [form for names in known if names[0] in named for form in names]
    )
    said_of = {
        str(names[0]): max(
            (len(p) for p in parts_of(str(names[0])) if _counted(p, text)), default=0
        )
        for names in known
        if names[0] not in named
    }
    longest = max(said_of.values(), default=0)
    return [name for name, size in said_of.items() if size and size == longest]


def _counted(part: str, text: str) -> bool:
    """``part`` said right before a count: 炖牛肉一份 / 红烧的俩."""
    return re.search(re.escape(part) + COUNT_AFTER, text) is not None


COUNT_AFTER = r"的?(那个)?[一二两三俩仨四五六七八九十0-9]+\s*[份个碗盘碟笼屉块根]?"


def _asked_again(said: Utterance) -> bool:
    """那羊肉汤呢 / 牛肉面？: the question just answered, asked of the dish said."""
    text = clean(said.text)
    if len(said.dishes) == 1 and BARE_ASKED.match(text):
        return True
    return bool(said.dishes) and FOLLOW_UP.search(text) is not None


BARE_ASKED = re.compile(r"^[^，,。！!；;要来订给送换改不别]{1,8}[？?]+$")
"""牛肉面？ after a price heard: the dish alone, asked: the same question of it."""
ASKING_WORDS = re.compile(r"什么|啥|怎么|几|哪|有没有|有")
"""那明天吃什么呢 / 那怎么订呢: a question of its own, not the last one asked of another."""


def _orders_of_another(said: Utterance) -> bool:
    """我妈呢 / 那明天的呢, after the orders were said: a person, day or meal and 呢, nothing
    else asked (not 那明天吃什么呢)."""
    named = said.beneficiary is not None or said.day is not None or said.meal is not None
    short = len(said.text.strip()) <= 8
    plain = not said.dishes and not ASKING_WORDS.search(said.text)
    return named and short and plain and FOLLOW_UP.search(said.text) is not None


IT_REFUSED = re.compile(
    r"^(?:那|那就|那我|哦|噢|嗯|哎|唉|哦那)?[，,\s]*(?:就|还是)?(?:不要|不吃|免|别要|甭要)了?"
    r"(?=$|[，,。.！!；;\s])"
    r"|^(?:тэгвэл|тэгэхээр|за|ᠲᠡᠭᠡᠪᠡᠯ)?[\s,.]*(?:хэрэгг[үу]й|авахг[үу]й|ᠬᠡᠷᠡᠭ ᠦᠭᠡᠢ|ᠠᠪᠬᠤ ᠦᠭᠡᠢ)",
    re.IGNORECASE,
)
"""那就不要了 / тэгвэл хэрэггүй, first in what is said: it (the dish just asked about) is not
wanted; 算了 is not among them, as it may give up the whole order."""


def _topic_refused(said: Utterance, topic: str, lines: Mapping[str, int]) -> Utterance:
    """牛肉干硬不硬？ → (不太软) → 那就不要了。酸奶两个: the order's dish just asked about is given
    up, when no dish is refused by name."""
    if topic not in lines or any(d.refused or str(d.value) == topic for d in said.dishes):
        return said
    if not IT_REFUSED.search(said.text.strip()):
        return said
    gone = Mention(Kind.DISH, topic, role=Role.REMOVE)
    return replace(said, mentions=(*said.mentions, gone))


POINTED_REFUSAL = re.compile(
    r"(那个|这个|它)[就也]?(不要(?!紧|钱)|去掉|拿掉|算了|免了|别要)|(去掉|拿掉|删了|删掉)(那个|这个|它)"
    r"|把(它|那个|这个)(去掉|拿掉|删了|删掉)"
    r"|(ᠲᠡᠷᠡ|ᠡᠭᠦᠨ|тэр|түүн|үүн)\S*\s*(ᠢ\s+|ᠶᠢ\s+)?(ᠬᠠᠰ|ᠪᠣᠯᠢ|ᠬᠡᠷᠡᠭ\s*ᠦᠭᠡᠢ|хас|боль|боли|хэрэггүй)",
    re.IGNORECASE,
)
"""那就把它去掉 / ᠲᠡᠭᠡᠪᠡᠯ ᠲᠡᠷᠡ ᠶᠢ ᠬᠠᠰᠤ / тэрийг хас: the dish pointed at is given up."""


def _pointed_at(said: Utterance, topic: str, lines: Mapping[str, int]) -> Utterance:
    """那就把它去掉 / ᠲᠡᠭᠡᠪᠡᠯ ᠲᠡᠷᠡ ᠶᠢ ᠬᠠᠰᠤ right after a question about one dish of the order,
    naming no dish: that dish is given up."""
    if topic not in lines or said.dishes or not POINTED_REFUSAL.search(said.text):
        return said
    gone = Mention(Kind.DISH, topic, role=Role.REMOVE)
    return replace(said, intent=Intent.CHANGE_ORDER, mentions=(*said.mentions, gone))


def _swapped_for_topic(said: Utterance, topic: str, lines: Mapping[str, int]) -> Utterance:
    """痛风能吃鱼吗 → 那换白菜豆腐: a dish swapped in with none said to go, right after a
    question about one dish of the order: that dish goes."""
    if topic not in lines or not any(d.role == Role.REPLACE_TO for d in said.dishes):
        return said
    if named_by_part(said.text, lines, [str(d.value) for d in said.dishes]) is not None:
        return said  # 鱼多少钱 → 饭换成馒头: the rice, named
    if any(
        d.role in (Role.REPLACE_FROM, Role.REMOVE) or str(d.value) in lines for d in said.dishes
    ):
        return said
    gone = Mention(Kind.DISH, topic, role=Role.REPLACE_FROM)
    return replace(said, mentions=(*said.mentions, gone))


def _about_topic(said: Utterance, topic: str) -> Utterance:
    """The topic dish added when nothing else takes the count or the question: 来两份; a price
    or the portions left (还剩几份了) asked with no dish; ᠨᠢᠭᠡ ᠠᠪᠤᠶ᠎ᠠ᠂ 馒头 ᠨᠢᠭᠡ ᠴᠦ (one of it,
    and a 馒头 too)."""
    counted = [m for m in said.of(Kind.QUANTITY) if m.role is None]
    loose = [m for m in counted if m.group is None]
    asks_left = said.intent in (Intent.ASK_MENU, Intent.CHECK_BALANCE)
    left = asks_left and PORTIONS_LEFT.search(said.text) is not None and not CARD.search(said.text)
    about = (said.intent in (Intent.ASK_PRICE, Intent.ASK_NUTRITION) or left) and not (
        said.conditions
    )
    ordering = said.intent in (Intent.ORDER_MEAL, Intent.INFORM, Intent.CHOOSE_FULFILLMENT)
    ordered = ordering and (len(counted) == 1 if not said.dishes else len(loose) == 1)
    if not ((about and not said.dishes) or ordered):
        return said
    counted = loose or counted
    group = counted[0].group if counted else None
    intent = Intent.ORDER_MEAL if ordered else Intent.ASK_MENU if left else said.intent
    it = Mention(Kind.DISH, topic, group=group)
    return replace(said, intent=intent, mentions=(*said.mentions, it))


def dish_question(
    turn: Turn, said: Utterance, *, day: date | None = None, meal: MealSlot | None = None
) -> Reply | None:
    """清蒸鱼多钱 / 有没有烧麦 / 有啥汤 / 鸡蛋羹软不软: a short answer about those dishes
    (on ``day`` and ``meal`` when the question names none: the order being told);
    None when the question is about the menu as a whole. A question naming no dish, day or meal
    is about the meal being talked of: the order's, else the one just read (晚上都有啥 → 有没有
    稀的: tonight's)."""
    unnamed = said.day is None and said.meal is None and day is None and meal is None
    if unnamed and not said.dishes:
        day, meal = _talked_of(turn)
    day = said.day or day or turn.today
    menus, dishes, _ = _menus(turn, day, said.meal or meal, said)
    when = _when_of(turn, day, menus)
    _remember_topic(turn, said, menus)
    if said.dishes:
        return _about_dishes(turn, said, menus, dishes, when)
    plain = clean(said.text)
    kinds = _kinds_asked(plain)
    if kinds:
        return _kind(turn, kinds, dishes, when, plain)
    asked = ASKED_FOR.search(plain.rstrip("？?。!！ "))
    if asked is not None and any(w in asked.group(0) for w in NOT_A_DISH):
        asked = None  # 有什么(菜) asks for the menu, not for a dish called 什 or 什么菜
    if asked is not None and said.intent == Intent.ASK_MENU and dishes:
        few = say("and", turn.lang).join(dish_label(d, turn.lang) for d in dishes[:3])
        text = say("dish_off_offer", turn.lang, when=when, dish=asked.group("what"), few=few)
        return Reply(text)
    return None


def _talked_of(turn: Turn) -> tuple[date | None, MealSlot | None]:
    """The day and meal being talked of: the order's being told, else the meal last read."""
    draft, read = turn.state.draft, turn.state.menu_read
    if draft is not None and (draft.day is not None or draft.meal is not None):
        return draft.day, draft.meal
    if read is not None and read.day >= turn.today:
        return read.day, read.meal
    return None, None


def _about_dishes(
    turn: Turn, said: Utterance, menus: list[Any], dishes: list[Any], when: str
) -> Reply:
    """The facts asked of the dishes named (软不软), their portions left (还剩几份) or their
    prices; a price asked with a fact (过油肉多少钱？咸不咸) gets both."""
    named = {str(d.value) for d in said.dishes}
    mongolian = [n for d in dishes if d.name in named for n in (d.name_mn, d.name_mn_cyrl)]
    question = without_forms(without_names(said.text, named), mongolian)  # no 油, no ᠵᠥᠭᠡᠯᠡᠨ
    fact = next((fact for word, fact in FACTS.items() if word in question), None)
    if fact is not None and PRICE_ASKED.search(question):
        price = _prices(turn, said, dishes, when)
        return Reply(price.text + _fact(turn, said, dishes, fact).text)
    if fact is not None:
        return _fact(turn, said, dishes, fact)
    if said.conditions and said.intent == Intent.ASK_NUTRITION:  # 痛风能吃鱼吗: of that dish
        told = advice([d for d in dishes if d.name in named], said.conditions, turn.lang)
        if PRICE_ASKED.search(question):  # 排骨多少钱？…我戴假牙: both
            return Reply(_prices(turn, said, dishes, when).text + told)
        return Reply(told)
    if PORTIONS_LEFT.search(question):
        return _left(turn, said, menus, when) or _prices(turn, said, dishes, when)
    return _prices(turn, said, dishes, when)


def _remember_topic(turn: Turn, said: Utterance, menus: list[Any]) -> None:
    """What the next words may lean on: the one meal asked about (今天中午有汤没有 → 来一碗:
    that lunch) and the question asked of a dish (那羊肉汤呢 asks it of another)."""
    if len(menus) == 1 and turn.state.draft is None:
        turn.state.menu_read = MealRef(menus[0].date, MealSlot(menus[0].meal))
    if said.dishes and said.intent in QUESTIONS:
        turn.state.asked = said.intent.value
    if len(said.dishes) == 1:
        turn.state.topic = str(said.dishes[0].value)


def _when_of(turn: Turn, day: date, menus: list[Any]) -> str:
    if len(menus) == 1:
        return when_words(menus[0].date, menus[0].meal, turn.today, turn.lang)
    return day_words(day, turn.today, turn.lang)


def _on_menu(name: str, dishes: list[Any]) -> Any | None:
    return next(
        (d for d in dishes if names_match(name, [d.name, *d.aliases, d.name_mn, d.name_mn_cyrl])),
        None,
    )


def _prices(turn: Turn, said: Utterance, dishes: list[Any], when: str) -> Reply:
    lang, parts = turn.lang, []
    named = {str(m.value): m for m in said.dishes}  # 洋肉汤 多钱 羊肉汤: one dish, said once
    for mention in named.values():
        dish = _on_menu(str(mention.value), dishes)
        name = turn.store.dishes_said([str(mention.value)], lang)
        elsewhere = _other_meal(turn, said, str(mention.value)) if dish is None else None
        if elsewhere is not None:  # 烧麦 asked at noon: it is a breakfast dish
            dish, when_there = elsewhere
            price = money(dish.price_fen, lang)
            parts.append(say("dish_on", lang, when=when_there, dish=name, price=price))
        elif dish is None:
            parts.append(say("dish_off", lang, when=when, dish=name))
        elif said.intent == Intent.ASK_PRICE:
            parts.append(say("dish_price", lang, dish=name, price=money(dish.price_fen, lang)))
        else:
            parts.append(
                say("dish_on", lang, when=when, dish=name, price=money(dish.price_fen, lang))
            )
    return Reply("".join(parts))


PORTIONS_LEFT = re.compile(r"剩几|剩多少|还有几份|还有多少份|几份了|үлд|ᠦᠯᠡᠳ")
"""清蒸鲈鱼还剩几份了？ asks how many portions are left, not only whether it is on."""


def _left(turn: Turn, said: Utterance, menus: list[Any], when: str) -> Reply | None:
    """How many portions are left for that meal of each dish asked about that has a count;
    None when none has (then whether it is on, and its price, is the answer)."""
    parts = []
    for mention in said.dishes:
        name = str(mention.value)
        item = next(
            (i for m in menus for i in m.items if _on_menu(name, [i.dish]) is not None), None
        )
        if item is None or item.portions_left is None:
            continue
        dish, lang = turn.store.dishes_said([name], turn.lang), turn.lang
        if item.portions_left == 0:
            parts.append(say("sold_out", lang, dish=dish))
            continue
        left, price = count(item.portions_left, lang), money(item.dish.price_fen, lang)
        parts.append(say("dish_left", lang, when=when, dish=dish, left=left, price=price))
    return Reply("".join(parts)) if parts else None


def _other_meal(turn: Turn, said: Utterance, name: str) -> tuple[Any, str] | None:
    """The dish on another meal's menu of that day (or the next), with when it is served."""
    start = said.day or turn.today
    for day in (start, start + timedelta(days=1)):
        with read_only(turn.store.factory) as session:
            canteen = turn.store.home(session, turn.elder_id)
            menus = load_menus(session, [canteen.id], day, None)
            for menu in menus:
                found = _on_menu(name, [i.dish for i in menu.items])
                if found is not None:
                    when = when_words(menu.date, menu.meal, turn.today, turn.lang)
                    session.expunge_all()
                    return found, when
    return None


def _fact(
    turn: Turn, said: Utterance, dishes: list[Any], fact: tuple[str, frozenset[str]]
) -> Reply:
    name, tags = fact
    mention = str(said.dishes[0].value)
    dish = _on_menu(mention, dishes)
    label = turn.store.dishes_said([mention], turn.lang)
    has = dish is not None and bool(tags & set(dish.tags or ()))
    key = f"fact_{name}_{'yes' if has else 'no'}"
    return Reply(
        say("fact_yes" if has else "fact_no", turn.lang, dish=label, fact=say(key, turn.lang))
    )


CARD = re.compile(r"卡|券|钱|余额|补贴|优惠|张|次|карт|талон|ᠺᠠᠷᠲ|мөнгө|ᠮᠥᠩᠭᠡ")
"""The card or vouchers named: 还剩多少 is then the balance, not the portions left."""
PRICE_ASKED = re.compile(
    "|".join(
        [re.escape(w) for w, intent, _ in lex.INTENT_CUES if intent == "ask_price"]
        + [p for p, intent, _ in lex.INTENT_PATTERNS if intent == "ask_price"]
        + ["үнэ", "ᠦᠨ᠎ᠡ"]
    )
)
"""A price asked beside a dish's facts (过油肉多少钱？咸不咸): both are answered. The NLU's own
words for asking a price, and the Mongolian word."""
NOT_EATEN = re.compile(r"不吃|不要|不能吃|别|没有?|不喝")
"""A kind said as refused (我不吃鱼): not a kind asked for."""
ASKED_IF_ON = re.compile(r"有没有?")
"""有没有稀的 asks whether there is any: its 没 refuses nothing."""
LIST_ASKED = re.compile(r"哪些|哪个|哪样|有啥|有什么|啥菜|什么菜|都有|有没有|有没")
"""软的菜有哪些 / 哪个菜盐少点: a list of the dishes of a kind asked for, not advice."""


_HEARD_AS_OTHER = (Intent.CHECK_ORDER, Intent.INFORM, Intent.OUT_OF_SCOPE)
_REFUSING = (Intent.CANCEL_ORDER, Intent.DENY)


BALANCE_NAMED = re.compile(r"券|孝心卡|爱心卡|卡里|卡上|余额|талон|ᠲᠠᠯᠣᠨ")
BALANCE_ASKED = re.compile(r"几张|多少|还有|剩|хэд|ᠬᠡᠳᠦ|үлд|ᠦᠯᠡᠳ")
MENU_TOO = re.compile(r"啥菜|什么菜|有啥|吃啥|吃什么|菜单")
_HEARD_AS_MENU = (Intent.ASK_MENU, Intent.ASK_PRICE, Intent.OUT_OF_SCOPE, Intent.INFORM)


def balance_asked(said: Utterance) -> Utterance:
    """我那个代金券还有几张了 还有没有了, heard as a menu question: the vouchers or the card
    named, with how many or how much is left, ask the balance (no dish named)."""
    if said.intent not in _HEARD_AS_MENU or said.dishes:
        return said
    plain = clean(said.text)  # 代金卷: as a recogniser writes it
    if MENU_TOO.search(plain):  # 卡里还有钱吧？明天中午有啥菜: the menu is asked as well
        return said
    if BALANCE_NAMED.search(plain) and BALANCE_ASKED.search(plain):
        return said.with_intent(Intent.CHECK_BALANCE)
    return said


def kind_asked(said: Utterance, *, telling: bool) -> Utterance:
    """晚上的饭哪个是甜的, heard as something else: which dishes are of a kind is asked (the
    dishes listed), whatever the intent heard — when no dish is named (哪个是甜的 甜的我就不要了
    too, when no order is being told that a 不要 could be about)."""
    heard_so = said.intent in _HEARD_AS_OTHER or (said.intent in _REFUSING and not telling)
    if not heard_so or said.dishes:
        return said
    plain = clean(said.text)
    if not LIST_ASKED.search(plain) or not _kinds_asked(plain):
        return said
    return said.with_intent(Intent.ASK_NUTRITION)


def _kinds_asked(plain: str) -> list[str]:
    """The kinds of dish asked for (盐少点又软和: low in salt and soft), the longest words
    first and none inside another (青菜 is not 菜 as well)."""
    found: list[str] = []
    for kind in sorted(KINDS, key=len, reverse=True):
        at = plain.find(kind)
        if at < 0 or any(kind in longer for longer in found):
            continue
        if plain[at - 1 : at] == "不":  # 有啥不甜的: not this kind (advice answers it)
            continue
        if not NOT_EATEN.search(
            ASKED_IF_ON.sub("", plain[max(0, at - 4) : at])
        ):  # 我不吃鱼，清淡的有哪些: not fish
            found.append(kind)
    return found


def _kind(turn: Turn, kinds: list[str], dishes: list[Any], when: str, plain: str) -> Reply:
    """有啥汤 / 软的有哪些 / 哪个菜盐少点又软和: the dishes of every kind asked for (of the
    kind said last alone when none is of all of them)."""
    wanted = [set(KINDS[kind]) for kind in kinds]
    found = [d for d in dishes if all(tags & set(d.tags or ()) for tags in wanted)]
    if not found and len(kinds) > 1:  # 清淡一点的汤: the soups (the word said last names it)
        head = max(range(len(kinds)), key=lambda i: plain.rfind(kinds[i]))
        kinds, found = [kinds[head]], [d for d in dishes if wanted[head] & set(d.tags or ())]
    said_kind = say("and", turn.lang).join(KIND_WORDS.get(kind, kind) for kind in kinds)
    turn.state.offered_dishes = [d.name for d in found[:4]]  # 就要那个粥: one of these
    turn.state.topic = found[0].name if len(found) == 1 else None  # 有汤吗 → 来一碗
    if not found:
        return Reply(say("kind_off", turn.lang, when=when, kind=said_kind))
    listed = say("and", turn.lang).join(
        say(
            "menu_item",
            turn.lang,
            dish=dish_label(d, turn.lang),
            price=money(d.price_fen, turn.lang),
        )
        for d in found[:4]
    )
    return Reply(say("kind_on", turn.lang, when=when, kind=said_kind, dishes=listed))


KITCHEN_ASKED = re.compile(r"后厨|厨房|留样|明厨亮灶|消毒")
ASKING = re.compile(r"怎么样|咋样|如何|好不好|干不干净|吗|么|了没|没有|[？?]\s*$")
"""今天后厨怎么样 / 留样了吗 / 厨房干净吗 asks; 厨房做得太咸了 complains (and is heard so)."""


def kitchen(turn: Turn, said: Utterance) -> Reply | None:
    """今天后厨怎么样: the day's food-safety records of the elder's canteen in one sentence
    (留样 per meal, tableware disinfected, the self-inspection), as its kitchen recorded them;
    None when that is not what was asked. Mandarin only: the sentence exists in Mandarin."""
    text = said.text
    if turn.lang != "zh" or said.dishes or said.intent == Intent.COMPLAIN:
        return None
    if not KITCHEN_ASKED.search(text) or not ASKING.search(text):
        return None
    day = said.day or turn.today
    with read_only(turn.store.factory) as session:
        canteen = turn.store.home(session, turn.elder_id)
        facts = facts_of(safety_day(session, canteen, day))
    return Reply(day_summary(facts, turn.today))
