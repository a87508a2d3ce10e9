"""Telegram's webhook through the serving app: real update JSON posted over ASGI, the store
and the fake Bot API checked afterwards."""

from __future__ import annotations

from typing import Any

from sqlalchemy import create_engine
from sqlalchemy.exc import OperationalError
from starlette.testclient import TestClient

from bot.serve.health import Readiness
from bot.telegram.app import DEPS, Deps
from bot.turn import Reply
from menus.catalogue import say
from tests.bot.fake_telegram import text_update
from tests.bot.serve.conftest import PATH, SECRET, Served

ELDER = 1001
ORDER = ("我要订餐", "米饭", "中午", "自己去拿", "要")


def test_an_order_by_webhook_is_stored_once_though_telegram_sends_it_twice(served: Served) -> None:
    served.identify("王秀兰", ELDER)
    for n, text in enumerate(ORDER, 1):
        assert served.post(text_update(n, ELDER, text)) == 200
    assert served.orders() == 1
    placed = served.fake.texts()[-1]
    assert placed.startswith("订好了")
    assert served.post(text_update(len(ORDER), ELDER, "要")) == 200  # redelivered
    assert served.orders() == 1
    assert served.fake.texts()[-1] == placed  # the stored reply, sent again
    assert len(served.fake.texts()) == len(ORDER) + 1


def test_a_wrong_or_missing_secret_is_refused_and_nothing_happens(served: Served) -> None:
    served.identify("王秀兰", ELDER)
    assert served.post(text_update(1, ELDER, "我要订餐"), secret="wrong") == 403
    assert served.post(text_update(1, ELDER, "我要订餐"), secret=None) == 403
    assert served.post(text_update(1, ELDER, "我要订餐"), secret=SECRET + "x") == 403
    assert served.fake.texts() == []
    assert served.client.get(PATH).status_code == 405  # Telegram only POSTs


def test_a_body_that_is_no_update_is_refused(served: Served) -> None:
    headers = {"X-Telegram-Bot-Api-Secret-Token": SECRET}
    assert served.client.post(PATH, content=b"{not json", headers=headers).status_code == 400
    assert served.client.post(PATH, json=[1, 2], headers=headers).status_code == 400
    assert served.client.post(PATH, json={"update_id": "7"}, headers=headers).status_code == 400
    odd = {"update_id": 8, "message": "x"}  # AttributeError inside de_json: still no update
    assert served.client.post(PATH, json=odd, headers=headers).status_code == 400
    huge = b'{"update_id": 1, "x": "' + b"a" * (1024 * 1024) + b'"}'
    assert served.client.post(PATH, content=huge, headers=headers).status_code == 413
    assert served.fake.texts() == []


class FlakyStore:
    """Turns whose store is unreachable the first ``down`` times, then the real dialogue."""

    def __init__(self, real: Any, down: int) -> None:
        self.real = real
        self.down = down

    def handle(self, person_id: int, text: str, now: Any, *, turn_id: str | None = None) -> Reply:
        if self.down > 0:
            self.down -= 1
            raise OperationalError("SELECT 1", {}, ConnectionRefusedError("server closed"))
        reply: Reply = self.real.handle(person_id, text, now, turn_id=turn_id)
        return reply


def test_an_update_that_failed_for_want_of_the_store_is_not_acknowledged(served: Served) -> None:
    """500 lets Telegram redeliver it; the redelivery is handled as if the first never was, and
    the person is not asked to say it again meanwhile (the answer comes with the redelivery)."""
    served.identify("王秀兰", ELDER)
    deps = served.application.bot_data[DEPS]
    assert isinstance(deps, Deps)
    deps.turns = FlakyStore(deps.turns, down=3)  # type: ignore[assignment]
    update = text_update(1, ELDER, "我要订餐")
    assert [served.post(update) for _ in range(3)] == [500, 500, 500]
    assert served.fake.texts() == []  # no 出了点问题，请再说一遍 for a failure Telegram retries
    assert served.post(update) == 200
    assert served.fake.texts() == ["您想吃什么？"]


class BrokenTurns:
    """Turns that fail in a way no redelivery cures (a bug)."""

    def handle(self, person_id: int, text: str, now: Any, *, turn_id: str | None = None) -> Reply:
        raise ValueError("a bug")


def test_a_failure_no_redelivery_cures_is_apologised_for_and_acknowledged(
    served: Served,
) -> None:
    served.identify("王秀兰", ELDER)
    deps = served.application.bot_data[DEPS]
    assert isinstance(deps, Deps)
    deps.turns = BrokenTurns()  # type: ignore[assignment]
    assert served.post(text_update(1, ELDER, "我要订餐")) == 200
    assert served.fake.texts() == [say("error")]


def test_health_and_readiness(served: Served) -> None:
    assert served.client.get("/healthz").json() == {"status": "ok"}
    ready = served.client.get("/readyz")
    assert ready.status_code == 200 and ready.json()["status"] == "ok"


async def test_not_ready_when_the_schema_is_behind_or_the_database_away(served: Served) -> None:
    from starlette.applications import Starlette
    from starlette.routing import Route

    engine = served.factory.kw["bind"]
    away = create_engine("postgresql+psycopg://nobody@127.0.0.1:1/none")
    app = Starlette(
        routes=[
            Route("/behind", Readiness(engine, "a-newer-revision").endpoint),
            Route("/away", Readiness(away, "a-newer-revision").endpoint),
        ]
    )
    with TestClient(app) as client:
        behind = client.get("/behind")
        assert behind.status_code == 503 and behind.json()["head"] == "a-newer-revision"
        gone = client.get("/away")
        assert gone.status_code == 503 and gone.json()["database"] == "OperationalError"
    away.dispose()
