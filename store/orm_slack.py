"""Slack installations: one row per install (workspace or Enterprise Grid org), its bot, OAuth states.

Written by the OAuth flow (Bolt's `InstallationStore` / `OAuthStateStore`, adapted in
bot/slack/installations.py over store/repositories/installations.py). A workspace is keyed by its
team id, an org-wide install by its enterprise id (team id empty), as Bolt keys them. Tokens are
kept as Slack gives them; the database is the secret store of a deployment.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import Boolean, Index, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from store.orm_base import Base
from store.types import utcnow

_ID = 32  # Slack ids (T…, E…, U…, B…, A…) are short


class SlackInstallationRow(Base):
    """One installation by one user; the latest of a workspace holds its current tokens."""

    __tablename__ = "slack_installations"
    __table_args__ = (
        Index("ix_slack_installations_key", "client_id", "enterprise_id", "team_id", "installed_at"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    client_id: Mapped[str] = mapped_column(String(64))
    app_id: Mapped[str | None] = mapped_column(String(_ID))
    enterprise_id: Mapped[str | None] = mapped_column(String(_ID))
    enterprise_name: Mapped[str | None] = mapped_column(Text)
    enterprise_url: Mapped[str | None] = mapped_column(Text)
    team_id: Mapped[str | None] = mapped_column(String(_ID))
    team_name: Mapped[str | None] = mapped_column(Text)
    user_id: Mapped[str] = mapped_column(String(_ID))
    is_enterprise_install: Mapped[bool] = mapped_column(Boolean, default=False)
    token_type: Mapped[str | None] = mapped_column(String(20))
    bot_token: Mapped[str | None] = mapped_column(Text)
    bot_id: Mapped[str | None] = mapped_column(String(_ID))
    bot_user_id: Mapped[str | None] = mapped_column(String(_ID))
    bot_scopes: Mapped[str | None] = mapped_column(Text)
    bot_refresh_token: Mapped[str | None] = mapped_column(Text)
    bot_token_expires_at: Mapped[datetime | None]
    user_token: Mapped[str | None] = mapped_column(Text)
    user_scopes: Mapped[str | None] = mapped_column(Text)
    user_refresh_token: Mapped[str | None] = mapped_column(Text)
    user_token_expires_at: Mapped[datetime | None]
    incoming_webhook_url: Mapped[str | None] = mapped_column(Text)
    incoming_webhook_channel: Mapped[str | None] = mapped_column(Text)
    incoming_webhook_channel_id: Mapped[str | None] = mapped_column(String(_ID))
    incoming_webhook_configuration_url: Mapped[str | None] = mapped_column(Text)
    installed_at: Mapped[datetime] = mapped_column(default=utcnow)


class SlackBotRow(Base):
    """A workspace's (or org's) bot and its token; rotated tokens are saved as a new row."""

    __tablename__ = "slack_bots"
    __table_args__ = (Index("ix_slack_bots_key", "client_id", "enterprise_id", "team_id", "installed_at"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    client_id: Mapped[str] = mapped_column(String(64))
    app_id: Mapped[str | None] = mapped_column(String(_ID))
    enterprise_id: Mapped[str | None] = mapped_column(String(_ID))
    enterprise_name: Mapped[str | None] = mapped_column(Text)
    team_id: Mapped[str | None] = mapped_column(String(_ID))
    team_name: Mapped[str | None] = mapped_column(Text)
    bot_token: Mapped[str] = mapped_column(Text)
    bot_id: Mapped[str] = mapped_column(String(_ID))
    bot_user_id: Mapped[str] = mapped_column(String(_ID))
    bot_scopes: Mapped[str | None] = mapped_column(Text)
    bot_refresh_token: Mapped[str | None] = mapped_column(Text)
    bot_token_expires_at: Mapped[datetime | None]
    is_enterprise_install: Mapped[bool] = mapped_column(Boolean, default=False)
    installed_at: Mapped[datetime] = mapped_column(default=utcnow)


class SlackOAuthStateRow(Base):
    """A state handed to the Add to Slack link, consumed once by the redirect before it expires."""

    __tablename__ = "slack_oauth_states"

    id: Mapped[int] = mapped_column(primary_key=True)
    state: Mapped[str] = mapped_column(String(200), unique=True)
    expire_at: Mapped[datetime]
