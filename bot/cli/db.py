"""``zhucan db upgrade``: the database schema."""

from __future__ import annotations

import argparse
from collections.abc import Callable
from typing import Any

from bot.cli.common import Context
from menus import db as store
from menus.catalogue import say


def add_commands(sub: Any, add: Callable[..., Any]) -> None:
    """Register ``db upgrade`` (it makes the schema, so it runs before there is one)."""
    db = sub.add_parser("db", help="database schema").add_subparsers(dest="sub", required=True)
    add("upgrade", cmd_db_upgrade, "apply the migrations", db).set_defaults(makes_schema=True)


def cmd_db_upgrade(args: argparse.Namespace, ctx: Context) -> int:
    """Apply the migrations."""
    store.upgrade(ctx.url)
    print(say("db_upgraded", revision=store.current_revision(ctx.url)), file=ctx.out)
    return 0
