"""``/metrics`` and the structured log line of each update."""

from __future__ import annotations

import json
import logging
from datetime import timedelta

import pytest
from prometheus_client.parser import text_string_to_metric_families

from bot.serve.logs import FIELDS, JsonFormatter
from menus.db import unit_of_work
from menus.models import OutboxMessage
from tests.bot.fake_telegram import text_update
from tests.bot.serve.conftest import Served
from tests.conftest import BEFORE_LUNCH

ELDER = 1001
ORDER = ("我要订餐", "米饭", "中午", "自己去拿", "要")


def scrape(served: Served) -> dict[str, float]:
    """Every sample of ``/metrics`` by name and labels."""
    answer = served.client.get("/metrics")
    assert answer.status_code == 200
    samples: dict[str, float] = {}
    for family in text_string_to_metric_families(answer.text):
        for sample in family.samples:
            labels = ",".join(f"{k}={v}" for k, v in sorted(sample.labels.items()))
            samples[f"{sample.name}{{{labels}}}"] = sample.value
    return samples


def test_turns_latency_orders_and_outbox_lag_are_measured(served: Served) -> None:
    elder = served.identify("王秀兰", ELDER)
    before = scrape(served)
    for n, text in enumerate(ORDER, 1):
        assert served.post(text_update(n, ELDER, text)) == 200
    with unit_of_work(served.factory) as session:
        session.add(
            OutboxMessage(
                key="test:late",
                person_id=elder,
                kind="reminder",
                text="…",
                choices=[],
                status="pending",
                due_at=BEFORE_LUNCH - timedelta(minutes=10),
                created_at=BEFORE_LUNCH - timedelta(minutes=10),
            )
        )
    after = scrape(served)
    turns = "zhucan_turns_total{kind=text,status=200}"
    assert after[turns] - before.get(turns, 0) == len(ORDER)
    count = "zhucan_turn_seconds_count{kind=text}"
    assert after[count] - before.get(count, 0) == len(ORDER)
    assert after["zhucan_turn_seconds_sum{kind=text}"] > before.get(
        "zhucan_turn_seconds_sum{kind=text}", 0
    )
    assert after["zhucan_orders_placed_today{}"] == 1
    assert after["zhucan_outbox_lag_seconds{}"] == 600
    assert after["zhucan_outbox_due{}"] == 1


def test_each_update_is_one_json_line_without_what_was_said(
    served: Served, caplog: pytest.LogCaptureFixture
) -> None:
    served.identify("王秀兰", ELDER)
    with caplog.at_level(logging.INFO, logger="zhucan.serve"):
        assert served.post(text_update(41, ELDER, "我要订餐")) == 200
    records = [r for r in caplog.records if r.name == "zhucan.serve"]
    assert len(records) == 1
    line = json.loads(JsonFormatter().format(records[0]))
    assert line["msg"] == "update handled"
    assert line["update_id"] == 41 and line["kind"] == "text" and line["status"] == 200
    assert line["ms"] > 0
    whole = JsonFormatter().format(records[0])
    assert "我要订餐" not in whole and "王秀兰" not in whole
    assert set(line) <= {"ts", "level", "logger", "msg", "pid", *FIELDS}  # no chat, no user
