"""Elders, their families and canteen staff; who may act for whom.

Personal data (phones, addresses, conditions) is stored here and never logged; ``mask_phone``
is what lists show by default.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Collection, Iterator
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any

from sqlalchemy import insert, select
from sqlalchemy.orm import Session, selectinload

from menus.clock import local_today
from menus.errors import DomainError
from menus.files import FileRefused, read_bounded
from menus.models import (
    Canteen,
    Card,
    CardTransaction,
    ElderCategoryRow,
    ElderConditionRow,
    ElderProfile,
    FamilyLink,
    Identity,
    Person,
    StaffMember,
    SubsidyPolicyRow,
    Voucher,
)
from menus.pricing import SubsidyKind, fen_to_yuan, yuan_to_fen
from menus.text import ascii_whole, clean, has_control_chars
from menus.vocab import (
    CardKind,
    Condition,
    ElderCategory,
    Gender,
    Lang,
    StaffRole,
    parse_vocab,
)
from menus.yamlfiles import LineDict, load_yaml

MAX_LEVEL = 3
MAX_PERSON_NAME = 50
MAX_ADDRESS = 200
MAX_COMMUNITY = 100
MAX_NOTES = 500
_PHONE_RE = re.compile(r"^\+?[0-9][0-9 ()-]{0,23}$")
_REGION_RE = re.compile(r"^\d{6}$")
MAX_PEOPLE_FILE_BYTES = 5_000_000
"""A district's registration (ten thousand elders) fits; a people file is read whole, so a
bigger one is refused before it is read."""


@dataclass
class NewElder:
    """What registering an elder needs; categories may carry a level (``shineng:2``)."""

    name: str
    phone: str | None
    address: str
    region: str
    community: str | None = None
    lang: Lang = Lang.ZH
    birth_year: int | None = None
    gender: Gender | None = None
    categories: dict[ElderCategory, int | None] = field(default_factory=dict)
    conditions: list[Condition] = field(default_factory=list)
    dietary_notes: str | None = None


def parse_category(text: str) -> tuple[ElderCategory, int | None]:
    """``gaoling`` → (高龄, None); ``失能:2`` → (失能, 2)."""
    name, _, level_text = text.partition(":")
    category = parse_vocab(ElderCategory, name)
    if not level_text:
        return category, None
    level = ascii_whole(level_text, 1)
    if level is None or not 1 <= level <= MAX_LEVEL:
        raise ValueError(f"the level in '{text}' must be 1, 2 or 3")
    return category, level


def mask_phone(phone: str | None) -> str:
    """138****1234: enough to recognise, not enough to misuse."""
    if not phone:
        return ""
    if len(phone) < 7:
        return "*" * len(phone)
    return phone[:3] + "*" * (len(phone) - 7) + phone[-4:]


def elder_problems(new: NewElder) -> list[str]:
    """What is wrong with an elder to register (empty if nothing): names and addresses are
    shown to staff and read aloud, so they are bounded and hold no control characters."""
    problems = []
    for what, value, limit, required in (
        ("name", new.name, MAX_PERSON_NAME, True),
        ("address", new.address, MAX_ADDRESS, True),
        ("community", new.community, MAX_COMMUNITY, False),
        ("dietary notes", new.dietary_notes, MAX_NOTES, False),
    ):
        if value is None or not value.strip():
            if required:
                problems.append(f"{what} is empty")
        elif has_control_chars(value):
            problems.append(f"{what} contains control characters")
        elif len(value) > limit:
            problems.append(f"{what} is {len(value):,} characters; the limit is {limit}")
    if new.phone and not _PHONE_RE.match(new.phone):
        problems.append(f"phone '{new.phone[:30]}' is not a phone number like 13904710001")
    if not _REGION_RE.match(new.region):
        problems.append(f"region '{new.region[:30]}' is not a 6-digit region code like 150102")
    return problems


def add_elder(session: Session, new: NewElder, now: datetime) -> Person:
    """Register an elder; the caller's transaction stores it."""
    problems = elder_problems(new)
    if problems:
        raise DomainError("bad_argument", detail="; ".join(problems))
    person = Person(
        kind="elder", name=new.name.strip(), phone=new.phone, lang=new.lang.value, created_at=now
    )
    person.elder = ElderProfile(
        address=new.address.strip(),
        community=new.community,
        region=new.region,
        birth_year=new.birth_year,
        gender=new.gender.value if new.gender else None,
        dietary_notes=new.dietary_notes,
    )
    person.elder.categories = [
        ElderCategoryRow(category=c.value, level=level) for c, level in new.categories.items()
    ]
    person.elder.conditions = [ElderConditionRow(condition=c.value) for c in new.conditions]
    session.add(person)
    session.flush()
    return person


def find_elder(session: Session, name_or_id: str) -> Person:
    """The elder with this id or this exact name; refuses an ambiguous name."""
    query = select(Person).where(Person.kind == "elder").options(_elder_loads())
    text = name_or_id.strip()
    if (person_id := ascii_whole(text)) is not None:
        person = session.scalar(query.where(Person.id == person_id))
        if person is not None:
            return person
    matches = list(session.scalars(query.where(Person.name == text)))
    if not matches:
        raise DomainError("unknown_elder", who=text)
    if len(matches) > 1:
        raise DomainError(
            "ambiguous_elder",
            who=text,
            count=len(matches),
            ids=", ".join(str(p.id) for p in matches),
        )
    return matches[0]


def find_person(session: Session, name_or_id: str) -> Person:
    """Anyone (elder, family or staff) with this id or this exact name."""
    text = name_or_id.strip()
    if (person_id := ascii_whole(text)) is not None:
        person = session.get(Person, person_id)
        if person is not None:
            return person
    matches = list(session.scalars(select(Person).where(Person.name == text)))
    if not matches:
        raise DomainError("unknown_elder", who=text)
    if len(matches) > 1:
        ids = ", ".join(str(p.id) for p in matches)
        raise DomainError("ambiguous_elder", who=text, count=len(matches), ids=ids)
    return matches[0]


def _elder_loads() -> Any:
    return selectinload(Person.elder).options(
        selectinload(ElderProfile.categories), selectinload(ElderProfile.conditions)
    )


def list_elders(session: Session) -> list[Person]:
    """Every elder, with categories and conditions loaded."""
    query = select(Person).where(Person.kind == "elder").options(_elder_loads())
    return list(session.scalars(query.order_by(Person.id)))


def elder_categories(person: Person) -> dict[ElderCategory, int | None]:
    """An elder's categories and levels, as the pricing rules take them."""
    assert person.elder is not None
    return {ElderCategory(c.category): c.level for c in person.elder.categories}


def person_for_identity(session: Session, channel: str, account_id: str) -> Person | None:
    """The person behind a channel account (a Telegram user id, say), if registered."""
    identity = session.scalar(
        select(Identity).where(Identity.channel == channel, Identity.account_id == account_id)
    )
    return session.get(Person, identity.person_id) if identity else None


# ---------------------------------------------------------------------- people files

MAX_SUBSIDY_FEN = 100_000
"""A subsidy (amount or cap) is at most what a meal may cost (1,000 yuan)."""
MAX_CARD_FEN = 10_000_000
"""A card is topped up with at most 100,000 yuan at once."""
MAX_VOUCHER_FEN = 100_000
MAX_VOUCHERS_PER_ENTRY = 100
MAX_VOUCHERS_PER_FILE = 50_000
"""Five vouchers for each of ten thousand elders; 200,000 took 27 s and 580 MB before the
limit, and each voucher is a row."""
MAX_VALID_DAYS = 366
MAX_PROBLEMS_SHOWN = 50
"""A file with thousands of bad rows is refused with the first problems and a count."""


class PeopleFileError(DomainError):
    """A people file with problems; nothing from it is stored."""

    def __init__(self, problems: list[str]) -> None:
        self.problems = problems
        shown = problems[:MAX_PROBLEMS_SHOWN]
        lines = ["  - " + p for p in shown]
        if len(problems) > len(shown):
            lines.append(f"  … and {len(problems) - len(shown):,} more")
        super().__init__("people_file_invalid", problems="\n".join(lines))


@dataclass(frozen=True)
class PolicySpec:
    """One subsidy standard: a region and category, fixed or percent, capped per meal."""

    region: str
    category: ElderCategory
    kind: SubsidyKind
    amount_fen: int
    percent: int
    cap_fen: int
    min_level: int | None


@dataclass(frozen=True)
class LinkSpec:
    """A family member's link to an elder of the same file, with what it allows."""

    elder: str
    relation: str
    can_order: bool
    can_pay: bool
    notify: bool


@dataclass(frozen=True)
class MemberSpec:
    """A family member (``links``) or a staff member (``canteen``, ``role``)."""

    name: str
    phone: str
    lang: Lang = Lang.ZH
    links: tuple[LinkSpec, ...] = ()
    canteen: str = ""
    role: StaffRole = StaffRole.VOLUNTEER


@dataclass(frozen=True)
class CardSpec:
    """A family or charity card for an elder of the file, with its first top-up."""

    elder: str
    kind: CardKind
    balance_fen: int
    funded_by: str | None


@dataclass(frozen=True)
class VoucherSpec:
    """``count`` vouchers of one value for an elder of the file."""

    elder: str
    value_fen: int
    count: int
    valid_days: int


@dataclass
class PeopleFile:
    """A whole, checked people file; names in links, cards and vouchers are of the file."""

    policies: list[PolicySpec] = field(default_factory=list)
    elders: list[NewElder] = field(default_factory=list)
    family: list[MemberSpec] = field(default_factory=list)
    staff: list[MemberSpec] = field(default_factory=list)
    cards: list[CardSpec] = field(default_factory=list)
    vouchers: list[VoucherSpec] = field(default_factory=list)


def import_people_file(session: Session, path: str | Path, now: datetime) -> dict[str, int]:
    """Load subsidy policies, elders, family, staff, cards and vouchers from a YAML file.

    Used for the demo and for bulk registration by the civil-affairs office (民政). The file is
    checked whole first (every problem listed, as menu files are), then stored in the caller's
    transaction; with any problem, none of it.
    """
    name = Path(path).name
    try:
        raw = read_bounded(path, MAX_PEOPLE_FILE_BYTES)  # refused before it is read if too big
    except FileRefused as exc:
        raise PeopleFileError([f"{name}: {exc.what}"]) from None
    canteens = set(session.scalars(select(Canteen.code)))
    people, problems = parse_people_bytes(raw, name, local_today(now), canteens)
    if problems or people is None:
        raise PeopleFileError(problems)
    return store_people(session, people, now)


def parse_people_bytes(
    raw: bytes, name: str, today: date, canteens: Collection[str]
) -> tuple[PeopleFile | None, list[str]]:
    """Check a people file's bytes; ``(file, [])`` or ``(None, every problem found)``.

    Pure: the canteens staff may work for (their codes) are given, not looked up.
    """
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        return None, [f"{name}: is not UTF-8 (byte {exc.start}); save it as UTF-8 and retry"]
    if "\x00" in text:
        return None, [f"{name}: contains NUL bytes; is it a text file?"]
    data, what, line = load_yaml(text)
    if what is not None:
        return None, [f"{name}:{line} {what}" if line else f"{name}: {what}"]
    chk = _PeopleChecker(name, today, canteens)
    people = chk.people(data)
    return (people, []) if not chk.problems else (None, chk.problems)


_SECTIONS = ("policies", "elders", "family", "staff", "cards", "vouchers")


class _PeopleChecker:
    """Turns loaded YAML into specs, collecting every problem with its entry and line.

    Why every value is type-checked before use: ``str()`` of a list, ``int()`` of a number
    with thousands of digits or a NUL in a name went into the store, or crashed half-way.
    """

    def __init__(self, file: str, today: date, canteens: Collection[str]) -> None:
        self.source = file
        self.today = today
        self.canteens = canteens
        self.problems: list[str] = []
        self.elder_names: Counter[str] = Counter()
        self.names: Counter[str] = Counter()
        self.line: int | None = None
        self.where = ""

    def add(self, fld: str, what: str) -> None:
        location = f"{self.source}:{self.line}" if self.line else self.source
        name = f".{fld}" if fld else ""
        self.problems.append(f"{location} {self.where}{name}: {what}")

    # ------------------------------------------------------------------ values

    def text(self, entry: dict[str, Any], key: str, *, required: bool, limit: int) -> str | None:
        """A text field (a whole number is taken as its digits); ``None`` when bad or absent."""
        value = entry.get(key)
        if value is None or (isinstance(value, str) and not value.strip()):
            if required:
                self.add(key, "is missing")
            return None
        if isinstance(value, int) and not isinstance(value, bool):
            value = str(value)
        if not isinstance(value, str):
            self.add(key, f"must be text, not {_kind(value)}")
            return None
        value = clean(value)
        if has_control_chars(value):
            self.add(key, "contains control characters (NUL, tabs, line breaks…)")
            return None
        if len(value) > limit:
            self.add(key, f"is {len(value):,} characters; the limit is {limit}")
            return None
        return value

    def whole(self, entry: dict[str, Any], key: str, low: int, high: int, default: int) -> int:
        value = entry.get(key, default)
        if isinstance(value, bool) or not isinstance(value, int):
            self.add(key, f"must be a whole number from {low} to {high}, not {_kind(value)}")
            return default
        if not low <= value <= high:
            self.add(key, f"must be from {low} to {high}, not {_short(value)}")
            return default
        return value

    def yuan(self, entry: dict[str, Any], key: str, low: int, high: int, **default: int) -> int:
        """An amount of yuan as fen, from ``low`` to ``high`` fen."""
        if key not in entry and "fen" in default:
            return default["fen"]
        value = entry.get(key)
        if value is None:
            self.add(key, "is missing")
            return 0
        if isinstance(value, str) and len(value) > 20:
            self.add(key, "is not a number of yuan")
            return 0
        try:
            fen = yuan_to_fen(value)
        except ValueError as exc:
            self.add(
                key, str(exc) if isinstance(value, (int, float)) else "is not a number of yuan"
            )
            return 0
        if not low <= fen <= high:
            self.add(key, f"must be from {fen_to_yuan(low)} to {fen_to_yuan(high)} yuan")
            return 0
        return fen

    def flag(self, entry: dict[str, Any], key: str, default: bool) -> bool:
        value = entry.get(key, default)
        if not isinstance(value, bool):
            self.add(key, f"must be true or false, not {_kind(value)}")
            return default
        return value

    def vocab(self, kind: type[Any], entry: dict[str, Any], key: str, default: Any = None) -> Any:
        value = entry.get(key)
        if value is None:
            if default is None:
                self.add(key, "is missing")
            return default
        if not isinstance(value, str) or len(value) > 40:
            self.add(key, f"must be one of: {', '.join(m.value for m in kind)}")
            return default
        try:
            return parse_vocab(kind, value)
        except ValueError as exc:
            self.add(key, str(exc))
            return default

    def words(self, entry: dict[str, Any], key: str) -> list[str]:
        """A list of short words (categories, conditions); each at most once."""
        value = entry.get(key)
        if value is None:
            return []
        if not isinstance(value, list):
            self.add(key, f"must be a list, not {_kind(value)}")
            return []
        out: list[str] = []
        for i, item in enumerate(value):
            if isinstance(item, bool) or not isinstance(item, str) or not 0 < len(item) <= 40:
                self.add(f"{key}[{i}]", "must be a short word")
            elif item in out:
                self.add(f"{key}[{i}]", f"'{item}' is listed twice")
            else:
                out.append(item)
        return out

    def phone(self, entry: dict[str, Any]) -> str | None:
        phone = self.text(entry, "phone", required=False, limit=24)
        if phone is not None and not _PHONE_RE.match(phone):
            self.add("phone", f"'{phone}' is not a phone number like 13904710001")
            return None
        return phone

    def person_name(self, entry: dict[str, Any]) -> str | None:
        name = self.text(entry, "name", required=True, limit=MAX_PERSON_NAME)
        if name:
            self.where = f"{self.where} ({name})"
        return name

    def known(self, entry: dict[str, Any], keys: tuple[str, ...]) -> None:
        for key in entry:
            if key not in keys:
                self.add(str(key)[:40], f"is not a known field ({', '.join(keys)})")

    # ---------------------------------------------------------------- sections

    def entries(self, data: dict[str, Any], section: str) -> Iterator[dict[str, Any]]:
        """The mappings of a section, one at a time: while one is checked, problems name it
        (``where``) and its line."""
        raw = data.get(section)
        if raw is None:
            return
        self.where, self.line = section, None
        if not isinstance(raw, list):
            self.add("", f"must be a list, not {_kind(raw)}")
            return
        for i, entry in enumerate(raw):
            self.where, self.line = f"{section}[{i}]", getattr(entry, "line", None)
            if not isinstance(entry, dict):
                self.add("", f"must be a mapping, not {_kind(entry)}")
                continue
            yield entry

    def people(self, data: Any) -> PeopleFile | None:
        if not isinstance(data, dict):
            self.where = ""
            self.add("", f"must be a mapping of {', '.join(_SECTIONS)}, not {_kind(data)}")
            return None
        for key in data:
            if key not in _SECTIONS:
                self.where = str(key)[:40]
                self.add("", f"is not a known section ({', '.join(_SECTIONS)})")
        people = PeopleFile()
        people.policies = [self.policy(e) for e in self.entries(data, "policies")]
        people.elders = [n for e in self.entries(data, "elders") if (n := self.elder(e))]
        self.elder_names = Counter(e.name for e in people.elders)
        people.family = [m for e in self.entries(data, "family") if (m := self.family(e))]
        self.names = self.elder_names + Counter(m.name for m in people.family)
        people.staff = [m for e in self.entries(data, "staff") if (m := self.staff(e))]
        people.cards = [c for e in self.entries(data, "cards") if (c := self.card(e))]
        people.vouchers = [v for e in self.entries(data, "vouchers") if (v := self.voucher(e))]
        total = sum(v.count for v in people.vouchers)
        if total > MAX_VOUCHERS_PER_FILE:
            self.where, self.line = "vouchers", None
            self.add("", f"add up to {total:,} vouchers; the limit is {MAX_VOUCHERS_PER_FILE:,}")
        return people

    def policy(self, entry: dict[str, Any]) -> PolicySpec:
        self.known(entry, ("region", "category", "kind", "amount", "percent", "cap", "min_level"))
        region = self.text(entry, "region", required=True, limit=6) or ""
        if region and not _REGION_RE.match(region):
            self.add("region", f"'{region}' must be a 6-digit region code like 150102")
        min_level = entry.get("min_level")
        return PolicySpec(
            region=region,
            category=self.vocab(ElderCategory, entry, "category"),
            kind=self.vocab(SubsidyKind, entry, "kind"),
            amount_fen=self.yuan(entry, "amount", 0, MAX_SUBSIDY_FEN, fen=0),
            percent=self.whole(entry, "percent", 0, 100, 0),
            cap_fen=self.yuan(entry, "cap", 0, MAX_SUBSIDY_FEN),
            min_level=None
            if min_level is None
            else self.whole(entry, "min_level", 1, MAX_LEVEL, 1),
        )

    def elder(self, entry: dict[str, Any]) -> NewElder | None:
        self.known(entry, ("name", "phone", "address", "region", "community", "lang", "gender",
                           "birth_year", "categories", "conditions", "dietary_notes"))  # fmt: skip
        name = self.person_name(entry)
        region = self.text(entry, "region", required=True, limit=6) or ""
        if region and not _REGION_RE.match(region):
            self.add("region", f"'{region}' must be a 6-digit region code like 150102")
        categories: dict[ElderCategory, int | None] = {}
        for i, word in enumerate(self.words(entry, "categories")):
            try:
                category, level = parse_category(word)
            except ValueError as exc:
                self.add(f"categories[{i}]", str(exc))
                continue
            if category in categories:
                self.add(f"categories[{i}]", f"'{category.value}' is listed twice")
            categories[category] = level
        conditions: list[Condition] = []
        for i, word in enumerate(self.words(entry, "conditions")):
            try:
                condition = parse_vocab(Condition, word)
            except ValueError as exc:
                self.add(f"conditions[{i}]", str(exc))
                continue
            if condition in conditions:
                self.add(f"conditions[{i}]", f"'{condition.value}' is listed twice")
            conditions.append(condition)
        birth_year = entry.get("birth_year")
        new = NewElder(
            name=name or "",
            phone=self.phone(entry),
            address=self.text(entry, "address", required=True, limit=MAX_ADDRESS) or "",
            region=region,
            community=self.text(entry, "community", required=False, limit=MAX_COMMUNITY),
            lang=self.vocab(Lang, entry, "lang", Lang.ZH),
            birth_year=None
            if birth_year is None
            else self.whole(entry, "birth_year", 1900, self.today.year, 1900),
            gender=self.vocab(Gender, entry, "gender") if "gender" in entry else None,
            categories=categories,
            conditions=conditions,
            dietary_notes=self.text(entry, "dietary_notes", required=False, limit=MAX_NOTES),
        )
        return new if name else None

    def family(self, entry: dict[str, Any]) -> MemberSpec | None:
        self.known(entry, ("name", "phone", "lang", "links"))
        name = self.person_name(entry)
        phone, lang = self.phone(entry) or "", self.vocab(Lang, entry, "lang", Lang.ZH)
        where, line = self.where, self.line
        links: list[LinkSpec] = []
        raw = entry.get("links") or []
        if not isinstance(raw, list):
            self.add("links", f"must be a list, not {_kind(raw)}")
            raw = []
        for j, link in enumerate(raw):
            self.where, self.line = f"{where}.links[{j}]", getattr(link, "line", line)
            if not isinstance(link, dict):
                self.add("", f"must be a mapping with elder and relation, not {_kind(link)}")
                continue
            self.known(link, ("elder", "relation", "can_order", "can_pay", "notify"))
            elder = self.text(link, "elder", required=True, limit=MAX_PERSON_NAME)
            self.refer("elder", elder, self.elder_names)
            links.append(
                LinkSpec(
                    elder=elder or "",
                    relation=self.text(link, "relation", required=False, limit=32) or "relative",
                    can_order=self.flag(link, "can_order", True),
                    can_pay=self.flag(link, "can_pay", False),
                    notify=self.flag(link, "notify", True),
                )
            )
        self.where, self.line = where, line
        return MemberSpec(name, phone, lang, tuple(links)) if name else None

    def staff(self, entry: dict[str, Any]) -> MemberSpec | None:
        self.known(entry, ("name", "phone", "canteen", "role"))
        name = self.person_name(entry)
        phone = self.phone(entry) or ""
        canteen = self.text(entry, "canteen", required=True, limit=64) or ""
        if canteen and canteen not in self.canteens:
            self.add("canteen", f"no canteen '{canteen}'; import its menu file first")
        role = self.vocab(StaffRole, entry, "role", StaffRole.VOLUNTEER)
        return MemberSpec(name, phone, canteen=canteen, role=role) if name else None

    def card(self, entry: dict[str, Any]) -> CardSpec | None:
        self.known(entry, ("elder", "kind", "balance", "funded_by"))
        elder = self.text(entry, "elder", required=True, limit=MAX_PERSON_NAME)
        kind = self.vocab(CardKind, entry, "kind")
        balance = self.yuan(entry, "balance", 0, MAX_CARD_FEN)
        funder = self.text(entry, "funded_by", required=False, limit=MAX_PERSON_NAME)
        self.refer("elder", elder, self.elder_names)
        self.refer("funded_by", funder, self.names, "elders or family")
        return CardSpec(elder, kind, balance, funder) if elder else None

    def voucher(self, entry: dict[str, Any]) -> VoucherSpec | None:
        self.known(entry, ("elder", "value", "count", "valid_days"))
        elder = self.text(entry, "elder", required=True, limit=MAX_PERSON_NAME)
        value = self.yuan(entry, "value", 1, MAX_VOUCHER_FEN)
        count = self.whole(entry, "count", 1, MAX_VOUCHERS_PER_ENTRY, 1)
        days = self.whole(entry, "valid_days", 1, MAX_VALID_DAYS, 30)
        self.refer("elder", elder, self.elder_names)
        return VoucherSpec(elder, value, count, days) if elder else None

    def refer(self, key: str, name: str | None, among: Counter[str], what: str = "elders") -> None:
        """Links, cards and vouchers name elders (and funders name people) of this file,
        each name once: a name given to two people would link to either."""
        if not name:
            return
        if among[name] == 0:
            self.add(key, f"'{name}' is not one of this file's {what}")
        elif among[name] > 1:
            self.add(key, f"'{name}' names {among[name]} people in this file")


def _kind(value: object) -> str:
    """What a value is, in words for the problem list (an empty file or ``~`` is "an empty
    value", not Python's ``NoneType``)."""
    return {
        dict: "a mapping", LineDict: "a mapping", list: "a list", str: "text", bool: "yes/no",
        int: "a number", float: "a number", date: "a date", datetime: "a date and time",
        type(None): "an empty value",
    }.get(type(value), type(value).__name__)  # fmt: skip


def _short(value: int) -> str:
    text = str(value) if abs(value) < 10**30 else "a number with more than 30 digits"
    return text


def store_people(session: Session, people: PeopleFile, now: datetime) -> dict[str, int]:
    """Store a checked people file in the caller's transaction; the counts of what was added."""
    for p in people.policies:
        session.add(
            SubsidyPolicyRow(
                region=p.region,
                category=p.category.value,
                kind=p.kind.value,
                amount_fen=p.amount_fen,
                percent=p.percent,
                cap_fen=p.cap_fen,
                min_level=p.min_level,
            )
        )
    by_name: dict[str, Person] = {}
    for new in people.elders:
        by_name[new.name] = add_elder(session, new, now)
    for member in people.family:
        person = Person(
            kind="family", name=member.name, phone=member.phone, lang=member.lang.value,
            created_at=now,
        )  # fmt: skip
        session.add(person)
        session.flush()
        by_name[member.name] = person
        for link in member.links:
            session.add(
                FamilyLink(
                    family_id=person.id,
                    elder_id=by_name[link.elder].id,
                    relation=link.relation,
                    can_order=link.can_order,
                    can_pay=link.can_pay,
                    notify=link.notify,
                )
            )
    codes = {m.canteen for m in people.staff}
    canteens = {
        c.code: c.id for c in session.scalars(select(Canteen).where(Canteen.code.in_(codes)))
    }
    for member in people.staff:
        person = Person(
            kind="staff", name=member.name, phone=member.phone, lang="zh", created_at=now
        )
        session.add(person)
        session.flush()
        session.add(
            StaffMember(
                person_id=person.id, canteen_id=canteens[member.canteen], role=member.role.value
            )
        )
    for spec in people.cards:
        funder = by_name[spec.funded_by] if spec.funded_by else None
        card = Card(
            elder_id=by_name[spec.elder].id,
            kind=spec.kind.value,
            balance_fen=spec.balance_fen,
            funded_by_id=funder.id if funder else None,
        )
        session.add(card)
        session.flush()
        session.add(
            CardTransaction(card_id=card.id, amount_fen=spec.balance_fen, at=now, note="top_up")
        )
    today = local_today(now)
    rows = [
        {
            "elder_id": by_name[v.elder].id,
            "value_fen": v.value_fen,
            "valid_from": today,
            "valid_to": today + timedelta(days=v.valid_days),
        }
        for v in people.vouchers
        for _ in range(v.count)
    ]
    if rows:  # one multi-row INSERT, not an object per voucher
        session.execute(insert(Voucher), rows)
    session.flush()
    return {
        "policies": len(people.policies),
        "elders": len(people.elders),
        "family": len(people.family),
        "staff": len(people.staff),
        "cards": len(people.cards),
        "vouchers": len(rows),
    }
