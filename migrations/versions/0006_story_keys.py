"""Story keys: each story member's names and key words, dated, so ingest finds candidates by index.

Before this, ingest fetched up to 200 stories of a new report's dates that shared any word with it
(a full-text OR over every event ever stored) and scored all their members: ~170 stories and ~400
members for every article, the largest part of ingest time. With story_keys a report asks for the
members that share one of its names or key words within its dates, which are the only ones that
can merge with it (handlers.story_match.match_keys).

The backfill computes the keys of every stored member with the same function ingest uses.

Revision ID: 0006_story_keys
Revises: 0005_people_surname
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

from store.story_keys import backfill_story_keys

revision: str = "0006_story_keys"
down_revision: str | None = "0005_people_surname"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "story_keys",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("story_id", sa.Integer(), nullable=False),
        sa.Column("event_id", sa.Integer(), nullable=False),
        sa.Column("key", sa.String(length=120), nullable=False),
        sa.Column("date_start", sa.Date(), nullable=False),
        sa.Column("date_end", sa.Date(), nullable=False),
        sa.ForeignKeyConstraint(
            ["story_id"], ["stories.id"], name=op.f("fk_story_keys_story_id_stories"), ondelete="CASCADE"
        ),
        sa.ForeignKeyConstraint(
            ["event_id"], ["events.id"], name=op.f("fk_story_keys_event_id_events"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_story_keys")),
    )
    backfill_story_keys(op.get_bind())
    # Indexes after the backfill: building them once is faster than keeping them up to date row by row.
    op.create_index("ix_story_keys_key_date", "story_keys", ["key", "date_end", "date_start"])
    op.create_index(op.f("ix_story_keys_story_id"), "story_keys", ["story_id"])
    op.create_index(op.f("ix_story_keys_event_id"), "story_keys", ["event_id"])


def downgrade() -> None:
    op.drop_index(op.f("ix_story_keys_event_id"), table_name="story_keys")
    op.drop_index(op.f("ix_story_keys_story_id"), table_name="story_keys")
    op.drop_index("ix_story_keys_key_date", table_name="story_keys")
    op.drop_table("story_keys")
