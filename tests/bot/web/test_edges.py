"""Odd values in links and forms are answered as pages, never a server error: days and months
far outside the service's years, ids too long for the database; and nothing is stored."""

from __future__ import annotations

import pytest

from tests.bot.web.conftest import Console, csrf_of
from tests.menus.helpers import row_counts


@pytest.mark.parametrize(
    "path",
    [
        "/canteens/test/board?date=9999-12-31",
        "/canteens/test/board?date=0001-01-01",
        "/canteens/test/safety?date=0001-01-01",
        "/canteens/test/safety?date=9999-12-31",
        "/canteens/test/feedback?month=0001-01",
        "/canteens/test/feedback?month=9999-12",
        "/canteens/test/feedback?month=garbage",
    ],
)
def test_far_days_and_months_show_a_page(console: Console, path: str) -> None:
    answer = console.signed_in("manager").get(path)
    assert answer.status_code == 200, answer.text[:300]


@pytest.mark.parametrize(
    "path",
    [
        "/canteens/test/safety/photos/99999999999999999999",
        "/canteens/test/orders/99999999999999999999",
        "/canteens/test/settlement/elders/99999999999999999999?month=2026-12",
    ],
)
def test_an_id_too_long_for_the_database_is_not_found(console: Console, path: str) -> None:
    answer = console.signed_in("manager").get(path)
    assert answer.status_code == 404


def test_a_disinfection_dated_year_one_is_refused_and_nothing_stored(console: Console) -> None:
    client = console.signed_in("cook")
    token = csrf_of(client.get("/canteens/test/safety").text)
    before = row_counts(console.factory)
    data = {"csrf": token, "date": "0001-01-01", "meal": "lunch", "method": "steam"}
    answer = client.post("/canteens/test/safety/disinfection", data={**data, "time": "00:00"})
    assert answer.status_code == 303
    assert row_counts(console.factory) == before
