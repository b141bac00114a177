"""Stories: events about one happening merged, with the score and reasons of every merge.

Events stored before this revision each become a story of their own (merging happens at ingest).

Revision ID: 0002_stories
Revises: 0001
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0002_stories"
down_revision: str | None = "0001"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "stories",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("date", sa.String(length=10), nullable=False),
        sa.Column("date_start", sa.Date(), nullable=False),
        sa.Column("date_end", sa.Date(), nullable=False),
        sa.Column("summary", sa.Text(), nullable=False),
        sa.Column("actors", sa.JSON(), nullable=False),
        sa.Column("places", sa.JSON(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_stories")),
    )
    op.create_index(op.f("ix_stories_date_start"), "stories", ["date_start"])
    op.create_index(op.f("ix_stories_date_end"), "stories", ["date_end"])
    op.create_table(
        "story_events",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("story_id", sa.Integer(), nullable=False),
        sa.Column("event_id", sa.Integer(), nullable=False),
        sa.Column("score", sa.Float(), nullable=True),
        sa.Column("reason", sa.JSON(), nullable=True),
        sa.Column("added_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["story_id"], ["stories.id"], name=op.f("fk_story_events_story_id_stories"), ondelete="CASCADE"
        ),
        sa.ForeignKeyConstraint(
            ["event_id"], ["events.id"], name=op.f("fk_story_events_event_id_events"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_story_events")),
        sa.UniqueConstraint("event_id", name=op.f("uq_story_events_event_id")),
    )
    op.create_index(op.f("ix_story_events_story_id"), "story_events", ["story_id"])
    # Every event already stored becomes its own story, numbered as the event, so nothing is lost
    # from the timeline; later ingests merge new events into them.
    op.execute(
        "INSERT INTO stories (id, date, date_start, date_end, summary, actors, places, created_at) "
        "SELECT id, date, date_start, date_end, summary, actors, places, CURRENT_TIMESTAMP FROM events"
    )
    op.execute(
        "INSERT INTO story_events (story_id, event_id, added_at) SELECT id, id, CURRENT_TIMESTAMP FROM events"
    )
    if op.get_bind().dialect.name == "postgresql":
        # Explicit ids do not advance the sequence: start it after the last one.
        op.execute(
            "SELECT setval(pg_get_serial_sequence('stories', 'id'), COALESCE(MAX(id), 0) + 1, false) "
            "FROM stories"
        )


def downgrade() -> None:
    op.drop_index(op.f("ix_story_events_story_id"), table_name="story_events")
    op.drop_table("story_events")
    op.drop_index(op.f("ix_stories_date_end"), table_name="stories")
    op.drop_index(op.f("ix_stories_date_start"), table_name="stories")
    op.drop_table("stories")
