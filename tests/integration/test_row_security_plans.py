"""Migration 0020: row-level policies PostgreSQL can plan (a page never waits for a whole workspace).

The full-text match is marked leakproof only when a superuser migrates; the tests' own database
belongs to an ordinary role, so that case is migrated here on a database of its own.
"""

from __future__ import annotations

import logging
from collections.abc import Iterator

import pytest
from sqlalchemy import Engine, text
from sqlalchemy.engine import make_url

from store.database import make_engine
from store.migrate import downgrade, upgrade
from tests.integration.conftest import POSTGRES_URL, throwaway_postgres_database

pytestmark = pytest.mark.postgres

_LEAKPROOF = "SELECT proleakproof FROM pg_proc WHERE oid = 'ts_match_vq(tsvector, tsquery)'::regprocedure"


@pytest.fixture
def as_superuser(postgres_available: None) -> Iterator[Engine]:
    """An empty database, reached as the server's superuser (the tests' POSTGRES_URL)."""
    with throwaway_postgres_database() as url:
        superuser = make_url(url).set(username=make_url(POSTGRES_URL).username)
        engine = make_engine(superuser.render_as_string(hide_password=False))
        yield engine
        engine.dispose()


def _policy(engine: Engine, table: str, name: str) -> str:
    with engine.connect() as conn:
        return str(
            conn.scalar(
                text("SELECT qual FROM pg_policies WHERE tablename = :t AND policyname = :n"),
                {"t": table, "n": name},
            )
        )


def test_each_row_checked_is_one_probe_never_a_whole_workspace_hashed(postgres_engine: Engine) -> None:
    for table, name in [
        ("articles", "workspace_read"),
        ("events", "workspace_rows"),
        ("figures", "workspace_rows"),
    ]:
        assert "OFFSET 0" in _policy(postgres_engine, table, name)
    assert _policy(postgres_engine, "article_access", "workspace_read") == "true"


def test_an_ordinary_role_migrates_and_is_told_the_index_stays_unused(
    postgres_engine: Engine, caplog: pytest.LogCaptureFixture
) -> None:
    with postgres_engine.connect() as conn:
        assert conn.scalar(text(_LEAKPROOF)) is False
    with caplog.at_level(logging.WARNING):
        downgrade(postgres_engine, "0019_workspaces")
        upgrade(postgres_engine)
    assert "not a superuser" in caplog.text


def test_a_superuser_lets_the_full_text_index_work_under_the_policies(as_superuser: Engine) -> None:
    upgrade(as_superuser)
    with as_superuser.connect() as conn:
        assert conn.scalar(text(_LEAKPROOF)) is True
    downgrade(as_superuser, "0019_workspaces")
    with as_superuser.connect() as conn:
        assert conn.scalar(text(_LEAKPROOF)) is False
    assert "OFFSET 0" not in _policy(as_superuser, "events", "workspace_rows")
