"""Is anyone speaking? Silero's voice-activity model (the small ONNX file faster-whisper ships
and runs on onnxruntime) tells speech from noise, hum and clatter, so that no engine is asked
to find words in them: a grammar-restricted vosk model otherwise "hears" one of its phrases
in white noise."""

from __future__ import annotations

from voice.audio import Pcm


def speech_present(pcm: Pcm) -> bool:
    """Whether ``pcm`` (16 kHz) holds at least a short stretch of speech."""
    from faster_whisper.vad import VadOptions, get_speech_timestamps

    return bool(get_speech_timestamps(pcm.floats(), VadOptions(min_speech_duration_ms=150)))
