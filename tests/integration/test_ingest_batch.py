"""Many articles in one transaction: the same store as one by one; a bad article costs only itself."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import Engine, select, text

from bench.generator import ArticleGenerator
from handlers.ingest import ingest_article, ingest_batch
from handlers.results import IngestArticle
from handlers.tenancy import DEFAULT_WORKSPACE
from store.database import make_session_factory
from store.orm import ArticleRow, EventRow, PersonAliasRow, PersonRow, QuoteRow, StoryEventRow
from store.uow import SqlUnitOfWork
from tests.fakes import FixedClock

CLOCK = FixedClock(date(2031, 6, 1))

HARBOUR = (
    "Dock workers walked off the job in Velmora on Tuesday, May 6, 2031. "
    '"We will not load another ship," said union leader Ines Carvalho.'
)
BRIDGE = "The Tassel river bridge reopened on May 7, 2031 after repairs costing $4 million."


def test_a_batch_reports_each_article_in_order(uow: SqlUnitOfWork) -> None:
    cmds = [
        IngestArticle(text=HARBOUR, outlet="Ledger", published=date(2031, 5, 7)),
        IngestArticle(text="   "),
        IngestArticle(text=HARBOUR.replace(". ", ".\n"), outlet="Wire"),  # the same text, re-wrapped
        IngestArticle(text=BRIDGE, url="https://example.org/bridge", published=date(2031, 5, 8)),
        IngestArticle(text=BRIDGE + " Traffic resumed.", url="https://example.org/bridge"),
    ]
    results = ingest_batch(cmds, uow=uow, clock=CLOCK)
    assert [r.status for r in results] == ["stored", "rejected", "duplicate", "stored", "duplicate"]
    assert "item 1 of this batch" in results[2].message and "item 4" in results[4].message
    assert results[0].quotes == 1 and results[0].people == 1 and results[3].figures == 1
    with uow:
        assert uow.articles.count() == 2
    # Ingested again, later: each is already stored.
    again = ingest_batch(cmds, uow=uow, clock=CLOCK)
    assert [r.status for r in again] == ["duplicate", "rejected", "duplicate", "duplicate", "duplicate"]
    assert again[0].article is not None and again[0].article.id == results[0].article.id  # type: ignore[union-attr]


@pytest.mark.parametrize("engine", ["sqlite"], indirect=True)
def test_an_article_the_database_refuses_costs_only_itself(engine: Engine) -> None:
    with engine.begin() as conn:  # a database that refuses one article, as a constraint would
        conn.execute(
            text(
                "CREATE TRIGGER refuse BEFORE INSERT ON articles WHEN NEW.title = 'poison' "
                "BEGIN SELECT RAISE(ABORT, 'refused by the test'); END"
            )
        )
    uow = SqlUnitOfWork(make_session_factory(engine), workspace=DEFAULT_WORKSPACE)
    cmds = [
        IngestArticle(text=HARBOUR, published=date(2031, 5, 7)),
        IngestArticle(text="Ferries stopped in Brenn on May 6, 2031.", title="poison"),
        IngestArticle(text=BRIDGE, published=date(2031, 5, 8)),
    ]
    results = ingest_batch(cmds, uow=uow, clock=CLOCK)
    assert [r.status for r in results] == ["stored", "rejected", "stored"]
    assert "refused by the test" in results[1].message
    with uow:
        assert uow.articles.count() == 2


def _store_shape(engine: Engine) -> tuple[object, ...]:
    """What ingest stored, independent of ids: stories as sets of reports, people, quotes' search text."""
    with engine.connect() as conn:
        url = {i: u for i, u in conn.execute(select(ArticleRow.id, ArticleRow.url))}
        stories: dict[int, set[tuple[str, int]]] = {}
        for story_id, article_id, start in conn.execute(
            select(StoryEventRow.story_id, EventRow.article_id, EventRow.start).join(
                EventRow, EventRow.id == StoryEventRow.event_id
            )
        ):
            stories.setdefault(story_id, set()).add((url[article_id], start))
        people = {(name, kind) for name, kind in conn.execute(select(PersonRow.name, PersonRow.kind))}
        aliases = {
            (name, alias)
            for name, alias in conn.execute(
                select(PersonRow.name, PersonAliasRow.alias).join(
                    PersonRow, PersonRow.id == PersonAliasRow.person_id
                )
            )
        }
        quotes = {
            (url[a], start, person, search)
            for a, start, person, search in conn.execute(
                select(QuoteRow.article_id, QuoteRow.start, PersonRow.name, QuoteRow.search_text).outerjoin(
                    PersonRow, PersonRow.id == QuoteRow.person_id
                )
            )
        }
    return sorted(sorted(s) for s in stories.values()), people, aliases, quotes


@pytest.mark.parametrize("engine", ["sqlite"], indirect=True)
def test_a_batch_stores_what_one_by_one_would(engine: Engine) -> None:
    corpus = list(ArticleGenerator(7).articles(60))
    cmds = [
        IngestArticle(text=a.text, url=a.url, title=a.title, outlet=a.outlet, published=a.published)
        for a in corpus
    ]
    clock = FixedClock(corpus[-1].published)
    one_by_one = SqlUnitOfWork(make_session_factory(engine), workspace=DEFAULT_WORKSPACE)
    for cmd in cmds:
        assert ingest_article(cmd, uow=one_by_one, clock=clock).status == "stored"
    expected = _store_shape(engine)
    with engine.begin() as conn:
        for table in (
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
    batched = SqlUnitOfWork(make_session_factory(engine), workspace=DEFAULT_WORKSPACE)
    for first in range(0, len(cmds), 25):
        results = ingest_batch(cmds[first : first + 25], uow=batched, clock=clock)
        assert {r.status for r in results} == {"stored"}
    assert _store_shape(engine) == expected
    assert len(expected[0]) < sum(len(s) for s in expected[0])  # some reports were merged: a real test
