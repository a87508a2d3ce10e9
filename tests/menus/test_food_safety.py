"""Food safety records (menus/food_safety.py): the pure rules (grams, photos by content, the
48 hours, the checklist, the day's sentence), and the store keeping 留样, disinfection and
self-inspection records, every refusal storing nothing."""

from __future__ import annotations

import struct
import zlib
from collections.abc import Callable
from datetime import date, datetime, timedelta

import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from menus import food_safety as fs
from menus.clock import TZ
from menus.db import unit_of_work
from menus.errors import DomainError
from menus.menu_store import get_canteen
from menus.models import FoodSample, Person, SafetyPhoto
from menus.vocab import MealSlot
from tests.menus.helpers import LUNCH_DAY, row_counts

NOON = datetime(2026, 12, 1, 12, 0, tzinfo=TZ)
LUNCH = MealSlot.LUNCH


def tiny_png(width: int = 1, height: int = 1) -> bytes:
    """A real PNG (one grey pixel by default)."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        body = kind + data
        return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body))

    header = struct.pack(">IIBBBBB", width, height, 8, 0, 0, 0, 0)
    pixels = zlib.compress(b"\x00" + b"\x80" * width * height)
    return fs.PNG_SIGNATURE + chunk(b"IHDR", header) + chunk(b"IDAT", pixels) + chunk(b"IEND", b"")


TINY_JPEG = b"\xff\xd8\xff\xe0" + b"\x00\x10JFIF\x00" + b"\x00" * 20 + b"\xff\xd9"


def _code(call: Callable[[], object]) -> str:
    with pytest.raises(DomainError) as refused:
        call()
    return refused.value.code


# ----------------------------------------------------------------------------- pure rules


@pytest.mark.parametrize(
    ("text", "grams"), [("125", 125), (" 150 ", 150), ("200克", 200), ("130g", 130)]
)
def test_grams_of_at_least_125(text: str, grams: int) -> None:
    assert fs.parse_grams(text) == grams


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("124", "safety_too_light"),
        ("100", "safety_too_light"),
        ("", "safety_missing"),
        ("一百五", "safety_bad_grams"),
        ("-150", "safety_bad_grams"),
        ("150.5", "safety_bad_grams"),
        ("99999", "safety_bad_grams"),
    ],
)
def test_grams_refused(text: str, code: str) -> None:
    assert _code(lambda: fs.parse_grams(text)) == code


def test_too_light_says_so_in_chinese() -> None:
    with pytest.raises(DomainError) as refused:
        fs.parse_grams("100")
    assert "至少要留样 125 克" in refused.value.message("zh")
    assert "100 克" in refused.value.message("zh")


def test_the_48_hours() -> None:
    kept = datetime(2026, 12, 1, 11, 40, tzinfo=TZ)
    assert fs.discard_after(kept) == datetime(2026, 12, 3, 11, 40, tzinfo=TZ)
    assert not fs.may_discard(kept, kept + timedelta(hours=47, minutes=59))
    assert fs.may_discard(kept, kept + timedelta(hours=48))


def test_photos_are_told_by_their_content() -> None:
    assert fs.photo_type(tiny_png()) == "image/png"
    assert fs.photo_type(TINY_JPEG) == "image/jpeg"
    for not_image in (b"", b"hello", b"%PDF-1.7 ...", b"GIF89a" + b"\x00" * 40, fs.PNG_SIGNATURE):
        assert _code(lambda data=not_image: fs.photo_type(data)) == "photo_not_image"
    assert _code(lambda: fs.photo_type(b"\xff\xd8\xff\xe0 no end")) == "photo_not_image"


def test_a_photo_over_5_mb_is_refused() -> None:
    big = tiny_png() + b"\x00" * fs.MAX_PHOTO_BYTES
    with pytest.raises(DomainError) as refused:
        fs.photo_type(big)
    assert refused.value.code == "photo_too_big"
    assert "上限 5.0 MB" in refused.value.message("zh")
    at_limit = TINY_JPEG[:-2] + b"\x00" * (fs.MAX_PHOTO_BYTES - len(TINY_JPEG)) + fs.JPEG_END
    assert len(at_limit) == fs.MAX_PHOTO_BYTES
    assert fs.photo_type(at_limit) == "image/jpeg"


def test_the_checklist_must_be_answered_and_failures_explained() -> None:
    passed = {code: fs.Answer(True) for code in fs.CHECKS}
    assert all(r["ok"] for r in fs.check_answers(passed).values())
    missing = dict(passed)
    del missing["pests"]
    with pytest.raises(DomainError) as refused:
        fs.check_answers(missing)
    assert refused.value.code == "safety_unanswered"
    assert "防鼠防蝇" in refused.value.message("zh")
    failed = {**passed, "storage": fs.Answer(False, "  ")}
    assert _code(lambda: fs.check_answers(failed)) == "safety_fail_needs_note"
    noted = {**passed, "storage": fs.Answer(False, "冷藏柜 9℃，已报修")}
    assert fs.check_answers(noted)["storage"] == {"ok": False, "note": "冷藏柜 9℃，已报修"}


def test_every_label_is_in_the_catalogue() -> None:
    assert fs.method_label(fs.METHODS[0]) == "蒸汽消毒"
    assert all(fs.check_label(c) and fs.check_hint(c) for c in fs.CHECKS)
    assert [fs.meal_word(m) for m in MealSlot] == ["早饭", "午饭", "晚饭"]


def _facts(**changes: object) -> fs.DayFacts:
    base = fs.DayFacts(LUNCH_DAY, (LUNCH,), {LUNCH: 3}, frozenset({LUNCH}), ())
    return fs.DayFacts(**{**vars(base), **changes})


def test_the_day_in_one_sentence() -> None:
    today = LUNCH_DAY
    assert fs.day_summary(_facts(), today) == "今天午饭留样3个菜，餐具已消毒，自查全部合格。"
    missing = _facts(samples={}, disinfected=frozenset(), failed_checks=None)
    assert fs.day_summary(missing, today) == (
        "今天午饭还没有留样，餐具还没有消毒记录，还没有做每日自查。"
    )
    two = _facts(
        meals=(MealSlot.BREAKFAST, LUNCH),
        samples={MealSlot.BREAKFAST: 2},
        disinfected=frozenset({MealSlot.BREAKFAST}),
        failed_checks=["生熟分开"],
    )
    assert fs.day_summary(two, today + timedelta(days=1)) == (
        "昨天早饭留样2个菜，午饭还没有留样，午饭餐具还没有消毒记录，自查有1项不合格：生熟分开。"
    )
    assert fs.day_summary(_facts(meals=(), samples={}), date(2026, 11, 20)) == (
        "12月1日没有供餐，不用留样。"
    )


# ------------------------------------------------------------------------------ the store


def _cook(factory: sessionmaker[Session]) -> int:
    with factory() as session:
        found = session.scalar(select(Person.id).where(Person.name == "张建国"))
    assert found is not None
    return found


def _sample(**changes: object) -> fs.NewSample:
    base = fs.NewSample(LUNCH_DAY, "lunch", "红烧肉", "150", "11:40", tiny_png())
    return fs.NewSample(**{**vars(base), **changes})


def _record(factory: sessionmaker[Session], given: fs.NewSample, now: datetime = NOON) -> int:
    cook = _cook(factory)
    with unit_of_work(factory) as session:
        canteen = get_canteen(session, "test")
        return fs.record_sample(session, canteen, given, cook, now).id


def test_a_sample_with_its_photo_is_kept(shop: sessionmaker[Session]) -> None:
    sample_id = _record(shop, _sample())
    with shop() as session:
        sample = session.get(FoodSample, sample_id)
        assert sample is not None
        assert (sample.dish_name, sample.grams, sample.kept_by_name) == ("红烧肉", 150, "张建国")
        assert sample.kept_at == datetime(2026, 12, 1, 11, 40, tzinfo=TZ)
        assert sample.photo_id is not None
        photo = fs.photo_of(session, sample.canteen_id, sample.photo_id)
        assert photo is not None and photo.content_type == "image/png"
        assert photo.data == tiny_png()
        assert fs.photo_of(session, sample.canteen_id + 1, sample.photo_id) is None
    _record(shop, _sample(dish="米饭", photo=None))


@pytest.mark.parametrize(
    ("changes", "code"),
    [
        ({"grams": "100"}, "safety_too_light"),
        ({"grams": ""}, "safety_missing"),
        ({"dish": ""}, "safety_missing"),
        ({"meal": ""}, "safety_missing"),
        ({"meal": "supper"}, "safety_bad_meal"),
        ({"time": ""}, "safety_missing"),
        ({"time": "25:99"}, "bad_time"),
        ({"dish": "小米粥"}, "unknown_dish"),  # on breakfast's menu, not lunch's
        ({"day": date(2026, 12, 2), "time": "08:00"}, "safety_future_day"),
        ({"time": "12:30"}, "safety_future_time"),
        ({"day": date(2026, 11, 30)}, "safety_no_menu"),
        ({"photo": b"MZ\x90\x00 an exe"}, "photo_not_image"),
        ({"photo": b""}, "photo_not_image"),
        ({"photo": tiny_png() + b"\x00" * fs.MAX_PHOTO_BYTES}, "photo_too_big"),
    ],
)
def test_bad_samples_store_nothing(
    shop: sessionmaker[Session], changes: dict[str, object], code: str
) -> None:
    before = row_counts(shop)
    assert _code(lambda: _record(shop, _sample(**changes))) == code
    assert row_counts(shop) == before


def test_a_dish_not_on_the_menu_names_what_is(shop: sessionmaker[Session]) -> None:
    with pytest.raises(DomainError) as refused:
        _record(shop, _sample(dish="小米粥"))
    assert refused.value.message("zh") == (
        "12月1日午餐的菜单上没有“小米粥”。菜单上有：红烧肉、手把肉、鸡蛋羹、米饭。"
    )


def test_a_dish_is_sampled_once_a_meal(shop: sessionmaker[Session]) -> None:
    _record(shop, _sample())
    before = row_counts(shop)
    assert _code(lambda: _record(shop, _sample(grams="200"))) == "safety_already_sampled"
    assert row_counts(shop) == before
    with shop() as session:
        assert len(list(session.scalars(select(SafetyPhoto)))) == 1


def test_samples_whose_48_hours_ended(shop: sessionmaker[Session]) -> None:
    _record(shop, _sample(dish="红烧肉", time="11:00"))
    _record(shop, _sample(dish="米饭", time="11:30"))
    with shop() as session:
        canteen = get_canteen(session, "test")
        at = datetime(2026, 12, 3, 11, 15, tzinfo=TZ)
        assert [s.dish_name for s in fs.samples_to_discard(session, canteen.id, at)] == ["红烧肉"]
        later = at + timedelta(hours=1)
        assert [s.dish_name for s in fs.samples_to_discard(session, canteen.id, later)] == [
            "红烧肉",
            "米饭",
        ]
        assert fs.samples_to_discard(session, canteen.id, NOON) == []
        gone = later + fs.DISCARD_LIST_FOR
        assert fs.samples_to_discard(session, canteen.id, gone) == []


def _disinfect(factory: sessionmaker[Session], **changes: object) -> None:
    base = fs.NewDisinfection(LUNCH_DAY, "lunch", "cabinet", "11:00")
    given = fs.NewDisinfection(**{**vars(base), **changes})
    cook = _cook(factory)
    with unit_of_work(factory) as session:
        fs.record_disinfection(session, get_canteen(session, "test"), given, cook, NOON)


def test_disinfection_once_a_meal(shop: sessionmaker[Session]) -> None:
    _disinfect(shop)
    before = row_counts(shop)
    for changes, code in [
        ({}, "safety_already_disinfected"),
        ({"meal": "dinner", "method": ""}, "safety_missing"),
        ({"meal": "dinner", "method": "uv"}, "safety_bad_method"),
        ({"meal": "dinner", "day": date(2026, 12, 5)}, "safety_future_day"),
    ]:
        assert _code(lambda c=changes: _disinfect(shop, **c)) == code, changes
        assert row_counts(shop) == before


def _inspect(factory: sessionmaker[Session], answers: dict[str, fs.Answer], day: date) -> None:
    cook = _cook(factory)
    with unit_of_work(factory) as session:
        canteen = get_canteen(session, "test")
        fs.record_inspection(session, canteen, day, answers, cook, NOON)


def test_the_self_inspection_once_a_day(shop: sessionmaker[Session]) -> None:
    answers = {code: fs.Answer(True) for code in fs.CHECKS}
    before = row_counts(shop)
    assert _code(lambda: _inspect(shop, {}, LUNCH_DAY)) == "safety_unanswered"
    assert _code(lambda: _inspect(shop, answers, date(2026, 12, 2))) == "safety_future_day"
    assert row_counts(shop) == before
    _inspect(shop, answers, LUNCH_DAY)
    assert _code(lambda: _inspect(shop, answers, LUNCH_DAY)) == "safety_already_inspected"


def test_the_day_read_back_and_said(shop: sessionmaker[Session]) -> None:
    with shop() as session:
        canteen = get_canteen(session, "test")
        facts = fs.facts_of(fs.safety_day(session, canteen, LUNCH_DAY))
    assert fs.day_summary(facts, LUNCH_DAY) == (
        "今天早饭还没有留样，午饭还没有留样，晚饭还没有留样，餐具还没有消毒记录，还没有做每日自查。"
    )
    for dish in ("红烧肉", "手把肉", "米饭"):
        _record(shop, _sample(dish=dish, photo=None))
    _disinfect(shop, meal="breakfast", time="07:00")
    _disinfect(shop, meal="lunch")
    _disinfect(shop, meal="dinner", time="11:50")
    answers = {code: fs.Answer(True) for code in fs.CHECKS}
    _inspect(shop, {**answers, "pests": fs.Answer(False, "纱窗破了，已补")}, LUNCH_DAY)
    with shop() as session:
        canteen = get_canteen(session, "test")
        records = fs.safety_day(session, canteen, LUNCH_DAY)
        facts = fs.facts_of(records)
    assert [s.dish_name for s in records.samples] == ["红烧肉", "手把肉", "米饭"]
    assert fs.day_summary(facts, LUNCH_DAY) == (
        "今天早饭还没有留样，午饭留样3个菜，晚饭还没有留样，餐具已消毒，自查有1项不合格：防鼠防蝇。"
    )
