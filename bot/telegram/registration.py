"""Registration of channel accounts that belong to no person yet, as a small state machine.

Why in the store: every step is kept in ``ChannelSession.state`` inside the same transaction
that acts on it, so a restart (or a second bot process) continues where the person left off, and
a retried update (same turn id) is answered with the stored reply without acting twice.

Flows, one question at a time:
- ``/start`` (or any first message): language → name → own phone (contact button) → address.
  A phone the community already registered (people file) attaches the account to that person;
  otherwise a new elder is created in the canteen's region.
- ``/staff``: own phone → linked only if the phone belongs to canteen staff.
- ``/link CODE``: name → own phone → a family member; the code then goes to the dialogue
  (``Outcome.link_code``), which redeems it and asks the elder to confirm.

Nothing here knows Telegram: events come in as ``Event`` and replies go out as ``Reply``.
"""

from __future__ import annotations

import re
from dataclasses import asdict, dataclass
from datetime import datetime
from typing import Any, Literal

from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from bot.turn import Reply
from menus.catalogue import lang_buttons, say
from menus.db import read_only, unit_of_work
from menus.errors import DomainError
from menus.models import Canteen, ChannelSession, ElderProfile, Identity, Person, StaffMember

EventKind = Literal["start", "staff", "link", "lang", "text", "contact"]

MAX_NAME = 50
MAX_ADDRESS = 200
REMEMBERED_TURNS = 8


@dataclass(frozen=True)
class Event:
    """What the account did: a command, a text, or a shared contact (and whether it is its own)."""

    kind: EventKind
    text: str = ""
    phone: str | None = None
    own_contact: bool = False


@dataclass
class Outcome:
    """The reply, the person the account belongs to once registration is done, and a family
    link code the dialogue should redeem for that person (its reply then replaces ``answer``)."""

    answer: Reply
    lang: str
    person_id: int | None = None
    link_code: str | None = None


def national_phone(raw: str) -> str:
    """Digits only, without China's country code: '+86 139-0471-0001' → '13904710001'."""
    digits = re.sub(r"\D", "", raw)
    if len(digits) == 13 and digits.startswith("86"):
        return digits[2:]
    if len(digits) == 15 and digits.startswith("0086"):
        return digits[4:]
    return digits


def _phone_forms(phone: str) -> list[str]:
    return [phone, "+86" + phone, "86" + phone, "+86 " + phone]


class Registration:
    """Runs the flows for one channel (``"telegram"``) over the store."""

    def __init__(self, factory: sessionmaker[Session], channel: str) -> None:
        self.factory = factory
        self.channel = channel

    # ------------------------------------------------------------------ entry

    def active(self, account_id: str) -> bool:
        """Whether the account is in the middle of a flow (its next contact belongs here)."""
        return self.status(account_id)[0]

    def status(self, account_id: str) -> tuple[bool, frozenset[str]]:
        """Whether a flow is under way, and the turn ids registration answered lately (a retried
        update that finished registration must be answered here again, not by the dialogue)."""
        with read_only(self.factory) as session:
            row = session.get(ChannelSession, (self.channel, account_id))
            if row is None:
                return False, frozenset()
            return bool(row.state.get("flow")), frozenset(row.state.get("turns") or ())

    def handle(
        self,
        account_id: str,
        event: Event,
        now: datetime,
        *,
        turn_id: str | None = None,
        person_id: int | None = None,
    ) -> Outcome:
        """One step, in one transaction; a turn id seen before returns the stored reply."""
        with unit_of_work(self.factory) as session:
            row = session.get(ChannelSession, (self.channel, account_id), with_for_update=True)
            if row is None:
                row = ChannelSession(
                    channel=self.channel, account_id=account_id, state={}, updated_at=now
                )
                session.add(row)
            state: dict[str, Any] = dict(row.state)
            turns: dict[str, Any] = dict(state.get("turns") or {})
            if turn_id is not None and turn_id in turns:
                done = turns[turn_id]
                return Outcome(
                    Reply(**done["answer"]), done["lang"], done["person_id"], done.get("code")
                )
            outcome = self._step(session, account_id, state, event, now, person_id)
            if turn_id is not None:
                turns[turn_id] = {
                    "answer": asdict(outcome.answer),
                    "lang": outcome.lang,
                    "person_id": outcome.person_id,
                    "code": outcome.link_code,
                }
                state["turns"] = dict(list(turns.items())[-REMEMBERED_TURNS:])
                state["last_turn"] = turn_id
            row.state = state
            row.updated_at = now
            return outcome

    # ------------------------------------------------------------------ steps

    def _step(
        self,
        session: Session,
        account_id: str,
        state: dict[str, Any],
        event: Event,
        now: datetime,
        person_id: int | None,
    ) -> Outcome:
        lang = str(state.get("lang") or "zh")
        if event.kind == "start":
            if person_id is not None:
                _finish(state)
                return self._known(session, person_id, lang)
            _begin(state, "elder", "lang")
            return _ask(state)
        if event.kind == "lang":
            state["step"] = "lang"
            state.setdefault("flow", "elder")
            return _ask(state)
        if event.kind == "staff":
            _begin(state, "staff", "phone", lang)
            return _ask(state)
        if event.kind == "link":
            code = event.text.strip()
            if not code:
                return Outcome(Reply(say("link_usage", lang)), lang, person_id)
            if person_id is not None:
                _finish(state)
                return Outcome(Reply(say("link_sent", lang)), lang, person_id, code)
            _begin(state, "family", "name", lang)
            state["code"] = code
            return _ask(state)
        if not state.get("flow"):
            if person_id is not None:  # a registered account with nothing pending
                return self._known(session, person_id, lang)
            _begin(state, "elder", "lang")
            return _ask(state)
        step = state.get("step")
        if step == "lang":
            if event.text.strip() in lang_buttons():
                state["lang"] = lang_buttons()[event.text.strip()]
                state["step"] = "phone" if state["flow"] == "staff" else "name"
            return _ask(state)
        if step == "name":
            name = event.text.strip()[:MAX_NAME] if event.kind == "text" else ""
            if not name:
                return _ask(state, "name_empty")
            state["name"] = name
            state["step"] = "phone"
            return _ask(state)
        if step == "phone":
            if event.kind != "contact" or not event.phone:
                return _ask(state, "press_contact")
            if not event.own_contact:
                return _ask(state, "not_own_contact")
            return self._contact(session, account_id, state, national_phone(event.phone), now)
        if step == "address":
            address = event.text.strip()[:MAX_ADDRESS] if event.kind == "text" else ""
            if not address:
                return _ask(state, "address_empty")
            return self._new_elder(session, account_id, state, address, now)
        _begin(state, "elder", "lang")
        return _ask(state)

    def _known(self, session: Session, person_id: int, lang: str) -> Outcome:
        person = session.get(Person, person_id)
        lang = person.lang if person else lang
        name = person.name if person else ""
        return Outcome(Reply(say("already_registered", lang, name=name)), lang, person_id)

    def _contact(
        self, session: Session, account_id: str, state: dict[str, Any], phone: str, now: datetime
    ) -> Outcome:
        """The account's own phone: find the person it belongs to, or go on to the address."""
        lang = str(state.get("lang") or "zh")
        flow = state["flow"]
        known = session.scalars(
            select(Person).where(Person.phone.in_(_phone_forms(phone))).order_by(Person.id)
        ).all()
        if flow == "staff":
            staff_ids = set(
                session.scalars(
                    select(StaffMember.person_id).where(
                        StaffMember.person_id.in_([p.id for p in known])
                    )
                )
            )
            person = next((p for p in known if p.id in staff_ids), None)
            _finish(state)
            if person is None:
                return Outcome(Reply(say("staff_refused", lang)), lang)
            self._attach(session, account_id, person.id)
            return Outcome(Reply(say("staff_linked", lang, name=person.name)), lang, person.id)
        if flow == "family":
            person = next(iter(known), None)
            if person is None:
                person = Person(
                    kind="family",
                    name=str(state.get("name") or ""),
                    phone=phone,
                    lang=lang,
                    created_at=now,
                )
                session.add(person)
                session.flush()
            self._attach(session, account_id, person.id)
            code = str(state.get("code") or "")
            _finish(state)
            return Outcome(Reply(say("link_sent", lang)), lang, person.id, code)
        # elder: a person the community registered (elders first), else ask the address
        known = sorted(known, key=lambda p: p.kind != "elder")
        if known:
            person = known[0]
            person.lang = lang
            self._attach(session, account_id, person.id)
            _finish(state)
            return Outcome(Reply(say("welcome_back", lang, name=person.name)), lang, person.id)
        state["phone"] = phone
        state["step"] = "address"
        return _ask(state)

    def _new_elder(
        self, session: Session, account_id: str, state: dict[str, Any], address: str, now: datetime
    ) -> Outcome:
        """Create the elder in the region of the canteen whose delivery area the address names
        (that area is the community); else in the first canteen's region, community unknown."""
        lang = str(state.get("lang") or "zh")
        canteens = session.scalars(select(Canteen).order_by(Canteen.code)).all()
        if not canteens:
            raise DomainError("no_canteen")
        found = ((c, a) for c in canteens for a in c.delivery_area if a and a in address)
        canteen, community = next(found, (canteens[0], None))
        person = Person(
            kind="elder",
            name=str(state.get("name") or ""),
            phone=str(state.get("phone") or "") or None,
            lang=lang,
            created_at=now,
        )
        person.elder = ElderProfile(address=address, community=community, region=canteen.region)
        session.add(person)
        session.flush()
        self._attach(session, account_id, person.id)
        _finish(state)
        return Outcome(Reply(say("registered", lang, name=person.name)), lang, person.id)

    def _attach(self, session: Session, account_id: str, person_id: int) -> None:
        """The account now speaks for this person (moved if it spoke for someone else)."""
        identity = session.scalar(
            select(Identity).where(
                Identity.channel == self.channel, Identity.account_id == account_id
            )
        )
        if identity is None:
            session.add(Identity(channel=self.channel, account_id=account_id, person_id=person_id))
        else:
            identity.person_id = person_id
        session.flush()


def _begin(state: dict[str, Any], flow: str, step: str, lang: str | None = None) -> None:
    for key in ("name", "phone", "code"):
        state.pop(key, None)
    state["flow"] = flow
    state["step"] = step
    if lang is not None:
        state["lang"] = lang


def _finish(state: dict[str, Any]) -> None:
    """Forget the flow and what it collected (the phone is now only on the person)."""
    for key in ("flow", "step", "name", "phone", "code"):
        state.pop(key, None)


def _ask(state: dict[str, Any], key: str | None = None) -> Outcome:
    """The question for the current step (or ``key``, a nudge, with the same buttons)."""
    lang = str(state.get("lang") or "zh")
    step = state.get("step")
    if step == "lang":
        return Outcome(Reply(say(key or "ask_lang", lang), list(lang_buttons())), lang)
    if step == "name":
        first = "link_ask_name" if state.get("flow") == "family" else "ask_name"
        return Outcome(Reply(say(key or first, lang)), lang)
    if step == "phone":
        first = "staff_ask_phone" if state.get("flow") == "staff" else "ask_phone"
        return Outcome(Reply(say(key or first, lang), ask_contact=True), lang)
    return Outcome(Reply(say(key or "ask_address", lang)), lang)
