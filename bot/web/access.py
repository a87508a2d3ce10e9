"""Who may open which page and do what, per role and per canteen: the console's one table.

Why a table and not checks spread over the views: the authorisation matrix test reads the same
table, and a new page gets a permission here or nothing. Staff act only in canteens where they
have a role (their ``staff_members`` rows); a supervisor reads every canteen whose region code
starts with theirs and holds no permission that changes anything (they read the food-safety
records, the kitchen's manager and cooks keep them; they read the settlement, as its manager
does). The store checks again when
an order moves, with the rule every channel uses (``menus.access``: only staff of the order's
canteen move it on).

The menu planner (the week's grid, one meal's page) is the menu seen a week at a time, so
it takes the menu's permissions rather than new ones: whoever reads the menu (``VIEW_MENU``:
manager, cook, delivery, volunteer, the region's supervisor) reads the plan; copying last
week, changing a meal's dishes and marking a day closed publish what elders are offered, so
they are the manager's alone (``PUBLISH_MENU``). The community contact, who does not read the
menu, does not read the plan either. The dish library (a dish's price, names, nutrition, tags
and allergens) is the menu's too: read with ``VIEW_MENU``, changed with ``PUBLISH_MENU``.

Complaints and praise (``VIEW_FEEDBACK``, ``ANSWER_FEEDBACK``) follow the rule the chat already
keeps rather than a stricter one of the console's: ``menus.access`` lets anyone who is staff of
the complaint's canteen answer it (``Act.ANSWER``, whatever their role), and the bot sends every
new complaint to every staff member of the canteen. So every staff role (manager, cook,
delivery, volunteer, community contact) reads the canteen's inbox and answers in it; a narrower
console would only send them back to "回复 3 …" in the chat. The inbox shows the elder's name
and words, never a phone or an address. The region's supervisor reads it; staff of another
canteen get nothing, and the store refuses an answer by anyone not staff of the complaint's
canteen.

The delivery list (``VIEW_DELIVERY``) names each elder with their address and phone, so it
goes where the kitchen sheet goes (manager, cook, delivery, volunteer; not the community
contact, whose role is not tied to one community) and to the region's supervisor, read-only.
Its walking order (``ARRANGE_ROUTE``) is changed by those who walk it and those who answer for
it: delivery staff and the manager. The cook packs in that order but does not set it.
"""

from __future__ import annotations

from enum import StrEnum

from menus.accounts import SUPERVISOR, Access
from menus.models import Canteen
from menus.supervision import in_region
from menus.vocab import StaffRole


class Permission(StrEnum):
    """A page or an action of the console."""

    VIEW_BOARD = "view_board"
    MOVE_ORDERS = "move_orders"
    VIEW_KITCHEN = "view_kitchen"
    VIEW_ORDER = "view_order"
    VIEW_AUDIT = "view_audit"
    VIEW_REGION = "view_region"
    VIEW_MENU = "view_menu"
    PUBLISH_MENU = "publish_menu"
    VIEW_SAFETY = "view_safety"
    RECORD_SAFETY = "record_safety"
    VIEW_SETTLEMENT = "view_settlement"
    VIEW_FEEDBACK = "view_feedback"
    ANSWER_FEEDBACK = "answer_feedback"
    VIEW_DELIVERY = "view_delivery"
    ARRANGE_ROUTE = "arrange_route"


P = Permission
CHANGES = frozenset(
    {P.MOVE_ORDERS, P.PUBLISH_MENU, P.RECORD_SAFETY, P.ANSWER_FEEDBACK, P.ARRANGE_ROUTE}
)
"""Permissions that change something; a supervisor holds none of them."""
FOOD_SAFETY = frozenset({P.VIEW_SAFETY, P.RECORD_SAFETY})
"""The kitchen keeps the food-safety records (留样, disinfection, self-inspection): its
manager and cooks; delivery, volunteers and the community contact do not."""
SETTLEMENT = frozenset({P.VIEW_SETTLEMENT})
"""结算 (the month's money per category, the claim sheet, the elders' statements): the
canteen's manager, who claims the subsidy, and the region's supervisor, who pays it; never
the kitchen, delivery or the community contact (the sheet names every elder and what they
paid). It only reads."""
FEEDBACK = frozenset({P.VIEW_FEEDBACK, P.ANSWER_FEEDBACK})
"""Complaints and praise: every staff role of the canteen, as in the chat (see above)."""
DELIVERY = frozenset({P.VIEW_DELIVERY, P.ARRANGE_ROUTE})
"""The delivery list and its walking order: read and changed by delivery staff and the
manager (see above)."""

ROLE_PERMISSIONS: dict[str, frozenset[Permission]] = {
    # the manager alone publishes the canteen's menu (it sets prices and caps)
    StaffRole.MANAGER.value: frozenset(
        {
            P.VIEW_BOARD,
            P.MOVE_ORDERS,
            P.VIEW_KITCHEN,
            P.VIEW_ORDER,
            P.VIEW_AUDIT,
            P.VIEW_MENU,
            P.PUBLISH_MENU,
        }
    )
    | FOOD_SAFETY
    | SETTLEMENT
    | FEEDBACK
    | DELIVERY,
    StaffRole.COOK.value: frozenset(
        {P.VIEW_BOARD, P.MOVE_ORDERS, P.VIEW_KITCHEN, P.VIEW_ORDER, P.VIEW_MENU, P.VIEW_DELIVERY}
    )
    | FOOD_SAFETY
    | FEEDBACK,
    StaffRole.DELIVERY.value: frozenset(
        {P.VIEW_BOARD, P.MOVE_ORDERS, P.VIEW_KITCHEN, P.VIEW_ORDER, P.VIEW_MENU}
    )
    | FEEDBACK
    | DELIVERY,
    StaffRole.VOLUNTEER.value: frozenset(
        {P.VIEW_BOARD, P.VIEW_KITCHEN, P.VIEW_MENU, P.VIEW_DELIVERY}
    )
    | FEEDBACK,
    # the community contact follows who eats, not the kitchen (the sheet lists phones)
    StaffRole.COMMUNITY.value: frozenset({P.VIEW_BOARD, P.VIEW_ORDER}) | FEEDBACK,
    SUPERVISOR: frozenset(
        {
            P.VIEW_BOARD,
            P.VIEW_ORDER,
            P.VIEW_AUDIT,
            P.VIEW_REGION,
            P.VIEW_MENU,
            P.VIEW_SAFETY,
            P.VIEW_FEEDBACK,
            P.VIEW_DELIVERY,
        }
    )
    | SETTLEMENT,
}
assert not ROLE_PERMISSIONS[SUPERVISOR] & CHANGES


def role_in(access: Access, canteen: Canteen) -> str | None:
    """The role that decides what ``access`` may do at ``canteen``: the staff role there, or
    supervisor when the canteen is in their region; None when it is none of theirs."""
    if access.supervisor_region is not None:
        return SUPERVISOR if in_region(canteen.region, access.supervisor_region) else None
    return access.roles.get(canteen.id)


def may(access: Access, permission: Permission, canteen: Canteen | None = None) -> bool:
    """Whether ``access`` holds ``permission`` at ``canteen`` (or anywhere, when None: for the
    pages that list what is theirs, such as the audit log and the region dashboard)."""
    if canteen is not None:
        role = role_in(access, canteen)
        return role is not None and permission in ROLE_PERMISSIONS.get(role, frozenset())
    roles = [SUPERVISOR] if access.is_supervisor else list(access.roles.values())
    return any(permission in ROLE_PERMISSIONS.get(role, frozenset()) for role in roles)


def canteens_with(access: Access, permission: Permission) -> list[int]:
    """The canteens (by id) where staff hold ``permission``; supervisors are by region."""
    return [
        canteen_id
        for canteen_id, role in access.roles.items()
        if permission in ROLE_PERMISSIONS.get(role, frozenset())
    ]
