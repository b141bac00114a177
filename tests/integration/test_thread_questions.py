"""The last question of each Slack thread in the store: read back by another unit of work (another
worker, or the same after a restart), replaced by the next, and one row a thread when two workers
write it at once. On SQLite and PostgreSQL."""

from __future__ import annotations

import threading
from datetime import date

from sqlalchemy import Engine, func, select

from handlers.domain import AskedQuestion
from handlers.tenancy import DEFAULT_WORKSPACE
from store.database import make_session_factory
from store.orm import ThreadQuestionRow
from store.uow import SqlUnitOfWork


def _asked(**changes: object) -> AskedQuestion:
    base = AskedQuestion(
        channel="C1",
        thread="1700000000.000100",
        command="whosaid",
        person="Zelensky",
        topic=["sanctions"],
        since=date(2026, 11, 30),
        limit=5,
        next_offset=5,
    )
    return base.model_copy(update=changes)


def test_a_threads_question_is_read_back_by_another_unit_of_work(engine: Engine) -> None:
    factory = make_session_factory(engine)
    with SqlUnitOfWork(factory, workspace=DEFAULT_WORKSPACE) as writer:
        writer.threads.remember(_asked())
        writer.commit()
    with SqlUnitOfWork(make_session_factory(engine), workspace=DEFAULT_WORKSPACE) as reader:
        assert reader.threads.last("C1", "1700000000.000100") == _asked()
        assert reader.threads.last("C1", "other") is None
        assert reader.threads.last("C2", "1700000000.000100") is None


def test_the_next_question_in_a_thread_replaces_the_last(uow: SqlUnitOfWork) -> None:
    with uow:
        uow.threads.remember(_asked())
        uow.commit()
        uow.threads.remember(
            _asked(command="figures", person=None, topic=["drones"], since=None, next_offset=0)
        )
        uow.commit()
        last = uow.threads.last("C1", "1700000000.000100")
        assert last is not None and (last.command, last.topic, last.since, last.next_offset) == (
            "figures",
            ["drones"],
            None,
            0,
        )


def test_two_workers_writing_one_thread_leave_one_row(engine: Engine, uow: SqlUnitOfWork) -> None:
    factory = make_session_factory(engine)
    errors: list[BaseException] = []

    def worker(n: int) -> None:
        try:
            with SqlUnitOfWork(factory, workspace=DEFAULT_WORKSPACE) as mine:
                mine.threads.remember(_asked(next_offset=n))
                mine.commit()
        except BaseException as exc:  # reported below, with the others
            errors.append(exc)

    threads = [threading.Thread(target=worker, args=(n,)) for n in (10, 20)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=20)
    assert errors == []
    with engine.connect() as conn:
        count = conn.scalar(select(func.count()).select_from(ThreadQuestionRow))
    with uow:
        last = uow.threads.last("C1", "1700000000.000100")
    assert count == 1 and last is not None and last.next_offset in (10, 20)
