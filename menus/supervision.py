"""What a civil-affairs (民政) supervisor reads about the canteens of a region: meals served
today and this month, complaints (this month's, those still open, how fast they are answered)
and satisfaction (the after-meal ratings).

"Served" is what the monthly report counts (a completed order), so the dashboard and the report
never disagree. Each figure is one grouped query over the region's canteens, not a query per
canteen, because a region holds hundreds of them. The canteen's own complaints page shows the
same month's figures from ``feedback_figures``, so the two never disagree either.
"""

from __future__ import annotations

import statistics
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, timedelta

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from menus.feedback import month_bounds, response_time
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
    feedback: FeedbackFigures


@dataclass(frozen=True)
class FeedbackFigures:
    """A canteen's complaints and satisfaction in a month.

    ``complaints``: made in the month; ``open``: not answered yet, whenever made (an old one
    still waits); ``median_response``: from complaint to answer, over the month's complaints
    answered so far (None when none is); ``rating``: the mean of the month's 1–5 ratings (None
    when nobody rated)."""

    complaints: int = 0
    open: int = 0
    answered: int = 0
    median_response: timedelta | None = None
    ratings: int = 0
    rating: float | None = None


def median_response(times: Iterable[timedelta]) -> timedelta | None:
    """The median of response times (the middle one, or the mean of the two middle ones);
    None for none."""
    seconds = [t.total_seconds() for t in times]
    return timedelta(seconds=statistics.median(seconds)) if seconds else None


def mean_rating(ratings: Sequence[int]) -> float | None:
    """The mean rating, to one decimal (None when nobody rated)."""
    return round(sum(ratings) / len(ratings), 1) if ratings else None


def feedback_figures(
    session: Session, canteen_ids: Sequence[int], month: date
) -> dict[int, FeedbackFigures]:
    """``FeedbackFigures`` of ``month`` for each canteen (every id given has an entry): two
    grouped queries and one over the month's answered complaints for their medians."""
    ids = list(canteen_ids)
    if not ids:
        return {}
    start, end = month_bounds(month)
    in_month = (Feedback.created_at >= start, Feedback.created_at < end)
    complaint = Feedback.kind == "complaint"
    counts = {
        cid: (made, answered)
        for cid, made, answered in session.execute(
            select(
                Feedback.canteen_id,
                func.count(),
                func.count().filter(Feedback.answered_at.is_not(None)),
            )
            .where(Feedback.canteen_id.in_(ids), complaint, *in_month)
            .group_by(Feedback.canteen_id)
        )
    }
    open_counts = {
        cid: n
        for cid, n in session.execute(
            select(Feedback.canteen_id, func.count())
            .where(Feedback.canteen_id.in_(ids), complaint, Feedback.answered_at.is_(None))
            .group_by(Feedback.canteen_id)
        )
    }
    times: dict[int, list[timedelta]] = defaultdict(list)
    for cid, made, answered_at in session.execute(
        select(Feedback.canteen_id, Feedback.created_at, Feedback.answered_at).where(
            Feedback.canteen_id.in_(ids), complaint, Feedback.answered_at.is_not(None), *in_month
        )
    ):
        took = response_time(made, answered_at)
        if took is not None:
            times[cid].append(took)
    ratings: dict[int, list[int]] = defaultdict(list)
    for cid, rating, n in session.execute(
        select(Feedback.canteen_id, Feedback.rating, func.count())
        .where(Feedback.canteen_id.in_(ids), Feedback.rating.is_not(None), *in_month)
        .group_by(Feedback.canteen_id, Feedback.rating)
    ):
        if rating is not None:
            ratings[cid].extend([rating] * n)
    return {
        cid: FeedbackFigures(
            complaints=counts.get(cid, (0, 0))[0],
            open=open_counts.get(cid, 0),
            answered=counts.get(cid, (0, 0))[1],
            median_response=median_response(times[cid]),
            ratings=len(ratings[cid]),
            rating=mean_rating(ratings[cid]),
        )
        for cid in ids
    }


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
    today and since the first of the month, complaints not yet answered, and this month's
    complaints, response times and ratings (``feedback_figures``)."""
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
    feedback = feedback_figures(session, ids, today)
    return [
        CanteenFigures(
            id=c.id,
            code=c.code,
            name=c.name,
            region=c.region,
            orders_today=today_counts.get(c.id, (0, 0))[0],
            served_today=today_counts.get(c.id, (0, 0))[1],
            served_month=month_counts.get(c.id, 0),
            complaints_open=feedback[c.id].open,
            feedback=feedback[c.id],
        )
        for c in canteens
    ]
