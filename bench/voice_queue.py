"""Voice notes through the queue: a burst of notes queued at once, heard by the ASR pool.

What it measures: the voice pool's path after the webhook — Dramatiq's Redis broker, a worker
with ``--threads`` threads downloading each note from a fake Bot API on 127.0.0.1
(``tests.bot.fake_telegram``: getFile and the file URL as Telegram serves them), whisper-base
hearing it (the default engines), the dialogue's turn on the store, the heard line, the reply
and the spoken reply sent back. The notes are one sentence (我的订单) made once by ``zhucan voice
say``, sent by ``--notes`` different elders at the same moment: the worst case of a morning,
everyone speaking at once. Every ``--sample`` seconds the queue's depth is read as
``/metrics`` reads it. Prints the notes heard per second, the wait in the queue (p50, p99, max:
enqueued → a worker starts on it), time per note, CPU seconds per note, the deepest queue, and
how many senders would have been told 我在听，请稍等 (more than ``--busy-at`` waiting when theirs
was queued).

    .venv/bin/python bench/voice_queue.py [--notes 12] [--threads 1] [--redis URL] [--db URL]
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import tempfile
import time
import uuid
from datetime import datetime
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from dramatiq import Middleware  # noqa: E402
from telegram.ext import ExtBot  # noqa: E402

from bench.dialogue import prepare  # noqa: E402
from bot.dialogue import Dialogue  # noqa: E402
from bot.telegram.ratelimit import Bucket, Limits, RateLimiter  # noqa: E402
from bot.voice_pool.jobs import VoiceJob  # noqa: E402
from bot.voice_pool.queue import QUEUE, VoiceQueue  # noqa: E402
from bot.voice_pool.worker import VoiceWorker, consume, declare  # noqa: E402
from bot.voice_turn import VoiceTurns  # noqa: E402
from menus.clock import TZ  # noqa: E402
from tests.bot.fake_telegram import FakeTelegram, LoopbackServer  # noqa: E402
from voice.config import VoiceConfig  # noqa: E402
from voice.engines import Voice  # noqa: E402

TOKEN = "123456:VOICE-bench"
SENTENCE = "我的订单"


class Waits(Middleware):
    """Each note's wait in the queue, as the worker's ``zhucan_voice_wait_seconds`` sees it."""

    def __init__(self) -> None:
        self.seconds: list[float] = []

    def before_process_message(self, broker: Any, message: Any) -> None:
        if message.queue_name == QUEUE:
            self.seconds.append(time.time() - message.message_timestamp / 1000)


class Timed:
    """The voice pipeline, keeping each note's per-stage timings (``VoiceReply.timings``)."""

    def __init__(self, turns: VoiceTurns) -> None:
        self.turns = turns
        self.timings: list[dict[str, float]] = []

    def handle(self, person_id: int, audio: bytes, now: Any, *, turn_id: str | None = None) -> Any:
        spoken = self.turns.handle(person_id, audio, now, turn_id=turn_id)
        self.timings.append(spoken.timings)
        return spoken


def the_note(folder: Path) -> bytes:
    """The sentence as a voice note, made by the project's own command."""
    target = folder / "note.ogg"
    zhucan = Path(sys.executable).with_name("zhucan")
    subprocess.run([str(zhucan), "voice", "say", SENTENCE, "-o", str(target)], check=True)
    return target.read_bytes()


def pct(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(q * len(ordered)))] if ordered else 0.0


def run(args: argparse.Namespace, url: str, note: bytes) -> dict[str, Any]:
    now = datetime.now(TZ).replace(hour=8, minute=0, second=0, microsecond=0)
    factory, accounts, ids = prepare(url, args.notes, now)
    fake = FakeTelegram(TOKEN)
    fake.add_file("note", "voice/note.oga", note)
    queue = VoiceQueue.from_url(args.redis, namespace=f"zhucan-bench-{uuid.uuid4().hex[:8]}")
    queue.busy_at = args.busy_at
    waits = Waits()
    queue.broker.add_middleware(waits)
    roomy = RateLimiter(Limits(Bucket(1e6, 10_000), per_chat_rate=1e6, per_chat_burst=10_000))
    with LoopbackServer(fake) as server:
        bot: ExtBot[Any] = ExtBot(
            TOKEN, base_url=server.base_url, base_file_url=server.base_file_url, rate_limiter=roomy
        )
        voice = Voice(VoiceConfig.from_env({}))
        timed = Timed(VoiceTurns(Dialogue(factory), voice))
        worker = VoiceWorker(timed, bot)
        worker.start()
        load = getattr(voice.stt("zh"), "load", None)
        if load is not None:  # the model loads before the clock starts, as a worker does once
            load()
        declare(queue.broker, worker)
        told_to_wait = 0
        for n, ((account, _dish), person) in enumerate(zip(accounts, ids, strict=True)):
            job = VoiceJob(f"bench-{n}", account, person, "zh", "note", len(note), now)
            told_to_wait += queue.busy(queue.submit(job))
        cpu0, started = time.process_time(), time.perf_counter()
        consumer = consume(queue.broker, args.threads)
        deepest = queue.depth().waiting
        while len(fake.sent("sendVoice")) < args.notes:
            time.sleep(args.sample)
            deepest = max(deepest, queue.depth().waiting)
            if time.perf_counter() - started > args.timeout:
                break
        seconds, cpu = time.perf_counter() - started, time.process_time() - cpu0
        consumer.stop(timeout=30_000)
        worker.close()
        queue.flush()
        queue.close()
    answered = len(fake.sent("sendVoice"))
    return {
        "notes": args.notes,
        "answered": answered,
        "heard": sum(t == f"我听到的是：{SENTENCE}" for t in fake.texts()),
        "notes_per_s": answered / seconds,
        "wait": waits.seconds,
        "per_note_s": seconds * args.threads / max(answered, 1),
        "cpu_per_note_s": cpu / max(answered, 1),
        "deepest": deepest,
        "told_to_wait": told_to_wait,
        "stages": {
            stage: statistics.median(t.get(stage, 0.0) for t in timed.timings)
            for stage in ("decode", "phrases", "recognize", "dialogue", "speak", "encode", "total")
        },
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--notes", type=int, default=12)
    parser.add_argument("--threads", type=int, default=1, help="ASR worker threads")
    parser.add_argument("--busy-at", type=int, default=3)
    parser.add_argument("--redis", default="redis://127.0.0.1:6379/0")
    parser.add_argument("--db", help="database URL (default: a temporary SQLite file)")
    parser.add_argument("--sample", type=float, default=0.1)
    parser.add_argument("--timeout", type=float, default=600)
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as tmp:
        note = the_note(Path(tmp))
        figures = run(args, args.db or f"sqlite:///{Path(tmp) / 'bench.db'}", note)
    wait = figures["wait"]
    print(
        f"{figures['answered']}/{figures['notes']} notes answered ({figures['heard']} heard as "
        f"{SENTENCE}), {args.threads} ASR thread(s): {figures['notes_per_s']:.2f} notes/s, "
        f"{figures['per_note_s']:.2f} s a note, {figures['cpu_per_note_s']:.2f} CPU-s a note"
    )
    print(
        f"queue wait: p50 {statistics.median(wait) if wait else 0:.1f} s, p99 "
        f"{pct(wait, 0.99):.1f} s, max {max(wait, default=0):.1f} s; deepest queue "
        f"{figures['deepest']}; told 我在听，请稍等: {figures['told_to_wait']} "
        f"(more than {args.busy_at} waiting)"
    )
    stages = ", ".join(f"{k} {v:.2f}" for k, v in figures["stages"].items())
    print(f"median seconds a note by stage: {stages}")
    return 0 if figures["answered"] == figures["notes"] else 1


if __name__ == "__main__":
    raise SystemExit(main())
