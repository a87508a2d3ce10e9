"""The store's refusals: every blank fills, whatever it is called, in the person's language."""

from __future__ import annotations

from menus.errors import DomainError
from menus.vocab import OrderStatus


def test_a_blank_called_code_fills() -> None:
    """``unknown_canteen`` names its canteen ``code``, which is also render's first argument."""
    refused = DomainError("unknown_canteen", code="nope")
    assert "“nope”" in refused.message("zh")
    assert "'nope'" in str(refused)


def test_states_are_labels_in_mandarin_and_codes_in_english() -> None:
    refused = DomainError("bad_transition", status=OrderStatus.PLACED, target=OrderStatus.READY)
    assert refused.message("zh") == "订单现在是“已下单”，不能改成“待取餐”。"
    assert str(refused) == "The order is placed; it cannot become ready."
    assert refused.message("mn") == refused.message("zh")  # not written in Mongolian: Mandarin


def test_mongolian_where_written_and_a_missing_blank_shown() -> None:
    assert DomainError("not_linked").message("mn").startswith("ᠲᠠ ᠡᠨᠡ")
    assert "“{code}”" in DomainError("unknown_canteen").message("zh")
    assert DomainError("no_such_code").message("zh") == "no_such_code"
