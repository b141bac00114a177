"""What a timeline ranks by is kept on the story's row (`stories.outlets`, `stories.words`), on SQLite
and PostgreSQL: it must stay what the loaded story says as members join, leave and change."""

from __future__ import annotations

import hashlib
from datetime import UTC, date, datetime

import pytest
from sqlalchemy import Connection, text

from handlers.domain import FactSearch, NewArticle, StoryHeadline
from handlers.headline_words import headline_words
from handlers.stories import SplitStory, split_story
from handlers.tenancy import ALL_WORKSPACES
from store.database import make_engine, make_session_factory
from store.migrate import upgrade
from store.uow import SqlUnitOfWork
from tests.fakes import FixedClock
from tests.integration.builders import event
from tests.integration.conftest import BACKENDS

CLOCK = FixedClock(date(2031, 6, 1))
DAY = "2031-05-02"


def _report(uow: SqlUnitOfWork, outlet: str | None, url: str | None, said: str) -> int:
    """A stored article of `outlet` reporting `said`; its event's id (call inside the unit of work)."""
    body = f"{outlet} {url} {said}"
    article = uow.articles.add(
        NewArticle(
            url=url,
            outlet=outlet,
            title=None,
            published=date(2031, 5, 3),
            text=body,
            content_hash=hashlib.sha256(body.encode()).hexdigest(),
        )
    )
    [event_id] = uow.events.add_many(article.id, [event(said, DAY)])
    assert event_id is not None
    return event_id


def _headlines(uow: SqlUnitOfWork) -> dict[int, StoryHeadline]:
    """Every story's headline, after checking each says what its loaded story says."""
    with uow:
        headlines = uow.stories.search(FactSearch())
        loaded = uow.stories.load([h.id for h in headlines])
    assert [(h.id, h.date, h.corroboration, h.words) for h in headlines] == [
        (s.id, s.date, s.corroboration, s.words) for s in loaded
    ]
    return {h.id: h for h in headlines}


def test_stored_outlet_count_follows_reports_joining_in_later_transactions(uow: SqlUnitOfWork) -> None:
    with uow:
        story = uow.stories.start(
            _report(uow, "Ledger", "https://l/1", "Crews walked out"),
            date=DAY,
            summary="Crews walked out",
            actors=[],
            places=[],
        )
        uow.commit()
    assert _headlines(uow)[story].corroboration == 1
    with uow:
        uow.stories.attach(story, _report(uow, "Wire", "https://w/1", "Crews struck"), score=0.9, reason={})
        # The same outlet again, and an article known by nothing but its id: one more source.
        uow.stories.attach(story, _report(uow, "Ledger", "https://l/2", "Crews out"), score=0.9, reason={})
        uow.stories.attach(story, _report(uow, None, None, "Crews left"), score=0.9, reason={})
        # Read before the unit of work commits: the count is flushed with the links.
        assert uow.stories.search(FactSearch())[0].corroboration == 3
        uow.commit()
    assert _headlines(uow)[story].corroboration == 3


def test_stored_outlet_count_follows_a_split(uow: SqlUnitOfWork) -> None:
    with uow:
        events = [
            _report(uow, outlet, None, f"Crews walked out, says {outlet}")
            for outlet in ("Ledger", "Wire", "Post")
        ]
        story = uow.stories.start(events[0], date=DAY, summary="Crews walked out", actors=[], places=[])
        for event_id in events[1:]:
            uow.stories.attach(story, event_id, score=0.9, reason={})
        uow.commit()
    assert _headlines(uow)[story].corroboration == 3
    done = split_story(SplitStory(story_id=story, event_id=events[1], actor="U1"), uow=uow, clock=CLOCK)
    headlines = _headlines(uow)
    assert headlines[story].corroboration == 2 and headlines[done.new_story.id].corroboration == 1


def test_stored_outlet_count_counts_an_outlet_that_left_in_a_split_and_came_back(uow: SqlUnitOfWork) -> None:
    with uow:
        events = [
            _report(uow, outlet, url, f"Crews walked out, says {outlet or url}")
            for outlet, url in (("Ledger", None), ("Wire", None), ("", "https://post/1"))
        ]
        story = uow.stories.start(events[0], date=DAY, summary="Crews walked out", actors=[], places=[])
        for event_id in events[1:]:
            uow.stories.attach(story, event_id, score=0.9, reason={})
        uow.commit()
    assert _headlines(uow)[story].corroboration == 3  # an empty outlet counts by its URL
    split_story(SplitStory(story_id=story, event_id=events[1], actor="U1"), uow=uow, clock=CLOCK)
    assert _headlines(uow)[story].corroboration == 2
    with uow:  # the Wire reports it again, then the Post's page once more: the Wire is counted anew
        uow.stories.attach(story, _report(uow, "Wire", None, "Crews still out"), score=0.9, reason={})
        uow.stories.attach(story, _report(uow, None, "https://post/1#2", "Crews out"), score=0.9, reason={})
        uow.commit()
    assert _headlines(uow)[story].corroboration == 4


def test_stored_outlet_count_follows_a_replaced_article(uow: SqlUnitOfWork) -> None:
    with uow:
        first = _report(uow, "Ledger", "https://l/1", "Crews walked out")
        story = uow.stories.start(first, date=DAY, summary="Crews walked out", actors=[], places=[])
        uow.stories.attach(story, _report(uow, "Wire", "https://w/1", "Crews struck"), score=0.9, reason={})
        uow.commit()
    assert _headlines(uow)[story].corroboration == 2
    with uow:
        # The page at the Wire's URL changed: its old facts go, and with them its report of the story.
        body = "The Wire's page now says something else entirely."
        uow.articles.add(
            NewArticle(
                url="https://w/1",
                outlet="Wire",
                title=None,
                published=date(2031, 5, 3),
                text=body,
                content_hash=hashlib.sha256(body.encode()).hexdigest(),
            )
        )
        uow.commit()
    assert _headlines(uow)[story].corroboration == 1


def test_stored_words_follow_what_the_story_shows(uow: SqlUnitOfWork) -> None:
    with uow:
        story = uow.stories.start(
            _report(uow, "Ledger", None, "Ferry late"),
            date=DAY,
            summary="Ferry late",
            actors=["Brenn Ferries"],
            places=[],
        )
        uow.commit()
    assert "ferry" in _headlines(uow)[story].words
    with uow:
        uow.stories.update(
            story,
            date=DAY,
            summary="Dockers' strikes halt Kyïv ferries",
            actors=["Dock Union"],
            places=["Velmora"],
        )
        uow.commit()
    words = _headlines(uow)[story].words
    assert {"strike", "kyiv", "union", "velmora"} <= words and "late" not in words


@pytest.mark.parametrize("empty_database_url", BACKENDS, indirect=True)
def test_0007_counts_outlets_and_stores_words_of_the_stories_already_stored(empty_database_url: str) -> None:
    engine = make_engine(empty_database_url)
    try:
        upgrade(engine, "0006_story_keys")
        now = datetime(2031, 5, 2, tzinfo=UTC)
        with engine.begin() as conn:
            _four_reports(conn, now)
            for story_id, summary in ((1, "Ferry crews walked out"), (2, "Harbour strikes")):
                conn.execute(
                    text(
                        "INSERT INTO stories (id, date, date_start, date_end, summary, actors, places, "
                        "created_at) VALUES (:id, '2031-05-01', '2031-05-01', '2031-05-01', :summary, "
                        "'[\"Dock Union\"]', '[\"Velmora\"]', :now)"
                    ),
                    {"id": story_id, "summary": summary, "now": now},
                )
            for member_id, (story_id, event_id) in enumerate(((1, 1), (1, 2), (1, 3), (2, 4)), 1):
                conn.execute(
                    text(
                        "INSERT INTO story_events (id, story_id, event_id, added_at) "
                        "VALUES (:id, :story, :event, :now)"
                    ),
                    {"id": member_id, "story": story_id, "event": event_id, "now": now},
                )
        upgrade(engine, "0007_story_headlines")
        if engine.dialect.name == "postgresql":
            # The backfill's dead row versions are vacuumed away once the migration commits.
            with engine.connect() as conn:
                assert (
                    conn.scalar(text("SELECT last_vacuum FROM pg_stat_user_tables WHERE relname = 'stories'"))
                    is not None
                )
        headlines = _headlines(SqlUnitOfWork(make_session_factory(engine), workspace=ALL_WORKSPACES))
        assert headlines[1].corroboration == 3 and headlines[2].corroboration == 1
        assert headlines[2].words == headline_words("Harbour strikes", ["Dock Union"], ["Velmora"])
    finally:
        engine.dispose()


@pytest.mark.parametrize("empty_database_url", BACKENDS[1:], indirect=True)
def test_a_new_database_keeps_no_statistics_that_say_stories_is_empty(empty_database_url: str) -> None:
    # Analysed while empty, `stories` would be checked by a whole-table scan for every story
    # reference ingest writes (foreign-key plans are made once a connection): 5x slower ingest.
    engine = make_engine(empty_database_url)
    try:
        upgrade(engine)
        with engine.connect() as conn:
            assert (
                conn.scalar(text("SELECT last_vacuum FROM pg_stat_user_tables WHERE relname = 'stories'"))
                is None
            )
    finally:
        engine.dispose()


@pytest.mark.parametrize("empty_database_url", BACKENDS, indirect=True)
def test_0012_fills_story_outlets_from_the_stories_already_stored(empty_database_url: str) -> None:
    engine = make_engine(empty_database_url)
    try:
        upgrade(engine, "0011_story_keys_by_member")
        now = datetime(2031, 5, 2, tzinfo=UTC)
        with engine.begin() as conn:
            _four_reports(conn, now)
            conn.execute(
                text(
                    "INSERT INTO stories (id, date, date_start, date_end, summary, actors, places, "
                    "created_at, "
                    "outlets) VALUES (1, '2031-05-01', '2031-05-01', '2031-05-01', 'Ferry crews walked out', "
                    "'[]', '[]', :now, 0)"
                ),
                {"now": now},
            )
            for event_id in (1, 2, 3, 4):
                conn.execute(
                    text(
                        "INSERT INTO story_events (id, story_id, event_id, added_at) "
                        "VALUES (:id, 1, :id, :now)"
                    ),
                    {"id": event_id, "now": now},
                )
        upgrade(engine, "0012_story_outlets")
        with engine.connect() as conn:
            assert conn.scalar(text("SELECT outlets FROM stories")) == 3
            assert sorted(conn.execute(text("SELECT name, article_id FROM story_outlets")).all()) == [
                ("", 3),
                ("Ledger", 0),
                ("https://w/1", 0),
            ]
    finally:
        engine.dispose()


def _four_reports(conn: Connection, now: datetime) -> None:
    """Articles 1-4 (Ledger; an empty outlet with a URL; neither; Ledger again), one event each (same id)."""
    for article_id, outlet, url in (
        (1, "Ledger", None),
        (2, "", "https://w/1"),
        (3, None, None),
        (4, "Ledger", "https://l/2"),
    ):
        conn.execute(
            text(
                "INSERT INTO articles (id, url, title, outlet, published, fetched_at, content_hash, "
                "text) VALUES (:id, :url, 't', :outlet, '2031-05-02', :now, :hash, 'x')"
            ),
            {"id": article_id, "url": url, "outlet": outlet, "now": now, "hash": f"h{article_id}"},
        )
        conn.execute(
            text(
                "INSERT INTO events (id, article_id, date, date_start, date_end, summary, sentence, "
                "start, \"end\", actors, places, search_text) VALUES (:id, :id, '2031-05-01', "
                "'2031-05-01', '2031-05-01', 'Ferry crews walked out', 'Ferry crews walked out.', "
                "0, 10, '[]', '[]', 'ferry')"
            ),
            {"id": article_id},
        )
