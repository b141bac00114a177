"""Stories in the store, on SQLite and PostgreSQL: the 0002 migration, the repository, merging at ingest."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest
from sqlalchemy import inspect, text

from handlers.commands import show_timeline
from handlers.domain import StoryKeys
from handlers.ingest import ingest_article
from handlers.results import IngestArticle, TimelineQuery
from handlers.stories import SplitStory, split_story
from handlers.tenancy import ALL_WORKSPACES
from store.database import make_engine, make_session_factory
from store.migrate import current, downgrade, upgrade
from store.uow import SqlUnitOfWork
from tests.fakes import FixedClock
from tests.integration.builders import event, new_article
from tests.integration.conftest import BACKENDS

CLOCK = FixedClock(date(2031, 6, 1))


@pytest.mark.parametrize("empty_database_url", BACKENDS, indirect=True)
def test_0002_gives_each_stored_event_its_own_story_and_downgrades_cleanly(empty_database_url: str) -> None:
    engine = make_engine(empty_database_url)
    try:
        upgrade(engine, "0001")
        with engine.begin() as conn:
            conn.execute(
                text(
                    "INSERT INTO articles (id, title, outlet, published, fetched_at, content_hash, text) "
                    "VALUES (1, 't', 'o', '2031-05-02', :now, 'h1', 'x')"
                ),
                {"now": datetime(2031, 5, 2, tzinfo=UTC)},
            )
            conn.execute(
                text(
                    "INSERT INTO events (id, article_id, date, date_start, date_end, summary, sentence, "
                    "start, "
                    "\"end\", actors, places, search_text) VALUES (7, 1, '2031-05-01', '2031-05-01', "
                    "'2031-05-01', 'Ferry crews walked out', 'Ferry crews walked out.', 0, 10, '[]', "
                    "'[\"Velmora\"]', 'ferry')"
                )
            )
        upgrade(engine, "0002_stories")
        assert current(engine) == "0002_stories"
        uow = SqlUnitOfWork(make_session_factory(engine), workspace=ALL_WORKSPACES)
        with uow:
            story = uow.stories.get(7)
            assert story is not None and [m.event_id for m in story.members] == [7]
            assert story.places == ["Velmora"] and story.date == "2031-05-01"
        # New stories get fresh ids after the backfilled ones (PostgreSQL's sequence moved on).
        # (Raw SQL: today's repository also writes tables of later revisions.)
        with engine.begin() as conn:
            new_id = conn.execute(
                text(
                    "INSERT INTO stories (date, date_start, date_end, summary, actors, places, "
                    "created_at) "
                    "VALUES ('2031-05-01', '2031-05-01', '2031-05-01', 's', '[]', '[]', :now) RETURNING id"
                ),
                {"now": datetime(2031, 5, 2, tzinfo=UTC)},
            ).scalar_one()
        assert new_id > 7
        downgrade(engine, "0001")
        tables = set(inspect(engine).get_table_names())
        assert "stories" not in tables and "story_events" not in tables and "events" in tables
    finally:
        engine.dispose()


def test_repository_keeps_members_with_their_merge_reasons(uow: SqlUnitOfWork) -> None:
    with uow:
        a = uow.articles.add(new_article("one"))
        ids = uow.events.add_many(
            a.id,
            [
                event("Floods hit Brenn", "2031-05-01", places=["Brenn"]),
                event("Rain flooded Brenn", "2031-05-01", places=["Brenn"]),
                event("A vote in Tassel", "2031-04"),
            ],
        )
        first, second, third = ids
        assert first is not None and second is not None and third is not None
        may1, april = (date(2031, 5, 1), date(2031, 5, 1)), (date(2031, 4, 1), date(2031, 4, 30))
        story = uow.stories.start(
            first,
            date="2031-05-01",
            summary="Floods hit Brenn",
            actors=[],
            places=["Brenn"],
            keys=StoryKeys(start=may1[0], end=may1[1], keys=["n:brenn", "t:flood"]),
        )
        uow.stories.attach(
            story,
            second,
            score=0.8,
            reason={"score": 0.8, "names": ["brenn"]},
            keys=StoryKeys(start=may1[0], end=may1[1], keys=["n:brenn", "t:rain"]),
        )
        # The second link is still buffered: it comes last, as it will be stored.
        assert [m.event_id for m in uow.stories.members(story)] == [first, second]
        assert [m.event_id for m in uow.stories.members(story, newest=1)] == [second]
        month = uow.stories.start(
            third,
            date="2031-04",
            summary="A vote in Tassel",
            actors=[],
            places=[],
            keys=StoryKeys(start=april[0], end=april[1], keys=["n:tassel", "t:vote"]),
        )
        uow.commit()
    with uow:
        got = uow.stories.get(story)
        assert got is not None
        assert [(m.event_id, m.score, m.reason) for m in got.members] == [
            (first, None, None),
            (second, 0.8, {"score": 0.8, "names": ["brenn"]}),
        ]
        assert [m.event_id for m in uow.stories.members(story)] == [first, second]
        assert [m.event_id for m in uow.stories.members(story, newest=1)] == [second]
        assert [m.event_id for m in uow.stories.members(story, newest=5)] == [first, second]

        def matching(since: date, until: date, keys: list[str]) -> list[tuple[int, int]]:
            [found] = uow.stories.matching_members([StoryKeys(start=since, end=until, keys=keys)])
            return [(sid, m.event_id) for sid, m in found]

        # Members sharing most keys first; only within the dates; only the keys given.
        assert matching(*may1, ["n:brenn", "t:rain"]) == [(story, second), (story, first)]
        assert matching(date(2031, 4, 30), date(2031, 5, 1), ["n:brenn", "n:tassel"]) == [
            (month, third),
            (story, second),
            (story, first),
        ]  # as many shared: newest first
        assert matching(*may1, ["n:tassel"]) == []  # the vote was in April
        assert matching(date(2031, 4, 1), date(2031, 5, 31), ["t:brenn", "n:lindqvist"]) == []
        [found] = uow.stories.matching_members([StoryKeys(start=may1[0], end=may1[1], keys=["n:brenn"])])
        assert found[0][1].summary == "Rain flooded Brenn"
        assert uow.stories.story_of_event(second) == story
        assert uow.stories.stories_at([(a.id, 3), (a.id, 99)]) == {(a.id, 3): story}
        assert uow.stories.event_dates_at([(a.id, 3), (a.id, 99)]) == {(a.id, 3): "2031-05-01"}
        from handlers.domain import FactSearch

        assert [s.id for s in uow.stories.search(FactSearch(terms=["flooded"]))] == [story]
        assert [s.id for s in uow.stories.search(FactSearch(until=date(2031, 4, 20)))] == [month]


def _ingest(uow: SqlUnitOfWork, text_: str, outlet: str, published: date) -> None:
    cmd = IngestArticle(text=text_, outlet=outlet, published=published)
    result = ingest_article(cmd, uow=uow, clock=CLOCK)
    assert result.status == "stored", result.message


def test_ingest_merges_two_outlets_reports_and_an_admin_can_split_them(uow: SqlUnitOfWork) -> None:
    _ingest(
        uow,
        "A fire destroyed a warehouse in Castelmar on May 3, 2031. Markets were calm.",
        "Northern Ledger",
        date(2031, 5, 4),
    )
    _ingest(
        uow,
        "A blaze ripped through a Castelmar warehouse on Saturday. Crews are still on site.",
        "Coastal Wire",
        date(2031, 5, 4),
    )
    [entry] = [e for e in show_timeline(TimelineQuery(terms=["warehouse"]), uow=uow).entries]
    assert entry.date == "2031-05-03" and entry.corroboration == 2 and entry.story_id is not None
    with uow:
        story = uow.stories.get(entry.story_id)
    assert story is not None and len(story.members) == 2
    joined = story.members[1]
    assert joined.reason is not None and "castelmar" in joined.reason["names"]
    cmd = SplitStory(story_id=story.id, event_id=joined.event_id, actor="U1")
    done = split_story(cmd, uow=uow, clock=CLOCK)
    assert [m.event_id for m in done.new_story.members] == [joined.event_id]
    entries = show_timeline(TimelineQuery(terms=["warehouse"]), uow=uow).entries
    assert len(entries) == 2
    with uow:
        assert [a.action for a in uow.audit.recent()] == ["stories.split"]
