"""``zhucan telegram``: refuses to start without its secrets, and runs the real bot when given
them (here against the loopback Bot API server, in a subprocess, stopped with Ctrl-C), with the
scheduler in the same process: its timed jobs run and its sender delivers the outbox."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from datetime import datetime
from pathlib import Path

import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from menus.clock import TZ
from menus.db import unit_of_work
from menus.models import Identity, OutboxMessage, Person, StaffMember
from menus.outbox import enqueue
from tests.bot.fake_telegram import TOKEN, FakeTelegram, LoopbackServer, text_update
from tests.bot.test_cli import Zhucan
from tests.messages import TELEGRAM_ZH as ZH

ASK_LANG = ZH["ask_lang"]
DUE = datetime(2026, 12, 1, 8, 0, tzinfo=TZ)


@pytest.fixture
def zhucan(db_url: str) -> Zhucan:
    return Zhucan(db_url)


def test_it_needs_a_token(zhucan: Zhucan, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("ZHUCAN_TELEGRAM_TOKEN", raising=False)
    code, _, err = zhucan("telegram")
    assert code == 2 and "ZHUCAN_TELEGRAM_TOKEN" in err


def test_a_webhook_needs_a_secret(zhucan: Zhucan, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("ZHUCAN_TELEGRAM_TOKEN", TOKEN)
    monkeypatch.delenv("ZHUCAN_TELEGRAM_SECRET", raising=False)
    code, _, err = zhucan("telegram", "--webhook-url", "https://bot.example.org/tg")
    assert code == 2 and "ZHUCAN_TELEGRAM_SECRET" in err


def test_long_polling_answers_and_stops_on_ctrl_c(shop: sessionmaker[Session], db_url: str) -> None:
    with unit_of_work(shop) as session:  # a reminder due now, for an elder on Telegram
        elder = session.scalars(select(Person.id).where(Person.name == "王秀兰")).one()
        session.add(Identity(channel="telegram", account_id="8002", person_id=elder))
        enqueue(session, person_id=elder, kind="t", key="k", text="该订午饭了。", due_at=DUE)
        manager = session.scalars(
            select(StaffMember.person_id).where(StaffMember.role == "manager")
        ).one()
        session.add(Identity(channel="telegram", account_id="8003", person_id=manager))
    fake = FakeTelegram()
    with LoopbackServer(fake) as server:
        env = {
            **os.environ,
            "ZHUCAN_TELEGRAM_TOKEN": TOKEN,
            "ZHUCAN_TELEGRAM_API_URL": f"http://127.0.0.1:{server.port}",
            "ZHUCAN_SWEEP_INTERVAL_S": "0.2",
        }
        script = Path(sys.executable).with_name("zhucan")
        command = [str(script), "telegram", "--db", db_url, "--now", "2026-12-01T08:00"]
        bot = subprocess.Popen(
            command, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True
        )
        try:
            fake.push(text_update(1, 8001, "/start"))
            # the answer, the reminder, and from the jobs run in the bot's process: breakfast's
            # kitchen sheet and last month's figures for the manager
            fake.wait_for(4, timeout=60)
            to = {
                chat: [m["text"] for m in fake.sent() if m["chat_id"] == chat]
                for chat in (8001, 8002)
            }
            assert to == {8001: [ASK_LANG], 8002: ["该订午饭了。"]}
            manager_got = [m["text"] for m in fake.sent() if m["chat_id"] == 8003]
            assert any(t.startswith("今天早上的订单截止了") for t in manager_got)
        finally:
            bot.send_signal(signal.SIGINT)
            _, err = bot.communicate(timeout=60)
    assert bot.returncode == 0, err
    assert TOKEN not in err and "Application started" in err
    sent = [(m["chat_id"], m["text"]) for m in fake.sent()]
    assert len(sent) == len(set(sent))  # each once
    with shop() as session:
        statuses = {r.key: r.status for r in session.scalars(select(OutboxMessage))}
    assert statuses["k"] == "sent" and set(statuses.values()) == {"sent"}


def test_without_the_scheduler_the_outbox_is_left_alone(
    shop: sessionmaker[Session], db_url: str
) -> None:
    with unit_of_work(shop) as session:
        elder = session.scalars(select(Person.id).where(Person.name == "王秀兰")).one()
        session.add(Identity(channel="telegram", account_id="8002", person_id=elder))
        enqueue(session, person_id=elder, kind="t", key="k", text="该订午饭了。", due_at=DUE)
    fake = FakeTelegram()
    with LoopbackServer(fake) as server:
        env = {
            **os.environ,
            "ZHUCAN_TELEGRAM_TOKEN": TOKEN,
            "ZHUCAN_TELEGRAM_API_URL": f"http://127.0.0.1:{server.port}",
            "ZHUCAN_SWEEP_INTERVAL_S": "0.2",
        }
        script = Path(sys.executable).with_name("zhucan")
        command = [str(script), "telegram", "--db", db_url, "--now", "2026-12-01T08:00"]
        bot = subprocess.Popen(
            [*command, "--no-scheduler"],
            env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
        )  # fmt: skip
        try:
            fake.push(text_update(1, 8001, "/start"))
            fake.wait_for(1, timeout=60)
            time.sleep(1.0)  # five sweep intervals, had there been a sweep
        finally:
            bot.send_signal(signal.SIGINT)
            _, err = bot.communicate(timeout=60)
    assert bot.returncode == 0, err
    assert fake.texts() == [ASK_LANG]
    with shop() as session:
        assert {r.key: r.status for r in session.scalars(select(OutboxMessage))} == {"k": "pending"}


def test_a_separate_scheduler_delivers_over_telegram_with_the_token(
    shop: sessionmaker[Session], db_url: str
) -> None:
    """``zhucan scheduler run`` with ``ZHUCAN_TELEGRAM_TOKEN``: the sender for a bot that runs
    ``--no-scheduler``; stopped with SIGTERM."""
    with unit_of_work(shop) as session:
        elder = session.scalars(select(Person.id).where(Person.name == "王秀兰")).one()
        session.add(Identity(channel="telegram", account_id="8002", person_id=elder))
        enqueue(
            session,
            person_id=elder,
            kind="t",
            key="k",
            text="该订午饭了。",
            choices=("要订", "不用了"),
            due_at=DUE,
        )
    fake = FakeTelegram()
    with LoopbackServer(fake) as server:
        env = {
            **os.environ,
            "ZHUCAN_TELEGRAM_TOKEN": TOKEN,
            "ZHUCAN_TELEGRAM_API_URL": f"http://127.0.0.1:{server.port}",
            "ZHUCAN_SWEEP_INTERVAL_S": "0.2",
        }
        script = Path(sys.executable).with_name("zhucan")
        command = [str(script), "scheduler", "run", "--db", db_url, "--now", "2026-12-01T08:00"]
        process = subprocess.Popen(
            command, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True
        )
        try:
            fake.wait_for(1, timeout=60)
            time.sleep(0.6)  # a few more sweeps: nothing twice
        finally:
            process.send_signal(signal.SIGTERM)
            _, err = process.communicate(timeout=60)
    assert process.returncode == 0, err
    assert TOKEN not in err
    mine = [m for m in fake.sent() if m["chat_id"] == 8002]
    assert [m["text"] for m in mine] == ["该订午饭了。"]
    assert "inline_keyboard" in mine[0]["reply_markup"]
    with shop() as session:
        assert (
            session.scalars(select(OutboxMessage.status).where(OutboxMessage.key == "k")).one()
            == "sent"
        )
