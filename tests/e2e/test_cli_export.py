"""`briefbot export`: the whole result of a question as CSV or JSON Lines, from the demo corpus."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from matplotlib.image import imread

from bot.cli import main
from tests.e2e.cli_support import sqlite_env

Capture = pytest.CaptureFixture[str]


@pytest.fixture
def demo(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: Capture) -> Path:
    sqlite_env(tmp_path, monkeypatch)
    assert main(["demo"]) == 0
    capsys.readouterr()
    return tmp_path


def test_export_quotes_as_csv_holds_more_than_one_page(demo: Path, capsys: Capture) -> None:
    assert main(["ask", "/whosaid"]) == 0
    page = capsys.readouterr().out
    assert "--offset 10" in page  # the answer is paged ...
    assert main(["export", "quotes", "--format", "csv"]) == 0
    out, err = capsys.readouterr()
    rows = list(csv.DictReader(io.StringIO(out)))
    assert len(rows) > 10  # ... the export is not
    assert f"briefbot export: {len(rows)} quotes for everything" in err
    assert {"speaker", "speaker_role", "kind", "outlet", "title", "url", "published"} <= set(rows[0])
    assert {r["kind"] for r in rows} <= {"direct", "indirect", "partial"}
    assert all(r["url"].startswith("https://") and r["published"].startswith("2025-03") for r in rows)


def test_export_figures_as_jsonl_to_a_file(demo: Path, capsys: Capture) -> None:
    target = demo / "ships.jsonl"
    assert main(["export", "figures", "ships", "--format", "jsonl", "--output", str(target)]) == 0
    assert capsys.readouterr().out == ""
    rows = [json.loads(line) for line in target.read_text(encoding="utf-8").splitlines()]
    ships = [r for r in rows if r["unit"] == "ship"]
    assert {(r["outlet"], r["value"], r["bound"]) for r in ships} >= {("Coast Wire", 90.0, ">")}
    assert all(isinstance(r["value"], float) and r["group"] >= 1 for r in rows)


def test_export_events_names_its_file_after_the_query(demo: Path, capsys: Capture) -> None:
    assert main(["export", "events", "Velmora", "--output", "auto"]) == 0
    assert "-> briefbot-events-velmora.csv" in capsys.readouterr().err
    rows = list(csv.DictReader(io.StringIO((demo / "briefbot-events-velmora.csv").read_text("utf-8"))))
    assert rows and all(r["story_id"] and r["event_id"] and r["date"] for r in rows)


def test_export_with_an_unreadable_query_says_what_is_wrong(demo: Path, capsys: Capture) -> None:
    assert main(["export", "quotes", "strike", "limit", "5"]) == 2
    assert "briefbot export: an export holds the whole result" in capsys.readouterr().err


def test_export_figures_as_png_writes_the_chart_slack_would_post(demo: Path, capsys: Capture) -> None:
    assert main(["export", "figures", "ships", "--format", "png", "--output", str(demo / "ships.png")]) == 0
    err = capsys.readouterr().err
    assert "Figures: ships" in err and "Coast Wire over 90 on 8 Mar" in err  # the alt text
    assert imread(str(demo / "ships.png")).shape[1] == 800
    assert main(["export", "quotes", "--format", "png"]) == 2
    assert "draws figures only" in capsys.readouterr().err
