"""Story keys: keyed by (member event, key), with one foreign key, to the membership.

Ingest writes ~30 story keys an article, and each row paid for a surrogate id and its index, an
index on the event, and two foreign-key checks (the story, the event): on PostgreSQL the checks
alone were over half of a row's cost (a batch's 1,500 keys: 23 ms, 9.6 without the checks).

- The primary key is (event_id, key): an event's keys are distinct (each is written once per
  member), and the key's leading column serves what the event index served (the cascade, a split
  taking an event's keys away).
- One foreign key, to `story_events.event_id` (unique), on delete cascade: a key row belongs to a
  membership. A split deletes the membership and its keys go with it; so do an article's events,
  through their memberships. The story's own key was never used (stories are not deleted).

Rows an earlier bug could have left (a key twice, a key whose event is in no story) are dropped
first, so the new keys can be made.

Revision ID: 0011_story_keys_by_member
Revises: 0010_search_pending_lists
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0011_story_keys_by_member"
down_revision: str | None = "0010_search_pending_lists"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    # Correlated EXISTS, each answered by an index (story_events' unique event, story_keys' event
    # index): `NOT IN (subquery)` over millions of rows ran as a nested scan on PostgreSQL once the
    # subquery outgrew work_mem (11 minutes and counting on a 1M-fact store).
    op.execute(
        "DELETE FROM story_keys WHERE NOT EXISTS "
        "(SELECT 1 FROM story_events WHERE story_events.event_id = story_keys.event_id)"
    )
    op.execute(
        "DELETE FROM story_keys WHERE EXISTS "
        "(SELECT 1 FROM story_keys AS twin WHERE twin.event_id = story_keys.event_id "
        "AND twin.key = story_keys.key AND twin.id < story_keys.id)"
    )
    with op.batch_alter_table("story_keys") as batch:
        batch.drop_constraint("fk_story_keys_story_id_stories", type_="foreignkey")
        batch.drop_constraint("fk_story_keys_event_id_events", type_="foreignkey")
        batch.drop_index("ix_story_keys_event_id")
        batch.drop_constraint("pk_story_keys", type_="primary")
        batch.drop_column("id")
        batch.create_primary_key("pk_story_keys", ["event_id", "key"])
        batch.create_foreign_key(
            "fk_story_keys_event_id_story_events",
            "story_events",
            ["event_id"],
            ["event_id"],
            ondelete="CASCADE",
        )


def downgrade() -> None:
    with op.batch_alter_table("story_keys") as batch:
        batch.drop_constraint("fk_story_keys_event_id_story_events", type_="foreignkey")
        batch.drop_constraint("pk_story_keys", type_="primary")
    if op.get_bind().dialect.name == "postgresql":
        op.execute("ALTER TABLE story_keys ADD COLUMN id SERIAL")
    with op.batch_alter_table("story_keys") as batch:
        if op.get_bind().dialect.name != "postgresql":
            batch.add_column(sa.Column("id", sa.Integer(), nullable=True))
        batch.create_primary_key("pk_story_keys", ["id"])
        batch.create_index("ix_story_keys_event_id", ["event_id"])
        batch.create_foreign_key(
            "fk_story_keys_story_id_stories", "stories", ["story_id"], ["id"], ondelete="CASCADE"
        )
        batch.create_foreign_key(
            "fk_story_keys_event_id_events", "events", ["event_id"], ["id"], ondelete="CASCADE"
        )
