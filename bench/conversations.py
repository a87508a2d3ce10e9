"""Conversations written blind, run from the first message to what is stored.

The sets in ``tests/bot/blind/`` were written by authors who had only the two canteens' menus
and people (``world/``), the format (``SPEC.md``) and a persona, never the dialogue's code.
``test/`` was frozen as it arrived (hashes in ``test/FROZEN``) before any tuning; ``dev/`` (other
authors) is the one to tune on. Each conversation runs on a fresh copy of its world's store at
its own clock; at the end every active order of every elder named in ``expect.orders`` must be
exactly what was meant, and no elder may have an order nobody asked for.

Prints, per set: conversations ending with exactly the intended orders, those that stored an
order the person did not ask for, Mongolian alone, replies over 60 characters and over 60
syllables (and the longest), the same for the replies said to elders alone (those are the
spoken ones: family and staff read theirs on a screen), and how each failure family counts.

    .venv/bin/python bench/conversations.py [--set dev|test|all] [--errors] [--file NAME]
"""

from __future__ import annotations

import argparse
import hashlib
import shutil
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any

import yaml
from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bot.dialogue import Dialogue  # noqa: E402
from menus.catalogue import say, word  # noqa: E402
from menus.clock import TZ  # noqa: E402
from menus.db import make_engine, session_factory, unit_of_work, upgrade  # noqa: E402
from menus.menu_store import import_menu_file  # noqa: E402
from menus.menufile import read_menu_file  # noqa: E402
from menus.models import ElderProfile, OutboxMessage, Person  # noqa: E402
from menus.orders import OrderLine, OrderRequest, list_orders, place_order_once  # noqa: E402
from menus.people import import_people_file  # noqa: E402
from menus.scripts import script_of  # noqa: E402
from menus.spoken import SYLLABLE_LIMIT, spoken_number, spoken_yuan, syllables  # noqa: E402
from menus.standing import place_due  # noqa: E402
from menus.vocab import Fulfillment, MealSlot  # noqa: E402

BLIND = ROOT / "tests" / "bot" / "blind"
WORLD = BLIND / "world"
DEFAULT_NOW = datetime(2026, 12, 1, 8, 0, tzinfo=TZ)
WEEK_END = datetime(2026, 12, 8, 21, 0, tzinfo=TZ)
SPOKEN_LIMIT = 60
MN_DIGITS = str.maketrans("0123456789", "᠐᠑᠒᠓᠔᠕᠖᠗᠘᠙")


@dataclass
class Outcome:
    """How one conversation ended."""

    name: str
    file: str
    lang: str
    ok: bool
    wrong_order: bool
    problems: list[str] = field(default_factory=list)
    replies: list[str] = field(default_factory=list)
    said: list[str] = field(default_factory=list)
    heard: list[bool] = field(default_factory=list)  # each reply: said to an elder (spoken)


def frozen_ok() -> list[str]:
    """Files of the test set whose hash differs from the one recorded when it was frozen."""
    recorded = {}
    for line in (BLIND / "test" / "FROZEN").read_text(encoding="utf-8").splitlines():
        digest, name = line.split()
        recorded[name] = digest
    bad = []
    for name, digest in recorded.items():
        if hashlib.sha256((BLIND / name).read_bytes()).hexdigest() != digest:
            bad.append(name)
    return bad


class World:
    """One canteen's store, built once into a template file and copied for each conversation;
    one ``Dialogue`` serves them all (the copy has the same ids, so its caches stay right)."""

    def __init__(self, name: str, workdir: Path) -> None:
        self.template = workdir / f"{name}.template.db"
        self.live = workdir / f"{name}.db"
        url = f"sqlite:///{self.template}"
        upgrade(url)
        engine = make_engine(url)
        factory = session_factory(engine)
        people = yaml.safe_load((WORLD / f"{name}_people.yaml").read_text(encoding="utf-8"))
        homeless = [e["name"] for e in people["elders"] if not e.get("address")]
        self.elders = {e["name"] for e in people["elders"]}
        for elder in people["elders"]:  # registered without an address (as by Telegram)
            elder.setdefault("address", "-")
        staff_lang = {s["name"]: s.pop("lang") for s in people.get("staff", []) if "lang" in s}
        people_file = workdir / f"{name}_people.yaml"
        people_file.write_text(yaml.safe_dump(people, allow_unicode=True), encoding="utf-8")
        with unit_of_work(factory) as session:
            import_menu_file(session, read_menu_file(WORLD / f"{name}_menu.yaml"), "world")
            import_people_file(session, people_file, DEFAULT_NOW)
            for profile in session.scalars(select(ElderProfile)):
                if profile.person.name in homeless:
                    profile.address = ""
            for person in session.scalars(select(Person)):
                person.lang = staff_lang.get(person.name, person.lang)
        engine.dispose()
        self._reset()
        self.engine = make_engine(f"sqlite:///{self.live}")
        self.factory: sessionmaker[Session] = session_factory(self.engine)
        self.dialogue = Dialogue(self.factory)

    def _reset(self) -> None:
        for suffix in ("", "-wal", "-shm"):
            Path(f"{self.live}{suffix}").unlink(missing_ok=True)
        shutil.copyfile(self.template, self.live)

    def fresh(self) -> None:
        """Back to the world as written, for the next conversation."""
        self.engine.dispose()
        self._reset()
        self.dialogue.store.forget()

    def ids(self) -> dict[str, int]:
        with self.factory() as session:
            return {p.name: p.id for p in session.scalars(select(Person))}


def _place_given(world: World, ids: dict[str, int], given: list[dict[str, Any]]) -> None:
    for n, order in enumerate(given):
        request = OrderRequest(
            elder_id=ids[order["elder"]],
            day=date.fromisoformat(str(order["date"])),
            meal=MealSlot(order["meal"]),
            fulfillment=Fulfillment(order["fulfillment"]),
            lines=[OrderLine(d, q) for d, q in order["dishes"].items()],
            idempotency_key=f"given-{n}",
        )
        at = datetime.combine(request.day, datetime.min.time(), TZ).replace(hour=6)
        place_order_once(world.factory, request, min(at, DEFAULT_NOW))


def _active(world: World, elder_id: int) -> list[tuple[str, str, str, tuple[tuple[str, int], ...]]]:
    with world.factory() as session:
        return sorted(
            (
                o.date.isoformat(),
                o.meal,
                o.fulfillment,
                tuple(sorted((i.dish_name, i.qty) for i in o.items)),
            )
            for o in list_orders(session, elder_id=elder_id)
            if o.status != "cancelled"
        )


def _wanted(
    orders: list[dict[str, Any]],
) -> list[tuple[str, str, str, tuple[tuple[str, int], ...]]]:
    return sorted(
        (
            str(o["date"]),
            o["meal"],
            o["fulfillment"],
            tuple(sorted((d, int(q)) for d, q in o["dishes"].items())),
        )
        for o in orders or []
    )


def _forms(fact: str) -> set[str]:
    """Ways a fact may be written in a reply: 20 / 二十 / 二十块 / ᠒᠐ / 2.5 / 两块五."""
    forms = {fact, fact.translate(MN_DIGITS)}
    try:
        value = float(fact)
    except ValueError:
        return forms
    if value == int(value):
        forms.add(spoken_number(int(value)))
    forms.add(spoken_yuan(round(value * 100)).removesuffix("钱"))
    return forms


def run_one(world: World, conversation: dict[str, Any], file: str) -> Outcome:
    """Run one conversation on a fresh copy of its world and judge how it ended."""
    world.fresh()
    ids = world.ids()
    _place_given(world, ids, conversation.get("given") or [])
    before = {name: _active(world, pid) for name, pid in ids.items()}
    now = conversation.get("now")
    clock = DEFAULT_NOW
    if now is not None:
        moment = now if isinstance(now, datetime) else datetime.fromisoformat(str(now))
        clock = moment.replace(tzinfo=TZ) if moment.tzinfo is None else moment
    outcome = Outcome(conversation["name"], file, conversation.get("lang", "zh"), True, False)
    for n, turn in enumerate(conversation["turns"]):
        turn = {"say": turn} if isinstance(turn, str) else turn
        speaker_name = turn.get("as", conversation["speaker"])
        speaker = ids[speaker_name]
        reply = world.dialogue.handle(speaker, str(turn["say"]), clock, turn_id=f"t{n}")
        outcome.replies.append(reply.text)
        outcome.said.append(str(turn["say"]))
        outcome.heard.append(speaker_name in world.elders)
        for fact in turn.get("mentions") or []:
            if not any(form in reply.text for form in _forms(str(fact))):
                outcome.problems.append(f"turn {n + 1}: reply lacks {fact!r}")
    expect = conversation.get("expect") or {}
    _run_the_week(world, clock)
    _judge_orders(world, ids, expect, before, outcome)
    if expect.get("alert") and not _alerted(world, ids, conversation["speaker"]):
        outcome.problems.append("no emergency alert queued")
    outcome.ok = not outcome.problems
    return outcome


def _judge_orders(
    world: World,
    ids: dict[str, int],
    expect: dict[str, Any],
    before: dict[str, Any],
    outcome: Outcome,
) -> None:
    named: dict[str, list[Any]] = {
        k: list(v or []) for k, v in (expect.get("orders") or {}).items()
    }
    for name, meals in (expect.get("standing") or {}).items():  # placed by the scheduler
        named.setdefault(name, []).extend(meals or [])
    listed = set(expect.get("orders") or {})
    for name, pid in ids.items():
        got = _active(world, pid)
        if name in named:
            want = _wanted(named[name])
            if name not in listed:  # `standing` alone: what it places, the given orders kept
                want = sorted(set(want) | set(before[name]))
            if got != want:
                outcome.problems.append(f"{name}: stored {got}, meant {want}")
            if any(order not in want for order in got if order not in before[name]):
                outcome.wrong_order = True
        elif got != before[name]:
            outcome.problems.append(f"{name}: orders changed to {got}")
            outcome.wrong_order = outcome.wrong_order or any(o not in before[name] for o in got)


def _run_the_week(world: World, start: datetime) -> None:
    """The scheduler's standing-order sweeps, every three hours from the conversation's end
    until the world's last menu (what a standing order places, it places then)."""
    moment = start
    while moment <= WEEK_END:
        place_due(world.factory, moment)
        moment += timedelta(hours=3)


def _alerted(world: World, ids: dict[str, int], speaker: str) -> bool:
    with world.factory() as session:
        kinds = session.scalars(
            select(OutboxMessage.kind).where(OutboxMessage.person_id != ids[speaker])
        )
        return any(kind == "emergency" for kind in kinds)


def conversations(which: str, only: str | None = None) -> Iterator[tuple[str, dict[str, Any]]]:
    folders = ["dev", "test"] if which == "all" else [which]
    for folder in folders:
        for path in sorted((BLIND / folder).glob("*.yml")):
            if only and only not in path.name:
                continue
            for conversation in yaml.safe_load(path.read_text(encoding="utf-8")):
                yield f"{folder}/{path.name}", conversation


def run(which: str, only: str | None = None) -> list[Outcome]:
    with tempfile.TemporaryDirectory() as tmp:
        worlds: dict[str, World] = {}
        outcomes = []
        for file, conversation in conversations(which, only):
            name = conversation["world"]
            if name not in worlds:
                worlds[name] = World(name, Path(tmp))
            outcomes.append(run_one(worlds[name], conversation, file))
        for world in worlds.values():
            world.engine.dispose()
    return outcomes


def report(label: str, outcomes: list[Outcome]) -> None:
    total = len(outcomes) or 1
    right = sum(o.ok for o in outcomes)
    wrong = sum(o.wrong_order for o in outcomes)
    mongolian = [o for o in outcomes if o.lang == "mn"]
    replies = [r for o in outcomes for r in o.replies]
    long = [r for r in replies if len(r) > SPOKEN_LIMIT]
    unoffered = [r for r in long if not r.endswith(OFFERS)]
    heard_long = [r for r in replies if syllables(r) > SYLLABLE_LIMIT]
    spoken = [r for o in outcomes for r, elder in zip(o.replies, o.heard, strict=True) if elder]
    spoken_long = [r for r in spoken if syllables(r) > SYLLABLE_LIMIT]
    longest = max((len(r) for r in replies), default=0)
    scripts = [same for o in mongolian for same in _script_followed(o)]
    print(
        f"{label:5} {right:3}/{len(outcomes):<3} right ({right / total:.0%}); "
        f"{wrong} stored an order not asked for; Mongolian "
        f"{sum(o.ok for o in mongolian)}/{len(mongolian)}; replies over {SPOKEN_LIMIT} chars "
        f"{len(long)}/{len(replies)} ({len(unoffered)} not ending in an offer of the rest), "
        f"longest {longest}; over {SYLLABLE_LIMIT} syllables {len(heard_long)} (zh "
        f"{sum(not script_of(r) for r in heard_long)}), longest "
        f"{max((syllables(r) for r in replies), default=0)}; to elders (spoken) "
        f"{len(spoken_long)}/{len(spoken)} over {SYLLABLE_LIMIT} syllables, longest "
        f"{max((syllables(r) for r in spoken), default=0)}; Mongolian replies in the writer's "
        f"script {sum(scripts)}/{len(scripts)}"
    )


def _offers() -> tuple[str, ...]:
    """How a reply that offers the rest ends (还有三个菜，要听吗？ / 还想听晚饭吗？), in each
    catalogue: such a reply may be longer (the issue's exception)."""
    ends = []
    for lang in ("zh", "mn", "mn-Cyrl"):
        ends.append(say("menu_more_dishes", lang, count="\x00").split("\x00")[-1])
        ends += [say("menu_next_meal", lang, meal=word("meal", m.value, lang)) for m in MealSlot]
    return tuple(ends)


OFFERS = _offers()


def _script_followed(outcome: Outcome) -> list[bool]:
    """For each Mongolian reply: whether it is in the script the person last wrote in."""
    written, followed = None, []
    for said, reply in zip(outcome.said, outcome.replies, strict=True):
        written = script_of(said) or written
        answered = script_of(reply)
        if written is not None and answered is not None:
            followed.append(answered == written)
    return followed


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--set", default="all", choices=["dev", "test", "all"])
    parser.add_argument("--errors", action="store_true", help="list every failed conversation")
    parser.add_argument("--file", help="only files whose name contains this")
    args = parser.parse_args(argv)
    changed = frozen_ok()
    if changed:
        print(f"frozen test files changed since freezing: {changed}")
        return 2
    started = time.perf_counter()
    outcomes = run(args.set, args.file)
    for folder in ("dev", "test"):
        chosen = [o for o in outcomes if o.file.startswith(folder)]
        if chosen:
            report(folder, chosen)
    families = Counter(
        p.split(":")[0] if "turn" not in p else "mentions" for o in outcomes for p in o.problems
    )
    print("problems by kind:", dict(families.most_common(8)))
    if args.errors:
        for o in outcomes:
            if not o.ok:
                print(f"\n✗ {o.file} · {o.name}{' · WRONG ORDER' if o.wrong_order else ''}")
                for p in o.problems:
                    print(f"    {p}")
                for said, r in zip(o.said, o.replies, strict=True):
                    print(f"    → {said}\n    ← {r}")
    print(f"({len(outcomes)} conversations in {time.perf_counter() - started:.0f} s)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
