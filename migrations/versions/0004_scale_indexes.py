"""Indexes that keep the three questions and digests fast with millions of facts.

- articles (published, id): /whosaid and /figures list "newest article first"; with this index the
  database walks articles in that order and stops after one page, instead of sorting every fact.
  PostgreSQL needs the exact direction and NULLS LAST the queries ask for; SQLite reads an index
  either way and puts NULLs last in descending order anyway.
- events (date_start, date_end, id): /timeline's whole ORDER BY, so a broad timeline is read in
  order from the index (the single-column date_start index left a sort of the rest).
- articles (fetched_at): a digest shows facts from articles fetched since the last one.
- stories (date_end, id): /timeline takes the newest stories first, a page of candidates at a time.

Revision ID: 0004_scale_indexes
Revises: 0002_stories
"""

from __future__ import annotations

from collections.abc import Sequence

from alembic import op

revision: str = "0004_scale_indexes"
down_revision: str | None = "0002_stories"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        op.execute("CREATE INDEX ix_articles_published_id ON articles (published DESC NULLS LAST, id DESC)")
    else:
        op.execute("CREATE INDEX ix_articles_published_id ON articles (published, id)")
    op.create_index("ix_events_date_order", "events", ["date_start", "date_end", "id"])
    op.create_index("ix_articles_fetched_at", "articles", ["fetched_at"])
    op.create_index("ix_stories_date_end_id", "stories", ["date_end", "id"])


def downgrade() -> None:
    op.drop_index("ix_stories_date_end_id", table_name="stories")
    op.drop_index("ix_articles_fetched_at", table_name="articles")
    op.drop_index("ix_events_date_order", table_name="events")
    op.drop_index("ix_articles_published_id", table_name="articles")
