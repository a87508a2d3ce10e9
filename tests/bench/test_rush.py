"""``bench/rush.py`` at CI size: a real ``zhucan serve`` process (uvicorn, one worker) on the
backend under test, a fake Bot API server on 127.0.0.1, three elders ordering by webhook.

Not a timing test: it checks the whole served path works (every update answered 200, one
order each); the figures are the benchmark's to print."""

from __future__ import annotations

import socket

import pytest

from bench import rush
from tests.conftest import PG_URL


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def test_three_elders_order_through_a_served_webhook(capsys: pytest.CaptureFixture[str]) -> None:
    backend = ["--pg", PG_URL] if PG_URL else ["--sqlite"]
    args = ["--people", "3", "--concurrency", "2", "--workers", "1", "--port", str(_free_port())]
    assert rush.main([*args, *backend]) == 0
    out = capsys.readouterr().out
    assert "orders 3 of 3; non-200 answers 0" in out
