"""An elder's turn (or a family member's, for the elder they chose): a table from what the last
reply asked for and what was said to a small handler, the way python-telegram-bot's
``ConversationHandler`` maps states to handlers (our state lives in the store).

A handler may answer ``None`` to mean "not an answer to that question": the turn then goes to
the table of what can be said at any time."""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from dataclasses import replace

from bot.dialogue import answers, cancelling, care, ordering, read_back_asked, standing
from bot.dialogue.context import Turn
from bot.dialogue.naming import named_by_part, refused_by_part
from bot.dialogue.state import ORDERING, Awaiting, Draft
from bot.dialogue.utterance import Intent, Kind, Mention, Role, Utterance
from bot.dialogue.words import FACTS
from bot.listening import CHECK_TAG_WORDS, NO_AMONG_WORDS, YES_AMONG_WORDS
from bot.turn import Reply
from menus.catalogue import YES_NO, choices, say
from menus.scripts import is_mongolian

Handler = Callable[[Turn, Utterance], Reply | None]
ANY = "*"
YES_AMONG = re.compile(YES_AMONG_WORDS)
NO_AMONG = re.compile(NO_AMONG_WORDS)
CHECK_TAG = re.compile(CHECK_TAG_WORDS)
"""In a table: any intent not listed."""


def handle(turn: Turn, said: Utterance) -> Reply:
    """Everything an elder (or family for them) can ask for."""
    said = ordering.home_as_way(turn, answers.follow_up(turn, said))
    if turn.state.awaiting not in (Awaiting.CONFIRM, Awaiting.CANCEL):
        paused = standing.pause_or_resume_reply(turn, said) or answers.kitchen(turn, said)
        if paused is not None:
            return paused  # 出院了接着送 / 今天后厨怎么样
    if turn.state.awaiting == Awaiting.CONFIRM:
        asked = read_back_asked.answered(turn, said)  # 原价一共多少 / 几点能送到
        if asked is not None:
            return asked
    table = WHILE.get(turn.state.awaiting) if turn.state.awaiting else None
    if table is not None:
        handler = table.get(said.intent) or table.get(ANY)
        reply = handler(turn, said) if handler else None
        if reply is not None:
            return reply
    answer = ANYTIME.get(said.intent, care.not_understood)(turn, said)
    assert answer is not None
    return answer


# ---------------------------------------------------------- answering the read-back


def _yes_to_read_back(turn: Turn, said: Utterance) -> Reply:
    """对 / тийм places the order; a dish said with a count is a change however it is said
    (банш нэг л болно: one dumpling will do), and is read back again first."""
    if said.dishes and said.of(Kind.QUANTITY):
        return ordering.fill(turn, said)
    return ordering.place(turn, said)


def _deny_draft(turn: Turn, said: Utterance) -> Reply:
    """不要 to the read-back: nothing placed (or changed); 不要米饭 / 汤不要了 is a correction."""
    if said.mentions or _names_a_dish_of_the_order(turn, said):
        return ordering.fill(turn, said)
    changing = turn.state.draft is not None and turn.state.draft.replacing
    turn.state.drop_draft()
    return Reply(say("not_changed" if changing else "not_placed", turn.lang))


def _cancel_draft(turn: Turn, said: Utterance) -> Reply:
    """取消 / 不订了 to the read-back: nothing placed; 不要米饭了 / 汤不要了 is a correction."""
    if not said.dishes and not _names_a_dish_of_the_order(turn, said):
        turn.state.drop_draft()
        return Reply(say("not_placed", turn.lang))
    return ordering.fill(turn, said)


def _question_at_confirm(turn: Turn, said: Utterance) -> Reply | None:
    """排骨多少钱？ / 鸡蛋羹软不软？ asked at the read-back: the short answer about that dish
    on the order's day and meal, then the read-back's question again (the draft stays). A
    question naming no dish is heard as usual."""
    draft = turn.state.draft
    said = about_the_order(turn, said)
    if draft is None or not said.dishes:
        return None
    answer = answers.dish_question(turn, said, day=draft.day, meal=draft.meal)
    if answer is None:
        return None
    turn.state.ask(Awaiting.CONFIRM)
    text = _sentence(turn, answer.text) + ordering.confirm_question(turn)
    return Reply(text, choices(YES_NO, turn.lang), inline=True)


PORTIONS_ASKED = re.compile(r"几份|几个|多少份|几碗|几盘")


def _balance_at_confirm(turn: Turn, said: Utterance) -> Reply | None:
    """我那券还有几张？ asked at the read-back: the balance, then the read-back's question
    again (the draft stays); a change said with it (米饭不要了，卡里还有多少) is a change."""
    yes = yes_among(said.text)
    if said.mentions or yes or PORTIONS_ASKED.search(said.text):
        return _correct_or_ask(turn, said)  # a change; 对，卡里扣 (a yes); 还剩几份 (portions)
    answer = answers.balance(turn, said)
    turn.state.ask(Awaiting.CONFIRM)
    text = _sentence(turn, answer.text) + ordering.confirm_question(turn)
    return Reply(text, choices(YES_NO, turn.lang), inline=True)


def yes_among(text: str) -> bool:
    """A yes said among other words and not turned round; after a check of its own (饺子一份，
    醋溜白菜一份，对吧？行，就这么定了) the answer is what follows the last question mark."""
    head, mark, tail = text.rpartition("？") if "？" in text else text.rpartition("?")
    checked = mark and CHECK_TAG.search(head) and tail.strip(" ，,。.！!～~…")
    heard = tail if checked else text  # 七块钱？好贵啊: no check of their own, no yes
    return YES_AMONG.search(heard) is not None and not NO_AMONG.search(heard)


THIS_ONE = re.compile(r"这个|那个|这|那|它")
"""痛风能吃这个吗: the dish of the order (its only one); 血糖高吃啥好 asks for advice."""


def about_the_order(turn: Turn, said: Utterance) -> Utterance:
    """A price or a fact asked with no dish named, while an order is told (鱼刺多不 / ᠦᠨ᠎ᠡ ᠨᠢ
    ᠬᠡᠳᠦ ᠪᠤᠢ / ᠶᠠᠰᠤ ᠣᠯᠠᠨ ᠤᠤ): about the order's dish named by a part of its name, else its one
    dish; the portions left (还剩几份？) of each of its dishes; as said otherwise."""
    draft = turn.state.draft
    if draft is None or said.dishes or not draft.lines:
        return said
    fact_word = any(word in said.text for word in FACTS)
    fact = said.intent == Intent.ASK_NUTRITION and (fact_word or bool(said.conditions))
    left = said.intent == Intent.ASK_MENU and answers.PORTIONS_LEFT.search(said.text) is not None
    if left:  # 还剩几份？: of every dish of the order
        return replace(
            said, mentions=(*said.mentions, *(Mention(Kind.DISH, n) for n in draft.lines))
        )
    if said.intent != Intent.ASK_PRICE and not fact:
        return said
    named = named_by_part(said.text, draft.lines)
    pointed = fact_word or not said.conditions or THIS_ONE.search(said.text)  # not 血糖高吃啥好
    if named is None and len(draft.lines) == 1 and pointed:
        named = next(iter(draft.lines))
    if named is None:
        return said
    return replace(said, mentions=(*said.mentions, Mention(Kind.DISH, named)))


def _only_restates(draft: Draft | None, said: Utterance) -> bool:
    """Whether everything named is already so in the order (送家里 to a read-back with 送到家;
    对，就一个 to a read-back of one dish, one portion)."""
    if draft is None or not said.mentions:
        return False
    return all(_as_told(draft, said, m) for m in said.mentions)


def _as_told(draft: Draft, said: Utterance, m: Mention) -> bool:
    """Whether one thing named is already so in the order (改成自己拿 to a read-back that says
    自己去拿: the change is the one read back)."""
    if m.role is not None and m.role != Role.REPLACE_TO:
        return False
    if m.kind == Kind.QUANTITY:
        return _count_as_told(draft, said, m)
    if m.kind == Kind.DISH:
        return str(m.value) in draft.lines
    as_told = {
        Kind.FULFILLMENT: draft.fulfillment.value if draft.fulfillment else None,
        Kind.MEAL: draft.meal.value if draft.meal else None,
        Kind.DATE: draft.day.isoformat() if draft.day else None,
    }
    return m.kind in as_told and str(m.value) == as_told[m.kind]


def _count_as_told(draft: Draft, said: Utterance, count: Mention) -> bool:
    """A count that is already the order's: of its dish when said with one (米饭一碗), else of
    the order's only dish (就一个)."""
    dish = next(
        (d for d in said.dishes if count.group is not None and d.group == count.group), None
    )
    if dish is not None:
        return draft.lines.get(str(dish.value)) == int(count.value)
    return len(draft.lines) == 1 and next(iter(draft.lines.values())) == int(count.value)


def _names_a_dish_of_the_order(turn: Turn, said: Utterance) -> bool:
    return ordering.named_in_draft(turn, said, turn.state.draft) is not None


def _refuses_a_dish_of_the_order(turn: Turn, said: Utterance) -> bool:
    draft = turn.state.draft
    return draft is not None and refused_by_part(said.text, draft.lines) is not None


def _correct_or_ask(turn: Turn, said: Utterance) -> Reply:
    """Anything else said to the read-back: a correction if it names something, a yes said among
    other words (她说对，就这样，谢谢), else the question again, plainly."""
    yes = yes_among(said.text)
    if yes and _only_restates(turn.state.draft, said):  # 对，送家里: the yes, said with what it is
        return ordering.place(turn, said)
    if said.mentions or _refuses_a_dish_of_the_order(turn, said):  # 妈的不要鸡蛋
        return ordering.fill(turn, said)
    if yes:
        return ordering.place(turn, said)
    last = turn.state.last  # what a yes would place, briefly, before how to say yes or no
    brief = (last.short or "").removesuffix(ordering.confirm_question(turn)) if last else ""
    text = brief + say("confirm_yes_no", turn.lang)
    return Reply(text, choices(YES_NO, turn.lang), inline=True)


# ------------------------------------------------------------ the other questions


def _reminder_time(turn: Turn, said: Utterance) -> Reply | None:
    turn.state.ask(None)
    return care.reminder(turn, said) if said.time else None


def _not_more(turn: Turn, said: Utterance) -> None:
    """Anything but a yes to 还想听晚饭吗？ is heard as usual."""
    turn.state.menu_more = None
    turn.state.ask(None)


def _complaint_dropped(turn: Turn, said: Utterance) -> None:
    """不说了 to 哪里不好？: no complaint; what was said is heard as usual."""
    turn.state.ask(None)


def _complaint_said(turn: Turn, said: Utterance) -> Reply:
    turn.state.ask(None)
    return care.complaint(turn, said)


def _leave(turn: Turn, said: Utterance) -> Reply:
    turn.state.drop_draft()
    return Reply(say("left_without_order", turn.lang))


def _deny_while_ordering(turn: Turn, said: Utterance) -> Reply | None:
    """不要了 to 是中午还是晚上？: leaving; 不要米饭 / 汤不要了 is an edit."""
    if said.mentions or _names_a_dish_of_the_order(turn, said):
        return ordering.fill(turn, said)
    return _leave(turn, said)


def _ask_again(turn: Turn, said: Utterance) -> Reply | None:
    """对 / 行 to 送到家、自己去拿，还是在食堂吃？: not an answer; the question again."""
    return ordering.ask_next(turn) if turn.state.draft is not None else None


def _unsure_while_ordering(turn: Turn, said: Utterance) -> Reply | None:
    """Words not understood as a whole while an order is being told, naming a day, a meal, a
    way or a dish (оо тэгвэл маргааш үдэд нь): those are the answer; else not understood."""
    if said.slots() or said.dishes or ordering.with_offered(turn, said).dishes:
        return ordering.fill(turn, said)  # 牛肉的, to 牛肉面、西红柿鸡蛋面，您要哪个？
    return None


ASKS_ORDERED = re.compile(
    r"订过|订没订|下过单|(是不是|有没有|已经)[^，,。？?！!]{0,6}(订了|下单了)"
)
"""我是不是已经订过中午的了？: a question about the orders placed, asked in the middle of one."""


def _orders_while_ordering(turn: Turn, said: Utterance) -> Reply | None:
    """我是不是已经订过中午的了？ while an order is told: the orders placed, then the question it
    was waiting on again; other words about an order (啥时候能好？俺去拿) answer that question."""
    if not ASKS_ORDERED.search(said.text):
        return _unsure_while_ordering(turn, said)
    placed = answers.orders(turn, said)
    return ordering.fill(turn, replace(said, mentions=())).prefixed(_sentence(turn, placed.text))


ORDER_WORD = re.compile(r"订|要|来一|来个|来份")
CHOSEN = re.compile(r"(那|就|改|换)[^，,。？?！!；;]{0,6}?的?吧")
"""那晚上的吧 / 改晚上吧: a meal chosen, said before a question about it."""


def _meal_then_question(turn: Turn, said: Utterance) -> Reply | None:
    """那订晚上的吧。晚上有什么软和的？ (to 中午还是晚上？, or after 午饭已经不能订了): the meal
    chosen (said with a word that orders, or as 那…吧) is kept for the order, on its own day
    again if the day was only moved for the closed meal; then the question is answered."""
    draft = turn.state.draft
    plain = "".join(said.text.split())
    chosen = ORDER_WORD.search(plain) or CHOSEN.search(plain)
    if draft is not None and said.meal is not None and chosen:
        draft.meal = said.meal
        if draft.day_chosen and said.day is None:  # moved for the closed meal, not said
            draft.day, draft.day_chosen = None, False
        ordering.keep_served(turn, draft)
    return None


WHILE: Mapping[Awaiting, Mapping[Intent | str, Handler]] = {
    Awaiting.CONFIRM: {
        Intent.AFFIRM: _yes_to_read_back,
        Intent.DENY: _deny_draft,
        Intent.CANCEL_ORDER: _cancel_draft,
        Intent.ASK_PRICE: _question_at_confirm,
        Intent.ASK_MENU: _question_at_confirm,
        Intent.ASK_NUTRITION: _question_at_confirm,
        Intent.CHECK_BALANCE: _balance_at_confirm,
        ANY: _correct_or_ask,
    },
    Awaiting.CANCEL: {
        Intent.AFFIRM: cancelling.cancel_unless_kept,  # 要 / 对，取消吧
        Intent.CANCEL_ORDER: cancelling.cancel_unless_kept,  # 取消明天的订单 (先别取消: kept)
        Intent.DENY: cancelling.keep,
        ANY: cancelling.cancel_or_keep,  # 是的，取消，谢谢您
    },
    Awaiting.REMINDER_TIME: {ANY: _reminder_time},
    Awaiting.MORE_MENU: {Intent.AFFIRM: answers.more_menu, ANY: _not_more},
    **{
        asked: {
            Intent.DENY: _deny_while_ordering,
            Intent.OUT_OF_SCOPE: _unsure_while_ordering,
            Intent.CHECK_ORDER: _orders_while_ordering,  # 啥时候能好？俺去拿
            Intent.AFFIRM: _ask_again,
            Intent.ASK_MENU: _meal_then_question,
            Intent.ASK_NUTRITION: _meal_then_question,
        }
        for asked in ORDERING
    },
    Awaiting.COMPLAINT: {
        Intent.DENY: _complaint_dropped,
        Intent.CANCEL_ORDER: _complaint_dropped,
        ANY: _complaint_said,
    },
}
"""What answers the question the last reply asked."""


# ---------------------------------------------------------------- at any time


def _new_order(turn: Turn, said: Utterance) -> Reply:
    """我要订餐 starts a new order, unless it answers a question of the one being told or goes
    back to it after a question of its own (问了明天的菜单 → 刚才那个白菜豆腐，再加一碗米饭)."""
    if turn.state.awaiting not in ORDERING and not _back_to_draft(turn, said):
        turn.state.draft = None
    return (
        cancelling.cancel_placed_refused(turn, said)
        or cancelling.change_placed(turn, said)
        or ordering.fill(turn, said)
    )


def _back_to_draft(turn: Turn, said: Utterance) -> bool:
    draft = turn.state.draft
    if draft is None or not draft.lines:
        return False
    named = any(str(d.value) in draft.lines for d in said.dishes)
    return named or any(d.role == Role.ADD for d in said.dishes) or "刚才" in said.text


ORDERED_ASIDE = re.compile(r"来[一个份碗两俩仨]|订|要(?!多少|几)")
"""那中午来个土豆炖牛肉。多少钱？: a counted dish asked for, beside the question of its price."""


VOUCHER_WORTH = re.compile(r"券|[一每]张|талон|ᠲᠠᠯᠣᠨ")
"""一张能顶多少钱 / 券值多少: the worth of a voucher (answered with the balance), not a dish's."""


def _price(turn: Turn, said: Utterance) -> Reply:
    """清蒸鱼多钱: that dish's price; 来个土豆炖牛肉，多少钱: the price, and the order goes on
    with that dish; 多少钱 while an order is told: its read-back; else the menu with prices."""
    if not said.dishes and VOUCHER_WORTH.search(said.text):
        return answers.balance(turn, said)
    if said.dishes:
        answer = answers.dish_question(turn, said) or answers.menu(turn, said)
        if said.counts and ORDERED_ASIDE.search(said.text):
            return _new_order(turn, replace(said, intent=Intent.ORDER_MEAL)).prefixed(answer.text)
        return answer
    if turn.state.draft is not None:
        return _answered_then_asked(turn, about_the_order(turn, said))
    listed = named_by_part(said.text, turn.state.offered_dishes or [])  # 有汤没有？→ 那个汤多少钱
    if listed is not None:
        about = replace(said, mentions=(*said.mentions, Mention(Kind.DISH, listed)))
        return answers.dish_question(turn, about) or answers.menu(turn, said)
    return answers.menu(turn, said)


def _menu(turn: Turn, said: Utterance) -> Reply:
    """有没有烧麦 / 有啥汤 / 今天吃什么: about those dishes, else the menu."""
    return answers.dish_question(turn, said) or answers.menu(turn, said)


def _answered_then_asked(turn: Turn, said: Utterance) -> Reply:
    """ᠦᠨ᠎ᠡ ᠨᠢ ᠬᠡᠳᠦ ᠪᠤᠢ asked before the order is complete: the answer about its dish, then the
    question it was waiting on again (no dish found: the question alone)."""
    answer = answers.dish_question(turn, said) if said.dishes else None
    asked = ordering.fill(turn, replace(said, mentions=()))
    return asked.prefixed(_sentence(turn, answer.text)) if answer is not None else asked


def _sentence(turn: Turn, text: str) -> str:
    """A sentence another follows: Mongolian words are kept apart by a space (᠃ ᠭᠡᠷ…)."""
    return text + " " if is_mongolian(turn.lang) and not text.endswith(" ") else text


def _nutrition(turn: Turn, said: Utterance) -> Reply:
    """鸡蛋羹软不软: that dish's facts; 我血糖高吃啥好: advice."""
    if turn.state.draft is not None and not said.dishes:
        about = about_the_order(turn, said)
        if about.dishes:
            return _answered_then_asked(turn, about)  # ᠶᠠᠰᠤ ᠣᠯᠠᠨ ᠤᠤ: the order's dish
    if said.dishes or answers.LIST_ASKED.search(said.text):  # 中午软的菜有哪些？
        return answers.dish_question(turn, said) or answers.nutrition(turn, said)
    return answers.nutrition(turn, said)


def _change(turn: Turn, said: Utterance) -> Reply:
    if turn.state.draft is not None:
        return ordering.fill(turn, said)
    return cancelling.change_or_cancel(turn, said)


def _cancel(turn: Turn, said: Utterance) -> Reply:
    """不要红烧肉了 edits the order being told; 算了不订了 leaves it (nothing is ordered)."""
    if turn.state.draft is not None and (said.dishes or _names_a_dish_of_the_order(turn, said)):
        return ordering.fill(turn, said)
    if turn.state.draft is not None:
        return _leave(turn, said)
    return cancelling.ask_cancel(turn, said)


ANYTIME: Mapping[Intent, Handler] = {
    Intent.ORDER_MEAL: _new_order,
    Intent.INFORM: ordering.fill,
    Intent.CHOOSE_FULFILLMENT: ordering.fill,
    Intent.ASK_PRICE: _price,
    Intent.CHANGE_ORDER: _change,
    Intent.CANCEL_ORDER: _cancel,
    Intent.ASK_MENU: _menu,
    Intent.ASK_NUTRITION: _nutrition,
    Intent.CHECK_ORDER: answers.orders,
    Intent.CHECK_BALANCE: answers.balance,
    Intent.SET_REMINDER: care.reminder,
    Intent.COMPLAIN: care.complaint,
    Intent.FEEDBACK: care.praise,
    Intent.GREET: care.small_talk,
    Intent.HELP: care.small_talk,
    Intent.THANK: care.small_talk,
    Intent.GOODBYE: care.small_talk,
    Intent.AFFIRM: care.ok,
    Intent.DENY: care.ok,
}
"""What can be said whatever was asked (an unlisted intent is not understood)."""
