"""The ``zhucan`` command: one entry point for the store, the demo, and the channels.

Every command takes ``--db URL`` (or ``ZHUCAN_DB``) and ``--now ISO-TIME`` (or ``ZHUCAN_NOW``) so
that demos and tests are deterministic. A refused request prints one clear message and exits
with status 2, having changed nothing.

This module only builds the parser and runs one command; each command group lives in its own
module with an ``add_commands(sub, add)`` that registers it: ``db``, ``menu``, ``people``
(elders and people files), ``orders``, ``reports`` (kitchen sheet, monthly report), ``demo``,
``chat`` (terminal chat, Telegram), ``nlu``, and beside this package ``bot.scheduler_cli``,
``bot.web.cli``, ``bot.serve.cli`` and ``bot.voice_cli``.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Callable, Sequence
from typing import Any

from sqlalchemy import Engine
from sqlalchemy.exc import (
    DatabaseError,
    DataError,
    IntegrityError,
    OperationalError,
    ProgrammingError,
)

from bot.cli import chat, db, demo, menu, nlu, orders, people, reports
from bot.cli.common import EXIT_REFUSED, Context
from bot.scheduler_cli import add_commands as add_scheduler_commands
from bot.serve.cli import add_commands as add_serve_commands
from bot.web.cli import add_commands as add_web_commands
from menus import db as store
from menus.catalogue import say
from menus.clock import parse_now
from menus.errors import DomainError


def _common() -> argparse.ArgumentParser:
    parent = argparse.ArgumentParser(add_help=False)
    parent.add_argument("--db", default=argparse.SUPPRESS, help="database URL (ZHUCAN_DB)")
    parent.add_argument("--now", default=argparse.SUPPRESS, help="the moment, ISO (ZHUCAN_NOW)")
    return parent


def build_parser() -> argparse.ArgumentParser:
    """The whole command line; subcommands name their handler in ``run``."""
    common = _common()
    parser = argparse.ArgumentParser(
        prog="zhucan", description="助餐: meal ordering for elders", parents=[common]
    )
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    def add(name: str, handler: Callable[..., int], help_text: str, into: Any = sub) -> Any:
        command = into.add_parser(name, parents=[common], help=help_text, description=help_text)
        command.set_defaults(run=handler)
        return command

    for group in (db, menu, people, orders, reports, demo, chat, nlu):
        group.add_commands(sub, add)
    add_scheduler_commands(sub, add)
    add_web_commands(sub, add)
    add_serve_commands(sub, add)

    from bot.voice_cli import add_commands as add_voice_commands

    add_voice_commands(sub, add)
    return parser


def run(argv: Sequence[str] | None = None, out: Any = None, err: Any = None) -> int:
    """Parse, run one command, and turn refusals into a message and exit status 2."""
    out = out or sys.stdout
    err = err or sys.stderr
    parser = build_parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as exc:  # argparse has printed the usage and the problem
        return exc.code if isinstance(exc.code, int) else EXIT_REFUSED
    lang = os.environ.get("ZHUCAN_LANG", "zh")
    try:
        ctx, engine = _context(args, lang, out)
    except DomainError as exc:  # --now, ZHUCAN_NOW, --db or ZHUCAN_DB: nothing opened
        print(exc.message(lang), file=err)
        return EXIT_REFUSED
    try:
        return _run_command(args, ctx, err)
    finally:
        engine.dispose()


def _context(args: argparse.Namespace, lang: str, out: Any) -> tuple[Context, Engine]:
    """The moment and the store every command gets, from the options or the environment;
    one refusal (``DomainError``) when either is unusable, before anything is opened."""
    now_text = getattr(args, "now", None) or os.environ.get("ZHUCAN_NOW")
    try:
        now = parse_now(now_text)
    except ValueError:  # from --now or from ZHUCAN_NOW: the message quotes what was given
        raise DomainError("bad_now", text=now_text) from None
    url = store.normalise_url(getattr(args, "db", None) or store.default_url())
    engine = store.open_engine(url)
    ctx = Context(url=url, now=now, factory=store.session_factory(engine), lang=lang, out=out)
    return ctx, engine


def _run_command(args: argparse.Namespace, ctx: Context, err: Any) -> int:
    """Run the command; a refusal or a value the store refused is one message and exit 2."""
    lang = ctx.lang
    try:
        needs_db = getattr(args, "needs_db", True) or bool(getattr(args, "db", None))
        if needs_db and not getattr(args, "makes_schema", False) and not _schema_ready(ctx.url):
            raise DomainError("db_not_ready")
        return int(args.run(args, ctx))
    except DomainError as exc:
        print(exc.message(lang), file=err)
        return EXIT_REFUSED
    except IntegrityError:
        print(say("unexpected", error="the store refused inconsistent data"), file=err)
        return EXIT_REFUSED
    except DataError:  # a value the checks let through and a column cannot hold: rolled back
        print(
            say("unexpected", error="the store refused a value (too long or out of range)"),
            file=err,
        )
        return EXIT_REFUSED
    except (OperationalError, ProgrammingError) as exc:
        print(say("unexpected", error=type(exc.orig).__name__ if exc.orig else "db"), file=err)
        return 1
    except DatabaseError as exc:  # SQLite's "file is not a database": --db names another file
        print(DomainError("not_a_database", reason=str(exc.orig)[:200]).message(lang), file=err)
        return EXIT_REFUSED


def _schema_ready(url: str) -> bool:
    try:
        return store.current_revision(url) is not None
    except OperationalError:
        return False


def main() -> None:
    """Console-script entry point."""
    sys.exit(run())
