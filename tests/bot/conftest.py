"""Fixtures for the Telegram channel's tests."""

from __future__ import annotations

from collections.abc import AsyncIterator

import pytest
from sqlalchemy.orm import Session, sessionmaker

from tests.bot.telegram_harness import Harness
from tests.conftest import BEFORE_LUNCH


@pytest.fixture
async def tg(shop: sessionmaker[Session]) -> AsyncIterator[Harness]:
    """A bot on the small test canteen at 08:00 on 2026-12-01, talking to a fake Telegram."""
    harness = Harness(shop, BEFORE_LUNCH)
    async with harness.app:
        yield harness
