"""Ids for new rows, handed out before the rows are written.

Ingest starts about two stories and stores about five events an article. Inserting each row at
once, to learn its id, cost a statement (a round trip on PostgreSQL) a row or an article; with
ids known in advance the rows wait and go with the transaction's other writes, one statement a
table at commit.
"""

from __future__ import annotations

from sqlalchemy import Connection, text

# Tables whose ids are handed out here (names are put into SQL, so only these).
_TABLES = frozenset({"stories", "events"})


class RowIds:
    """The ids of one transaction's new rows of one table.

    PostgreSQL hands them out from the table's sequence, in blocks of at least what is asked and
    growing (from `first_block`, doubling up to `max_block`) as the transaction asks again: a
    batch needs few round trips, and a transaction that asks for few wastes few (a sequence never
    gives an id back, so what a transaction reserves and does not use is a gap in the ids, never a
    clash).
    """

    def __init__(self, conn: Connection, table: str, *, max_block: int, first_block: int = 1) -> None:
        if table not in _TABLES:
            raise ValueError(f"ids are not handed out ahead for table {table!r}")
        self._conn = conn
        self._table = table
        self._max_block = max_block
        self._free: list[int] = []  # reserved, largest first
        self._block = first_block
        self._next_local: int | None = None

    def new(self) -> int:
        """An id no other row of the table has or will be given."""
        return self.take(1)[0]

    def reserve(self, n: int) -> None:
        """Make sure the next `n` ids taken need no round trip (PostgreSQL: one now, if any)."""
        if self._conn.dialect.name == "postgresql" and len(self._free) < n:
            self._free = self._reserve(n - len(self._free)) + self._free

    def take(self, n: int) -> list[int]:
        """`n` such ids, ascending."""
        if self._conn.dialect.name == "postgresql":
            if len(self._free) < n:
                self._free = self._reserve(max(n - len(self._free), self._block)) + self._free
                self._block = min(self._block * 2, self._max_block)
            taken = self._free[-n:] if n else []
            del self._free[len(self._free) - n :]
            return taken[::-1]
        # SQLite: one writer at a time, and the transaction already holds the write lock (it has
        # stored the row's article), so the ids after the largest are ours until it commits.
        if self._next_local is None:
            largest = self._conn.execute(text(f"SELECT coalesce(max(id), 0) FROM {self._table}")).scalar_one()
            self._next_local = int(largest) + 1
        first, self._next_local = self._next_local, self._next_local + n
        return list(range(first, first + n))

    def _reserve(self, n: int) -> list[int]:
        sequence = f"pg_get_serial_sequence('{self._table}', 'id')"
        rows = self._conn.execute(text(f"SELECT nextval({sequence}) FROM generate_series(1, :n)"), {"n": n})
        return sorted((int(i) for i in rows.scalars()), reverse=True)
