"""`--workspace ID`: the CLI acts for one workspace, by default the deployment's own (BRIEFBOT_WORKSPACE)."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.bootstrap import build
from bot.cli import main
from bot.settings import Settings
from handlers.tenancy import ALL_WORKSPACES
from tests.e2e.cli_support import sqlite_env


def test_digests_and_watches_are_kept_under_the_workspace_the_cli_names(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    sqlite_env(tmp_path, monkeypatch)
    monkeypatch.setenv("BRIEFBOT_WORKSPACE", "newsroom")
    assert main(["digest", "set", "C1", "daily", "08:00"]) == 0
    assert main(["digest", "set", "C2", "daily", "09:00", "--workspace", "TOTHER"]) == 0
    assert main(["watch", "add", "harbour", "--channel", "C1"]) == 0
    assert main(["watch", "add", "cranes", "--channel", "C2", "--workspace", "TOTHER"]) == 0
    c = build(Settings())
    try:
        with c.uow().of(ALL_WORKSPACES) as uow:
            assert {s.channel: s.team for s in uow.digests.subscriptions()} == {
                "C1": "newsroom",
                "C2": "TOTHER",
            }
            assert {w.subject: w.team for w in uow.watches.find()} == {
                "harbour": "newsroom",
                "cranes": "TOTHER",
            }  # type: ignore[attr-defined]
    finally:
        c.close()
    capsys.readouterr()
    # Another workspace's watch is no watch to this one: not listed, not removable by id.
    assert main(["watch", "list"]) == 0
    listed = capsys.readouterr().out
    assert "harbour" in listed and "cranes" not in listed
    assert main(["watch", "remove", "2"]) == 2
    assert "No watch 2" in capsys.readouterr().err
    assert main(["watch", "remove", "2", "--workspace", "TOTHER"]) == 0
    # A digest of a shared channel is the naming workspace's own: the other's is not turned off.
    assert main(["digest", "off", "C2"]) == 2
    assert main(["digest", "off", "C2", "--workspace", "TOTHER"]) == 0


def test_ask_takes_the_workspace_to_answer_for(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    sqlite_env(tmp_path, monkeypatch)
    assert main(["ask", "/timeline", "--workspace", "TOTHER"]) == 0
