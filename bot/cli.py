"""The ``zhucan`` command: one entry point for the store, the demo, and (later) the channels.

Every command takes ``--db URL`` (or ``ZHUCAN_DB``) and ``--now ISO-TIME`` (or ``ZHUCAN_NOW``) so
that demos and tests are deterministic. A refused request prints one clear message and exits
with status 2, having changed nothing.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import uuid
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any

from sqlalchemy.exc import DataError, IntegrityError, OperationalError, ProgrammingError
from sqlalchemy.orm import Session, sessionmaker

from bot.arguments import whole_number
from bot.scheduler_cli import add_commands as add_scheduler_commands
from bot.texts import say, spoken_yuan
from bot.web.cli import add_commands as add_web_commands
from menus import db as store
from menus.clock import LAST_YEAR, cutoff_at, in_service_years, local_today, parse_now
from menus.demo import DEMO_ELDER, demo_canteen, load_demo
from menus.errors import DomainError
from menus.files import check_bounded
from menus.menu_store import export_menu_file, get_canteen, import_menu_file, load_menus, slot_times
from menus.menufile import dump_csv, dump_yaml, read_menu_file
from menus.models import Canteen, Menu
from menus.orders import (
    OrderLine,
    OrderRequest,
    OrderSummary,
    cancel_order,
    list_orders,
    order_view,
    place_order_once,
    set_status,
)
from menus.people import (
    MAX_ADDRESS,
    NewElder,
    add_elder,
    elder_categories,
    find_elder,
    find_person,
    import_people_file,
    list_elders,
    mask_phone,
    parse_category,
)
from menus.reports import kitchen_json, kitchen_sheet, kitchen_text, monthly_report, report_csv
from menus.text import has_control_chars
from menus.vocab import (
    Actor,
    Condition,
    Fulfillment,
    Lang,
    MealSlot,
    OrderStatus,
    label_zh,
    parse_vocab,
)

EXIT_REFUSED = 2
MAX_KEY_CHARS = 200  # the column's width
MAX_REASON_CHARS = 500
MAX_LABELLED_FILE_BYTES = 5_000_000
"""A labelled NLU file is read whole; the shipped ones are under 100 kB."""


class Refused(Exception):
    """A bad argument found by the command itself (before any domain rule)."""


@dataclass
class Context:
    """What every command gets: the store, the moment, and the output streams."""

    url: str
    now: datetime
    factory: sessionmaker[Session]
    lang: str
    out: Any


# ------------------------------------------------------------------------- arguments


def _common() -> argparse.ArgumentParser:
    parent = argparse.ArgumentParser(add_help=False)
    parent.add_argument("--db", default=argparse.SUPPRESS, help="database URL (ZHUCAN_DB)")
    parent.add_argument("--now", default=argparse.SUPPRESS, help="the moment, ISO (ZHUCAN_NOW)")
    return parent


class _DishAction(argparse.Action):
    """``--dish A --qty 2 --dish B``: each --qty belongs to the --dish before it."""

    def __call__(self, parser: Any, namespace: Any, values: Any, option: Any = None) -> None:
        lines = list(getattr(namespace, "lines", None) or [])
        if option == "--dish":
            lines.append([values, 1])
        else:
            if not lines:
                raise argparse.ArgumentError(self, "--qty must follow a --dish")
            try:
                lines[-1][1] = int(values)
            except ValueError:
                raise argparse.ArgumentError(self, f"'{values}' is not a whole number") from None
        namespace.lines = lines


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

    db = sub.add_parser("db", help="database schema").add_subparsers(dest="sub", required=True)
    add("upgrade", cmd_db_upgrade, "apply the migrations", db)

    menu = sub.add_parser("menu", help="menus").add_subparsers(dest="sub", required=True)
    p = add("import", cmd_menu_import, "import a YAML or CSV menu file", menu)
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

    order = sub.add_parser("order", help="one order").add_subparsers(dest="sub", required=True)
    p = add("place", cmd_order_place, "place an order and print it as JSON", order)
    p.add_argument("--elder", required=True)
    p.add_argument("--dish", action=_DishAction, required=True, dest="lines")
    p.add_argument("--qty", action=_DishAction, dest="lines")
    p.add_argument("--date", required=True)
    p.add_argument("--meal", required=True)
    p.add_argument("--fulfillment", required=True)
    p.add_argument("--key", help="idempotency key: the same key never makes a second order")
    p.add_argument("--canteen")
    p.add_argument("--address", help="deliver somewhere else than the address on file")
    p.add_argument("--as", dest="actor", default="self", choices=["self", "family", "staff"])
    p.add_argument("--by", help="the family member or staff placing it (name or id)")
    p = add("cancel", cmd_order_cancel, "cancel an order", order)
    p.add_argument("id")
    p.add_argument("--as", dest="actor", default="self", choices=["self", "family", "staff"])
    p.add_argument("--by", help="the family member or staff cancelling (name or id)")
    p.add_argument("--reason")
    p = add("status", cmd_order_status, "move an order on (staff)", order)
    p.add_argument("id")
    p.add_argument("status")
    p.add_argument("--by", help="the staff member (name or id); default: the operator")
    p.add_argument("--reason")

    orders = sub.add_parser("orders", help="orders").add_subparsers(dest="sub", required=True)
    p = add("list", cmd_orders_list, "list orders", orders)
    p.add_argument("--date")
    p.add_argument("--meal")
    p.add_argument("--json", action="store_true")

    p = add("kitchen", cmd_kitchen, "what to cook and where to deliver")
    p.add_argument("--date")
    p.add_argument("--meal")
    p.add_argument("--canteen")
    p.add_argument("--json", action="store_true")

    p = add("report", cmd_report, "monthly service counts")
    p.add_argument("--month", required=True)
    p.add_argument("--format", choices=["csv", "json"], default="csv")

    add("demo", cmd_demo, "load the demo canteen, show today's menu, place a demo order")
    p = add("chat", cmd_chat, "talk with zhucan as an elder, family or staff, one line a turn")
    who = p.add_mutually_exclusive_group(required=True)
    who.add_argument("--elder", help="the elder's name or id")
    who.add_argument("--person", help="anyone's name or id: family orders for a linked elder")
    p = add("telegram", cmd_telegram, "run the Telegram bot: long polling, or a webhook")
    p.add_argument("--webhook-url", help="public HTTPS URL Telegram posts updates to")
    p.add_argument("--listen", default="127.0.0.1", help="address the webhook server binds")
    p.add_argument(
        "--port", type=whole_number(1, 65535), default=8443, help="port the webhook server binds"
    )
    p.add_argument(
        "--no-scheduler",
        action="store_true",
        help="leave the timed jobs and the outbox to a separate `zhucan scheduler run`",
    )
    p.add_argument(
        "--no-voice",
        action="store_true",
        help="answer voice notes with a note to type instead of recognising them",
    )

    nlu = sub.add_parser("nlu", help="understanding").add_subparsers(dest="sub", required=True)
    for name, handler, help_text in (
        ("parse", cmd_nlu_parse, "understand one utterance, or one per line of stdin"),
        ("eval", cmd_nlu_eval, "score the parser on a labelled Rasa NLU YAML file"),
    ):
        p = add(name, handler, help_text, nlu)
        p.set_defaults(needs_db=False)
        p.add_argument("--menu", help="menu file (default: the demo canteen's)")
        p.add_argument("--today", help="the date relative words refer to (YYYY-MM-DD)")
        p.add_argument("--backend", choices=["inprocess", "rasa"], default="inprocess")
        p.add_argument(
            "--rasa-url", default=os.environ.get("ZHUCAN_RASA_URL", "http://127.0.0.1:5005")
        )
        if name == "parse":
            p.add_argument("--lang", choices=["zh", "mn", "auto"], default="auto")
            p.add_argument("text", nargs="?")
        else:
            p.add_argument(
                "file", nargs="?", help="one labelled file (else the sets, side by side)"
            )
            p.add_argument(
                "--suite",
                action="append",
                choices=["dev", "blind", "own"],
                help="score a labelled set (repeatable; default without FILE: dev and blind)",
            )
            p.add_argument("--json", action="store_true")
            p.add_argument("--errors", action="store_true", help="also list every wrong parse")
    add_scheduler_commands(sub, add)
    add_web_commands(sub, add)

    from bot.voice_cli import add_commands as add_voice_commands

    add_voice_commands(sub, add)
    return parser


# --------------------------------------------------------------------------- helpers


def _date(text: str | None, ctx: Context) -> date:
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


def _vocab(kind: Any, text: str | None) -> Any:
    if text is None:
        return None
    try:
        return parse_vocab(kind, text)
    except ValueError as exc:
        raise DomainError("bad_argument", detail=str(exc)) from None


def _text_arg(value: str | None, option: str, limit: int) -> str | None:
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


def _print_json(ctx: Context, data: Any) -> None:
    print(json.dumps(data, ensure_ascii=False, indent=None, default=str), file=ctx.out)


# -------------------------------------------------------------------------- commands


def cmd_db_upgrade(args: argparse.Namespace, ctx: Context) -> int:
    """Apply the migrations."""
    store.upgrade(ctx.url)
    print(say("db_upgraded", revision=store.current_revision(ctx.url)), file=ctx.out)
    return 0


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
    since = _date(args.since, ctx) if args.since else None
    until = _date(args.until, ctx) if args.until else None
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
    day = _date(args.date, ctx)
    meal = _vocab(MealSlot, args.meal)
    with store.read_only(ctx.factory) as session:
        ids = [get_canteen(session, args.canteen).id] if args.canteen else None
        menus = load_menus(session, ids, day, meal)
        if args.json:
            _print_json(ctx, [menu_data(m) for m in menus])
            return 0
        if not menus:
            print(say("no_menus", date=day.isoformat()), file=ctx.out)
        for menu in menus:
            print("\n".join(menu_lines(menu)), file=ctx.out)
    return 0


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
        _print_json(ctx, rows)
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


def _actor(
    session: Session, args: argparse.Namespace, *, required: bool = True
) -> tuple[Actor, int | None]:
    actor = Actor(getattr(args, "actor", "staff"))
    if actor is Actor.SELF:
        return actor, None
    if not getattr(args, "by", None):
        if required:
            raise DomainError("bad_argument", detail="--by NAME_OR_ID is needed with --as")
        return actor, None
    from sqlalchemy import select

    from menus.models import Person

    text = args.by.strip()
    query = select(Person).where(
        Person.kind == actor.value if actor is Actor.FAMILY else Person.kind == "staff"
    )
    person = session.scalar(
        query.where(Person.id == int(text))
        if text.isdigit() and len(text) <= MAX_ID_DIGITS
        else query.where(Person.name == text)
    )
    if person is None:
        raise DomainError("bad_argument", detail=f"no {actor.value} member '{text}'")
    return actor, person.id


def cmd_order_place(args: argparse.Namespace, ctx: Context) -> int:
    """Place an order and print it as JSON."""
    day = _date(args.date, ctx)
    meal = _vocab(MealSlot, args.meal)
    fulfillment = _vocab(Fulfillment, args.fulfillment)
    lines = [OrderLine(dish, qty) for dish, qty in args.lines or []]
    with store.read_only(ctx.factory) as session:
        elder = find_elder(session, args.elder)
        actor, actor_id = _actor(session, args)
    request = OrderRequest(
        elder_id=elder.id,
        day=day,
        meal=meal,
        fulfillment=fulfillment,
        lines=lines,
        idempotency_key=_text_arg(args.key, "--key", MAX_KEY_CHARS) or f"cli-{uuid.uuid4()}",
        placed_by_id=actor_id,
        placed_by_role=actor,
        canteen_code=args.canteen,
        delivery_address=_text_arg(args.address, "--address", MAX_ADDRESS),
    )
    order, _created = place_order_once(ctx.factory, request, ctx.now)
    _print_json(ctx, order_view(order))
    return 0


MAX_ID_DIGITS = 18  # ids are 64-bit integers; longer digit strings name nothing


def _order_id(text: str) -> int:
    digits = text.strip()
    if not digits.isdigit() or len(digits) > MAX_ID_DIGITS:
        raise DomainError("unknown_order", order_id=text)
    return int(digits)


def cmd_order_cancel(args: argparse.Namespace, ctx: Context) -> int:
    """Cancel an order (before the cut-off, or by the canteen with a reason)."""
    with store.unit_of_work(ctx.factory) as session:
        actor, actor_id = _actor(session, args, required=args.actor == "family")
        order = cancel_order(
            session,
            _order_id(args.id),
            ctx.now,
            actor=actor,
            actor_id=actor_id,
            reason=_text_arg(args.reason, "--reason", MAX_REASON_CHARS),
        )
        refund = say("refund", card=spoken_yuan(order.card_fen)) if order.card_fen else ""
    print(say("order_cancelled", id=order.id, refund=refund), file=ctx.out)
    return 0


def cmd_order_status(args: argparse.Namespace, ctx: Context) -> int:
    """Move an order on, as canteen staff."""
    target = _vocab(OrderStatus, args.status)
    with store.unit_of_work(ctx.factory) as session:
        _, staff_id = _actor(session, args, required=False)
        order = set_status(
            session,
            _order_id(args.id),
            target,
            ctx.now,
            actor=Actor.STAFF,
            actor_id=staff_id,
            reason=_text_arg(args.reason, "--reason", MAX_REASON_CHARS),
        )
    print(say("status_changed", id=order.id, status=label_zh(target)), file=ctx.out)
    return 0


def cmd_orders_list(args: argparse.Namespace, ctx: Context) -> int:
    """List orders (optionally of one date and meal)."""
    day = _date(args.date, ctx) if args.date else None
    meal = _vocab(MealSlot, args.meal)
    with store.read_only(ctx.factory) as session:
        rows = [order_view(OrderSummary.of(o)) for o in list_orders(session, day, meal)]
    if args.json:
        _print_json(ctx, rows)
        return 0
    for row in rows:
        items = "、".join(f"{i['dish']}×{i['qty']}" for i in row["items"])
        print(
            f"#{row['id']} {row['date']} {row['meal']} {row['elder']} {row['fulfillment']} "
            f"{row['status']} {items} 原价{row['price_fen'] / 100:.2f} "
            f"补贴{row['subsidy_fen'] / 100:.2f} 卡{row['card_fen'] / 100:.2f} "
            f"还需付{row['payable_fen'] / 100:.2f}",
            file=ctx.out,
        )
    return 0


def cmd_kitchen(args: argparse.Namespace, ctx: Context) -> int:
    """The kitchen sheet for a meal (default: today's lunch)."""
    day = _date(args.date, ctx)
    meal = _vocab(MealSlot, args.meal) or MealSlot.LUNCH
    with store.read_only(ctx.factory) as session:
        canteen = get_canteen(session, args.canteen)
        sheet = kitchen_sheet(session, canteen, day, meal)
    if args.json:
        _print_json(ctx, kitchen_json(sheet))
    else:
        print(kitchen_text(sheet), file=ctx.out)
    return 0


def cmd_report(args: argparse.Namespace, ctx: Context) -> int:
    """Monthly service counts, subsidies and card amounts."""
    try:
        month = datetime.strptime(args.month.strip(), "%Y-%m").date()
    except ValueError:
        raise DomainError("bad_month", text=args.month) from None
    if not in_service_years(month):
        raise DomainError("bad_month", text=args.month)
    with store.read_only(ctx.factory) as session:
        rows = monthly_report(session, month)
    if args.format == "json":
        _print_json(ctx, rows)
    else:
        ctx.out.write(report_csv(rows))
    return 0


def cmd_demo(args: argparse.Namespace, ctx: Context) -> int:
    """Set up the demo canteen and open the chat as the demo elder (the README's main job)."""
    store.upgrade(ctx.url)
    with store.unit_of_work(ctx.factory) as session:
        load_demo(session, ctx.now)
    with store.read_only(ctx.factory) as session:
        canteen = demo_canteen(session)
        assert canteen is not None
        print(say("demo_loaded", canteen=canteen.name, db=_safe_url(ctx.url)), file=ctx.out)
        elder_id = find_elder(session, DEMO_ELDER).id
    print(say("demo_chat", elder=DEMO_ELDER), file=ctx.out)
    return _chat(ctx, elder_id, args, greet=True)


def cmd_chat(args: argparse.Namespace, ctx: Context) -> int:
    """A chat in the terminal: each line read is one turn; each reply printed (choices as
    numbers). Scriptable: ``printf '我要订餐\n...' | zhucan chat --elder 王秀兰``."""
    with store.read_only(ctx.factory) as session:
        if args.elder:
            person_id = find_elder(session, args.elder).id
        else:
            person_id = find_person(session, args.person).id
    return _chat(ctx, person_id, args)


def _chat(ctx: Context, person_id: int, args: argparse.Namespace, *, greet: bool = False) -> int:
    from bot.dialogue import Dialogue

    dialogue = Dialogue(ctx.factory)
    interactive = sys.stdin.isatty()

    def now() -> datetime:
        return (
            parse_now(os.environ.get("ZHUCAN_NOW")) if not getattr(args, "now", None) else ctx.now
        )

    def show(text: str) -> None:
        reply = dialogue.handle(person_id, text, now())
        print(reply.text, file=ctx.out, flush=True)
        if reply.choices:
            numbered = "  ".join(f"{i}. {c}" for i, c in enumerate(reply.choices, 1))
            print(f"  [{numbered}]", file=ctx.out, flush=True)

    if greet:
        show("你好")
    while True:
        if interactive:
            print("> ", end="", file=ctx.out, flush=True)
        line = sys.stdin.readline()
        if not line:
            return 0
        if line.strip():
            show(line.rstrip("\n"))


def cmd_telegram(args: argparse.Namespace, ctx: Context) -> int:
    """The Telegram bot until interrupted. Token from ``ZHUCAN_TELEGRAM_TOKEN``; with
    ``--webhook-url`` a webhook whose requests must carry ``ZHUCAN_TELEGRAM_SECRET``, else long
    polling. ``ZHUCAN_TELEGRAM_API_URL`` points at a self-hosted Bot API server. The scheduler
    (timed jobs, outbox delivered over Telegram) runs in the same process unless
    ``--no-scheduler``; with ``--now`` the clock starts there and runs on."""
    import logging
    from urllib.parse import urlparse

    from bot.scheduler_cli import running_clock, scheduler_settings
    from bot.telegram.app import build_application

    token = os.environ.get("ZHUCAN_TELEGRAM_TOKEN", "").strip()
    if not token:
        raise DomainError("bad_argument", detail="set ZHUCAN_TELEGRAM_TOKEN to the bot's token")
    secret = os.environ.get("ZHUCAN_TELEGRAM_SECRET", "").strip()
    if args.webhook_url and not secret:
        raise DomainError("bad_argument", detail="a webhook needs ZHUCAN_TELEGRAM_SECRET")
    api = os.environ.get("ZHUCAN_TELEGRAM_API_URL", "").rstrip("/")
    settings = None if args.no_scheduler else scheduler_settings()
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(name)s %(message)s")
    app = build_application(
        token,
        ctx.factory,
        base_url=f"{api}/bot" if api else None,
        base_file_url=f"{api}/file/bot" if api else None,
        now=running_clock(args, ctx),
        scheduler_settings=settings,
        voice_pipeline=None if args.no_voice else _voice_pipeline(ctx),
    )
    if args.webhook_url:
        app.run_webhook(
            listen=args.listen,
            port=args.port,
            url_path=urlparse(args.webhook_url).path.lstrip("/"),
            webhook_url=args.webhook_url,
            secret_token=secret,
        )
    else:
        app.run_polling()
    return 0


def _voice_pipeline(ctx: Context) -> Any:
    """Voice notes through the voice engines configured by ``ZHUCAN_VOICE_*`` (models load
    on the first voice note, not at start-up)."""
    from bot.dialogue import Dialogue
    from bot.voice_turn import VoiceTurns
    from voice.config import VoiceConfig
    from voice.engines import Voice

    return VoiceTurns(Dialogue(ctx.factory), Voice(VoiceConfig.from_env())).pipeline


def _next_open_slot(
    session: Session, canteen: Canteen, now: datetime
) -> tuple[date, MealSlot, list[str]] | None:
    """The first meal still open for orders, and a soft main with a staple from its menu."""
    today = local_today(now)
    for offset in range(0, 4):
        day = today + timedelta(days=offset)
        for meal in (MealSlot.LUNCH, MealSlot.DINNER):
            times = slot_times(canteen, meal)
            if times is None or now >= cutoff_at(day, times):
                continue
            for menu in load_menus(session, [canteen.id], day, meal):
                dishes = [i.dish for i in menu.items if i.portions_left != 0]
                soft = [d.name for d in dishes if "soft" in d.tags and "staple" not in d.tags]
                staple = [d.name for d in dishes if "staple" in d.tags]
                choice = (soft[:1] or [d.name for d in dishes[:1]]) + staple[:1]
                if choice:
                    return day, meal, list(dict.fromkeys(choice))
    return None


def _safe_url(url: str) -> str:
    """The database URL without a password, for printing."""
    from sqlalchemy.engine import make_url

    return make_url(url).render_as_string(hide_password=True)


def _nlu_backend(args: argparse.Namespace, ctx: Context, menu_path: str | None) -> Any:
    """The chosen parser with the menu it should know (a file, the store, or the demo's)."""
    from menus.demo import CANTEEN_FILE
    from nlu.menu import DishNames, MenuNames
    from nlu.parser import Parser
    from nlu.rasa_backend import RasaBackend

    if menu_path is None and getattr(args, "db", None):
        from sqlalchemy import select

        from menus.models import Dish

        with store.read_only(ctx.factory) as session:
            rows = session.scalars(select(Dish).order_by(Dish.id))
            menu = MenuNames(
                tuple(DishNames(d.name, tuple(d.aliases), d.name_mn, d.name_mn_cyrl) for d in rows)
            )
    else:
        menu_file = read_menu_file(menu_path or CANTEEN_FILE)
        menu = MenuNames(
            tuple(
                DishNames(d.name, tuple(d.aliases), d.name_mn, d.name_mn_cyrl)
                for d in menu_file.dishes
            )
        )
    if args.backend == "rasa":
        return RasaBackend(args.rasa_url, menu)
    return Parser(menu)


def cmd_nlu_parse(args: argparse.Namespace, ctx: Context) -> int:
    """Print the parse of TEXT, or of each line of stdin, as one JSON line each."""
    today = _date(args.today, ctx)
    backend = _nlu_backend(args, ctx, args.menu)
    lines = [args.text] if args.text is not None else (line.rstrip("\n") for line in sys.stdin)
    from nlu.rasa_backend import RasaUnavailable

    for line in lines:
        try:
            result = backend.parse(line, today=today, lang=args.lang)
        except RasaUnavailable as exc:
            raise DomainError("rasa_unavailable", url=args.rasa_url, detail=str(exc)) from None
        print(json.dumps(result, ensure_ascii=False), file=ctx.out, flush=True)
    return 0


def cmd_nlu_eval(args: argparse.Namespace, ctx: Context) -> int:
    """Intent accuracy, entity precision and recall, full-parse accuracy and confusions."""
    from nlu.data import file_today, read_examples
    from nlu.evaluate import evaluate

    if args.file is None:
        return _nlu_eval_suites(args, ctx)
    path = Path(args.file)
    check_bounded(path, MAX_LABELLED_FILE_BYTES)  # read_examples reads the whole file
    try:
        examples = read_examples(path)
    except (OSError, ValueError) as exc:
        raise DomainError("bad_argument", detail=f"{path.name}: {exc}") from None
    if not examples:
        raise DomainError("bad_argument", detail=f"{path.name} has no examples")
    today = _date(args.today, ctx) if args.today else (file_today(path) or local_today(ctx.now))
    beside = path.with_name("menu.yaml")
    menu_path = args.menu or (str(beside) if beside.exists() else None)
    backend = _nlu_backend(args, ctx, menu_path)
    from nlu.rasa_backend import RasaUnavailable

    try:
        report = evaluate(lambda text: backend.parse(text, today=today), examples)
    except RasaUnavailable as exc:
        raise DomainError("rasa_unavailable", url=args.rasa_url, detail=str(exc)) from None
    if args.json:
        data = report.as_dict()
        if args.errors:
            data["errors"] = report.errors
        _print_json(ctx, data)
        return 0
    print(report.text(), file=ctx.out)
    if args.errors:
        for error in report.errors:
            print(json.dumps(error, ensure_ascii=False), file=ctx.out)
    return 0


def _nlu_eval_suites(args: argparse.Namespace, ctx: Context) -> int:
    """The labelled sets side by side (each file with its own menu), and the gap between
    the dev set (tuned on) and the blind set (never looked at)."""
    from nlu import suites
    from nlu.menu import MenuNames
    from nlu.parser import Parser
    from nlu.rasa_backend import RasaBackend, RasaUnavailable

    def make(menu: MenuNames) -> Any:
        return RasaBackend(args.rasa_url, menu) if args.backend == "rasa" else Parser(menu)

    chosen = args.suite or ["dev", "blind"]
    figures: dict[str, dict[str, Any]] = {}
    errors: dict[str, list[dict[str, Any]]] = {}
    try:
        for suite in chosen:
            for lang in ("zh", "mn"):
                report = suites.score(suite, make, lang)
                figures[f"{suite} {lang}"] = report.as_dict()
                errors[f"{suite} {lang}"] = report.errors
    except RasaUnavailable as exc:
        raise DomainError("rasa_unavailable", url=args.rasa_url, detail=str(exc)) from None
    if args.json:
        data: dict[str, Any] = {"sets": figures}
        if args.errors:
            data["errors"] = errors
        _print_json(ctx, data)
        return 0
    print(suites.side_by_side(figures), file=ctx.out)
    if args.errors:
        for name, wrong in errors.items():
            for error in wrong:
                print(name, json.dumps(error, ensure_ascii=False), file=ctx.out)
    return 0


# ------------------------------------------------------------------------------ main


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
    now_text = getattr(args, "now", None) or os.environ.get("ZHUCAN_NOW")
    try:
        now = parse_now(now_text)
    except ValueError:  # from --now or from ZHUCAN_NOW: the message quotes what was given
        print(DomainError("bad_now", text=now_text).message(lang), file=err)
        return EXIT_REFUSED
    url = store.normalise_url(getattr(args, "db", None) or store.default_url())
    engine = store.make_engine(url)
    ctx = Context(url=url, now=now, factory=store.session_factory(engine), lang=lang, out=out)
    try:
        needs_db = getattr(args, "needs_db", True) or bool(getattr(args, "db", None))
        if needs_db and args.run not in (cmd_db_upgrade, cmd_demo) and not _schema_ready(url):
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
    finally:
        engine.dispose()


def _schema_ready(url: str) -> bool:
    try:
        return store.current_revision(url) is not None
    except OperationalError:
        return False


def main() -> None:
    """Console-script entry point."""
    sys.exit(run())
