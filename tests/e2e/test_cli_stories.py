"""`briefbot stories show|split` against a real SQLite database."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.cli import main
from tests.e2e.cli_support import container, sqlite_env

Capture = pytest.CaptureFixture[str]

ARTICLE = """Title: Warehouse fire
Outlet: {outlet}
Published: 2030-06-02

{sentence}
"""
SENTENCES = {
    "Islands Gazette": "A blaze destroyed the Brenn grain warehouse on 2030-06-01.",
    "Pier News": "Fire gutted a grain warehouse in Brenn on 2030-06-01, the mayor said.",
}


def test_cli_shows_a_merged_story_and_splits_a_report_out(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: Capture
) -> None:
    sqlite_env(tmp_path, monkeypatch)
    for outlet, sentence in SENTENCES.items():
        text = ARTICLE.format(outlet=outlet, sentence=sentence)
        (tmp_path / f"{outlet}.txt").write_text(text, encoding="utf-8")
    assert main(["ingest", "Islands Gazette.txt", "Pier News.txt"], container=container()) == 0
    capsys.readouterr()
    assert main(["stories", "show", "1"], container=container()) == 0
    out = capsys.readouterr().out
    assert out.startswith("Story 1 · 2030-06-01 · 2 sources")
    assert "event 1 · Islands Gazette, 2030-06-02" in out and "first report" in out
    assert "event 2 · Pier News, 2030-06-02" in out and "score " in out

    assert main(["stories", "split", "1", "2", "--actor", "ops"], container=container()) == 0
    assert "event 2 is now story 2" in capsys.readouterr().out
    assert main(["ask", "/timeline"], container=container()) == 0
    assert "(2 events)" in capsys.readouterr().out

    assert main(["stories", "split", "1", "1"], container=container()) == 1
    assert "nothing to split" in capsys.readouterr().err
