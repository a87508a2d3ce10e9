"""The webhook queues voice notes and answers at once: real update JSON posted over ASGI, the
queue read back from the real Redis, the fake Bot API checked for what was (not) sent."""

from __future__ import annotations

from datetime import datetime

from bot.voice_pool.jobs import VoiceJob
from bot.voice_pool.queue import VoiceQueue
from menus.catalogue import say
from tests.bot.fake_telegram import FakeTelegram, voice_update
from tests.bot.voice_pool.conftest import Served, serving
from tests.conftest import BEFORE_LUNCH

ELDER = 1001
OTHER = 1002


def test_a_voice_note_is_queued_and_answered_200_without_being_heard(served: Served) -> None:
    served.identify("王秀兰", ELDER)
    assert served.post(voice_update(7, ELDER, "note-7", size=4000)) == 200
    depth = served.queue.depth()
    assert depth.waiting == 1 and depth.in_hand == 0
    assert [m for m, _ in served.fake.calls if m != "getMe"] == []  # the pool will answer
    assert served.post(voice_update(7, ELDER, "note-7", size=4000)) == 200  # redelivered
    assert served.queue.depth().waiting == 1  # queued once
    fields = served.queue.client.hvals(f"{served.queue.broker.namespace}:voice.msgs")
    assert len(fields) == 1 and b"note-7" in fields[0] and b"tg-7" in fields[0]


def test_the_job_carries_ids_and_the_moment_only() -> None:
    job = VoiceJob("tg-9", 1001, 5, "mn", "file-x", 3000, BEFORE_LUNCH)
    fields = job.to_message()
    assert VoiceJob.from_message(fields) == job
    assert set(fields) == {"turn_id", "chat_id", "person_id", "lang", "file_id", "file_size"} | {
        "arrived"
    }
    assert datetime.fromisoformat(fields["arrived"]) == BEFORE_LUNCH


def test_when_many_wait_the_person_hears_at_once_to_wait(served: Served) -> None:
    served.identify("王秀兰", ELDER)
    served.identify("刘德福", OTHER)
    served.queue.busy_at = 1
    assert served.post(voice_update(1, ELDER, "a")) == 200
    assert served.fake.texts() == []  # one waiting: no need to say anything
    assert served.post(voice_update(2, OTHER, "b")) == 200
    assert served.fake.texts() == [say("voice_wait", "zh")] == ["我在听，请稍等。"]
    assert served.fake.sent()[0]["chat_id"] == OTHER
    assert say("voice_wait", "mn") != say("voice_wait", "zh")


def test_queue_depth_and_wait_are_metrics(served: Served) -> None:
    served.identify("王秀兰", ELDER)
    served.post(voice_update(3, ELDER, "c"))
    text = served.client.get("/metrics").text
    assert "zhucan_voice_queue_depth 1.0" in text
    assert "zhucan_voice_queue_in_hand 0.0" in text
    wait = next(line for line in text.splitlines() if line.startswith("zhucan_voice_queue_wait"))
    assert 0.0 <= float(wait.split()[-1]) < 30


def test_an_unregistered_sender_and_a_note_too_long_are_answered_at_once(served: Served) -> None:
    assert served.post(voice_update(4, 4242, "d")) == 200
    assert served.fake.texts() == [say("voice_off", "zh")]
    served.identify("王秀兰", ELDER)
    assert served.post(voice_update(5, ELDER, "e", size=50 * 1024 * 1024)) == 200
    assert served.fake.texts()[-1] == say("voice_too_long", "zh")
    assert served.queue.depth().waiting == 0


def test_without_redis_the_update_is_not_acknowledged(shop: object, db_url: str) -> None:
    """500: Telegram redelivers the note once the queue is back."""
    from starlette.testclient import TestClient

    away = VoiceQueue.from_url("redis://127.0.0.1:1/0")
    fake = FakeTelegram()
    with TestClient(serving(shop, fake, db_url, away)) as client:  # type: ignore[arg-type]
        served = Served(client, fake, shop, away)  # type: ignore[arg-type]
        served.identify("王秀兰", ELDER)
        assert served.post(voice_update(6, ELDER, "f")) == 500
