"""Alerts on SQLite and PostgreSQL: two workers at once, then a restarted one, post each fact once.

The articles go through the real ingest (extraction, people, stories), and what a watch must
post is computed with the questions' own searches, so the test holds the alerts to their rules.
"""

from __future__ import annotations

import contextlib
import threading
import time
from collections.abc import Callable
from datetime import datetime
from typing import cast

import pytest
from sqlalchemy import Engine

from bot.bootstrap import SystemClock
from handlers import alerts
from handlers.alert_match import find_new
from handlers.alerts import AddWatch, add_watch, run_alerts
from handlers.domain import AlertBatch, AlertFacts, FactSearch, Watch
from handlers.ingest import ingest_article
from handlers.ports import AlertUnitOfWork
from handlers.results import IngestArticle
from handlers.tenancy import DEFAULT_WORKSPACE
from store.database import make_engine, make_session_factory
from store.repositories.watches import SqlWatchRepository
from store.uow import SqlUnitOfWork

CLOCK = SystemClock()
BEFORE = (
    "Harbour workers in Tosk began a strike on Monday, 2 March 2026. “We will not unload a single "
    "ship,” said Maria Okafor, the leader of the dockers' union. About 40 ships waited offshore as the "
    "strike began."
)
SECOND_DAY = (
    "The Tosk harbour strike entered its third day on Wednesday, 4 March 2026. “The cranes stay still "
    "until the talks resume,” Okafor said. Port officials counted 55 ships at anchor during the strike."
)
ELSEWHERE = "A bakery in Arlen reopened on Tuesday, 3 March 2026. “Bread is back,” said Tom Berg, the baker."
TALKS = (
    "Talks to end the Tosk harbour strike failed on Thursday, 5 March 2026. “Nobody leaves the quay,” "
    "Maria Okafor told reporters. The union said 1,200 dockers had joined the strike."
)


class Recorder:
    """A publisher shared by the workers: what reached 'Slack', and slow enough for posts to overlap."""

    def __init__(self) -> None:
        self.posts: list[tuple[str, list[tuple[str, int]]]] = []
        self._lock = threading.Lock()

    def publish(self, watch: Watch, batch: AlertBatch) -> str:
        time.sleep(0.05)
        with self._lock:
            self.posts.append((watch.destination, batch.facts.claim_keys()))
            return f"{len(self.posts)}.0001"

    def keys(self, destination: str) -> list[tuple[str, int]]:
        return [k for where, keys in self.posts if where == destination for k in keys]


def writer(engine: Engine) -> Callable[[], AlertUnitOfWork]:
    """As bot.jobs.writer_uow_factory: SQLite transactions take the write lock up front."""
    factory = make_session_factory(engine.execution_options(sqlite_begin="BEGIN IMMEDIATE"))
    return lambda: cast(AlertUnitOfWork, SqlUnitOfWork(factory, workspace=DEFAULT_WORKSPACE))


def ingest(engine: Engine, text: str, n: int) -> int:
    uow = SqlUnitOfWork(make_session_factory(engine), workspace=DEFAULT_WORKSPACE)
    cmd = IngestArticle(
        text=text, url=f"https://tosk-news.example/{n}", title=f"Report {n}", outlet="Tosk News"
    )
    assert ingest_article(cmd, uow=uow, clock=CLOCK).status == "stored"
    with uow:
        found = uow.articles.get_by_url(f"https://tosk-news.example/{n}")
    assert found is not None
    return found.id


def two_workers(engines: list[Engine], publisher: Recorder) -> None:
    """Each engine is a worker process of its own; both look at the same moment."""
    start = threading.Barrier(len(engines))
    errors: list[BaseException] = []

    def work(engine: Engine) -> None:
        try:
            start.wait()
            run_alerts(uow_factory=writer(engine), publisher=publisher, clock=CLOCK)
        except BaseException as exc:  # surfaced below: a thread's failure must fail the test
            errors.append(exc)

    threads = [threading.Thread(target=work, args=(e,)) for e in engines]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=60)
    assert not errors, errors


def expected(engine: Engine, watch: Watch, articles: set[int]) -> set[tuple[str, int]]:
    """What the questions find for the watch among these articles' facts."""
    uow = SqlUnitOfWork(make_session_factory(engine), workspace=DEFAULT_WORKSPACE)
    with uow:
        if watch.kind == "person":
            people = [p.id for p in uow.people.find(watch.subject)]
            quotes = uow.quotes.search(FactSearch(person_ids=people, limit=100))[0]
            return {("quote", q.id) for q in quotes if q.article.id in articles}
        topic = FactSearch(terms=watch.subject.split(), limit=100)
        found = {("event", e.id) for e in uow.events.search(topic)[0] if e.article.id in articles}
        found |= {("quote", q.id) for q in uow.quotes.search(topic)[0] if q.article.id in articles}
        found |= {("figure", f.id) for f in uow.figures.search(topic)[0] if f.article.id in articles}
    return found


@pytest.mark.parametrize("blind", [False, True], ids=["seen", "blind"])
def test_two_workers_and_a_restart_post_each_new_matching_fact_once(
    engine: Engine, blind: bool, monkeypatch: pytest.MonkeyPatch
) -> None:
    """`blind`: every worker reads the facts as if no other had claimed any (as when both read
    before either committed), so only the unique delivery claim stands between them and a double
    post; on PostgreSQL the two also wait for each other after reading, so their claims collide."""
    if blind:
        monkeypatch.setattr(SqlWatchRepository, "delivered", lambda self, watch_id, keys: set())
        if engine.dialect.name == "postgresql":  # SQLite's writers take turns: they cannot both read first
            meet = threading.Barrier(2, timeout=5)

            def read_together(
                watch: Watch, *, uow: AlertUnitOfWork, since: datetime
            ) -> tuple[AlertFacts, bool]:
                found = find_new(watch, uow=uow, since=since)
                with contextlib.suppress(threading.BrokenBarrierError):
                    meet.wait()  # a lone (restarted) worker goes on after the timeout
                return found

            monkeypatch.setattr(alerts, "find_new", read_together)
    url = engine.url.render_as_string(hide_password=False)
    ingest(engine, BEFORE, 1)  # stored before the watches: never alerted
    factory = writer(engine)
    person = add_watch(AddWatch(subject="Okafor", actor="U1"), uow_factory=factory, clock=CLOCK).watch
    topic = add_watch(
        AddWatch(subject="strike", channel="C1", actor="UADMIN", is_admin=True),
        uow_factory=factory,
        clock=CLOCK,
    ).watch
    assert (person.kind, topic.kind) == ("person", "topic")
    new = {ingest(engine, SECOND_DAY, 2), ingest(engine, ELSEWHERE, 3)}

    publisher = Recorder()
    workers = [make_engine(url), make_engine(url)]
    try:
        two_workers(workers, publisher)
    finally:
        for w in workers:
            w.dispose()
    restarted = make_engine(url)
    try:
        run_alerts(uow_factory=writer(restarted), publisher=publisher, clock=CLOCK)
        assert len(publisher.posts) == 2  # one batch a watch, whichever worker posted it
        new.add(ingest(restarted, TALKS, 4))
        workers = [restarted, make_engine(url)]
        two_workers(workers, publisher)
        run_alerts(uow_factory=writer(restarted), publisher=publisher, clock=CLOCK)
        workers[1].dispose()
    finally:
        restarted.dispose()

    for watch in (person, topic):
        posted = publisher.keys(watch.destination)
        assert len(posted) == len(set(posted)), f"a fact posted twice: {posted}"
        assert set(posted) == expected(engine, watch, new)
    assert len(publisher.keys("U1")) == 2  # Okafor's two new quotes, not the one from before
    assert {k[0] for k in publisher.keys("C1")} == {"event", "quote", "figure"}
    assert len(publisher.posts) == 4  # each watch: a batch for each round of new articles
    uow = SqlUnitOfWork(make_session_factory(engine), workspace=DEFAULT_WORKSPACE)
    with uow:
        statuses = [b.status for w in (person, topic) for b in uow.watches.batches(w.id)]
    assert statuses == ["posted"] * 4
