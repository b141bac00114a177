"""Digest runs: status "unknown", a post whose outcome we could not learn (Slack answered too late).

Such a run is not posted again blindly: a later run looks for its marker in the channel's history
first (handlers.digests). Only the CHECK constraint changes; no row changes on the way up. On the
way down an "unknown" run becomes "claimed" (never retried, which is what "unknown" also meant).

Revision ID: 0016_digest_unknown
Revises: 0015_thread_questions
"""

from __future__ import annotations

from collections.abc import Sequence

from alembic import op

revision: str = "0016_digest_unknown"
down_revision: str | None = "0015_thread_questions"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

NAME = "ck_digest_runs_status"


def _status_check(statuses: str) -> None:
    # A batch rebuilds the table on SQLite, which cannot alter a CHECK; PostgreSQL alters in place.
    with op.batch_alter_table("digest_runs") as batch:
        batch.drop_constraint(op.f(NAME), type_="check")
        batch.create_check_constraint(op.f(NAME), f"status IN ({statuses})")


def upgrade() -> None:
    _status_check("'claimed', 'posted', 'failed', 'unknown'")


def downgrade() -> None:
    op.execute("UPDATE digest_runs SET status = 'claimed' WHERE status = 'unknown'")
    _status_check("'claimed', 'posted', 'failed'")
