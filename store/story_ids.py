"""Ids for new stories, handed out before their rows are written.

Ingest starts about two stories an article. Inserting each at once, to learn its id, cost a
statement (a round trip on PostgreSQL) a story; with ids known in advance the rows go with the
transaction's other buffered story writes, in one statement.
"""

from __future__ import annotations

from sqlalchemy import Connection, text

# PostgreSQL hands out ids from the table's sequence in blocks that double from 1 up to this: a
# batch of articles needs few round trips, and a transaction that starts one story wastes none
# (a sequence never gives an id back, so what a transaction reserves and does not use is a gap).
_MAX_BLOCK = 32


class StoryIds:
    """The ids of one transaction's new stories."""

    def __init__(self, conn: Connection) -> None:
        self._conn = conn
        self._free: list[int] = []  # reserved, largest first
        self._block = 1
        self._next_local: int | None = None

    def new(self) -> int:
        """An id no other story has or will be given."""
        if self._conn.dialect.name == "postgresql":
            if not self._free:
                self._free = self._reserve(self._block)
                self._block = min(self._block * 2, _MAX_BLOCK)
            return self._free.pop()
        # SQLite: one writer at a time, and the transaction already holds the write lock (it has
        # stored the story's event), so the next id after the largest is ours until it commits.
        if self._next_local is None:
            largest = self._conn.execute(text("SELECT coalesce(max(id), 0) FROM stories")).scalar_one()
            self._next_local = int(largest) + 1
        new_id, self._next_local = self._next_local, self._next_local + 1
        return new_id

    def _reserve(self, n: int) -> list[int]:
        rows = self._conn.execute(
            text("SELECT nextval(pg_get_serial_sequence('stories', 'id')) FROM generate_series(1, :n)"),
            {"n": n})
        return sorted((int(i) for i in rows.scalars()), reverse=True)
