"""`stories.outlets`, kept by the names that report each story (the story_outlets table).

When events join stories, each one's outlet (else its URL, else its article) is inserted for its
story unless the story has it already, and the story's count goes up by what was inserted: the
same cost whatever the story's size (recounting read every report of every story that grew, and
a story reported daily for months grew at every batch). Where members leave (a split, an
article's facts replaced), the stories' names are rebuilt from their members and counted again.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

from sqlalchemy import (
    ColumnElement,
    Connection,
    ScalarSelect,
    Select,
    bindparam,
    case,
    delete,
    func,
    insert,
    select,
    update,
)
from sqlalchemy.dialects import postgresql, sqlite

from store.orm import ArticleRow, EventRow, StoryEventRow, StoryOutletRow, StoryRow

_COLUMNS = ["story_id", "name", "article_id"]


def count_joined(conn: Connection, event_ids: Sequence[int]) -> None:
    """Count the outlets these events (stored, and just linked to their stories) bring their stories."""
    if not event_ids:
        return
    dialect = postgresql if conn.dialect.name == "postgresql" else sqlite
    new = conn.execute(
        dialect.insert(StoryOutletRow)
        .from_select(_COLUMNS, _names_of(StoryEventRow.event_id.in_(sorted(set(event_ids)))))
        .on_conflict_do_nothing()
        .returning(StoryOutletRow.story_id)
    )
    grown = Counter(new.scalars())
    if grown:
        conn.execute(
            update(StoryRow)
            .where(StoryRow.id == bindparam("sid"))
            .values(outlets=StoryRow.outlets + bindparam("n")),
            [{"sid": s, "n": n} for s, n in sorted(grown.items())],
        )


def recount(conn: Connection, story_ids: Sequence[int]) -> None:
    """Rebuild these stories' names from their members, and count them."""
    if not story_ids:
        return
    ids = sorted(set(story_ids))
    conn.execute(delete(StoryOutletRow).where(StoryOutletRow.story_id.in_(ids)))
    conn.execute(insert(StoryOutletRow).from_select(_COLUMNS, _names_of(StoryEventRow.story_id.in_(ids))))
    conn.execute(update(StoryRow).where(StoryRow.id.in_(ids)).values(outlets=outlet_count()))


def outlet_count() -> ScalarSelect[int]:
    """The stored count of the story in the enclosing statement."""
    return (
        select(func.count())
        .select_from(StoryOutletRow)
        .where(StoryOutletRow.story_id == StoryRow.id)
        .scalar_subquery()
    )


def _names_of(members: ColumnElement[bool]) -> Select[tuple[int, str, int]]:
    """(story id, name, article id) of the chosen memberships: `Story.corroboration`'s
    `outlet or url or id`, as a name with article 0, or "" with the article of neither."""
    name = func.coalesce(func.nullif(ArticleRow.outlet, ""), func.nullif(ArticleRow.url, ""))
    return (
        select(
            StoryEventRow.story_id, func.coalesce(name, ""), case((name.is_(None), ArticleRow.id), else_=0)
        )
        .join(EventRow, EventRow.id == StoryEventRow.event_id)
        .join(ArticleRow, ArticleRow.id == EventRow.article_id)
        .where(members)
        .distinct()
    )
