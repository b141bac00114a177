"""The statements story matching runs several times an article, and the members it reads.

Built once each (building a statement cost as much as running it) and run on the session's
connection, past the ORM.
"""

from __future__ import annotations

import functools

from sqlalchemy import Executable, bindparam, case, func, select, text, update
from sqlalchemy.sql.selectable import ScalarSelect

from handlers.domain import ArticleRef, StoryMember
from store.orm import ArticleRow, EventRow, StoryEventRow, StoryRow

# At most this many postings of one key are read for one report.
PER_KEY = 100

# Look-ups are padded to a multiple of this many (key, days) arms with arms that match nothing: a
# statement per exact count (1 to 200) kept that many large prepared statements.
ARMS_STEP = 8

# And a statement reads at most this many: a batch's look-ups read ahead together have ~600, and
# SQLite allows 500 parts to a union (SQLITE_MAX_COMPOUND_SELECT; each arm is three).
MAX_ARMS_SQLITE = 64


@functools.lru_cache(maxsize=32)
def key_postings_sqlite(arms: int) -> str:
    """SQLite: the postings of several (key, days) at once, at most PER_KEY a part.

    Raw SQL with positional parameters: as a SQLAlchemy construct, each size of this union cost
    ~0.7 MB of cached statement objects. Each arm takes, in order: its number, the key, its first
    and last day; then twice its number, the key, a day and its last day, the day being the last of
    the month and then of the year holding its last day (None where that is the last day itself,
    which the first part reads). Rows: arm number, story id, event id.
    """
    # An event's dates are a day, a calendar month or a calendar year, so a member overlapping the
    # days s..u either ends within them or is the month or the year holding u: a bounded index
    # range and two index equalities. "Ends on or after s" read every later posting of the key
    # when the report was about an older day, and "ends after u" did too wherever SQLite had no
    # statistics yet (a new store): both slowed ingest as the store grew. The equalities are two
    # parts, not "IN (?, ?)": SQLite builds a temporary table for every IN list, which doubled the
    # look-up's time on a small store. A key's postings are read nearest the dates first, at most
    # PER_KEY a part: a word every report of the day uses ("prices") would otherwise have every
    # member counted.
    arm = (
        "SELECT ?, story_id, event_id FROM (SELECT story_id, event_id FROM story_keys"
        f" WHERE key = ? AND date_end BETWEEN ? AND ? ORDER BY date_end LIMIT {PER_KEY})"
        " UNION ALL "
        "SELECT ?, story_id, event_id FROM (SELECT story_id, event_id FROM story_keys"
        f" WHERE key = ? AND date_end = ? AND date_start <= ? LIMIT {PER_KEY})"
        " UNION ALL "
        "SELECT ?, story_id, event_id FROM (SELECT story_id, event_id FROM story_keys"
        f" WHERE key = ? AND date_end = ? AND date_start <= ? LIMIT {PER_KEY})"
    )
    return " UNION ALL ".join([arm] * arms)


# PostgreSQL: the same look-up as one fixed statement over a JSON array of [key, first day, last
# day, month end, year end] (an arm is its place in it), so the server plans it once per
# connection (psycopg prepares it) instead of planning a union of 30-odd arms for every article,
# which cost more than running it. Run by `store.postgres_rows`. The month and the year are two
# equalities, as on SQLite: as `date_end IN (month end, year end)`, PostgreSQL planned the list as
# a filter over every posting of the key whenever its statistics were of a small store (10x slower
# ingest, depending on when autovacuum had last analysed the table).
KEY_POSTINGS_POSTGRESQL = f"""
SELECT w.arm, p.story_id, p.event_id
FROM (SELECT (a.n - 1)::integer AS arm, (a.v->>0)::varchar AS key, (a.v->>1)::date AS since,
             (a.v->>2)::date AS until, (a.v->>3)::date AS month_end, (a.v->>4)::date AS year_end
      FROM json_array_elements(%s::json) WITH ORDINALITY AS a(v, n)) AS w
CROSS JOIN LATERAL (
    (SELECT k.story_id, k.event_id FROM story_keys AS k
     WHERE k.key = w.key AND k.date_end BETWEEN w.since AND w.until
     ORDER BY k.date_end
     LIMIT {PER_KEY})
    UNION ALL
    (SELECT k.story_id, k.event_id FROM story_keys AS k
     WHERE k.key = w.key AND k.date_end = w.month_end AND k.date_start <= w.until
     LIMIT {PER_KEY})
    UNION ALL
    (SELECT k.story_id, k.event_id FROM story_keys AS k
     WHERE k.key = w.key AND k.date_end = w.year_end AND k.date_start <= w.until
     LIMIT {PER_KEY})
) AS p
"""


# A story's latest members, newest first (SQLite).
LATEST_MEMBERS_SQLITE = "SELECT event_id FROM story_events WHERE story_id = ? ORDER BY id DESC LIMIT ?"

# Several stories' latest members, newest first, in one statement.
LATEST_MEMBERS_POSTGRESQL = text("""
SELECT s.id, m.event_id
FROM unnest(CAST(:ids AS integer[])) AS s(id)
CROSS JOIN LATERAL (
    SELECT event_id FROM story_events WHERE story_id = s.id ORDER BY id DESC LIMIT :newest
) AS m
""")


@functools.cache
def story_members_query() -> Executable:
    """A story's members, newest first (as the latest-members statements give them)."""
    return (
        select(StoryEventRow.event_id)
        .where(StoryEventRow.story_id == bindparam("story_id"))
        .order_by(StoryEventRow.id.desc())
    )


# PostgreSQL: the events' fields a story member needs, for ids given as one array literal: one
# statement whatever their number, so psycopg prepares it once (an expanding IN was a new
# statement, parsed and planned, at every look-up). Run by `store.postgres_rows`.
MEMBER_ROWS_POSTGRESQL = (
    "SELECT id, date, summary, actors, places, start, article_id FROM events WHERE id = ANY(%s::integer[])"
)


@functools.cache
def update_story_statement() -> Executable:
    return (
        update(StoryRow)
        .where(StoryRow.id == bindparam("story_id"))
        .values(
            date=bindparam("date"),
            date_start=bindparam("date_start"),
            date_end=bindparam("date_end"),
            summary=bindparam("summary"),
            actors=bindparam("actors"),
            places=bindparam("places"),
            words=bindparam("words"),
        )
    )


def outlet_count() -> ScalarSelect[int]:
    """`Story.corroboration` of the story in the enclosing statement, counted in SQL from its members
    (as migration 0007 counted; since 0012 ingest keeps the count by `story_outlets`).

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


def light_member(
    event_id: int, when: str, summary: str, actors: list[str], places: list[str], start: int, article_id: int
) -> StoryMember:
    return _cached_member(event_id, when, summary, tuple(actors), tuple(places), start, article_id)


# Ingest reads ~50 members an article, mostly the same as for the article before, and building
# them cost more than the query. Keyed by every value the member holds, so never stale.
@functools.lru_cache(maxsize=1 << 13)
def _cached_member(
    event_id: int,
    when: str,
    summary: str,
    actors: tuple[str, ...],
    places: tuple[str, ...],
    start: int,
    article_id: int,
) -> StoryMember:
    # Our own columns: no validation needed.
    return StoryMember.model_construct(
        event_id=event_id,
        date=when,
        summary=summary,
        actors=list(actors),
        places=list(places),
        start=start,
        article=ArticleRef.model_construct(id=article_id),
        score=None,
        reason=None,
    )
