"""Alerts: watches (a person or a topic, for a channel or a user), their batches and deliveries.

A delivery is one fact claimed for one watch; its unique (watch_id, kind, fact_id) is what makes
a fact posted at most once whatever the number of workers (handlers.alerts).

Revision ID: 0014_alerts
Revises: 0013_event_scheduled
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0014_alerts"
down_revision: str | None = "0013_event_scheduled"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "watches",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=10), nullable=False),
        sa.Column("subject", sa.Text(), nullable=False),
        sa.Column("channel", sa.String(length=50), nullable=True),
        sa.Column("owner", sa.String(length=100), nullable=False),
        sa.Column("team", sa.String(length=50), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("checked_until", sa.DateTime(timezone=True), nullable=True),
        sa.CheckConstraint("kind IN ('person', 'topic')", name=op.f("ck_watches_kind")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_watches")),
    )
    op.create_index(op.f("ix_watches_channel"), "watches", ["channel"])
    op.create_index(op.f("ix_watches_owner"), "watches", ["owner"])
    op.create_table(
        "alert_batches",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("watch_id", sa.Integer(), nullable=False),
        sa.Column("facts", sa.JSON(), nullable=False),
        sa.Column("status", sa.String(length=10), nullable=False),
        sa.Column("attempts", sa.Integer(), nullable=False),
        sa.Column("error", sa.Text(), nullable=True),
        sa.Column("claimed_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("posted_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("message_ts", sa.String(length=50), nullable=True),
        sa.CheckConstraint("status IN ('claimed', 'posted', 'failed')", name=op.f("ck_alert_batches_status")),
        sa.ForeignKeyConstraint(
            ["watch_id"], ["watches.id"], name=op.f("fk_alert_batches_watch_id_watches"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_alert_batches")),
    )
    op.create_index(op.f("ix_alert_batches_watch_id"), "alert_batches", ["watch_id"])
    op.create_table(
        "alert_deliveries",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("watch_id", sa.Integer(), nullable=False),
        sa.Column("batch_id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=10), nullable=False),
        sa.Column("fact_id", sa.Integer(), nullable=False),
        sa.CheckConstraint("kind IN ('event', 'quote', 'figure')", name=op.f("ck_alert_deliveries_kind")),
        sa.ForeignKeyConstraint(
            ["batch_id"],
            ["alert_batches.id"],
            name=op.f("fk_alert_deliveries_batch_id_alert_batches"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["watch_id"],
            ["watches.id"],
            name=op.f("fk_alert_deliveries_watch_id_watches"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_alert_deliveries")),
        sa.UniqueConstraint(
            "watch_id", "kind", "fact_id", name=op.f("uq_alert_deliveries_watch_id_kind_fact_id")
        ),
    )
    op.create_index(op.f("ix_alert_deliveries_batch_id"), "alert_deliveries", ["batch_id"])


def downgrade() -> None:
    op.drop_table("alert_deliveries")
    op.drop_table("alert_batches")
    op.drop_table("watches")
