"""Source items: `error`, why a poller could not read the item's link (a redirect loop, a bad URL).

One bad item used to end the whole poll; now it is recorded as that item's failure and the poll
goes on. Items seen before this revision have no error (NULL), as none was kept.

Revision ID: 0017_source_item_errors
Revises: 0016_digest_unknown
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0017_source_item_errors"
down_revision: str | None = "0016_digest_unknown"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.add_column("source_items", sa.Column("error", sa.Text(), nullable=True))


def downgrade() -> None:
    op.drop_column("source_items", "error")
