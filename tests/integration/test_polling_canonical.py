"""A feed entry's linked page is stored under the page's own link (<link rel=canonical>, og:url),
not the feed's tracking link; over httpx.MockTransport, through the real reader, handler and store."""

from __future__ import annotations

from collections.abc import Callable

import httpx
import pytest
from sqlalchemy import Engine

from bot.fetch.sources import HttpSourceReader
from handlers.polling import canonical_url, poll_source
from handlers.ports import UnitOfWork
from handlers.tenancy import DEFAULT_WORKSPACE
from store.database import make_session_factory
from store.uow import SqlUnitOfWork
from tests.e2e.cli_support import fake_extract
from tests.integration.test_polling import CLOCK, rss

FEED = "https://wire.example/feed.xml"
PARAS = "".join(
    f"<p>The Orvik tram depot flooded on 2030-05-30 after the river rose, report part {i} said, "
    "and 40 trams were moved to higher ground by the operator overnight.</p>"
    for i in range(4)
)


def _page(head: str) -> bytes:
    return (
        f"<!doctype html><html><head><title>Tram depot floods</title>{head}</head>"
        f"<body><article><h1>Tram depot floods</h1>{PARAS}</article></body></html>"
    ).encode()


def _reader(pages: dict[str, bytes]) -> HttpSourceReader:
    def handler(request: httpx.Request) -> httpx.Response:
        url = str(request.url)
        if url == FEED:
            items = [
                (f"g{i}", link, f"Story {i}", "Fri, 31 May 2030 08:00:00 GMT") for i, link in enumerate(pages)
            ]
            return httpx.Response(200, text=rss(*items), headers={"content-type": "application/rss+xml"})
        # The poller asks for the feed's link without its tracking parameters.
        page = next(body for link, body in pages.items() if canonical_url(link) == url)
        return httpx.Response(200, content=page, headers={"content-type": "text/html"})

    return HttpSourceReader(
        client=httpx.Client(transport=httpx.MockTransport(handler)), sleep=lambda _s: None
    )


@pytest.fixture
def uow_factory(engine: Engine) -> Callable[[], UnitOfWork]:
    factory = make_session_factory(engine)
    return lambda: SqlUnitOfWork(factory, workspace=DEFAULT_WORKSPACE)  # type: ignore[return-value]


def _stored_urls(pages: dict[str, bytes], uow_factory: Callable[[], UnitOfWork]) -> list[str | None]:
    with uow_factory() as uow:
        source = uow.sources.add(FEED, name="Orvik Wire", kind="feed", created_by="U1")
        uow.commit()
    reader = _reader(pages)
    try:
        poll_source(source, uow_factory=uow_factory, reader=reader, clock=CLOCK, extractor=fake_extract)
    finally:
        reader.close()
    with uow_factory() as uow:
        return sorted(a.url or "" for a in uow.articles.recent(limit=10))  # type: ignore[misc]


def test_the_linked_page_is_stored_under_its_canonical_url(uow_factory: Callable[[], UnitOfWork]) -> None:
    link = "https://wire.example/r/8812?utm_source=rss"
    canonical = '<link rel="canonical" href="/2030/05/30/tram-depot-floods">'
    assert _stored_urls({link: _page(canonical)}, uow_factory) == [
        "https://wire.example/2030/05/30/tram-depot-floods"
    ]


def test_without_a_canonical_link_the_feed_link_is_kept(uow_factory: Callable[[], UnitOfWork]) -> None:
    link = "https://wire.example/news/tram-depot?utm_source=rss"
    assert _stored_urls({link: _page("")}, uow_factory) == ["https://wire.example/news/tram-depot"]


def test_a_canonical_home_page_is_not_taken_for_the_article(uow_factory: Callable[[], UnitOfWork]) -> None:
    # A template that points every page at the home page: two articles must stay two articles.
    home = '<link rel="canonical" href="https://wire.example/">'
    pages = {"https://wire.example/news/a": _page(home), "https://wire.example/news/b": _page(home + " ")}
    pages["https://wire.example/news/b"] = pages["https://wire.example/news/b"].replace(b"Orvik", b"Selby")
    assert _stored_urls(pages, uow_factory) == ["https://wire.example/news/a", "https://wire.example/news/b"]


def test_read_article_gives_the_page_link() -> None:
    reader = _reader(
        {"https://wire.example/r/1": _page('<meta property="og:url" content="https://wire.example/x/1">')}
    )
    try:
        assert reader.read_article("https://wire.example/r/1").url == "https://wire.example/x/1"
    finally:
        reader.close()
