"""End to end over HTTP: the unmodified application long-polls a Bot API server on 127.0.0.1.

No network and no stand-ins inside PTB: the bot uses its own HTTPX transport against
``LoopbackServer`` (``base_url``/``base_file_url``), which speaks the Bot API's JSON, form and
multipart bodies and serves file downloads under ``/file/bot<token>/``. The webhook test runs
PTB's own webhook server and checks the secret header. Logs are captured at DEBUG throughout
and must not contain the phone number or the address given during registration.
"""

from __future__ import annotations

import asyncio
import logging
import socket
from typing import Any

import httpx
import pytest
from sqlalchemy import func, select
from sqlalchemy.orm import Session, sessionmaker

from bot.telegram.app import build_application
from menus.models import ChannelSession, Identity, Order, Person
from tests.bot.fake_telegram import (
    TOKEN,
    FakeTelegram,
    LoopbackServer,
    RecordingRequest,
    callback_update,
    contact_update,
    document_update,
    text_update,
)
from tests.bot.telegram_harness import fast_limiter
from tests.conftest import BEFORE_LUNCH, SMALL_MENU
from tests.messages import TELEGRAM_ZH as ZH

PHONE = "13812345678"
ADDRESS = "海东路社区12号楼3单元401室"
ELDER = 7001
STAFF = 7002


async def say(fake: FakeTelegram, update: dict[str, Any]) -> dict[str, Any]:
    """Send one update through Telegram and wait for the bot's answer to it."""
    count = len(fake.sent())
    fake.push(update)
    await asyncio.to_thread(fake.wait_for, count + 1)
    return fake.sent()[-1]


async def test_registration_order_and_a_staff_menu_file_over_http(
    shop: sessionmaker[Session], caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG)
    fake = FakeTelegram()
    with LoopbackServer(fake) as server:
        app = build_application(
            TOKEN,
            shop,
            base_url=server.base_url,
            base_file_url=server.base_file_url,
            now=BEFORE_LUNCH,
            rate_limiter=fast_limiter(),
            scheduler_settings=None,
        )
        async with app:
            await app.start()
            assert app.updater is not None
            await app.updater.start_polling(poll_interval=0.0, timeout=1)
            try:
                assert (await say(fake, text_update(1, ELDER, "/start")))["text"] == ZH["ask_lang"]
                await say(fake, text_update(2, ELDER, "中文"))
                asked = await say(fake, text_update(3, ELDER, "张大妈"))
                assert asked["reply_markup"]["keyboard"][0][0]["request_contact"] is True
                await say(fake, contact_update(4, ELDER, "+86" + PHONE, owner=ELDER))
                done = await say(fake, text_update(5, ELDER, ADDRESS))
                assert done["text"] == ZH["registered"].format(name="张大妈")

                await say(fake, text_update(6, ELDER, "我要订餐"))
                await say(fake, text_update(7, ELDER, "红烧肉"))
                await say(fake, text_update(8, ELDER, "中午"))
                read_back = await say(fake, text_update(9, ELDER, "送到家"))
                assert read_back["text"].endswith("要订吗？")
                markup = read_back["reply_markup"]
                placed = await say(fake, callback_update(10, ELDER, "q-1", "要", markup))
                assert placed["text"].startswith("订好了")
                assert fake.sent("answerCallbackQuery") == [{"callback_query_id": "q-1"}]

                await say(fake, text_update(11, STAFF, "/staff"))
                linked = await say(fake, contact_update(12, STAFF, "13704710003", owner=STAFF))
                assert linked["text"] == ZH["staff_linked"].format(name="张建国")
                menu = SMALL_MENU.read_bytes()
                fake.add_file("doc-9", "documents/file_9.yaml", menu)
                got = await say(fake, document_update(13, STAFF, "doc-9", "menu.yaml", len(menu)))
                assert got["text"].startswith("菜单文件没问题")
                assert fake.sent("getFile") == [{"file_id": "doc-9"}]
                publish = callback_update(14, STAFF, "q-2", "发布", got["reply_markup"])
                assert (await say(fake, publish))["text"].startswith("发布好了")

                voice = await app.bot.send_voice(ELDER, voice=b"OggS\x00fake-opus")
                assert voice.voice is not None
                assert fake.sent("sendVoice")[0]["voice"]["size"] == len(b"OggS\x00fake-opus")
            finally:
                await app.updater.stop()
                await app.stop()
    assert server.bad_paths == []
    with shop() as session:
        order = session.scalars(select(Order)).one()
        person = session.get(Person, order.elder_id)
        assert person is not None and person.name == "张大妈"
        assert order.fulfillment == "delivery" and order.delivery_address == ADDRESS
        accounts = set(session.scalars(select(Identity.account_id)))
        assert accounts == {str(ELDER), str(STAFF)}
    assert caplog.records  # PTB and the bot did log, at DEBUG
    logged = caplog.text + "".join(str(r.args) for r in caplog.records)
    for secret in (PHONE, ADDRESS, "海东路社区12号楼", TOKEN):
        assert secret not in logged


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


async def test_the_webhook_refuses_posts_without_the_secret(shop: sessionmaker[Session]) -> None:
    fake = FakeTelegram()
    app = build_application(
        TOKEN,
        shop,
        request=RecordingRequest(fake),
        get_updates_request=RecordingRequest(fake),
        now=BEFORE_LUNCH,
        rate_limiter=fast_limiter(),
        scheduler_settings=None,
    )
    port = _free_port()
    update = text_update(1, ELDER, "/start")
    async with app:
        await app.start()
        assert app.updater is not None
        await app.updater.start_webhook(
            listen="127.0.0.1",
            port=port,
            url_path="telegram",
            secret_token="s3cret-Token_1",
            webhook_url="https://bot.example.org/telegram",
        )
        try:
            assert fake.sent("setWebhook")[0]["secret_token"] == "s3cret-Token_1"
            url = f"http://127.0.0.1:{port}/telegram"
            async with httpx.AsyncClient() as client:
                missing = await client.post(url, json=update)
                wrong = await client.post(
                    url, json=update, headers={"X-Telegram-Bot-Api-Secret-Token": "guess"}
                )
                assert (missing.status_code, wrong.status_code) == (403, 403)
                await asyncio.sleep(0.2)
                assert fake.sent() == []
                with shop() as session:
                    assert session.scalar(select(func.count()).select_from(ChannelSession)) == 0
                right = await client.post(
                    url, json=update, headers={"X-Telegram-Bot-Api-Secret-Token": "s3cret-Token_1"}
                )
                assert right.status_code == 200
            await asyncio.to_thread(fake.wait_for, 1)
            assert fake.texts() == [ZH["ask_lang"]]
        finally:
            await app.updater.stop()
            await app.stop()
