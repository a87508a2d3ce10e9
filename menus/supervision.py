"""What a civil-affairs (民政) supervisor reads about the canteens of a region: meals served
today and this month, and complaints still open.

"Served" is what the monthly report counts (a completed order), so the dashboard and the report
never disagree. Each figure is one grouped query over the region's canteens, not a query per
canteen, because a region holds hundreds of them.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from menus.models import Canteen, Feedback, Order
from menus.states import OPEN_STATUSES
from menus.vocab import OrderStatus


@dataclass(frozen=True)
class CanteenFigures:
    """One canteen's line on the region dashboard."""

    id: int
    code: str
    name: str
    region: str
    orders_today: int
    served_today: int
    served_month: int
    complaints_open: int


def in_region(region: str, prefix: str) -> bool:
    """Whether a canteen's region code falls under a supervisor's (150102 under 1501)."""
    return bool(prefix) and region.startswith(prefix)


def region_canteens(session: Session, prefix: str) -> list[Canteen]:
    """The canteens whose region code starts with ``prefix``, by code."""
    if not prefix:
        return []
    query = select(Canteen).where(Canteen.region.startswith(prefix, autoescape=True))
    return list(session.scalars(query.order_by(Canteen.code)))


def region_figures(session: Session, prefix: str, today: date) -> list[CanteenFigures]:
    """Every canteen of the region with today's orders (still open or served), meals served
    today and since the first of the month, and complaints not yet answered."""
    canteens = region_canteens(session, prefix)
    ids = [c.id for c in canteens]
    if not ids:
        return []
    completed = OrderStatus.COMPLETED.value
    counted = [s.value for s in OPEN_STATUSES] + [completed]
    month_start = today.replace(day=1)
    today_rows = session.execute(
        select(
            Order.canteen_id,
            func.count().filter(Order.status.in_(counted)),
            func.count().filter(Order.status == completed),
        )
        .where(Order.canteen_id.in_(ids), Order.date == today)
        .group_by(Order.canteen_id)
    )
    today_counts = {cid: (orders, served) for cid, orders, served in today_rows}
    month_rows = session.execute(
        select(Order.canteen_id, func.count())
        .where(
            Order.canteen_id.in_(ids),
            Order.date >= month_start,
            Order.date <= today,
            Order.status == completed,
        )
        .group_by(Order.canteen_id)
    )
    month_counts = {cid: n for cid, n in month_rows}
    complaint_rows = session.execute(
        select(Feedback.canteen_id, func.count())
        .where(
            Feedback.canteen_id.in_(ids),
            Feedback.kind == "complaint",
            Feedback.answered_at.is_(None),
        )
        .group_by(Feedback.canteen_id)
    )
    complaints = {cid: n for cid, n in complaint_rows}
    return [
        CanteenFigures(
            id=c.id,
            code=c.code,
            name=c.name,
            region=c.region,
            orders_today=today_counts.get(c.id, (0, 0))[0],
            served_today=today_counts.get(c.id, (0, 0))[1],
            served_month=month_counts.get(c.id, 0),
            complaints_open=complaints.get(c.id, 0),
        )
        for c in canteens
    ]
