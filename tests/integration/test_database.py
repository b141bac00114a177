from __future__ import annotations

import threading

from sqlalchemy import Engine, text

from handlers.tenancy import DEFAULT_WORKSPACE
from store.database import ingest_batch_size, make_engine, make_session_factory
from store.migrate import current, head_revision, upgrade
from store.uow import SqlUnitOfWork
from tests.integration.builders import new_article


def test_an_in_memory_sqlite_database_is_shared_by_every_thread() -> None:
    engine = make_engine("sqlite://")
    upgrade(engine)
    uow = SqlUnitOfWork(make_session_factory(engine), workspace=DEFAULT_WORKSPACE)
    with uow:
        uow.articles.add(new_article("Stored from the main thread."))
        uow.commit()
    seen: list[int] = []

    def count() -> None:
        worker = SqlUnitOfWork(make_session_factory(engine), workspace=DEFAULT_WORKSPACE)
        with worker:
            seen.append(worker.articles.count())

    thread = threading.Thread(target=count)
    thread.start()
    thread.join()
    assert current(engine) == head_revision()
    assert seen == [1]
    engine.dispose()


def test_sqlite_connections_enforce_foreign_keys_and_use_wal(tmp_path: object) -> None:
    engine = make_engine(f"sqlite:///{tmp_path}/fk.db")
    with engine.connect() as conn:
        assert conn.execute(text("PRAGMA foreign_keys")).scalar() == 1
        assert conn.execute(text("PRAGMA journal_mode")).scalar() == "wal"
        assert conn.execute(text("PRAGMA busy_timeout")).scalar() == 5000
    engine.dispose()


def test_ingest_takes_bigger_batches_on_postgresql_than_on_sqlite(engine: Engine) -> None:
    # PostgreSQL pays a round trip a statement; SQLite holds its one write lock for the transaction.
    assert ingest_batch_size(engine) == {"sqlite": 50, "postgresql": 200}[engine.dialect.name]


def test_postgresql_connections_compile_no_query_to_machine_code(engine: Engine) -> None:
    # JIT compiling cost more than our index-answered questions take (200 ms a narrow /timeline).
    if engine.dialect.name != "postgresql":
        return
    with engine.connect() as conn:
        assert conn.execute(text("SHOW jit")).scalar() == "off"


def test_a_urls_own_jit_option_still_wins(engine: Engine) -> None:
    if engine.dialect.name != "postgresql":
        return
    url = engine.url.update_query_dict({"options": "-c jit=on"})
    mine = make_engine(url.render_as_string(hide_password=False))
    try:
        with mine.connect() as conn:
            assert conn.execute(text("SHOW jit")).scalar() == "on"
    finally:
        mine.dispose()
