"""PostgreSQL: the full-text (GIN) indexes take new facts into a small pending list.

With `fastupdate = off` (migration 0001) every inserted fact put each of its words into the
index's tree at once: ~100 µs a fact, most of an ingest's time in the database server (a batch of
50 articles: 40 ms for its quotes, 22 ms for its figures). With a pending list, new entries are
appended and merged into the tree a list at a time, sorted by word, at a quarter of the cost.

Searches read the whole pending list besides the tree, so it is kept small: 256 kB (the default
is 4 MB). The list is merged when it outgrows that, or when (auto)vacuum runs. SQLite is
unchanged.

Revision ID: 0010_search_pending_lists
Revises: 0009_drop_unused_indexes
"""

from __future__ import annotations

from collections.abc import Sequence

from alembic import op

revision: str = "0010_search_pending_lists"
down_revision: str | None = "0009_drop_unused_indexes"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

SEARCHABLE_TABLES = ("events", "quotes", "figures")
PENDING_LIST_KB = 256


def upgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        return
    for table in SEARCHABLE_TABLES:
        op.execute(
            f"ALTER INDEX ix_{table}_search_vector "
            f"SET (fastupdate = on, gin_pending_list_limit = {PENDING_LIST_KB})"
        )


def downgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        return
    for table in SEARCHABLE_TABLES:
        # Merge what is pending first: with fastupdate off, nothing would merge it but VACUUM.
        op.execute(f"SELECT gin_clean_pending_list('ix_{table}_search_vector'::regclass)")
        op.execute(f"ALTER INDEX ix_{table}_search_vector SET (fastupdate = off)")
        op.execute(f"ALTER INDEX ix_{table}_search_vector RESET (gin_pending_list_limit)")
