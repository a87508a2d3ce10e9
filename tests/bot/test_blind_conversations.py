"""The conversations written blind (``tests/bot/blind``): the test set is frozen, every file is
well formed against its world, and the dev set (the one tuned on) holds its measured floor.

The figures themselves (dev and test side by side) come from ``bench/conversations.py``.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from bench.conversations import BLIND, frozen_ok, run

FILES = sorted((BLIND / "test").glob("*.yml")) + sorted((BLIND / "dev").glob("*.yml"))


def test_the_test_set_is_as_frozen_before_tuning() -> None:
    assert frozen_ok() == []


@pytest.mark.parametrize("path", FILES, ids=lambda p: f"{p.parent.name}/{p.name}")
def test_each_file_is_well_formed(path: Path) -> None:
    checked = subprocess.run(
        [sys.executable, str(BLIND / "validate.py"), str(path)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert checked.returncode == 0, checked.stdout


def test_the_dev_conversations_hold_their_floor() -> None:
    """Measured when each change landed; a change that loses conversations fails here."""
    outcomes = run("dev")
    right = sum(o.ok for o in outcomes)
    wrong = [o.name for o in outcomes if o.wrong_order]
    assert right >= 1500, [o.name for o in outcomes if not o.ok]
    assert not wrong, wrong  # no order the person did not ask for
