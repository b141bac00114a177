"""Rows of ingest's hottest SQLite reads, fetched by the driver itself.

Story matching reads ~1,000 postings and ~100 members an article. Through SQLAlchemy every row
goes through a fetch strategy and a row processor, and an expanding `IN` is compiled again for
every list: together more than SQLite took to find the rows.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Any

from sqlalchemy import Connection

# An event's fields as a story member needs them, for event ids given as one JSON array: one
# statement whatever the number of ids (SQLite's statement cache keeps it prepared).
MEMBER_ROWS_SQLITE = (
    "SELECT id, date, summary, actors, places, start, article_id FROM events"
    " WHERE id IN (SELECT value FROM json_each(?))"
)


def sqlite_rows(conn: Connection, sql: str, params: Sequence[Any]) -> list[Any]:
    """The rows of one SQLite statement (qmark parameters), run on the connection's transaction."""
    cursor = conn.connection.driver_connection.execute(sql, params)  # type: ignore[union-attr]
    try:
        return cursor.fetchall()  # type: ignore[no-any-return]
    finally:
        cursor.close()


def member_rows_sqlite(conn: Connection, event_ids: Sequence[int]) -> list[tuple[Any, ...]]:
    """(id, date, summary, actors, places, start, article_id) of these events, JSON lists decoded."""
    return [
        (i, when, summary, json.loads(actors), json.loads(places), start, article_id)
        for i, when, summary, actors, places, start, article_id in sqlite_rows(
            conn, MEMBER_ROWS_SQLITE, (json.dumps(list(event_ids)),)
        )
    ]
