"""A wish for meals on many days is heard as such (and 各/тус бүр "each" is not)."""

from __future__ import annotations

import pytest

from nlu.recurrence import heard


@pytest.mark.parametrize(
    "text",
    ["这礼拜每天晌午都给我送一份", "下周一到周五中午羊汤", "工作日每天晌午", "还是老样子",
     "跟昨天一样", "ажлын өдөр бүр өдрийн хоол", "ᠡᠳᠦᠷ ᠪᠦᠷᠢ ᠦᠳᠡ ᠶᠢᠨ ᠬᠣᠭᠣᠯᠠ"],
)  # fmt: skip
def test_many_days_are_heard(text: str) -> None:
    assert heard(text)


@pytest.mark.parametrize(
    "text",
    ["明天中午一份红烧肉", "我要订餐", "Бууз, банш тус бүр нэг", "ᠪᠣᠣᠵᠠ ᠪᠠ ᠲᠠᠷᠠᠭ ᠲᠤᠰ ᠪᠦᠷᠢ ᠬᠣᠶᠠᠷ",
     "饺子米饭各一份", "今天晌午还跟昨天一样", "明天还是老样子"],
)  # fmt: skip
def test_one_day_is_not_heard_as_many(text: str) -> None:
    assert not heard(text)


@pytest.mark.parametrize(
    "text", ["", "   ", "每" * 100_000, "\x00\x01每天", "🍚" * 1000, "ᠡᠳᠦᠷ" * 5000]
)
def test_empty_huge_and_hostile_text_is_answered_quickly(text: str) -> None:
    """Whatever arrives, the answer is a plain yes or no, and no pattern runs away."""
    import time

    from nlu.emergency import heard as heard_emergency
    from nlu.recurrence import days, pause_or_resume

    started = time.perf_counter()
    assert heard(text) in (True, False)
    assert heard_emergency(text) in (True, False)
    assert pause_or_resume(text) in (True, False, None)
    weekdays, _, _ = days(text, __import__("datetime").date(2026, 12, 1))
    assert set(weekdays) <= set(range(7))
    assert time.perf_counter() - started < 2


WORKDAYS = (0, 1, 2, 3, 4)


@pytest.mark.parametrize(
    ("text", "weekdays", "first", "last"),
    [
        ("ирэх 7 хоногийн даваагаас баасан хурт удэд шол", WORKDAYS, "2026-12-07", "2026-12-13"),
        ("ᠢᠷᠡᠬᠦ ᠳᠣᠯᠣᠭ᠎ᠠ ᠬᠣᠨᠣᠭ ᠤᠨ ᠳᠠᠪᠤᠭ᠎ᠠ ᠠᠴᠠ ᠪᠠᠰᠠᠩ ᠬᠦᠷᠲᠡᠯᠡ", WORKDAYS, "2026-12-07", "2026-12-13"),
        ("даваа гарагаас пүрэв хүртэл үдийн хоол", (0, 1, 2, 3), "2026-12-01", None),
        ("下周一到周五中午羊汤", (0, 1, 2, 3, 4), "2026-12-07", "2026-12-13"),
        # up to one weekday said: this week's (from Tuesday the 1st)
        ("маргаашаас эхлээд энэ долоо хоногт ням гараг хүртэл өдөр бүр", tuple(range(7)),
         "2026-12-01", "2026-12-06"),
        ("每天中午送一份面，到礼拜五", tuple(range(7)), "2026-12-01", "2026-12-04"),
        ("энэ долоо хоногт өдөр бүр үдэд", tuple(range(7)), "2026-12-01", "2026-12-06"),
        # weekdays said by number after ᠭᠠᠷᠠᠭ ᠤᠨ (the fifth's ᠭᠠᠷᠠᠭ ᠤᠨ left out)
        ("ᠠᠵᠢᠯ ᠤᠨ ᠡᠳ᠋ᠦᠷ ᠪᠦᠷᠢ᠂ ᠭᠠᠷᠠᠭ ᠤᠨ ᠨᠢᠭᠡ ᠡᠴᠡ ᠲᠠᠪᠤ ᠬᠦᠷᠲᠡᠯ᠎ᠡ᠂ ᠣᠷᠣᠢ ᠶᠢᠨ ᠬᠣᠭᠣᠯ",
         (0, 1, 2, 3, 4), "2026-12-01", None),
        # up to a day of next week: from today, not next week alone
        ("从明天起到下礼拜二，每天中午送一碗面", tuple(range(7)), "2026-12-01", "2026-12-08"),
        ("下周一到下周五每天中午", tuple(range(7)), "2026-12-07", "2026-12-11"),
        ("ᠬᠣᠶᠢᠲᠤ ᠭᠠᠷᠠᠭ ᠤᠨ ᠠᠵᠢᠯ ᠤᠨ ᠡᠳᠦᠷ ᠪᠦᠷ ᠣᠷᠣᠢ ᠶᠢᠨ ᠬᠣᠭᠣᠯᠠ", (0, 1, 2, 3, 4), "2026-12-07",
         "2026-12-13"),  # ᠬᠣᠶᠢᠲᠤ ᠭᠠᠷᠠᠭ: next week, as Inner Mongolia writes it
        ("ᠡᠨᠡ ᠭᠠᠷᠠᠭ ᠲᠤ ᠡᠳᠦᠷ ᠪᠦᠷ᠂ ᠦᠳᠡ ᠶᠢᠨ ᠬᠣᠭᠣᠯᠠ", tuple(range(7)), "2026-12-01", "2026-12-06"),
    ],
)  # fmt: skip
def test_mongolian_spans_of_weekdays_are_heard_with_their_days(
    text: str, weekdays: tuple[int, ...], first: str, last: str | None
) -> None:
    """даваагаас баасан хүртэл is Monday to Friday, ирэх долоо хоног next week, in both scripts."""
    from datetime import date

    from nlu.recurrence import days

    assert heard(text)
    said = days(text, date(2026, 12, 1))
    assert said == (weekdays, date.fromisoformat(first), date.fromisoformat(last) if last else None)


def test_one_mongolian_weekday_is_one_day() -> None:
    assert not heard("ирэх баасан гарагт банш авъя")


@pytest.mark.parametrize(
    ("text", "span"),
    [
        ("礼拜四礼拜五去闺女家，那两天先停了，礼拜六再接着送", ("2026-12-03", "2026-12-04")),
        ("先停到礼拜六，礼拜六再接着送", ("2026-12-01", "2026-12-04")),
        ("明天后天不在家，先停两天", ("2026-12-02", "2026-12-03")),
        ("住院了先停了", None),
        ("从明天开始住院，先停了", None),
        ("明天不在家，先停了", None),
        ("明天不在家，先停一天", ("2026-12-02", "2026-12-02")),
        ("礼拜四接着送", None),
        ("下周二到周四我去儿子家，先停一下，等我回来再接着送", ("2026-12-08", "2026-12-10")),
        ("这周四和周五去儿子家，这两天先停一下，下周一照常", ("2026-12-03", "2026-12-04")),
        ("下礼拜三礼拜四先停了", ("2026-12-09", "2026-12-10")),
        ("礼拜四礼拜五复查去，那两天先停了，礼拜六接着给我整", ("2026-12-03", "2026-12-04")),
        ("礼拜四先停了，礼拜五再送", ("2026-12-03", "2026-12-03")),
    ],
)  # fmt: skip
def test_a_pause_names_its_days_when_said(text: str, span: tuple[str, str] | None) -> None:
    from datetime import date

    from nlu.recurrence import pause_span

    found = pause_span(text, date(2026, 12, 1))
    assert found == (tuple(date.fromisoformat(d) for d in span) if span else None)


@pytest.mark.parametrize(
    ("text", "wish"),
    [
        ("Түр зогсоогоорой", True),
        ("ᠲᠦᠷ ᠵᠣᠭᠰᠣᠭᠠᠭᠠᠷᠠᠢ", True),
        ("Автобусны зогсоол дээр өөрөө авна", None),  # a bus stop
        ("Битгий зогсоогоорой", None),  # do not stop
        ("Хоолоо зогсоохгүй шүү", None),  # will not stop
        ("Хүргэлт хэдэн цагт зогсох вэ", None),  # a question
    ],
)
def test_a_mongolian_pause_is_a_wish_to_stop(text: str, wish: bool | None) -> None:
    """зогсоо- pauses standing meals; a stop, a negation or a question does not."""
    from nlu.recurrence import pause_or_resume

    assert pause_or_resume(text) is wish


def test_every_day_typed_in_latin_letters_is_heard() -> None:
    """Udur bur (өдөр бүр with ө typed u): a standing wish; a one-day Latin order is not."""
    assert heard("Udur bur oroin hoolond shar budaanii zutan 1. Gert hurgej ogooroi")
    assert not heard("margaash udur buuz 2")
