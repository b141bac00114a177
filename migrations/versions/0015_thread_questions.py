"""Thread questions: the last question asked in each Slack thread or DM with the bot.

A reply in the thread ("only since Friday", "more", "just the figures") refines it. Kept in the
database, not in a process: the reply may reach another worker, or the same one after a restart.

Revision ID: 0015_thread_questions
Revises: 0014_alerts
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0015_thread_questions"
down_revision: str | None = "0014_alerts"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "thread_questions",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("channel", sa.String(length=50), nullable=False),
        sa.Column("thread", sa.String(length=50), nullable=False),
        sa.Column("command", sa.String(length=10), nullable=False),
        sa.Column("person", sa.Text(), nullable=True),
        sa.Column("topic", sa.JSON(), nullable=False),
        sa.Column("since", sa.Date(), nullable=True),
        sa.Column("until", sa.Date(), nullable=True),
        sa.Column("page_limit", sa.Integer(), nullable=True),
        sa.Column("next_offset", sa.Integer(), nullable=False),
        sa.Column("asked_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_thread_questions")),
        sa.UniqueConstraint("channel", "thread", name=op.f("uq_thread_questions_channel_thread")),
    )
    op.create_index(op.f("ix_thread_questions_asked_at"), "thread_questions", ["asked_at"])


def downgrade() -> None:
    op.drop_index(op.f("ix_thread_questions_asked_at"), table_name="thread_questions")
    op.drop_table("thread_questions")
