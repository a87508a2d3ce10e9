"""``zhucan web`` (serve the console) and ``zhucan web add-user`` (create a sign-in).

Kept apart from ``bot/cli/``, which only registers them, as the scheduler's commands are.
The password of a new account is read from standard input (asked twice, unseen, at a terminal),
never from the command line, where it would stay in the shell's history and the process list.
"""

from __future__ import annotations

import argparse
import getpass
import logging
import os
import secrets
import sys
from collections.abc import Callable
from typing import Any, Protocol

from sqlalchemy.orm import Session, sessionmaker

from bot.web.texts import ROLES
from menus.accounts import ACCOUNT_ROLES, SUPERVISOR, NewAccount, check_password, create_account
from menus.db import unit_of_work
from menus.errors import DomainError
from menus.pricing import PriceError, fen_to_yuan, yuan_to_fen
from menus.region_month import set_budget

log = logging.getLogger(__name__)


class _Context(Protocol):
    """What the handlers need from ``bot.cli.common.Context``."""

    now: Any
    factory: sessionmaker[Session]
    out: Any


def add_commands(sub: Any, add: Callable[..., Any]) -> None:
    """Register ``web`` (serve) and ``web add-user``."""
    web = add("web", cmd_web, "serve the web console for canteen staff and supervisors")
    web.add_argument("--host", default="127.0.0.1", help="address to listen on")
    web.add_argument("--port", type=int, default=8080, help="port to listen on")
    inner = web.add_subparsers(dest="sub", required=False, metavar="SUBCOMMAND")
    p = add("add-user", cmd_web_add_user, "create a console account (password from stdin)", inner)
    p.add_argument("--name", required=True, help="the person's name")
    p.add_argument("--role", required=True, choices=ACCOUNT_ROLES)
    p.add_argument("--canteen", help="the canteen's code (staff roles)")
    p.add_argument("--region", help="region code prefix a supervisor oversees, e.g. 150102")
    p.add_argument("--login", help="sign-in name (default: the name)")
    p = add("set-budget", cmd_web_set_budget, "set a canteen's monthly subsidy budget", inner)
    p.add_argument("--canteen", required=True, help="the canteen's code")
    amount = p.add_mutually_exclusive_group(required=True)
    amount.add_argument("--yuan", help="the subsidy it may spend in a month, in yuan")
    amount.add_argument("--clear", action="store_true", help="no budget")


def cmd_web(args: argparse.Namespace, ctx: _Context) -> int:
    """Serve the console until interrupted. Cookies are signed with ``ZHUCAN_WEB_SECRET``
    (every process of one console needs the same; without it a random key is made and
    sessions end when the process does); ``ZHUCAN_WEB_SECURE=1`` marks them HTTPS-only."""
    import uvicorn

    from bot.scheduler_cli import running_clock
    from bot.web.app import create_app

    secret = os.environ.get("ZHUCAN_WEB_SECRET", "").strip()
    if not secret:
        secret = secrets.token_urlsafe(32)
        print("未设置 ZHUCAN_WEB_SECRET：本次用随机密钥，重启后需要重新登录。", file=sys.stderr)
    elif len(secret) < 16:
        raise DomainError("bad_argument", detail="ZHUCAN_WEB_SECRET 至少要 16 个字符")
    secure = os.environ.get("ZHUCAN_WEB_SECURE", "") in {"1", "true", "yes"}
    app = create_app(
        ctx.factory, secret_key=secret, clock=running_clock(args, ctx), secure_cookies=secure
    )
    print(f"管理后台：http://{args.host}:{args.port}/login", file=ctx.out, flush=True)
    uvicorn.run(app, host=args.host, port=args.port, log_level="info", proxy_headers=False)
    return 0


def cmd_web_add_user(args: argparse.Namespace, ctx: _Context) -> int:
    """Create an account for a canteen's staff member or a region's supervisor."""
    password = _read_password()
    new = NewAccount(
        name=args.name,
        login=args.login or args.name,
        role=args.role,
        canteen_code=args.canteen,
        region=args.region,
    )
    with unit_of_work(ctx.factory) as session:
        account = create_account(session, new, password, ctx.now)
        login = account.login
    where = f"地区 {args.region}" if args.role == SUPERVISOR else f"食堂 {args.canteen}"
    print(
        f"已创建账号“{login}”：{args.name}，{ROLES[args.role]}，{where}。"
        "用 zhucan web 打开管理后台，在 /login 登录。",
        file=ctx.out,
    )
    return 0


def cmd_web_set_budget(args: argparse.Namespace, ctx: _Context) -> int:
    """Set (or clear) the monthly subsidy budget the region dashboard measures spending by."""
    budget = None
    if not args.clear:
        try:
            budget = yuan_to_fen(args.yuan)
        except PriceError:
            raise DomainError("bad_argument", detail=f"“{args.yuan}”不是钱数") from None
    with unit_of_work(ctx.factory) as session:
        canteen = set_budget(session, args.canteen, budget, ctx.now)
        name = canteen.name
    shown = "不设预算" if budget is None else f"每月补贴预算 {fen_to_yuan(budget)} 元"
    print(f"{name}：{shown}。地区总览按这个预算算补贴花了多少。", file=ctx.out)
    return 0


def _read_password() -> str:
    """One line of standard input; at a terminal, asked twice without echo."""
    if sys.stdin.isatty():
        first = getpass.getpass("密码：")
        if getpass.getpass("再输一次：") != first:
            raise DomainError("bad_argument", detail="两次输入的密码不一样")
        return check_password(first)
    line = sys.stdin.readline()
    return check_password(line.rstrip("\r\n"))
