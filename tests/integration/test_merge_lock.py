"""Two processes ingesting reports of one happening at once still make one story (PostgreSQL)."""

from __future__ import annotations

import threading
import time
from datetime import date
from typing import Any

import pytest
from sqlalchemy import Engine, text

from handlers.ingest import ingest_article
from handlers.results import IngestArticle
from handlers.tenancy import DEFAULT_WORKSPACE
from store.database import make_session_factory
from store.repositories.stories import MERGE_LOCK_KEY, SqlStoryRepository
from store.uow import SqlUnitOfWork
from tests.fakes import FixedClock

CLOCK = FixedClock(date(2031, 6, 1))
FIRST = "A fire destroyed a warehouse in Castelmar on May 3, 2031, the mayor said."
SECOND = "A blaze ripped through a Castelmar warehouse on May 3, 2031."


@pytest.mark.parametrize("engine", ["postgresql"], indirect=True)
def test_the_merge_lock_is_held_until_the_transaction_ends(engine: Engine) -> None:
    uow = SqlUnitOfWork(make_session_factory(engine), workspace=DEFAULT_WORKSPACE)
    probe = "SELECT pg_try_advisory_xact_lock(:key)"
    with uow:
        uow.stories.lock_for_merging()
        with engine.connect() as other:
            assert other.scalar(text(probe), {"key": MERGE_LOCK_KEY}) is False
        uow.commit()
    with engine.connect() as other:
        assert other.scalar(text(probe), {"key": MERGE_LOCK_KEY}) is True


@pytest.mark.parametrize("engine", ["postgresql"], indirect=True)
def test_concurrent_reports_of_one_happening_make_one_story(
    engine: Engine, monkeypatch: pytest.MonkeyPatch
) -> None:
    real = SqlStoryRepository.matching_members

    def slow_first(self: SqlStoryRepository, *args: Any, **kwargs: Any) -> Any:
        found = real(self, *args, **kwargs)
        if threading.current_thread().name == "first":
            time.sleep(0.5)  # the second ingest runs meanwhile: without the lock it sees no story
        return found

    monkeypatch.setattr(SqlStoryRepository, "matching_members", slow_first)
    results: dict[str, str] = {}

    def ingest(name: str, body: str, outlet: str) -> None:
        uow = SqlUnitOfWork(make_session_factory(engine), workspace=DEFAULT_WORKSPACE)
        cmd = IngestArticle(text=body, outlet=outlet, published=date(2031, 5, 4))
        results[name] = ingest_article(cmd, uow=uow, clock=CLOCK).status

    first = threading.Thread(target=ingest, name="first", args=("first", FIRST, "Ledger"))
    second = threading.Thread(target=ingest, name="second", args=("second", SECOND, "Wire"))
    first.start()
    time.sleep(0.2)
    second.start()
    first.join(10)
    second.join(10)
    assert results == {"first": "stored", "second": "stored"}
    with engine.connect() as conn:
        assert conn.scalar(text("SELECT count(*) FROM stories")) == 1
        assert conn.scalar(text("SELECT count(*) FROM story_events")) == 2
