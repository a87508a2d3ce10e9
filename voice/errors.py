"""Errors of the voice stages, each with a stable code (as Home Assistant's Assist pipeline
does), so that a channel can answer with a kind sentence and the log can say what went wrong
without ever holding the audio or what was said."""

from __future__ import annotations

CODES = {
    "audio-empty": "no audio at all",
    "audio-too-long": "longer than the limit (60 s)",
    "audio-corrupt": "not audio that can be decoded (corrupt or truncated file)",
    "audio-wrong-rate": "PCM at another sample rate than the engine expects",
    "audio-silent": "only silence",
    "stt-no-text-recognized": "nothing recognised",
    "stt-no-model": "no speech-to-text engine configured for this language",
    "stt-model-failed": "the configured model could not be loaded",
    "stt-failed": "the recogniser failed",
    "tts-no-voice": "no text-to-speech engine configured for this language",
    "tts-failed": "speech synthesis failed or produced an incomplete file",
    "encode-failed": "the reply could not be encoded",
    "fetch-failed": "a model download failed or did not match its checksum",
}


class VoiceError(Exception):
    """A voice stage failed in a way the person can be told about (by its ``code``)."""

    def __init__(self, code: str, detail: str = "") -> None:
        if code not in CODES:
            raise ValueError(f"unknown voice error code {code!r}")
        self.code = code
        self.detail = detail
        super().__init__(f"{code}: {detail or CODES[code]}")
