"""Engines and sessions."""

from __future__ import annotations

import sqlite3
import time
from typing import Any

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.engine import make_url
from sqlalchemy.orm import Session, sessionmaker
from sqlalchemy.pool import StaticPool

from store.postgres_waits import WaitingConnection

SQLITE_BUSY_TIMEOUT_MS = 5000

# Articles ingested per transaction when many arrive at once (`briefbot ingest`, the bench), by
# database. Past ~50 SQLite gained nothing, and its one write lock is held for the transaction.
# PostgreSQL pays for every statement (a round trip, parsing) and a batch's articles share about
# half their story look-ups: 200 a transaction stored 12-23 % more a second than 50 (3,000
# articles, alternately). A failed batch is stored again one by one, so it stays cheap either way.
_INGEST_BATCH = {"sqlite": 50, "postgresql": 200}


# PostgreSQL compiles a query it costs above jit_above_cost to machine code first: for our
# questions, each answered in milliseconds from indexes, that compiling alone took 200 ms (a narrow
# /timeline at a million facts, row-level security on). A URL's own `options=-c jit=on` still wins.
NO_JIT = "-c jit=off"


def ingest_batch_size(engine: Engine) -> int:
    """How many articles to ingest per transaction on this engine's database."""
    return _INGEST_BATCH.get(engine.dialect.name, 50)


def make_engine(url: str, **kwargs: Any) -> Engine:
    """An engine for `url`; SQLite gets foreign keys, WAL, a busy timeout and working SAVEPOINTs.

    An in-memory SQLite URL (`sqlite://`) gets one shared connection, so every thread and every
    unit of work sees the same database (the default pool would give each thread an empty one).
    """
    is_sqlite = make_url(url).get_backend_name() == "sqlite"
    in_memory = is_sqlite and _is_memory(url)
    if in_memory and "poolclass" not in kwargs:
        kwargs["poolclass"] = StaticPool
        kwargs.setdefault("connect_args", {}).setdefault("check_same_thread", False)
    if not is_sqlite:
        kwargs.setdefault("pool_pre_ping", True)  # hosted databases drop idle connections
    engine = create_engine(url, **kwargs)
    if is_sqlite:
        _configure_sqlite(engine, in_memory=in_memory)
    elif engine.dialect.driver == "psycopg" and "creator" not in kwargs:
        _connect_waiting(engine)
    return engine


def make_session_factory(engine: Engine) -> sessionmaker[Session]:
    """The session factory a SqlUnitOfWork takes."""
    return sessionmaker(bind=engine, expire_on_commit=False)


def _is_memory(url: str) -> bool:
    database = make_url(url).database
    return not database or database == ":memory:" or "mode=memory" in url


def _connect_waiting(engine: Engine) -> None:
    """psycopg connections that can work while the server does (`SqlUnitOfWork.while_waiting`)."""

    @event.listens_for(engine, "do_connect")
    def _connect(_dialect: Any, _record: Any, cargs: Any, cparams: Any) -> Any:
        # Ours first: a later -c of the same setting (from the URL's options) wins.
        cparams["options"] = f"{NO_JIT} {cparams.get('options', '')}".strip()
        return WaitingConnection.connect(*cargs, **cparams)


def _configure_sqlite(engine: Engine, *, in_memory: bool) -> None:
    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection: Any, _record: Any) -> None:
        # pysqlite opens transactions on its own schedule, which breaks SAVEPOINT (used to detect
        # duplicate inserts) and transactional DDL; take over and emit BEGIN ourselves.
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA foreign_keys=ON")  # cascade deletes from articles to their facts
        cursor.execute(f"PRAGMA busy_timeout={SQLITE_BUSY_TIMEOUT_MS}")
        if not in_memory:
            _use_wal(cursor)  # readers do not block the poller's writes
            # In WAL mode NORMAL cannot corrupt the database; a power cut may lose the last commits,
            # which the poller fetches again. FULL syncs the disk at every commit.
            cursor.execute("PRAGMA synchronous=NORMAL")
            # 64 MB of page cache (SQLite's default is 2 MB): ingest's candidate look-ups touch
            # the story-key index all over, and re-reading its pages slowed ingest as the store grew.
            cursor.execute("PRAGMA cache_size=-65536")
        cursor.close()

    @event.listens_for(engine, "begin")
    def _on_begin(connection: Any) -> None:
        # `sqlite_begin="BEGIN IMMEDIATE"` (an execution option) takes the write lock up front,
        # for work that reads then writes and must not lose a race (migrations).
        connection.exec_driver_sql(connection.get_execution_options().get("sqlite_begin", "BEGIN"))


def _use_wal(cursor: Any) -> None:
    """Put the database file in WAL mode (it stays so: only a new file is changed).

    Changing the journal mode needs the file to itself, and SQLite answers "database is locked" at
    once, without waiting out the busy timeout, when another connection holds any lock: processes
    starting together on a new file (web, worker, release all migrating) lost that race.
    """
    deadline = time.monotonic() + SQLITE_BUSY_TIMEOUT_MS / 1000
    while True:
        try:
            if cursor.execute("PRAGMA journal_mode").fetchone()[0].lower() != "wal":
                cursor.execute("PRAGMA journal_mode=WAL")
            return
        except sqlite3.OperationalError as exc:
            if "locked" not in str(exc) or time.monotonic() > deadline:
                raise
            time.sleep(0.01)
