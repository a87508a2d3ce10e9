"""``zhucan kitchen`` and ``zhucan report``: what to cook, and the monthly counts."""

from __future__ import annotations

import argparse
from collections.abc import Callable
from typing import Any

from bot.cli.common import Context, date_option, month_option, print_json, vocab_option
from menus import db as store
from menus.menu_store import get_canteen
from menus.reports import kitchen_json, kitchen_sheet, kitchen_text, monthly_report, report_csv
from menus.vocab import MealSlot


def add_commands(sub: Any, add: Callable[..., Any]) -> None:
    """Register ``kitchen`` and ``report``."""
    p = add("kitchen", cmd_kitchen, "what to cook and where to deliver")
    p.add_argument("--date")
    p.add_argument("--meal")
    p.add_argument("--canteen")
    p.add_argument("--json", action="store_true")

    p = add("report", cmd_report, "monthly service counts")
    p.add_argument("--month", required=True)
    p.add_argument("--format", choices=["csv", "json"], default="csv")


def cmd_kitchen(args: argparse.Namespace, ctx: Context) -> int:
    """The kitchen sheet for a meal (default: today's lunch)."""
    day = date_option(args.date, ctx)
    meal = vocab_option(MealSlot, args.meal) or MealSlot.LUNCH
    with store.read_only(ctx.factory) as session:
        canteen = get_canteen(session, args.canteen)
        sheet = kitchen_sheet(session, canteen, day, meal)
    if args.json:
        print_json(ctx, kitchen_json(sheet))
    else:
        print(kitchen_text(sheet), file=ctx.out)
    return 0


def cmd_report(args: argparse.Namespace, ctx: Context) -> int:
    """Monthly service counts, subsidies and card amounts."""
    month = month_option(args.month)
    with store.read_only(ctx.factory) as session:
        rows = monthly_report(session, month)
    if args.format == "json":
        print_json(ctx, rows)
    else:
        ctx.out.write(report_csv(rows))
    return 0
