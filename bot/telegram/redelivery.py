"""Whether a failed update will be sent again, so that the person need not be asked to repeat it.

Why: behind a webhook (``zhucan serve``) an update that failed for want of the store or of
Telegram is answered 500, and Telegram sends it again until it is answered 200. An apology
(出了点问题，请再说一遍) at every try reached the person once per redelivery while PostgreSQL was
restarting (three times in ``bench/rush_faults.py``), and asked them to say again what was about
to be answered anyway; saying it again then made a second turn. Polling is different: an
update, once fetched, never comes again, so there the apology stays.

The webhook says which failures Telegram will redeliver for the update in hand; the bot's error
handler asks before it apologises.
"""

from __future__ import annotations

from collections.abc import Callable
from contextvars import ContextVar

REDELIVERED_WHEN: ContextVar[Callable[[BaseException], bool] | None] = ContextVar(
    "zhucan_redelivered_when", default=None
)
"""Set by the webhook while it handles an update: which failures make Telegram send it again."""


def will_come_again(error: BaseException | None) -> bool:
    """Whether the update now failing with ``error`` will be delivered again."""
    redelivered = REDELIVERED_WHEN.get()
    return error is not None and redelivered is not None and redelivered(error)
