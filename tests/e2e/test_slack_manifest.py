"""manifest.yml, Procfile and the app agree: every command the app answers is declared, with the scopes."""

from __future__ import annotations

import re
from pathlib import Path

from bot.settings import Settings
from handlers.catalog import default_registry

ROOT = Path(__file__).resolve().parents[2]


def declared_commands(manifest: str) -> set[str]:
    """The slash commands manifest.yml declares."""
    return set(re.findall(r"^\s*- command: (/\w+)", manifest, re.MULTILINE))


def test_manifest_declares_every_command_scope_and_both_modes() -> None:
    manifest = (ROOT / "manifest.yml").read_text(encoding="utf-8")
    commands = declared_commands(manifest)
    # The slash commands the Slack listeners register: one a root word of the registry's Slack commands.
    assert commands == {f"/{root}" for root in default_registry().roots("slack")}
    scopes = set(re.findall(r"^\s*- ([a-z]+:[a-z.]+|commands)\b", manifest, re.MULTILINE))
    assert {"commands", "chat:write", "chat:write.public", "users:read"} <= scopes
    assert re.search(r"^\s*socket_mode_enabled: (true|false)", manifest, re.MULTILINE)
    urls = re.findall(r"(?:url|request_url): (\S+)", manifest)
    assert len(urls) == 6 and all(u.endswith("/slack/events") for u in urls)
    redirects = manifest.split("redirect_urls:", 1)[1].split("scopes:", 1)[0]
    assert re.findall(r"- (\S+)", redirects) == ["https://briefbot.example.com/slack/oauth_redirect"]
    assert re.search(r"interactivity:\s*\n\s*is_enabled: true", manifest)


def test_manifest_subscribes_the_events_and_enables_the_home_and_messages_tabs() -> None:
    manifest = (ROOT / "manifest.yml").read_text(encoding="utf-8")
    subscriptions = manifest.split("event_subscriptions:", 1)[1].split("interactivity:", 1)[0]
    assert re.search(r"^\s*request_url: \S+/slack/events$", subscriptions, re.MULTILINE)
    events = set(re.findall(r"^\s*- ([a-z_.]+)", subscriptions, re.MULTILINE))
    assert events == {"app_home_opened", "app_mention", "message.im", "app_uninstalled", "tokens_revoked"}
    scopes = set(re.findall(r"^\s*- ([a-z_]+:[a-z.]+)\b", manifest, re.MULTILINE))
    assert {"app_mentions:read", "im:history", "im:read", "im:write", "files:write"} <= scopes
    app_home = manifest.split("app_home:", 1)[1].split("\n  bot_user:", 1)[0]
    for setting in (
        "home_tab_enabled: true",
        "messages_tab_enabled: true",
        "messages_tab_read_only_enabled: false",
    ):
        assert re.search(rf"^\s+{setting}\b", app_home, re.MULTILINE), setting


def test_procfile_runs_migrations_on_release_and_serves_web() -> None:
    lines = (ROOT / "Procfile").read_text(encoding="utf-8").splitlines()
    assert "release: briefbot db upgrade" in lines
    assert "web: briefbot serve" in lines


def test_an_oauth_install_asks_for_the_scopes_the_manifest_declares() -> None:
    manifest = (ROOT / "manifest.yml").read_text(encoding="utf-8")
    bot = manifest.split("    bot:", 1)[1].split("settings:", 1)[0]
    declared = re.findall(r"^\s*- ([a-z_]+:[a-z.]+|commands)\b", bot, re.MULTILINE)
    assert Settings(_env_file=None).scope_list == declared
