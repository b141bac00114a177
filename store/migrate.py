"""Alembic, programmatically: what `briefbot` runs before it serves (`upgrade head`)."""

from __future__ import annotations

import logging
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

# Importing alembic's commands logs "setup plugin ..." at INFO, seven lines, in every process.
logging.getLogger("alembic.runtime.plugins").setLevel(logging.WARNING)

from alembic import command  # noqa: E402
from alembic.config import Config  # noqa: E402
from alembic.runtime.migration import MigrationContext  # noqa: E402
from alembic.script import ScriptDirectory  # noqa: E402
from sqlalchemy import Connection, Engine, text  # noqa: E402

import migrations  # noqa: E402
from store.database import SQLITE_BUSY_TIMEOUT_MS, make_engine  # noqa: E402
from store.statistics import refresh_planner_statistics  # noqa: E402

log = logging.getLogger(__name__)

# Alembic says "Context impl SQLiteImpl.", "Will assume non-transactional DDL." and "setup plugin ..."
# at INFO on every upgrade, applied or not; a command's log shows instead the one line of what was
# applied, if anything.
_ALEMBIC_LOGGERS = ("alembic",)

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
    with _connection(url_or_engine) as connection, _quiet_alembic():
        before = MigrationContext.configure(connection).get_current_revision()
        command.upgrade(alembic_config(connection), revision)
        after = MigrationContext.configure(connection).get_current_revision()
        refresh_planner_statistics(connection)
        postgres = connection.dialect.name == "postgresql"
    if after != before:
        script = ScriptDirectory.from_config(alembic_config())
        applied = [r.revision for r in script.iterate_revisions(after, before)][::-1]
        log.info("database schema upgraded to %s (applied %s)", after, ", ".join(applied))
    if postgres and after != before:
        tables = list(dict.fromkeys(t for r in applied for t in VACUUM_AFTER.get(r, ())))
        if tables:
            _vacuum(url_or_engine, tables)


@contextmanager
def _quiet_alembic() -> Iterator[None]:
    """Alembic's per-run INFO lines silenced while it runs (its warnings still show)."""
    loggers = [logging.getLogger(name) for name in _ALEMBIC_LOGGERS]
    levels = [logger.level for logger in loggers]
    for logger in loggers:
        logger.setLevel(max(logger.getEffectiveLevel(), logging.WARNING))
    try:
        yield
    finally:
        for logger, level in zip(loggers, levels, strict=True):
            logger.setLevel(level)


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
