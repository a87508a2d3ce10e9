"""The order state machine as a pure function: every allowed and refused move."""

from __future__ import annotations

import pytest

from menus.errors import DomainError
from menus.states import check_transition
from menus.vocab import Actor, Fulfillment, OrderStatus

S = OrderStatus
PICKUP, DELIVERY = Fulfillment.PICKUP, Fulfillment.DELIVERY

ALLOWED = [
    (S.PLACED, S.CONFIRMED, PICKUP),
    (S.PLACED, S.PREPARING, PICKUP),
    (S.CONFIRMED, S.PREPARING, DELIVERY),
    (S.PREPARING, S.READY, PICKUP),
    (S.PREPARING, S.OUT_FOR_DELIVERY, DELIVERY),
    (S.READY, S.COMPLETED, PICKUP),
    (S.READY, S.MISSED, Fulfillment.DINE_IN),
    (S.OUT_FOR_DELIVERY, S.COMPLETED, DELIVERY),
    (S.OUT_FOR_DELIVERY, S.MISSED, DELIVERY),
]


@pytest.mark.parametrize(("current", "target", "mode"), ALLOWED)
def test_staff_moves_orders_forward(current: S, target: S, mode: Fulfillment) -> None:
    """Each step of the kitchen's day is allowed for staff."""
    check_transition(current, target, fulfillment=mode, actor=Actor.STAFF, before_cutoff=False)


@pytest.mark.parametrize(
    ("current", "target", "mode", "code"),
    [
        (S.PLACED, S.COMPLETED, PICKUP, "bad_transition"),
        (S.COMPLETED, S.PREPARING, PICKUP, "bad_transition"),
        (S.CANCELLED, S.CONFIRMED, PICKUP, "bad_transition"),
        (S.MISSED, S.COMPLETED, PICKUP, "bad_transition"),
        (S.PREPARING, S.READY, DELIVERY, "ready_is_for_pickup"),
        (S.PREPARING, S.OUT_FOR_DELIVERY, PICKUP, "delivery_only"),
        (S.PLACED, S.PLACED, PICKUP, "bad_transition"),
    ],
)
def test_invalid_moves_are_refused_with_a_reason(
    current: S, target: S, mode: Fulfillment, code: str
) -> None:
    """Skipping steps, going back, or the wrong kind of hand-over is refused."""
    with pytest.raises(DomainError) as caught:
        check_transition(current, target, fulfillment=mode, actor=Actor.STAFF, before_cutoff=False)
    assert caught.value.code == code
    assert caught.value.message("zh")  # a sentence, not an empty string


@pytest.mark.parametrize("actor", [Actor.SELF, Actor.FAMILY])
def test_people_cannot_move_the_kitchen_states(actor: Actor) -> None:
    """Only staff say when food is ready."""
    with pytest.raises(DomainError) as caught:
        check_transition(S.PLACED, S.CONFIRMED, fulfillment=PICKUP, actor=actor, before_cutoff=True)
    assert caught.value.code == "transition_not_yours"


@pytest.mark.parametrize("actor", [Actor.SELF, Actor.FAMILY])
def test_people_cancel_only_before_cutoff_and_before_cooking(actor: Actor) -> None:
    """Before the cut-off a placed or confirmed order may be cancelled; after, not."""
    for status in (S.PLACED, S.CONFIRMED):
        check_transition(status, S.CANCELLED, fulfillment=PICKUP, actor=actor, before_cutoff=True)
    for status, before, code in [
        (S.PLACED, False, "cancel_after_cutoff"),
        (S.PREPARING, True, "cannot_cancel_now"),
        (S.COMPLETED, True, "cannot_cancel_now"),
    ]:
        with pytest.raises(DomainError) as caught:
            check_transition(
                status, S.CANCELLED, fulfillment=PICKUP, actor=actor, before_cutoff=before
            )
        assert caught.value.code == code


def test_canteen_cancels_late_only_with_a_reason() -> None:
    """The canteen may call off a meal it cannot serve, saying why, until it leaves."""
    check_transition(
        S.READY,
        S.CANCELLED,
        fulfillment=PICKUP,
        actor=Actor.STAFF,
        before_cutoff=False,
        reason="停电",
    )
    for reason in (None, "  "):
        with pytest.raises(DomainError) as caught:
            check_transition(
                S.PREPARING,
                S.CANCELLED,
                fulfillment=PICKUP,
                actor=Actor.STAFF,
                before_cutoff=False,
                reason=reason,
            )
        assert caught.value.code == "cancel_needs_reason"
    with pytest.raises(DomainError) as caught:
        check_transition(
            S.OUT_FOR_DELIVERY,
            S.CANCELLED,
            fulfillment=DELIVERY,
            actor=Actor.STAFF,
            before_cutoff=False,
            reason="x",
        )
    assert caught.value.code == "cannot_cancel_now"


def test_next_moves_are_what_the_rule_allows() -> None:
    """The buttons a console offers come from ``check_transition`` itself."""
    from menus.states import next_moves

    assert next_moves(S.PLACED, PICKUP) == [S.CONFIRMED, S.PREPARING]
    assert next_moves(S.PREPARING, PICKUP) == [S.READY]
    assert next_moves(S.PREPARING, DELIVERY) == [S.OUT_FOR_DELIVERY]
    assert next_moves(S.READY, PICKUP) == [S.COMPLETED, S.MISSED]
    assert next_moves(S.COMPLETED, PICKUP) == []
    assert next_moves(S.PLACED, PICKUP, Actor.FAMILY) == []
