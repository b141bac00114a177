"""slack_sdk's installation and OAuth state stores, kept in briefbot's own database.

Bolt's OAuth flow saves what `oauth.v2.access` returns through `InstallationStore.save`, finds a
workspace's bot token for each request with `find_bot`, saves rotated tokens again, and deletes
them on `app_uninstalled` / `tokens_revoked`. The rows are briefbot's own tables (migration 0018),
so one backup and one set of migrations hold everything.
"""

from __future__ import annotations

import logging
import secrets
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from typing import Any

from slack_sdk.oauth.installation_store import Bot, Installation, InstallationStore
from slack_sdk.oauth.state_store import OAuthStateStore

from store.repositories.installations import BOT_COLUMNS, INSTALLATION_COLUMNS, SqlInstallations

logger = logging.getLogger(__name__)


def _when(value: Any) -> datetime | None:
    """slack_sdk hands times as datetimes, epoch seconds or nothing; the tables keep aware UTC."""
    if value is None:
        return None
    if isinstance(value, datetime):
        return value if value.tzinfo else value.replace(tzinfo=UTC)
    return datetime.fromtimestamp(float(value), UTC)


def _scopes(value: Any) -> str | None:
    if value is None:
        return None
    return value if isinstance(value, str) else ",".join(value)


def _record(data: dict[str, Any], columns: tuple[str, ...]) -> dict[str, Any]:
    out = {k: data.get(k) for k in columns}
    for k in ("installed_at", "bot_token_expires_at", "user_token_expires_at"):
        if k in out:
            out[k] = _when(out[k])
    for k in ("bot_scopes", "user_scopes"):
        if k in out:
            out[k] = _scopes(out[k])
    if out.get("installed_at") is None:
        out["installed_at"] = datetime.now(UTC)
    out["is_enterprise_install"] = bool(out.get("is_enterprise_install"))
    return out


def _kwargs(record: dict[str, Any]) -> dict[str, Any]:
    out = {k: v for k, v in record.items() if k != "client_id"}
    for k in ("bot_scopes", "user_scopes"):
        if k in out and out[k] is None:
            out[k] = ""
    return out


class DatabaseInstallationStore(InstallationStore):
    """Installations and bots of one app, in the project's tables."""

    def __init__(self, records: SqlInstallations) -> None:
        self._records = records

    @property
    def logger(self) -> logging.Logger:
        return logger

    def save(self, installation: Installation) -> None:
        data = installation.to_dict()
        self._records.save_installation(_record(data, INSTALLATION_COLUMNS))
        if installation.bot_token:
            self.save_bot(installation.to_bot())

    def save_bot(self, bot: Bot) -> None:
        self._records.save_bot(_record(bot.to_dict(), BOT_COLUMNS))

    def find_bot(
        self, *, enterprise_id: str | None, team_id: str | None, is_enterprise_install: bool | None = False
    ) -> Bot | None:
        found = self._records.find_bot(enterprise_id, team_id, org_wide=bool(is_enterprise_install))
        return None if found is None else Bot(**_kwargs(found))

    def find_installation(
        self,
        *,
        enterprise_id: str | None,
        team_id: str | None,
        user_id: str | None = None,
        is_enterprise_install: bool | None = False,
    ) -> Installation | None:
        found = self._records.find_installation(
            enterprise_id, team_id, user_id=user_id, org_wide=bool(is_enterprise_install)
        )
        if found is None:
            return None
        return Installation(**_kwargs(found))

    def delete_bot(self, *, enterprise_id: str | None, team_id: str | None) -> None:
        self._records.delete_bot(enterprise_id, team_id)

    def delete_installation(
        self, *, enterprise_id: str | None, team_id: str | None, user_id: str | None = None
    ) -> None:
        self._records.delete_installation(enterprise_id, team_id, user_id)

    def delete_all(self, *, enterprise_id: str | None, team_id: str | None) -> None:
        self.delete_bot(enterprise_id=enterprise_id, team_id=team_id)
        self.delete_installation(enterprise_id=enterprise_id, team_id=team_id)


class DatabaseOAuthStateStore(OAuthStateStore):
    """One-time states for the Add to Slack link, kept server side for `expiration_seconds`."""

    def __init__(
        self,
        records: SqlInstallations,
        *,
        expiration_seconds: int = 600,
        clock: Callable[[], datetime] = lambda: datetime.now(UTC),
    ) -> None:
        self._records = records
        self._expiry = timedelta(seconds=expiration_seconds)
        self._clock = clock

    @property
    def logger(self) -> logging.Logger:
        return logger

    def issue(self, *args: Any, **kwargs: Any) -> str:
        state = secrets.token_urlsafe(24)
        self._records.issue_state(state, self._clock() + self._expiry)
        return state

    def consume(self, state: str) -> bool:
        ok = self._records.consume_state(state, self._clock())
        if not ok:
            logger.warning("refused an OAuth redirect with an unknown or expired state")
        return ok
