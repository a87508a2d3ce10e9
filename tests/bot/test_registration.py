"""The registration flows without Telegram: steps kept in the store, retried turns answered once."""

from __future__ import annotations

from sqlalchemy import func, select
from sqlalchemy.orm import Session, sessionmaker

from bot.telegram.registration import Event, Registration, national_phone
from menus.db import unit_of_work
from menus.models import Canteen, ChannelSession, Identity, Person
from tests.conftest import BEFORE_LUNCH
from tests.messages import TELEGRAM_MN as MN
from tests.messages import TELEGRAM_ZH as ZH


def people(factory: sessionmaker[Session]) -> int:
    with factory() as session:
        return int(session.scalar(select(func.count()).select_from(Person)) or 0)


def test_phone_numbers_are_compared_without_country_code_or_spaces() -> None:
    assert national_phone("+86 139-0471-0001") == "13904710001"
    assert national_phone("8613904710001") == "13904710001"
    assert national_phone("008613904710001") == "13904710001"
    assert national_phone("13904710001") == "13904710001"


def test_a_restart_continues_where_the_person_left_off(shop: sessionmaker[Session]) -> None:
    first = Registration(shop, "telegram")
    first.handle("a1", Event("start"), BEFORE_LUNCH, turn_id="t1")
    first.handle("a1", Event("text", text="ᠮᠣᠩᠭᠣᠯ"), BEFORE_LUNCH, turn_id="t2")
    again = Registration(shop, "telegram")  # a new process
    asked = again.handle("a1", Event("text", text="ᠪᠠᠲᠤ"), BEFORE_LUNCH, turn_id="t3")
    assert asked.answer.text == MN["ask_phone"] and asked.answer.ask_contact
    assert asked.lang == "mn"
    got = again.handle(
        "a1", Event("contact", phone="13700000001", own_contact=True), BEFORE_LUNCH, turn_id="t4"
    )
    assert got.answer.text == MN["ask_address"]
    done = again.handle("a1", Event("text", text="新华东街社区5号"), BEFORE_LUNCH, turn_id="t5")
    assert done.person_id is not None
    with shop() as session:
        person = session.get(Person, done.person_id)
        assert person is not None and person.elder is not None
        assert (person.name, person.lang, person.elder.community) == ("ᠪᠠᠲᠤ", "mn", "新华东街社区")
        row = session.get(ChannelSession, ("telegram", "a1"))
        assert row is not None
        assert "phone" not in row.state and "flow" not in row.state  # forgotten once done


def test_a_retried_turn_is_answered_the_same_and_acts_once(shop: sessionmaker[Session]) -> None:
    flow = Registration(shop, "telegram")
    for turn, event in enumerate(
        [
            Event("start"),
            Event("text", text="中文"),
            Event("text", text="孙奶奶"),
            Event("contact", phone="13600000009", own_contact=True),
        ]
    ):
        flow.handle("a2", event, BEFORE_LUNCH, turn_id=f"t{turn}")
    before = people(shop)
    address = Event("text", text="远郊村9号")
    first = flow.handle("a2", address, BEFORE_LUNCH, turn_id="t9")
    second = flow.handle("a2", address, BEFORE_LUNCH, turn_id="t9")
    assert first == second
    assert people(shop) == before + 1
    with shop() as session:
        person = session.get(Person, first.person_id)
        assert person is not None and person.elder is not None
        assert person.elder.community is None  # not in the canteen's delivery area
        assert person.elder.region == "150102"


def test_an_old_turn_after_others_still_gets_its_own_reply(shop: sessionmaker[Session]) -> None:
    flow = Registration(shop, "telegram")
    one = flow.handle("a3", Event("start"), BEFORE_LUNCH, turn_id="t1")
    flow.handle("a3", Event("text", text="中文"), BEFORE_LUNCH, turn_id="t2")
    assert flow.handle("a3", Event("start"), BEFORE_LUNCH, turn_id="t1") == one
    assert flow.handle("a3", Event("text", text="x"), BEFORE_LUNCH).answer.text == ZH["ask_phone"]


def test_staff_with_someone_elses_contact_is_refused(shop: sessionmaker[Session]) -> None:
    flow = Registration(shop, "telegram")
    flow.handle("s1", Event("staff"), BEFORE_LUNCH)
    refused = flow.handle("s1", Event("contact", phone="13704710003"), BEFORE_LUNCH)
    assert refused.answer.text == ZH["not_own_contact"] and refused.person_id is None
    with shop() as session:
        assert session.scalar(select(func.count()).select_from(Identity)) == 0


def test_text_where_a_contact_is_needed_asks_for_the_button(shop: sessionmaker[Session]) -> None:
    flow = Registration(shop, "telegram")
    flow.handle("a4", Event("start"), BEFORE_LUNCH)
    flow.handle("a4", Event("text", text="中文"), BEFORE_LUNCH)
    empty = flow.handle("a4", Event("text", text="   "), BEFORE_LUNCH)
    assert empty.answer.text == ZH["name_empty"]
    flow.handle("a4", Event("text", text="周爷爷"), BEFORE_LUNCH)
    typed = flow.handle("a4", Event("text", text="13600000000"), BEFORE_LUNCH)
    assert typed.answer.text == ZH["press_contact"] and typed.answer.ask_contact
    assert flow.active("a4")


def test_the_address_picks_the_canteen_and_community(shop: sessionmaker[Session]) -> None:
    with unit_of_work(shop) as session:
        session.add(
            Canteen(
                code="east",
                name="东河区老年食堂",
                region="150103",
                modes=["pickup"],
                delivery_area=["东河社区"],
            )
        )
    flow = Registration(shop, "telegram")
    for event in (
        Event("start"),
        Event("text", text="中文"),
        Event("text", text="吴奶奶"),
        Event("contact", phone="13600000077", own_contact=True),
    ):
        flow.handle("a5", event, BEFORE_LUNCH)
    done = flow.handle("a5", Event("text", text="东河社区2号楼"), BEFORE_LUNCH)
    with shop() as session:
        person = session.get(Person, done.person_id)
        assert person is not None and person.elder is not None
        assert (person.elder.region, person.elder.community) == ("150103", "东河社区")
