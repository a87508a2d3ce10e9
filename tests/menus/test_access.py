"""Who may act on an order, a link or a complaint (``menus.access``): the rule as a table of
cases over plain facts, and no cut-off test written anywhere but ``menus.clock``."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from menus.access import ROLE_ACTS, About, Act, Rights, Who, check, may, orders_for, refusal
from menus.errors import DomainError
from menus.vocab import Actor

ELDER, OTHER_ELDER = 1, 2
CANTEEN, OTHER_CANTEEN = 100, 200

ELDER_HERSELF = Who(Actor.SELF, ELDER)
ELDER_UNNAMED = Who(Actor.SELF)  # the command line's --as self: the order's own elder
OTHER = Who(Actor.SELF, OTHER_ELDER)
DAUGHTER = Who(
    Actor.FAMILY, 10, links={ELDER: Rights(), OTHER_ELDER: Rights(can_order=False, notify=True)}
)
STRANGER = Who(Actor.FAMILY, 11)
COOK = Who(Actor.STAFF, 20, canteens=frozenset({CANTEEN}))
OTHER_COOK = Who(Actor.STAFF, 21, canteens=frozenset({OTHER_CANTEEN}))
OPERATOR = Who(Actor.STAFF)  # the command line without --by
SYSTEM = Who(Actor.SYSTEM)

HER_ORDER = About(elder_id=ELDER, canteen_id=CANTEEN)
OTHER_ORDER = About(elder_id=OTHER_ELDER, canteen_id=CANTEEN)
HER_CANTEEN = About(canteen_id=CANTEEN)
NO_CANTEEN = About(canteen_id=None)

CASES: list[tuple[str, Who, Act, About, str | None]] = [
    # orders: whose they are first, then what the role may do
    ("elder orders for herself", ELDER_HERSELF, Act.ORDER, HER_ORDER, None),
    ("elder cancels her own", ELDER_HERSELF, Act.CANCEL, HER_ORDER, None),
    ("unnamed self is the order's elder", ELDER_UNNAMED, Act.CANCEL, HER_ORDER, None),
    ("elder cannot order for another", OTHER, Act.ORDER, HER_ORDER, "not_linked"),
    ("elder cannot cancel another's", OTHER, Act.CANCEL, HER_ORDER, "not_linked"),
    ("elder cannot move her own on", ELDER_HERSELF, Act.MOVE, HER_ORDER, "transition_not_yours"),
    ("elder cannot call off late", ELDER_HERSELF, Act.CALL_OFF, HER_ORDER, "cannot_cancel_now"),
    ("another's order: not linked first", OTHER, Act.MOVE, HER_ORDER, "not_linked"),
    ("linked family orders", DAUGHTER, Act.ORDER, HER_ORDER, None),
    ("linked family cancels", DAUGHTER, Act.CANCEL, HER_ORDER, None),
    ("family cannot move on", DAUGHTER, Act.MOVE, HER_ORDER, "transition_not_yours"),
    ("a link without can_order", DAUGHTER, Act.ORDER, OTHER_ORDER, "not_linked"),
    ("unlinked family", STRANGER, Act.ORDER, HER_ORDER, "not_linked"),
    ("family with no person", Who(Actor.FAMILY), Act.ORDER, HER_ORDER, "not_linked"),
    ("staff orders at their canteen", COOK, Act.ORDER, HER_ORDER, None),
    ("staff moves at their canteen", COOK, Act.MOVE, HER_ORDER, None),
    ("staff calls off at their canteen", COOK, Act.CALL_OFF, HER_ORDER, None),
    ("staff of another canteen", OTHER_COOK, Act.MOVE, HER_ORDER, "not_linked"),
    ("staff of another canteen orders", OTHER_COOK, Act.ORDER, HER_ORDER, "not_linked"),
    ("the operator moves", OPERATOR, Act.MOVE, HER_ORDER, None),
    ("the operator cancels", OPERATOR, Act.CANCEL, HER_ORDER, None),
    ("the operator cannot place", OPERATOR, Act.ORDER, HER_ORDER, "not_linked"),
    ("the system moves", SYSTEM, Act.MOVE, HER_ORDER, None),
    ("the system calls off", SYSTEM, Act.CALL_OFF, HER_ORDER, None),
    # complaints and menus: staff of that canteen
    ("staff answers a complaint", COOK, Act.ANSWER, HER_CANTEEN, None),
    ("staff of another canteen answers", OTHER_COOK, Act.ANSWER, HER_CANTEEN, "not_staff"),
    ("an elder answers", ELDER_HERSELF, Act.ANSWER, HER_CANTEEN, "not_staff"),
    ("the system answers", SYSTEM, Act.ANSWER, HER_CANTEEN, "not_staff"),
    ("staff publishes a menu", COOK, Act.PUBLISH, HER_CANTEEN, None),
    ("a menu of an unknown canteen", COOK, Act.PUBLISH, NO_CANTEEN, "not_staff"),
    ("another canteen's menu", OTHER_COOK, Act.PUBLISH, HER_CANTEEN, "not_staff"),
    # links: not oneself, not twice; only the elder answers
    ("a stranger links", STRANGER, Act.LINK, About(elder_id=ELDER), None),
    ("linking to oneself", Who(Actor.FAMILY, ELDER), Act.LINK, About(elder_id=ELDER), "link_self"),
    ("linking twice", DAUGHTER, Act.LINK, About(elder_id=ELDER), "already_linked"),
    ("the elder confirms", ELDER_HERSELF, Act.CONFIRM_LINK, About(elder_id=ELDER), None),
    ("another confirms", OTHER, Act.CONFIRM_LINK, About(elder_id=ELDER), "link_code_unknown"),
    (
        "nobody confirms",
        ELDER_UNNAMED,
        Act.CONFIRM_LINK,
        About(elder_id=ELDER),
        "link_code_unknown",
    ),
]


@pytest.mark.parametrize(
    ("who", "act", "about", "code"), [c[1:] for c in CASES], ids=[c[0] for c in CASES]
)
def test_who_may_act(who: Who, act: Act, about: About, code: str | None) -> None:
    """Each case: the refusal's code, or None when allowed; ``check`` raises the same code."""
    assert refusal(who, act, about) == code
    if code is None:
        check(who, act, about)
    else:
        with pytest.raises(DomainError) as caught:
            check(who, act, about, status="placed", target="confirmed")
        assert caught.value.code == code
        assert caught.value.message("zh")


def test_every_role_has_its_acts() -> None:
    """People order and cancel; only the canteen's side moves orders on or calls them off."""
    assert set(ROLE_ACTS) == set(Actor)
    for role in (Actor.SELF, Actor.FAMILY):
        assert may(role, Act.ORDER) and may(role, Act.CANCEL)
        assert not may(role, Act.MOVE) and not may(role, Act.CALL_OFF)
    for role in (Actor.STAFF, Actor.SYSTEM):
        assert may(role, Act.MOVE) and may(role, Act.CALL_OFF)


def test_family_orders_for_the_elders_whose_link_allows_it() -> None:
    """In the order the links were made; a link without the right to order is left out."""
    who = Who(Actor.FAMILY, 10, links={7: Rights(), ELDER: Rights(can_order=False), 3: Rights()})
    assert orders_for(who) == [7, 3]
    assert orders_for(STRANGER) == []


ROOT = Path(__file__).resolve().parents[2]


def test_the_cutoff_is_compared_only_in_menus_clock() -> None:
    """Every "is it too late" asks ``menus.clock.is_open_for_orders``; nobody compares a time
    with ``cutoff_at(...)`` themselves."""
    offenders = []
    for package in ("bot", "menus", "scheduler", "bench"):
        for path in (ROOT / package).rglob("*.py"):
            if path == ROOT / "menus" / "clock.py":
                continue
            for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
                if isinstance(node, ast.Compare) and any(
                    isinstance(side, ast.Call)
                    and isinstance(side.func, ast.Name)
                    and side.func.id == "cutoff_at"
                    for side in [node.left, *node.comparators]
                ):
                    offenders.append(f"{path.relative_to(ROOT)}:{node.lineno}")
    assert offenders == []
