"""SQLite's query-planner statistics: gathered at start, and again as a running process grows the store.

Without statistics SQLite guesses, and at a million facts a wrong guess (sorting every quote instead
of walking articles newest first) costs a second per question. Statistics gathered when the store
was small mislead it as badly: a worker started on an empty store and ingesting for days kept the
"empty" statistics of its first ANALYZE, and the full-text index's own look-ups slowed quote
inserts tenfold by 50k articles (2.4 ms an article against 0.2 with fresh statistics).
PostgreSQL's autovacuum keeps its own statistics.
"""

from __future__ import annotations

from sqlalchemy import Connection

# Statistics are gathered again once a connection has written this many rows since it last
# gathered them, and at least as many as it had written then: a handful of times as a store grows
# from nothing to millions of rows (every ~100 articles at first, ever more rarely after).
_MIN_CHANGES = 10_000
_CHANGES_AT_LAST_ANALYZE = "briefbot.changes_at_last_analyze"


def refresh_planner_statistics(connection: Connection) -> None:
    """Give SQLite's query planner row counts to choose indexes by (a sampled ANALYZE, a fraction of
    a second at any size)."""
    if connection.dialect.name == "sqlite":
        connection.exec_driver_sql("PRAGMA analysis_limit=400")
        connection.exec_driver_sql("ANALYZE")


def refresh_if_grown(connection: Connection) -> bool:
    """Gather SQLite's statistics again, in the connection's transaction, if it has written enough
    since it last did (the unit of work calls this before committing); whether it did."""
    if connection.dialect.name != "sqlite":
        return False
    pooled = connection.connection
    changes: int = pooled.driver_connection.total_changes  # type: ignore[union-attr]
    last: int = pooled.info.get(_CHANGES_AT_LAST_ANALYZE, 0)
    if changes - last < max(_MIN_CHANGES, last):
        return False
    refresh_planner_statistics(connection)
    pooled.info[_CHANGES_AT_LAST_ANALYZE] = changes
    return True
