"""``zhucan demo``: the demo canteen, then a chat as its elder (the README's first step)."""

from __future__ import annotations

import argparse
from collections.abc import Callable
from typing import Any

from bot.cli.chat import run_chat
from bot.cli.common import Context
from menus import db as store
from menus.catalogue import say
from menus.demo import DEMO_ELDER, demo_canteen, load_demo
from menus.people import find_elder


def add_commands(sub: Any, add: Callable[..., Any]) -> None:
    """Register ``demo`` (it makes the schema, so it runs before there is one)."""
    p = add("demo", cmd_demo, "load the demo canteen, show today's menu, place a demo order")
    p.set_defaults(makes_schema=True)


def cmd_demo(args: argparse.Namespace, ctx: Context) -> int:
    """Set up the demo canteen and open the chat as the demo elder (the README's main job)."""
    store.upgrade(ctx.url)
    with store.unit_of_work(ctx.factory) as session:
        load_demo(session, ctx.now)
    with store.read_only(ctx.factory) as session:
        canteen = demo_canteen(session)
        assert canteen is not None
        print(say("demo_loaded", canteen=canteen.name, db=safe_url(ctx.url)), file=ctx.out)
        elder_id = find_elder(session, DEMO_ELDER).id
    print(say("demo_chat", elder=DEMO_ELDER), file=ctx.out)
    return run_chat(ctx, elder_id, args, greet=True)


def safe_url(url: str) -> str:
    """The database URL without a password, for printing."""
    from sqlalchemy.engine import make_url

    return make_url(url).render_as_string(hide_password=True)
