"""The one audio shape every stage agrees on: 16 kHz mono signed 16-bit PCM."""

from __future__ import annotations

import io
import wave
from dataclasses import dataclass

import numpy as np
from numpy.typing import NDArray

RATE = 16_000
"""Sample rate every recogniser is given (vosk and Whisper models are trained at 16 kHz)."""

MAX_AUDIO_BYTES = 20 * 1024 * 1024
"""Largest recording read at all: a minute (the longest utterance heard) of 48 kHz stereo
16-bit WAV is 11 MB, of anything compressed far less; 20 MB is also what Telegram lets a bot
download. Checked before a file or a download is read whole, and again by ``decode``."""


@dataclass(frozen=True)
class Pcm:
    """Mono signed 16-bit little-endian samples at ``rate`` Hz."""

    data: bytes
    rate: int = RATE

    @property
    def seconds(self) -> float:
        return len(self.data) / 2 / self.rate

    def samples(self) -> NDArray[np.int16]:
        return np.frombuffer(self.data, dtype="<i2")

    def floats(self) -> NDArray[np.float32]:
        """Samples in [-1, 1), as Whisper wants them."""
        return self.samples().astype(np.float32) / 32768.0

    def level_dbfs(self) -> float:
        """Loudness of the loudest 100 ms (dBFS): tells silence from speech cheaply."""
        samples = self.samples().astype(np.float64)
        window = max(1, self.rate // 10)
        if samples.size == 0:
            return -120.0
        frames = samples[: samples.size - samples.size % window].reshape(-1, window)
        if frames.size == 0:
            frames = samples.reshape(1, -1)
        rms = float(np.sqrt((frames**2).mean(axis=1)).max())
        return -120.0 if rms <= 0 else 20 * float(np.log10(rms / 32768.0))

    def wav(self) -> bytes:
        """The samples as a WAV file."""
        buffer = io.BytesIO()
        with wave.open(buffer, "wb") as out:
            out.setnchannels(1)
            out.setsampwidth(2)
            out.setframerate(self.rate)
            out.writeframes(self.data)
        return buffer.getvalue()


def louder(pcm: Pcm, percent: int) -> Pcm:
    """The speech ``percent`` of its loudness (150: half again as loud), peaks clipped rather
    than wrapped; 100 or less returns it as it is (说大声点 only ever raises it)."""
    if percent <= 100:
        return pcm
    scaled = pcm.samples().astype(np.int32) * percent // 100
    return Pcm(np.clip(scaled, -32768, 32767).astype("<i2").tobytes(), pcm.rate)
