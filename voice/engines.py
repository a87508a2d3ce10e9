"""Engines chosen by name: a registry per stage, and ``Voice``, which builds (once) the engine
that configuration names for a language. Adding an engine (say, a Mongolian voice an operator
has) is ``register_tts("name", factory)`` plus ``ZHUCAN_VOICE_TTS_MN=name``; no ``if`` chain
elsewhere changes."""

from __future__ import annotations

import threading
from collections.abc import Callable
from dataclasses import dataclass

from voice.config import VoiceConfig
from voice.errors import VoiceError
from voice.models import whisper_base_dir
from voice.stt import SpeechToText, VoskEngine, WhisperEngine
from voice.tts import EspeakTts, TextToSpeech

SttFactory = Callable[[VoiceConfig, str], SpeechToText]
TtsFactory = Callable[[VoiceConfig, str], TextToSpeech]


def _vosk(config: VoiceConfig, lang: str) -> SpeechToText:
    model = config.vosk_models.get(lang)
    if model is None:
        raise VoiceError("stt-no-model", f"no vosk model configured for {lang}")
    return VoskEngine(lang, model)


def _whisper(config: VoiceConfig, lang: str) -> SpeechToText:
    model = config.whisper_model or whisper_base_dir(config.cache_dir)
    return WhisperEngine(lang, model, threads=config.threads, beam=config.beam)


def _espeak(config: VoiceConfig, lang: str) -> TextToSpeech:
    return EspeakTts(lang, config.tts_voices.get(lang, lang), config.rate)


STT_ENGINES: dict[str, SttFactory] = {"vosk": _vosk, "whisper": _whisper}
TTS_ENGINES: dict[str, TtsFactory] = {"espeak": _espeak}


def register_stt(name: str, factory: SttFactory) -> None:
    """Make a speech-to-text engine available by ``name`` in configuration."""
    STT_ENGINES[name] = factory


def register_tts(name: str, factory: TtsFactory) -> None:
    """Make a text-to-speech engine available by ``name`` in configuration."""
    TTS_ENGINES[name] = factory


@dataclass(frozen=True)
class EngineChoice:
    """What configuration names for one language and stage."""

    stage: str
    lang: str
    engine: str


class Voice:
    """The engines configuration names, built on first use and kept."""

    def __init__(self, config: VoiceConfig) -> None:
        self.config = config
        self._stt: dict[str, SpeechToText] = {}
        self._tts: dict[str, TextToSpeech] = {}
        self._lock = threading.Lock()

    def stt(self, lang: str) -> SpeechToText:
        """The recogniser for ``lang``; ``stt-no-model`` when none is configured."""
        with self._lock:
            if lang not in self._stt:
                name = self.config.stt.get(lang, "none")
                factory = STT_ENGINES.get(name)
                if factory is None:
                    raise VoiceError("stt-no-model", f"no speech-to-text for {lang} ({name})")
                self._stt[lang] = factory(self.config, lang)
            return self._stt[lang]

    def tts(self, lang: str) -> TextToSpeech:
        """The voice for ``lang``; ``tts-no-voice`` when none is configured (Mongolian)."""
        with self._lock:
            if lang not in self._tts:
                name = self.config.tts.get(lang, "none")
                factory = TTS_ENGINES.get(name)
                if factory is None:
                    raise VoiceError("tts-no-voice", f"no text-to-speech for {lang} ({name})")
                self._tts[lang] = factory(self.config, lang)
            return self._tts[lang]

    def choices(self) -> list[EngineChoice]:
        """Every language's configured engines, for ``zhucan voice models``."""
        return [
            EngineChoice(stage, lang, table.get(lang, "none"))
            for stage, table in (("stt", self.config.stt), ("tts", self.config.tts))
            for lang in sorted(table)
        ]
