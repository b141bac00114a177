"""Story keys: rows of (member event, name or key word, dates) through which ingest finds candidates.

Shared by the stories repository (every new member) and migration 0006 (every member stored before).
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from datetime import date
from typing import Any

import sqlalchemy as sa
from sqlalchemy import Connection

from handlers.story_match import features, match_keys
from store.orm import STORY_KEY_LENGTH

_BACKFILL_CHUNK = 2_000

# The tables as migration 0006 knows them: the backfill must not follow later changes to the ORM.
_events = sa.table(
    "events",
    sa.column("id", sa.Integer),
    sa.column("date", sa.String),
    sa.column("summary", sa.Text),
    sa.column("actors", sa.JSON),
    sa.column("places", sa.JSON),
    sa.column("date_start", sa.Date),
    sa.column("date_end", sa.Date),
)
_links = sa.table("story_events", sa.column("story_id", sa.Integer), sa.column("event_id", sa.Integer))
_keys = sa.table(
    "story_keys",
    sa.column("story_id", sa.Integer),
    sa.column("event_id", sa.Integer),
    sa.column("key", sa.String),
    sa.column("date_start", sa.Date),
    sa.column("date_end", sa.Date),
)


def stored_key(key: str) -> str:
    """The key as stored and looked up (cut to the column's length)."""
    return key[:STORY_KEY_LENGTH]


def key_rows(
    story_id: int, event_id: int, span: tuple[date, date], keys: Sequence[str]
) -> list[dict[str, Any]]:
    """The rows that index one member under its keys."""
    start, end = span
    return [
        {"story_id": story_id, "event_id": event_id, "key": k, "date_start": start, "date_end": end}
        for k in dict.fromkeys(stored_key(k) for k in keys)
    ]


def backfill_story_keys(conn: Connection) -> int:
    """Index every stored story member under its keys; how many rows were written."""
    written = 0
    for rows in _chunks(conn):
        batch: list[dict[str, Any]] = []
        for story_id, event_id, when, summary, actors, places, start, end in rows:
            try:
                keys = match_keys(features(when, summary, actors or [], places or []))
            except ValueError:
                continue  # a date the matcher cannot read: the member can never be matched anyway
            batch += key_rows(story_id, event_id, (start, end), keys)
        if batch:
            conn.execute(_keys.insert(), batch)
            written += len(batch)
    return written


def _chunks(conn: Connection) -> Iterator[Sequence[Any]]:
    # Keyset pages by event id: one pass, bounded memory, on any size of store.
    last = 0
    while True:
        rows = conn.execute(
            sa.select(
                _links.c.story_id,
                _events.c.id,
                _events.c.date,
                _events.c.summary,
                _events.c.actors,
                _events.c.places,
                _events.c.date_start,
                _events.c.date_end,
            )
            .join(_events, _events.c.id == _links.c.event_id)
            .where(_events.c.id > last)
            .order_by(_events.c.id)
            .limit(_BACKFILL_CHUNK)
        ).all()
        if not rows:
            return
        yield rows
        last = rows[-1][1]
