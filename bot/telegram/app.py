"""The Telegram bot: thin handlers that turn updates into dialogue turns and replies.

Each handler parses the update, runs one turn (the dialogue for registered people, the
registration flow for the rest) in a worker thread so the event loop keeps sending, and renders
the reply with big buttons. Updates are processed concurrently across chats but one at a time
within a chat (``PerChatProcessor``), so an elder's messages are answered in order. Every turn
carries the update's id, so an update Telegram delivers twice acts once.
"""

from __future__ import annotations

import asyncio
import functools
import logging
import threading
import weakref
from collections.abc import Awaitable, Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from datetime import datetime
from enum import Enum
from typing import Any, ParamSpec, Protocol, TypeVar

from sqlalchemy.orm import Session, sessionmaker
from telegram import Bot, InlineKeyboardMarkup, Message, Update
from telegram.ext import (
    Application,
    ApplicationBuilder,
    BaseRateLimiter,
    BaseUpdateProcessor,
    CallbackQueryHandler,
    CommandHandler,
    ContextTypes,
    MessageHandler,
    filters,
)
from telegram.request import BaseRequest

from bot.dialogue import Dialogue
from bot.telegram.channel import CHANNEL, TelegramChannel
from bot.telegram.redelivery import will_come_again
from bot.telegram.registration import Event, Outcome, Registration
from bot.telegram.render import choice_from_callback, render
from bot.telegram.shared_limit import default_rate_limiter
from bot.telegram.turns import Turns
from bot.turn import Reply
from bot.voice_pool.jobs import VoiceJob
from menus.catalogue import lang_buttons, say
from menus.clock import TZ
from menus.db import read_only
from menus.people import person_for_identity
from scheduler.config import SchedulerSettings
from scheduler.service import SchedulerService
from voice.audio import MAX_AUDIO_BYTES

DEPS = "zhucan"
SCHEDULER = "zhucan.scheduler"
"""``bot_data`` key of the in-process ``SchedulerService`` (absent when it is left out)."""
MAX_FILE_BYTES = 5 * 1024 * 1024
"""Menu files are a few kilobytes; anything much larger is refused before downloading."""
HELP_WORD = "帮助"

log = logging.getLogger(__name__)

P = ParamSpec("P")
R = TypeVar("R")


class SpokenAnswer(Protocol):
    """What a voice turn gives back (``bot.voice_turn.VoiceReply``): what was heard, the reply,
    and the reply spoken as OGG/Opus (``None`` when voice replies are off or the language has
    no voice)."""

    @property
    def heard_line(self) -> str | None: ...
    @property
    def reply(self) -> Reply: ...
    @property
    def voice(self) -> bytes | None: ...


class VoicePipeline(Protocol):
    """The voice hook: (person id, OGG/Opus bytes, now, turn id) → the spoken turn's answer
    (``bot.voice_turn.VoiceTurns.pipeline``)."""

    def __call__(
        self, person_id: int, audio: bytes, now: datetime, *, turn_id: str | None = None
    ) -> Awaitable[SpokenAnswer]: ...


class VoiceQueue(Protocol):
    """Where voice notes go when ASR runs on a worker pool (``bot.voice_pool.queue``): the
    webhook only queues them, and tells the person to wait when many are waiting."""

    def submit(self, job: VoiceJob) -> int:
        """Queue the note (once per turn id); how many notes now wait."""
        ...

    def busy(self, waiting: int) -> bool:
        """Whether that many waiting notes deserve a 请稍等."""
        ...


Clock = Callable[[], datetime]


class FromEnv(Enum):
    """The default of ``build_application(scheduler_settings=...)``: ``ZHUCAN_*`` settings."""

    FROM_ENV = "env"


FROM_ENV = FromEnv.FROM_ENV


class UpdateIdsOnly(logging.Filter):
    """Replaces whole updates in PTB's log records by their ids: an update carries what the
    person typed (an address) and shared contacts (a phone)."""

    def filter(self, record: logging.LogRecord) -> bool:
        if isinstance(record.args, tuple) and any(isinstance(a, Update) for a in record.args):
            record.args = tuple(
                f"update #{a.update_id}" if isinstance(a, Update) else a for a in record.args
            )
        elif str(record.msg).startswith("Dropping pending update"):
            record.args = ("(content hidden)",)
        return True


def quiet_personal_logs() -> None:
    """Keep message bodies out of logs: PTB logs every Bot API call's parameters and results
    (texts, contacts' phones, addresses) and the webhook's raw JSON at DEBUG, the application
    logs each whole update at DEBUG, and httpx logs URLs that contain the bot token at INFO."""
    for name in ("telegram.Bot", "telegram.ext.ExtBot", "telegram.ext.Updater"):
        logging.getLogger(name).setLevel(logging.INFO)
    for name in ("httpx", "httpcore"):
        logging.getLogger(name).setLevel(logging.WARNING)
    application = logging.getLogger("telegram.ext.Application")
    if not any(isinstance(f, UpdateIdsOnly) for f in application.filters):
        application.addFilter(UpdateIdsOnly())


@dataclass
class Deps:
    """What every handler needs, kept in ``bot_data`` under ``"zhucan"``."""

    factory: sessionmaker[Session]
    turns: Turns
    registration: Registration
    clock: Clock
    voice_pipeline: VoicePipeline | None = None
    voice_queue: VoiceQueue | None = None
    executor: ThreadPoolExecutor | None = None
    remember: bool = True
    """Keep accounts' persons, languages and registration status in this process's memory.
    Off when several processes share the updates (``zhucan serve``): a registration or a
    language switch handled by another process would leave this one's memory behind."""
    _known: dict[str, tuple[int, str]] = field(default_factory=dict)
    _pending: dict[str, tuple[bool, frozenset[str]]] = field(default_factory=dict)
    _lock: threading.Lock = field(default_factory=threading.Lock)

    async def run(self, call: Callable[P, R], *args: P.args, **kwargs: P.kwargs) -> R:
        """Run store work off the event loop, on the channel's own worker threads."""
        loop = asyncio.get_running_loop()
        return await loop.run_in_executor(self.executor, functools.partial(call, *args, **kwargs))

    def cached(self, account_id: str) -> tuple[int, str] | None:
        """(person id, language) if this process has already looked the account up."""
        return self._known.get(account_id) if self.remember else None

    def person(self, account_id: str) -> tuple[int, str] | None:
        """(person id, language) behind an account, remembered once found: an account's person
        changes only through registration (``forget``) and its language only in a turn that
        says so (``turn``), so a busy bot need not ask the store on every update."""
        known = self.cached(account_id)
        if known is not None:
            return known
        with read_only(self.factory) as session:
            person = person_for_identity(session, CHANNEL, account_id)
            if person is None:
                return None
            found = (person.id, person.lang)
        if self.remember:
            with self._lock:
                self._known[account_id] = found
        return found

    def turn(self, account_id: str, person_id: int, text: str, turn_id: str) -> tuple[Reply, str]:
        """A dialogue turn and the person's language after it (looked up again when the reply
        is in another language than the one remembered: the person switched)."""
        answer = self.turns.handle(person_id, text, self.clock(), turn_id=turn_id)
        known = self.cached(account_id)
        if known is not None and answer.lang is not None and answer.lang != known[1]:
            self.forget(account_id)
        who = self.person(account_id)
        return answer, who[1] if who else "zh"

    def pending_known(self, account_id: str, turn_id: str | None) -> bool | None:
        """``pending`` from memory, or None when the store must be asked."""
        known = self._pending.get(account_id) if self.remember else None
        return None if known is None else known[0] or turn_id in known[1]

    def pending(self, account_id: str, turn_id: str | None = None) -> bool:
        """Whether this turn belongs to registration though the account has a person: a flow
        under way (``/staff``), or a retry of a turn registration answered."""
        known = self._pending.get(account_id) if self.remember else None
        if known is None:
            known = self.registration.status(account_id)
            if self.remember:
                with self._lock:
                    self._pending[account_id] = known
        active, answered = known
        return active or turn_id in answered

    def forget(self, account_id: str) -> None:
        """Drop what is remembered about an account after registration changed it."""
        with self._lock:
            self._known.pop(account_id, None)
            self._pending.pop(account_id, None)


def deps(context: ContextTypes.DEFAULT_TYPE) -> Deps:
    """The typed dependencies of this application."""
    found = context.bot_data[DEPS]
    assert isinstance(found, Deps)
    return found


class PerChatProcessor(BaseUpdateProcessor):
    """Many chats at once, each chat's updates strictly in order (an asyncio lock per chat).

    Why: a slow send to one chat (the per-chat rate limit) must not hold up the others, yet an
    elder who taps two buttons quickly must get the answers in the order tapped.
    """

    def __init__(self, max_concurrent_updates: int = 64) -> None:
        super().__init__(max_concurrent_updates)
        self._locks: weakref.WeakValueDictionary[int, asyncio.Lock] = weakref.WeakValueDictionary()

    async def do_process_update(self, update: object, coroutine: Awaitable[Any]) -> None:
        """Wait for the chat's earlier updates, then handle this one."""
        chat = update.effective_chat if isinstance(update, Update) else None
        if chat is None:
            await coroutine
            return
        lock = self._locks.get(chat.id)
        if lock is None:
            lock = asyncio.Lock()
            self._locks[chat.id] = lock
        async with lock:
            await coroutine

    async def initialize(self) -> None:
        """Nothing to set up."""

    async def shutdown(self) -> None:
        """Nothing to free."""


# ---------------------------------------------------------------------------- helpers


async def _who(d: Deps, account: str) -> tuple[int, str] | None:
    """The account's (person id, language): from memory, else from the store off the loop."""
    return d.cached(account) or await d.run(d.person, account)


def _account(update: Update) -> str:
    user = update.effective_user
    assert user is not None
    return str(user.id)


async def send(context: ContextTypes.DEFAULT_TYPE, chat_id: int, answer: Reply, lang: str) -> None:
    """Send a reply: long texts in pieces, the keyboard with the last one."""
    for piece in render(answer, lang):
        await context.bot.send_message(chat_id, piece.text, reply_markup=piece.markup)


async def _registration(
    update: Update, context: ContextTypes.DEFAULT_TYPE, event: Event, turn_id: str
) -> None:
    """Run one registration step and answer it."""
    d = deps(context)
    account = _account(update)
    who = await _who(d, account)
    outcome: Outcome = await d.run(
        d.registration.handle,
        account,
        event,
        d.clock(),
        turn_id=turn_id,
        person_id=who[0] if who else None,
    )
    d.forget(account)
    answer: Reply = outcome.answer
    if outcome.link_code is not None and outcome.person_id is not None:
        answer = await d.run(
            d.turns.link_family,
            outcome.person_id,
            outcome.link_code,
            "family",
            d.clock(),
            turn_id=turn_id,
        )
    chat = update.effective_chat
    assert chat is not None
    await send(context, chat.id, answer, outcome.lang)


async def _turn(
    update: Update, context: ContextTypes.DEFAULT_TYPE, text: str, turn_id: str
) -> None:
    """A text (typed, or a pressed button) as a dialogue turn, or a registration step."""
    d = deps(context)
    account = _account(update)
    who = await _who(d, account)
    if who is not None:
        pending = d.pending_known(account, turn_id)
        if pending is None:
            pending = await d.run(d.pending, account, turn_id)
    if who is None or pending:
        await _registration(update, context, Event("text", text=text), turn_id)
        return
    answer, lang = await d.run(d.turn, account, who[0], text, turn_id)
    chat = update.effective_chat
    assert chat is not None
    await send(context, chat.id, answer, lang)


# --------------------------------------------------------------------------- handlers


async def on_text(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """A typed message or a reply-keyboard button: one turn."""
    message = update.effective_message
    if message is None or message.text is None:
        return
    await _turn(update, context, message.text, f"tg-{update.update_id}")


async def on_callback(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """An inline button: stop its spinner, then handle the choice's text as a turn."""
    query = update.callback_query
    if query is None:
        return
    await query.answer()
    chat = update.effective_chat
    if chat is None or chat.type != chat.PRIVATE:
        return
    markup = query.message.reply_markup if isinstance(query.message, Message) else None
    inline = markup if isinstance(markup, InlineKeyboardMarkup) else None
    text = choice_from_callback(query.data or "", inline)
    if text is None:
        return
    await _turn(update, context, text, f"tg-cb-{query.id}")


async def on_contact(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """A shared contact: accepted as the sender's phone only if it is the sender's own."""
    message = update.effective_message
    if message is None or message.contact is None or update.effective_user is None:
        return
    contact = message.contact
    own = contact.user_id is not None and contact.user_id == update.effective_user.id
    event = Event("contact", phone=contact.phone_number, own_contact=own)
    await _registration(update, context, event, f"tg-{update.update_id}")


async def on_document(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """A file (staff publish menus as YAML, CSV or Excel .xlsx): downloaded and handed to the
    dialogue."""
    d = deps(context)
    message = update.effective_message
    if message is None or message.document is None or message.chat is None:
        return
    who = await _who(d, _account(update))
    if who is None:
        await send(context, message.chat.id, Reply(say("start_first")), "zh")
        return
    person_id, lang = who
    document = message.document
    refused = Reply(say("file_unreadable", lang), lang=lang)
    if document.file_size is not None and document.file_size > MAX_FILE_BYTES:
        await send(context, message.chat.id, refused, lang)
        return
    telegram_file = await context.bot.get_file(document.file_id)
    data = bytes(await telegram_file.download_as_bytearray())
    if len(data) > MAX_FILE_BYTES:  # the size in the message was missing or wrong
        await send(context, message.chat.id, refused, lang)
        return
    answer = await d.run(
        d.turns.handle_file,
        person_id,
        document.file_name or "menu",
        data,
        d.clock(),
        turn_id=f"tg-{update.update_id}",
    )
    await send(context, message.chat.id, answer, lang)


async def send_spoken(bot: Bot, chat_id: int, spoken: SpokenAnswer, lang: str) -> None:
    """A voice turn's answer: what was heard (我听到的是：…… lets family and staff see a
    misunderstanding), the reply as text, then spoken when there is a voice."""
    if spoken.heard_line:
        await bot.send_message(chat_id, spoken.heard_line)
    for piece in render(spoken.reply, lang):
        await bot.send_message(chat_id, piece.text, reply_markup=piece.markup)
    if spoken.voice is not None:
        await bot.send_voice(chat_id, voice=spoken.voice)


async def _queue_voice(
    update: Update, context: ContextTypes.DEFAULT_TYPE, queue: VoiceQueue, who: tuple[int, str]
) -> None:
    """Hand the note to the ASR pool (its file id and turn id only); 请稍等 when many wait."""
    d = deps(context)
    message = update.effective_message
    assert message is not None and message.voice is not None
    job = VoiceJob(
        turn_id=f"tg-{update.update_id}",
        chat_id=message.chat.id,
        person_id=who[0],
        lang=who[1],
        file_id=message.voice.file_id,
        file_size=message.voice.file_size,
        arrived=d.clock(),
    )
    waiting = await d.run(queue.submit, job)
    if queue.busy(waiting):
        await context.bot.send_message(message.chat.id, say("voice_wait", who[1]))


async def on_voice(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """A voice note: queued for the ASR pool, or through the voice pipeline in this process,
    else a polite note to type."""
    d = deps(context)
    message = update.effective_message
    if message is None or message.voice is None:
        return
    who = await _who(d, _account(update))
    lang = who[1] if who else "zh"
    if (d.voice_pipeline is None and d.voice_queue is None) or who is None:
        await send(context, message.chat.id, Reply(say("voice_off", lang), lang=lang), lang)
        return
    too_long = Reply(say("voice_too_long", lang), lang=lang)
    if (message.voice.file_size or 0) > MAX_AUDIO_BYTES:  # refused before downloading
        await send(context, message.chat.id, too_long, lang)
        return
    if d.voice_queue is not None:
        await _queue_voice(update, context, d.voice_queue, who)
        return
    assert d.voice_pipeline is not None
    telegram_file = await context.bot.get_file(message.voice.file_id)
    if (telegram_file.file_size or 0) > MAX_AUDIO_BYTES:
        await send(context, message.chat.id, too_long, lang)
        return
    audio = bytes(await telegram_file.download_as_bytearray())
    if len(audio) > MAX_AUDIO_BYTES:  # the sizes given were missing or wrong
        await send(context, message.chat.id, too_long, lang)
        return
    spoken = await d.voice_pipeline(who[0], audio, d.clock(), turn_id=f"tg-{update.update_id}")
    await send_spoken(context.bot, message.chat.id, spoken, lang)


async def on_start(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """/start: registration (language first), or a greeting for a known account."""
    await _registration(update, context, Event("start"), f"tg-{update.update_id}")


async def on_staff(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """/staff: link the account to canteen staff, checked by the shared phone."""
    await _registration(update, context, Event("staff"), f"tg-{update.update_id}")


async def on_link(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """/link CODE: become a family member of the elder who gave the code."""
    code = " ".join(context.args or [])
    await _registration(update, context, Event("link", text=code), f"tg-{update.update_id}")


async def on_lang(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """/lang: the language buttons (a registered person's press goes to the dialogue)."""
    d = deps(context)
    who = await _who(d, _account(update))
    if who is None:
        await _registration(update, context, Event("lang"), f"tg-{update.update_id}")
        return
    chat = update.effective_chat
    assert chat is not None
    buttons = Reply(say("ask_lang", who[1]), list(lang_buttons()), inline=True, lang=who[1])
    await send(context, chat.id, buttons, who[1])


async def on_help(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """/help: what one can say (the dialogue's help), or how to register."""
    d = deps(context)
    message = update.effective_message
    if message is None:
        return
    if await _who(d, _account(update)) is None:
        await send(context, message.chat.id, Reply(say("help_new")), "zh")
        return
    await _turn(update, context, HELP_WORD, f"tg-{update.update_id}")


async def on_error(update: object, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Log what failed (its type and the update id only: no message content) and apologise,
    unless Telegram will deliver the update again (``bot.telegram.redelivery``)."""
    error = context.error
    update_id = update.update_id if isinstance(update, Update) else None
    log.error("update %s failed: %s", update_id, type(error).__name__, exc_info=error)
    if will_come_again(error):  # the person hears the answer when the redelivery succeeds
        return
    if isinstance(update, Update) and update.effective_chat is not None:
        try:
            await context.bot.send_message(update.effective_chat.id, say("error"))
        except Exception:  # the channel itself is down; the log line above is enough
            log.warning("could not apologise for update %s", update_id)


# ------------------------------------------------------------------------ the application


def build_application(
    token: str,
    factory: sessionmaker[Session],
    *,
    base_url: str | None = None,
    base_file_url: str | None = None,
    request: BaseRequest | None = None,
    get_updates_request: BaseRequest | None = None,
    now: datetime | Clock | None = None,
    turns: Turns | None = None,
    rate_limiter: BaseRateLimiter[Any] | None = None,
    voice_pipeline: VoicePipeline | None = None,
    voice_queue: VoiceQueue | None = None,
    max_concurrent_updates: int = 64,
    store_workers: int | None = None,
    scheduler_settings: SchedulerSettings | FromEnv | None = FROM_ENV,
    remember: bool = True,
) -> Application[Any, Any, Any, Any, Any, Any]:
    """The bot, wired to the store: handlers, per-chat ordering, rate limits, the scheduler.

    ``now`` fixes the moment (a datetime) or supplies it (a callable) for tests and demos;
    ``rate_limiter`` defaults to Telegram's limits (pass another, e.g. a generous one, for a
    benchmark); ``turns`` defaults to the shared dialogue on ``factory``; ``voice_queue`` hands
    voice notes to the ASR pool (``zhucan serve``), ``voice_pipeline`` hears them in this
    process (``zhucan telegram``). With
    ``store_workers`` threads run the dialogue and the store (default: one on SQLite, where
    every transaction takes the write lock and more threads only wait on each other and the
    GIL; four on PostgreSQL).

    The scheduler (``scheduler.service.SchedulerService``: the timed jobs and the one outbox
    sender, delivering through ``TelegramChannel``) runs in the application's own APScheduler,
    PTB's ``JobQueue`` (one scheduler per process): it starts with ``Application.start`` and
    stops with ``Application.stop``, which lets a running sweep finish its round. Its clock is
    the application's. ``scheduler_settings`` defaults to ``SchedulerSettings.from_env()``;
    ``None`` leaves the scheduler out (a separate ``zhucan scheduler run`` does the work, or a
    test does not want it). ``remember=False`` keeps nothing about accounts in memory (every
    update asks the store): for several processes sharing one bot's updates.
    """
    quiet_personal_logs()
    settings = (
        SchedulerSettings.from_env() if scheduler_settings is FROM_ENV else scheduler_settings
    )
    builder: ApplicationBuilder[Any, Any, Any, Any, Any, Any] = ApplicationBuilder().token(token)
    if settings is None:
        builder = builder.job_queue(None)
    if base_url is not None:
        builder = builder.base_url(base_url)
    if base_file_url is not None:
        builder = builder.base_file_url(base_file_url)
    if request is not None:
        builder = builder.request(request)
    if get_updates_request is not None:
        builder = builder.get_updates_request(get_updates_request)
    limiter: Any = rate_limiter or default_rate_limiter(token)  # PTB types the argument as None
    builder = builder.rate_limiter(limiter)
    builder = builder.concurrent_updates(PerChatProcessor(max_concurrent_updates))
    clock: Clock
    if now is None:
        clock = lambda: datetime.now(TZ)  # noqa: E731
    elif isinstance(now, datetime):
        fixed = now
        clock = lambda: fixed  # noqa: E731
    else:
        clock = now
    app = builder.build()
    bind = factory.kw.get("bind")
    sqlite = bind is not None and bind.dialect.name == "sqlite"
    workers = store_workers or (1 if sqlite else 4)
    app.bot_data[DEPS] = d = Deps(
        executor=ThreadPoolExecutor(workers, thread_name_prefix="zhucan-store"),
        factory=factory,
        turns=turns or Dialogue(factory),
        registration=Registration(factory, CHANNEL),
        clock=clock,
        voice_pipeline=voice_pipeline,
        voice_queue=voice_queue,
        remember=remember,
    )
    # New messages in private chats only: an edited message is not a new turn (editing 要
    # must not act again), and groups would show one elder's order to everyone in them.
    private = filters.ChatType.PRIVATE & filters.UpdateType.MESSAGE
    for command, callback in (
        ("start", on_start),
        ("staff", on_staff),
        ("link", on_link),
        ("lang", on_lang),
        ("help", on_help),
    ):
        app.add_handler(CommandHandler(command, callback, filters=private))
    app.add_handler(CallbackQueryHandler(on_callback))
    app.add_handler(MessageHandler(private & filters.CONTACT, on_contact))
    app.add_handler(MessageHandler(private & filters.Document.ALL, on_document))
    app.add_handler(MessageHandler(private & filters.VOICE, on_voice))
    app.add_handler(MessageHandler(private & filters.TEXT & ~filters.COMMAND, on_text))
    app.add_error_handler(on_error)
    if settings is not None:
        assert app.job_queue is not None  # PTB makes one: APScheduler is a dependency
        channel = TelegramChannel(app.bot, factory, run=d.run)
        service = SchedulerService(factory, channel, settings, wall=clock)
        service.attach(app.job_queue.scheduler)
        app.bot_data[SCHEDULER] = service
    return app
