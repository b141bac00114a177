"""Configuration from the environment (and an optional .env file)."""

from __future__ import annotations

from pydantic import Field, field_validator
from pydantic_settings import BaseSettings, SettingsConfigDict

# The bot scopes manifest.yml asks for, which an OAuth install requests unless SLACK_SCOPES says otherwise.
DEFAULT_BOT_SCOPES = (
    "commands,chat:write,chat:write.public,users:read,files:read,files:write,"
    "app_mentions:read,im:history,im:read,im:write,channels:history,groups:history"
)


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_file=".env", env_file_encoding="utf-8", extra="ignore")

    database_url: str = Field(default="sqlite:///briefbot.db", validation_alias="DATABASE_URL")
    slack_bot_token: str | None = Field(default=None, validation_alias="SLACK_BOT_TOKEN")
    slack_signing_secret: str | None = Field(default=None, validation_alias="SLACK_SIGNING_SECRET")
    slack_app_token: str | None = Field(default=None, validation_alias="SLACK_APP_TOKEN")
    slack_api_url: str = Field(default="https://slack.com/api/", validation_alias="SLACK_API_URL")
    # OAuth install for many workspaces ("Add to Slack"): setting the client id switches it on.
    slack_client_id: str | None = Field(default=None, validation_alias="SLACK_CLIENT_ID")
    slack_client_secret: str | None = Field(default=None, validation_alias="SLACK_CLIENT_SECRET")
    slack_scopes: str = Field(default=DEFAULT_BOT_SCOPES, validation_alias="SLACK_SCOPES")
    admins: str = Field(default="", validation_alias="BRIEFBOT_ADMINS")
    port: int = Field(default=3000, validation_alias="PORT")
    # Fetch from loopback and private networks too (tests, self-hosted feeds); link-local never.
    allow_private_fetch: bool = Field(default=False, validation_alias="BRIEFBOT_ALLOW_PRIVATE_FETCH")
    # Seconds one fetch may take in all: connect, redirects, retries and every read (bot.fetch.http).
    fetch_deadline: float = Field(default=30.0, gt=0, validation_alias="BRIEFBOT_FETCH_DEADLINE")
    # An article text longer than this is cut at a paragraph end before extraction, and the ingest
    # result says so (handlers/article_size.py, whose MAX_ARTICLE_CHARS is this default).
    max_article_chars: int = Field(default=200_000, ge=1_000, validation_alias="BRIEFBOT_MAX_ARTICLE_CHARS")
    # The single-token deployment's one workspace (handlers.tenancy); the CLI's unless --workspace.
    workspace: str = Field(
        default="default", min_length=1, max_length=50, validation_alias="BRIEFBOT_WORKSPACE"
    )

    @field_validator("database_url")
    @classmethod
    def _sqlalchemy_url(cls, url: str) -> str:
        # Hosting platforms hand out postgres:// URLs; SQLAlchemy wants the driver named.
        for prefix in ("postgres://", "postgresql://"):
            if url.startswith(prefix):
                return "postgresql+psycopg://" + url[len(prefix) :]
        return url

    @field_validator("slack_api_url")
    @classmethod
    def _trailing_slash(cls, url: str) -> str:
        return url if url.endswith("/") else url + "/"

    @property
    def oauth_enabled(self) -> bool:
        """Many workspaces install the app with OAuth (SLACK_CLIENT_ID set) instead of one bot token."""
        return bool(self.slack_client_id)

    @property
    def scope_list(self) -> list[str]:
        """SLACK_SCOPES as a list (comma or space separated)."""
        return [x for x in self.slack_scopes.replace(",", " ").split() if x]

    @property
    def admin_ids(self) -> frozenset[str]:
        """Slack user ids (comma or space separated in BRIEFBOT_ADMINS)."""
        return frozenset(x for x in self.admins.replace(",", " ").split() if x)
