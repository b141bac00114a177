"""One bad item link is that item's failure, not the poll's: the good items are kept, the poll goes on.

A redirect loop, a redirect to a data: URL, a corrupt gzip body or a link no URL parser accepts
(`http://[::1`) used to raise out of poll_source, so every poll of the source crashed on it again.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator

import pytest
from sqlalchemy import Engine, text

from bot.fetch.sources import HttpSourceReader
from handlers.polling import poll_source
from handlers.ports import UnitOfWork
from handlers.tenancy import DEFAULT_WORKSPACE
from store.database import make_session_factory
from store.uow import SqlUnitOfWork
from tests.e2e.cli_support import fake_extract
from tests.e2e.feed_server import FeedServer, Reply
from tests.integration.test_polling import ARTICLE_1, CLOCK, add_source


def feed(*links: tuple[str, str]) -> bytes:
    """Items as (guid, link), with no summary: an item whose link fails has no text to fall back on."""
    items = "".join(
        f"<item><guid>{g}</guid><link>{link}</link><title>{g}</title></item>" for g, link in links
    )
    return (
        f'<?xml version="1.0"?><rss version="2.0"><channel><title>T</title>{items}</channel></rss>'.encode()
    )


@pytest.fixture
def server() -> Iterator[FeedServer]:
    s = FeedServer().start()
    s.serve("/good", ARTICLE_1, "text/html")
    s.routes["/loop"] = lambda _h: Reply(302, b"", {"Location": "/loop"})
    s.routes["/to-data"] = lambda _h: Reply(302, b"", {"Location": "data:text/html,<p>hello</p>"})
    s.routes["/corrupt"] = lambda _h: Reply(
        200,
        b"\x1f\x8b\x08\x00\x00\x00\x00\x00 not deflate at all",
        {"Content-Type": "text/html", "Content-Encoding": "gzip"},
    )
    yield s
    s.stop()


@pytest.fixture
def uow_factory(engine: Engine) -> Callable[[], UnitOfWork]:
    factory = make_session_factory(engine.execution_options(sqlite_begin="BEGIN IMMEDIATE"))
    return lambda: SqlUnitOfWork(factory, workspace=DEFAULT_WORKSPACE)  # type: ignore[return-value]


def test_bad_links_fail_their_items_and_the_good_item_is_stored(
    server: FeedServer, uow_factory: Callable[[], UnitOfWork], engine: Engine
) -> None:
    server.serve(
        "/feed",
        feed(
            ("loop", server.url("/loop")),
            ("data", server.url("/to-data")),
            ("gzip", server.url("/corrupt")),
            ("v6", "http://[::1"),
            ("good", server.url("/good")),
        ),
    )
    source = add_source(uow_factory, server.url("/feed"))
    reader = HttpSourceReader(allow_private=True, sleep=lambda _s: None)
    try:
        report = poll_source(
            source, uow_factory=uow_factory, reader=reader, clock=CLOCK, extractor=fake_extract
        )
        assert (report.status, report.new, report.failed_items) == ("ok", 1, 4)
        assert report.error and report.error.startswith("4 of 5 new items could not be read")
        with uow_factory() as uow:
            stored = uow.sources.get(source.id)
        assert stored is not None and stored.last_error == report.error and stored.consecutive_failures == 1
        with engine.connect() as conn:
            errors = {
                guid: error for guid, error in conn.execute(text("SELECT guid, error FROM source_items"))
            }
        assert errors["good"] is None
        assert "too many redirects" in errors["loop"]
        assert "URL" in errors["data"]  # httpx refuses that Location before any fetch
        assert "gzip data is corrupt" in errors["gzip"]
        assert "not a valid URL" in errors["v6"]

        # The next poll takes nothing again and fetches none of the bad links a second time.
        hits = len(server.hits("/loop"))
        again = poll_source(
            source, uow_factory=uow_factory, reader=reader, clock=CLOCK, extractor=fake_extract
        )
        assert (again.status, again.new, again.failed_items, again.error) == ("ok", 0, 0, None)
        assert len(server.hits("/loop")) == hits
    finally:
        reader.close()


@pytest.mark.parametrize("bad", ["/loop", "/to-data", "/corrupt", "http://[::1"])
def test_each_bad_link_alone_fails_only_its_item(
    server: FeedServer, uow_factory: Callable[[], UnitOfWork], bad: str
) -> None:
    link = bad if bad.startswith("http") else server.url(bad)
    server.serve("/feed", feed(("bad", link), ("good", server.url("/good"))))
    source = add_source(uow_factory, server.url("/feed"))
    reader = HttpSourceReader(allow_private=True, sleep=lambda _s: None)
    try:
        report = poll_source(
            source, uow_factory=uow_factory, reader=reader, clock=CLOCK, extractor=fake_extract
        )
    finally:
        reader.close()
    assert (report.status, report.new, report.failed_items) == ("ok", 1, 1)
    assert report.error and "1 of 2 new items could not be read" in report.error
