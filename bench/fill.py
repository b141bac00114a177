"""Fill a store with N facts quickly, by direct bulk inserts of what the generator wrote.

Extracting the ~120k articles that hold a million facts would take ten minutes and measure the
extractor, not the queries. So the articles are inserted as written, and their facts (the events,
quotes and figures the generator knows it put in) go in with executemany, indexed for search by
the same functions the repositories use. Speakers are made through the people repository, so
names, aliases and keys are exactly what ingest would have stored.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from typing import Any

from sqlalchemy import Engine, func, insert, select, text
from sqlalchemy.orm import Session

from bench.generator import ArticleGenerator, SyntheticArticle, people_pool
from handlers.headline_words import stored_words
from handlers.story_match import features, match_keys
from handlers.tenancy import ALL_WORKSPACES, DEFAULT_WORKSPACE
from store.database import make_session_factory
from store.orm import ArticleRow, EventRow, FigureRow, QuoteRow, StoryEventRow, StoryKeyRow, StoryRow
from store.orm_tenancy import ArticleAccessRow
from store.repositories.events import event_search_text
from store.repositories.figures import figure_search_text
from store.repositories.quotes import quote_search_text
from store.repositories.story_outlets import recount
from store.story_keys import key_rows
from store.tenancy import open_for
from store.uow import SqlUnitOfWork

BATCH_ARTICLES = 1000
FACTS_PER_ARTICLE = 7.5  # what the generator writes, on average
ARTICLES_PER_STORY = 2  # outlets covering a story on a day, on average


@dataclass(frozen=True)
class Filled:
    articles: int
    events: int
    quotes: int
    figures: int
    first_day: date
    last_day: date

    @property
    def facts(self) -> int:
        return self.events + self.quotes + self.figures


# With N workspaces, each article is open to the default workspace (which sees everything) and to
# SHARED of the N others, as if each followed a tenth of the sources: every workspace reads about
# SHARED/N of the store, and the store is shared, not copied.
SHARED = 10


def workspace_names(workspaces: int) -> list[str]:
    """The bench's workspaces besides the default one: w0, w1, ..."""
    return [f"w{i}" for i in range(workspaces)]


def readers(article_id: int, workspaces: int) -> list[str]:
    """Who may read article `article_id` in a store shared by `workspaces` workspaces."""
    if workspaces <= 0:
        return [DEFAULT_WORKSPACE]
    shared = min(SHARED, workspaces)
    step = max(1, workspaces // shared)
    first = (article_id * 7) % workspaces
    return [DEFAULT_WORKSPACE, *sorted({f"w{(first + i * step) % workspaces}" for i in range(shared)})]


def fill_facts(
    engine: Engine,
    facts: int,
    *,
    seed: int = 1,
    progress: Callable[[int], None] | None = None,
    workspaces: int = 0,
) -> Filled:
    """Insert generated articles and their facts until at least `facts` facts are stored, each
    article open to the default workspace and, with `workspaces`, to SHARED of that many others."""
    people = _speakers(engine)
    session_factory = make_session_factory(engine)
    counts = {"articles": 0, "events": 0, "quotes": 0, "figures": 0}
    first: date | None = None
    last: date | None = None
    batch: list[SyntheticArticle] = []
    with session_factory() as session:
        next_id = (session.scalar(select(ArticleRow.id).order_by(ArticleRow.id.desc()).limit(1)) or 0) + 1
    ids = _Ids(session_factory)
    # A store of a million facts is a busy newsroom's year, not a quiet one's half-century: the
    # stories a day grow with the store so the facts always span about a year.
    per_day = max(4, round(facts / FACTS_PER_ARTICLE / ARTICLES_PER_STORY / 365))
    for article in ArticleGenerator(seed, stories_per_day=per_day).articles(10**9):
        first = first or article.published
        last = article.published
        batch.append(article)
        stored = counts["events"] + counts["quotes"] + counts["figures"]
        pending = sum(len(a.facts.events) + len(a.facts.quotes) + len(a.facts.figures) for a in batch)
        if len(batch) >= BATCH_ARTICLES or stored + pending >= facts:
            with session_factory() as session, session.begin():
                open_for(session, ALL_WORKSPACES)  # written as an internal job (row-level security)
                _insert(session, batch, next_id, people, counts, ids, workspaces)
            next_id += len(batch)
            batch = []
            stored = counts["events"] + counts["quotes"] + counts["figures"]
            if progress:
                progress(stored)
            if stored >= facts:
                break
    _reset_sequences(engine)
    assert first is not None and last is not None
    return Filled(first_day=first, last_day=last, **counts)


def _speakers(engine: Engine) -> dict[str, int]:
    uow = SqlUnitOfWork(make_session_factory(engine), workspace=DEFAULT_WORKSPACE)
    ids: dict[str, int] = {}
    with uow:
        for name in people_pool():
            ids[name] = uow.people.upsert(name, kind="person", aliases=[], roles=[]).id
        uow.commit()
    return ids


class _Ids:
    """Explicit ids for events and stories, so reports of one happening share a story as after ingest."""

    def __init__(self, session_factory: Any) -> None:
        with session_factory() as session:
            self.event = session.scalar(select(func.max(EventRow.id))) or 0
            self.story = session.scalar(select(func.max(StoryRow.id))) or 0
        self.stories: dict[tuple[int, date], int] = {}


def _insert(
    session: Session,
    batch: list[SyntheticArticle],
    first_id: int,
    people: dict[str, int],
    counts: dict[str, int],
    ids: _Ids,
    workspaces: int = 0,
) -> None:
    articles: list[dict[str, Any]] = []
    events: list[dict[str, Any]] = []
    stories: list[dict[str, Any]] = []
    members: list[dict[str, Any]] = []
    keys: list[dict[str, Any]] = []  # as ingest indexes members, so later ingests find them
    quotes: list[dict[str, Any]] = []
    figures: list[dict[str, Any]] = []
    for offset, a in enumerate(batch):
        article_id = first_id + offset
        articles.append(
            {
                "id": article_id,
                "url": a.url,
                "title": a.title,
                "outlet": a.outlet,
                "published": a.published,
                "text": a.text,
                "fetched_at": fetched_at(a, offset),
                "content_hash": hashlib.sha256(a.text.encode()).hexdigest(),
            }
        )
        for day, sentence, actors, places in a.facts.events:
            start = a.text.find(sentence)
            ids.event += 1
            key = (a.story, day)
            if key not in ids.stories:
                ids.story += 1
                ids.stories[key] = ids.story
                stories.append(
                    {
                        "id": ids.story,
                        "date": day.isoformat(),
                        "date_start": day,
                        "date_end": day,
                        "summary": sentence,
                        "actors": actors,
                        "places": places,
                        "words": stored_words(sentence, actors, places),
                    }
                )
            members.append({"story_id": ids.stories[key], "event_id": ids.event, "score": 1.0})
            keys += key_rows(
                ids.stories[key],
                ids.event,
                (day, day),
                match_keys(features(day.isoformat(), sentence, actors, places)),
            )
            events.append(
                {
                    "id": ids.event,
                    "article_id": article_id,
                    "date": day.isoformat(),
                    "date_start": day,
                    "date_end": day,
                    "summary": sentence,
                    "sentence": sentence,
                    "start": start,
                    "end": start + len(sentence),
                    "actors": actors,
                    "places": places,
                    "search_text": event_search_text(sentence, sentence, actors, places),
                }
            )
        for speaker, role, said, kind in a.facts.quotes:
            start = max(a.text.find(said[:20]), 0)
            quotes.append(
                {
                    "article_id": article_id,
                    "person_id": people.get(speaker),
                    "speaker": speaker,
                    "speaker_kind": "person",
                    "speaker_role": role,
                    "text": said,
                    "kind": kind,
                    "cue": "said",
                    "start": start,
                    "end": start + len(said),
                    "search_text": quote_search_text(said, speaker, role, [speaker]),
                }
            )
        for value, unit, about, sentence in a.facts.figures:
            start = max(a.text.find(sentence), 0)
            figures.append(
                {
                    "article_id": article_id,
                    "text": f"{value:g} {unit}",
                    "value": value,
                    "value_max": None,
                    "unit": unit,
                    "bound": "=",
                    "change": None,
                    "about": about,
                    "sentence": sentence,
                    "start": start,
                    "end": start + len(sentence),
                    "search_text": figure_search_text(f"{value:g}", unit, about, sentence),
                }
            )
    session.execute(insert(ArticleRow), articles)
    # Every article is the single-token deployment's, as ingest would open it (handlers.tenancy).
    access = [{"article_id": a["id"], "workspace": w} for a in articles for w in readers(a["id"], workspaces)]
    session.execute(insert(ArticleAccessRow), access)
    for row_type, rows in (
        (EventRow, events),
        (QuoteRow, quotes),
        (FigureRow, figures),
        (StoryRow, stories),
        (StoryEventRow, members),
        (StoryKeyRow, keys),
    ):
        if rows:
            session.execute(insert(row_type), rows)
    if members:
        # As the repository keeps it: a story of several batches is recounted at each.
        touched = sorted({m["story_id"] for m in members})
        recount(session.connection(), touched)
    counts["articles"] += len(articles)
    counts["events"] += len(events)
    counts["quotes"] += len(quotes)
    counts["figures"] += len(figures)


def fetched_at(article: SyntheticArticle, serial: int) -> datetime:
    """When a poller would have fetched the article: through its day of publication, not all at once."""
    return datetime.combine(article.published, time(0), tzinfo=UTC) + timedelta(minutes=(serial * 7) % 1440)


def _reset_sequences(engine: Engine) -> None:
    # Explicit ids leave PostgreSQL's sequences behind; later inserts (ingest) would collide.
    if engine.dialect.name != "postgresql":
        return
    with engine.begin() as conn:
        for table in ("articles", "events", "stories"):
            conn.execute(
                text(
                    f"SELECT setval(pg_get_serial_sequence('{table}', 'id'), "
                    f"(SELECT coalesce(max(id), 1) FROM {table}))"
                )
            )
    # What autovacuum does to a store that has run a while: statistics, and the visibility map that
    # lets index-only scans skip the table (article_access is probed for every row a policy checks).
    with engine.connect().execution_options(isolation_level="AUTOCOMMIT") as conn:
        conn.execute(text("VACUUM (ANALYZE)"))
