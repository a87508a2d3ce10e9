"""``zhucan elders add|list`` and ``zhucan people import``: elders and people files."""

from __future__ import annotations

import argparse
from collections.abc import Callable
from typing import Any

from bot.arguments import whole_number
from bot.cli.common import Context, print_json
from menus import db as store
from menus.catalogue import say
from menus.clock import LAST_YEAR, local_today
from menus.errors import DomainError
from menus.menu_store import get_canteen
from menus.people import (
    NewElder,
    add_elder,
    elder_categories,
    import_people_file,
    list_elders,
    mask_phone,
    parse_category,
)
from menus.vocab import Condition, Lang, parse_vocab


def add_commands(sub: Any, add: Callable[..., Any]) -> None:
    """Register ``elders add``, ``elders list`` and ``people import``."""
    elders = sub.add_parser("elders", help="elders").add_subparsers(dest="sub", required=True)
    p = add("add", cmd_elders_add, "register an elder", elders)
    p.add_argument("--name", required=True)
    p.add_argument("--phone", required=True)
    p.add_argument("--address", required=True)
    p.add_argument("--community")
    p.add_argument("--region", help="6-digit region code (default: the canteen's)")
    p.add_argument("--lang", default="zh")
    p.add_argument("--birth-year", type=whole_number(1900, LAST_YEAR))
    p.add_argument("--category", action="append", default=[])
    p.add_argument("--condition", action="append", default=[])
    p.add_argument("--notes")
    p = add("list", cmd_elders_list, "list elders", elders)
    p.add_argument("--json", action="store_true")
    p.add_argument("--show-private", action="store_true", help="show full phones and addresses")

    people = sub.add_parser("people", help="people files").add_subparsers(dest="sub", required=True)
    p = add("import", cmd_people_import, "import policies, elders, family, staff, cards", people)
    p.add_argument("file")


def cmd_elders_add(args: argparse.Namespace, ctx: Context) -> int:
    """Register an elder."""
    try:
        categories = dict(parse_category(c) for c in args.category)
        conditions = [parse_vocab(Condition, c) for c in args.condition]
        lang = parse_vocab(Lang, args.lang)
    except ValueError as exc:
        raise DomainError("bad_argument", detail=str(exc)) from None
    if args.birth_year is not None and not 1900 <= args.birth_year <= local_today(ctx.now).year:
        raise DomainError("bad_argument", detail=f"birth year {args.birth_year}")
    with store.unit_of_work(ctx.factory) as session:
        region = args.region or get_canteen(session).region
        new = NewElder(
            name=args.name,
            phone=args.phone,
            address=args.address,
            region=region,
            community=args.community,
            lang=lang,
            birth_year=args.birth_year,
            categories=categories,
            conditions=conditions,
            dietary_notes=args.notes,
        )
        person = add_elder(session, new, ctx.now)
    print(say("elder_added", name=person.name, id=person.id), file=ctx.out)
    return 0


def cmd_elders_list(args: argparse.Namespace, ctx: Context) -> int:
    """List elders; phones and addresses are masked unless asked for."""
    with store.read_only(ctx.factory) as session:
        rows: list[dict[str, Any]] = []
        for person in list_elders(session):
            profile = person.elder
            assert profile is not None
            private = args.show_private
            rows.append(
                {
                    "id": person.id,
                    "name": person.name,
                    "phone": person.phone if private else mask_phone(person.phone),
                    "address": profile.address if private else None,
                    "community": profile.community,
                    "region": profile.region,
                    "lang": person.lang,
                    "birth_year": profile.birth_year,
                    "categories": [
                        c.value + (f":{lvl}" if lvl else "")
                        for c, lvl in elder_categories(person).items()
                    ],
                    "conditions": [c.condition for c in profile.conditions] if private else None,
                }
            )
    if args.json:
        print_json(ctx, rows)
        return 0
    for row in rows:
        categories = "、".join(row["categories"]) or "-"
        print(
            f"{row['id']:>4}  {row['name']}  {row['phone']}  {row['community'] or ''}  "
            f"{categories}",
            file=ctx.out,
        )
    return 0


def cmd_people_import(args: argparse.Namespace, ctx: Context) -> int:
    """Import a people file as a whole."""
    with store.unit_of_work(ctx.factory) as session:
        counts = import_people_file(session, args.file, ctx.now)
    print(say("people_imported", **counts), file=ctx.out)
    return 0
