"""The paths added for speech wishes, scripts, parts of dish names, two parents, staff counts,
orders taken by staff on the phone, dishes named by their kind and Latin-typed Mongolian
take whatever arrives: empty, huge, control characters, other scripts. Each answers quickly
with a reply, and nothing stored changes."""

from __future__ import annotations

import time

import pytest
from sqlalchemy import func, select
from sqlalchemy.orm import Session, sessionmaker

from bot.dialogue import Dialogue, staff_lists
from bot.dialogue.answers import POINTED_REFUSAL
from bot.dialogue.naming import fitting, named_by_part, refused_by_part, without_names
from bot.dialogue.speech import wish_of
from menus.models import Order, Person, StandingOrder
from menus.scripts import script_of
from menus.spoken import syllables
from nlu.afterthoughts import word_spaces_closed
from nlu.dishes import regional_variants
from nlu.recurrence import pause_span
from nlu.text import MAX_CHARS, clean
from tests.conftest import BEFORE_LUNCH

HOSTILE = ["", " ", "\x00\x01说慢点", "说" * 100_000, "慢点" * 5000, "ᠡ" * 20_000,
           "Монгол" * 3000, "🍚" * 2000, "给我爸" * 3000 + "订饭", "几单" * 10_000,
           "那个粥呢" * 2000, "说慢点，" + "红烧肉" * 3000, "送 " * 20_000,
           "明天中午一份红烧肉，" * 800, "礼拜四先停了，礼拜六接着送" * 500,
           "对的。再给我妈订" * 2000, "爸：" * 5000, "明天中午的呢" * 3000,
           "鸡蛋我早上吃过了" * 2000, "王秀兰反映太咸了，" * 3000,
           "明儿个跟后儿个" * 3000 + "的早饭", "后儿个不要了，就明儿个" * 2000,
           "刘德福 王秀兰 " * 3000 + "各订一份", "一张券能顶多少钱" * 2000,
           "ᠣᠷᠣᠨ ᠳᠤ ᠨᠢ ᠪᠣᠯᠭᠠ " * 2000, "за болъё " * 5000, "1" * 50_000,
           "茶叶蛋2 " * 5000, "俩天都一样" * 4000, "鱼刺多不 " * 4000,
           "刘德福刚打电话，" * 3000, "鱼。中午。" * 3000, "unuudur 鸡蛋羹 " * 5000,
           "五号楼刘奶奶" * 3000, "别送了我在那儿吃" * 2000, "晚饭那份取消，午饭保留" * 2000,
           "也订一样的" * 4000, "下周二到周四先停一下" * 1000, "明早今晚" * 5000,
           "送 家 里 " * 8000, "对，麻烦您了，" * 3000,
           # the read-back's questions, prices said back, facts, kinds, staff parts, refusals
           "原价一共多少" * 3000, "几点能送到" * 3000, "白菜豆腐是7块，是吧？" * 2000,
           "炒米是硬的吧" * 3000, "哪个菜盐少又软和" * 2000, "别给老头子订" * 3000,
           "банш нэг л болно " * 3000, "多少前" * 5000, "手把几份" * 4000,
           "давс битгий " * 4000, "ᠪᠣᠯᠢᠯᠠᠭᠠᠷᠠᠢ " * 3000, "我不吃鱼，软的有哪些" * 2000,
           # pickup and dine-in lists, stops by place, 她, kinds counted, pointing, 甚
           "自己来取的呢" * 3000, "在食堂吃的订了啥" * 2000, "海东路那家呢" * 3000,
           "她今天中午订的是啥" * 2000, "粥几碗" * 5000, "那就把它去掉" * 3000,
           "ᠲᠡᠷᠡ ᠶᠢ ᠬᠠᠰᠤ " * 3000, "妈的不要鸡蛋\x00" * 2000, "ok确认" * 5000,
           "啥？几张？大点声" * 2000, "订了些甚" * 4000, "痛风能吃鱼吗" * 3000,
           "晚上的饭哪个是甜的" * 2000, "小米粥那个改成送到家吧" * 2000,
           "鱼都谁订了" * 3000, "都得做啥，各几份" * 2000, "名天 多前 代金卷 定的啥 " * 1000,
           "留一个明天热着吃" * 2000, "其木格的都有啥" * 2000,
           "单子里面一共几份" * 2000]  # fmt: skip


@pytest.mark.parametrize("text", HOSTILE)
def test_the_new_helpers_answer_any_text_quickly(text: str) -> None:
    started = time.perf_counter()
    heard = wish_of(text)
    assert heard is None or heard[0] in ("slower", "faster", "louder", "shorter", "longer")
    assert script_of(text) in (None, "mn", "mn-Cyrl")
    assert named_by_part(text, ["紫菜蛋花汤", "土豆炖牛肉"]) in (None, "紫菜蛋花汤", "土豆炖牛肉")
    assert isinstance(without_names(text, ["黄油炒米粥"]), str)
    compact, where = word_spaces_closed(text)
    assert len(compact) == len(where) <= len(text)
    span = pause_span(text, BEFORE_LUNCH.date())
    assert span is None or span[0] <= span[1]
    assert 0 <= syllables(text) <= 3 * len(text)
    assert refused_by_part(text, ["清蒸鲈鱼", "米饭"]) in (None, "清蒸鲈鱼", "米饭")
    assert all(len(v) >= 2 for v in regional_variants(text[:40]))
    assert set(fitting(text, ["牛肉面", "清蒸鲈鱼"])) <= {"牛肉面", "清蒸鲈鱼"}
    assert staff_lists.kind_of(text) in (None, "pickup", "dine_in")
    assert len(clean(text)) == min(len(text), MAX_CHARS)
    POINTED_REFUSAL.search(text)
    assert time.perf_counter() - started < 2


def _counts(shop: sessionmaker[Session]) -> tuple[int, int]:
    with shop() as session:
        orders = session.scalar(select(func.count()).select_from(Order)) or 0
        standing = session.scalar(select(func.count()).select_from(StandingOrder)) or 0
        return orders, standing


@pytest.mark.parametrize("speaker", ["王秀兰", "李娜", "张建国"])
def test_elders_family_and_staff_get_a_reply_and_nothing_is_stored(
    shop: sessionmaker[Session], speaker: str
) -> None:
    with shop() as session:
        who = session.scalars(select(Person.id).where(Person.name == speaker)).one()
    dialogue, before = Dialogue(shop), _counts(shop)
    for text in HOSTILE[1:]:
        reply = dialogue.handle(who, text, BEFORE_LUNCH)
        assert reply.text.strip(), text[:20]
    assert _counts(shop) == before


READ_BACK_QUESTIONS = ["原价一共多少" * 3000, "几点能送到\x00" * 3000, "", "🍚" * 5000,
                       "不算补贴" + "的话" * 20_000, "算了不订了，几点送到" * 1000,
                       "红烧肉硬不硬" * 3000, "那就把它去掉" * 3000, "牙口不好能吃这个吗" * 2000,
                       "那换" * 10_000, "妈的不要" + "鸡蛋" * 10_000]  # fmt: skip


def test_questions_at_the_read_back_answer_and_place_nothing(
    shop: sessionmaker[Session],
) -> None:
    """原价一共多少 / 几点能送到 however long or garbled: an answer each time, and the order
    is placed only by a yes (none is said here)."""
    with shop() as session:
        who = session.scalars(select(Person.id).where(Person.name == "王秀兰")).one()
    dialogue, before = Dialogue(shop), _counts(shop)
    dialogue.handle(who, "中午一份红烧肉，送家里", BEFORE_LUNCH)
    for text in READ_BACK_QUESTIONS:
        started = time.perf_counter()
        reply = dialogue.handle(who, text, BEFORE_LUNCH)
        assert reply.text.strip(), text[:20]
        assert time.perf_counter() - started < 5
    assert _counts(shop) == before
