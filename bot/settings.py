"""Configuration from the environment (and an optional .env file)."""

from __future__ import annotations

from pydantic import Field, field_validator
from pydantic_settings import BaseSettings, SettingsConfigDict


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_file=".env", env_file_encoding="utf-8", extra="ignore")

    database_url: str = Field(default="sqlite:///briefbot.db", validation_alias="DATABASE_URL")
    slack_bot_token: str | None = Field(default=None, validation_alias="SLACK_BOT_TOKEN")
    slack_signing_secret: str | None = Field(default=None, validation_alias="SLACK_SIGNING_SECRET")
    slack_app_token: str | None = Field(default=None, validation_alias="SLACK_APP_TOKEN")
    slack_api_url: str = Field(default="https://slack.com/api/", validation_alias="SLACK_API_URL")
    admins: str = Field(default="", validation_alias="BRIEFBOT_ADMINS")
    port: int = Field(default=3000, validation_alias="PORT")
    # Fetch from loopback and private networks too (tests, self-hosted feeds); link-local never.
    allow_private_fetch: bool = Field(default=False, validation_alias="BRIEFBOT_ALLOW_PRIVATE_FETCH")
    # An article text longer than this is cut at a paragraph end before extraction, and the ingest
    # result says so (handlers/article_size.py, whose MAX_ARTICLE_CHARS is this default).
    max_article_chars: int = Field(default=200_000, ge=1_000, validation_alias="BRIEFBOT_MAX_ARTICLE_CHARS")

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
    def admin_ids(self) -> frozenset[str]:
        """Slack user ids (comma or space separated in BRIEFBOT_ADMINS)."""
        return frozenset(x for x in self.admins.replace(",", " ").split() if x)
