"""Events: `scheduled`, set when the article says a happening is to come (a vote on Friday).

Digests and timelines show scheduled happenings apart from past ones, as upcoming. Events stored
before this revision were not told apart: they read as past (false), as they always did.

Revision ID: 0013_event_scheduled
Revises: 0012_story_outlets
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0013_event_scheduled"
down_revision: str | None = "0012_story_outlets"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.add_column("events", sa.Column("scheduled", sa.Boolean(), nullable=False, server_default=sa.false()))


def downgrade() -> None:
    op.drop_column("events", "scheduled")
