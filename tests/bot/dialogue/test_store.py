"""The dialogue's store when several processes serve the same people: a menu published by any
of them (or by ``zhucan menu import``) is understood by every running dialogue within a
second, and one person's turns are taken one at a time, each in one transaction.

Two ``Dialogue`` objects on one database stand for two bot processes (they share nothing in
memory); one test runs the real command in a second process.
"""

from __future__ import annotations

import os
import subprocess
import sys
import threading
import time
from collections.abc import Callable
from pathlib import Path

import pytest
from sqlalchemy import event, select
from sqlalchemy.orm import Session, sessionmaker

from bot.dialogue import Dialogue, engine, store
from bot.dialogue.context import Turn
from bot.dialogue.store import VERSION_EVERY
from bot.turn import Reply
from menus.db import read_only, unit_of_work
from menus.menu_store import import_menu_file
from menus.menufile import parse_menu_bytes
from menus.models import Person
from menus.orders import list_orders
from menus.people import find_elder
from menus.versions import MENUS, version
from tests.conftest import BEFORE_LUNCH

NOW = BEFORE_LUNCH
SHAOMAI = """\
canteen: {code: test, partial: true}
dishes:
  - {name: 羊肉烧麦, price: 12, aliases: [烧麦]}
  - {name: 米饭, price: 1.5}
menus:
  - {date: 2026-12-02, meal: dinner, dishes: [羊肉烧麦, 米饭]}
"""
"""Tomorrow's dinner with a dish no dialogue has heard of yet."""
ASKED = "明天晚上要一份羊肉烧麦，自己去拿"


class Clock:
    """A monotonic clock the test moves on, instead of sleeping through the throttle."""

    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


def person(factory: sessionmaker[Session], name: str) -> int:
    with read_only(factory) as session:
        return find_elder(session, name).id


def publish(factory: sessionmaker[Session], text: str = SHAOMAI) -> None:
    """What ``zhucan menu import`` and the web console's 发布 do: the one import service."""
    menu_file = parse_menu_bytes(text.encode(), "shaomai.yaml")
    with unit_of_work(factory) as session:
        import_menu_file(session, menu_file, "shaomai.yaml")


def menu_version(factory: sessionmaker[Session]) -> int:
    with read_only(factory) as session:
        return version(session, MENUS)


# ---------------------------------------------------------------- the menu version


def test_a_menu_imported_elsewhere_is_understood_after_the_next_look(
    shop: sessionmaker[Session],
) -> None:
    """Another process's import: until the dialogue looks at the menu version again it does
    not know the dish (as before); a second later it does, without a restart."""
    clock = Clock()
    running = Dialogue(shop, clock=clock)
    liu = person(shop, "刘德福")
    publish(shop)
    assert "羊肉烧麦" not in running.handle(liu, ASKED, NOW).text  # within the second
    clock.now += VERSION_EVERY + 0.1
    wang = person(shop, "王秀兰")
    reply = running.handle(wang, ASKED, NOW).text
    assert reply.startswith("明天晚饭") and "羊肉烧麦一份" in reply, reply


def test_the_menu_version_is_read_at_most_once_a_second(
    shop: sessionmaker[Session], monkeypatch: pytest.MonkeyPatch
) -> None:
    """Turns within the second do not read the version; the first one after it does."""
    clock = Clock()
    running = Dialogue(shop, clock=clock)
    liu = person(shop, "刘德福")
    reads: list[str] = []

    def counted(session: Session, name: str) -> int:
        reads.append(name)
        return version(session, name)

    monkeypatch.setattr(store, "version", counted)
    for _ in range(3):
        running.handle(liu, "今天吃什么", NOW)
    assert reads == []
    clock.now += VERSION_EVERY
    running.handle(liu, "今天吃什么", NOW)
    running.handle(liu, "今天吃什么", NOW)
    assert reads == [MENUS]


def test_a_menu_published_by_staff_in_one_bot_reaches_the_other(
    shop: sessionmaker[Session],
) -> None:
    """The file a canteen manager sends to one bot process, published with 发布: the bot
    process serving the elder understands the new dish at its next look."""
    clock = Clock()
    staff_bot, elder_bot = Dialogue(shop, clock=clock), Dialogue(shop, clock=clock)
    with read_only(shop) as session:
        manager = session.scalars(select(Person.id).where(Person.name == "张建国")).one()
    before = menu_version(shop)
    assert "要发布吗" in staff_bot.handle_file(manager, "week.yaml", SHAOMAI.encode(), NOW).text
    assert "发布好了" in staff_bot.handle(manager, "发布", NOW).text
    assert menu_version(shop) == before + 1
    clock.now += VERSION_EVERY + 0.1
    reply = elder_bot.handle(person(shop, "刘德福"), ASKED, NOW).text
    assert "羊肉烧麦一份" in reply, reply


def test_a_menu_imported_by_the_command_in_another_process(
    shop: sessionmaker[Session], db_url: str, tmp_path: Path
) -> None:
    """``zhucan menu import`` run as its own process against the same database."""
    clock = Clock()
    running = Dialogue(shop, clock=clock)
    menu = tmp_path / "shaomai.yaml"
    menu.write_text(SHAOMAI, encoding="utf-8")
    script = Path(sys.executable).parent / "zhucan"
    env = {k: v for k, v in os.environ.items() if not k.startswith("ZHUCAN_")}
    done = subprocess.run(
        [str(script), "menu", "import", str(menu), "--db", db_url, "--now", NOW.isoformat()],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    clock.now += VERSION_EVERY + 0.1
    reply = running.handle(person(shop, "刘德福"), ASKED, NOW).text
    assert "羊肉烧麦一份" in reply, reply


# ------------------------------------------------------------ one person at a time


Act = Callable[[Turn, str], Reply]


def slowed(monkeypatch: pytest.MonkeyPatch, around: Callable[[Turn], None]) -> None:
    """Every turn calls ``around(turn)`` first, inside its transaction (where a turn's work
    happens), so a test can hold one turn there while another starts."""
    real: Act = engine._turn

    def turn(t: Turn, text: str) -> Reply:
        around(t)
        return real(t, text)

    monkeypatch.setattr(engine, "_turn", turn)


def test_one_persons_turns_wait_for_each_other(
    shop: sessionmaker[Session], monkeypatch: pytest.MonkeyPatch
) -> None:
    """Two processes given the same person's messages at once: the second turn starts only
    when the first is stored, so it reads what the first wrote and nothing is lost."""
    liu = person(shop, "刘德福")
    first_in, second_in = threading.Event(), threading.Event()
    overlapped: list[bool] = []

    def around(turn: Turn) -> None:
        if not first_in.is_set():
            first_in.set()
            overlapped.append(second_in.wait(timeout=0.5))
        else:
            second_in.set()

    slowed(monkeypatch, around)
    one, two = Dialogue(shop), Dialogue(shop)
    first = threading.Thread(
        target=one.handle, args=(liu, "我要订餐", NOW), kwargs={"turn_id": "a"}
    )
    first.start()
    assert first_in.wait(timeout=5)
    second = threading.Thread(target=two.handle, args=(liu, "鸡蛋羹", NOW), kwargs={"turn_id": "b"})
    second.start()
    first.join(timeout=10)
    second.join(timeout=10)
    assert overlapped == [False]
    # the second turn saw the first's question (您想吃什么？) and took 鸡蛋羹 as its answer
    assert two.handle(liu, "晚上", NOW, turn_id="c").text == "送到家、自己去拿，还是在食堂吃？"
    assert one.handle(liu, "鸡蛋羹", NOW, turn_id="b").text == "是中午，还是晚上？"  # replayed


def test_no_turn_is_lost_when_two_processes_take_one_persons_messages(
    shop: sessionmaker[Session], monkeypatch: pytest.MonkeyPatch
) -> None:
    """Many turns of one person, from two dialogues in two threads at once: every turn is
    remembered (read, changed and written back under the person's lock)."""
    liu = person(shop, "刘德福")
    slowed(monkeypatch, lambda turn: time.sleep(0.005))
    dialogues = [Dialogue(shop), Dialogue(shop)]

    def talk(n: int) -> None:
        for k in range(8):
            dialogues[n].handle(liu, "今天吃什么", NOW, turn_id=f"{n}-{k}")

    threads = [threading.Thread(target=talk, args=(n,)) for n in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=20)
    state = dialogues[0].store.load_state(liu)
    assert sorted(state.turns) == sorted(f"{n}-{k}" for n in range(2) for k in range(8))


def test_other_people_go_on_in_parallel_on_postgresql(
    shop: sessionmaker[Session], monkeypatch: pytest.MonkeyPatch, db_url: str
) -> None:
    """A person's lock holds up no one else on PostgreSQL; on SQLite, which has one writer,
    turns are taken one at a time."""
    liu, wang = person(shop, "刘德福"), person(shop, "王秀兰")
    liu_in, wang_in = threading.Event(), threading.Event()
    together: list[bool] = []
    postgresql = db_url.startswith("postgresql")

    def around(turn: Turn) -> None:
        if turn.person_id == liu:
            liu_in.set()
            together.append(wang_in.wait(timeout=5 if postgresql else 0.5))
        else:
            wang_in.set()

    slowed(monkeypatch, around)
    one, two = Dialogue(shop), Dialogue(shop)
    first = threading.Thread(target=one.handle, args=(liu, "今天吃什么", NOW))
    first.start()
    assert liu_in.wait(timeout=5)
    second = threading.Thread(target=two.handle, args=(wang, "今天吃什么", NOW))
    second.start()
    first.join(timeout=10)
    second.join(timeout=10)
    assert together == [postgresql]


def test_a_turn_is_one_connection(shop: sessionmaker[Session]) -> None:
    """Every read and write of a turn goes through its one transaction: a second connection
    would wait for the turn's own write lock on SQLite, and hold two of the pool's
    connections per turn on PostgreSQL."""
    liu = person(shop, "刘德福")
    bot = Dialogue(shop)
    engine_ = shop.kw["bind"]
    taken: list[int] = []
    listener = lambda *_: taken.append(1)  # noqa: E731
    event.listen(engine_, "checkout", listener)
    try:
        for said in ("我要订餐", "鸡蛋羹", "晚上", "在食堂吃", "对", "我订了什么"):
            taken.clear()
            bot.handle(liu, said, NOW)
            assert taken == [1], said
    finally:
        event.remove(engine_, "checkout", listener)
    with read_only(shop) as session:
        assert len(list_orders(session, elder_id=liu)) == 1


def test_a_failed_turn_keeps_nothing(
    shop: sessionmaker[Session], monkeypatch: pytest.MonkeyPatch
) -> None:
    """A turn that fails after placing the order is one transaction rolled back: the person
    hears an apology, no order is stored, and saying yes again places it once."""
    liu = person(shop, "刘德福")
    bot = Dialogue(shop)
    assert bot.handle(liu, "明天中午要两份红烧肉，自己去拿", NOW).text.endswith("要订吗？")
    real: Act = engine._turn

    def fails_after(turn: Turn, text: str) -> Reply:
        real(turn, text)
        raise RuntimeError("the reply could not be made")

    monkeypatch.setattr(engine, "_turn", fails_after)
    assert "什么都没有改" in bot.handle(liu, "要", NOW, turn_id="1").text
    with read_only(shop) as session:
        assert list_orders(session, elder_id=liu) == []
    monkeypatch.setattr(engine, "_turn", real)
    assert "订好了" in bot.handle(liu, "要", NOW, turn_id="1").text
    with read_only(shop) as session:
        assert len(list_orders(session, elder_id=liu)) == 1
