"""The demo canteen: a Hohhot community canteen with a two-week menu cycle and a few elders.

The cycle in ``demo/canteen.yaml`` is dated on a reference fortnight; loading lays it onto the
fortnight that contains today and the one after, so that 今天吃什么 always has an answer.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime, timedelta
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from menus.clock import local_today
from menus.menu_store import ImportSummary, import_menu_file
from menus.menufile import MenuFile, read_menu_file
from menus.models import Canteen, Person
from menus.people import import_people_file

DEMO_DIR = Path(__file__).with_name("demo")
CANTEEN_FILE = DEMO_DIR / "canteen.yaml"
PEOPLE_FILE = DEMO_DIR / "people.yaml"
CYCLE_DAYS = 14
DEMO_ELDER = "王秀兰"


def shifted_cycle(menu_file: MenuFile, today: date, copies: int = 2) -> MenuFile:
    """The cycle moved by whole fortnights onto today's fortnight, repeated ``copies`` times."""
    first = min(m.date for m in menu_file.menus)
    offset = (today - first).days
    shift = offset - offset % CYCLE_DAYS
    menus = [
        replace(m, date=m.date + timedelta(days=shift + CYCLE_DAYS * copy))
        for copy in range(copies)
        for m in menu_file.menus
    ]
    return replace(menu_file, menus=menus)


def load_demo(session: Session, now: datetime) -> ImportSummary:
    """Load (or refresh) the demo canteen, its menus for now, and its people once."""
    cycle = read_menu_file(CANTEEN_FILE)
    summary = import_menu_file(session, shifted_cycle(cycle, local_today(now)), CANTEEN_FILE.name)
    has_people = session.scalar(select(Person.id).where(Person.kind == "elder").limit(1))
    if has_people is None:
        import_people_file(session, PEOPLE_FILE, now)
    return summary


def demo_canteen(session: Session) -> Canteen | None:
    """The demo canteen if it is loaded."""
    code = read_menu_file(CANTEEN_FILE).canteen.code
    return session.scalar(select(Canteen).where(Canteen.code == code))
