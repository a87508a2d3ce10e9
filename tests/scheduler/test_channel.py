"""The log channel: one JSON line per message, to a list or to a private file."""

from __future__ import annotations

import asyncio
import os
import stat
from pathlib import Path

from scheduler.channel import Channel, LogChannel, read_log


def test_to_a_list() -> None:
    channel = LogChannel()
    assert isinstance(channel, Channel)
    asyncio.run(channel.send(7, "明天中午的饭还没订，要订吗？", ["要订", "不用了"]))
    assert channel.lines[0]["person_id"] == 7
    assert channel.lines[0]["choices"] == ["要订", "不用了"]


def test_to_a_file_readable_by_its_owner_only(tmp_path: Path) -> None:
    path = tmp_path / "out" / "messages.jsonl"
    channel = LogChannel(path)
    asyncio.run(channel.send(1, "一", []))
    asyncio.run(channel.send(2, "二", ["1"]))
    channel.close()
    assert [m["text"] for m in read_log(path)] == ["一", "二"]
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert read_log(tmp_path / "none.jsonl") == []


def test_a_folder_made_for_the_log_is_its_owners_only(tmp_path: Path) -> None:
    """Under the usual umask (022) a folder the log needs is made 0700, not 0755."""
    old = os.umask(0o022)
    try:
        channel = LogChannel(tmp_path / "logs" / "messages.jsonl")
        asyncio.run(channel.send(1, "一", []))
        channel.close()
    finally:
        os.umask(old)
    assert stat.S_IMODE((tmp_path / "logs").stat().st_mode) == 0o700
