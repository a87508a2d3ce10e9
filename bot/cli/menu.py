"""``zhucan menu import|export|show``: a canteen's dishes and menus."""

from __future__ import annotations

import argparse
from collections.abc import Callable
from pathlib import Path
from typing import Any

from bot.cli.common import Context, date_option, print_json, vocab_option
from menus import db as store
from menus.catalogue import say
from menus.clock import cutoff_at, local_today
from menus.menu_store import export_menu_file, get_canteen, import_menu_file, load_menus, slot_times
from menus.menufile import dump_csv, dump_yaml, read_menu_file
from menus.models import Menu
from menus.spoken import spoken_yuan
from menus.vocab import MealSlot, label_zh


def add_commands(sub: Any, add: Callable[..., Any]) -> None:
    """Register ``menu import``, ``menu export`` and ``menu show``."""
    menu = sub.add_parser("menu", help="menus").add_subparsers(dest="sub", required=True)
    p = add("import", cmd_menu_import, "import a YAML, CSV or Excel (.xlsx) menu file", menu)
    p.add_argument("file")
    p.add_argument("--allow-past", action="store_true", help="accept menus dated before today")
    p = add("export", cmd_menu_export, "write a canteen's dishes and menus", menu)
    p.add_argument("--canteen")
    p.add_argument("--format", choices=["yaml", "csv"], default="yaml")
    p.add_argument("--since", help="first date (YYYY-MM-DD)")
    p.add_argument("--until", help="last date (YYYY-MM-DD)")
    p = add("show", cmd_menu_show, "show a day's menu", menu)
    p.add_argument("--date")
    p.add_argument("--meal")
    p.add_argument("--canteen")
    p.add_argument("--json", action="store_true")


def cmd_menu_import(args: argparse.Namespace, ctx: Context) -> int:
    """Import a menu file as a whole, or nothing of it."""
    today = None if args.allow_past else local_today(ctx.now)
    menu_file = read_menu_file(args.file, today=today)
    with store.unit_of_work(ctx.factory) as session:
        summary = import_menu_file(session, menu_file, Path(args.file).name)
    print(say("imported", **vars(summary)), file=ctx.out)
    return 0


def cmd_menu_export(args: argparse.Namespace, ctx: Context) -> int:
    """Write the canteen's dishes and menus in the menu file format."""
    since = date_option(args.since, ctx) if args.since else None
    until = date_option(args.until, ctx) if args.until else None
    with store.read_only(ctx.factory) as session:
        canteen = get_canteen(session, args.canteen)
        menu_file = export_menu_file(session, canteen, since, until)
    text = dump_csv(menu_file) if args.format == "csv" else dump_yaml(menu_file)
    ctx.out.write(text)
    return 0


def menu_lines(menu: Menu) -> list[str]:
    """A menu as people read it: dishes in spoken order with prices and what's left."""
    canteen = menu.canteen
    meal = MealSlot(menu.meal)
    times = slot_times(canteen, meal)
    cutoff = cutoff_at(menu.date, times).strftime("%m-%d %H:%M") if times else "?"
    lines = [
        say(
            "menu_header",
            canteen=canteen.name,
            date=menu.date.isoformat(),
            meal=label_zh(meal),
            cutoff=cutoff,
        )
    ]
    for item in menu.items:
        dish = item.dish
        left = say("menu_left", left=item.portions_left) if item.portions_left is not None else ""
        tags = f"  [{', '.join(dish.tags)}]" if dish.tags else ""
        lines.append(
            say(
                "menu_line", name=dish.name, price=spoken_yuan(dish.price_fen), left=left, tags=tags
            )
        )
    return lines


def menu_data(menu: Menu) -> dict[str, Any]:
    """A menu as JSON data."""
    return {
        "canteen": menu.canteen.code,
        "date": menu.date.isoformat(),
        "meal": menu.meal,
        "dishes": [
            {
                "name": item.dish.name,
                "name_mn": item.dish.name_mn,
                "name_mn_cyrl": item.dish.name_mn_cyrl,
                "aliases": item.dish.aliases,
                "price_fen": item.dish.price_fen,
                "portions_left": item.portions_left,
                "nutrition": item.dish.nutrition,
                "tags": item.dish.tags,
                "allergens": item.dish.allergens,
            }
            for item in menu.items
        ],
    }


def cmd_menu_show(args: argparse.Namespace, ctx: Context) -> int:
    """Show the menus of a day (all meals, or one)."""
    day = date_option(args.date, ctx)
    meal = vocab_option(MealSlot, args.meal)
    with store.read_only(ctx.factory) as session:
        ids = [get_canteen(session, args.canteen).id] if args.canteen else None
        menus = load_menus(session, ids, day, meal)
        if args.json:
            print_json(ctx, [menu_data(m) for m in menus])
            return 0
        if not menus:
            print(say("no_menus", date=day.isoformat()), file=ctx.out)
        for menu in menus:
            print("\n".join(menu_lines(menu)), file=ctx.out)
    return 0
