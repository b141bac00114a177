"""`upgrade` logs what it applied, once, and none of Alembic's per-run INFO lines."""

from __future__ import annotations

import logging
from pathlib import Path

import pytest

from store.migrate import upgrade


def test_upgrade_logs_only_what_it_applied(tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    url = f"sqlite:///{tmp_path / 'log.db'}"
    with caplog.at_level(logging.INFO):
        upgrade(url)
    lines = [r.getMessage() for r in caplog.records]
    assert [m for m in lines if "applied" in m] and len(lines) == 1, lines
    assert not [r for r in caplog.records if r.name.startswith("alembic")]
    caplog.clear()
    with caplog.at_level(logging.INFO):
        upgrade(url)  # nothing to apply: nothing to say
    assert caplog.records == []
