"""Elders, their families and canteen staff; who may act for whom.

Personal data (phones, addresses, conditions) is stored here and never logged; ``mask_phone``
is what lists show by default.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

import yaml
from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

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
from menus.pricing import SubsidyKind, yuan_to_fen
from menus.vocab import CardKind, Condition, ElderCategory, Lang, StaffRole, parse_vocab

MAX_LEVEL = 3
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
    categories: dict[ElderCategory, int | None] = field(default_factory=dict)
    conditions: list[Condition] = field(default_factory=list)
    dietary_notes: str | None = None


def parse_category(text: str) -> tuple[ElderCategory, int | None]:
    """``gaoling`` → (高龄, None); ``失能:2`` → (失能, 2)."""
    name, _, level_text = text.partition(":")
    category = parse_vocab(ElderCategory, name)
    if not level_text:
        return category, None
    if not level_text.strip().isdigit() or not 1 <= int(level_text) <= MAX_LEVEL:
        raise ValueError(f"the level in '{text}' must be 1, 2 or 3")
    return category, int(level_text)


def mask_phone(phone: str | None) -> str:
    """138****1234: enough to recognise, not enough to misuse."""
    if not phone:
        return ""
    if len(phone) < 7:
        return "*" * len(phone)
    return phone[:3] + "*" * (len(phone) - 7) + phone[-4:]


def add_elder(session: Session, new: NewElder, now: datetime) -> Person:
    """Register an elder; the caller's transaction stores it."""
    if not new.name.strip():
        raise DomainError("bad_argument", detail="name is empty")
    if not new.address.strip():
        raise DomainError("bad_argument", detail="address is empty")
    person = Person(
        kind="elder", name=new.name.strip(), phone=new.phone, lang=new.lang.value, created_at=now
    )
    person.elder = ElderProfile(
        address=new.address.strip(),
        community=new.community,
        region=new.region,
        birth_year=new.birth_year,
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
    if text.isdigit() and len(text) <= 18:
        person = session.scalar(query.where(Person.id == int(text)))
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
    if text.isdigit() and len(text) <= 18:
        person = session.get(Person, int(text))
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


class PeopleFileError(DomainError):
    """A people file with problems; nothing from it is stored."""

    def __init__(self, problems: list[str]) -> None:
        self.problems = problems
        super().__init__("people_file_invalid", problems="\n".join("  - " + p for p in problems))


def import_people_file(session: Session, path: str | Path, now: datetime) -> dict[str, int]:
    """Load subsidy policies, elders, family, staff, cards and vouchers from a YAML file.

    Used for the demo and for bulk registration by the civil-affairs office (民政). The whole
    file is stored in the caller's transaction or, on the first problem, none of it.
    """
    try:
        data = yaml.safe_load(read_bounded(path, MAX_PEOPLE_FILE_BYTES).decode("utf-8"))
    except FileRefused as exc:
        raise PeopleFileError([f"{Path(path).name}: {exc.what}"]) from None
    except (UnicodeDecodeError, yaml.YAMLError) as exc:
        raise PeopleFileError([f"{Path(path).name}: cannot be read: {exc}"]) from None
    if not isinstance(data, dict):
        raise PeopleFileError([f"{Path(path).name}: must be a mapping"])
    try:
        return _import_people(session, data, now)
    except (KeyError, TypeError, ValueError) as exc:
        raise PeopleFileError([f"{Path(path).name}: {exc!r}"]) from None


def _import_people(session: Session, data: dict[str, Any], now: datetime) -> dict[str, int]:
    counts = {"policies": 0, "elders": 0, "family": 0, "staff": 0, "cards": 0, "vouchers": 0}
    for raw in data.get("policies") or []:
        kind = SubsidyKind(raw["kind"])
        _at_least(yuan_to_fen(raw.get("amount", 0)), 0, "policy amount")
        _at_least(yuan_to_fen(raw["cap"]), 0, "policy cap")
        if not 0 <= int(raw.get("percent", 0)) <= 100:
            raise ValueError(f"policy percent {raw.get('percent')} is not between 0 and 100")
        session.add(
            SubsidyPolicyRow(
                region=str(raw["region"]),
                category=parse_vocab(ElderCategory, str(raw["category"])).value,
                kind=kind.value,
                amount_fen=yuan_to_fen(raw.get("amount", 0)),
                percent=int(raw.get("percent", 0)),
                cap_fen=yuan_to_fen(raw["cap"]),
                min_level=raw.get("min_level"),
            )
        )
        counts["policies"] += 1
    by_name: dict[str, Person] = {}
    for raw in data.get("elders") or []:
        categories = dict(parse_category(str(c)) for c in raw.get("categories") or [])
        new = NewElder(
            name=str(raw["name"]),
            phone=str(raw["phone"]) if raw.get("phone") else None,
            address=str(raw["address"]),
            region=str(raw["region"]),
            community=raw.get("community"),
            lang=parse_vocab(Lang, str(raw.get("lang", "zh"))),
            birth_year=raw.get("birth_year"),
            categories=categories,
            conditions=[parse_vocab(Condition, str(c)) for c in raw.get("conditions") or []],
            dietary_notes=raw.get("dietary_notes"),
        )
        by_name[new.name] = add_elder(session, new, now)
        counts["elders"] += 1
    for raw in data.get("family") or []:
        member = Person(
            kind="family",
            name=str(raw["name"]),
            phone=str(raw.get("phone") or ""),
            lang=parse_vocab(Lang, str(raw.get("lang", "zh"))).value,
            created_at=now,
        )
        session.add(member)
        session.flush()
        by_name[member.name] = member
        for link in raw.get("links") or []:
            session.add(
                FamilyLink(
                    family_id=member.id,
                    elder_id=by_name[str(link["elder"])].id,
                    relation=str(link.get("relation", "relative")),
                    can_order=bool(link.get("can_order", True)),
                    can_pay=bool(link.get("can_pay", False)),
                    notify=bool(link.get("notify", True)),
                )
            )
        counts["family"] += 1
    for raw in data.get("staff") or []:
        canteen = session.scalar(select(Canteen).where(Canteen.code == str(raw["canteen"])))
        if canteen is None:
            raise ValueError(f"staff {raw['name']}: unknown canteen {raw['canteen']}")
        person = Person(
            kind="staff",
            name=str(raw["name"]),
            phone=str(raw.get("phone") or ""),
            lang="zh",
            created_at=now,
        )
        session.add(person)
        session.flush()
        role = parse_vocab(StaffRole, str(raw.get("role", "volunteer")))
        session.add(StaffMember(person_id=person.id, canteen_id=canteen.id, role=role.value))
        counts["staff"] += 1
    for raw in data.get("cards") or []:
        funder = by_name[str(raw["funded_by"])] if raw.get("funded_by") else None
        balance = _at_least(yuan_to_fen(raw["balance"]), 0, "card balance")
        card = Card(
            elder_id=by_name[str(raw["elder"])].id,
            kind=CardKind(raw["kind"]).value,
            balance_fen=balance,
            funded_by_id=funder.id if funder else None,
        )
        session.add(card)
        session.flush()
        session.add(CardTransaction(card_id=card.id, amount_fen=balance, at=now, note="top_up"))
        counts["cards"] += 1
    today = now.date()
    for raw in data.get("vouchers") or []:
        for _ in range(int(raw.get("count", 1))):
            session.add(
                Voucher(
                    elder_id=by_name[str(raw["elder"])].id,
                    value_fen=_at_least(yuan_to_fen(raw["value"]), 1, "voucher value"),
                    valid_from=today,
                    valid_to=today + timedelta(days=int(raw.get("valid_days", 30))),
                )
            )
            counts["vouchers"] += 1
    session.flush()
    return counts


def _at_least(fen: int, least: int, what: str) -> int:
    if fen < least:
        raise ValueError(f"{what} must be at least {least} fen, not {fen}")
    return fen
