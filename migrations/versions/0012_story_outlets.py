"""Story outlets: the names that report each story, which `stories.outlets` counts.

Ingest recounted, for every story that gained members, the distinct outlets of all its reports:
a story reported daily for months was read in full at every batch (~30 µs a report on
PostgreSQL), and ever more of them as the store grew. Now a new member's outlet (else its URL,
else its article) is inserted for its story unless there, and the count grows by what was
inserted. The table is filled from the stored memberships, and every count is taken from it.

Revision ID: 0012_story_outlets
Revises: 0011_story_keys_by_member
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0012_story_outlets"
down_revision: str | None = "0011_story_keys_by_member"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# As `Story.corroboration` counts: the outlet, else the URL (empty ones skipped), else the article.
_NAME = "coalesce(nullif(a.outlet, ''), nullif(a.url, ''))"


def upgrade() -> None:
    op.create_table(
        "story_outlets",
        sa.Column("story_id", sa.Integer(), nullable=False),
        sa.Column("name", sa.Text(), nullable=False),
        sa.Column("article_id", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["story_id"], ["stories.id"], name=op.f("fk_story_outlets_story_id_stories"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("story_id", "name", "article_id", name=op.f("pk_story_outlets")),
    )
    op.execute(
        "INSERT INTO story_outlets (story_id, name, article_id) "
        f"SELECT DISTINCT se.story_id, coalesce({_NAME}, ''), CASE WHEN {_NAME} IS NULL THEN a.id ELSE 0 END "
        "FROM story_events se JOIN events e ON e.id = se.event_id JOIN articles a ON a.id = e.article_id"
    )
    op.execute(
        "UPDATE stories SET outlets = (SELECT count(*) FROM story_outlets o WHERE o.story_id = stories.id)"
    )


def downgrade() -> None:
    op.drop_table("story_outlets")
