"""Alembic, programmatically: what `briefbot` runs before it serves (`upgrade head`)."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Connection, Engine, text

import migrations
from store.database import SQLITE_BUSY_TIMEOUT_MS, make_engine
from store.statistics import refresh_planner_statistics

# Found through the installed package, so this works outside a source checkout too.
MIGRATIONS_DIR = Path(migrations.__file__).resolve().parent


def alembic_config(connection: Connection | None = None) -> Config:
    """An Alembic config pointing at the shipped migrations, optionally bound to a connection."""
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    if connection is not None:
        # migrations/env.py uses this connection instead of opening its own.
        config.attributes["connection"] = connection
    return config


# Tables whose every row a revision rewrites (a backfill), vacuumed on PostgreSQL once it is applied.
# The update leaves a dead version of each row, which index walks then step over until a VACUUM,
# and autovacuum may be off or late: a broad timeline took 32 instead of 12 ms at a million facts
# after 0007. VACUUM cannot run inside the migration's transaction, so it runs after the commit.
VACUUM_AFTER: dict[str, tuple[str, ...]] = {"0007_story_headlines": ("stories",)}


def upgrade(url_or_engine: str | Engine, revision: str = "head") -> None:
    """Bring the schema up to `revision` (default: the newest). Running it twice changes nothing."""
    with _connection(url_or_engine) as connection:
        before = MigrationContext.configure(connection).get_current_revision()
        command.upgrade(alembic_config(connection), revision)
        after = MigrationContext.configure(connection).get_current_revision()
        refresh_planner_statistics(connection)
        postgres = connection.dialect.name == "postgresql"
    if postgres and after != before:
        script = ScriptDirectory.from_config(alembic_config())
        applied = [r.revision for r in script.iterate_revisions(after, before)]
        tables = list(dict.fromkeys(t for r in applied for t in VACUUM_AFTER.get(r, ())))
        if tables:
            _vacuum(url_or_engine, tables)


def downgrade(url_or_engine: str | Engine, revision: str = "base") -> None:
    """Take the schema back to `revision`; "base" drops every table the migrations made."""
    with _connection(url_or_engine) as connection:
        command.downgrade(alembic_config(connection), revision)


def head_revision() -> str | None:
    """The newest revision the shipped migrations define."""
    return ScriptDirectory.from_config(alembic_config()).get_current_head()


def current(url_or_engine: str | Engine) -> str | None:
    """The revision the database is at, or None when no migration has run."""
    with _connection(url_or_engine) as connection:
        return MigrationContext.configure(connection).get_current_revision()


def _vacuum(url_or_engine: str | Engine, tables: list[str]) -> None:
    engine = make_engine(url_or_engine) if isinstance(url_or_engine, str) else url_or_engine
    try:
        with engine.connect().execution_options(isolation_level="AUTOCOMMIT") as connection:
            for table in tables:
                # An empty table has nothing to clean, and statistics saying "empty" would outlive
                # it: a new database's ingest then checked every story reference by a scan of the
                # whole table (foreign-key plans are made once a connection), 5x slower per row.
                if connection.exec_driver_sql(f"SELECT EXISTS (SELECT 1 FROM {table})").scalar():
                    connection.exec_driver_sql(f"VACUUM (ANALYZE) {table}")
    finally:
        if isinstance(url_or_engine, str):
            engine.dispose()


_MIGRATION_WAIT_MS = 120_000

# Any fixed number: the key of the PostgreSQL advisory lock that serialises migrations.
_MIGRATION_LOCK_KEY = 0x62726966  # "brif"


@contextmanager
def _connection(url_or_engine: str | Engine) -> Iterator[Connection]:
    """A connection in a transaction that only one migrating process holds at a time.

    The release phase, the web process and the worker may all start at once and all run
    `upgrade`; the others wait, then find the schema already at head.
    """
    owned = isinstance(url_or_engine, str)
    engine = make_engine(url_or_engine) if isinstance(url_or_engine, str) else url_or_engine
    try:
        with engine.connect() as connection:
            sqlite = connection.dialect.name == "sqlite"
            if sqlite:
                # A process that waits while another one migrates may wait for the whole migration,
                # which on a busy machine can take longer than the everyday busy timeout.
                _sqlite_busy_timeout(connection, _MIGRATION_WAIT_MS)
            connection = connection.execution_options(sqlite_begin="BEGIN IMMEDIATE")
            try:
                with connection.begin():
                    if connection.dialect.name == "postgresql":
                        connection.execute(
                            text("SELECT pg_advisory_xact_lock(:key)"), {"key": _MIGRATION_LOCK_KEY}
                        )
                    yield connection
            finally:
                if sqlite:
                    _sqlite_busy_timeout(connection, SQLITE_BUSY_TIMEOUT_MS)
    finally:
        if owned:
            engine.dispose()


def _sqlite_busy_timeout(connection: Connection, milliseconds: int) -> None:
    # On the DBAPI connection, so that no SQLAlchemy transaction (and no BEGIN) starts for it.
    cursor = connection.connection.driver_connection.cursor()  # type: ignore[union-attr]
    try:
        cursor.execute(f"PRAGMA busy_timeout={int(milliseconds)}")
    finally:
        cursor.close()
