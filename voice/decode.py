"""Decode: any audio a channel receives (Telegram's OGG/Opus voice notes, WAV, MP3, …) to the
16 kHz mono PCM the recognisers want, in one PyAV pass that also resamples.

Bad input never escapes as a library exception: nothing at all is ``audio-empty``, anything
PyAV cannot read (or that breaks off mid-stream) is ``audio-corrupt``, and a recording over the
limit is ``audio-too-long``, refused before most of it is decoded.
"""

from __future__ import annotations

import io
import logging

import av
import av.error

from voice.audio import MAX_AUDIO_BYTES, RATE, Pcm
from voice.errors import VoiceError

log = logging.getLogger(__name__)

MAX_SECONDS = 60.0
"""Longest utterance accepted: an elder's request fits; a pocket recording does not."""


def decode(data: bytes, *, max_seconds: float = MAX_SECONDS) -> Pcm:
    """The audio in ``data`` (any container PyAV knows) as 16 kHz mono 16-bit PCM."""
    if not data:
        raise VoiceError("audio-empty")
    if len(data) > MAX_AUDIO_BYTES:  # callers check before reading; this bounds the decoder
        raise VoiceError("audio-too-long", f"{len(data):,} bytes")
    if data.startswith(b"OggS"):
        _check_ogg_pages(data)
    limit = int(max_seconds * RATE) * 2
    chunks: list[bytes] = []
    size = 0
    try:
        with av.open(io.BytesIO(data), mode="r") as container:
            if not container.streams.audio:
                raise VoiceError("audio-corrupt", "no audio stream")
            if container.duration is not None and container.duration / 1e6 > max_seconds + 0.5:
                raise VoiceError("audio-too-long")
            stream = container.streams.audio[0]
            resampler = av.AudioResampler(format="s16", layout="mono", rate=RATE)
            for frame in container.decode(stream):
                for out in resampler.resample(frame):
                    chunk = bytes(out.planes[0])[: out.samples * 2]
                    chunks.append(chunk)
                    size += len(chunk)
                if size > limit:
                    raise VoiceError("audio-too-long")
            for out in resampler.resample(None):
                chunks.append(bytes(out.planes[0])[: out.samples * 2])
    except VoiceError:
        raise
    except (av.error.FFmpegError, ValueError, IndexError, OSError) as exc:
        log.info("audio could not be decoded: %s", type(exc).__name__)
        raise VoiceError("audio-corrupt", type(exc).__name__) from None
    pcm = Pcm(b"".join(chunks))
    if pcm.seconds > max_seconds:
        raise VoiceError("audio-too-long")
    if not pcm.data:
        raise VoiceError("audio-empty", "no samples decoded")
    return pcm


def _crc_table() -> list[int]:
    table = []
    for byte in range(256):
        crc = byte << 24
        for _ in range(8):
            crc = ((crc << 1) ^ 0x04C11DB7) if crc & 0x80000000 else crc << 1
        table.append(crc & 0xFFFFFFFF)
    return table


_CRC_TABLE = _crc_table()


def _ogg_crc(page: bytes) -> int:
    """The Ogg page checksum (CRC-32, polynomial 0x04C11DB7, unreflected, initial 0)."""
    crc = 0
    table = _CRC_TABLE
    for byte in page:
        crc = ((crc << 8) & 0xFFFFFFFF) ^ table[(crc >> 24) ^ byte]
    return crc


def _check_ogg_pages(data: bytes) -> None:
    """Walk the Ogg pages: each must follow the last exactly, carry its right checksum, and the
    final one must close the stream. FFmpeg quietly resynchronises over damage and stops at a
    cut, which would hand the recogniser half a sentence; such a voice note is refused."""
    offset, last_flags = 0, 0
    while offset < len(data):
        header = data[offset : offset + 27]
        if len(header) < 27 or header[:4] != b"OggS":
            raise VoiceError("audio-corrupt", "damaged Ogg page")
        segments = header[26]
        table = data[offset + 27 : offset + 27 + segments]
        if len(table) < segments:
            raise VoiceError("audio-corrupt", "truncated Ogg page")
        end = offset + 27 + segments + sum(table)
        if end > len(data):
            raise VoiceError("audio-corrupt", "truncated Ogg page")
        page = bytearray(data[offset:end])
        stored = int.from_bytes(page[22:26], "little")
        page[22:26] = b"\0\0\0\0"
        if _ogg_crc(bytes(page)) != stored:
            raise VoiceError("audio-corrupt", "damaged Ogg page")
        last_flags, offset = header[5], end
    if not last_flags & 0x04:
        raise VoiceError("audio-corrupt", "Ogg stream breaks off before its end")
