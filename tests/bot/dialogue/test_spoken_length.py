"""Replies sized for listening: a menu is read a page at a time that fits the spoken limit (in
syllables, so the same in Mandarin and in both Mongolian scripts), each page but the last
offering the rest, and a yes reads on until every dish of the meal was heard."""

from __future__ import annotations

import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from bot.dialogue import Dialogue
from bot.phrasing import dish_label
from menus.catalogue import say
from menus.db import read_only, unit_of_work
from menus.demo import load_demo
from menus.menu_store import load_menus
from menus.models import Person
from menus.spoken import SYLLABLE_LIMIT, syllables
from tests.conftest import BEFORE_LUNCH


@pytest.fixture
def demo(factory: sessionmaker[Session]) -> sessionmaker[Session]:
    """The demo canteen: seven dishes at lunch, more than one hearing holds."""
    with unit_of_work(factory) as session:
        load_demo(session, BEFORE_LUNCH)
    return factory


def _person(shop: sessionmaker[Session], name: str) -> int:
    with shop() as session:
        return session.scalars(select(Person.id).where(Person.name == name)).one()


@pytest.mark.parametrize(
    ("speaker", "lang", "ask", "yes"),
    [
        ("王秀兰", "zh", "今天午饭有什么", "要"),
        ("巴特尔", "mn-Cyrl", "өнөөдөр үдийн хоол юу байна", "тийм"),
        ("巴特尔", "mn", "ᠥᠨᠦᠳᠦᠷ ᠦᠳᠡ ᠶᠢᠨ ᠬᠣᠭᠣᠯᠠ ᠶᠠᠭᠤ ᠪᠠᠶᠢᠨ᠎ᠠ", "ᠲᠡᠢᠮᠦ"),
    ],
)
def test_a_long_menu_comes_a_page_at_a_time_and_every_dish_is_heard(
    demo: sessionmaker[Session], speaker: str, lang: str, ask: str, yes: str
) -> None:
    dialogue, elder = Dialogue(demo), _person(demo, speaker)
    with read_only(demo) as session:
        menus = load_menus(session, None, BEFORE_LUNCH.date(), None)
        dishes = [dish_label(i.dish, lang) for m in menus if m.meal == "lunch" for i in m.items]
    offer = say("menu_more_dishes", lang, count="\x00").split("\x00")[-1]
    pages = [dialogue.handle(elder, ask, BEFORE_LUNCH).text]
    while pages[-1].endswith(offer) and len(pages) <= len(dishes):
        pages.append(dialogue.handle(elder, yes, BEFORE_LUNCH).text)
    assert len(pages) >= 2, pages  # the lunch menu does not fit one hearing
    for page in pages[:-1]:
        assert page.endswith(offer) and syllables(page) <= SYLLABLE_LIMIT, page
    heard = "".join(pages)
    assert all(dish in heard for dish in dishes), (dishes, pages)


def test_a_read_back_too_long_to_hear_is_said_briefly_to_an_elder_and_whole_on_asking(
    demo: sessionmaker[Session],
) -> None:
    """Four dishes with their subsidy and card parts run past the listening budget: an elder
    hears the order with only what is left to pay; 说详细点 still says every part."""
    dialogue, elder = Dialogue(demo), _person(demo, "巴特尔")
    with read_only(demo) as session:
        menus = load_menus(session, None, BEFORE_LUNCH.date(), None)
        lunch = [i.dish for m in menus if m.meal == "lunch" for i in m.items]
    ask = "өнөөдөр үдийн хоол " + ", ".join(f"{d.name_mn_cyrl} нэг" for d in lunch[:4])
    dialogue.handle(elder, ask, BEFORE_LUNCH)
    reply = dialogue.handle(elder, "хүргэж өгөөрэй", BEFORE_LUNCH)
    whole = dialogue.handle(elder, "дэлгэрэнгүй", BEFORE_LUNCH)
    assert syllables(whole.text) > SYLLABLE_LIMIT, whole.text
    assert syllables(reply.text) <= SYLLABLE_LIMIT, reply.text
    assert "34" in reply.text and "34" in whole.text  # what is left to pay, in both


def test_the_words_on_an_edit_go_when_with_them_the_read_back_runs_past_the_budget(
    demo: sessionmaker[Session],
) -> None:
    """ᠵᠠ᠂ X ᠬᠡᠷᠡᠭ ᠦᠭᠡᠢ᠃ before a long Mongolian read-back: the elder hears the read-back briefly,
    which says what is left; 说详细点 says both."""
    dialogue, elder = Dialogue(demo), _person(demo, "巴特尔")
    with read_only(demo) as session:
        menus = load_menus(session, None, BEFORE_LUNCH.date(), None)
        lunch = [i.dish for m in menus if m.meal == "lunch" for i in m.items]
    ask = "өнөөдөр үдийн хоол " + ", ".join(f"{d.name_mn_cyrl} нэг" for d in lunch[:5])
    dialogue.handle(elder, ask + ", гэрт хүргэж өгөөрэй", BEFORE_LUNCH)
    dropped = lunch[4].name_mn_cyrl
    reply = dialogue.handle(elder, f"{dropped} хэрэггүй", BEFORE_LUNCH)
    whole = dialogue.handle(elder, "дэлгэрэнгүй", BEFORE_LUNCH)
    assert syllables(reply.text) <= SYLLABLE_LIMIT, reply.text
    assert dropped not in reply.text and dropped in whole.text, (reply.text, whole.text)
