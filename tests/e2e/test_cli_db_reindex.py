"""`briefbot db reindex`: rows stored under older search rules are found again, and it says how many."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import update

from bot.bootstrap import build
from bot.cli import main
from bot.settings import Settings
from store.orm import EventRow, FigureRow, QuoteRow
from tests.e2e.cli_support import sqlite_env


def test_db_reindex_refreshes_stale_search_text_and_reports_the_count(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    url = sqlite_env(tmp_path, monkeypatch)
    article = tmp_path / "quarry.txt"
    article.write_text(
        "Title: Quarry closes\nPublished: 2031-06-02\n\n"
        "The Brinkdal quarry closed on 30 May 2031 after 80 years, cutting 120 jobs. "
        '"We had no buyer," said Halvard Brink, the owner.\n',
        encoding="utf-8",
    )
    c = build(Settings())  # the real extractor: an event, a quote and a figure
    assert main(["ingest", str(article)], container=c) == 0
    with c.engine.begin() as conn:  # as if stored by a version with other search rules
        for row_type in (EventRow, QuoteRow, FigureRow):
            conn.execute(update(row_type).values(search_text="stale"))
    capsys.readouterr()

    assert main(["db", "reindex"], container=c) == 0
    out = capsys.readouterr().out
    assert out.startswith("refreshed the search text of ") and f"in {url}" in out
    assert "(1 event, 1 quote, " in out and "0 figures" not in out, out

    assert main(["db", "reindex"], container=c) == 0
    assert "nothing refreshed" in capsys.readouterr().out
    for question in ("/timeline Brinkdal", "/whosaid buyer", "/figures jobs"):
        assert main(["ask", question], container=c) == 0
        assert "Nothing found" not in capsys.readouterr().out, question
