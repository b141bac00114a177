"""Throwaway databases for a benchmark: a temporary SQLite file, or a PostgreSQL database made and dropped."""

from __future__ import annotations

import tempfile
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url

DEFAULT_POSTGRES = "postgresql+psycopg://postgres@127.0.0.1:5432/postgres"


def dialect(url: str) -> str:
    """ "sqlite" or "postgresql"."""
    return make_url(url).get_backend_name()


@contextmanager
def scratch_database(url: str | None, *, keep: bool = False) -> Iterator[str]:
    """The URL of an empty database, removed afterwards unless `keep`.

    `None` or "sqlite" gives a temporary SQLite file. A PostgreSQL URL names the server: a
    database `briefbot_bench_<random>` is created on it and dropped at the end, so a benchmark
    never touches data it did not make.
    """
    if url is None or url == "sqlite":
        with tempfile.TemporaryDirectory(prefix="briefbot-bench-") as tmp:
            path = Path(tmp) / "bench.db"
            yield f"sqlite:///{path}"
        return
    if dialect(url) == "sqlite":
        yield url  # an explicit SQLite file: the caller chose it and keeps it
        return
    server = make_url(url)
    name = f"briefbot_bench_{uuid.uuid4().hex[:10]}"
    admin = create_engine(server.set(database="postgres"), isolation_level="AUTOCOMMIT")
    try:
        with admin.connect() as conn:
            conn.execute(text(f'CREATE DATABASE "{name}"'))
        try:
            yield server.set(database=name).render_as_string(hide_password=False)
        finally:
            if not keep:
                with admin.connect() as conn:
                    conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
    finally:
        admin.dispose()
