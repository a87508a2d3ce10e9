"""The audit log: every change made through the web console or to the accounts — who, when,
what — written in the same transaction as the change itself, so a change and its record stand
or fall together.

Why beside the order history: ``order_events`` is the order's own story (every channel writes
it); the audit log is the console's account of people's actions, read by managers for their
canteens and by supervisors for their region, and it also covers changes that are not orders
(accounts, menus, food-safety records, and answers to complaints, which
``menus.feedback.answer`` records whichever channel they come from).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import ColumnElement, or_, select
from sqlalchemy.orm import Session

from menus.models import AuditEntry, Canteen, Person

MAX_ENTRIES = 200


@dataclass(frozen=True)
class AuditLine:
    """One audit entry as people read it: with the canteen's name."""

    id: int
    at: datetime
    actor_name: str
    canteen_code: str | None
    canteen_name: str | None
    action: str
    target: str
    detail: dict[str, Any]


def record_change(
    session: Session,
    *,
    actor_id: int | None,
    action: str,
    target: str,
    now: datetime,
    canteen_id: int | None = None,
    region: str | None = None,
    detail: dict[str, Any] | None = None,
) -> AuditEntry:
    """Append one entry; the actor's name is copied so the entry outlives the person's row.
    ``actor_id`` None is the operator at the command line."""
    actor = session.get(Person, actor_id) if actor_id is not None else None
    entry = AuditEntry(
        at=now,
        actor_id=actor_id,
        actor_name=actor.name if actor is not None else "系统管理员",
        canteen_id=canteen_id,
        region=region,
        action=action,
        target=target[:100],
        detail=detail or {},
    )
    session.add(entry)
    session.flush()
    return entry


def audit_lines(
    session: Session,
    *,
    canteen_ids: Sequence[int] = (),
    region_prefix: str | None = None,
    limit: int = MAX_ENTRIES,
) -> list[AuditLine]:
    """The newest entries about these canteens or (for a supervisor) anything in the region
    whose code starts with ``region_prefix``; nothing when neither is given."""
    conditions: list[ColumnElement[bool]] = []
    if canteen_ids:
        conditions.append(AuditEntry.canteen_id.in_(list(canteen_ids)))
    if region_prefix:
        conditions.append(AuditEntry.region.startswith(region_prefix, autoescape=True))
    if not conditions:
        return []
    rows = session.execute(
        select(AuditEntry, Canteen.code, Canteen.name)
        .outerjoin(Canteen, Canteen.id == AuditEntry.canteen_id)
        .where(or_(*conditions))
        .order_by(AuditEntry.at.desc(), AuditEntry.id.desc())
        .limit(limit)
    )
    return [
        AuditLine(
            id=entry.id,
            at=entry.at,
            actor_name=entry.actor_name,
            canteen_code=code,
            canteen_name=name,
            action=entry.action,
            target=entry.target,
            detail=dict(entry.detail),
        )
        for entry, code, name in rows
    ]
