"""People files (policies, elders, family, staff, cards, vouchers) and registering elders: a
hostile file is refused whole with every problem named, and nothing of it is stored."""

from __future__ import annotations

import time
from pathlib import Path

import pytest
from sqlalchemy import func, select
from sqlalchemy.orm import Session, sessionmaker

from menus.db import unit_of_work
from menus.errors import DomainError
from menus.models import Voucher
from menus.people import (
    MAX_VOUCHERS_PER_FILE,
    NewElder,
    PeopleFileError,
    add_elder,
    import_people_file,
    parse_people_bytes,
)
from tests.conftest import BEFORE_LUNCH, PEOPLE
from tests.menus.helpers import row_counts

TODAY = BEFORE_LUNCH.date()
ELDER = '{name: 甲, phone: "13904710009", address: 新华东街1号, region: "150102"}'
BOMB = """\
a: &a ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]
b: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]
c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]
d: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c]
e: &e [*d, *d, *d, *d, *d, *d, *d, *d, *d]
f: &f [*e, *e, *e, *e, *e, *e, *e, *e, *e]
g: &g [*f, *f, *f, *f, *f, *f, *f, *f, *f]
h: &h [*g, *g, *g, *g, *g, *g, *g, *g, *g]
i: &i [*h, *h, *h, *h, *h, *h, *h, *h, *h]
elders:
  - {name: 乙, address: *i, region: "150102"}
"""

HOSTILE: dict[str, tuple[str, list[str]]] = {
    # name: (file text, words the problems must contain)
    "huge amount": (
        'policies: [{region: "150102", category: general, kind: fixed, amount: 1e400, cap: 1}]',
        ["policies[0].amount", "yuan"],
    ),
    "nan amount": (
        'policies: [{region: "150102", category: general, kind: fixed, amount: .nan, cap: 1}]',
        ["policies[0].amount", "nan"],
    ),
    "huge birth year": (
        f"elders: [{ELDER[:-1]}, birth_year: {'9' * 25}}}]",
        ["elders[0] (甲).birth_year", "1900 to 2026"],
    ),
    "integer past int()'s digit limit": (
        f"elders: [{ELDER[:-1]}, birth_year: {'9' * 5000}}}]",
        ["has a value that is not valid"],
    ),
    "NUL in a name": ('elders: [{name: "王\\0秀兰", address: x, region: "150102"}]', ["control"]),
    "NUL byte in the file": ("elders: []\x00", ["NUL"]),
    "name of 100,000 characters": (
        f'elders: [{{name: "{"长" * 100_000}", address: x, region: "150102"}}]',
        ["elders[0].name", "100,000 characters", "limit is 50"],
    ),
    "name that is a list": (
        'elders: [{name: [1, 2], address: x, region: "150102"}]',
        ["elders[0].name", "must be text, not a list"],
    ),
    "community that is a mapping": (
        f"elders: [{ELDER[:-1]}, community: {{a: 1}}}}]",
        ["community", "must be text, not a mapping"],
    ),
    "billion laughs": (BOMB, ["aliases (*a) are not accepted"]),
    "unbounded voucher count": (
        f"elders: [{ELDER}]\nvouchers: [{{elder: 甲, value: 3, count: 200000}}]",
        ["vouchers[0].count", "1 to 100", "200000"],
    ),
    "voucher count of many digits": (
        f"elders: [{ELDER}]\nvouchers: [{{elder: 甲, value: 3, count: {'9' * 40}}}]",
        ["vouchers[0].count", "more than 30 digits"],
    ),
    "voucher count as text": (
        f"elders: [{ELDER}]\nvouchers: [{{elder: 甲, value: 3, count: lots}}]",
        ["vouchers[0].count", "not text"],
    ),
    "card for someone not in the file": (
        "cards: [{elder: 无名氏, kind: family, balance: 10}]",
        ["cards[0].elder", "无名氏", "not one of this file's elders"],
    ),
    "card balance of a septillion": (
        f"elders: [{ELDER}]\ncards: [{{elder: 甲, kind: family, balance: {'9' * 23}.0}}]",
        ["cards[0].balance", "more yuan than any amount"],
    ),
    "the same condition twice": (
        f"elders: [{ELDER[:-1]}, conditions: [gout, gout]}}]",
        ["conditions[1]", "'gout' is listed twice"],
    ),
    "a flag that is text": (
        f"elders: [{ELDER}]\nfamily: [{{name: 李娜, links: [{{elder: 甲, can_pay: maybe}}]}}]",
        ["family[0] (李娜).links[0].can_pay", "true or false"],
    ),
    "staff of no canteen": (
        "staff: [{name: 张三, phone: '13704710003', canteen: nowhere, role: cook}]",
        ["staff[0] (张三).canteen", "nowhere"],
    ),
    "an unknown section": ("elderz: []", ["elderz", "not a known section"]),
    "an empty file": ("", ["not an empty value"]),
    "an empty entry": ("elders: [~]", ["elders[0]: must be a mapping, not an empty value"]),
    "a gender that is not one": (
        f"elders: [{ELDER[:-1]}, gender: unknown}}]",
        ["gender", "'unknown' is not one of: female, male"],
    ),
    "a gender that is a list": (
        f"elders: [{ELDER[:-1]}, gender: [male, female]}}]",
        ["gender", "must be one of: female, male"],
    ),
    "a phone that is not one": (
        'elders: [{name: 甲, phone: "=cmd|calc", address: x, region: "150102"}]',
        ["phone", "not a phone number"],
    ),
}


@pytest.mark.parametrize("case", list(HOSTILE), ids=list(HOSTILE))
def test_hostile_people_files_are_refused_whole(
    shop: sessionmaker[Session], tmp_path: Path, case: str
) -> None:
    """Huge numbers, NUL bytes, wrong types, alias bombs and unbounded counts: one refusal
    naming the entry and field, and not one row changed."""
    text, words = HOSTILE[case]
    path = tmp_path / "people.yaml"
    path.write_text(text, encoding="utf-8")
    before = row_counts(shop)
    started = time.perf_counter()
    with pytest.raises(PeopleFileError) as info, unit_of_work(shop) as session:
        import_people_file(session, path, BEFORE_LUNCH)
    assert time.perf_counter() - started < 5
    message = info.value.message("en")
    assert message.startswith("The people file has problems; nothing was imported:")
    for word in words:
        assert word in message, message
    assert len(message) < 2_000
    assert row_counts(shop) == before


def test_every_problem_is_listed_with_its_line() -> None:
    """Problems in several entries are all named, each with the line of its entry."""
    text = (
        'elders:\n  - {name: 甲, address: x, region: "15"}\n'
        '  - {name: 乙, address: x, region: "150102", lang: fr}\n'
        "vouchers:\n  - {elder: 丙, value: -1}\n"
    )
    people, problems = parse_people_bytes(text.encode(), "p.yaml", TODAY, set())
    assert people is None
    assert problems == [
        "p.yaml:2 elders[0] (甲).region: '15' must be a 6-digit region code like 150102",
        "p.yaml:3 elders[1] (乙).lang: 'fr' is not one of: zh, mn",
        "p.yaml:5 vouchers[0].value: must be from 0.01 to 1000 yuan",
        "p.yaml:5 vouchers[0].elder: '丙' is not one of this file's elders",
    ]


def test_vouchers_are_limited_per_file_and_stored_quickly(
    shop: sessionmaker[Session], tmp_path: Path
) -> None:
    """Up to 50,000 vouchers in a file are stored in one insert (seconds, not minutes); one
    more is refused before anything is stored."""
    elders = ", ".join(f'{{name: e{i}, address: x, region: "150102"}}' for i in range(500))
    vouchers = ", ".join(f"{{elder: e{i}, value: 3, count: 100}}" for i in range(500))
    path = tmp_path / "many.yaml"
    path.write_text(f"elders: [{elders}]\nvouchers: [{vouchers}]\n", encoding="utf-8")
    started = time.perf_counter()
    with unit_of_work(shop) as session:
        counts = import_people_file(session, path, BEFORE_LUNCH)
    assert counts["vouchers"] == MAX_VOUCHERS_PER_FILE
    assert time.perf_counter() - started < 30
    with shop() as session:
        stored = session.scalar(select(func.count()).select_from(Voucher))
    assert stored == MAX_VOUCHERS_PER_FILE + 2  # and the test people's two

    path.write_text(
        f"elders: [{elders}]\nvouchers: [{vouchers}, {{elder: e0, value: 3}}]\n", encoding="utf-8"
    )
    with pytest.raises(PeopleFileError) as info, unit_of_work(shop) as session:
        import_people_file(session, path, BEFORE_LUNCH)
    assert "50,001 vouchers; the limit is 50,000" in info.value.message("en")


def test_the_test_people_file_passes_every_check() -> None:
    """The file the tests load passes every check, with its staff's canteen known."""
    raw = PEOPLE.read_bytes()
    people, problems = parse_people_bytes(raw, PEOPLE.name, TODAY, {"test"})
    assert problems == []
    assert people is not None
    counts = (len(people.elders), len(people.family), sum(v.count for v in people.vouchers))
    assert counts == (6, 2, 2)


@pytest.mark.parametrize(
    ("change", "words"),
    [
        ({"name": "长" * 100_000}, ["name is 100,000 characters; the limit is 50"]),
        ({"name": "王\x00秀兰"}, ["name contains control characters"]),
        ({"address": "  "}, ["address is empty"]),
        ({"phone": "+1+2"}, ["phone '+1+2' is not a phone number"]),
        ({"region": "1" * 40}, ["region", "6-digit"]),
        ({"dietary_notes": "少盐" * 1000}, ["dietary notes is 2,000 characters"]),
    ],
    ids=["long name", "NUL", "no address", "phone", "region", "notes"],
)
def test_add_elder_refuses_what_cannot_be_shown(
    factory: sessionmaker[Session], change: dict[str, str], words: list[str]
) -> None:
    """``elders add`` and people files share the same limits on what is stored."""
    fields: dict[str, str] = {"name": "甲", "phone": "13904710009", "address": "x"}
    fields["region"] = "150102"
    fields.update(change)
    before = row_counts(factory)
    with pytest.raises(DomainError) as info, unit_of_work(factory) as session:
        add_elder(session, NewElder(**fields), BEFORE_LUNCH)  # type: ignore[arg-type]
    assert info.value.code == "bad_argument"
    for word in words:
        assert word in str(info.value)
    assert row_counts(factory) == before
