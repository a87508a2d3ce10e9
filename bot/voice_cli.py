"""The voice commands of ``zhucan``: ``voice transcribe|say|models|fetch`` and ``speaker``.

Kept apart from ``bot/cli/`` (which only registers them) so that each stays small, and the
voice libraries are imported only when a voice command runs (other commands start as fast as
before). Voice failures print their code and exit with status 2, like every refused request.
"""

from __future__ import annotations

import argparse
import json
import shutil
import subprocess
import sys
import time
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

from bot.arguments import whole_number
from bot.cli.common import MAX_LINE_CHARS
from menus.db import read_only
from menus.errors import DomainError
from menus.files import check_bounded, read_bounded

if TYPE_CHECKING:  # the voice libraries load only when a voice command runs
    from voice.audio import Pcm
    from voice.engines import Voice
    from voice.errors import VoiceError
    from voice.grammar import Expected

EXIT_REFUSED = 2
RATE = 16_000


def _voice() -> Voice:
    from voice.config import VoiceConfig
    from voice.engines import Voice

    return Voice(VoiceConfig.from_env())


def add_commands(sub: Any, add: Callable[..., Any]) -> None:
    """Register ``voice …`` and ``speaker`` on the ``zhucan`` parser."""
    voice = sub.add_parser("voice", help="speech in and out").add_subparsers(
        dest="sub", required=True
    )
    p = add("transcribe", cmd_transcribe, "recognise an audio file and print it as JSON", voice)
    p.set_defaults(needs_db=False)
    p.add_argument("file")
    p.add_argument("--lang", choices=["zh", "mn", "ko"], default="zh")
    p.add_argument(
        "--phrases",
        choices=["none", "menu"],
        default="none",
        help="menu: restrict to (and match against) the phrases of the menu (--db or the demo's)",
    )
    p = add("say", cmd_say, "speak TEXT into an .ogg (Opus) or .wav file", voice)
    p.set_defaults(needs_db=False)
    p.add_argument("text")
    p.add_argument("--lang", default="zh")
    p.add_argument(
        "--rate",
        type=whole_number(1, 1000),
        help="words a minute (default: ZHUCAN_VOICE_RATE, 130; kept within 80-260)",
    )
    p.add_argument("-o", "--output", required=True)
    p = add("models", cmd_models, "the configured engines and whether their models load", voice)
    p.set_defaults(needs_db=False)
    p.add_argument("--json", action="store_true")
    p = add("fetch", cmd_fetch, "download a vosk model, checked against its listed checksum", voice)
    p.set_defaults(needs_db=False)
    p.add_argument("lang", choices=["zh"])
    p.add_argument("--url", help="the model page to fetch from (ZHUCAN_VOICE_FETCH_URL)")

    from bot.voice_pool.cli import add_worker_command

    add_worker_command(voice, add)

    p = add("speaker", cmd_speaker, "the smart speaker: listen, answer aloud")
    p.add_argument("--lang", choices=["zh", "mn"], help="recognise in this language")
    p.add_argument("--elder", help="the elder's name or id (default: the demo elder)")
    p.add_argument(
        "--input",
        nargs="+",
        default=["mic"],
        metavar="mic|FILE",
        help="mic (press Enter to talk), or WAV files taken in turn; each reply is written "
        "beside its file as NAME.reply.wav",
    )


class VoiceRefused(DomainError):
    """A voice stage refused: ``zhucan`` prints the code and detail and exits with status 2."""

    def __init__(self, error: VoiceError) -> None:
        super().__init__("voice")
        self.error = error

    def message(self, lang: str = "zh") -> str:
        return f"{self.error.code}: {self.error.detail}".rstrip(": ")


def _menu_phrases(args: argparse.Namespace, ctx: Any) -> Expected:
    """What may be said about the menu (the store's with --db, else the demo canteen's), plus
    the commands and answers."""
    from bot.voice_turn import expected_zh

    names: list[str] = []
    if getattr(args, "db", None):
        from sqlalchemy import select

        from menus.models import Dish

        with read_only(ctx.factory) as session:
            for dish in session.scalars(select(Dish).order_by(Dish.id)):
                names.extend([dish.name, *dish.aliases])
    else:
        from menus.demo import CANTEEN_FILE
        from menus.menufile import read_menu_file

        for spec in read_menu_file(CANTEEN_FILE).dishes:
            names.extend([spec.name, *spec.aliases])
    return expected_zh(names)


def cmd_transcribe(args: argparse.Namespace, ctx: Any) -> int:
    """Recognise one audio file (any format); print the transcript and its timing as JSON."""
    from voice.audio import MAX_AUDIO_BYTES

    data = read_bounded(args.file, MAX_AUDIO_BYTES)  # /dev/zero, a pipe, 1 GB: refused unread
    from voice.decode import decode
    from voice.errors import VoiceError

    voice = _voice()
    expected = _menu_phrases(args, ctx) if args.phrases == "menu" else None
    try:
        pcm = decode(data)
        transcript = voice.stt(args.lang).transcribe(pcm, expected)
    except VoiceError as exc:
        raise VoiceRefused(exc) from None
    text = transcript.text
    if expected and args.lang == "zh":
        text = transcript.matched(expected.phrases)
    result = {
        "text": text,
        "recognized": transcript.text,
        "lang": transcript.lang,
        "engine": transcript.engine,
        "restricted": transcript.restricted,
        "audio_seconds": round(transcript.audio_seconds, 3),
        "seconds": round(transcript.seconds, 3),
        "real_time_factor": round(transcript.real_time_factor, 3),
    }
    print(json.dumps(result, ensure_ascii=False), file=ctx.out)
    return 0


def cmd_say(args: argparse.Namespace, ctx: Any) -> int:
    """Speak TEXT into FILE.ogg (OGG/Opus, as Telegram voice notes) or FILE.wav."""
    from voice.encode import to_ogg_opus
    from voice.errors import VoiceError

    output = Path(args.output)
    if output.suffix.lower() not in (".ogg", ".oga", ".opus", ".wav"):
        raise DomainError("bad_argument", detail="-o must end in .ogg or .wav")
    voice = _voice()
    try:
        speech = voice.tts(args.lang).synthesize(args.text, rate=args.rate)
        data = speech.wav() if output.suffix.lower() == ".wav" else to_ogg_opus(speech)
    except VoiceError as exc:
        raise VoiceRefused(exc) from None
    output.write_bytes(data)
    print(f"{output} ({speech.seconds:.1f} s)", file=ctx.out)
    return 0


def cmd_models(args: argparse.Namespace, ctx: Any) -> int:
    """Each configured engine, its model, and whether it loads (and how long that takes)."""
    from voice.errors import VoiceError

    voice = _voice()
    rows: list[dict[str, Any]] = []
    for choice in voice.choices():
        row: dict[str, Any] = {"stage": choice.stage, "lang": choice.lang, "engine": choice.engine}
        if choice.engine == "none":
            row["status"] = "off"
            rows.append(row)
            continue
        started = time.perf_counter()
        try:
            if choice.stage == "stt":
                engine = voice.stt(choice.lang)
                row["model"] = str(getattr(engine, "model_dir", ""))
                engine.load()
            else:
                voice.tts(choice.lang).synthesize("一" if choice.lang == "zh" else "a")
            row["status"] = "ok"
        except VoiceError as exc:
            row["status"] = exc.code
            row["detail"] = exc.detail
        row["seconds"] = round(time.perf_counter() - started, 2)
        rows.append(row)
    if args.json:
        print(json.dumps(rows, ensure_ascii=False), file=ctx.out)
    else:
        for row in rows:
            extra = f"  {row['model']}" if row.get("model") else ""
            detail = f" ({row['detail']})" if row.get("detail") else ""
            print(
                f"{row['stage']}  {row['lang']}  {row['engine']:<8} {row['status']}{detail}{extra}",
                file=ctx.out,
            )
    return 0


def cmd_fetch(args: argparse.Namespace, ctx: Any) -> int:
    """Download the vosk model for LANG into the models folder, checked against its listed
    checksum; afterwards the language is heard by vosk (unless configured otherwise)."""
    from voice.config import VoiceConfig
    from voice.errors import VoiceError
    from voice.models import fetch

    config = VoiceConfig.from_env()
    try:
        target = fetch(
            args.lang,
            config.models_dir,
            base_url=args.url or config.fetch_url,
            sha256=config.fetch_sha256,
        )
    except VoiceError as exc:
        raise VoiceRefused(exc) from None
    print(str(target), file=ctx.out)
    return 0


# ---------------------------------------------------------------------------- speaker

SPEECH_DBFS = -40.0
END_SILENCE_S = 0.8
MAX_UTTERANCE_S = 15.0


def utterance(chunks: Iterable[bytes], rate: int = RATE) -> bytes:
    """One utterance from a stream of 16-bit mono chunks: from the first chunk with speech
    until ``END_SILENCE_S`` of quiet after it (or ``MAX_UTTERANCE_S``); empty if none."""
    from voice.audio import Pcm

    heard: list[bytes] = []
    quiet = total = 0  # in samples
    for chunk in chunks:
        samples = len(chunk) // 2
        loud = Pcm(chunk, rate).level_dbfs() >= SPEECH_DBFS
        if not heard and not loud:
            continue
        heard.append(chunk)
        total += samples
        quiet = 0 if loud else quiet + samples
        if quiet >= END_SILENCE_S * rate or total >= MAX_UTTERANCE_S * rate:
            break
    return b"".join(heard)


def _microphone() -> Iterator[bytes]:
    """16 kHz mono chunks of 100 ms from ALSA's ``arecord`` (the speaker's microphone)."""
    process = subprocess.Popen(
        ["arecord", "-q", "-f", "S16_LE", "-r", str(RATE), "-c", "1", "-t", "raw"],
        stdout=subprocess.PIPE,
    )
    try:
        assert process.stdout is not None
        while chunk := process.stdout.read(RATE // 10 * 2):
            yield chunk
    finally:
        process.terminate()
        process.wait()


def _play(speech: Pcm) -> None:
    subprocess.run(["aplay", "-q", "-"], input=speech.wav(), check=False)


def cmd_speaker(args: argparse.Namespace, ctx: Any) -> int:
    """The dialogue on a speaker: each utterance (from the microphone after Enter, or each
    WAV file in turn) is heard, answered, and the answer spoken (played, or written beside
    the file as NAME.reply.wav)."""
    from bot.dialogue import Dialogue
    from bot.voice_turn import VoiceTurns
    from menus.demo import DEMO_ELDER
    from menus.people import find_elder

    with read_only(ctx.factory) as session:
        elder_id = find_elder(session, args.elder or DEMO_ELDER).id
    from voice.audio import MAX_AUDIO_BYTES, Pcm

    files = [] if args.input == ["mic"] else [Path(f) for f in args.input]
    for path in files:  # every file refused before anything is heard or written
        check_bounded(path, MAX_AUDIO_BYTES)
    turns = VoiceTurns(Dialogue(ctx.factory), _voice())
    if not files and not (shutil.which("arecord") and shutil.which("aplay")):
        raise DomainError("bad_argument", detail="--input mic needs ALSA's arecord and aplay")

    def answer(audio: bytes) -> Pcm | None:
        result = turns.handle(elder_id, audio, ctx.now, lang=args.lang, speak=True)
        if result.heard_line:
            print(result.heard_line, file=ctx.out)
        elif result.error:
            print(f"[{result.error}]", file=ctx.out)
        print(result.reply.text, file=ctx.out, flush=True)
        return result.speech

    for path in files:
        speech = answer(read_bounded(path, MAX_AUDIO_BYTES))
        if speech is not None:
            path.with_name(path.stem + ".reply.wav").write_bytes(speech.wav())
    while not files:
        print("按回车说话（Ctrl-D 退出）", file=ctx.out, flush=True)
        if not sys.stdin.readline(MAX_LINE_CHARS):  # Enter; never a whole endless line
            return 0
        audio = utterance(_microphone())
        speech = answer(Pcm(audio).wav() if audio else b"")
        if speech is not None:
            _play(speech)
    return 0
