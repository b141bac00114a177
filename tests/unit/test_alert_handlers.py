"""Alert use cases over in-memory fakes: who may watch what, what a watch finds, each fact once."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import pytest

from handlers import alerts
from handlers.alert_match import MAX_BATCH
from handlers.alerts import (
    MAX_ATTEMPTS,
    AddWatch,
    RemoveWatch,
    WatchError,
    add_watch,
    list_watches,
    remove_watch,
    run_alerts,
)
from handlers.digests import PublishError
from handlers.domain import AlertBatch, NewArticle, NewEvent, NewFigure, NewQuote, Watch
from handlers.tenancy import DEFAULT_WORKSPACE
from tests.fakes import FakeAlertUnitOfWork

T0 = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)


class Clock:
    def __init__(self, now: datetime) -> None:
        self.moment = now

    def now(self) -> datetime:
        return self.moment

    def today(self) -> date:
        return self.moment.date()


class Publisher:
    def __init__(self, failures: int = 0) -> None:
        self.posted: list[tuple[str, AlertBatch]] = []
        self.failures = failures

    def publish(self, watch: Watch, batch: AlertBatch) -> str:
        if self.failures:
            self.failures -= 1
            raise PublishError("Slack answered HTTP 503 after 4 attempts")
        self.posted.append((watch.destination, batch))
        return f"{len(self.posted)}.0001"

    def keys(self) -> list[tuple[str, int]]:
        return [k for _, b in self.posted for k in b.facts.claim_keys()]


@pytest.fixture
def uow() -> FakeAlertUnitOfWork:
    return FakeAlertUnitOfWork()


def store(
    uow: FakeAlertUnitOfWork,
    at: datetime,
    *,
    quotes: list[tuple[str, str]] = (),  # type: ignore[assignment]
    events: list[str] = (),  # type: ignore[assignment]
    figures: list[str] = (),  # type: ignore[assignment]
) -> int:
    """An article of the default workspace fetched at `at` with these quotes (speaker, text), event
    summaries and figure sentences (the alert job leaves the shared fake reading for all)."""
    uow.of(DEFAULT_WORKSPACE)
    uow.articles.fetched_at = at
    n = uow.articles.count() + 1
    article = uow.articles.add(
        NewArticle(url=f"https://news.example/{n}", title=f"Report {n}", text="x", content_hash=f"h{n}")
    )
    uow.quotes.add_many(
        article.id,
        [
            (
                NewQuote(
                    text=text, kind="direct", speaker=speaker, speaker_kind="person", start=i, end=i + 1
                ),
                uow.people.upsert(speaker, kind="person", aliases=[], roles=[]).id,
            )
            for i, (speaker, text) in enumerate(quotes)
        ],
    )
    uow.events.add_many(
        article.id,
        [
            NewEvent(date="2026-03-01", summary=s, sentence=s, start=100 + i, end=101 + i)
            for i, s in enumerate(events)
        ],
    )
    uow.figures.add_many(
        article.id,
        [
            NewFigure(text="40 ships", value=40, unit="ships", sentence=s, start=200 + i, end=201 + i)
            for i, s in enumerate(figures)
        ],
    )
    return article.id


def watch(uow: FakeAlertUnitOfWork, clock: Clock, subject: str, **kw: object) -> Watch:
    cmd = AddWatch(subject=subject, actor=str(kw.pop("actor", "U1")), **kw)  # type: ignore[arg-type]
    return add_watch(cmd, uow_factory=lambda: uow, clock=clock).watch


def test_a_known_speaker_makes_a_person_watch_and_other_words_a_topic_watch(uow: FakeAlertUnitOfWork) -> None:
    clock = Clock(T0)
    store(uow, T0 - timedelta(days=1), quotes=[("Maria Okafor", "We hold the line")])
    with uow:
        uow.commit()
    assert watch(uow, clock, "Okafor").kind == "person"
    assert watch(uow, clock, "port strike").kind == "topic"
    assert watch(uow, clock, "Okafor", kind="topic").kind == "topic"


def test_a_member_may_not_watch_for_a_channel_and_an_admin_s_channel_watch_is_audited(
    uow: FakeAlertUnitOfWork,
) -> None:
    clock = Clock(T0)
    with pytest.raises(WatchError, match="Only admins"):
        watch(uow, clock, "port strike", channel="C1")
    w = watch(uow, clock, "port strike", channel="C1", is_admin=True, actor="UADMIN")
    mine = watch(uow, clock, "harbour")
    assert (w.channel, mine.channel, mine.owner) == ("C1", None, "U1")
    assert [(a.actor, a.action) for a in uow.audit.rows] == [("UADMIN", "watch.add")]
    with pytest.raises(WatchError, match="Already watching"):
        watch(uow, clock, "Port  Strike", channel="C1", is_admin=True)
    with pytest.raises(WatchError, match="no word"):
        watch(uow, clock, "the and")


def test_users_remove_their_own_watches_and_only_admins_remove_others(uow: FakeAlertUnitOfWork) -> None:
    clock = Clock(T0)
    theirs = watch(uow, clock, "harbour", actor="U2")
    channel = watch(uow, clock, "strike", channel="C1", is_admin=True)
    mine = watch(uow, clock, "cranes")
    factory = lambda: uow  # noqa: E731
    for other in (theirs, channel):
        with pytest.raises(WatchError, match="only admins"):
            remove_watch(RemoveWatch(watch_id=other.id, actor="U1"), uow_factory=factory, clock=clock)
    assert remove_watch(RemoveWatch(watch_id=mine.id, actor="U1"), uow_factory=factory, clock=clock) == mine
    remove_watch(
        RemoveWatch(watch_id=theirs.id, actor="UADMIN", is_admin=True), uow_factory=factory, clock=clock
    )
    with pytest.raises(WatchError, match="No watch"):
        remove_watch(RemoveWatch(watch_id=mine.id, actor="U1"), uow_factory=factory, clock=clock)
    assert [a.action for a in uow.audit.rows] == ["watch.add", "watch.remove"]
    assert [w.id for w in list_watches(uow_factory=factory)] == [channel.id]


def test_list_shows_the_channel_s_watches_and_the_user_s_own(uow: FakeAlertUnitOfWork) -> None:
    clock = Clock(T0)
    a = watch(uow, clock, "strike", channel="C1", is_admin=True)
    watch(uow, clock, "strike", channel="C2", is_admin=True)
    b = watch(uow, clock, "cranes")
    watch(uow, clock, "harbour", actor="U2")
    found = list_watches(uow_factory=lambda: uow, channel="C1", user="U1")
    assert [w.id for w in found] == [a.id, b.id]


def test_a_person_watch_posts_new_quotes_by_the_person_once_and_nothing_from_before_it(
    uow: FakeAlertUnitOfWork,
) -> None:
    clock, publisher = Clock(T0), Publisher()
    store(uow, T0 - timedelta(minutes=5), quotes=[("Maria Okafor", "Old words")])
    w = watch(uow, clock, "Okafor")
    new = store(
        uow,
        T0 + timedelta(seconds=30),
        quotes=[("Maria Okafor", "We hold the line"), ("Tom Berg", "Not my call")],
        events=["Okafor spoke at the gate"],
    )
    clock.moment = T0 + timedelta(minutes=1)
    outcomes = run_alerts(uow_factory=lambda: uow, publisher=publisher, clock=clock)
    assert [(o.destination, o.facts, o.status) for o in outcomes] == [("U1", 1, "posted")]
    [(_, batch)] = publisher.posted
    assert [(q.text, q.article.id) for q in batch.facts.quotes] == [("We hold the line", new)]
    assert w.personal
    clock.moment += timedelta(minutes=1)
    assert run_alerts(uow_factory=lambda: uow, publisher=publisher, clock=clock) == []
    store(uow, clock.moment, quotes=[("Okafor", "Still here")])  # the surname alone is the same person
    clock.moment += timedelta(minutes=1)
    run_alerts(uow_factory=lambda: uow, publisher=publisher, clock=clock)
    assert [q.text for _, b in publisher.posted for q in b.facts.quotes] == ["We hold the line", "Still here"]


def test_a_topic_watch_posts_the_events_quotes_and_figures_the_questions_find(
    uow: FakeAlertUnitOfWork,
) -> None:
    clock, publisher = Clock(T0), Publisher()
    watch(uow, clock, "dockers", channel="C1", is_admin=True)
    store(
        uow,
        T0 + timedelta(seconds=10),
        quotes=[("Ana Ruiz", "The dockers walked out"), ("Ben Holt", "Rain tomorrow")],
        events=["Dockers walked out at dawn", "A bakery opened"],
        figures=["40 ships waited as dockers stayed away", "40 ships sailed in spring"],
    )
    clock.moment = T0 + timedelta(minutes=1)
    run_alerts(uow_factory=lambda: uow, publisher=publisher, clock=clock)
    [(destination, batch)] = publisher.posted
    assert destination == "C1"
    assert [e.summary for e in batch.facts.events] == ["Dockers walked out at dawn"]
    assert [q.text for q in batch.facts.quotes] == ["The dockers walked out"]
    assert [f.sentence for f in batch.facts.figures] == ["40 ships waited as dockers stayed away"]


def test_a_failed_post_is_retried_and_given_up_after_max_attempts(uow: FakeAlertUnitOfWork) -> None:
    clock, publisher = Clock(T0), Publisher(failures=MAX_ATTEMPTS)
    w = watch(uow, clock, "dockers")
    store(uow, T0 + timedelta(seconds=1), events=["Dockers walked out"])
    for _ in range(MAX_ATTEMPTS + 2):
        clock.moment += timedelta(minutes=1)
        run_alerts(uow_factory=lambda: uow, publisher=publisher, clock=clock)
    assert publisher.posted == []
    [batch] = uow.watches.batches(w.id)
    assert (batch.status, batch.attempts) == ("failed", MAX_ATTEMPTS)

    publisher.failures = 1
    store(uow, clock.moment + timedelta(seconds=1), events=["Dockers went back"])
    for _ in range(2):
        clock.moment += timedelta(minutes=1)
        run_alerts(uow_factory=lambda: uow, publisher=publisher, clock=clock)
    assert [e.summary for _, b in publisher.posted for e in b.facts.events] == ["Dockers went back"]


def test_a_flood_is_posted_in_batches_of_max_batch_in_the_order_stored(uow: FakeAlertUnitOfWork) -> None:
    clock, publisher = Clock(T0), Publisher()
    watch(uow, clock, "dockers")
    for i in range(MAX_BATCH + 5):
        store(uow, T0 + timedelta(seconds=i + 1), events=[f"Dockers report {i}"])
    clock.moment = T0 + timedelta(minutes=1)
    run_alerts(uow_factory=lambda: uow, publisher=publisher, clock=clock)
    clock.moment += timedelta(minutes=1)
    run_alerts(uow_factory=lambda: uow, publisher=publisher, clock=clock)
    sizes = [b.facts.count for _, b in publisher.posted]
    assert sizes == [MAX_BATCH, 5]
    summaries = [e.summary for _, b in publisher.posted for e in b.facts.events]
    assert summaries == [f"Dockers report {i}" for i in range(MAX_BATCH + 5)]


def test_an_article_stored_late_within_the_lookback_is_still_posted_once(uow: FakeAlertUnitOfWork) -> None:
    """An ingest stamps fetched_at before it commits: a look in between must not lose its facts."""
    clock, publisher = Clock(T0), Publisher()
    watch(uow, clock, "dockers")
    clock.moment = T0 + timedelta(minutes=2)
    run_alerts(uow_factory=lambda: uow, publisher=publisher, clock=clock)  # nothing yet
    store(uow, T0 + timedelta(minutes=1), events=["Dockers walked out"])  # stamped before that look
    clock.moment += timedelta(minutes=1)
    run_alerts(uow_factory=lambda: uow, publisher=publisher, clock=clock)
    clock.moment += timedelta(minutes=1)
    run_alerts(uow_factory=lambda: uow, publisher=publisher, clock=clock)
    assert publisher.keys() == [("event", 1)]


def test_a_topic_watch_posts_a_new_report_of_a_story_the_topic_finds_as_the_timeline_shows_it(
    uow: FakeAlertUnitOfWork,
) -> None:
    clock, publisher = Clock(T0), Publisher()
    store(uow, T0 - timedelta(hours=1), events=["Dockers walked out in Tosk"])
    story = uow.stories.start(
        1, date="2026-03-01", summary="Dockers walked out in Tosk", actors=[], places=[]
    )
    watch(uow, clock, "dockers")
    store(uow, T0 + timedelta(seconds=5), events=["Tosk port talks failed", "A bakery opened"])
    uow.stories.attach(story, 2, score=0.9, reason={})  # the talks are a report of the walkout
    uow.stories.start(3, date="2026-03-01", summary="A bakery opened", actors=[], places=[])
    clock.moment = T0 + timedelta(minutes=1)
    run_alerts(uow_factory=lambda: uow, publisher=publisher, clock=clock)
    assert [e.summary for _, b in publisher.posted for e in b.facts.events] == ["Tosk port talks failed"]


def test_a_retried_batch_is_posted_even_when_the_search_for_new_facts_fails(
    uow: FakeAlertUnitOfWork, monkeypatch: pytest.MonkeyPatch
) -> None:
    clock, publisher = Clock(T0), Publisher(failures=1)
    w = watch(uow, clock, "dockers")
    store(uow, T0 + timedelta(seconds=1), events=["Dockers walked out"])
    clock.moment += timedelta(minutes=1)
    run_alerts(uow_factory=lambda: uow, publisher=publisher, clock=clock)  # the post fails

    def broken(*args: object, **kwargs: object) -> None:
        raise RuntimeError("database went away")

    monkeypatch.setattr(alerts, "find_new", broken)
    clock.moment += timedelta(minutes=1)
    run_alerts(uow_factory=lambda: uow, publisher=publisher, clock=clock)
    assert publisher.keys() == [("event", 1)]
    assert [b.status for b in uow.watches.batches(w.id)] == ["posted"]


def test_a_cycle_with_nothing_stored_since_the_last_look_searches_nothing(
    uow: FakeAlertUnitOfWork, monkeypatch: pytest.MonkeyPatch
) -> None:
    clock, publisher = Clock(T0), Publisher()
    store(uow, T0 - timedelta(minutes=30), events=["Dockers walked out"])
    watch(uow, clock, "dockers")
    searches: list[str] = []
    monkeypatch.setattr(alerts, "find_new", lambda *a, **k: searches.append("searched") or (None, True))
    for _ in range(3):
        clock.moment += timedelta(minutes=1)
        assert run_alerts(uow_factory=lambda: uow, publisher=publisher, clock=clock) == []
    assert searches == []
