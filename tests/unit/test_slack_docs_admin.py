"""docs/slack.md documents every admin command `/briefbot help` lists (sources, digest, articles, stories)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from bot.slack.render_admin import ADMIN_HELP
from bot.slack.render_stories import STORIES_HELP

DOCS = Path(__file__).resolve().parents[2] / "docs" / "slack.md"
# "/briefbot articles redate ID DATE" -> "/briefbot articles redate": the command without its arguments.
_COMMAND = re.compile(r"/briefbot (?:sources|digest|articles|stories) [a-z]+")


def _listed() -> list[str]:
    return sorted(set(_COMMAND.findall(f"{ADMIN_HELP}\n{STORIES_HELP}")))


def test_the_help_lists_the_articles_commands() -> None:
    assert {f"/briefbot articles {verb}" for verb in ("list", "show", "remove", "redate")} <= set(_listed())


@pytest.mark.parametrize("command", _listed())
def test_docs_admin_section_documents_each_admin_command(command: str) -> None:
    admin = DOCS.read_text(encoding="utf-8").split("## 5. Admin commands", 1)[1].split("\n## ", 1)[0]
    verb = command.split()[-1]
    # In the table as "`/briefbot articles redate ...`", or as a second verb of a row ("/ `redate ...`").
    group = command.split()[1]
    rows = [line for line in admin.splitlines() if line.startswith(f"| `/briefbot {group} ")]
    assert any(
        f"`/briefbot {group} {verb}" in r or f"`{verb}" in r or f"`{group} {verb}" in r for r in rows
    ), command
