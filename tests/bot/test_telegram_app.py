"""The Telegram bot on a fake Bot API: what elders, family and staff see, and what is stored.

Updates go in through ``Application.process_update`` (as in PTB's own tests); every Bot API call
the bot makes is recorded by the fake and asserted on, together with the store.
"""

from __future__ import annotations

import asyncio
import time
from datetime import datetime
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session, sessionmaker
from telegram import Update

from bot.dialogue import Dialogue
from bot.telegram.app import PerChatProcessor
from bot.telegram.ratelimit import RateLimiter
from bot.turn import Reply as Answer
from bot.voice_turn import VoiceTurns
from menus import catalogue as replies
from menus.db import unit_of_work
from menus.errors import DomainError
from menus.links import issue_code
from menus.models import ElderProfile, Identity, LinkCode, Order, OutboxMessage, Person
from tests.bot.fake_telegram import (
    DATE,
    callback_update,
    contact_update,
    document_update,
    text_update,
    voice_update,
)
from tests.bot.telegram_harness import Harness, buttons
from tests.conftest import BEFORE_LUNCH, SMALL_MENU
from tests.messages import TELEGRAM_MN as MN
from tests.messages import TELEGRAM_ZH as ZH
from tests.voice.conftest import clips, voice
from voice.audio import MAX_AUDIO_BYTES
from voice.encode import wav_to_ogg_opus
from voice.engines import Voice

ELDER = 1001

__all__ = ["clips", "voice"]  # session fixtures shared with tests/voice


async def order_to_read_back(tg: Harness) -> dict[str, Any]:
    """An elder orders rice (served at lunch and dinner) for lunch, to pick up; the read-back
    message."""
    tg.identify("王秀兰", ELDER)
    await tg.feed(text_update(1, ELDER, "我要订餐"))
    assert tg.last()["text"] == replies.say("ask_dish")
    await tg.feed(text_update(2, ELDER, "米饭"))
    asked = tg.last()
    assert asked["text"] == replies.say("ask_meal")
    assert buttons(asked["reply_markup"]) == ["中午", "晚上"]
    assert "inline_keyboard" in asked["reply_markup"]  # answers to this one question
    await tg.feed(text_update(3, ELDER, "中午"), text_update(4, ELDER, "自己去拿"))
    return tg.last()


async def test_an_order_is_stored_before_the_reply_that_says_so(tg: Harness) -> None:
    orders_when_sent: list[tuple[str, int]] = []
    tg.fake.observer = lambda method, params: orders_when_sent.append(
        (str(params.get("text", method)), tg.orders())
    )
    read_back = await order_to_read_back(tg)
    assert "米饭一份" in read_back["text"] and read_back["text"].endswith("要订吗？")
    keyboard = read_back["reply_markup"]["inline_keyboard"]
    assert [[b["text"] for b in row] for row in keyboard] == [["要", "不要"]]
    assert [b["callback_data"] for b in keyboard[0]] == ["要", "不要"]
    assert tg.orders() == 0

    press = callback_update(5, ELDER, "cbq-1", "要", read_back["reply_markup"])
    await tg.feed(press)
    assert tg.fake.sent("answerCallbackQuery") == [{"callback_query_id": "cbq-1"}]
    placed = tg.last()
    assert placed["text"].startswith("订好了")
    assert buttons(placed["reply_markup"]) == ["今天菜单", "我要订餐", "我的订单", "再说一遍"]
    assert placed["reply_markup"]["is_persistent"] is True
    assert (placed["text"], 1) in orders_when_sent  # the order existed when this was sent
    assert tg.orders() == 1


async def test_an_update_delivered_twice_acts_once(tg: Harness) -> None:
    read_back = await order_to_read_back(tg)
    yes = text_update(5, ELDER, "要")
    await tg.feed(yes, yes)
    assert tg.orders() == 1
    first, second = tg.fake.texts()[-2:]
    assert first == second and first.startswith("订好了")
    press = callback_update(6, ELDER, "cbq-9", "要", read_back["reply_markup"])
    await tg.feed(press, press)
    assert tg.orders() == 1


async def test_a_long_choice_travels_as_its_position(tg: Harness) -> None:
    """Callback data holds 64 bytes; a longer choice is found again from the message's keys."""
    tg.identify("王秀兰", ELDER)
    long_choice = "好" * 30
    markup = {
        "inline_keyboard": [
            [{"text": "要", "callback_data": "要"}, {"text": long_choice, "callback_data": "#1"}]
        ]
    }
    await tg.feed(callback_update(1, ELDER, "cbq-2", "#1", markup))
    assert tg.fake.sent("answerCallbackQuery")
    assert tg.fake.texts()  # answered as a turn (the dialogue did not understand it)


async def test_mongolian_elders_get_mongolian_buttons(tg: Harness) -> None:
    tg.identify("巴特尔", 1005)
    await tg.feed(text_update(1, 1005, MN["btn_order"]))
    reply = tg.last()
    assert reply["text"] == replies.say("ask_dish", "mn")
    assert buttons(reply["reply_markup"]) == [MN[k] for k in MN if k.startswith("btn_")]


async def test_a_new_elder_registers_step_by_step(tg: Harness) -> None:
    uid = 2001
    await tg.feed(text_update(1, uid, "/start"))
    assert tg.last()["text"] == ZH["ask_lang"]
    assert buttons(tg.last()["reply_markup"]) == ["中文", "ᠮᠣᠩᠭᠣᠯ", "Монгол"]
    await tg.feed(text_update(2, uid, "中文"))
    assert tg.last()["text"] == ZH["ask_name"]
    await tg.feed(text_update(3, uid, "张大妈"))
    button = tg.last()["reply_markup"]["keyboard"][0][0]
    assert button == {"text": ZH["phone_button"], "request_contact": True}
    await tg.feed(text_update(4, uid, "13812345678"))  # typed: the button is needed
    assert tg.last()["text"] == ZH["press_contact"]
    await tg.feed(contact_update(5, uid, "13812345678", owner=9999))  # someone else's
    assert tg.last()["text"] == ZH["not_own_contact"]
    await tg.feed(contact_update(6, uid, "+86 138 1234 5678", owner=uid))
    assert tg.last()["text"] == ZH["ask_address"]
    address = text_update(7, uid, "海东路社区12号楼3单元")
    await tg.feed(address, address)  # delivered twice: one person, the same answer twice
    assert tg.fake.texts()[-2:] == [ZH["registered"].format(name="张大妈")] * 2
    with tg.factory() as session:
        identity = session.scalars(select(Identity).where(Identity.account_id == str(uid))).one()
        person = session.get(Person, identity.person_id)
        assert person is not None and person.elder is not None
        assert (person.kind, person.name, person.phone, person.lang) == (
            "elder",
            "张大妈",
            "13812345678",
            "zh",
        )
        profile: ElderProfile = person.elder
        assert (profile.community, profile.region) == ("海东路社区", "150102")
    await tg.feed(text_update(8, uid, "我要订餐"))
    assert tg.last()["text"] == replies.say("ask_dish")


async def test_a_known_phone_attaches_the_account_to_that_person(tg: Harness) -> None:
    with tg.factory() as session:
        people = session.scalar(select(func.count()).select_from(Person))
    uid = 2002
    await tg.feed(
        text_update(1, uid, "你好"),  # any first message starts registration
        text_update(2, uid, "ᠮᠣᠩᠭᠣᠯ"),
        text_update(3, uid, "王秀兰"),
        contact_update(4, uid, "8613904710001", owner=uid),
    )
    assert tg.fake.texts()[0] == ZH["ask_lang"]
    assert tg.last()["text"] == MN["welcome_back"].format(name="王秀兰")
    assert buttons(tg.last()["reply_markup"])[0] == MN["btn_menu"]
    with tg.factory() as session:
        assert session.scalar(select(func.count()).select_from(Person)) == people
        identity = session.scalars(select(Identity).where(Identity.account_id == str(uid))).one()
        person = session.get(Person, identity.person_id)
        assert person is not None and person.name == "王秀兰" and person.lang == "mn"
    await tg.feed(text_update(5, uid, "/start"))
    assert tg.last()["text"] == MN["already_registered"].format(name="王秀兰")


async def test_staff_are_linked_only_by_a_staff_phone(tg: Harness) -> None:
    await tg.feed(text_update(1, 3001, "/staff"))
    assert tg.last()["reply_markup"]["keyboard"][0][0]["request_contact"] is True
    await tg.feed(contact_update(2, 3001, "13704710003", owner=3001))
    assert tg.last()["text"] == ZH["staff_linked"].format(name="张建国")
    await tg.feed(text_update(3, 3002, "/staff"), contact_update(4, 3002, "13904710002", 3002))
    assert tg.last()["text"] == ZH["staff_refused"]
    with tg.factory() as session:
        accounts = set(session.scalars(select(Identity.account_id)))
    assert accounts == {"3001"}


async def test_staff_publish_a_menu_file_they_send(tg: Harness) -> None:
    tg.identify("张建国", 3001)
    data = SMALL_MENU.read_bytes()
    tg.fake.add_file("doc-1", "documents/file_1.yaml", data)
    await tg.feed(document_update(1, 3001, "doc-1", "small_menu.yaml", len(data)))
    assert tg.fake.sent("getFile") == [{"file_id": "doc-1"}]
    preview = tg.last()
    assert preview["text"].startswith("菜单文件没问题：测试社区老年食堂")
    assert buttons(preview["reply_markup"]) == ["发布", "不发布"]
    await tg.feed(callback_update(2, 3001, "cbq-p", "发布", preview["reply_markup"]))
    assert tg.last()["text"].startswith("发布好了")


NEGATIVE_PRICE = SMALL_MENU.read_text(encoding="utf-8").replace("price: 12.0", "price: -3")
PORK_LINE = NEGATIVE_PRICE.splitlines().index("  - name: 红烧肉") + 1
"""A menu file with one problem (红烧肉 costs -3 yuan), and the line its dish starts on."""


async def send_negative_price(tg: Harness, account: int) -> str:
    """The staff member at ``account`` sends the file with a negative price; the reply."""
    data = NEGATIVE_PRICE.encode()
    tg.fake.add_file("doc-bad", "documents/bad.yaml", data)
    await tg.feed(document_update(1, account, "doc-bad", "week.yaml", len(data)))
    return str(tg.last()["text"])


async def test_staff_get_a_menu_files_problems_in_mandarin(tg: Harness) -> None:
    """Canteen staff read the problem in Mandarin, not the operators' English."""
    tg.identify("张建国", 3001)
    text = await send_negative_price(tg, 3001)
    problem = f"week.yaml 第{PORK_LINE}行：dishes[0]（红烧肉）的价格不能是负数。"
    assert text == replies.say("menu_file_problems", count=1, problems="\n1. " + problem)
    assert "must not be negative" not in text and "price" not in text


async def test_staff_writing_cyrillic_get_the_list_in_their_script(tg: Harness) -> None:
    """The list is said in the staff member's language: the sentence around it in Cyrillic
    Mongolian; the problems in Mandarin (the catalogue's fallback) until they are written in
    Mongolian, never in English."""
    person_id = tg.identify("张建国", 3001)
    with unit_of_work(tg.factory) as session:
        staff = session.get(Person, person_id)
        assert staff is not None
        staff.lang = "mn-Cyrl"
    text = await send_negative_price(tg, 3001)
    problem = f"week.yaml 第{PORK_LINE}行：dishes[0]（红烧肉）的价格不能是负数。"
    expected = replies.say("menu_file_problems", "mn-Cyrl", count=1, problems="\n1. " + problem)
    assert text == expected
    assert "must not be negative" not in text


async def test_elders_cannot_publish_menus(tg: Harness) -> None:
    tg.identify("王秀兰", ELDER)
    tg.fake.add_file("doc-2", "documents/file_2.yaml", b"menus: []")
    await tg.feed(document_update(1, ELDER, "doc-2", "menu.yaml", 9))
    assert tg.last()["text"] == replies.say("staff_only")


async def test_voice_is_politely_declined_until_a_pipeline_is_configured(
    shop: sessionmaker[Session],
) -> None:
    tg = Harness(shop, BEFORE_LUNCH, voice_pipeline=None)
    async with tg.app:
        tg.identify("王秀兰", ELDER)
        tg.fake.add_file("v-1", "voice/file_2.oga", b"OggS-fake-opus")
        await tg.feed(voice_update(1, ELDER, "v-1"))
        assert tg.last()["text"] == ZH["voice_off"]


async def test_a_voice_note_is_heard_answered_and_spoken_back(
    shop: sessionmaker[Session], voice: Voice, clips: dict[str, bytes]
) -> None:
    """The real voice turn behind the real application: espeak-ng's 我的订单 as a voice note;
    the bot says what it heard, answers, and sends the answer as a voice note (OGG/Opus)."""
    turns = VoiceTurns(Dialogue(shop), voice)
    tg = Harness(shop, BEFORE_LUNCH, voice_pipeline=turns.pipeline)
    async with tg.app:
        tg.identify("刘德福", ELDER)
        tg.fake.add_file("v-2", "voice/file_3.oga", wav_to_ogg_opus(clips["我的订单"]))
        await tg.feed(voice_update(1, ELDER, "v-2"))
        texts = [m["text"] for m in tg.fake.sent()]
        assert texts[-2:] == ["我听到的是：我的订单", "您现在没有订单。"]
        (spoken,) = tg.fake.sent("sendVoice")
        assert spoken["chat_id"] == ELDER and spoken["voice"]["size"] > 1000
        await tg.feed(voice_update(1, ELDER, "v-2"))  # the same update again: answered once more
        assert len(tg.fake.sent("sendVoice")) == 2


async def test_lang_offers_both_languages_and_the_dialogue_switches(tg: Harness) -> None:
    person = tg.identify("王秀兰", ELDER)
    await tg.feed(text_update(1, ELDER, "/lang"))
    offer = tg.last()
    assert buttons(offer["reply_markup"]) == ["中文", "ᠮᠣᠩᠭᠣᠯ", "Монгол"]
    await tg.feed(callback_update(2, ELDER, "cbq-l", "ᠮᠣᠩᠭᠣᠯ", offer["reply_markup"]))
    assert tg.last()["text"] == replies.say("lang_set", "mn")
    with tg.factory() as session:
        found = session.get(Person, person)
        assert found is not None and found.lang == "mn"
    assert buttons(tg.last()["reply_markup"])[0] == MN["btn_menu"]


async def test_help_for_strangers_and_members(tg: Harness) -> None:
    await tg.feed(text_update(1, 5001, "/help"))
    assert tg.last()["text"] == ZH["help_new"]
    tg.identify("王秀兰", ELDER)
    await tg.feed(text_update(2, ELDER, "/help"))
    assert tg.last()["text"].startswith("您可以说")


async def test_the_bot_limits_its_rate_and_keeps_each_chat_in_order(
    shop: sessionmaker[Session],
) -> None:
    tg = Harness(shop, BEFORE_LUNCH, rate_limiter=None)
    assert isinstance(tg.app.bot.rate_limiter, RateLimiter)
    assert isinstance(tg.app.update_processor, PerChatProcessor)
    assert tg.app.update_processor.max_concurrent_updates > 1


async def test_no_order_for_anyone_without_an_identity(tg: Harness) -> None:
    await tg.feed(text_update(1, 6001, "我要订餐"), text_update(2, 6001, "红烧肉"))
    with tg.factory() as session:
        assert session.scalar(select(func.count()).select_from(Order)) == 0
    assert tg.fake.texts()[0] == ZH["ask_lang"]


async def test_a_family_member_redeems_a_link_code_and_the_elder_is_asked(tg: Harness) -> None:
    with unit_of_work(tg.factory) as session:
        elder = session.scalars(select(Person).where(Person.name == "王秀兰")).one()
        code = issue_code(session, elder.id, BEFORE_LUNCH)
    uid = 4002
    await tg.feed(text_update(1, uid, "/link"))
    assert tg.last()["text"] == ZH["link_usage"]
    await tg.feed(text_update(2, uid, f"/link {code}"))
    assert tg.last()["text"] == ZH["link_ask_name"]
    await tg.feed(text_update(3, uid, "王小红"), contact_update(4, uid, "13900000002", uid))
    assert tg.last()["text"] == replies.say("link_redeemed", elder="王秀兰")
    with tg.factory() as session:
        row = session.scalars(select(LinkCode).where(LinkCode.code == code)).one()
        family = session.get(Person, row.family_id)
        assert row.status == "redeemed" and family is not None and family.name == "王小红"
        assert family.kind == "family"
        asked = session.scalars(select(OutboxMessage).where(OutboxMessage.person_id == elder.id))
        assert [m.kind for m in asked] == ["link_request"]
    await tg.feed(text_update(5, uid, "/link 000000"))  # registered now: straight to the dialogue
    assert tg.last()["text"] == DomainError("link_code_unknown").message("zh")


class SlowFirstTurn:
    """Our ``Turns`` protocol, answering each text with itself; the first turn of chat A is slow.
    (Only this test needs control over timing; everything else uses the real dialogue.)"""

    def __init__(self) -> None:
        self.log: list[str] = []

    def handle(
        self, person_id: int, text: str, now: datetime, *, turn_id: str | None = None
    ) -> Answer:
        self.log.append(f"start {text}")
        if text == "A1":
            time.sleep(0.3)
        self.log.append(f"end {text}")
        return Answer(text)

    def handle_file(
        self, person_id: int, filename: str, data: bytes, now: datetime, **_: Any
    ) -> Answer:
        return Answer(filename)

    def link_family(
        self, family_id: int, code: str, relation: str, now: datetime, **_: Any
    ) -> Answer:
        return Answer(code)


async def test_each_chat_in_order_while_other_chats_go_on(shop: sessionmaker[Session]) -> None:
    turns = SlowFirstTurn()
    tg = Harness(shop, BEFORE_LUNCH, turns=turns, store_workers=4)
    tg.identify("王秀兰", 1)
    tg.identify("刘德福", 2)
    async with tg.app:
        await tg.app.start()
        try:
            for update in (
                text_update(1, 1, "A1"),
                text_update(2, 1, "A2"),
                text_update(3, 2, "B1"),
            ):
                await tg.app.update_queue.put(Update.de_json(update, tg.app.bot))
            await asyncio.to_thread(tg.fake.wait_for, 3)
        finally:
            await tg.app.stop()
    assert turns.log.index("end B1") < turns.log.index("end A1")  # B did not wait for A
    assert turns.log.index("end A1") < turns.log.index("start A2")  # A's turns in order
    assert [m["text"] for m in tg.fake.sent() if m["chat_id"] == 1] == ["A1", "A2"]


async def test_edits_and_group_messages_are_not_turns(tg: Harness) -> None:
    read_back = await order_to_read_back(tg)
    sent = len(tg.fake.sent())
    edited = text_update(5, ELDER, "要")
    edited["edited_message"] = {**edited.pop("message"), "edit_date": DATE}
    group = text_update(6, ELDER, "要")
    group["message"]["chat"] = {"id": -100, "type": "group", "title": "家人群"}
    press_in_group = callback_update(7, ELDER, "cbq-g", "要", read_back["reply_markup"])
    press_in_group["callback_query"]["message"]["chat"] = {"id": -100, "type": "group"}
    await tg.feed(edited, group, press_in_group)
    assert len(tg.fake.sent()) == sent
    assert tg.orders() == 0


async def test_a_file_too_large_is_refused_without_downloading(tg: Harness) -> None:
    tg.identify("张建国", 3001)
    await tg.feed(document_update(1, 3001, "doc-big", "menu.csv", 50 * 1024 * 1024))
    assert tg.fake.sent("getFile") == []
    assert tg.last()["text"] == ZH["file_unreadable"]


async def test_a_voice_note_too_large_is_refused_without_downloading(
    shop: sessionmaker[Session],
) -> None:
    """A voice note the update says is over the limit is answered at once, never fetched; one
    whose size the update leaves out is refused when getFile tells it, never downloaded."""
    heard: list[bytes] = []

    async def pipeline(person_id: int, audio: bytes, now: Any, *, turn_id: str) -> Any:
        heard.append(audio)
        raise AssertionError("a refused voice note must not be heard")

    tg = Harness(shop, BEFORE_LUNCH, voice_pipeline=pipeline)
    async with tg.app:
        tg.identify("王秀兰", ELDER)
        await tg.feed(voice_update(1, ELDER, "v-big", size=MAX_AUDIO_BYTES + 1))
        assert tg.fake.sent("getFile") == []
        assert tg.last()["text"] == replies.say("voice_too_long")
        tg.fake.add_file("v-big2", "voice/file_9.oga", b"\0" * (MAX_AUDIO_BYTES + 1))
        await tg.feed(voice_update(2, ELDER, "v-big2"))
        assert tg.last()["text"] == replies.say("voice_too_long")
        assert len(tg.fake.sent("getFile")) == 1
    assert heard == []


class SwitchesToMongolian:
    """Our ``Turns`` protocol: every turn switches the person to Mongolian in the store and
    answers with a reply that says so only through its ``lang``."""

    def __init__(self, factory: sessionmaker[Session]) -> None:
        self.factory = factory

    def handle(
        self, person_id: int, text: str, now: datetime, *, turn_id: str | None = None
    ) -> Answer:
        with unit_of_work(self.factory) as session:
            person = session.get(Person, person_id)
            assert person is not None
            person.lang = "mn"
        return Answer("ok", lang="mn")

    def handle_file(
        self, person_id: int, filename: str, data: bytes, now: datetime, **_: Any
    ) -> Answer:
        return Answer(filename)

    def link_family(
        self, family_id: int, code: str, relation: str, now: datetime, **_: Any
    ) -> Answer:
        return Answer(code)


async def test_a_language_switch_is_noticed_from_the_reply(shop: sessionmaker[Session]) -> None:
    """The reply's language, not its wording, tells the channel to look the person up again:
    the keyboard under it is already Mongolian."""
    tg = Harness(shop, BEFORE_LUNCH, turns=SwitchesToMongolian(shop))
    tg.identify("王秀兰", ELDER)
    async with tg.app:
        await tg.feed(text_update(1, ELDER, "/help"), text_update(2, ELDER, "你好"))
    assert tg.last()["text"] == "ok"
    assert buttons(tg.last()["reply_markup"])[0] == MN["btn_menu"]
