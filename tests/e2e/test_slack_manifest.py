"""manifest.yml, Procfile and the app agree: every command the app answers is declared, with the scopes."""

from __future__ import annotations

import re
from pathlib import Path

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
    assert len(urls) == 5 and all(u.endswith("/slack/events") for u in urls)
    assert re.search(r"interactivity:\s*\n\s*is_enabled: true", manifest)


def test_procfile_runs_migrations_on_release_and_serves_web() -> None:
    lines = (ROOT / "Procfile").read_text(encoding="utf-8").splitlines()
    assert "release: briefbot db upgrade" in lines
    assert "web: briefbot serve" in lines
