"""``zhucan nlu parse|eval``: the parser on one utterance, or scored on labelled sets."""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

from bot.cli.common import Context, date_option, input_lines, print_json
from menus import db as store
from menus.clock import local_today
from menus.errors import DomainError
from menus.files import check_bounded
from menus.menufile import read_menu_file

MAX_LABELLED_FILE_BYTES = 5_000_000
"""A labelled NLU file is read whole; the shipped ones are under 100 kB."""


def add_commands(sub: Any, add: Callable[..., Any]) -> None:
    """Register ``nlu parse`` and ``nlu eval`` (neither needs a database)."""
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
    today = date_option(args.today, ctx)
    backend = _nlu_backend(args, ctx, args.menu)
    lines = [args.text] if args.text is not None else input_lines(sys.stdin)
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
    today = (
        date_option(args.today, ctx) if args.today else (file_today(path) or local_today(ctx.now))
    )
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
        print_json(ctx, data)
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
        print_json(ctx, data)
        return 0
    print(suites.side_by_side(figures), file=ctx.out)
    if args.errors:
        for name, wrong in errors.items():
            for error in wrong:
                print(name, json.dumps(error, ensure_ascii=False), file=ctx.out)
    return 0
