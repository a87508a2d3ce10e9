"""``zhucan web add-user`` (the password from standard input) and ``zhucan web`` (serving)."""

from __future__ import annotations

import contextlib
import sys
from io import StringIO
from typing import Any

import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from bot.cli import run
from menus.accounts import sign_in
from menus.db import unit_of_work
from menus.models import StaffAccount
from tests.conftest import BEFORE_LUNCH

NOW = "2026-12-01T08:00"


def zhucan(
    monkeypatch: pytest.MonkeyPatch, db_url: str, *args: str, stdin: str = ""
) -> tuple[int, str, str]:
    monkeypatch.setattr(sys, "stdin", StringIO(stdin))
    out, err = StringIO(), StringIO()
    with contextlib.redirect_stderr(err):
        code = run([*args, "--db", db_url, "--now", NOW], out=out, err=err)
    return code, out.getvalue(), err.getvalue()


def test_add_a_manager_who_then_signs_in(
    shop: sessionmaker[Session], db_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    code, out, err = zhucan(
        monkeypatch,
        db_url,
        *("web", "add-user", "--canteen", "test", "--role", "manager", "--name", "张建国"),
        stdin="一个很长很长的密码\n",
    )
    assert (code, err) == (0, "")
    assert "已创建账号“张建国”" in out and "负责人" in out
    with unit_of_work(shop) as session:
        result = sign_in(session, "张建国", "一个很长很长的密码", "127.0.0.1", BEFORE_LUNCH)
    assert result.access is not None and result.access.roles


def test_add_a_supervisor_with_a_login(
    shop: sessionmaker[Session], db_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    args = ("web", "add-user", "--role", "supervisor", "--region", "1501", "--name", "孙科长")
    code, out, _ = zhucan(monkeypatch, db_url, *args, "--login", "sun", stdin="passw0rd-long\n")
    assert code == 0 and "地区 1501" in out
    with shop() as session:
        account = session.scalar(select(StaffAccount).where(StaffAccount.login == "sun"))
        assert account is not None and account.supervisor_region == "1501"


@pytest.mark.parametrize(
    ("args", "stdin", "said"),
    [
        (("--canteen", "test", "--role", "cook", "--name", "李"), "short\n", "密码要有 8"),
        (("--canteen", "test", "--role", "cook", "--name", "李"), "", "密码要有 8"),
        (("--role", "cook", "--name", "李"), "long enough\n", "--canteen"),
        (("--role", "supervisor", "--name", "李"), "long enough\n", "不是地区代码"),
        (("--canteen", "nope", "--role", "cook", "--name", "李"), "long enough\n", "nope"),
    ],
)
def test_refused_accounts(
    shop: sessionmaker[Session],
    db_url: str,
    monkeypatch: pytest.MonkeyPatch,
    args: tuple[str, ...],
    stdin: str,
    said: str,
) -> None:
    code, _, err = zhucan(monkeypatch, db_url, "web", "add-user", *args, stdin=stdin)
    assert code == 2 and said in err
    with shop() as session:
        assert session.scalar(select(StaffAccount.id)) is None


def test_a_role_outside_the_list_is_refused_by_the_parser(
    shop: sessionmaker[Session], db_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    args = ("web", "add-user", "--canteen", "test", "--role", "chef", "--name", "李")
    code, _, err = zhucan(monkeypatch, db_url, *args, stdin="long enough\n")
    assert code == 2 and "invalid choice" in err


def test_web_serves_the_console(
    shop: sessionmaker[Session], db_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """``zhucan web`` hands uvicorn the console on the chosen address (not started here)."""
    served: dict[str, Any] = {}

    def fake_run(app: Any, **options: Any) -> None:
        served.update(options, app=app)

    import uvicorn

    monkeypatch.setattr(uvicorn, "run", fake_run)
    monkeypatch.setenv("ZHUCAN_WEB_SECRET", "a-long-enough-secret-key")
    code, out, _ = zhucan(monkeypatch, db_url, "web", "--port", "8099")
    assert code == 0
    assert (served["host"], served["port"]) == ("127.0.0.1", 8099)
    assert "http://127.0.0.1:8099/login" in out
    from starlette.testclient import TestClient

    with TestClient(served["app"]) as client:
        assert client.get("/login").status_code == 200
