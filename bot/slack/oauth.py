"""OAuth install for many workspaces: Bolt's flow, with installations in briefbot's database.

`GET /slack/install` shows the Add to Slack page, `GET /slack/oauth_redirect` finishes an install
(the state checked server side and used once); each request is then authorised with its
workspace's bot token (`installation_store_bot_only`), and expiring tokens are refreshed by Bolt
when the app has token rotation on. Org-wide installs on Enterprise Grid are stored by enterprise
id, as Bolt keys them. Off unless SLACK_CLIENT_ID is set: one bot token then serves one workspace.
"""

from __future__ import annotations

from slack_bolt.oauth.oauth_settings import OAuthSettings
from sqlalchemy.orm import Session, sessionmaker

from bot.settings import Settings
from bot.slack.installations import DatabaseInstallationStore, DatabaseOAuthStateStore
from store.repositories.installations import SqlInstallations

INSTALL_PATH = "/slack/install"
REDIRECT_PATH = "/slack/oauth_redirect"
STATE_SECONDS = 600


def oauth_settings(settings: Settings, sessions: sessionmaker[Session]) -> OAuthSettings:
    """Bolt's OAuth settings for SLACK_CLIENT_ID / SLACK_CLIENT_SECRET / SLACK_SCOPES."""
    records = SqlInstallations(sessions, settings.slack_client_id or "")
    return OAuthSettings(
        client_id=settings.slack_client_id,
        client_secret=settings.slack_client_secret,
        scopes=settings.scope_list,
        install_path=INSTALL_PATH,
        redirect_uri_path=REDIRECT_PATH,
        installation_store=DatabaseInstallationStore(records),
        installation_store_bot_only=True,
        state_store=DatabaseOAuthStateStore(records, expiration_seconds=STATE_SECONDS),
        state_expiration_seconds=STATE_SECONDS,
    )
