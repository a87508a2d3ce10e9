"""Who may act on an order, a link or a complaint: one rule, over plain facts, for every channel.

The terminal, Telegram, the smart speaker and the store's own services all ask ``refusal``
(or ``check``, which raises it): given who acts (``Who``: their role, person id, the canteens
they work for, the elders they are linked to and what each link allows) and what they act on
(``About``: the elder and the canteen of an order, a complaint's canteen, a code's elder),
it names the refusal's code, or ``None`` when they may. It reads nothing: the services load the
facts (``who_acts``) and then ask.

Two questions make up the answer, asked in this order:

1. **Who they are to it** (the relationship): the elder acts for themselves; a family member
   for an elder linked to them with the right to order; canteen staff in the canteens they
   work for; the system everywhere. The operator at the command line (staff with no person
   named) may move and cancel orders, never place them.
2. **What their role may do at all** (``ROLE_ACTS``, also what ``menus.states`` asks): people
   (the elder, family) order and cancel; only the canteen's side moves an order on or calls
   off a meal late. How late people may cancel (before the kitchen starts and the cut-off) is
   the state machine's, with the cut-off from ``menus.clock``.

The web console chooses its pages by staff role on top of this (``bot.web.access``); when it
moves an order, the store asks this module again.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from enum import StrEnum

from sqlalchemy import select
from sqlalchemy.orm import Session

from menus.errors import DomainError
from menus.models import FamilyLink, StaffMember
from menus.vocab import Actor


class Act(StrEnum):
    """What someone does to an order, a complaint, a menu or a link."""

    ORDER = "order"
    """Place an order for the elder (a change is a cancel and an order)."""
    CANCEL = "cancel"
    """Cancel an order (people: only while it may still change)."""
    CALL_OFF = "call_off"
    """Cancel after people no longer may, until the meal leaves the kitchen (the canteen)."""
    MOVE = "move"
    """Move an order on: confirmed, preparing, ready, out for delivery, completed, missed."""
    ANSWER = "answer"
    """Answer a complaint or praise about the canteen."""
    PUBLISH = "publish"
    """Publish a menu file of the canteen."""
    LINK = "link"
    """Become linked to the elder (redeem the code the elder gave)."""
    CONFIRM_LINK = "confirm_link"
    """Say yes or no to a family member linking to the elder."""


ORDER_ACTS = frozenset({Act.ORDER, Act.CANCEL, Act.CALL_OFF, Act.MOVE})
CANTEEN_ACTS = frozenset({Act.ANSWER, Act.PUBLISH})

ROLE_ACTS: Mapping[Actor, frozenset[Act]] = {
    Actor.SELF: frozenset({Act.ORDER, Act.CANCEL, Act.CONFIRM_LINK}),
    Actor.FAMILY: frozenset({Act.ORDER, Act.CANCEL, Act.LINK}),
    Actor.STAFF: ORDER_ACTS | CANTEEN_ACTS,
    Actor.SYSTEM: ORDER_ACTS,
}
"""What each role may do at all, whoever's order or canteen it is."""

ROLE_REFUSALS: Mapping[Act, str] = {
    Act.MOVE: "transition_not_yours",
    Act.CALL_OFF: "cannot_cancel_now",
    Act.ANSWER: "not_staff",
    Act.PUBLISH: "not_staff",
    Act.CONFIRM_LINK: "link_code_unknown",
}
"""The refusal when the role may not do the act at all (else the relationship's)."""


@dataclass(frozen=True)
class Rights:
    """What a family link allows (``family_links``): order for the elder, pay with the elder's
    family card, be told of the elder's meals."""

    can_order: bool = True
    can_pay: bool = False
    notify: bool = True

    @staticmethod
    def of(link: FamilyLink) -> Rights:
        """The rights of a stored link."""
        return Rights(link.can_order, link.can_pay, link.notify)


@dataclass(frozen=True)
class Who:
    """Who acts. ``person_id`` is None for the system, and for the unnamed operator at the
    command line (role staff) or the elder when the channel names nobody else (role self)."""

    role: Actor
    person_id: int | None = None
    canteens: frozenset[int] = frozenset()
    """The canteens the person works for (their ``staff_members`` rows)."""
    links: Mapping[int, Rights] = field(default_factory=dict)
    """The elders the person is linked to (as family), with what each link allows."""


@dataclass(frozen=True)
class About:
    """What is acted on: an order's elder and canteen, a complaint's or a menu's canteen (None:
    a canteen nobody knows), or the elder a link code is for."""

    elder_id: int | None = None
    canteen_id: int | None = None


def may(role: Actor, act: Act) -> bool:
    """Whether the role may ever do ``act`` (the state machine asks this of moves)."""
    return act in ROLE_ACTS.get(role, frozenset())


def refusal(who: Who, act: Act, about: About) -> str | None:
    """The code of the refusal when ``who`` may not do ``act`` on ``about``; None when they may.

    The relationship is asked first (someone else's order is ``not_linked`` whatever the act),
    then the role; see the module's docstring for the rules."""
    if act in ORDER_ACTS:
        code = _order_refusal(who, act, about)
    elif act in CANTEEN_ACTS:
        code = _canteen_refusal(who, about)
    else:
        code = _link_refusal(who, act, about)
    if code is None and not may(who.role, act):
        code = ROLE_REFUSALS.get(act, "not_linked")
    return code


def check(who: Who, act: Act, about: About, **params: object) -> None:
    """Raise ``refusal``'s code as a ``DomainError`` (with ``params`` for its message)."""
    code = refusal(who, act, about)
    if code is not None:
        raise DomainError(code, **params)


def orders_for(who: Who) -> list[int]:
    """The elders ``who`` may order for through a family link, in the links' order."""
    return [elder for elder in who.links if refusal(who, Act.ORDER, About(elder_id=elder)) is None]


def _order_refusal(who: Who, act: Act, about: About) -> str | None:
    role, person = who.role, who.person_id
    if role is Actor.SELF:
        allowed = person is None or person == about.elder_id
    elif role is Actor.FAMILY:
        rights = who.links.get(about.elder_id) if about.elder_id is not None else None
        allowed = person is not None and rights is not None and rights.can_order
    elif role is Actor.STAFF:
        operator = person is None and act is not Act.ORDER
        allowed = operator or (person is not None and about.canteen_id in who.canteens)
    else:  # the system
        allowed = True
    return None if allowed else "not_linked"


def _canteen_refusal(who: Who, about: About) -> str | None:
    works_there = about.canteen_id is not None and about.canteen_id in who.canteens
    return None if works_there else "not_staff"


def _link_refusal(who: Who, act: Act, about: About) -> str | None:
    if act is Act.CONFIRM_LINK:  # only the elder the code was for answers it
        mine = who.person_id is not None and who.person_id == about.elder_id
        return None if mine else "link_code_unknown"
    if who.person_id is None or who.person_id == about.elder_id:
        return "link_self"
    if about.elder_id in who.links:
        return "already_linked"
    return None


# ------------------------------------------------------------------ the facts, from the store


def who_acts(
    session: Session, role: Actor, person_id: int | None, *, elder_id: int | None = None
) -> Who:
    """The facts ``refusal`` needs about who acts, read from the store: for staff the canteens
    they work for, for family their links (only the link to ``elder_id`` when given, which is
    all an order needs). One query, or none for the elder and the system."""
    if person_id is None:
        return Who(role)
    if role is Actor.STAFF:
        query = select(StaffMember.canteen_id).where(StaffMember.person_id == person_id)
        return Who(role, person_id, canteens=frozenset(session.scalars(query)))
    if role is Actor.FAMILY:
        links = select(FamilyLink).where(FamilyLink.family_id == person_id)
        if elder_id is not None:
            links = links.where(FamilyLink.elder_id == elder_id)
        rights = {
            link.elder_id: Rights.of(link)
            for link in session.scalars(links.order_by(FamilyLink.id))
        }
        return Who(role, person_id, links=rights)
    return Who(role, person_id)
