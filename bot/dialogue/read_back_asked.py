"""Questions about the order being read back, asked before the yes: 原价一共多少 / 不算补贴的话
一共多少 (every part of the price: 原价, 补贴, 卡, 还需付) and 明天几点能送到 (when and where it
will be ready). Each is answered from the store's own quote, and the read-back's question is
asked again; the draft stays as it is."""

from __future__ import annotations

import re

from bot.dialogue import ordering
from bot.dialogue.context import Turn
from bot.dialogue.utterance import Intent, Kind, Utterance
from bot.phrasing import serve_words
from bot.turn import Reply
from menus.catalogue import YES_NO, choices
from menus.errors import DomainError
from menus.orders import quote_order

TOTAL_ASKED = re.compile(
    r"原价|不算补贴|没补贴|补贴前|菜单上的?价|加起来|一共(是|得|要)?多少|总共(是|得|要)?多少|合计"
    r"|нийт хэд|нийт дүн|ᠨᠡᠢᠲᠡ"
)
"""Asking the whole price, before any subsidy (the read-back says what is left to pay)."""
WHEN_ASKED = re.compile(
    r"(几点|什么时候|啥时候|多会儿|多咱)[^，,。.？?]{0,6}(送|到|能吃|取|拿|好)"
    r"|хэдэн цагт|хэзээ|ᠬᠡᠳᠦᠨ ᠴᠠᠭ|ᠬᠡᠵᠢᠶ᠎ᠡ"
)
"""Asking when the meal comes (or can be fetched)."""
GIVEN_UP = re.compile(r"不要|算了|不订|取消|去掉|别要|别订|хэрэггүй|хэрэггуй|болиул|ᠬᠡᠷᠡᠭ ᠦᠭᠡᠢ")
"""Something given up said with the question: the change (or the leaving) comes first."""


def answered(turn: Turn, said: Utterance) -> Reply | None:
    """The answer to a question about the order read back, then its question again; None when
    ``said`` asks no such thing (or changes the order: 米饭不要了，一共多少)."""
    draft = turn.state.draft
    if draft is None or said.of(Kind.QUANTITY) or any(m.role for m in said.mentions):
        return None
    if said.intent in (Intent.CANCEL_ORDER, Intent.DENY) or GIVEN_UP.search(said.text):
        return None  # 算了不订了，你们几点送到都说不准 / 鱼不要了，一共多少
    total = TOTAL_ASKED.search(said.text) is not None
    when = WHEN_ASKED.search(said.text) is not None
    if not (total or when) or draft.recurrence is not None:
        return None
    if total:
        full = ordering.read_back_draft(turn).full
        return Reply(full, choices(YES_NO, turn.lang), inline=True) if full else None
    try:
        quote = quote_order(
            turn.store.factory, ordering.request(turn, draft), turn.now, replacing=draft.replacing
        )
    except DomainError:
        return None
    served = serve_words(quote, turn.today, turn.lang)
    if not served:
        return None
    return Reply(served + ordering.confirm_question(turn), choices(YES_NO, turn.lang), inline=True)
