"""Benchmark: the whole voice turn, and how often a spoken order survives the round trip.

1. Whole turn for 3–6 s utterances sent as OGG/Opus voice notes: decode, recognise,
   understand + dialogue (``Dialogue.handle``), speak, encode. Per-stage medians, p50/p95 of
   the whole turn, the recogniser's real-time factor, and the peak memory of a process that
   has one model loaded. Engines: vosk with the Korean model (the cost of a small vosk model;
   Korean speech from espeak-ng, in open and in restricted mode) and whisper-base (Mandarin).
   Each engine runs in a child process of its own so that its memory is its own.
2. Round trip over the 50 Mandarin ordering sentences of ``bench/data/voice_zh.yml``: speak
   (espeak-ng) → OGG/Opus → recognise (whisper-base) → NLU, counted right when the intent and
   the set of dishes are right: open Whisper with nothing expected; the older restricted mode
   (tokens no phrase uses suppressed, then matching by sound); and the grammar, as a turn
   does. Then the 15 sentences of ``bench/data/voice_zh_outside.yml`` that are not orders:
   how many the recogniser notices are outside the grammar (and hears openly).

    .venv/bin/python bench/voice.py [--turns N] [--skip-turns] [--skip-round-trip]

Targets (issue): vosk turn p50 ≤ 1.5 s, p95 ≤ 3 s, real-time factor ≤ 0.3, < 800 MB with one
model; round trip ≥ 80 % with phrase matching.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import datetime
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

SENTENCES = ROOT / "bench" / "data" / "voice_zh.yml"
OUTSIDE = ROOT / "bench" / "data" / "voice_zh_outside.yml"

# Utterances of 3–6 s at the elders' speaking rate (130 words a minute).
MANDARIN_TURNS = [
    "明天中午要一份红烧肉，送到家",
    "今天中午都有什么菜",
    "取消明天中午的订单",
    "后天晚上要两份饺子",
    "我的卡里还有多少钱",
    "明天早上要一碗小米粥",
    "我要订明天的午饭",
    "今天晚上要白菜豆腐",
]
KOREAN_TURNS = [
    "안녕하세요 오늘 점심 메뉴가 뭐예요",
    "내일 점심에 비빔밥 두 그릇 주문하고 싶어요",
    "주문을 취소하고 싶어요 감사합니다",
    "저녁에 김치찌개 하나 배달해 주세요",
    "카드에 돈이 얼마나 남았는지 알려 주세요",
    "네 그렇게 해 주세요 감사합니다",
]
KOREAN_PHRASES = [
    "안녕하세요", "오늘", "내일", "점심", "저녁", "메뉴", "뭐예요", "주문", "취소", "감사합니다",
    "비빔밥", "김치찌개", "두", "하나", "그릇", "배달", "카드", "돈", "네", "아니요", "주세요",
]  # fmt: skip


def _pct(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))]


def _store(now: datetime) -> tuple[Any, int]:
    """A SQLite store with the demo canteen (menus laid on today's dates) and its elder."""
    from menus.db import make_engine, session_factory, unit_of_work, upgrade
    from menus.demo import DEMO_ELDER, load_demo
    from menus.people import find_elder

    path = Path(tempfile.mkdtemp(prefix="zhucan-bench-")) / "voice.db"
    url = f"sqlite:///{path}"
    upgrade(url)
    factory = session_factory(make_engine(url))
    with unit_of_work(factory) as session:
        load_demo(session, now)
    with factory() as session:
        return factory, find_elder(session, DEMO_ELDER).id


def run_turns(engine: str, count: int) -> dict[str, Any]:
    """Child process: whole voice turns with one engine; prints its figures as JSON."""
    from bot.dialogue import Dialogue
    from bot.voice_turn import VoiceTurns
    from menus.clock import TZ
    from voice.config import VoiceConfig
    from voice.encode import to_ogg_opus
    from voice.engines import Voice
    from voice.tts import EspeakTts

    now = datetime.now(TZ).replace(hour=8, minute=0, second=0, microsecond=0)
    factory, elder = _store(now)
    voice = Voice(VoiceConfig.from_env({}))
    lang = "ko" if engine.startswith("vosk") else "zh"
    started = time.perf_counter()
    voice.stt(lang).load()
    load_s = time.perf_counter() - started
    texts = KOREAN_TURNS if lang == "ko" else MANDARIN_TURNS
    speaker = EspeakTts("ko", "ko") if lang == "ko" else EspeakTts("zh")
    notes = [to_ogg_opus(speaker.synthesize(t)) for t in texts]
    turns = VoiceTurns(Dialogue(factory), voice)
    from voice.grammar import Expected

    # Korean has no grammar: its phrases are sayings for vosk; Mandarin expects what a turn does
    phrases = Expected.of(KOREAN_PHRASES) if engine == "vosk-restricted" else None
    rows: list[dict[str, float]] = []
    for i in range(count):
        note = notes[i % len(notes)]
        result = turns.handle(elder, note, now, lang=lang, speak=True, phrases=phrases)
        timings = dict(result.timings)
        timings["ok"] = 0.0 if result.error else 1.0
        rows.append(timings)
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    return {"engine": engine, "load_s": load_s, "rows": rows, "peak_mb": peak_mb}


def _turn_report(result: dict[str, Any]) -> None:
    rows = result["rows"]
    totals = [r["total"] for r in rows]
    audio = [r.get("audio", 0.0) for r in rows]
    rtf = [r.get("recognize", 0.0) / r["audio"] for r in rows if r.get("audio")]
    stages = ["decode", "phrases", "recognize", "match", "dialogue", "speak", "encode"]
    medians = {s: statistics.median([r.get(s, 0.0) for r in rows]) * 1000 for s in stages}
    print(f"\n## whole turn: {result['engine']} ({len(rows)} turns)")
    print(f"model load {result['load_s']:.2f} s; audio {min(audio):.1f}–{max(audio):.1f} s")
    print("stage medians (ms): " + ", ".join(f"{s} {v:.0f}" for s, v in medians.items()))
    print(
        f"whole turn p50 {statistics.median(totals):.2f} s, p95 {_pct(totals, 0.95):.2f} s; "
        f"real-time factor median {statistics.median(rtf):.2f} (max {max(rtf):.2f}); "
        f"peak memory {result['peak_mb']:.0f} MB; "
        f"{sum(r['ok'] for r in rows):.0f}/{len(rows)} recognised"
    )


def round_trip() -> None:
    """Speak each sentence, recognise it with whisper-base, parse it: right intent and dishes?"""
    import yaml

    from bot.voice_turn import expected_zh
    from menus.clock import TZ, local_today
    from menus.demo import CANTEEN_FILE
    from menus.menufile import read_menu_file
    from nlu.menu import DishNames, MenuNames
    from nlu.parser import Parser
    from voice.config import VoiceConfig
    from voice.decode import decode
    from voice.encode import to_ogg_opus
    from voice.engines import Voice
    from voice.errors import VoiceError
    from voice.stt import WhisperEngine

    sentences = yaml.safe_load(SENTENCES.read_text(encoding="utf-8"))
    menu_file = read_menu_file(CANTEEN_FILE)
    parser = Parser(
        MenuNames(
            tuple(
                DishNames(d.name, tuple(d.aliases), d.name_mn, d.name_mn_cyrl)
                for d in menu_file.dishes
            )
        )
    )
    # what a turn expects when no question is pending: the menu, the commands, the answers
    expected = expected_zh(n for d in menu_file.dishes for n in (d.name, *d.aliases))
    phrases = expected.phrases
    today = local_today(datetime.now(TZ))
    voice = Voice(VoiceConfig.from_env({}))
    whisper, tts = voice.stt("zh"), voice.tts("zh")
    assert isinstance(whisper, WhisperEngine)
    older = WhisperEngine("zh", whisper.model_dir, use_grammar=False)
    whisper.load()
    whisper.transcribe(decode(to_ogg_opus(tts.synthesize("你好"))), expected)  # loads it all

    def dishes_in(text: str) -> set[str]:
        parse = parser.parse(text, today=today)
        return {e["value"] for e in parse["entities"] if e["entity"] == "dish"}

    def right(text: str, expected: dict[str, Any]) -> bool:
        parse = parser.parse(text, today=today)
        dishes = sorted({e["value"] for e in parse["entities"] if e["entity"] == "dish"})
        return bool(parse["intent"]["name"] == expected["intent"]) and dishes == sorted(
            expected["dishes"]
        )

    def heard(engine: WhisperEngine, pcm: Any, given: Any) -> tuple[str, float, float]:
        """What a turn hands the dialogue: the transcript, matched to the phrases unless the
        grammar made it."""
        try:
            transcript = engine.transcribe(pcm, given)
        except VoiceError:
            return "", 0.0, 0.0
        text = transcript.matched(phrases) if given is not None else transcript.text
        return text, transcript.real_time_factor, transcript.seconds

    typed = open_right = older_right = matched = wrong_dish = 0
    rtf: list[float] = []
    seconds: list[float] = []
    failures: list[str] = []
    for sentence in sentences:
        typed += right(sentence["text"], sentence)
        pcm = decode(to_ogg_opus(tts.synthesize(sentence["text"])))
        open_right += right(heard(whisper, pcm, None)[0], sentence)
        older_right += right(heard(older, pcm, expected)[0], sentence)
        text, factor, took = heard(whisper, pcm, expected)
        rtf.append(factor)
        seconds.append(took)
        ok = right(text, sentence)
        matched += ok
        wrong_dish += bool(dishes_in(text) - set(sentence["dishes"]))
        if not ok:
            failures.append(f"{sentence['text']} → {text}")
    n = len(sentences)
    print(f"\n## round trip: espeak-ng → whisper-base → NLU, {n} Mandarin ordering sentences")
    print(f"typed text (NLU alone):                          {typed}/{n} = {typed / n:.0%}")
    print(
        f"open whisper, nothing expected:                  {open_right}/{n} = {open_right / n:.0%}"
    )
    print(
        f"restricted tokens + phrase matching (before):    {older_right}/{n}"
        f" = {older_right / n:.0%}"
    )
    print(f"grammar (what a turn does):                      {matched}/{n} = {matched / n:.0%}")
    print(f"a dish that was not said (the read-back must catch it): {wrong_dish}/{n}")
    print(
        f"grammar recognition: median {statistics.median(seconds):.2f} s,"
        f" p95 {_pct(seconds, 0.95):.2f} s, real-time factor median {statistics.median(rtf):.2f}"
    )
    print("missed (said → what the dialogue was given):")
    for line in failures:
        print("  " + line)

    outside = yaml.safe_load(OUTSIDE.read_text(encoding="utf-8"))
    kept_out = understood = typed_out = 0
    print(f"\n## outside the grammar: {len(outside)} sentences that are not orders")
    for sentence in outside:
        typed_out += (
            parser.parse(sentence["text"], today=today)["intent"]["name"] == (sentence["intent"])
        )
        pcm = decode(to_ogg_opus(tts.synthesize(sentence["text"])))
        try:
            transcript = whisper.transcribe(pcm, expected)
        except VoiceError:
            continue
        kept_out += not transcript.whole
        text = transcript.matched(phrases)
        got = parser.parse(text, today=today)["intent"]["name"]
        understood += got == sentence["intent"]
        print(f"  {sentence['text']} → {text} ({'open' if not transcript.whole else 'grammar'})")
    m = len(outside)
    print(f"typed text (NLU alone): {typed_out}/{m}")
    print(f"noticed as outside the grammar and heard openly: {kept_out}/{m}")
    print(f"right intent after the round trip: {understood}/{m}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--turns", type=int, default=12, help="turns per engine")
    parser.add_argument("--skip-turns", action="store_true")
    parser.add_argument("--skip-round-trip", action="store_true")
    parser.add_argument("--child", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        print(json.dumps(run_turns(args.child, args.turns)))
        return
    print(f"voice benchmark on {os.cpu_count()} CPUs, load average {os.getloadavg()[0]:.2f}")
    if not args.skip_turns:
        for engine in ("vosk-restricted", "vosk-open", "whisper"):
            child = subprocess.run(
                [sys.executable, __file__, "--child", engine, "--turns", str(args.turns)],
                capture_output=True,
                text=True,
                check=True,
            )
            _turn_report(json.loads(child.stdout.strip().splitlines()[-1]))
    if not args.skip_round_trip:
        round_trip()


if __name__ == "__main__":
    main()
