"""Text to speech: one contract (``TextToSpeech.synthesize``), and pyttsx3 driving espeak-ng.

Mandarin uses espeak-ng's ``cmn-latn-pinyin`` voice (Debian's plain ``cmn`` gets tones wrong),
spoken slower than espeak's 175 words a minute by default because older listeners follow
slower speech better; each person may choose their own rate. Mongolian has no offline voice:
no engine is registered for it, so its replies go out as text, and an operator can register
one later (``voice.engines.register_tts``).

pyttsx3's ``save_to_file`` + ``runAndWait`` can return before espeak has finished writing (the
first sentence after start-up is slow): we wait for the driver's ``finished-utterance`` and
then check the WAV is complete before anyone uses it.
"""

from __future__ import annotations

import contextlib
import io
import logging
import os
import tempfile
import threading
import wave
from abc import ABC, abstractmethod
from pathlib import Path
from typing import Any

from voice.audio import Pcm
from voice.errors import VoiceError

log = logging.getLogger(__name__)

DEFAULT_RATE = 130
"""Words a minute for older listeners (espeak-ng's own default is 175)."""
MIN_RATE, MAX_RATE = 80, 260
SYNTH_TIMEOUT = 30.0


def clamp_rate(rate: int | None, default: int = DEFAULT_RATE) -> int:
    """A person's chosen rate within what stays intelligible (``None``: the default)."""
    return default if rate is None else max(MIN_RATE, min(MAX_RATE, int(rate)))


class TextToSpeech(ABC):
    """An engine that turns a sentence into speech for one language."""

    name = "tts"

    def __init__(self, lang: str, default_rate: int = DEFAULT_RATE) -> None:
        self.lang = lang
        self.default_rate = default_rate

    @abstractmethod
    def synthesize(self, text: str, *, rate: int | None = None) -> Pcm:
        """``text`` spoken at ``rate`` words a minute (``None``: the engine's default); raises
        ``VoiceError('tts-failed')`` rather than returning partial audio."""


def check_wav(data: bytes) -> Pcm:
    """The samples of a complete mono 16-bit WAV file; ``tts-failed`` if it is cut short."""
    try:
        with wave.open(io.BytesIO(data)) as source:
            frames = source.getnframes()
            if source.getnchannels() != 1 or source.getsampwidth() != 2 or frames == 0:
                raise VoiceError("tts-failed", "empty or not mono 16-bit")
            samples = source.readframes(frames)
            rate = source.getframerate()
    except (wave.Error, EOFError) as exc:
        raise VoiceError("tts-failed", type(exc).__name__) from None
    if len(samples) != frames * 2:
        raise VoiceError("tts-failed", "WAV shorter than its header says")
    riff_size = int.from_bytes(data[4:8], "little")
    if riff_size + 8 != len(data):
        raise VoiceError("tts-failed", "WAV size does not match its header")
    return Pcm(samples, rate)


class EspeakTts(TextToSpeech):
    """pyttsx3's espeak driver (libespeak-ng in this process). One sentence at a time: the
    library keeps one global synthesiser."""

    name = "espeak"
    _lock = threading.Lock()
    _engine: Any = None
    _done = threading.Event()

    def __init__(
        self, lang: str, voice: str = "cmn-latn-pinyin", default_rate: int = DEFAULT_RATE
    ) -> None:
        super().__init__(lang, default_rate)
        self.voice = voice

    @classmethod
    def _driver(cls) -> Any:
        if cls._engine is None:
            try:
                import pyttsx3

                engine = pyttsx3.init("espeak")
            except Exception as exc:
                raise VoiceError("tts-failed", f"espeak-ng unavailable: {exc}") from None
            engine.connect("finished-utterance", lambda **_: cls._done.set())
            cls._engine = engine
        return cls._engine

    def synthesize(self, text: str, *, rate: int | None = None) -> Pcm:
        text = " ".join(text.split())
        if not text:
            raise VoiceError("tts-failed", "nothing to say")
        with self._lock, tempfile.TemporaryDirectory(prefix="zhucan-tts-") as folder:
            path = Path(folder) / "reply.wav"
            for _attempt in range(2):
                try:
                    return self._once(text, clamp_rate(rate, self.default_rate), path)
                except VoiceError as exc:
                    log.warning("speech synthesis retried: %s", exc.detail)
            raise VoiceError("tts-failed", "no complete WAV after a retry")

    def _once(self, text: str, rate: int, path: Path) -> Pcm:
        engine = self._driver()
        with contextlib.suppress(FileNotFoundError):
            os.unlink(path)
        # pyttsx3's espeak driver prints a line for every saved file; keep stdout clean
        with contextlib.redirect_stdout(io.StringIO()):
            try:
                engine.setProperty("voice", self.voice)
                # espeak-ng sometimes keeps the previous rate when it is set once; a change
                # away and back always takes
                engine.setProperty("rate", rate + 1)
                engine.setProperty("rate", rate)
                self._done.clear()
                engine.save_to_file(text, str(path))
                engine.runAndWait()
                finished = self._done.wait(SYNTH_TIMEOUT)
            except (RuntimeError, ValueError) as exc:
                raise VoiceError("tts-failed", type(exc).__name__) from None
        if not finished or not path.exists():
            raise VoiceError("tts-failed", "espeak did not finish the file")
        return check_wav(path.read_bytes())
