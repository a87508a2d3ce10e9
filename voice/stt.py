"""Speech to text: one contract (``SpeechToText.transcribe``), two engines.

- ``VoskEngine``: a Kaldi model directory per language. Open recognition, or recognition
  restricted at run time to the phrases that make sense now (plus ``[unk]``), which is what
  makes a small model accurate enough for a menu.
- ``WhisperEngine``: faster-whisper on a CTranslate2 Whisper model, for languages without a
  vosk model (Mongolian has a Whisper token and no vosk model). For Mandarin with what is
  expected now it hears against a grammar (``voice.grammar``): Whisper's encoder runs in
  CTranslate2, its decoder in numpy (``voice.whisper_decoder``), and only sentences the
  grammar allows are decoded, scored by how much the audio (over silence) supports them; on
  the espeak-ng round trip this took 28 of 50 sentences to 40. An utterance the grammar
  cannot explain well (a complaint) is heard openly. Without the grammar (other languages,
  ``use_grammar=False``, over 29 s) the older restricted mode runs: every text token that none
  of the phrases uses is suppressed, and the phrases are then matched against the transcript
  by sound (``voice.phrases.snap``, ``Transcript.matched``). Giving the phrases to Whisper as
  its prompt was tried and made it worse: it copied prompt words (三份，二份) into the
  transcript. What it writes in traditional characters is converted to simplified.

Models are loaded once per process and shared (they are large, and loading takes seconds).
Nothing here logs what was said.
"""

from __future__ import annotations

import json
import logging
import math
import re
import threading
import time
from abc import ABC, abstractmethod
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from voice.audio import RATE, Pcm
from voice.decode import MAX_SECONDS
from voice.errors import VoiceError
from voice.grammar import SUPPORT_FLOOR, Expected, Heard, TokenGrammar, search
from voice.phrases import snap
from voice.vad import speech_present
from voice.whisper_decoder import Memory, WhisperDecoder

log = logging.getLogger(__name__)

SILENCE_DBFS = -50.0
"""Below this the loudest 100 ms is silence (a quiet room is about -60 dBFS, speech -30..-10)."""

_TOKENS = re.compile(r"[\u3400-\u9fff]|[^\s\u3400-\u9fff]+")
_HAN_GAP = re.compile(r"(?<=[\u3400-\u9fff]) (?=[\u3400-\u9fff])")


@dataclass(frozen=True)
class Transcript:
    """What an engine heard, and how long hearing it took."""

    text: str
    lang: str
    engine: str
    restricted: bool
    audio_seconds: float
    seconds: float
    whole: bool = False
    """The text is a whole sentence of the grammar (made of the expected phrases already):
    matching it against the phrases again can only spoil it."""
    support: float | None = None
    """How well the audio supported the grammar's best sentence (``Heard.support``), when a
    grammar was tried: what decides between that sentence, hearing openly and asking again."""

    def matched(self, phrases: Sequence[str]) -> str:
        """The text to hand on: a grammar sentence as it is, anything else with the stretches
        that sound like ``phrases`` rewritten as them."""
        return self.text if self.whole or not phrases else snap(self.text, phrases)

    @property
    def real_time_factor(self) -> float:
        return self.seconds / self.audio_seconds if self.audio_seconds else 0.0


class SpeechToText(ABC):
    """An engine for one language. ``transcribe`` checks the audio, recognises, and raises a
    ``VoiceError`` (never a library exception) when there is nothing to hand on."""

    name = "stt"

    def __init__(self, lang: str) -> None:
        self.lang = lang

    def transcribe(self, pcm: Pcm, phrases: Expected | Sequence[str] | None = None) -> Transcript:
        """Recognise ``pcm``; with ``phrases`` (what is expected now, or a plain list of
        sayings), restricted to (or steered towards) them."""
        expected = Expected.of(phrases)
        if pcm.rate != RATE:
            raise VoiceError("audio-wrong-rate", f"{pcm.rate} Hz, expected {RATE}")
        if not pcm.data:
            raise VoiceError("audio-empty")
        if pcm.seconds > MAX_SECONDS:
            raise VoiceError("audio-too-long")
        if pcm.level_dbfs() < SILENCE_DBFS:
            raise VoiceError("audio-silent")
        if not speech_present(pcm):
            raise VoiceError("stt-no-text-recognized", "no speech in the audio")
        started = time.perf_counter()
        try:
            text, whole, support = self._recognize(pcm, expected)
        except VoiceError:
            raise
        except Exception as exc:  # a recogniser bug must not reach the person
            log.exception("%s failed (%s)", self.name, self.lang)
            raise VoiceError("stt-failed", type(exc).__name__) from None
        text = " ".join(text.split())
        if not text:
            raise VoiceError("stt-no-text-recognized")
        took = time.perf_counter() - started
        return Transcript(
            text, self.lang, self.name, bool(expected), pcm.seconds, took, whole, support
        )

    @abstractmethod
    def load(self) -> None:
        """Load the model now (else it loads on first use); ``VoiceError`` if it cannot."""

    @abstractmethod
    def _recognize(self, pcm: Pcm, expected: Expected | None) -> tuple[str, bool, float | None]:
        """The text heard, whether it is a whole sentence of the grammar, and the grammar's
        support for its best sentence (``None``: no grammar was tried)."""


_lock = threading.RLock()  # a loader may load another model (the decoder, the encoder)
_loaded: dict[tuple[str, ...], Any] = {}


def _shared(key: tuple[str, ...], load: Any) -> Any:
    """One model per key per process, loaded under a lock."""
    with _lock:
        if key not in _loaded:
            _loaded[key] = load()
        return _loaded[key]


class VoskEngine(SpeechToText):
    """Kaldi via vosk: one model directory per language."""

    name = "vosk"

    def __init__(self, lang: str, model_dir: Path, *, split_han: bool | None = None) -> None:
        super().__init__(lang)
        self.model_dir = Path(model_dir)
        # Mandarin models list single characters; a dish name becomes a sequence of them.
        self.split_han = lang == "zh" if split_han is None else split_han

    def load(self) -> None:
        self._model()

    def _model(self) -> Any:
        import vosk

        def load() -> Any:
            vosk.SetLogLevel(-2)
            if not (self.model_dir / "am").is_dir() and not (self.model_dir / "conf").is_dir():
                raise VoiceError("stt-model-failed", f"no vosk model in {self.model_dir}")
            try:
                return vosk.Model(str(self.model_dir))
            except Exception as exc:
                raise VoiceError("stt-model-failed", type(exc).__name__) from None

        return _shared(("vosk", str(self.model_dir)), load)

    def grammar(self, phrases: Sequence[str]) -> list[str]:
        """The phrase list as vosk wants it (words separated by spaces), plus ``[unk]``."""
        out: list[str] = []
        for phrase in phrases:
            words = " ".join(_TOKENS.findall(phrase) if self.split_han else phrase.split())
            if words and words not in out:
                out.append(words)
        return [*out, "[unk]"]

    def _recognize(self, pcm: Pcm, expected: Expected | None) -> tuple[str, bool, float | None]:
        import vosk

        model = self._model()
        phrases = expected.phrases if expected else None
        if phrases:
            grammar = json.dumps(self.grammar(phrases), ensure_ascii=False)
            recognizer = vosk.KaldiRecognizer(model, float(RATE), grammar)
        else:
            recognizer = vosk.KaldiRecognizer(model, float(RATE))
        step = RATE  # feed one second at a time, as a stream would
        for start in range(0, len(pcm.data), step * 2):
            recognizer.AcceptWaveform(pcm.data[start : start + step * 2])
        text = str(json.loads(recognizer.FinalResult()).get("text", ""))
        words = [w for w in text.split() if w != "[unk]"]
        return _HAN_GAP.sub("", " ".join(words)), False, None


WHISPER_LANGUAGE = {"zh": "zh", "mn": "mn", "ko": "ko"}
"""Whisper's language tokens for the languages zhucan speaks (Mongolian is ``mn``)."""

KEEP_TEXT = ("，", "。", "？", " ", "的", "和", "了", "吗")
"""Punctuation and small words Whisper may always write in restricted mode."""
SUPPRESS_CACHE = 8
HYPOTHESES = 5
"""Transcripts kept by the restricted beam search, to choose from by the phrases."""
WINDOW_SECONDS = 29.0
"""Whisper hears 30 s at a time; longer utterances go through faster-whisper's own loop."""
MAX_TOKENS = 120
FRAMES_PER_SECOND = 100
"""Log-mel frames a second of audio makes (Whisper's hop is 10 ms); the encoder halves them."""
WINDOW_MARGIN = 2.0
"""Seconds of padding heard after the speech when the encoder is not given the whole 30 s
(with 1 s the decoder sometimes ran on past the speech: 卡里还有多少钱卡里还有多少钱)."""
NO_SPEECH = 0.8


class WhisperEngine(SpeechToText):
    """faster-whisper on a CTranslate2 model: int8, a few threads, beam search, no timestamps."""

    name = "whisper"

    def __init__(
        self,
        lang: str,
        model_dir: Path,
        *,
        threads: int = 2,
        beam: int = 5,
        restrict_tokens: bool = True,
        use_grammar: bool = True,
    ) -> None:
        super().__init__(lang)
        self.restrict_tokens = restrict_tokens
        self.use_grammar = use_grammar
        self._grammars: dict[Expected, TokenGrammar] = {}
        self._tokens: Any = None
        self._grammar_lock = threading.Lock()  # not the model lock: building one is slow
        self._suppressed: dict[frozenset[str], list[int]] = {}
        if lang not in WHISPER_LANGUAGE:
            raise VoiceError("stt-no-model", f"whisper has no token for {lang}")
        self.model_dir = Path(model_dir)
        self.threads = threads
        self.beam = beam

    def load(self) -> None:
        self._model()

    def _model(self) -> Any:
        def load() -> Any:
            from faster_whisper import WhisperModel

            if not (self.model_dir / "model.bin").is_file():
                raise VoiceError("stt-model-failed", f"no model.bin in {self.model_dir}")
            try:
                return WhisperModel(
                    str(self.model_dir),
                    device="cpu",
                    compute_type="int8",
                    cpu_threads=self.threads,
                    num_workers=1,
                )
            except Exception as exc:
                raise VoiceError("stt-model-failed", type(exc).__name__) from None

        return _shared(("whisper", str(self.model_dir), str(self.threads)), load)

    def suppressed(self, phrases: Sequence[str]) -> list[int]:
        """Every ordinary token the phrases do not use (``-1``: Whisper's own list of symbols
        besides); special tokens stay allowed. Kept for the last few phrase sets."""
        key = frozenset(phrases)
        if key not in self._suppressed:
            tokenizer = self._model().hf_tokenizer
            first_special = int(tokenizer.token_to_id("<|endoftext|>"))
            allowed: set[int] = set()
            for text in [*phrases, *KEEP_TEXT]:
                allowed.update(tokenizer.encode(text, add_special_tokens=False).ids)
            if len(self._suppressed) >= SUPPRESS_CACHE:
                self._suppressed.pop(next(iter(self._suppressed)))
            self._suppressed[key] = [-1, *(t for t in range(first_special) if t not in allowed)]
        return self._suppressed[key]

    def _recognize(self, pcm: Pcm, expected: Expected | None) -> tuple[str, bool, float | None]:
        phrases = expected.phrases if expected else None
        short = pcm.seconds <= WINDOW_SECONDS
        support = None
        if expected and self.use_grammar and self.lang == "zh" and short:
            heard = self.hear(pcm, expected)
            support = heard.support if heard is not None else None
            if heard is not None and heard.support >= SUPPORT_FLOOR:
                text = str(self._tokenizer().decode(list(heard.tokens)))
                return said_once(text), True, support
            # outside the grammar (a complaint, a question about health): heard openly, so
            # that the words reach the dialogue rather than the nearest menu sentence
            phrases = None
        if phrases and self.restrict_tokens and short:
            text = self._best_of(pcm, phrases)
        else:
            text = self._transcribe(pcm, phrases)
        if self.lang == "zh":
            text = to_simplified(text)
            if not looks_mandarin(text):
                # what Whisper writes openly for speech it cannot follow: English words, digits
                # with dashes (再说一遍 → 5-4-1-1). Asking again beats guessing from that.
                raise VoiceError("stt-no-text-recognized", "not heard as Mandarin")
        return text.strip(" 。，,.!！?？：:"), False, support

    def _tokenizer(self) -> Any:
        """faster-whisper's tokenizer for this language, transcribing (made once)."""
        if self._tokens is None:
            from faster_whisper.tokenizer import Tokenizer

            self._tokens = Tokenizer(
                self._model().hf_tokenizer,
                True,
                task="transcribe",
                language=WHISPER_LANGUAGE[self.lang],
            )
        return self._tokens

    def _features(self, pcm: Pcm | None, seconds: float | None = None) -> Any:
        """The log-mel features of ``pcm`` (``None``: a second of silence) as a CTranslate2
        batch of one, padded to Whisper's 30 s window, or to ``seconds`` when given."""
        import ctranslate2
        import numpy as np

        model = self._model()
        samples = pcm.floats() if pcm is not None else np.zeros(RATE, dtype=np.float32)
        features = model.feature_extractor(samples)
        frames = model.feature_extractor.nb_max_frames
        if seconds is not None:
            frames = min(frames, 2 * math.ceil(seconds * FRAMES_PER_SECOND / 2))
        features = np.pad(features, ((0, 0), (0, max(0, frames - features.shape[-1]))))
        batch = np.ascontiguousarray(features[None, :, :frames], dtype=np.float32)
        return ctranslate2.StorageView.from_array(batch)

    def _encode(self, pcm: Pcm | None, seconds: float | None = None) -> Any:
        """Whisper's encoder output ``[1, frames / 2, width]`` for ``pcm`` (``None``:
        silence), from CTranslate2, over 30 s or over ``seconds``."""
        return self._model().model.encode(self._features(pcm, seconds), to_cpu=True)

    def _window(self, pcm: Pcm | None) -> float:
        """How much audio the grammar's encoder looks at: the speech and a margin, not
        Whisper's whole 30 s (the audio-context cut of whisper.cpp)."""
        return (pcm.seconds if pcm is not None else 1.0) + WINDOW_MARGIN

    def _decoder(self) -> tuple[WhisperDecoder, Memory]:
        """The numpy decoder and the memory of silence (what the model expects with no
        audio), loaded once per process."""

        def load() -> tuple[WhisperDecoder, Memory]:
            import numpy as np

            decoder = WhisperDecoder(self.model_dir / "model.bin")
            silence = self._encode(None, self._window(None))
            return decoder, decoder.memory(np.asarray(silence)[0])

        return _shared(("whisper-decoder", str(self.model_dir)), load)  # type: ignore[no-any-return]

    def grammar_for(self, expected: Expected) -> TokenGrammar:
        """The Mandarin grammar over ``expected``, as Whisper tokens (kept for the last few;
        voice notes from several chats are heard in worker threads at once)."""
        with self._grammar_lock:
            grammar = self._grammars.get(expected)
            if grammar is None:
                tokenizer = self._tokenizer()
                hf = self._model().hf_tokenizer
                if len(self._grammars) >= SUPPRESS_CACHE:
                    self._grammars.pop(next(iter(self._grammars)))
                grammar = TokenGrammar.mandarin(
                    expected, tokenizer.encode, lambda token: len(hf.id_to_token(token))
                )
                self._grammars[expected] = grammar
            return grammar

    def hear(self, pcm: Pcm, expected: Expected) -> Heard | None:
        """The sentence of the grammar over ``expected`` that the audio supports best."""
        import numpy as np

        tokenizer = self._tokenizer()
        decoder, silence = self._decoder()
        audio = decoder.memory(np.asarray(self._encode(pcm, self._window(pcm)))[0])
        return search(
            decoder,
            [*tokenizer.sot_sequence, tokenizer.no_timestamps],
            tokenizer.eot,
            self.grammar_for(expected),
            audio,
            silence,
            pcm.seconds,
        )

    def _best_of(self, pcm: Pcm, phrases: list[str]) -> str:
        """Restricted mode: beam search within the phrases' tokens, the ``HYPOTHESES`` best
        transcripts kept, and the one that the phrases explain best taken (the model's own
        ranking breaks ties). Whisper's first choice is often a near miss that a later one is
        not (给我许份组许咱 / 给我一份组计算); on a sample of the benchmark's sentences this took
        the round trip from 6 to 10 of 13."""
        from voice.phrases import explained

        tokenizer = self._tokenizer()
        result = self._model().model.generate(
            self._features(pcm),
            [[*tokenizer.sot_sequence, tokenizer.no_timestamps]],
            beam_size=max(self.beam, HYPOTHESES),
            num_hypotheses=HYPOTHESES,
            return_scores=True,
            return_no_speech_prob=True,
            suppress_tokens=self.suppressed(phrases),
            no_repeat_ngram_size=3,
            max_length=MAX_TOKENS,
        )[0]
        if result.no_speech_prob > NO_SPEECH:
            return ""
        hypotheses = [
            (tokenizer.decode(ids), score)
            for ids, score in zip(result.sequences_ids, result.scores, strict=True)
        ]
        if self.lang == "zh":
            hypotheses = [(to_simplified(text), score) for text, score in hypotheses]
        # a shorter hypothesis explained as well is no better: it may have dropped a word
        top = _syllables(hypotheses[0][0])
        best = max(
            hypotheses,
            key=lambda h: (explained(h[0], phrases) * min(1.0, _syllables(h[0]) / top), h[1]),
        )
        return str(best[0])

    def _transcribe(self, pcm: Pcm, phrases: list[str] | None) -> str:
        model = self._model()
        restrict = bool(phrases) and self.restrict_tokens
        segments, _info = model.transcribe(
            pcm.floats(),
            language=WHISPER_LANGUAGE[self.lang],
            beam_size=self.beam,
            without_timestamps=True,
            temperature=0.0,
            condition_on_previous_text=False,
            vad_filter=True,
            no_repeat_ngram_size=3,
            suppress_tokens=self.suppressed(phrases or []) if restrict else [-1],
        )
        return "".join(s.text for s in segments if s.no_speech_prob < NO_SPEECH)


_LATIN_WORD = re.compile(r"[A-Za-z]{2,}")
MANDARIN_SHARE = 0.8
"""Of the letters and digits in an open transcript, at least this share must be Chinese."""


RAN_ON = 4
"""A sentence this long or longer, heard twice in a row, was said once."""


def said_once(text: str) -> str:
    """卡里还有多少钱卡里还有多少钱 → 卡里还有多少钱: the decoder running on past the speech
    repeats the whole sentence; people repeat short words (对对, 不要了不要了), not a sentence."""
    half, odd = divmod(len(text), 2)
    if not odd and half >= RAN_ON and text[:half] == text[half:]:
        return text[:half]
    return text


def looks_mandarin(text: str) -> bool:
    """Whether an open transcript reads as Mandarin at all: some Chinese characters, nearly
    nothing else, and no word in Latin letters."""
    han = sum(1 for c in text if "\u3400" <= c <= "\u9fff")
    other = sum(1 for c in text if c.isalnum() and not "\u3400" <= c <= "\u9fff")
    return han >= 1 and han >= MANDARIN_SHARE * (han + other) and not _LATIN_WORD.search(text)


def _syllables(text: str) -> int:
    return max(1, sum(1 for c in text if "\u3400" <= c <= "\u9fff"))


def to_simplified(text: str) -> str:
    """Traditional characters (which Whisper often writes for Mandarin) as simplified."""
    import zhconv

    return str(zhconv.convert(text, "zh-cn"))
