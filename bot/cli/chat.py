"""``zhucan chat`` (the dialogue in the terminal) and ``zhucan telegram`` (the bot)."""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Callable
from datetime import datetime
from typing import Any

from bot.arguments import whole_number
from bot.cli.common import Context, input_lines
from menus import db as store
from menus.clock import parse_now
from menus.errors import DomainError
from menus.people import find_elder, find_person


def add_commands(sub: Any, add: Callable[..., Any]) -> None:
    """Register ``chat`` and ``telegram``."""
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


def cmd_chat(args: argparse.Namespace, ctx: Context) -> int:
    """A chat in the terminal: each line read is one turn; each reply printed (choices as
    numbers). Scriptable: ``printf '我要订餐\n...' | zhucan chat --elder 王秀兰``."""
    with store.read_only(ctx.factory) as session:
        if args.elder:
            person_id = find_elder(session, args.elder).id
        else:
            person_id = find_person(session, args.person).id
    return run_chat(ctx, person_id, args)


def run_chat(ctx: Context, person_id: int, args: argparse.Namespace, *, greet: bool = False) -> int:
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
    if interactive:
        print("> ", end="", file=ctx.out, flush=True)
    for line in input_lines(sys.stdin):  # a line past the limit is refused, not read whole
        if line.strip():
            show(line)
        if interactive:
            print("> ", end="", file=ctx.out, flush=True)
    return 0


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
