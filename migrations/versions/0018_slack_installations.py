"""Slack installations, bots and OAuth states: the OAuth install flow's store (many workspaces).

Revision ID: 0018_slack_installations
Revises: 0017_source_item_errors
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0018_slack_installations"
down_revision: str | None = "0017_source_item_errors"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

_ID = 32


def upgrade() -> None:
    op.create_table(
        "slack_installations",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("client_id", sa.String(64), nullable=False),
        sa.Column("app_id", sa.String(_ID)),
        sa.Column("enterprise_id", sa.String(_ID)),
        sa.Column("enterprise_name", sa.Text()),
        sa.Column("enterprise_url", sa.Text()),
        sa.Column("team_id", sa.String(_ID)),
        sa.Column("team_name", sa.Text()),
        sa.Column("user_id", sa.String(_ID), nullable=False),
        sa.Column("is_enterprise_install", sa.Boolean(), nullable=False),
        sa.Column("token_type", sa.String(20)),
        sa.Column("bot_token", sa.Text()),
        sa.Column("bot_id", sa.String(_ID)),
        sa.Column("bot_user_id", sa.String(_ID)),
        sa.Column("bot_scopes", sa.Text()),
        sa.Column("bot_refresh_token", sa.Text()),
        sa.Column("bot_token_expires_at", sa.DateTime(timezone=True)),
        sa.Column("user_token", sa.Text()),
        sa.Column("user_scopes", sa.Text()),
        sa.Column("user_refresh_token", sa.Text()),
        sa.Column("user_token_expires_at", sa.DateTime(timezone=True)),
        sa.Column("incoming_webhook_url", sa.Text()),
        sa.Column("incoming_webhook_channel", sa.Text()),
        sa.Column("incoming_webhook_channel_id", sa.String(_ID)),
        sa.Column("incoming_webhook_configuration_url", sa.Text()),
        sa.Column("installed_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_slack_installations"),
    )
    op.create_index(
        "ix_slack_installations_key",
        "slack_installations",
        ["client_id", "enterprise_id", "team_id", "installed_at"],
    )
    op.create_table(
        "slack_bots",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("client_id", sa.String(64), nullable=False),
        sa.Column("app_id", sa.String(_ID)),
        sa.Column("enterprise_id", sa.String(_ID)),
        sa.Column("enterprise_name", sa.Text()),
        sa.Column("team_id", sa.String(_ID)),
        sa.Column("team_name", sa.Text()),
        sa.Column("bot_token", sa.Text(), nullable=False),
        sa.Column("bot_id", sa.String(_ID), nullable=False),
        sa.Column("bot_user_id", sa.String(_ID), nullable=False),
        sa.Column("bot_scopes", sa.Text()),
        sa.Column("bot_refresh_token", sa.Text()),
        sa.Column("bot_token_expires_at", sa.DateTime(timezone=True)),
        sa.Column("is_enterprise_install", sa.Boolean(), nullable=False),
        sa.Column("installed_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_slack_bots"),
    )
    op.create_index(
        "ix_slack_bots_key", "slack_bots", ["client_id", "enterprise_id", "team_id", "installed_at"]
    )
    op.create_table(
        "slack_oauth_states",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("state", sa.String(200), nullable=False),
        sa.Column("expire_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_slack_oauth_states"),
        sa.UniqueConstraint("state", name="uq_slack_oauth_states_state"),
    )


def downgrade() -> None:
    op.drop_table("slack_oauth_states")
    op.drop_index("ix_slack_bots_key", table_name="slack_bots")
    op.drop_table("slack_bots")
    op.drop_index("ix_slack_installations_key", table_name="slack_installations")
    op.drop_table("slack_installations")
