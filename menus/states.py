"""The order state machine: which moves are allowed, and who may make them.

placed → confirmed → preparing → ready (pickup, dine-in) / out_for_delivery (delivery) → completed.
An order can be cancelled by the elder or family before the cut-off, or by the canteen (with a
reason) until it is handed over; an order that was ready or on its way and never reached the
elder becomes missed. Which role may move an order on or call it off late is ``menus.access``'s
(``may``); whose order it is, too.
"""

from __future__ import annotations

from collections import deque

from menus.access import Act, may
from menus.errors import DomainError
from menus.vocab import Actor, Fulfillment, OrderStatus

S = OrderStatus

_FORWARD: dict[OrderStatus, frozenset[OrderStatus]] = {
    S.PLACED: frozenset({S.CONFIRMED, S.PREPARING}),
    S.CONFIRMED: frozenset({S.PREPARING}),
    S.PREPARING: frozenset({S.READY, S.OUT_FOR_DELIVERY}),
    S.READY: frozenset({S.COMPLETED, S.MISSED}),
    S.OUT_FOR_DELIVERY: frozenset({S.COMPLETED, S.MISSED}),
    S.COMPLETED: frozenset(),
    S.CANCELLED: frozenset(),
    S.MISSED: frozenset(),
}

CANCELLABLE_BY_PEOPLE = frozenset({S.PLACED, S.CONFIRMED})
"""Elders and family may cancel only before the kitchen starts, and only before the cut-off."""

CANCELLABLE_BY_CANTEEN = frozenset({S.PLACED, S.CONFIRMED, S.PREPARING, S.READY})
"""The canteen may still call off a meal it cannot serve, until it leaves the kitchen."""

OPEN_STATUSES = frozenset({S.PLACED, S.CONFIRMED, S.PREPARING, S.READY, S.OUT_FOR_DELIVERY})
"""Orders that still hold portions and count for the kitchen."""


def check_transition(
    current: OrderStatus,
    target: OrderStatus,
    *,
    fulfillment: Fulfillment,
    actor: Actor,
    before_cutoff: bool,
    reason: str | None = None,
) -> None:
    """Refuse an invalid move with a ``DomainError`` that says why; return quietly if allowed."""
    if target is S.CANCELLED:
        _check_cancel(current, actor=actor, before_cutoff=before_cutoff, reason=reason)
        return
    if not may(actor, Act.MOVE):
        raise DomainError("transition_not_yours", status=current, target=target)
    if target not in _FORWARD[current]:
        raise DomainError("bad_transition", status=current, target=target)
    if target is S.READY and fulfillment is Fulfillment.DELIVERY:
        raise DomainError("ready_is_for_pickup")
    if target is S.OUT_FOR_DELIVERY and fulfillment is not Fulfillment.DELIVERY:
        raise DomainError("delivery_only")


def _check_cancel(
    current: OrderStatus, *, actor: Actor, before_cutoff: bool, reason: str | None
) -> None:
    if not may(actor, Act.CALL_OFF):
        if current not in CANCELLABLE_BY_PEOPLE:
            raise DomainError("cannot_cancel_now", status=current)
        if not before_cutoff:
            raise DomainError("cancel_after_cutoff")
        return
    if current not in CANCELLABLE_BY_CANTEEN:
        raise DomainError("cannot_cancel_now", status=current)
    if actor is Actor.STAFF and not (reason and reason.strip()):
        raise DomainError("cancel_needs_reason")


def forward_steps(
    current: OrderStatus, target: OrderStatus, fulfillment: Fulfillment
) -> list[OrderStatus]:
    """The shortest run of allowed forward moves from ``current`` to ``target`` (empty when
    there is none): staff saying 送到了 of a placed order records each step on the way."""
    skip = S.READY if fulfillment is Fulfillment.DELIVERY else S.OUT_FOR_DELIVERY
    queue: deque[tuple[OrderStatus, list[OrderStatus]]] = deque([(current, [])])
    seen = {current}
    while queue:
        status, path = queue.popleft()
        if status is target:
            return path
        for nxt in sorted(_FORWARD[status]):
            if nxt not in seen and nxt is not skip:
                seen.add(nxt)
                queue.append((nxt, [*path, nxt]))
    return []


def next_moves(
    current: OrderStatus, fulfillment: Fulfillment, actor: Actor = Actor.STAFF
) -> list[OrderStatus]:
    """The forward moves ``check_transition`` allows ``actor`` from ``current`` (cancelling
    aside), in the kitchen's order: what a console offers as buttons, asked of the rule itself
    so that no screen keeps a copy of it."""
    allowed: list[OrderStatus] = []
    for target in OrderStatus:
        if target is S.CANCELLED:
            continue
        try:
            check_transition(
                current, target, fulfillment=fulfillment, actor=actor, before_cutoff=False
            )
        except DomainError:
            continue
        allowed.append(target)
    return allowed
