"""SQLite's planner statistics follow a store that a long-running process grows."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest
from sqlalchemy import text

from handlers.tenancy import DEFAULT_WORKSPACE
from store import statistics
from store.database import make_engine, make_session_factory
from store.migrate import upgrade
from store.uow import SqlUnitOfWork


def _audit_rows_known_to_planner(url: str) -> int | None:
    """The row count SQLite's statistics give the admin_actions table (None: no statistics)."""
    engine = make_engine(url)
    try:
        with engine.connect() as conn:
            stat = conn.scalar(text("SELECT stat FROM sqlite_stat1 WHERE tbl = 'admin_actions' LIMIT 1"))
    finally:
        engine.dispose()
    return int(stat.split()[0]) if stat else None


def test_a_process_that_keeps_writing_gathers_sqlite_statistics_again(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Started on an empty store, a worker kept its "empty" statistics for good: by 50k articles
    # quote inserts were ten times slower.
    monkeypatch.setattr(statistics, "_MIN_CHANGES", 40)
    url = f"sqlite:///{tmp_path / 'store.db'}"
    engine = make_engine(url)
    upgrade(engine)  # gathers statistics of the empty store
    assert not _audit_rows_known_to_planner(url)
    uow = SqlUnitOfWork(make_session_factory(engine), workspace=DEFAULT_WORKSPACE)
    when = datetime(2031, 5, 1, tzinfo=UTC)
    for batch in range(3):
        with uow:
            for i in range(30):
                uow.audit.record("U1", "sources.add", f"feed {batch}-{i}", when)
            uow.commit()
    engine.dispose()
    # 90 rows written; statistics gathered again once 40 were (and not after every commit).
    assert _audit_rows_known_to_planner(url) in (30, 60, 90)
