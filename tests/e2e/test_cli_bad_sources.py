"""The CLI with hostile sources: a bad xmlUrl in an OPML file, a feed item whose link loops."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from bot.cli import main
from tests.e2e.cli_support import container, sqlite_env
from tests.e2e.feed_server import FeedServer, Reply
from tests.e2e.test_cli_sources_and_worker import ARTICLE


@pytest.fixture
def server() -> Iterator[FeedServer]:
    s = FeedServer().start()
    s.serve("/story", ARTICLE, "text/html")
    s.routes["/loop"] = lambda _h: Reply(302, b"", {"Location": "/loop"})
    s.serve(
        "/rss",
        f'<?xml version="1.0"?><rss version="2.0"><channel><title>Arlen Port</title>'
        f"<item><guid>q1</guid><link>{s.url('/story')}</link><title>Quay works finish</title></item>"
        f"<item><guid>q2</guid><link>{s.url('/loop')}</link><title>Loops</title></item>"
        f"</channel></rss>",
    )
    yield s
    s.stop()


def test_one_bad_xml_url_does_not_abort_an_opml_import(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    sqlite_env(tmp_path, monkeypatch)
    opml = tmp_path / "feeds.opml"
    opml.write_text(
        '<opml version="2.0"><body><outline text="A" xmlUrl="https://arlen.example/rss"/>'
        '<outline text="Bad" xmlUrl="http://[::1"/><outline text="Port" xmlUrl="https://arlen.example:99999/rss"/>'
        '<outline text="B" xmlUrl="https://tosk.example/atom"/></body></opml>'
    )
    assert main(["sources", "import", str(opml)]) == 0
    out = capsys.readouterr().out
    assert "2 added, 2 skipped" in out and "skipped http://[::1: not a valid URL" in out
    assert "skipped https://arlen.example:99999/rss: not a valid URL (Port out of range" in out


def test_a_looping_item_link_shows_as_the_sources_last_error_and_the_good_item_is_stored(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], server: FeedServer
) -> None:
    sqlite_env(tmp_path, monkeypatch)
    monkeypatch.setenv("BRIEFBOT_ALLOW_PRIVATE_FETCH", "1")
    opml = tmp_path / "one.opml"
    opml.write_text(
        f'<opml version="2.0"><body><outline text="Arlen" xmlUrl="{server.url("/rss")}"/></body></opml>'
    )
    assert main(["sources", "import", str(opml)]) == 0
    later = (datetime.now(UTC) + timedelta(minutes=1)).isoformat()
    assert main(["sources", "poll", "--now", later], container=container()) == 0
    out = capsys.readouterr().out
    assert "ok: 1 new, 0 seen before, 1 item unreadable: 1 of 2 new items could not be read" in out
    assert main(["sources", "list"]) == 0
    listed = capsys.readouterr().out
    assert "failing (1 failed poll in a row)" in listed
    assert (
        "last error: 1 of 2 new items could not be read; first: " in listed and "too many redirects" in listed
    )
