"""Food safety (食品安全): the records a canteen must keep, as pure rules and their store.

- 留样 (food samples): each dish of a meal, at least ``MIN_GRAMS`` (125 g), when and by whom it
  was kept, an optional photo; it may be thrown away once ``KEEP_FOR`` (48 hours) have ended.
- 餐具消毒 (tableware disinfection): one entry per meal with the method and who did it.
- 每日自查 (the daily self-inspection): the fixed checklist ``CHECKS``, each passed or failed;
  a failed check needs a note saying what was wrong.

Why the rules live here and not in a view: the web console and, later, the chat bot ("今天后厨
怎么样", through ``day_summary``) must refuse and say the same things. Every refusal is a
``DomainError`` raised before anything is added, so a refused record stores nothing (the
caller's unit of work rolls back as well).

Photos are kept in the database (``safety_photos``), not in a folder: several console
processes serve the same bytes with no shared disk, a database backup holds them, and at
``MAX_PHOTO_BYTES`` (5 MB) a canteen's few photos a day stay small. A photo is accepted by its
content (the JPEG or PNG signature and structure), never by its name or the browser's word.
"""

from __future__ import annotations

import hashlib
import struct
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session

from menus.catalogue import date_words, day_words, joined, say
from menus.clock import TZ, local_today, parse_hhmm
from menus.errors import DomainError
from menus.menu_store import load_menus
from menus.models import (
    Canteen,
    DisinfectionRecord,
    FoodSample,
    Person,
    SafetyPhoto,
    SelfInspection,
)
from menus.vocab import MealSlot

MIN_GRAMS = 125
"""The least a sample of one dish may weigh (the national rule for canteens)."""
MAX_GRAMS = 5000
"""More than this is a typing mistake (a sample is a portion, not a pot)."""
KEEP_FOR = timedelta(hours=48)
"""How long a sample is kept before it may be thrown away."""
DISCARD_LIST_FOR = timedelta(days=7)
"""How far back the list of samples that may be thrown away reaches (older ones are gone)."""
MAX_PHOTO_BYTES = 5 * 1024 * 1024
"""The largest photo accepted (a phone's photo is 2–4 MB)."""
NOTE_LIMIT = 200
"""The longest note kept for a self-inspection check."""

METHODS = ("steam", "boiling", "cabinet", "chemical")
"""Ways tableware is disinfected: 蒸汽, 煮沸, 消毒柜, 药物浸泡 (labels in the catalogue)."""
CHECKS = ("health", "ingredients", "storage", "separation", "cleaning", "pests", "tableware")
"""The daily self-inspection's checks, in the order they are asked (labels in the catalogue)."""

PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"
JPEG_START = b"\xff\xd8\xff"
JPEG_END = b"\xff\xd9"


# --------------------------------------------------------------------------- pure rules


def method_label(code: str) -> str:
    """A disinfection method as people read it (蒸汽消毒)."""
    return say(f"safety_method_{code}")


def check_label(code: str) -> str:
    """A self-inspection check's short name (生熟分开), as a sentence names it."""
    return say(f"safety_check_{code}")


def check_hint(code: str) -> str:
    """What a self-inspection check looks at, in full, as the checklist asks it."""
    return say(f"safety_check_{code}_hint")


def meal_word(meal: MealSlot) -> str:
    """A meal as people say it in a sentence (午饭)."""
    return say(f"safety_meal_{meal.value}")


def parse_grams(text: str) -> int:
    """The grams written in a form: a whole number of at least ``MIN_GRAMS``."""
    text = text.strip().removesuffix("克").removesuffix("g").strip()
    if not text:
        raise DomainError("safety_missing", field="留样克数")
    if not text.isdecimal() or len(text) > 6:
        raise DomainError("safety_bad_grams", text=text[:20])
    grams = int(text)
    if grams < MIN_GRAMS:
        raise DomainError("safety_too_light", grams=grams, least=MIN_GRAMS)
    if grams > MAX_GRAMS:
        raise DomainError("safety_bad_grams", text=text)
    return grams


def parse_meal(text: str) -> MealSlot:
    """The meal a form names by its code."""
    if not text.strip():
        raise DomainError("safety_missing", field="哪一餐")
    try:
        return MealSlot(text.strip())
    except ValueError:
        raise DomainError("safety_bad_meal", meal=text[:20]) from None


def moment(day: date, text: str) -> datetime:
    """The moment ``HH:MM`` on ``day`` (Asia/Shanghai), as a form gives a time."""
    if not text.strip():
        raise DomainError("safety_missing", field="时间")
    try:
        clock: time = parse_hhmm(text)
    except ValueError:
        raise DomainError("bad_time", text=text[:20]) from None
    return datetime.combine(day, clock, tzinfo=TZ)


def check_day(day: date, now: datetime) -> None:
    """A record is of today or an earlier day (nobody keeps tomorrow's sample today)."""
    if day > local_today(now):
        raise DomainError("safety_future_day", date=date_words(day))


def check_when(day: date, at: datetime, now: datetime) -> None:
    """``check_day``, and the moment given has come."""
    check_day(day, now)
    if at > now:
        raise DomainError("safety_future_time", time=at.astimezone(TZ).strftime("%H:%M"))


def discard_after(kept_at: datetime) -> datetime:
    """When a sample kept at ``kept_at`` may be thrown away."""
    return kept_at + KEEP_FOR


def may_discard(kept_at: datetime, now: datetime) -> bool:
    """Whether the sample's 48 hours have ended."""
    return discard_after(kept_at) <= now


def photo_type(data: bytes) -> str:
    """The photo's media type (``image/jpeg`` or ``image/png``), read from its bytes; a file
    too big, or one that is not a JPEG or PNG whatever its name says, is refused."""
    if len(data) > MAX_PHOTO_BYTES:
        raise too_big(len(data))
    if _is_png(data):
        return "image/png"
    if data.startswith(JPEG_START) and data.rstrip(b"\x00").endswith(JPEG_END):
        return "image/jpeg"
    raise DomainError("photo_not_image")


def _is_png(data: bytes) -> bool:
    """The PNG signature followed by a header chunk with a width and a height."""
    if not data.startswith(PNG_SIGNATURE) or len(data) < 33:
        return False
    length, kind = struct.unpack(">I4s", data[8:16])
    width, height = struct.unpack(">II", data[16:24])
    return bool(length == 13 and kind == b"IHDR" and width > 0 and height > 0)


def too_big(size: int) -> DomainError:
    """The refusal of a photo (or an upload) of ``size`` bytes, over ``MAX_PHOTO_BYTES``."""
    return DomainError("photo_too_big", size=_megabytes(size), limit=_megabytes(MAX_PHOTO_BYTES))


def _megabytes(size: int) -> str:
    return f"{size / 1024 / 1024:.1f}"


@dataclass(frozen=True)
class Answer:
    """One check of the self-inspection as given: passed (True), failed (False) or not
    answered (None), and the note."""

    ok: bool | None
    note: str = ""


def check_answers(answers: Mapping[str, Answer]) -> dict[str, dict[str, object]]:
    """The checklist as stored: every check of ``CHECKS`` answered, a failed one with a note."""
    results: dict[str, dict[str, object]] = {}
    for code in CHECKS:
        answer = answers.get(code, Answer(None))
        note = answer.note.strip()[:NOTE_LIMIT]
        if answer.ok is None:
            raise DomainError("safety_unanswered", check=check_label(code))
        if not answer.ok and not note:
            raise DomainError("safety_fail_needs_note", check=check_label(code))
        results[code] = {"ok": answer.ok, "note": note}
    return results


# ------------------------------------------------------------------------ what is given


@dataclass(frozen=True)
class NewSample:
    """A 留样 as a form gives it: the dish by name, grams and time as typed, the photo's bytes
    (None: no photo)."""

    day: date
    meal: str
    dish: str
    grams: str
    time: str
    photo: bytes | None = None


@dataclass(frozen=True)
class NewDisinfection:
    """A tableware disinfection as a form gives it."""

    day: date
    meal: str
    method: str
    time: str


# ------------------------------------------------------------------------------ the store


def record_sample(
    session: Session, canteen: Canteen, given: NewSample, actor_id: int, now: datetime
) -> FoodSample:
    """Keep a 留样 of a dish on the canteen's menu for that day and meal, or refuse."""
    meal = parse_meal(given.meal)
    if not given.dish.strip():
        raise DomainError("safety_missing", field="菜品")
    grams = parse_grams(given.grams)
    kept_at = moment(given.day, given.time)
    check_when(given.day, kept_at, now)
    dish_id, dish_name = _dish_on_menu(session, canteen, given.day, meal, given.dish.strip())
    content_type = photo_type(given.photo) if given.photo is not None else None
    _not_twice(session, FoodSample, canteen.id, given.day, meal, dish_name)
    photo_id = None
    if given.photo is not None and content_type:
        photo_id = _store_photo(session, canteen.id, given.photo, content_type, now).id
    sample = FoodSample(
        canteen_id=canteen.id,
        day=given.day,
        meal=meal.value,
        dish_id=dish_id,
        dish_name=dish_name,
        grams=grams,
        kept_at=kept_at,
        kept_by_id=actor_id,
        kept_by_name=_name(session, actor_id),
        photo_id=photo_id,
        recorded_at=now,
    )
    session.add(sample)
    session.flush()
    return sample


def record_disinfection(
    session: Session, canteen: Canteen, given: NewDisinfection, actor_id: int, now: datetime
) -> DisinfectionRecord:
    """Log the tableware of one meal as disinfected, or refuse."""
    meal = parse_meal(given.meal)
    if not given.method.strip():
        raise DomainError("safety_missing", field="消毒方式")
    if given.method not in METHODS:
        methods = joined(method_label(m) for m in METHODS)
        raise DomainError("safety_bad_method", method=given.method[:20], methods=methods)
    done_at = moment(given.day, given.time)
    check_when(given.day, done_at, now)
    _not_twice(session, DisinfectionRecord, canteen.id, given.day, meal)
    record = DisinfectionRecord(
        canteen_id=canteen.id,
        day=given.day,
        meal=meal.value,
        method=given.method,
        done_at=done_at,
        done_by_id=actor_id,
        done_by_name=_name(session, actor_id),
        recorded_at=now,
    )
    session.add(record)
    session.flush()
    return record


def record_inspection(
    session: Session,
    canteen: Canteen,
    day: date,
    answers: Mapping[str, Answer],
    actor_id: int,
    now: datetime,
) -> SelfInspection:
    """Keep the day's self-inspection (once a day), or refuse."""
    check_day(day, now)
    results = check_answers(answers)
    done = select(SelfInspection.id).where(
        SelfInspection.canteen_id == canteen.id, SelfInspection.day == day
    )
    if session.scalar(done) is not None:
        raise DomainError("safety_already_inspected", date=date_words(day))
    inspection = SelfInspection(
        canteen_id=canteen.id,
        day=day,
        results=results,
        inspected_by_id=actor_id,
        inspected_by_name=_name(session, actor_id),
        inspected_at=now,
    )
    session.add(inspection)
    session.flush()
    return inspection


def _dish_on_menu(
    session: Session, canteen: Canteen, day: date, meal: MealSlot, dish: str
) -> tuple[int, str]:
    """The dish (id and name) on the canteen's menu of that day and meal."""
    menus = load_menus(session, [canteen.id], day, meal)
    items = [item for menu in menus for item in menu.items]
    if not items:
        raise DomainError("safety_no_menu", date=date_words(day), meal=meal)
    for item in items:
        if item.dish.name == dish:
            return item.dish.id, item.dish.name
    raise DomainError(
        "unknown_dish",
        dish=dish[:40],
        date=date_words(day),
        meal=meal,
        available="、".join(item.dish.name for item in items),
    )


def _not_twice(
    session: Session,
    model: type[FoodSample] | type[DisinfectionRecord],
    canteen_id: int,
    day: date,
    meal: MealSlot,
    dish: str | None = None,
) -> None:
    """A dish is sampled once a meal, and a meal's tableware logged once."""
    query = select(model.id).where(
        model.canteen_id == canteen_id, model.day == day, model.meal == meal.value
    )
    if dish is not None and model is FoodSample:
        query = query.where(FoodSample.dish_name == dish)
    if session.scalar(query) is None:
        return
    if model is FoodSample:
        raise DomainError("safety_already_sampled", date=date_words(day), meal=meal, dish=dish)
    raise DomainError("safety_already_disinfected", date=date_words(day), meal=meal)


def _store_photo(
    session: Session, canteen_id: int, data: bytes, content_type: str, now: datetime
) -> SafetyPhoto:
    photo = SafetyPhoto(
        canteen_id=canteen_id,
        content_type=content_type,
        size=len(data),
        sha256=hashlib.sha256(data).hexdigest(),
        data=data,
        uploaded_at=now,
    )
    session.add(photo)
    session.flush()
    return photo


def _name(session: Session, person_id: int) -> str:
    person = session.get(Person, person_id)
    return person.name if person is not None else ""


def photo_of(session: Session, canteen_id: int, photo_id: int) -> SafetyPhoto | None:
    """The photo, only when it belongs to this canteen (None otherwise)."""
    photo = session.get(SafetyPhoto, photo_id)
    return photo if photo is not None and photo.canteen_id == canteen_id else None


# ---------------------------------------------------------------------------- reading


@dataclass(frozen=True)
class SafetyDay:
    """What a canteen recorded on one day, and the meals it served (had a menu for)."""

    day: date
    meals: tuple[MealSlot, ...]
    samples: tuple[FoodSample, ...]
    disinfections: tuple[DisinfectionRecord, ...]
    inspection: SelfInspection | None


def safety_day(session: Session, canteen: Canteen, day: date) -> SafetyDay:
    """The day's records, each list in meal and time order."""
    order = list(MealSlot)
    meals = sorted(
        {MealSlot(m.meal) for m in load_menus(session, [canteen.id], day) if m.items},
        key=order.index,
    )
    samples = session.scalars(
        select(FoodSample)
        .where(FoodSample.canteen_id == canteen.id, FoodSample.day == day)
        .order_by(FoodSample.kept_at, FoodSample.id)
    )
    disinfections = session.scalars(
        select(DisinfectionRecord)
        .where(DisinfectionRecord.canteen_id == canteen.id, DisinfectionRecord.day == day)
        .order_by(DisinfectionRecord.done_at)
    )
    inspection = session.scalar(
        select(SelfInspection).where(
            SelfInspection.canteen_id == canteen.id, SelfInspection.day == day
        )
    )
    by_meal = lambda row: order.index(MealSlot(row.meal))  # noqa: E731
    return SafetyDay(
        day,
        tuple(meals),
        tuple(sorted(samples, key=by_meal)),
        tuple(sorted(disinfections, key=by_meal)),
        inspection,
    )


def samples_to_discard(session: Session, canteen_id: int, now: datetime) -> list[FoodSample]:
    """Samples whose 48 hours have ended (kept in the last ``DISCARD_LIST_FOR`` before that),
    oldest first: what the kitchen may now throw away."""
    ended = now - KEEP_FOR
    return list(
        session.scalars(
            select(FoodSample)
            .where(
                FoodSample.canteen_id == canteen_id,
                FoodSample.kept_at <= ended,
                FoodSample.kept_at > ended - DISCARD_LIST_FOR,
            )
            .order_by(FoodSample.kept_at, FoodSample.id)
        )
    )


# ---------------------------------------------------------------------------- the summary


@dataclass(frozen=True)
class DayFacts:
    """What ``day_summary`` says a day from: the meals served, samples per meal, the meals
    whose tableware was disinfected, and the self-inspection (None: not done; else the
    labels of the checks that failed)."""

    day: date
    meals: tuple[MealSlot, ...]
    samples: Mapping[MealSlot, int]
    disinfected: frozenset[MealSlot]
    failed_checks: Sequence[str] | None


def facts_of(records: SafetyDay) -> DayFacts:
    """The summary's facts from a day's records."""
    counts: dict[MealSlot, int] = {}
    for sample in records.samples:
        meal = MealSlot(sample.meal)
        counts[meal] = counts.get(meal, 0) + 1
    failed = None
    if records.inspection is not None:
        results = records.inspection.results
        failed = [check_label(c) for c in CHECKS if not results.get(c, {}).get("ok", False)]
    return DayFacts(
        records.day,
        records.meals,
        counts,
        frozenset(MealSlot(d.meal) for d in records.disinfections),
        failed,
    )


def day_summary(facts: DayFacts, today: date) -> str:
    """One short sentence on a canteen's day for families and supervisors ("今天午饭留样3个
    菜，餐具已消毒，自查全部合格。"), naming what is missing when something is."""
    when = day_words(facts.day, today)
    order = list(MealSlot)
    meals = sorted(set(facts.meals) | set(facts.samples), key=order.index)
    if not meals:
        return say("safety_summary_no_meals", when=when)
    parts = [_sampled(meal, facts.samples.get(meal, 0)) for meal in meals]
    parts.append(_disinfected(meals, facts.disinfected))
    parts.append(_inspected(facts.failed_checks))
    return say("safety_summary", when=when, parts="，".join(parts))


def _sampled(meal: MealSlot, count: int) -> str:
    if count:
        return say("safety_sampled", meal=meal_word(meal), count=count)
    return say("safety_not_sampled", meal=meal_word(meal))


def _disinfected(meals: Sequence[MealSlot], done: frozenset[MealSlot]) -> str:
    missing = [meal for meal in meals if meal not in done]
    if not missing:
        return say("safety_disinfected")
    if len(missing) == len(meals):
        return say("safety_not_disinfected")
    return say("safety_not_disinfected_for", meals="、".join(meal_word(m) for m in missing))


def _inspected(failed: Sequence[str] | None) -> str:
    if failed is None:
        return say("safety_not_inspected")
    if not failed:
        return say("safety_inspected_ok")
    return say("safety_inspected_failed", count=len(failed), checks="、".join(failed))
