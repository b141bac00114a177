"""Which Slack settings each mode needs, and a message that names the missing ones."""

from __future__ import annotations

from typing import Literal

from bot.settings import Settings

Mode = Literal["http", "socket"]

_WHERE = {
    "SLACK_BOT_TOKEN": "the Bot User OAuth Token (xoxb-...) under OAuth & Permissions",
    "SLACK_SIGNING_SECRET": "the Signing Secret under Basic Information > App Credentials",
    "SLACK_APP_TOKEN": "an app-level token (xapp-...) with connections:write, under Basic Information",
    "SLACK_CLIENT_SECRET": "the Client Secret under Basic Information > App Credentials",
}


class SlackSettingsError(RuntimeError):
    """Slack settings are missing; the message says which environment variables to set."""


def missing_settings(settings: Settings, mode: Mode) -> list[str]:
    """Names of the environment variables `mode` needs and that are not set."""
    if settings.oauth_enabled and mode == "http":
        # Each workspace's token comes from its installation: no SLACK_BOT_TOKEN.
        needed = {"SLACK_CLIENT_SECRET": settings.slack_client_secret}
        needed["SLACK_SIGNING_SECRET"] = settings.slack_signing_secret
        return [name for name, value in needed.items() if not value]
    needed = {"SLACK_BOT_TOKEN": settings.slack_bot_token}
    if mode == "http":
        needed["SLACK_SIGNING_SECRET"] = settings.slack_signing_secret
    else:
        needed["SLACK_APP_TOKEN"] = settings.slack_app_token
    return [name for name, value in needed.items() if not value]


def require_settings(settings: Settings, mode: Mode) -> None:
    """Raise SlackSettingsError naming each missing variable and where to find its value."""
    missing = missing_settings(settings, mode)
    if missing:
        lines = [f"  {name}: {_WHERE[name]}" for name in missing]
        raise SlackSettingsError(
            f"Slack is not configured for {mode} mode; set these environment variables (or .env):\n"
            + "\n".join(lines)
        )
