"""Family: linking to an elder (the elder's one-time code, then the elder's 同意), and choosing
which linked elder an order is for. The elder's side of a link (the code, the yes or no) is
here too, so the whole link lives in one module."""

from __future__ import annotations

from bot.dialogue.context import Turn
from bot.dialogue.state import Awaiting
from bot.dialogue.utterance import Intent, Utterance
from bot.dialogue.words import AGREE_WORDS, DISAGREE_WORDS
from bot.turn import Reply
from menus.catalogue import AGREE_CHOICES, choices, say, word
from menus.db import read_only, unit_of_work
from menus.links import awaiting_confirmation, decide, elders_of, issue_code, redeem_code
from menus.models import Person
from menus.outbox import enqueue


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


def choose_elder(turn: Turn, text: str) -> int | Reply:
    """Which elder a family member is ordering for: the only one linked, the one chosen
    before, or a question with their names as buttons (a code given links a new one)."""
    words = text.split()
    if len(words) == 2 and words[0] in ("绑定", "/link") and words[1].isdigit():
        return redeem(turn, words[1], "family")
    if text.isdigit() and len(text) == 6:
        return redeem(turn, text, "family")
    with read_only(turn.store.factory) as session:
        elders = [(p.id, p.name) for p in elders_of(session, turn.person_id)]
    if not elders:
        return Reply(say("family_no_elder", turn.lang))
    by_name = {name: pid for pid, name in elders}
    if text in by_name:
        turn.state.for_elder = by_name[text]
        return Reply(say("family_for", turn.lang, elder=text))
    chosen = turn.state.for_elder
    if chosen in {pid for pid, _ in elders}:
        return int(chosen)
    if len(elders) == 1:
        turn.state.for_elder = elders[0][0]
        return elders[0][0]
    return Reply(say("family_which", turn.lang), [name for _, name in elders], inline=True)
