"""Encode: a spoken reply (WAV or PCM) to OGG/Opus, the only format Telegram's ``sendVoice``
shows as a voice note with a play button."""

from __future__ import annotations

import io

import av
import av.error

from voice.audio import Pcm
from voice.errors import VoiceError

OPUS_RATE = 48_000
BITRATE = 32_000
"""Plenty for speech; a 10 s reply is about 40 KB."""


def to_ogg_opus(pcm: Pcm) -> bytes:
    """``pcm`` (mono 16-bit at any rate) as an OGG/Opus file."""
    if not pcm.data:
        raise VoiceError("encode-failed", "nothing to encode")
    buffer = io.BytesIO()
    try:
        with av.open(buffer, mode="w", format="ogg") as container:
            stream = container.add_stream("libopus", rate=OPUS_RATE)
            stream.layout = "mono"
            stream.bit_rate = BITRATE
            resampler = av.AudioResampler(format="s16", layout="mono", rate=OPUS_RATE)
            frame = av.AudioFrame.from_ndarray(
                pcm.samples().reshape(1, -1), format="s16", layout="mono"
            )
            frame.sample_rate = pcm.rate
            for resampled in [*resampler.resample(frame), *resampler.resample(None)]:
                for packet in stream.encode(resampled):
                    container.mux(packet)
            for packet in stream.encode(None):
                container.mux(packet)
    except (av.error.FFmpegError, ValueError) as exc:
        raise VoiceError("encode-failed", type(exc).__name__) from None
    return buffer.getvalue()


def wav_to_ogg_opus(wav: bytes) -> bytes:
    """A WAV file (any rate, mono) as OGG/Opus."""
    import wave

    try:
        with wave.open(io.BytesIO(wav)) as source:
            if source.getsampwidth() != 2 or source.getnchannels() != 1:
                raise VoiceError("encode-failed", "expects mono 16-bit WAV")
            pcm = Pcm(source.readframes(source.getnframes()), source.getframerate())
    except (wave.Error, EOFError) as exc:
        raise VoiceError("encode-failed", type(exc).__name__) from None
    return to_ogg_opus(pcm)
