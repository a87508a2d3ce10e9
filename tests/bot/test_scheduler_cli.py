"""``zhucan scheduler tick`` and ``zhucan outbox list``: JSON lines of what was queued and
sent, messages in the log channel's file, and dead letters visible to staff."""

from __future__ import annotations

import contextlib
import json
import os
import stat
from io import StringIO
from pathlib import Path

import pytest
from sqlalchemy.orm import Session, sessionmaker

from bot.cli import run
from menus.outbox import claim_due, mark_failed
from scheduler.channel import read_log
from tests.scheduler.helpers import at, remind


def _zhucan(db: str, *args: str, now: str) -> tuple[int, str, str]:
    out, err = StringIO(), StringIO()
    with contextlib.redirect_stderr(err):
        code = run([*args, "--db", db, "--now", now], out=out, err=err)
    return code, out.getvalue(), err.getvalue()


def test_tick_prints_what_it_queued_and_sent(
    shop: sessionmaker[Session], db_url: str, tmp_path: Path
) -> None:
    wang = remind(shop, "王秀兰", "16:00")
    log = tmp_path / "messages.jsonl"
    code, out, err = _zhucan(db_url, "scheduler", "tick", "--log", str(log), now="2026-11-30T16:00")
    assert (code, err) == (0, "")
    lines = [json.loads(line) for line in out.splitlines()]
    assert [(line["event"], line["kind"], line["person_id"]) for line in lines] == [
        ("queued", "reminder", wang),
        ("sent", "reminder", wang),
    ]
    assert lines[0]["key"] == f"reminder:{wang}:2026-12-01:lunch"
    (message,) = read_log(log)
    assert message["text"] == "明天中午的饭还没订，要订吗？"
    assert message["at"].startswith("2026-11-30T16:00")
    code, out, _ = _zhucan(db_url, "scheduler", "tick", "--log", str(log), now="2026-11-30T16:01")
    assert (code, out) == (0, "")


def test_tick_only_one_job_without_sending(
    shop: sessionmaker[Session], db_url: str, tmp_path: Path
) -> None:
    remind(shop, "王秀兰", "09:00")
    code, out, _ = _zhucan(
        db_url, "scheduler", "tick", "--only", "cutoff", "--no-send",
        "--log", str(tmp_path / "m.jsonl"), now="2026-12-01T09:30",
    )  # fmt: skip
    assert code == 0
    assert {json.loads(line)["kind"] for line in out.splitlines()} == {"cutoff"}
    assert not (tmp_path / "m.jsonl").exists()


def test_outbox_list_shows_dead_letters(shop: sessionmaker[Session], db_url: str) -> None:
    wang = remind(shop, "王秀兰", "16:00")
    assert _zhucan(db_url, "scheduler", "tick", "--no-send", now="2026-11-30T16:00")[0] == 0
    now = at("2026-11-30 16:00")
    for hour in range(5):
        (claimed,) = claim_due(shop, now.replace(hour=16 + hour), limit=1)
        mark_failed(shop, claimed.id, now.replace(hour=16 + hour), "network_down")
    code, out, _ = _zhucan(db_url, "outbox", "list", "--json", now="2026-11-30T22:00")
    data = json.loads(out)
    assert code == 0 and data["counts"] == {"dead": 1}
    (message,) = data["messages"]
    assert (message["status"], message["person_id"], message["attempts"]) == ("dead", wang, 5)
    assert message["last_error"] == "network_down" and "text" not in message
    code, out, _ = _zhucan(db_url, "outbox", "list", "--status", "dead", now="2026-11-30T22:00")
    assert code == 0 and "dead 1" in out and "network_down" in out


def test_bad_settings_are_refused(
    db_url: str, shop: sessionmaker[Session], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("ZHUCAN_GLOBAL_RATE", "fast")
    code, _, err = _zhucan(db_url, "scheduler", "tick", "--no-send", now="2026-11-30T16:00")
    assert code == 2 and "ZHUCAN_GLOBAL_RATE" in err


def test_scheduler_run_sends_when_due_and_stops_on_sigterm(
    shop: sessionmaker[Session], db_url: str, tmp_path: Path
) -> None:
    """The installed command, as a process: its clock starts at --now and runs on."""
    import os
    import signal
    import subprocess
    import sys
    import time

    remind(shop, "王秀兰", "16:00")
    log = tmp_path / "messages.jsonl"
    zhucan = Path(sys.executable).with_name("zhucan")
    env = dict(os.environ, ZHUCAN_JOBS_INTERVAL_S="0.5", ZHUCAN_SWEEP_INTERVAL_S="0.2")
    process = subprocess.Popen(
        [str(zhucan), "scheduler", "run", "--db", db_url, "--now", "2026-11-30T15:59:59",
         "--log", str(log)],
        env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
    )  # fmt: skip
    try:
        deadline = time.monotonic() + 60
        while not read_log(log) and time.monotonic() < deadline:
            assert process.poll() is None, process.stderr.read() if process.stderr else ""
            time.sleep(0.1)
    finally:
        process.send_signal(signal.SIGTERM)
        code = process.wait(timeout=30)
    assert code == 0
    (message,) = read_log(log)
    assert message["text"] == "明天中午的饭还没订，要订吗？"
    assert message["at"].startswith("2026-11-30T16:00")


def test_the_log_file_is_readable_by_its_owner_only(
    shop: sessionmaker[Session], db_url: str, tmp_path: Path
) -> None:
    """``--log FILE`` holds what staff are sent (addresses on delivery lists): even under the
    usual umask (022) the file is created 0600."""
    remind(shop, "王秀兰", "16:00")
    log = tmp_path / "messages.jsonl"
    old = os.umask(0o022)
    try:
        code, _, err = _zhucan(
            db_url, "scheduler", "tick", "--log", str(log), now="2026-11-30T16:00"
        )
    finally:
        os.umask(old)
    assert (code, err) == (0, "")
    assert read_log(log)
    assert stat.S_IMODE(log.stat().st_mode) == 0o600
