"""Stories: events merged into happenings, each membership with the score and reasons of its merge."""

from __future__ import annotations

import weakref
from collections.abc import Sequence
from datetime import date
from typing import Any

from sqlalchemy import (
    Boolean,
    ColumnElement,
    Integer,
    case,
    column,
    delete,
    func,
    literal_column,
    select,
    text,
)
from sqlalchemy.orm import Session
from sqlalchemy.sql.selectable import ScalarSelect

from handlers.domain import ArticleRef, FactSearch, Story, StoryHeadline, StoryMember
from store.fact_search import is_common, matches_all
from store.orm import ArticleRow, EventRow, StoryEventRow, StoryRow
from store.repositories.events import date_range
from store.search_text import query_tokens

# Members kept per database for story matching (~1 kB each): enough for weeks of candidates.
_MEMBERS_CACHED = 50_000
_MEMBERS: weakref.WeakKeyDictionary[Any, dict[int, tuple[tuple[int, int, int], StoryMember]]] = (
    weakref.WeakKeyDictionary())


def _members_cache(session: Session) -> dict[int, tuple[tuple[int, int, int], StoryMember]]:
    """The member cache of the database this session talks to (one per engine or connection)."""
    return _MEMBERS.setdefault(session.get_bind(), {})


# Past this many words an OR search narrows little: the date window alone is used.
_MAX_CANDIDATE_TOKENS = 200


class SqlStoryRepository:
    def __init__(self, session: Session) -> None:
        self._session = session

    def candidates(self, since: date, until: date, *, terms: Sequence[str] = (),
                   limit: int = 200) -> list[Story]:
        """Stories (with members) whose dates overlap since..until, most recent first, at most `limit`.

        With `terms`, only stories with a report containing at least one of them. Members carry
        what matching needs: their article is its id only, and they have no merge score or reasons.
        """
        conditions = [StoryRow.date_end >= since, StoryRow.date_start <= until]
        tokens = query_tokens(terms)
        if tokens and len(tokens) <= _MAX_CANDIDATE_TOKENS:
            sharing = (select(StoryEventRow.story_id)
                       .join(EventRow, EventRow.id == StoryEventRow.event_id)
                       .where(self._matches_any(tokens)))
            conditions.append(StoryRow.id.in_(sharing))
        ids = self._session.scalars(
            select(StoryRow.id)
            .where(*conditions)
            .order_by(StoryRow.date_end.desc(), StoryRow.id.desc())
            .limit(limit)
        ).all()
        return self._load_for_matching(list(ids))

    def _matches_any(self, tokens: list[str]) -> ColumnElement[bool]:
        """Events whose index holds any of `tokens` (the full-text index answers)."""
        if self._session.get_bind().dialect.name == "sqlite":
            ids = (
                text("SELECT rowid FROM events_fts WHERE events_fts MATCH :q")
                .bindparams(q=" OR ".join(f'"{t}"' for t in tokens))
                .columns(column("rowid", Integer))
            )
            return EventRow.id.in_(ids)
        vector: ColumnElement[Any] = literal_column("events.search_vector")
        return vector.op("@@", return_type=Boolean)(func.to_tsquery("simple", " | ".join(tokens)))

    def start(self, event_id: int, *, date: str, summary: str, actors: Sequence[str],
              places: Sequence[str]) -> int:
        """A new story holding one event (taken out of any story it was in); its id."""
        start, end = date_range(date)
        row = StoryRow(date=date, date_start=start, date_end=end, summary=summary, actors=list(actors),
                       places=list(places))
        self._session.add(row)
        self._session.execute(delete(StoryEventRow).where(StoryEventRow.event_id == event_id))
        self._session.flush()
        self._session.add(StoryEventRow(story_id=row.id, event_id=event_id))
        self._session.flush()
        return row.id

    def attach(self, story_id: int, event_id: int, *, score: float, reason: dict[str, object]) -> None:
        """Add an event to a story, with the score and reasons of the merge."""
        self._session.execute(delete(StoryEventRow).where(StoryEventRow.event_id == event_id))
        self._session.add(StoryEventRow(story_id=story_id, event_id=event_id, score=score,
                                        reason=dict(reason)))
        self._session.flush()

    def update(self, story_id: int, *, date: str, summary: str, actors: Sequence[str],
               places: Sequence[str]) -> None:
        """Replace what the story shows (date, best summary, actors, places)."""
        row = self._session.get(StoryRow, story_id)
        if row is None:
            return
        row.date_start, row.date_end = date_range(date)
        row.date, row.summary, row.actors, row.places = date, summary, list(actors), list(places)
        self._session.flush()

    def get(self, story_id: int) -> Story | None:
        """A story with all its members, or None."""
        found = self._load([story_id])
        return found[0] if found else None

    def story_of_event(self, event_id: int) -> int | None:
        """The story an event is in."""
        return self._session.scalar(select(StoryEventRow.story_id).where(StoryEventRow.event_id == event_id))

    def search(self, search: FactSearch, *, cap: int = 500) -> list[StoryHeadline]:
        """Stories with a member event matching the terms, in the window; at most `cap`, newest first.

        Headlines only: loading 500 candidates with every report and its article cost a timeline
        90-150 ms at a million facts, when the page shows ten of them (`load` those).
        """
        conditions: list[ColumnElement[bool]] = []
        if search.since:
            conditions.append(StoryRow.date_end >= search.since)
        if search.until:
            conditions.append(StoryRow.date_start <= search.until)
        tokens = query_tokens(search.terms)
        # With a million events, "stories that have a matching member" must not build the set of
        # every matching story first: stories are walked newest first (date_end, id index) and each
        # is probed through its members; only a rare word is better looked up from its matches.
        members = select(StoryEventRow.id).where(StoryEventRow.story_id == StoryRow.id)
        if tokens and not is_common(self._session, "events", tokens):
            matching = (select(StoryEventRow.story_id)
                        .join(EventRow, EventRow.id == StoryEventRow.event_id)
                        .where(matches_all(self._session, "events", EventRow.id, tokens)))
            conditions.append(StoryRow.id.in_(matching))
        elif tokens:
            members = (members.join(EventRow, EventRow.id == StoryEventRow.event_id)
                       .where(matches_all(self._session, "events", EventRow.id, tokens, walk_order=True)))
        rows = self._session.execute(
            select(StoryRow.id, StoryRow.date, StoryRow.summary, StoryRow.actors, StoryRow.places,
                   _corroboration())
            .where(*conditions, members.exists())
            .order_by(StoryRow.date_end.desc(), StoryRow.id.desc())
            .limit(cap)
        ).all()
        # Our own columns: no validation needed (for 500 rows it costs more than the query).
        return [StoryHeadline.model_construct(id=i, date=when, summary=summary, actors=list(actors),
                                              places=list(places), corroboration=outlets)
                for i, when, summary, actors, places, outlets in rows]

    def load(self, ids: Sequence[int]) -> list[Story]:
        """The stories with these ids, with all their members, in the order of `ids`."""
        return self._load(list(ids))

    def stories_at(self, spans: Sequence[tuple[int, int]]) -> dict[tuple[int, int], int]:
        """For (article id, offset) pairs, the story of the event whose sentence holds the offset."""
        articles = {a for a, _ in spans}
        if not articles:
            return {}
        rows = self._session.execute(
            select(EventRow.article_id, EventRow.start, EventRow.end, StoryEventRow.story_id)
            .join(StoryEventRow, StoryEventRow.event_id == EventRow.id)
            .where(EventRow.article_id.in_(articles))
        ).all()
        found: dict[tuple[int, int], int] = {}
        for article_id, offset in spans:
            for a, start, end, story_id in rows:
                if a == article_id and start <= offset < end:
                    found[(article_id, offset)] = story_id
                    break
        return found

    def _load_for_matching(self, ids: list[int]) -> list[Story]:
        # Ingest loads ~500 members of up to 200 stories for every article, mostly the same as for
        # the article before: building them cost 20 ms an article. Stored events never change, so
        # members are kept per database (engine) by event id, checked against the event's article
        # and offsets in case ids were reused (a rolled-back transaction, a recreated database).
        if not ids:
            return []
        cache = _members_cache(self._session)
        links = self._session.execute(
            select(StoryEventRow.story_id, EventRow.id, EventRow.article_id, EventRow.start, EventRow.end)
            .join(EventRow, EventRow.id == StoryEventRow.event_id)
            .where(StoryEventRow.story_id.in_(ids))
            .order_by(StoryEventRow.id)
        ).all()
        missing = [event_id for _, event_id, article_id, start, end in links
                   if cache.get(event_id, (None,))[0] != (article_id, start, end)]
        if len(cache) + len(missing) > _MEMBERS_CACHED:
            cache.clear()
        for chunk in (missing[i:i + 500] for i in range(0, len(missing), 500)):
            for event_id, when, summary, actors, places, start, end, article_id in self._session.execute(
                select(EventRow.id, EventRow.date, EventRow.summary, EventRow.actors, EventRow.places,
                       EventRow.start, EventRow.end, EventRow.article_id).where(EventRow.id.in_(chunk))
            ):
                # Our own columns: no validation needed (it cost more than the query).
                cache[event_id] = ((article_id, start, end), StoryMember.model_construct(
                    event_id=event_id, date=when, summary=summary, actors=list(actors), places=list(places),
                    start=start, article=ArticleRef.model_construct(id=article_id), score=None, reason=None,
                ))
        members: dict[int, list[StoryMember]] = {i: [] for i in ids}
        for story_id, event_id, *_ in links:
            members[story_id].append(cache[event_id][1])
        stories = self._session.execute(
            select(StoryRow.id, StoryRow.date, StoryRow.summary, StoryRow.actors, StoryRow.places)
            .where(StoryRow.id.in_(ids))
        ).all()
        found = {r.id: r for r in stories}
        return [
            Story.model_construct(id=i, date=found[i].date, summary=found[i].summary,
                                  actors=list(found[i].actors), places=list(found[i].places),
                                  members=members[i])
            for i in ids if i in found
        ]

    def _load(self, ids: list[int]) -> list[Story]:
        if not ids:
            return []
        stories = {r.id: r for r in self._session.scalars(select(StoryRow).where(StoryRow.id.in_(ids)))}
        members: dict[int, list[StoryMember]] = {i: [] for i in ids}
        # Plain columns, not ORM objects: ingest reads up to 200 stories' members for every article
        # and a timeline up to 500, and building entities for them cost more than the query.
        rows = self._session.execute(
            select(StoryEventRow.story_id, StoryEventRow.score, StoryEventRow.reason, EventRow.id,
                   EventRow.date, EventRow.summary, EventRow.actors, EventRow.places, EventRow.start,
                   ArticleRow.id, ArticleRow.url, ArticleRow.title, ArticleRow.outlet, ArticleRow.published)
            .join(EventRow, EventRow.id == StoryEventRow.event_id)
            .join(ArticleRow, ArticleRow.id == EventRow.article_id)
            .where(StoryEventRow.story_id.in_(ids))
            .order_by(StoryEventRow.id)
        ).all()
        for (story_id, score, reason, event_id, when, summary, actors, places, start,
             article_id, url, title, outlet, published) in rows:
            members[story_id].append(StoryMember(
                event_id=event_id, date=when, summary=summary, actors=list(actors), places=list(places),
                start=start, article=ArticleRef(id=article_id, url=url, title=title, outlet=outlet,
                                                published=published),
                score=score, reason=reason,
            ))
        return [
            Story(id=i, date=stories[i].date, summary=stories[i].summary, actors=list(stories[i].actors),
                  places=list(stories[i].places), members=members[i])
            for i in ids if i in stories
        ]


def _corroboration() -> ScalarSelect[int]:
    """`Story.corroboration` of the story in the enclosing query, counted in SQL.

    Python's `outlet or url or id` skips empty strings too, and an id never equals a name, so:
    distinct non-empty outlet-or-url, plus distinct articles that have neither. A column of the
    story's row (not a second query over 500 ids): the databases evaluate it only for the rows
    returned, through the story_events index.
    """
    name = func.coalesce(func.nullif(ArticleRow.outlet, ""), func.nullif(ArticleRow.url, ""))
    nameless = case((name.is_(None), ArticleRow.id))
    return (
        select(func.count(name.distinct()) + func.count(nameless.distinct()))
        .select_from(StoryEventRow)
        .join(EventRow, EventRow.id == StoryEventRow.event_id)
        .join(ArticleRow, ArticleRow.id == EventRow.article_id)
        .where(StoryEventRow.story_id == StoryRow.id)
        .scalar_subquery()
    )
