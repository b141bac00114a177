"""`briefbot watch add|list|remove|run`: the operator's side of alerts, posting to the fake Slack."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.cli import main
from tests.e2e.cli_support import sqlite_env
from tests.e2e.fake_slack import FakeSlack

ARTICLE = (
    "Talks to end the Tosk harbour strike failed on Thursday, 5 March 2026. “Nobody leaves the quay,” "
    "Maria Okafor told reporters."
)


def test_the_cli_sets_lists_runs_and_removes_a_watch(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    sqlite_env(tmp_path, monkeypatch)
    fake = FakeSlack().start()
    try:
        monkeypatch.setenv("SLACK_BOT_TOKEN", "xoxb-cli")
        monkeypatch.setenv("SLACK_API_URL", fake.api_url)
        assert main(["watch", "add", "harbour", "strike", "--channel", "C0CLI"]) == 0
        assert "watching: 1 topic 'harbour strike' -> C0CLI" in capsys.readouterr().out
        assert main(["watch", "add", "harbour", "strike", "--channel", "C0CLI"]) == 2
        assert "Already watching" in capsys.readouterr().err
        article = tmp_path / "talks.txt"
        article.write_text(ARTICLE, encoding="utf-8")
        assert main(["ingest", str(article), "--title", "Talks fail"]) == 0
        capsys.readouterr()
        assert main(["watch", "run"]) == 0
        assert "watch 1 -> C0CLI: " in capsys.readouterr().out
        [post] = fake.api_calls("chat.postMessage")
        assert post.body["channel"] == "C0CLI" and post.body["text"].startswith("New on harbour strike")
        assert main(["watch", "run"]) == 0
        assert capsys.readouterr().out == "" and len(fake.api_calls("chat.postMessage")) == 1
        assert main(["watch", "list"]) == 0
        assert "1 topic 'harbour strike' -> C0CLI" in capsys.readouterr().out
        assert main(["watch", "remove", "1"]) == 0
        assert main(["watch", "list"]) == 0
        assert capsys.readouterr().out.endswith("no watches\n")
    finally:
        fake.stop()
