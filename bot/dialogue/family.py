"""Family: linking to an elder (the elder's one-time code, then the elder's 同意), and choosing
which linked elder an order is for. The elder's side of a link (the code, the yes or no) is
here too, so the whole link lives in one module."""

from __future__ import annotations

import re

import nlu.lexicon_zh as lex
from bot.dialogue.answers import orders
from bot.dialogue.context import Turn
from bot.dialogue.state import Awaiting
from bot.dialogue.utterance import Intent, Kind, Utterance
from bot.dialogue.words import AGREE_WORDS, DISAGREE_WORDS
from bot.turn import Reply
from menus.catalogue import AGREE_CHOICES, choices, say, word
from menus.db import read_only, unit_of_work
from menus.links import (
    awaiting_confirmation,
    decide,
    elders_of,
    issue_code,
    redeem_code,
    waiting_for_elders,
)
from menus.models import Person
from menus.outbox import enqueue
from menus.vocab import Gender


def issue(turn: Turn) -> Reply:
    """绑定家人: the elder gets a code to give to a family member."""
    with unit_of_work(turn.store.factory) as session:
        code = issue_code(session, turn.person_id, turn.now)
    return Reply(say("link_code", turn.lang, code=" ".join(code)))


def link_answer(turn: Turn, plain: str, said: Utterance) -> Reply | None:
    """同意 / 不同意 to a family member who redeemed the elder's code; None when no link is
    waiting or the words are not a yes or no (an order's yes comes first)."""
    if turn.state.awaiting in (Awaiting.CONFIRM, Awaiting.CANCEL):
        return None
    yes = plain in AGREE_WORDS or said.intent == Intent.AFFIRM
    no = plain in DISAGREE_WORDS or said.intent == Intent.DENY
    if not (yes or no):
        return None
    with unit_of_work(turn.store.factory) as session:
        pending = awaiting_confirmation(session, turn.person_id, turn.now)
        if pending is None or pending.family_id is None:
            return None
        family = session.get(Person, pending.family_id)
        elder = session.get(Person, turn.person_id)
        assert family is not None and elder is not None
        made = decide(session, pending.id, turn.person_id, yes and not no, turn.now)
        told = "link_done_family" if made else "link_refused_family"
        enqueue(
            session,
            person_id=family.id,
            kind="link_decided",
            key=f"link-{pending.id}",
            text=say(told, family.lang, elder=elder.name),
            due_at=turn.now,
        )
        name = family.name
    return Reply(say("link_confirmed" if made else "link_refused", turn.lang, family=name))


def redeem(turn: Turn, code: str, relation: str) -> Reply:
    """A family member gives the elder's code; the elder is asked to confirm."""
    with unit_of_work(turn.store.factory) as session:
        row = redeem_code(session, code, turn.person_id, relation, turn.now)
        elder = session.get(Person, row.elder_id)
        family = session.get(Person, turn.person_id)
        assert elder is not None and family is not None
        enqueue(
            session,
            person_id=elder.id,
            kind="link_request",
            key=f"link-ask-{row.id}",
            text=say(
                "link_ask_elder",
                elder.lang,
                family=family.name,
                relation=word("relation", row.relation or "family", elder.lang),
            ),
            choices=choices(AGREE_CHOICES, elder.lang),
            due_at=turn.now,
        )
        name = elder.name
    return Reply(say("link_redeemed", turn.lang, elder=name))


RELATION_GENDER = {
    "mother": Gender.FEMALE.value,
    "father": Gender.MALE.value,
    "grandmother": Gender.FEMALE.value,
    "grandfather": Gender.MALE.value,
}
"""我妈 / 我爸 / 我奶 / 我爷 (the NLU's beneficiary) and the gender of the linked elder it names."""


def choose_elder(turn: Turn, said: Utterance) -> int | Reply:
    """Which elder a family member is ordering for: the one named (by name, or as 我妈 / 我爸),
    the only one linked, the one chosen before, or a question with their names as buttons
    (a code given links a new one; a link still waiting for the elder's 同意 is said so)."""
    text = said.text
    words = text.split()
    if len(words) == 2 and words[0] in ("绑定", "/link") and words[1].isdigit():
        return redeem(turn, words[1], "family")
    if text.isdigit() and len(text) == 6:
        return redeem(turn, text, "family")
    elders = linked_elders(turn)
    if not elders:
        return _no_elder(turn)
    if text in {name for _, name, _ in elders}:
        turn.state.for_elder = next(pid for pid, name, _ in elders if name == text)
        return Reply(say("family_for", turn.lang, elder=text))
    chosen = _named(said, elders) or _remembered(turn, elders)
    if chosen is not None:
        turn.state.for_elder = chosen
        return chosen
    return Reply(say("family_which", turn.lang), [name for _, name, _ in elders], inline=True)


def named_elder(turn: Turn, said: Utterance) -> int | None:
    """The one linked elder ``said`` names (by name, or as 我妈 / 我奶), if any."""
    return _named(said, linked_elders(turn))


BARE_PARENTS = (("老妈", "mother"), ("妈妈", "mother"), ("妈", "mother"), ("老爸", "father"),
                ("爸爸", "father"), ("爸", "father"))  # fmt: skip
"""A child's shorthand heading what they type (爸 午饭 鲈鱼 送家 / 妈的蛋去掉): that parent."""
SAYS = frozenset("说讲让叫觉想问")
"""妈说爸明天要…: the parent said first only reports; the meal may be the other's."""


def _named(said: Utterance, elders: list[tuple[int, str, str | None]]) -> int | None:
    """The one elder named by name, or as 我妈 / 我爸 / 爸 heading the text (by their
    registered gender)."""
    named = [pid for pid, name, _ in elders if name in said.text]
    text = said.text.lstrip()
    heading = next(
        (
            r
            for w, r in BARE_PARENTS
            if text.startswith(w) and text[len(w) : len(w) + 1] not in SAYS
        ),
        None,
    )
    gender = RELATION_GENDER.get(said.beneficiary or heading or "")
    if not named and gender is not None:
        named = [pid for pid, _, g in elders if g == gender]
    return named[0] if len(named) == 1 else None


QUESTIONS = (Intent.ASK_PRICE, Intent.ASK_MENU, Intent.ASK_NUTRITION)


def canteen_asked_of(turn: Turn, said: Utterance) -> int | None:
    """今晚的饺子多少钱一份？ from a family member who has not said for whom: a question about
    the menu, answered for the canteen all their elders eat at (the first elder stands for
    it); None when it is no such question or the elders eat at different canteens."""
    elders = linked_elders(turn)
    if said.intent not in QUESTIONS or not elders:
        return None
    codes = {turn.store.canteen_code(pid) for pid, _, _ in elders}
    return elders[0][0] if len(codes) == 1 else None


def _remembered(turn: Turn, elders: list[tuple[int, str, str | None]]) -> int | None:
    """The elder chosen before, or the only one linked."""
    if turn.state.for_elder in {pid for pid, _, _ in elders}:
        return turn.state.for_elder
    return elders[0][0] if len(elders) == 1 else None


def linked_elders(turn: Turn) -> list[tuple[int, str, str | None]]:
    """(id, name, gender) of the elders this family member may order for."""
    with read_only(turn.store.factory) as session:
        return [
            (p.id, p.name, p.elder.gender if p.elder else None)
            for p in elders_of(session, turn.person_id)
        ]


def _no_elder(turn: Turn) -> Reply:
    with read_only(turn.store.factory) as session:
        waiting = [p.name for p in waiting_for_elders(session, turn.person_id, turn.now)]
    if waiting:
        return Reply(say("family_waiting", turn.lang, elder=say("and", turn.lang).join(waiting)))
    return Reply(say("family_no_elder", turn.lang))


def names_several(turn: Turn, said: Utterance) -> bool:
    """给我爸订…给我妈订… / 给我爸妈各送一份…: an order for two elders in one breath (never
    merged into one)."""
    elders = linked_elders(turn)
    asked, kept = _kept_apart(said.text)
    named = {name for _, name, _ in elders if name in asked}
    said_for = {m.value for m in said.of(Kind.BENEFICIARY)} - _relations_in(kept)
    genders = said_for & set(RELATION_GENDER)
    both = "parents" in said_for and bool(said.dishes)
    return len(elders) > 1 and (len(named) > 1 or len(genders) > 1 or both)


KEPT = re.compile(
    r"[^，,。；;！!\s]*(不变|不动|照旧|别动|不用改|不改|还那样|还是那样)[^，,。；;！!\s]*"
)
"""我妈的不变: a clause saying an elder's order stays as it is (that elder is not ordered for)."""


def _kept_apart(text: str) -> tuple[str, str]:
    """The text without its clauses that keep an order as it is, and those clauses."""
    return KEPT.sub(" ", text), " ".join(m.group(0) for m in KEPT.finditer(text))


def _relations_in(text: str) -> set[str]:
    """The relations (mother, father…) a clause names: 我妈的不变 names mother."""
    return {value for phrase, value in lex.BENEFICIARY if phrase in text} if text else set()


def asks_about_all(turn: Turn, said: Utterance) -> bool:
    """订了啥 from someone linked to several elders, naming none of them (他俩, 爸妈, or no one)."""
    elders = linked_elders(turn)
    named = [name for _, name, _ in elders if name in said.text]
    if len(elders) < 2 or len(named) == 1:
        return False
    relations = {str(m.value) for m in said.of(Kind.BENEFICIARY)} & set(RELATION_GENDER)
    both = len({RELATION_GENDER[r] for r in relations}) > 1  # 我爸我妈都订的啥
    return len(named) > 1 or both or said.beneficiary not in RELATION_GENDER


def orders_of_all(turn: Turn, said: Utterance) -> Reply:
    """他俩都订了啥: every linked elder's coming orders in one answer."""
    parts = []
    for elder_id, _, _ in linked_elders(turn):
        turn.elder_id = elder_id
        parts.append(orders(turn, said).text)  # each begins with the elder's name
    return Reply("".join(parts) if parts else say("family_no_elder", turn.lang))
