"""Fixtures: every store test runs on SQLite and on the local PostgreSQL.

PostgreSQL tests get their own throwaway database (other helpers share the server's `test`
database), created once per run and emptied between tests. When the server is unreachable the
PostgreSQL half is skipped with the reason.
"""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from sqlalchemy import Connection, Engine, create_engine, event, text
from sqlalchemy.engine import make_url
from sqlalchemy.exc import DBAPIError

from handlers.tenancy import DEFAULT_WORKSPACE
from store.database import make_engine, make_session_factory
from store.migrate import upgrade
from store.orm import Base
from store.uow import SqlUnitOfWork

POSTGRES_URL = os.environ.get(
    "BRIEFBOT_TEST_POSTGRES_URL", "postgresql+psycopg://postgres@127.0.0.1:5432/test"
)

BACKENDS = [
    pytest.param("sqlite", id="sqlite"),
    pytest.param("postgresql", id="postgresql", marks=pytest.mark.postgres),
]


def _postgres_unreachable_reason() -> str | None:
    engine = create_engine(POSTGRES_URL, connect_args={"connect_timeout": 3})
    try:
        with engine.connect():
            return None
    except Exception as exc:  # any failure to connect means: skip, and say why
        return f"PostgreSQL at {POSTGRES_URL} is unreachable: {type(exc).__name__}: {exc}".splitlines()[0]
    finally:
        engine.dispose()


# The tests' database belongs to an ordinary role, as a deployment's should: a superuser is never
# subject to row-level security, the owner of the tables is (migration 0019 forces it), so every
# PostgreSQL test runs with the workspace policies on.
APP_ROLE = "briefbot_app_test"


def _ensure_app_role(conn: Connection) -> None:
    exists = conn.scalar(text("SELECT 1 FROM pg_roles WHERE rolname = :r"), {"r": APP_ROLE})
    if exists:
        return
    try:
        conn.execute(text(f"CREATE ROLE {APP_ROLE} LOGIN NOSUPERUSER NOBYPASSRLS"))
    except DBAPIError:  # another run made it meanwhile
        if not conn.scalar(text("SELECT 1 FROM pg_roles WHERE rolname = :r"), {"r": APP_ROLE}):
            raise


@contextmanager
def throwaway_postgres_database() -> Iterator[str]:
    """A fresh, empty PostgreSQL database for this run, owned by APP_ROLE (the URL logs in as it);
    dropped afterwards."""
    name = f"briefbot_test_{uuid.uuid4().hex[:12]}"
    admin = create_engine(POSTGRES_URL, isolation_level="AUTOCOMMIT")
    try:
        with admin.connect() as conn:
            _ensure_app_role(conn)
            conn.execute(text(f'CREATE DATABASE "{name}" OWNER {APP_ROLE}'))
        url = make_url(POSTGRES_URL).set(database=name, username=APP_ROLE, password=None)
        yield url.render_as_string(hide_password=False)
    finally:
        with admin.connect() as conn:
            conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()


@pytest.fixture(scope="session")
def postgres_available() -> None:
    reason = _postgres_unreachable_reason()
    if reason:
        pytest.skip(reason)


@pytest.fixture(scope="session")
def postgres_engine(postgres_available: None) -> Iterator[Engine]:
    """One migrated PostgreSQL database for the whole run."""
    with throwaway_postgres_database() as url:
        engine = make_engine(url)
        upgrade(engine)
        yield engine
        engine.dispose()


@pytest.fixture
def empty_database_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    """A URL to a database with nothing in it, on the backend the test is parametrised with."""
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path / 'empty.db'}"
        return
    request.getfixturevalue("postgres_available")
    with throwaway_postgres_database() as url:
        yield url


@pytest.fixture(params=BACKENDS)
def engine(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Engine]:
    """A migrated, empty database."""
    if request.param == "sqlite":
        sqlite = make_engine(f"sqlite:///{tmp_path / 'store.db'}")
        upgrade(sqlite)
        yield sqlite
        sqlite.dispose()
        return
    postgres: Engine = request.getfixturevalue("postgres_engine")
    yield postgres
    _empty_all_tables(postgres)


@pytest.fixture
def uow(engine: Engine) -> SqlUnitOfWork:
    return SqlUnitOfWork(make_session_factory(engine), workspace=DEFAULT_WORKSPACE)


def _empty_all_tables(engine: Engine) -> None:
    # DELETE, children first: on a handful of rows it is much faster than TRUNCATE, which
    # takes exclusive locks and rewrites files.
    with engine.begin() as conn:
        if conn.dialect.name == "postgresql":  # every workspace's rows (row-level security)
            conn.execute(text("SELECT set_config('briefbot.workspace', '*', true)"))
        for table in reversed(Base.metadata.sorted_tables):
            conn.execute(table.delete())


@pytest.fixture
def raw_sql_sees_every_workspace() -> Iterator[None]:
    """For tests of the store's mechanics through raw SQL: on PostgreSQL every transaction (of any
    engine, during the test) starts as an internal job's ('*'); a unit of work then narrows it to
    its own workspace."""

    def every_workspace(conn: Connection) -> None:
        if conn.dialect.name == "postgresql":
            conn.exec_driver_sql("SELECT set_config('briefbot.workspace', '*', true)")

    event.listen(Engine, "begin", every_workspace)
    try:
        yield
    finally:
        event.remove(Engine, "begin", every_workspace)
