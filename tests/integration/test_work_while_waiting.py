"""Work done while the database works (a commit's writes): run on PostgreSQL's waits, and harmless."""

from __future__ import annotations

import logging
from datetime import UTC, datetime

import pytest
from sqlalchemy import Engine, text

from bench.generator import ArticleGenerator
from handlers.ingest import ingest_batch, ingest_batches
from handlers.results import IngestArticle
from handlers.tenancy import DEFAULT_WORKSPACE
from store.database import make_session_factory
from store.uow import SqlUnitOfWork
from tests.fakes import FixedClock
from tests.integration.test_ingest_batch import _store_shape

AT = datetime(2031, 6, 1, 12, tzinfo=UTC)
CORPUS = list(ArticleGenerator(11).articles(40))
CLOCK = FixedClock(CORPUS[-1].published)
BATCHES = [
    [
        IngestArticle(text=a.text, url=a.url, title=a.title, outlet=a.outlet, published=a.published)
        for a in CORPUS[first : first + 10]
    ]
    for first in range(0, len(CORPUS), 10)
]

# Raw SQL checks the store's mechanics, as an internal job would see the rows.
pytestmark = pytest.mark.usefixtures("raw_sql_sees_every_workspace")


def _empty(engine: Engine) -> None:
    with engine.begin() as conn:
        for table in (
            "story_outlets",
            "story_keys",
            "story_events",
            "stories",
            "quotes",
            "figures",
            "events",
            "person_roles",
            "person_aliases",
            "people",
            "articles",
        ):
            conn.execute(text(f"DELETE FROM {table}"))


def test_batches_written_while_the_next_is_extracted_store_what_batch_by_batch_stores(engine: Engine) -> None:
    uow = SqlUnitOfWork(make_session_factory(engine), workspace=DEFAULT_WORKSPACE)
    for batch in BATCHES:
        assert {r.status for r in ingest_batch(batch, uow=uow, clock=CLOCK)} == {"stored"}
    expected = _store_shape(engine)
    _empty(engine)
    results = list(ingest_batches(BATCHES, uow=uow, clock=CLOCK))
    assert [{r.status for r in batch} for batch in results] == [{"stored"}] * len(BATCHES)
    assert _store_shape(engine) == expected


@pytest.mark.parametrize("engine", ["postgresql"], indirect=True)
def test_postgresql_calls_the_work_while_it_writes_and_stops_when_none_is_left(engine: Engine) -> None:
    uow = SqlUnitOfWork(make_session_factory(engine), workspace=DEFAULT_WORKSPACE)
    calls = 0

    def work() -> bool:
        nonlocal calls
        calls += 1
        return calls < 2  # two pieces, then none left

    with uow:
        uow.audit.record(actor="test", action="wait work", detail="written at commit", at=AT)
        with uow.while_waiting(work):
            uow.commit()
    assert calls == 2  # the server always takes longer than one look at the socket; never called again
    with uow:
        assert [a.detail for a in uow.audit.recent(5)] == ["written at commit"]


@pytest.mark.parametrize("engine", ["postgresql"], indirect=True)
def test_work_that_fails_while_postgresql_writes_is_logged_and_the_commit_goes_on(
    engine: Engine, caplog: pytest.LogCaptureFixture
) -> None:
    uow = SqlUnitOfWork(make_session_factory(engine), workspace=DEFAULT_WORKSPACE)
    calls = 0

    def failing() -> bool:
        nonlocal calls
        calls += 1
        raise RuntimeError("a bug in the work")

    with uow:
        uow.audit.record(actor="test", action="wait work", detail="written all the same", at=AT)
        with uow.while_waiting(failing):
            uow.commit()
    assert calls == 1
    assert "work done while waiting for PostgreSQL failed" in caplog.text
    assert any(
        r.levelno == logging.ERROR and "a bug in the work" in (r.exc_text or "") for r in caplog.records
    )
    with uow:
        assert [a.detail for a in uow.audit.recent(5)] == ["written all the same"]
        uow.audit.record(actor="test", action="after", detail="the connection still works", at=AT)
        uow.commit()


@pytest.mark.parametrize("engine", ["sqlite"], indirect=True)
def test_sqlite_has_no_waits_to_fill(engine: Engine) -> None:
    uow = SqlUnitOfWork(make_session_factory(engine), workspace=DEFAULT_WORKSPACE)
    called = []
    with uow:
        uow.audit.record(actor="test", action="wait work", detail="written at commit", at=AT)
        with uow.while_waiting(lambda: called.append(1) or True):
            uow.commit()
    assert called == []
