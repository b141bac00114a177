"""Story indexes for ingest: the key look-up answered from its index, a story's latest members in order.

- story_keys: ingest reads up to 100 postings of each of a new report's ~30 keys. With the story and
  event ids in the index the database answers from the index alone instead of fetching every
  posting's row: on a store of a million facts that was a third of the look-up's time.
- story_events (story_id, id): ingest reads the latest 100 members of each story that gained one.
  With only (story_id), PostgreSQL chose to walk the whole table newest first until it had found
  100 of the story's members: 0.5 s a story by 25k articles.

Revision ID: 0008_story_indexes
Revises: 0007_story_headlines
"""

from __future__ import annotations

from collections.abc import Sequence

from alembic import op

revision: str = "0008_story_indexes"
down_revision: str | None = "0007_story_headlines"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_index(
        "ix_story_keys_lookup", "story_keys", ["key", "date_end", "date_start", "story_id", "event_id"]
    )
    op.drop_index("ix_story_keys_key_date", table_name="story_keys")
    op.create_index("ix_story_events_story_id_id", "story_events", ["story_id", "id"])
    op.drop_index("ix_story_events_story_id", table_name="story_events")


def downgrade() -> None:
    op.create_index("ix_story_events_story_id", "story_events", ["story_id"])
    op.drop_index("ix_story_events_story_id_id", table_name="story_events")
    op.create_index("ix_story_keys_key_date", "story_keys", ["key", "date_end", "date_start"])
    op.drop_index("ix_story_keys_lookup", table_name="story_keys")
