"""Speech in and out for zhucan: decode, speech-to-text, text-to-speech, encode.

Each stage is a small contract with engines chosen by name in configuration (``voice.config``),
and every failure is a ``VoiceError`` with a code, so that the dialogue (in ``bot/``) can turn
it into a kind sentence. This package knows nothing of menus, the NLU or the dialogue: the
phrases that make sense now are given to it as data.
"""
