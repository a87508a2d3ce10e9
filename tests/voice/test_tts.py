"""Text to speech through pyttsx3 and espeak-ng: complete WAV files, the slower default rate
for older listeners, a person's own rate, and the plug for a Mongolian voice."""

from __future__ import annotations

import pytest

from voice.audio import Pcm
from voice.config import VoiceConfig
from voice.engines import TTS_ENGINES, Voice, register_tts
from voice.errors import VoiceError
from voice.tts import DEFAULT_RATE, EspeakTts, TextToSpeech, check_wav, clamp_rate

SENTENCE = "您想吃什么？"


def test_the_wav_is_complete(mandarin: EspeakTts) -> None:
    """Every sample the header announces is there, and the RIFF size matches the file."""
    wav = mandarin.synthesize(SENTENCE).wav()
    pcm = check_wav(wav)
    assert pcm.rate == 22050 and 1.0 < pcm.seconds < 4.0
    assert pcm.level_dbfs() > -30  # speech, not silence


def test_the_first_sentence_after_start_is_complete_too() -> None:
    """pyttsx3 returns before espeak-ng finishes the first file: we wait for it."""
    EspeakTts._engine = None  # a fresh driver, as at start-up
    first = EspeakTts("zh").synthesize("好的")
    assert first.seconds > 0.3


def test_a_cut_wav_is_refused(mandarin: EspeakTts) -> None:
    wav = mandarin.synthesize("好的").wav()
    for broken in (wav[: len(wav) // 2], wav[:30], wav + b"\0" * 10):
        with pytest.raises(VoiceError) as caught:
            check_wav(broken)
        assert caught.value.code == "tts-failed"


def test_the_default_is_slower_than_espeak(mandarin: EspeakTts) -> None:
    assert DEFAULT_RATE < 175
    elders = mandarin.synthesize(SENTENCE)
    espeak_default = mandarin.synthesize(SENTENCE, rate=175)
    assert elders.seconds > espeak_default.seconds * 1.2


def test_a_persons_rate_is_used_and_kept_sensible(mandarin: EspeakTts) -> None:
    slow = mandarin.synthesize(SENTENCE, rate=100)
    fast = mandarin.synthesize(SENTENCE, rate=200)
    again = mandarin.synthesize(SENTENCE)  # back to the default after a chosen rate
    assert slow.seconds > again.seconds > fast.seconds
    assert clamp_rate(None) == DEFAULT_RATE and clamp_rate(20) == 80 and clamp_rate(999) == 260


def test_nothing_to_say(mandarin: EspeakTts) -> None:
    with pytest.raises(VoiceError) as caught:
        mandarin.synthesize("   ")
    assert caught.value.code == "tts-failed"


def test_mongolian_has_no_voice_by_default() -> None:
    with pytest.raises(VoiceError) as caught:
        Voice(VoiceConfig.from_env({})).tts("mn")
    assert caught.value.code == "tts-no-voice"


class _Beep(TextToSpeech):
    """A stand-in for the Mongolian engine an operator might add."""

    name = "beep"

    def synthesize(self, text: str, *, rate: int | None = None) -> Pcm:
        return Pcm(b"\x10\x00" * 1600)


def test_an_operator_can_plug_in_a_mongolian_voice() -> None:
    register_tts("beep", lambda config, lang: _Beep(lang))
    try:
        voice = Voice(VoiceConfig.from_env({"ZHUCAN_VOICE_TTS_MN": "beep"}))
        assert voice.tts("mn").synthesize("ᠰᠠᠶᠢᠨ").seconds == pytest.approx(0.1)
    finally:
        del TTS_ENGINES["beep"]


def test_louder_scales_and_clips_and_never_makes_quieter() -> None:
    """说大声点: the speech 150 % as loud, peaks clipped (not wrapped round)."""
    import numpy as np

    from voice.audio import Pcm, louder

    pcm = Pcm(np.array([1000, -1000, 30000, -30000], dtype="<i2").tobytes(), 16000)
    assert louder(pcm, 150).samples().tolist() == [1500, -1500, 32767, -32768]
    assert louder(pcm, 100) is pcm and louder(pcm, 50) is pcm
