"""Drop three indexes that every ingest kept up to date and no query needs.

- story_keys (story_id): stories are never deleted, so nothing looks story keys up by story (the
  look-up index and the event index serve every query and cascade). Ingest writes ~30 story
  keys an article: each paid for this index too.
- events (date_start) and stories (date_end): each is the first column of a wider index
  (ix_events_date_order, ix_stories_date_end_id) that answers the same ranges.

Revision ID: 0009_drop_unused_indexes
Revises: 0008_story_indexes
"""

from __future__ import annotations

from collections.abc import Sequence

from alembic import op

revision: str = "0009_drop_unused_indexes"
down_revision: str | None = "0008_story_indexes"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.drop_index("ix_story_keys_story_id", table_name="story_keys")
    op.drop_index("ix_events_date_start", table_name="events")
    op.drop_index("ix_stories_date_end", table_name="stories")


def downgrade() -> None:
    op.create_index("ix_stories_date_end", "stories", ["date_end"])
    op.create_index("ix_events_date_start", "events", ["date_start"])
    op.create_index("ix_story_keys_story_id", "story_keys", ["story_id"])
