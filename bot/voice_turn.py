"""One voice turn: decode → recognise (against the phrases that make sense now) → the dialogue
→ speak → encode. The same path serves Telegram voice notes and the smart speaker.

The channel gets back what was heard (to show as 我听到的是：…… so that family and staff see a
misunderstanding), the dialogue's reply, and the reply as an OGG/Opus voice note when the
person wants voice replies and their language has a voice (Mongolian has none yet: text only).
Audio that cannot be used (empty, silent, noise, too long, corrupt, a language without a
recogniser) gets a kind sentence instead, the dialogue is not called, and only the error code
is logged. Neither the audio nor what was said is logged or kept.

For Telegram: ``VoiceTurns(dialogue, Voice(VoiceConfig.from_env())).pipeline`` is
``async (person_id, audio, now, *, turn_id=None) -> VoiceReply``; the work runs in a worker
thread so the event loop keeps serving other chats. ``VoiceTurns.handle`` is the same, sync.
"""

from __future__ import annotations

import asyncio
import logging
import time
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from bot.dialogue import Dialogue
from bot.turn import Reply
from menus.catalogue import AGREE_CHOICES, MAIN_CHOICES, MEALS, MODES, YES_NO, choices, say
from menus.clock import local_today
from menus.db import read_only
from menus.menu_store import load_menus
from menus.models import PersonSettings
from menus.scripts import spoken_language
from nlu.vocabulary import spoken_classes_zh
from voice.audio import Pcm, louder
from voice.decode import decode
from voice.encode import to_ogg_opus
from voice.engines import Voice
from voice.errors import VoiceError
from voice.grammar import Expected
from voice.phrases import COMMON_ZH

log = logging.getLogger(__name__)

COMMANDS_ZH = (
    "我要订餐", "今天吃什么", "明天吃什么", "我的订单", "取消订单", "改订单", "再说一遍",
    "卡里还有多少钱", "帮助", "谢谢", "再见", "说蒙古语", "绑定家人", "投诉", "表扬",
    "提醒我订饭", "我要订饭", "有什么菜", "多少钱", "吃什么",
)  # fmt: skip
"""What an elder says to the dialogue, as the phrase matching should know it."""
ANSWERS_ZH = ("对", "不对", "好的", "好", "可以", "行", "是", "不是", "不用了", "算了")
"""Short answers to a yes/no question besides 要/不要."""

MENU_DAYS = 3
"""Dishes on the menus from today for this many days are what an elder may name."""

_KIND_SENTENCE = {
    "audio-too-long": "voice_too_long",
    "stt-no-model": "voice_no_model",
    "stt-model-failed": "voice_failed",
    "stt-failed": "voice_failed",
}


@dataclass
class VoiceReply:
    """What a channel sends back for one voice message.

    ``heard`` is what the dialogue was given (``None`` when nothing usable was heard, then
    ``error`` holds the code); ``reply`` is the dialogue's reply or the kind sentence, in
    ``lang``; ``voice`` is the reply as OGG/Opus, or ``None`` (voice replies off, or no voice
    for the language: send ``reply.text`` only); ``speech`` is the same as PCM for a
    loudspeaker.
    """

    heard: str | None
    reply: Reply
    voice: bytes | None = field(default=None, repr=False)
    speech: Pcm | None = field(default=None, repr=False)
    error: str | None = None
    lang: str = "zh"
    timings: dict[str, float] = field(default_factory=dict)

    @property
    def heard_line(self) -> str | None:
        """我听到的是：…… (in the person's language), or ``None`` when nothing was heard."""
        return say("voice_heard", self.lang, heard=self.heard) if self.heard else None


class VoiceTurns:
    """Voice turns for every person, through one dialogue and one set of voice engines."""

    def __init__(self, dialogue: Dialogue, voice: Voice, *, phrase_matching: bool = True) -> None:
        self.dialogue = dialogue
        self.voice = voice
        self.phrase_matching = phrase_matching

    async def pipeline(
        self, person_id: int, audio: bytes, now: datetime, *, turn_id: str | None = None
    ) -> VoiceReply:
        """The voice turn for a Telegram voice note (runs ``handle`` in a worker thread)."""
        return await asyncio.to_thread(self.handle, person_id, audio, now, turn_id=turn_id)

    def handle(
        self,
        person_id: int,
        audio: bytes,
        now: datetime,
        *,
        turn_id: str | None = None,
        lang: str | None = None,
        speak: bool | None = None,
        phrases: Expected | None = None,
    ) -> VoiceReply:
        """One voice message in, one reply out. ``lang`` overrides the person's language for
        recognition (the reply stays in theirs); ``speak`` overrides their voice-replies
        setting (the speaker always speaks); ``phrases`` replaces what would be expected now
        (benchmarks)."""
        spoken = self.language_of(person_id)  # replies and kind sentences
        lang = lang or spoken_language(spoken)  # what is recognised (one Mongolian, 2 scripts)
        timings: dict[str, float] = {}
        started = time.perf_counter()
        heard: str | None = None
        error: str | None = None
        try:
            pcm = decode(audio)
            del audio  # not kept once decoded
            timings["decode"] = time.perf_counter() - started
            mark = time.perf_counter()
            if phrases is None:
                phrases = self.phrases_now(person_id, now) if lang == "zh" else None
            timings["phrases"] = time.perf_counter() - mark
            mark = time.perf_counter()
            transcript = self.voice.stt(lang).transcribe(pcm, phrases)
            timings["recognize"] = time.perf_counter() - mark
            timings["audio"] = pcm.seconds
            del pcm
            mark = time.perf_counter()
            heard = transcript.text
            if self.phrase_matching and phrases and lang == "zh":
                heard = transcript.matched(phrases.phrases)
            timings["match"] = time.perf_counter() - mark
        except VoiceError as exc:
            error = exc.code
            log.info("voice turn for person %s: %s", person_id, exc.code)
        mark = time.perf_counter()
        if heard is None:
            reply = Reply(say(_KIND_SENTENCE.get(error or "", "voice_not_heard"), spoken))
        else:
            reply = self.dialogue.handle(person_id, heard, now, turn_id=turn_id)
            spoken = self.language_of(person_id)  # "说蒙古语" switches it in this turn
        timings["dialogue"] = time.perf_counter() - mark
        result = VoiceReply(heard, reply, error=error, lang=spoken, timings=timings)
        wanted, rate, volume = self._voice_setting(person_id)
        if wanted if speak is None else speak:
            self._speak(result, rate, volume)
        timings["total"] = time.perf_counter() - started
        return result

    def _speak(self, result: VoiceReply, rate: int | None, volume: int = 100) -> None:
        mark = time.perf_counter()
        try:
            voice = self.voice.tts(spoken_language(result.lang))
            speech = louder(voice.synthesize(result.reply.text, rate=rate), volume)
            result.timings["speak"] = time.perf_counter() - mark
            mark = time.perf_counter()
            result.voice = to_ogg_opus(speech)
            result.speech = speech
            result.timings["encode"] = time.perf_counter() - mark
        except VoiceError as exc:  # the text reply still goes out
            log.info("voice reply not spoken: %s", exc.code)

    # ----------------------------------------------------------------- what the person wants

    def language_of(self, person_id: int) -> str:
        """The language the person talks in now (the conversation's, else their profile's)."""
        return self.dialogue.language(person_id)

    def _voice_setting(self, person_id: int) -> tuple[bool, int | None, int]:
        """Whether to speak, how fast (words a minute, None: the voice's default) and how loud
        (percent), as the person chose by saying so."""
        with read_only(self.dialogue.factory) as session:
            row = session.get(PersonSettings, person_id)
            if row is None:
                return True, None, 100
            return row.voice_replies, row.speech_rate, row.speech_volume or 100

    def phrases_now(self, person_id: int, now: datetime) -> Expected:
        """What makes sense to say now: the dishes on the coming days' menus and their aliases,
        the answers the last reply offered, the commands, numbers, days, meals and yes/no."""
        today = local_today(now)
        dishes: list[str] = []
        with read_only(self.dialogue.factory) as session:
            for offset in range(MENU_DAYS):
                for menu in load_menus(session, None, today + timedelta(days=offset)):
                    for item in menu.items:
                        dishes.extend([item.dish.name, *item.dish.aliases])
        return expected_zh(dishes, self.dialogue.expected_answers(person_id))


def expected_zh(dishes: Iterable[str], shown: Iterable[str] = ()) -> Expected:
    """What a Mandarin speaker may say to the dialogue, given the dishes they may name and the
    choices the last reply offered: the one place that list is made (turns, the CLI and the
    benchmark all use it)."""
    sayings = [*shown, *COMMANDS_ZH, *ANSWERS_ZH]
    for table in (YES_NO, MEALS, MODES, AGREE_CHOICES, MAIN_CHOICES):
        sayings.extend(choices(table, "zh"))
    return Expected(
        dishes=tuple(dict.fromkeys(d for d in dishes if d)),
        sayings=tuple(dict.fromkeys(s for s in sayings if s)),
        words=COMMON_ZH,
        classes=tuple(spoken_classes_zh().items()),
    )
