"""Family links: a daughter in another city may order for her father only once he says so.

The elder asks for a one-time code (``issue_code``) and gives it to the family member, who
redeems it (``redeem_code``); the link exists only after the elder confirms who redeemed it
(``decide``). A code works once, for a short time, so a code overheard later is worthless, and
nobody can link to an elder without the elder's own yes.
"""

from __future__ import annotations

import secrets
from datetime import datetime, timedelta

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from menus.access import About, Act, Rights, Who, check, orders_for, who_acts
from menus.errors import DomainError
from menus.models import FamilyLink, LinkCode, Person
from menus.vocab import Actor

CODE_VALID = timedelta(minutes=30)
"""How long a code may be redeemed after the elder asked for it."""

CONFIRM_VALID = timedelta(days=1)
"""How long the elder has to confirm a redeemed code."""


def issue_code(session: Session, elder_id: int, now: datetime) -> str:
    """A fresh six-digit code for the elder; any earlier open code of theirs stops working."""
    session.execute(
        update(LinkCode)
        .where(LinkCode.elder_id == elder_id, LinkCode.status == "open")
        .values(status="replaced", decided_at=now)
    )
    while True:
        code = f"{secrets.randbelow(900_000) + 100_000}"
        if session.scalar(select(LinkCode.id).where(LinkCode.code == code)) is None:
            break
    session.add(
        LinkCode(
            code=code,
            elder_id=elder_id,
            status="open",
            created_at=now,
            expires_at=now + CODE_VALID,
        )
    )
    session.flush()
    return code


def redeem_code(
    session: Session, code: str, family_id: int, relation: str, now: datetime
) -> LinkCode:
    """A family member gives the code; the elder is then asked to confirm. Refuses an unknown,
    used or expired code, linking to oneself, and a link that already exists."""
    row = session.scalar(select(LinkCode).where(LinkCode.code == code.strip()).with_for_update())
    if row is None or row.status != "open":
        raise DomainError("link_code_unknown")
    if now >= row.expires_at:
        row.status = "expired"
        raise DomainError("link_code_expired")
    who = who_acts(session, Actor.FAMILY, family_id, elder_id=row.elder_id)
    check(who, Act.LINK, About(elder_id=row.elder_id))  # not oneself, not twice
    row.status = "redeemed"
    row.family_id = family_id
    row.relation = relation or "family"
    row.expires_at = now + CONFIRM_VALID
    return row


def awaiting_confirmation(session: Session, elder_id: int, now: datetime) -> LinkCode | None:
    """The newest redeemed code the elder has not yet said yes or no to."""
    return session.scalar(
        select(LinkCode)
        .where(
            LinkCode.elder_id == elder_id,
            LinkCode.status == "redeemed",
            LinkCode.expires_at > now,
        )
        .order_by(LinkCode.id.desc())
        .limit(1)
    )


def decide(session: Session, code_id: int, elder_id: int, accept: bool, now: datetime) -> bool:
    """The elder's yes or no. A yes creates the link (order and be told; paying stays off until
    the card's owner allows it). Returns whether a link was made."""
    row = session.get(LinkCode, code_id, with_for_update=True)
    if row is None or row.status != "redeemed":
        raise DomainError("link_code_unknown")
    check(Who(Actor.SELF, elder_id), Act.CONFIRM_LINK, About(elder_id=row.elder_id))
    row.decided_at = now
    if not accept:
        row.status = "refused"
        return False
    assert row.family_id is not None
    row.status = "confirmed"
    if not linked(session, row.family_id, elder_id):
        session.add(
            FamilyLink(
                family_id=row.family_id,
                elder_id=elder_id,
                relation=row.relation or "family",
                can_order=True,
                can_pay=False,
                notify=True,
            )
        )
    session.flush()
    return True


def linked(session: Session, family_id: int, elder_id: int) -> bool:
    """Whether the family member is linked to the elder."""
    query = select(FamilyLink.id).where(
        FamilyLink.family_id == family_id, FamilyLink.elder_id == elder_id
    )
    return session.scalar(query) is not None


def elders_of(session: Session, family_id: int) -> list[Person]:
    """The elders a family member may order for (``menus.access``), in the order linked."""
    rows = session.execute(
        select(Person, FamilyLink)
        .join(FamilyLink, FamilyLink.elder_id == Person.id)
        .where(FamilyLink.family_id == family_id)
        .order_by(FamilyLink.id)
    ).all()
    who = Who(Actor.FAMILY, family_id, links={link.elder_id: Rights.of(link) for _, link in rows})
    allowed = set(orders_for(who))
    return [elder for elder, _ in rows if elder.id in allowed]


def waiting_for_elders(session: Session, family_id: int, now: datetime) -> list[Person]:
    """Elders whose code this family member gave and who have not yet said 同意."""
    query = (
        select(Person)
        .join(LinkCode, LinkCode.elder_id == Person.id)
        .where(
            LinkCode.family_id == family_id,
            LinkCode.status == "redeemed",
            LinkCode.expires_at > now,
        )
        .order_by(LinkCode.id)
    )
    return list(session.scalars(query))
