"""What every ``zhucan`` command group shares: the context a handler gets and the parsing of
the options several groups take (dates, vocabulary words, stored free text), plus JSON output."""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Any

from sqlalchemy.orm import Session, sessionmaker

from menus.clock import in_service_years, local_today
from menus.errors import DomainError
from menus.text import has_control_chars
from menus.vocab import parse_vocab

EXIT_REFUSED = 2


@dataclass
class Context:
    """What every command gets: the store, the moment, and the output streams."""

    url: str
    now: datetime
    factory: sessionmaker[Session]
    lang: str
    out: Any


def date_option(text: str | None, ctx: Context) -> date:
    """A date option: ISO, or today/tomorrow; a date outside the service's years is refused
    here, so no rule downstream shifts ``date.min`` by a day and overflows."""
    if not text:
        return local_today(ctx.now)
    words = {"today": 0, "今天": 0, "tomorrow": 1, "明天": 1, "后天": 2}
    if text.strip() in words:
        return local_today(ctx.now) + timedelta(days=words[text.strip()])
    try:
        day = date.fromisoformat(text.strip())
    except ValueError:
        raise DomainError("bad_date", text=text) from None
    if not in_service_years(day):
        raise DomainError("date_out_of_range", text=text)
    return day


def month_option(text: str) -> date:
    """A month option (``2026-12``) as its first day; outside the service's years it is refused
    as ``date_option`` refuses a day, so every date the command line takes is checked here."""
    try:
        month = datetime.strptime(text.strip(), "%Y-%m").date()
    except ValueError:
        raise DomainError("bad_month", text=text) from None
    if not in_service_years(month):
        raise DomainError("bad_month", text=text)
    return month


def vocab_option(kind: Any, text: str | None) -> Any:
    if text is None:
        return None
    try:
        return parse_vocab(kind, text)
    except ValueError as exc:
        raise DomainError("bad_argument", detail=str(exc)) from None


def text_option(value: str | None, option: str, limit: int) -> str | None:
    """A free-text option that is stored (a key, an address, a reason): at most ``limit``
    characters and no control characters, refused here rather than by the database."""
    if value is None:
        return None
    if has_control_chars(value):
        raise DomainError("bad_argument", detail=f"{option} contains control characters")
    if len(value) > limit:
        raise DomainError(
            "bad_argument", detail=f"{option} is {len(value):,} characters; the limit is {limit}"
        )
    return value


MAX_LINE_CHARS = 2_000
"""The longest line a command reads from stdin: one utterance is a few dozen characters."""


def input_lines(stream: Any, limit: int = MAX_LINE_CHARS) -> Iterator[str]:
    """The lines of ``stream`` (stdin) without their line ends, each read ``limit + 1``
    characters at most; a longer line is refused (``line_too_long``) and the rest not read.

    Why: ``for line in sys.stdin`` and ``readline()`` read a line whole, however long, so
    ``zhucan chat < /dev/zero`` or ``zhucan nlu parse < /dev/zero`` grew until the OOM
    killer came; an input stream is bounded here as files are in ``menus.files``.
    """
    while True:
        line = stream.readline(limit + 1)
        if not line:
            return
        text = line.removesuffix("\n").removesuffix("\r")
        if len(text) > limit:
            raise DomainError("line_too_long", limit=f"{limit:,}")
        yield text


def print_json(ctx: Context, data: Any) -> None:
    print(json.dumps(data, ensure_ascii=False, indent=None, default=str), file=ctx.out)
