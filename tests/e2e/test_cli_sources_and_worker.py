"""The CLI around sources and digests: OPML import/export, `worker --once` polling a local feed,
`digest set`, `digest preview` and `digest runs`."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from bot.cli import main
from tests.e2e.cli_support import container, sqlite_env
from tests.e2e.feed_server import FeedServer

ARTICLE = (
    "<!doctype html><html><head><title>Quay works finish</title></head><body><article>"
    + "<p>Repairs to the north quay at Arlen finished on 2030-05-29, the port said, and 40 ships "
    "are expected next week as traffic returns to normal after the long closure.</p>"
    * 4
    + "</article></body></html>"
)


@pytest.fixture
def server() -> Iterator[FeedServer]:
    s = FeedServer().start()
    s.serve("/story", ARTICLE, "text/html")
    s.serve(
        "/rss",
        f'<?xml version="1.0"?><rss version="2.0"><channel><title>Arlen Port</title>'
        f"<item><guid>q1</guid><link>{s.url('/story')}</link><title>Quay works finish</title>"
        f"<pubDate>Thu, 30 May 2030 08:00:00 GMT</pubDate></item></channel></rss>",
    )
    yield s
    s.stop()


def test_opml_import_then_export_lists_the_same_feeds(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    sqlite_env(tmp_path, monkeypatch)
    opml = tmp_path / "feeds.opml"
    opml.write_text(
        '<opml version="2.0"><body><outline text="Arlen" xmlUrl="https://arlen.example/rss"/>'
        '<outline text="Tosk" xmlUrl="https://tosk.example/atom"/></body></opml>'
    )
    assert main(["sources", "import", str(opml)]) == 0
    assert "2 added, 0 skipped" in capsys.readouterr().out
    assert main(["sources", "import", str(opml)]) == 0
    assert "0 added, 2 skipped" in capsys.readouterr().out
    assert main(["sources", "export"]) == 0
    exported = capsys.readouterr().out
    assert exported.startswith("<?xml") and 'xmlUrl="https://arlen.example/rss"' in exported
    assert 'xmlUrl="https://tosk.example/atom"' in exported


def test_worker_once_polls_a_local_feed_only_when_private_fetching_is_allowed(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], server: FeedServer
) -> None:
    sqlite_env(tmp_path, monkeypatch)
    monkeypatch.delenv("SLACK_BOT_TOKEN", raising=False)
    opml = tmp_path / "one.opml"
    outline = f'<outline text="Arlen" xmlUrl="{server.url("/rss")}"/>'
    opml.write_text(f'<opml version="2.0"><body>{outline}</body></opml>')
    assert main(["sources", "import", str(opml)]) == 0
    assert main(["worker", "--once"], container=container()) == 0
    assert main(["sources", "list"]) == 0
    assert "private or local address" in capsys.readouterr().out
    assert server.hits("/rss") == []

    monkeypatch.setenv("BRIEFBOT_ALLOW_PRIVATE_FETCH", "1")
    assert main(["sources", "poll"], container=container()) == 0
    assert "0 sources polled" in capsys.readouterr().out  # polled a moment ago: not due yet
    later = (datetime.now(UTC) + timedelta(minutes=20)).isoformat()
    assert main(["sources", "poll", "--now", later], container=container()) == 0
    assert "1 new, 0 seen before" in capsys.readouterr().out
    assert len(server.hits("/story")) == 1
    assert main(["digest", "set", "C0CLI", "daily", "07:00", "Europe/Kyiv", "quay"]) == 0
    assert "C0CLI: daily at 07:00 Europe/Kyiv about quay" in capsys.readouterr().out
    assert main(["digest", "preview", "C0CLI"], container=container()) == 0
    preview = capsys.readouterr().out
    assert "Events (newest first):" in preview and "2030-05-29" in preview and "Quay works finish" in preview
    assert main(["digest", "runs"]) == 0
    assert "no digest runs yet" in capsys.readouterr().out


def test_procfile_runs_the_worker() -> None:
    procfile = Path(__file__).resolve().parents[2] / "Procfile"
    assert "worker: briefbot worker" in procfile.read_text(encoding="utf-8").splitlines()


def test_sources_added_paused_resumed_and_removed_from_the_terminal(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], server: FeedServer
) -> None:
    sqlite_env(tmp_path, monkeypatch)
    assert main(["sources", "add", server.url("/rss")]) == 1  # a local address, not allowed by default
    assert "private or local address" in capsys.readouterr().err
    monkeypatch.setenv("BRIEFBOT_ALLOW_PRIVATE_FETCH", "1")
    assert main(["sources", "add", server.url("/rss"), "Arlen", "port"]) == 0
    assert "following #1" in (out := capsys.readouterr().out) and "(feed, 1 item now)" in out
    assert "Arlen port" in out
    assert main(["sources", "add", server.url("/rss")]) == 1
    assert "Already following that URL as source #1" in capsys.readouterr().err
    assert main(["sources", "pause", "1"]) == 0
    assert main(["sources", "list"]) == 0
    assert "#1 feed paused" in capsys.readouterr().out
    assert main(["sources", "resume", "1"]) == 0 and main(["sources", "remove", "1"]) == 0
    assert "resumed #1" in (out := capsys.readouterr().out) and "removed #1" in out
    assert main(["sources", "pause", "7"]) == 1
    assert "No source #7 (sources list shows them)" in capsys.readouterr().err
