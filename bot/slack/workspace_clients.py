"""The worker's Web clients, one a workspace: digests and alerts post with their workspace's token.

With one bot token (SLACK_BOT_TOKEN) every digest and alert is the one workspace's and posts with
it. With OAuth (SLACK_CLIENT_ID) the installations say which workspaces have a bot: a workspace's
key (bot.slack.workspace) is its team id, or its enterprise id for an org-wide install; a token
about to expire is refreshed first (token rotation) and saved. A workspace with no installation
(uninstalled, never installed, or a digest made before workspaces were recorded) has no client:
its digests and alerts are skipped by the handlers, and logged.
"""

from __future__ import annotations

import logging
from collections.abc import Callable

from slack_sdk import WebClient
from slack_sdk.oauth.installation_store import Bot
from slack_sdk.oauth.token_rotation import TokenRotator

from bot.settings import Settings
from bot.slack.installations import DatabaseInstallationStore
from bot.slack.workspace import workspace_key
from store.repositories.installations import SqlInstallations

logger = logging.getLogger(__name__)

# Refresh a rotating token this long before it expires (a digest run must not outlive it).
ROTATE_MINUTES = 120


class WorkspaceClients:
    """Web clients by workspace key, read from the installations once (one worker run)."""

    def __init__(
        self,
        settings: Settings,
        make_client: Callable[[str], WebClient],
        *,
        installations: SqlInstallations | None = None,
    ) -> None:
        self._settings = settings
        self._make_client = make_client
        self._records = installations
        self._clients: dict[str, WebClient] | None = None

    def client_for(self, workspace: str | None) -> WebClient | None:
        """The client posting for `workspace`; None when it has no bot to post with."""
        if not self._settings.oauth_enabled:
            token = self._settings.slack_bot_token
            return self._one(token) if token else None
        if self._clients is None:
            self._clients = self._load()
        return self._clients.get(workspace or "")

    def _one(self, token: str) -> WebClient:
        if self._clients is None:
            self._clients = {"": self._make_client(token)}
        return self._clients[""]

    def _load(self) -> dict[str, WebClient]:
        if self._records is None:
            raise ValueError("OAuth mode needs the installations to find each workspace's token")
        store = DatabaseInstallationStore(self._records)
        clients: dict[str, WebClient] = {}
        for enterprise_id, team_id in self._records.teams():
            org_wide = team_id is None and enterprise_id is not None
            bot = store.find_bot(enterprise_id=enterprise_id, team_id=team_id, is_enterprise_install=org_wide)
            key = workspace_key(enterprise_id, team_id, org_wide)
            if bot is None or not key or not bot.bot_token:
                continue
            bot = self._fresh(bot, store)
            clients[key] = self._make_client(bot.bot_token)
        return clients

    def _fresh(self, bot: Bot, store: DatabaseInstallationStore) -> Bot:
        """The bot with a token good for a while: refreshed (and saved) when it rotates and expires soon."""
        if not bot.bot_refresh_token or not self._settings.slack_client_secret:
            return bot
        rotator = TokenRotator(
            client_id=self._settings.slack_client_id or "",
            client_secret=self._settings.slack_client_secret,
            client=WebClient(base_url=self._settings.slack_api_url),
        )
        try:
            refreshed = rotator.perform_bot_token_rotation(bot=bot, minutes_before_expiration=ROTATE_MINUTES)
        except Exception:
            # The old token may still work; if not, the post fails and is retried next run.
            logger.exception("refreshing the bot token of %s/%s failed", bot.enterprise_id, bot.team_id)
            return bot
        if refreshed is None:
            return bot
        store.save_bot(refreshed)
        return refreshed
