"""The food-safety page (食品安全) of the console: 留样 with a photo, the disinfection log and
the self-inspection, each form refused in Chinese with nothing stored when its input is bad,
photos shown only to those who may see the canteen, and every change in the audit log."""

from __future__ import annotations

import re
from datetime import timedelta
from typing import Any

from sqlalchemy import select
from starlette.testclient import TestClient

from menus.food_safety import CHECKS, MAX_PHOTO_BYTES
from menus.models import AuditEntry, FoodSample
from tests.bot.web.conftest import Console, csrf_of
from tests.menus.helpers import row_counts
from tests.menus.test_food_safety import TINY_JPEG, tiny_png

PAGE = "/canteens/test/safety"
DAY = "2026-12-01"


def _text(html: str) -> str:
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html))


def _token(client: TestClient) -> str:
    return csrf_of(client.get(PAGE).text)


def post_sample(
    client: TestClient,
    *,
    grams: str = "150",
    dish: str = "红烧肉",
    photo: tuple[str, bytes, str] | None = ("sample.png", tiny_png(), "image/png"),
    token: str | None = None,
    time: str = "07:50",
) -> Any:
    """Post the 留样 form of today's lunch as a browser does (multipart, with the photo)."""
    data = {"date": DAY, "meal": "lunch", "dish": dish, "grams": grams, "time": time}
    if token != "":
        data["csrf"] = token or _token(client)
    files = {"photo": photo} if photo is not None else None
    return client.post(f"{PAGE}/samples", data=data, files=files)


def _error_shown(client: TestClient) -> str:
    page = client.get(f"{PAGE}?date={DAY}")
    found = re.search(r'class="flash flash-error"[^>]*>([^<]+)<', page.text)
    assert found, page.text
    return found.group(1)


def test_a_cook_keeps_a_sample_with_a_photo(console: Console) -> None:
    client = console.signed_in("cook")
    page = client.get(PAGE)
    assert page.status_code == 200
    assert "今天早饭还没有留样" in _text(page.text)
    answer = post_sample(client)
    assert answer.status_code == 303
    assert answer.headers["location"] == f"{PAGE}?date={DAY}"
    text = _text(client.get(f"{PAGE}?date={DAY}").text)
    assert "已记下午饭“红烧肉”留样 150 克，12月3日 07:50以后可以处理掉" in text
    assert "午饭留样1个菜" in text and "李厨师" in text
    with console.factory() as session:
        sample = session.scalar(select(FoodSample))
        assert sample is not None and sample.photo_id is not None
        entry = session.scalar(select(AuditEntry).where(AuditEntry.action == "safety.sample"))
        assert entry is not None and entry.actor_name == "李厨师"
        assert entry.detail == {"meal": "lunch", "dish": "红烧肉", "grams": 150}
    photo = client.get(f"{PAGE}/photos/{sample.photo_id}")
    assert photo.status_code == 200
    assert photo.headers["content-type"] == "image/png" and photo.content == tiny_png()
    assert "记录留样" in _text(console.signed_in("manager").get("/audit").text)


def test_a_jpeg_and_no_photo_are_kept_too(console: Console) -> None:
    client = console.signed_in("manager")
    post_sample(client, photo=("a.jpg", TINY_JPEG, "image/jpeg"))
    post_sample(client, dish="米饭", photo=None)
    with console.factory() as session:
        assert len(list(session.scalars(select(FoodSample)))) == 2


def test_a_file_that_is_not_an_image_is_refused(console: Console) -> None:
    client = console.signed_in("cook")
    token = _token(client)
    before = row_counts(console.factory)
    post_sample(client, photo=("photo.png", b"<script>alert(1)</script>", "image/png"), token=token)
    assert row_counts(console.factory) == before
    assert "不是 JPG 或 PNG 照片" in _error_shown(client)
    post_sample(client, photo=("empty.jpg", b"", "image/jpeg"), token=token)
    assert "不是 JPG 或 PNG 照片" in _error_shown(client)
    assert row_counts(console.factory) == before


def test_a_photo_over_5_mb_is_refused(console: Console) -> None:
    client = console.signed_in("cook")
    token = _token(client)
    before = row_counts(console.factory)
    big = tiny_png() + b"\x00" * (MAX_PHOTO_BYTES + 100_000)
    answer = post_sample(client, photo=("big.png", big, "image/png"), token=token)
    assert answer.status_code == 413
    assert "超过了上限 5.0 MB" in answer.text
    assert row_counts(console.factory) == before
    just_over = tiny_png() + b"\x00" * (MAX_PHOTO_BYTES - len(tiny_png()) + 1)
    answer = post_sample(client, photo=("big.png", just_over, "image/png"), token=token)
    assert answer.status_code == 303
    assert "超过了上限 5.0 MB" in _error_shown(client)
    assert row_counts(console.factory) == before


def test_100_grams_is_refused(console: Console) -> None:
    client = console.signed_in("cook")
    token = _token(client)
    before = row_counts(console.factory)
    post_sample(client, grams="100", token=token)
    assert row_counts(console.factory) == before
    assert "至少要留样 125 克" in _error_shown(client)


def test_a_dish_not_on_the_menu_and_a_future_time_are_refused(console: Console) -> None:
    client = console.signed_in("cook")
    token = _token(client)
    before = row_counts(console.factory)
    post_sample(client, dish="小米粥", token=token)
    assert "菜单上没有“小米粥”" in _error_shown(client)
    post_sample(client, time="09:30", token=token)
    assert "09:30 还没到" in _error_shown(client)
    assert row_counts(console.factory) == before


def test_a_cook_of_another_canteen_is_refused(console: Console) -> None:
    client = console.signed_in("other_cook")
    token = csrf_of(client.get("/canteens/other/safety").text)
    before = row_counts(console.factory)
    answer = post_sample(client, token=token)
    assert answer.status_code == 403
    assert client.get(PAGE).status_code == 403
    assert row_counts(console.factory) == before


def test_the_supervisor_reads_but_cannot_post(console: Console) -> None:
    post_sample(console.signed_in("cook"))
    client = console.signed_in("supervisor")
    page = client.get(f"{PAGE}?date={DAY}")
    assert page.status_code == 200
    assert "只读" in page.text and "红烧肉" in page.text
    assert "/safety/samples" not in page.text and "/safety/disinfection" not in page.text
    with console.factory() as session:
        photo_id = session.scalar(select(FoodSample.photo_id))
    assert client.get(f"{PAGE}/photos/{photo_id}").status_code == 200
    before = row_counts(console.factory)
    answer = post_sample(client, dish="米饭", token=csrf_of(page.text))
    assert answer.status_code == 403
    disinfect = {"csrf": csrf_of(page.text), "date": DAY, "meal": "lunch", "method": "steam"}
    assert client.post(f"{PAGE}/disinfection", data=disinfect).status_code == 403
    assert row_counts(console.factory) == before


def test_photos_stay_with_their_canteen(console: Console) -> None:
    post_sample(console.signed_in("cook"))
    with console.factory() as session:
        photo_id = session.scalar(select(FoodSample.photo_id))
    other = console.signed_in("other_cook")
    assert other.get(f"{PAGE}/photos/{photo_id}").status_code == 403
    assert other.get(f"/canteens/other/safety/photos/{photo_id}").status_code == 404
    assert console.signed_in("other_supervisor").get(f"{PAGE}/photos/{photo_id}").status_code == 403
    assert console.signed_in("delivery").get(f"{PAGE}/photos/{photo_id}").status_code == 403
    assert console.client().get(f"{PAGE}/photos/{photo_id}").status_code == 303


def test_without_the_csrf_token_nothing_is_stored(console: Console) -> None:
    client = console.signed_in("cook")
    before = row_counts(console.factory)
    answer = post_sample(client, token="")
    assert answer.status_code == 403
    assert "什么都没有改" in answer.text
    assert row_counts(console.factory) == before


def test_disinfection_and_inspection_fill_the_days_sentence(console: Console) -> None:
    client = console.signed_in("manager")
    token = _token(client)
    for dish in ("红烧肉", "手把肉", "米饭"):
        post_sample(client, dish=dish, photo=None, token=token)
    for meal in ("breakfast", "lunch", "dinner"):
        data = {"csrf": token, "date": DAY, "meal": meal, "method": "cabinet", "time": "07:55"}
        assert client.post(f"{PAGE}/disinfection", data=data).status_code == 303
    answers = {f"check_{code}": "pass" for code in CHECKS}
    refused = {"csrf": token, "date": DAY, **answers, "check_pests": "fail"}
    before = row_counts(console.factory)
    client.post(f"{PAGE}/inspection", data=refused)
    assert "“防鼠防蝇”不合格，请写明" in _error_shown(client)
    assert row_counts(console.factory) == before
    done = client.post(f"{PAGE}/inspection", data={"csrf": token, "date": DAY, **answers})
    assert done.status_code == 303
    text = _text(client.get(f"{PAGE}?date={DAY}").text)
    assert "今天早饭还没有留样，午饭留样3个菜，晚饭还没有留样，餐具已消毒，自查全部合格。" in text
    assert "消毒柜" in text and "张建国 已做完自查" in text
    audit = _text(client.get("/audit").text)
    assert "记录餐具消毒" in audit and "记录每日自查" in audit


def test_samples_past_48_hours_may_be_discarded(console: Console) -> None:
    client = console.signed_in("cook")
    post_sample(client)
    assert "现在没有已满 48 小时的留样" in client.get(PAGE).text
    console.clock.now += timedelta(hours=48)
    text = _text(console.signed_in("cook").get(PAGE).text)  # a new day, a new sign-in
    assert "12月1日午餐 红烧肉（150 克，12-01 07:50 留样，12-03 07:50 起可处理）" in text


def test_the_page_is_linked_from_the_menu_and_the_board(console: Console) -> None:
    client = console.signed_in("cook")
    board = client.get("/canteens/test/board").text
    assert 'href="/canteens/test/safety"' in board and "测试社区老年食堂 食品安全" in board
    assert "/safety?date=2026-12-01" in board
    delivery = console.signed_in("delivery").get("/canteens/test/board").text
    assert "/safety" not in delivery
