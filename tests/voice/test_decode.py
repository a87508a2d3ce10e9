"""Decode and encode: every container a channel may send, and every bad input of the issue
(empty, corrupt, truncated, over a minute, the wrong sample rate) as a code, never a crash."""

from __future__ import annotations

import io
import wave

import av
import numpy as np
import pytest

from tests.voice.conftest import noise, speech
from voice.audio import MAX_AUDIO_BYTES, RATE, Pcm
from voice.decode import MAX_SECONDS, decode
from voice.encode import to_ogg_opus, wav_to_ogg_opus
from voice.errors import VoiceError
from voice.tts import EspeakTts


def _wav(samples: np.ndarray, rate: int, channels: int = 1) -> bytes:
    buffer = io.BytesIO()
    with wave.open(buffer, "wb") as out:
        out.setnchannels(channels)
        out.setsampwidth(2)
        out.setframerate(rate)
        out.writeframes(samples.astype("<i2").tobytes())
    return buffer.getvalue()


def _tone(seconds: float, rate: int) -> np.ndarray:
    t = np.arange(int(seconds * rate)) / rate
    return (np.sin(2 * np.pi * 440 * t) * 8000).astype(np.int16)


def _mp3(pcm: Pcm) -> bytes:
    buffer = io.BytesIO()
    with av.open(buffer, mode="w", format="mp3") as container:
        stream = container.add_stream("libmp3lame", rate=pcm.rate)
        stream.layout = "mono"
        frame = av.AudioFrame.from_ndarray(
            pcm.samples().reshape(1, -1), format="s16", layout="mono"
        )
        frame.sample_rate = pcm.rate
        resampler = av.AudioResampler(format="s16p", layout="mono", rate=pcm.rate)
        for part in [*resampler.resample(frame), *resampler.resample(None)]:
            for packet in stream.encode(part):
                container.mux(packet)
        for packet in stream.encode(None):
            container.mux(packet)
    return buffer.getvalue()


@pytest.fixture(scope="module")
def clip(mandarin: EspeakTts) -> Pcm:
    return speech(mandarin, "我要订餐")


@pytest.mark.parametrize("rate", [8000, 22050, 44100, 48000])
def test_any_sample_rate_comes_out_at_16k_with_its_length(rate: int) -> None:
    """The wrong sample rate is no error at the door: PyAV resamples it."""
    pcm = decode(_wav(_tone(1.5, rate), rate))
    assert pcm.rate == RATE
    assert pcm.seconds == pytest.approx(1.5, abs=0.02)


def test_stereo_is_mixed_to_mono() -> None:
    stereo = np.repeat(_tone(1.0, 16000), 2)
    assert decode(_wav(stereo, 16000, channels=2)).seconds == pytest.approx(1.0, abs=0.02)


def test_ogg_opus_round_trip_is_a_telegram_voice_note(clip: Pcm) -> None:
    """The encoded reply is OGG/Opus, mono, and decodes to the same length."""
    ogg = to_ogg_opus(clip)
    assert ogg.startswith(b"OggS") and b"OpusHead" in ogg[:100]
    with av.open(io.BytesIO(ogg)) as container:
        stream = container.streams.audio[0]
        assert stream.codec_context.name == "opus"
        assert stream.codec_context.layout.name == "mono"
    assert decode(ogg).seconds == pytest.approx(clip.seconds, abs=0.05)


def test_a_wav_from_the_speech_engine_encodes(mandarin: EspeakTts) -> None:
    wav = mandarin.synthesize("好的").wav()  # 22,050 Hz, as espeak-ng makes it
    assert decode(wav_to_ogg_opus(wav)).seconds > 0.3


def test_mp3_decodes(clip: Pcm) -> None:
    assert decode(_mp3(clip)).seconds == pytest.approx(clip.seconds, abs=0.1)


def test_empty_audio() -> None:
    with pytest.raises(VoiceError) as caught:
        decode(b"")
    assert caught.value.code == "audio-empty"


@pytest.mark.parametrize(
    "data",
    [b"hello, not audio" * 50, bytes(5000), np.random.default_rng(2).bytes(20000), b"RIFF"],
    ids=["text", "zeros", "random", "riff-only"],
)
def test_what_is_not_audio_is_corrupt(data: bytes) -> None:
    with pytest.raises(VoiceError) as caught:
        decode(data)
    assert caught.value.code == "audio-corrupt"


@pytest.mark.parametrize("cut", [0.5, 0.9, 120], ids=["half", "most", "header"])
def test_a_truncated_voice_note_is_corrupt(clip: Pcm, cut: float) -> None:
    """FFmpeg would decode the first half quietly; half a sentence must not reach the NLU."""
    ogg = to_ogg_opus(clip)
    kept = int(len(ogg) * cut) if cut < 1 else int(cut)
    with pytest.raises(VoiceError) as caught:
        decode(ogg[:kept])
    assert caught.value.code == "audio-corrupt"


def test_a_damaged_voice_note_is_corrupt(clip: Pcm) -> None:
    ogg = bytearray(to_ogg_opus(clip))
    ogg[len(ogg) // 2 : len(ogg) // 2 + 400] = bytes(400)
    with pytest.raises(VoiceError) as caught:
        decode(bytes(ogg))
    assert caught.value.code == "audio-corrupt"


def test_a_ten_minute_recording_is_refused_before_decoding_it_all() -> None:
    ten_minutes = _wav(np.zeros(8000 * 600, dtype=np.int16), 8000)
    with pytest.raises(VoiceError) as caught:
        decode(ten_minutes)
    assert caught.value.code == "audio-too-long"


def test_just_over_the_limit_in_a_stream_without_duration_is_refused() -> None:
    """An OGG's length is only known by decoding it: the decoder stops at the limit."""
    long_note = to_ogg_opus(noise(MAX_SECONDS + 2, level=0.01))
    with pytest.raises(VoiceError) as caught:
        decode(long_note)
    assert caught.value.code == "audio-too-long"


def test_more_bytes_than_any_minute_of_audio_are_refused_unopened() -> None:
    """Bytes over MAX_AUDIO_BYTES are refused before the decoder sees them."""
    with pytest.raises(VoiceError) as caught:
        decode(b"RIFF" + bytes(MAX_AUDIO_BYTES))
    assert caught.value.code == "audio-too-long"


def test_error_codes_are_known() -> None:
    with pytest.raises(ValueError):
        VoiceError("no-such-code")
