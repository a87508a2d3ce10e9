"""An elder in danger: the reply gives the numbers to call at once, every linked family member
and the canteen's community contact are alerted ahead of every other message, and nothing
about an order is asked in between. A staff member's 收到 is passed back to the elder."""

from __future__ import annotations

from bot.dialogue.context import Turn
from bot.dialogue.utterance import Utterance
from bot.turn import Reply
from menus.catalogue import say
from menus.db import unit_of_work
from menus.emergencies import acknowledge, open_alarm, raise_alarm
from menus.feedback import staff_canteens
from menus.models import Person


def alarm(turn: Turn, said: Utterance, elders: list[int]) -> Reply:
    """Raise the alarm for ``elders`` (the speaker, or those a family member speaks for)."""
    turn.state.drop_draft()
    turn.state.cancel_id = None
    phones: dict[int, str] = {}
    with unit_of_work(turn.store.factory) as session:
        for elder_id in elders:
            elder = session.get(Person, elder_id)
            canteen = turn.store.home(session, elder_id)
            name = elder.name if elder else ""
            contact = (elder.phone if elder else None) or canteen.phone or "120"
            _, told = raise_alarm(
                session,
                elder_id=elder_id,
                reporter_id=turn.person_id,
                canteen_id=canteen.id,
                said=said.text,
                now=turn.now,
                alert_text=say("emergency_alert", "zh", elder=name, said=said.text, phone=contact),
            )
            for c in told:
                if c.phone and c.person_id != turn.person_id:
                    phones[c.person_id] = say(
                        "emergency_phone", turn.lang, name=c.name, phone=c.phone
                    )
    text = say(
        "emergency_elder",
        turn.lang,
        told=say("emergency_told_family", turn.lang),
        phones="，".join(phones.values()) + ("。" if phones else ""),
    )
    return Reply(text)


def acknowledged(turn: Turn) -> Reply | None:
    """A staff member's 收到 to the latest open alarm of their canteens (None when none)."""
    with unit_of_work(turn.store.factory) as session:
        alarm_ = open_alarm(session, staff_canteens(session, turn.person_id), turn.now)
        if alarm_ is None:
            return None
        staff = session.get(Person, turn.person_id)
        elder = session.get(Person, alarm_.elder_id)
        lang = elder.lang if elder and elder.lang else "zh"
        text = say("emergency_ack", lang, staff=staff.name if staff else "")
        acknowledge(session, alarm_, turn.person_id, turn.now, text=text)
        name = elder.name if elder else ""
    return Reply(say("emergency_ack_staff", turn.lang, elder=name))
