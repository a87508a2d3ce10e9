"""What the complaints page (意见和表扬) shows, read from ``menus.feedback`` and
``menus.supervision`` into plain words for its template: each complaint or praise with when,
the order or dishes it is about, the elder's words, the rating, the answer and how long it
took (or how long it has waited), and the month's figures.

Nothing here decides a rule: the order of the inbox is ``menus.feedback.inbox``'s, the
response time ``menus.feedback.response_time``'s, the month's median and satisfaction
``menus.supervision.feedback_figures``' (the region dashboard shows the same figures).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy.orm import Session

from bot.web.texts import KINDS, day_label, duration_label, say
from menus.clock import TZ
from menus.feedback import MAX_ANSWER, InboxItem, inbox
from menus.models import Canteen
from menus.settlement import MonthError, add_months
from menus.settlement import parse_month as settlement_month
from menus.supervision import FeedbackFigures, feedback_figures
from menus.vocab import MealSlot, label_zh, parse_vocab


@dataclass(frozen=True)
class FeedbackRow:
    """One complaint or praise as the page lists it."""

    id: int
    kind: str
    kind_label: str
    elder: str
    said_at: str
    about: str
    text: str
    rating: str
    is_open: bool
    answer: str | None
    answered: str
    timing: str
    can_answer: bool


@dataclass(frozen=True)
class FeedbackPage:
    """The inbox of one canteen for one month, with the month's figures in sentences."""

    month: date
    month_label: str
    rows: list[FeedbackRow]
    summary: str
    median: str
    rating: str
    max_answer: int = MAX_ANSWER


def parse_month(text: str, today: date) -> date:
    """The month a ``?month=2026-12`` asks for (its first day), by the settlement's one rule
    (``YYYY-MM``, not after this month, not over ten years back); this month otherwise, so a
    link with an odd month still shows the inbox."""
    try:
        return settlement_month(text, today)
    except MonthError:
        return today.replace(day=1)


def month_after(month: date) -> date:
    """The first day of the next month."""
    return add_months(month, 1)


def month_before(month: date) -> date:
    """The first day of the month before."""
    return add_months(month, -1)


def feedback_page(
    session: Session, canteen: Canteen, month: date, now: datetime, *, may_answer: bool
) -> FeedbackPage:
    """The canteen's inbox for ``month``: open complaints first, then the month's, newest
    first; a reply form on each open complaint for those who may answer."""
    items = inbox(session, canteen.id, month)
    figures = feedback_figures(session, [canteen.id], month)[canteen.id]
    return FeedbackPage(
        month=month,
        month_label=say("feedback_month", year=month.year, month=month.month),
        rows=[_row(item, now, may_answer) for item in items],
        summary=say(
            "feedback_summary",
            complaints=figures.complaints,
            answered=figures.answered,
            open=figures.open,
        ),
        median=median_words(figures),
        rating=rating_words(figures),
    )


def median_words(figures: FeedbackFigures) -> str:
    """The month's median response time in a sentence."""
    if figures.median_response is None:
        return say("feedback_no_median")
    return say("feedback_median", took=duration_label(figures.median_response))


def rating_words(figures: FeedbackFigures) -> str:
    """The month's satisfaction in a sentence."""
    if figures.rating is None:
        return say("feedback_no_rating")
    return say("feedback_rating", rating=f"{figures.rating:.1f}", count=figures.ratings)


def _row(item: InboxItem, now: datetime, may_answer: bool) -> FeedbackRow:
    if item.response is not None:
        timing = say("feedback_took", took=duration_label(item.response))
    elif item.kind == "complaint":
        timing = say("feedback_waiting", took=duration_label(now - item.created_at))
    else:
        timing = ""
    answered = ""
    if item.answered_at is not None:
        answered = f"{item.answered_by or ''} {_local(item.answered_at)}".strip()
    return FeedbackRow(
        id=item.id,
        kind=item.kind,
        kind_label=KINDS.get(item.kind, item.kind),
        elder=item.elder,
        said_at=_local(item.created_at),
        about=_about(item),
        text=item.text,
        rating=say("stars", rating=item.rating) if item.rating is not None else "",
        is_open=item.is_open,
        answer=item.answer,
        answered=answered,
        timing=timing,
        can_answer=may_answer and item.is_open and item.kind == "complaint",
    )


def _about(item: InboxItem) -> str:
    dishes = "、".join(item.dishes)
    if item.order_id is not None and item.order_day is not None:
        try:
            meal = label_zh(parse_vocab(MealSlot, item.order_meal or ""))
        except ValueError:
            meal = item.order_meal or ""
        day = day_label(item.order_day)
        return say("feedback_order", id=item.order_id, day=day, meal=meal, dishes=dishes)
    if dishes:
        return say("feedback_dishes", dishes=dishes)
    return say("feedback_unknown_dish")


def _local(moment: datetime) -> str:
    local = moment.astimezone(TZ)
    return f"{local.month}月{local.day}日 {local:%H:%M}"
