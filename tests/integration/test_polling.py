"""Polling feeds served by a local HTTP server, through the real reader, handler and store."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import UTC, datetime

import pytest
from sqlalchemy import Engine

from bot.fetch.sources import HttpSourceReader
from handlers.domain import FactSearch, Source
from handlers.polling import PollReport, canonical_url, poll_due, poll_source
from handlers.ports import UnitOfWork
from handlers.tenancy import DEFAULT_WORKSPACE
from store.database import make_session_factory
from store.uow import SqlUnitOfWork
from tests.e2e.cli_support import fake_extract
from tests.e2e.feed_server import FeedServer, Reply
from tests.fakes import FixedClock

MAY31 = "Fri, 31 May 2030 08:00:00 GMT"
JUN1 = "Sat, 01 Jun 2030 10:00:00 GMT"
CLOCK = FixedClock(datetime(2030, 6, 1, tzinfo=UTC).date())
LATER = datetime(2031, 1, 1, tzinfo=UTC)


def page(title: str, *paragraphs: str) -> bytes:
    body = "".join(f"<p>{p}</p>" for p in paragraphs)
    return (
        f"<!doctype html><html><head><title>{title}</title></head><body><nav>Home | News</nav>"
        f"<article><h1>{title}</h1>{body}</article><footer>Copyright</footer></body></html>"
    ).encode()


ARTICLE_1 = page(
    "Ferry line reopens",
    *[
        f"The ferry line between Arlen and Tosk reopened on 2030-05-30 after repairs, paragraph {i} said, "
        "and the operator expects 1,200 passengers a day through the summer season."
        for i in range(4)
    ],
)
ARTICLE_2 = page(
    "Bridge tolls to rise",
    *[
        f"Tolls on the Tosk river bridge will rise on 2030-07-01, the council announced in part {i}, "
        "citing maintenance costs of 4,000 euros a week."
        for i in range(4)
    ],
)


def rss(*items: tuple[str, str, str, str]) -> str:
    """Items as (guid, link, title, pubDate)."""
    entries = "".join(
        f"<item><guid>{g}</guid><link>{link}</link><title>{t}</title><pubDate>{d}</pubDate>"
        f"<description>Short summary of {t}.</description></item>"
        for g, link, t, d in items
    )
    head = '<?xml version="1.0"?><rss version="2.0"><channel><title>Tosk Wire</title>'
    return f"{head}{entries}</channel></rss>"


@pytest.fixture
def server() -> Iterator[FeedServer]:
    s = FeedServer().start()
    yield s
    s.stop()


@pytest.fixture
def uow_factory(engine: Engine) -> Callable[[], UnitOfWork]:
    # As the worker does (bot.jobs.writer_uow_factory): polling threads write concurrently.
    factory = make_session_factory(engine.execution_options(sqlite_begin="BEGIN IMMEDIATE"))
    return lambda: SqlUnitOfWork(factory, workspace=DEFAULT_WORKSPACE)  # type: ignore[return-value]


_OPEN: list[HttpSourceReader] = []


@pytest.fixture(autouse=True)
def _close_readers() -> Iterator[None]:
    yield
    while _OPEN:  # pooled sockets left to the garbage collector would warn in some later test
        _OPEN.pop().close()


def reader(**kwargs: object) -> HttpSourceReader:
    kwargs.setdefault("allow_private", True)
    kwargs.setdefault("sleep", lambda _s: None)
    made = HttpSourceReader(**kwargs)  # type: ignore[arg-type]
    _OPEN.append(made)
    return made


def add_source(uow_factory: Callable[[], UnitOfWork], url: str, kind: str = "feed") -> Source:
    with uow_factory() as uow:
        source = uow.sources.add(url, name="Tosk Wire", kind=kind, created_by="U1")
        uow.commit()
    return source


def poll(source_id: int, uow_factory: Callable[[], UnitOfWork], r: HttpSourceReader) -> PollReport:
    with uow_factory() as uow:
        source = uow.sources.get(source_id)
    assert source is not None
    return poll_source(source, uow_factory=uow_factory, reader=r, clock=CLOCK, extractor=fake_extract)


def article_count(uow_factory: Callable[[], UnitOfWork]) -> int:
    with uow_factory() as uow:
        return uow.articles.count()


def test_new_items_are_ingested_once_even_when_the_feed_edits_or_redates_them(
    server: FeedServer, uow_factory: Callable[[], UnitOfWork]
) -> None:
    server.serve("/a1", ARTICLE_1, "text/html")
    server.serve("/a2", ARTICLE_2, "text/html")
    feed = rss(
        ("g1", server.url("/a1?utm_source=rss"), "Ferry line reopens", MAY31),
        ("g2", server.url("/a2"), "Bridge tolls to rise", MAY31),
    )
    server.serve("/feed", feed)
    source = add_source(uow_factory, server.url("/feed"))
    r = reader()
    first = poll(source.id, uow_factory, r)
    assert (first.status, first.new) == ("ok", 2)
    with uow_factory() as uow:
        stored = uow.articles.get_by_url(canonical_url(server.url("/a1?utm_source=rss")))
    assert stored is not None and stored.url == server.url("/a1") and stored.source_id == source.id
    assert (poll(source.id, uow_factory, r).new, article_count(uow_factory)) == (0, 2)
    # Re-dated and retitled under the same GUID; the same link under a new GUID with other tracking.
    server.serve(
        "/feed",
        rss(
            ("g1", server.url("/a1"), "Ferry line reopens (updated)", JUN1),
            ("g2-moved", server.url("/a2?utm_medium=x#top"), "Bridge tolls to rise", JUN1),
        ),
    )
    assert (poll(source.id, uow_factory, r).new, article_count(uow_factory)) == (0, 2)
    assert len(server.hits("/a1")) == 1 and len(server.hits("/a2")) == 1


def test_the_linked_page_gives_the_full_text_and_the_feed_summary_is_the_fallback(
    server: FeedServer, uow_factory: Callable[[], UnitOfWork]
) -> None:
    server.serve("/a1", ARTICLE_1, "text/html")
    server.serve(
        "/feed",
        rss(("g1", server.url("/a1"), "Ferry", MAY31), ("g2", server.url("/gone"), "Gone story", MAY31)),
    )
    source = add_source(uow_factory, server.url("/feed"))
    assert poll(source.id, uow_factory, reader()).new == 2
    with uow_factory() as uow:
        full = uow.articles.get_by_url(server.url("/a1"))
        gone = uow.articles.get_by_url(server.url("/gone"))
    assert full is not None and gone is not None
    assert full.title == "Ferry" and gone.title == "Gone story"
    with uow_factory() as uow:
        events, _ = uow.events.search(FactSearch(limit=50))
    # The dated sentences are in the page only (the feed's summary has none).
    assert events and {e.article.id for e in events} == {full.id}
    assert all("ferry line between Arlen and Tosk" in e.sentence for e in events)


def test_a_304_answer_to_the_stored_validators_ingests_nothing(
    server: FeedServer, uow_factory: Callable[[], UnitOfWork]
) -> None:
    feed = rss(("g1", server.url("/nowhere"), "One", MAY31)).encode()

    def conditional(headers: dict[str, str]) -> Reply:
        if headers.get("if-none-match") == '"v1"':
            return Reply(304, b"", {"ETag": '"v1"'})
        return Reply(
            200, feed, {"Content-Type": "application/rss+xml", "ETag": '"v1"', "Last-Modified": MAY31}
        )

    server.routes["/feed"] = conditional
    source = add_source(uow_factory, server.url("/feed"))
    assert poll(source.id, uow_factory, reader()).new == 1
    second = poll(source.id, uow_factory, reader())
    assert second.status == "not_modified"
    sent = server.hits("/feed")[-1]
    assert sent["if-none-match"] == '"v1"' and sent["if-modified-since"] == MAY31
    assert sent["user-agent"].startswith("briefbot/")
    with uow_factory() as uow:
        stored = uow.sources.get(source.id)
    assert stored is not None and stored.etag == '"v1"' and stored.consecutive_failures == 0


def test_a_malformed_feed_and_a_500_are_recorded_without_stopping_the_other_sources(
    server: FeedServer, uow_factory: Callable[[], UnitOfWork]
) -> None:
    server.serve("/good", rss(("g1", server.url("/nowhere"), "Fine", MAY31)))
    server.serve("/broken", "<rss><channel><item>never closed", "application/rss+xml")
    server.serve("/down", "oops", "text/plain", status=500)
    ids = [add_source(uow_factory, server.url(p)).id for p in ("/broken", "/good", "/down")]
    r = reader(attempts=2)
    for round_ in range(3):
        polled = poll_due(
            now=LATER.replace(hour=round_),
            uow_factory=uow_factory,
            reader=r,
            clock=CLOCK,
            extractor=fake_extract,
        )
        reports = {rep.source_id: rep for rep in polled}
        # Each round polls all three again: the clock says the interval has passed.
        assert set(reports) == set(ids)
    broken, good, down = (reports[i] for i in ids)
    assert good.status == "ok" and not good.unhealthy
    assert broken.status == "failed" and "not a readable feed" in (broken.error or "")
    assert down.status == "failed" and "HTTP 500 after 2 attempts" in (down.error or "")
    assert len(server.hits("/down")) == 3 * 2
    with uow_factory() as uow:
        states = {s.id: s for s in uow.sources.list()}
    assert states[ids[0]].consecutive_failures == 3 and states[ids[2]].last_error == down.error
    assert broken.unhealthy and down.unhealthy
    assert article_count(uow_factory) == 1


@pytest.mark.parametrize("declared", [True, False], ids=["content-length", "no-length"])
def test_an_oversized_response_is_cut_off(
    server: FeedServer, uow_factory: Callable[[], UnitOfWork], declared: bool
) -> None:
    huge = rss(*[(f"g{i}", server.url(f"/x{i}"), f"Item {i}", MAY31) for i in range(2000)]).encode()
    server.routes["/huge"] = lambda _h: Reply(200, huge, {"Content-Type": "application/rss+xml"}, declared)
    source = add_source(uow_factory, server.url("/huge"))
    report = poll(source.id, uow_factory, reader(max_bytes=4096))
    expected = "too large" if declared else "too large (over 4,096 bytes)"
    assert report.status == "failed" and expected in (report.error or "")
    assert article_count(uow_factory) == 0


def test_a_source_on_a_private_address_is_refused_unless_allowed(
    server: FeedServer, uow_factory: Callable[[], UnitOfWork]
) -> None:
    server.serve("/feed", rss(("g1", server.url("/nowhere"), "One", MAY31)))
    source = add_source(uow_factory, server.url("/feed"))
    refused = poll(source.id, uow_factory, reader(allow_private=False))
    assert refused.status == "failed" and "private or local address" in (refused.error or "")
    assert server.hits("/feed") == []
    assert poll(source.id, uow_factory, reader(allow_private=True)).new == 1


def test_a_source_is_polled_on_its_own_interval(uow_factory: Callable[[], UnitOfWork]) -> None:
    from handlers.admin import AdminError
    from handlers.polling import set_poll_interval

    source = add_source(uow_factory, "https://hourly.example/rss")
    hourly = set_poll_interval(source.id, 60, actor="U1", uow_factory=uow_factory, clock=CLOCK)
    assert hourly.interval_minutes == 60
    with pytest.raises(AdminError, match="5 to"):
        set_poll_interval(source.id, 1, actor="U1", uow_factory=uow_factory, clock=CLOCK)
    with uow_factory() as uow:
        uow.sources.record_poll(source.id, at=LATER)  # type: ignore[attr-defined]
        uow.commit()
        due_soon = uow.sources.due(LATER.replace(minute=30))  # type: ignore[attr-defined]
        due_later = uow.sources.due(LATER.replace(hour=1))  # type: ignore[attr-defined]
        actions = [a.action for a in uow.audit.recent()]
    assert due_soon == [] and [s.id for s in due_later] == [source.id]
    assert actions == ["sources.interval"]


def test_a_long_feed_is_read_a_few_items_per_poll_until_all_are_in(
    server: FeedServer, uow_factory: Callable[[], UnitOfWork]
) -> None:
    feed = rss(*[(f"g{i}", server.url(f"/gone{i}"), f"Story {i}", MAY31) for i in range(5)]).encode()
    fresh = Reply(200, feed, {"Content-Type": "application/rss+xml", "ETag": '"v"'})
    server.routes["/feed"] = lambda h: Reply(304, b"") if h.get("if-none-match") == '"v"' else fresh
    source = add_source(uow_factory, server.url("/feed"))
    r = reader()
    counts = []
    for _ in range(4):
        with uow_factory() as uow:
            current = uow.sources.get(source.id)
        assert current is not None
        report = poll_source(
            current, uow_factory=uow_factory, reader=r, clock=CLOCK, extractor=fake_extract, max_new=2
        )
        counts.append((report.status, report.new))
    # The validators are kept back until every item is in, so the unchanged feed is not a 304 too early.
    assert counts == [("ok", 2), ("ok", 2), ("ok", 1), ("not_modified", 0)]
    assert article_count(uow_factory) == 5
