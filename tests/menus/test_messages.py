"""The store's sentences: every blank fills, whatever it is called."""

from __future__ import annotations

from menus.errors import DomainError
from menus.messages import EN, ZH


def test_a_blank_called_code_fills() -> None:
    """``unknown_canteen`` names its canteen ``code``, which is also render's first argument."""
    refused = DomainError("unknown_canteen", code="nope")
    assert "“nope”" in refused.message("zh")
    assert "'nope'" in str(refused)


def test_both_catalogues_have_every_code() -> None:
    assert set(ZH) == set(EN)
