from __future__ import annotations

import threading

import pytest
from sqlalchemy import inspect

from store.database import make_engine
from store.migrate import current, downgrade, head_revision, upgrade
from store.orm import Base, include_in_autogenerate
from tests.integration.conftest import BACKENDS

APP_TABLES = set(Base.metadata.tables)
HEAD = head_revision()


@pytest.mark.parametrize("empty_database_url", BACKENDS, indirect=True)
def test_upgrade_from_empty_creates_every_table_and_downgrade_removes_them(empty_database_url: str) -> None:
    engine = make_engine(empty_database_url)
    try:
        assert current(engine) is None
        upgrade(engine)
        assert current(engine) == HEAD
        tables = set(inspect(engine).get_table_names())
        assert tables >= APP_TABLES
        if engine.dialect.name == "sqlite":
            assert {"events_fts", "quotes_fts", "figures_fts"} <= tables
        else:
            for table in ("events", "quotes", "figures"):
                indexes = {ix["name"] for ix in inspect(engine).get_indexes(table)}
                assert f"ix_{table}_search_vector" in indexes

        downgrade(engine)
        assert current(engine) is None
        left = set(inspect(engine).get_table_names())
        assert left <= {"alembic_version"}, left
    finally:
        engine.dispose()


@pytest.mark.parametrize("empty_database_url", BACKENDS, indirect=True)
def test_upgrade_twice_is_harmless_and_works_from_a_url(empty_database_url: str) -> None:
    upgrade(empty_database_url)
    upgrade(empty_database_url)
    assert current(empty_database_url) == HEAD
    downgrade(empty_database_url)
    upgrade(empty_database_url)
    assert current(empty_database_url) == HEAD
    engine = make_engine(empty_database_url)
    try:
        assert set(inspect(engine).get_table_names()) >= APP_TABLES
    finally:
        engine.dispose()


def test_models_and_migration_agree(engine: object) -> None:
    """Autogenerate against the migrated schema finds nothing to do: the ORM and 0001 match."""
    from alembic.autogenerate import compare_metadata
    from alembic.runtime.migration import MigrationContext
    from sqlalchemy import Engine

    assert isinstance(engine, Engine)
    with engine.connect() as conn:
        context = MigrationContext.configure(conn, opts={"include_object": include_in_autogenerate})
        diff = compare_metadata(context, Base.metadata)
    assert diff == []


@pytest.mark.parametrize("empty_database_url", BACKENDS, indirect=True)
def test_processes_migrating_at_once_wait_for_each_other(empty_database_url: str) -> None:
    errors: list[BaseException] = []

    def migrate() -> None:
        try:
            upgrade(empty_database_url)
        except BaseException as exc:  # collected and asserted on below
            errors.append(exc)

    threads = [threading.Thread(target=migrate) for _ in range(3)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)
    assert errors == []
    assert current(empty_database_url) == HEAD
