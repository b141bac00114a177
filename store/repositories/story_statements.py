"""The statements story matching runs several times an article, and the members it reads.

Built once each (building a statement cost as much as running it) and run on the session's
connection, past the ORM.
"""

from __future__ import annotations

import functools

from sqlalchemy import Executable, bindparam, case, func, insert, select, union_all, update
from sqlalchemy.sql.selectable import ScalarSelect

from handlers.domain import ArticleRef, StoryMember
from store.orm import ArticleRow, EventRow, StoryEventRow, StoryKeyRow, StoryRow


@functools.cache
def matching_members_query(keys: int) -> Executable:
    # Each key's postings are read nearest the dates first, at most "per_key" of them: a word
    # every report of the day uses ("prices") would otherwise have every member counted, which
    # costs more as the day is busier, to find members that share nothing else.
    postings = union_all(*[
        select(StoryKeyRow.story_id, StoryKeyRow.event_id)
        .where(StoryKeyRow.key == bindparam(f"key{i}"), StoryKeyRow.date_end >= bindparam("since"),
               StoryKeyRow.date_start <= bindparam("until"))
        .order_by(StoryKeyRow.date_end)
        .limit(bindparam("per_key"))
        .subquery().select()
        for i in range(keys)
    ]).subquery()
    shared = func.count().label("shared")
    hits = (
        select(postings.c.story_id, postings.c.event_id, shared)
        .group_by(postings.c.story_id, postings.c.event_id)
        .order_by(shared.desc(), postings.c.event_id.desc())
        .limit(bindparam("limit"))
        .subquery()
    )
    return select(hits.c.story_id, hits.c.event_id).order_by(hits.c.shared.desc(), hits.c.event_id.desc())


@functools.cache
def story_members_query(*, limited: bool) -> Executable:
    # Newest first, so that a LIMIT keeps the latest.
    query = (select(StoryEventRow.event_id).where(StoryEventRow.story_id == bindparam("story_id"))
             .order_by(StoryEventRow.id.desc()))
    return query.limit(bindparam("newest")) if limited else query


@functools.cache
def member_rows_query() -> Executable:
    return (select(EventRow.id, EventRow.date, EventRow.summary, EventRow.actors, EventRow.places,
                   EventRow.start, EventRow.article_id)
            .where(EventRow.id.in_(bindparam("ids", expanding=True))))


@functools.cache
def insert_story_statement() -> Executable:
    return insert(StoryRow).returning(StoryRow.id)


@functools.cache
def insert_rows_statement(table: type[StoryEventRow] | type[StoryKeyRow]) -> Executable:
    return insert(table)


@functools.cache
def update_story_statement() -> Executable:
    return (update(StoryRow).where(StoryRow.id == bindparam("story_id"))
            .values(date=bindparam("date"), date_start=bindparam("date_start"),
                    date_end=bindparam("date_end"), summary=bindparam("summary"), actors=bindparam("actors"),
                    places=bindparam("places"), words=bindparam("words")))


@functools.cache
def recount_outlets_statement() -> Executable:
    """Set `stories.outlets` of the stories with ids "ids" from their members, in one statement."""
    return (update(StoryRow).where(StoryRow.id.in_(bindparam("ids", expanding=True)))
            .values(outlets=outlet_count()))


def outlet_count() -> ScalarSelect[int]:
    """`Story.corroboration` of the story in the enclosing statement, counted in SQL.

    Python's `outlet or url or id` skips empty strings too, and an id never equals a name, so:
    distinct non-empty outlet-or-url, plus distinct articles that have neither.
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


def light_member(event_id: int, when: str, summary: str, actors: list[str], places: list[str], start: int,
                  article_id: int) -> StoryMember:
    return _cached_member(event_id, when, summary, tuple(actors), tuple(places), start, article_id)


# Ingest reads ~50 members an article, mostly the same as for the article before, and building
# them cost more than the query. Keyed by every value the member holds, so never stale.
@functools.lru_cache(maxsize=1 << 13)
def _cached_member(event_id: int, when: str, summary: str, actors: tuple[str, ...], places: tuple[str, ...],
                   start: int, article_id: int) -> StoryMember:
    # Our own columns: no validation needed.
    return StoryMember.model_construct(
        event_id=event_id, date=when, summary=summary, actors=list(actors), places=list(places), start=start,
        article=ArticleRef.model_construct(id=article_id), score=None, reason=None,
    )
