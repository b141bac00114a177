"""Polling sources: each due source is read (conditionally), and only items never seen are ingested.

An item is "seen" by its key in source_items (the feed's GUID, else its canonical URL), and an
article already stored under the same canonical URL or the same text (content hash) is not stored
again: a feed that re-dates or edits an item, or moves it to a new GUID, adds nothing. The reading
itself (HTTP, feedparser, trafilatura) is behind the `SourceReader` port, in bot/fetch/sources.py.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from datetime import date, datetime
from typing import Literal, Protocol, cast
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

from pydantic import BaseModel, ConfigDict, Field

from handlers.admin import AdminError
from handlers.domain import Source
from handlers.ingest import Extractor, content_hash, ingest_batch
from handlers.ports import Clock, SourcePolling, UnitOfWork
from handlers.results import IngestArticle
from handlers.tenancy import ALL_WORKSPACES, DEFAULT_WORKSPACE

log = logging.getLogger(__name__)

UNHEALTHY_AFTER = 3  # consecutive failed polls
MAX_NEW_PER_POLL = 30  # articles fetched per source and poll; the rest wait for the next poll
MIN_INTERVAL, MAX_INTERVAL = 5, 7 * 24 * 60  # minutes: no hammering, and at least weekly
_TRACKING = (
    "utm_",
    "fbclid",
    "gclid",
    "dclid",
    "msclkid",
    "mc_cid",
    "mc_eid",
    "_hsenc",
    "_hsmi",
    "igshid",
    "yclid",
    "cmpid",
    "ocid",
)


class _Model(BaseModel):
    model_config = ConfigDict(frozen=True)


class FeedItem(_Model):
    """One entry of a feed (or the page itself, for a page source)."""

    guid: str | None = None
    url: str | None = None
    title: str | None = None
    published: date | None = None
    text: str = ""  # the feed's own content or summary, as plain text


class SourceSnapshot(_Model):
    status: Literal["fresh", "not_modified"]
    items: list[FeedItem] = Field(default_factory=list)
    etag: str | None = None
    last_modified: str | None = None


class ArticleText(_Model):
    text: str
    title: str | None = None
    outlet: str | None = None
    published: date | None = None
    url: str | None = None  # the page's own link (its canonical URL), when the text was read from the page


class SourceFetchError(Exception):
    """Reading a source failed (HTTP error, timeout, malformed feed, too large); the message says how."""


class SourceReader(Protocol):
    def read_source(self, source: Source) -> SourceSnapshot:
        """Fetch the source with its stored validators (ETag, Last-Modified). Raises SourceFetchError."""
        ...

    def read_article(self, url: str) -> ArticleText:
        """The full text of the article at `url`. Raises SourceFetchError."""
        ...


class PollReport(_Model):
    """One source's poll. `failed_items`: new items whose link could not be read (the rest were kept);
    "stopped": the worker was stopping, nothing was recorded and the source stays due."""

    source_id: int
    url: str
    status: Literal["ok", "not_modified", "failed", "stopped"]
    new: int = 0
    skipped: int = 0
    failed_items: int = 0
    error: str | None = None
    unhealthy: bool = False


def is_unhealthy(source: Source) -> bool:
    """A source that failed its last UNHEALTHY_AFTER polls in a row."""
    return source.consecutive_failures >= UNHEALTHY_AFTER


def canonical_url(url: str) -> str:
    """The URL without fragment and tracking parameters (utm_*, fbclid, ...); scheme and host lowercased."""
    parts = urlsplit(url.strip())
    query = [
        (k, v)
        for k, v in parse_qsl(parts.query, keep_blank_values=True)
        if not k.lower().startswith(_TRACKING)
    ]
    return urlunsplit((parts.scheme.lower(), parts.netloc.lower(), parts.path or "/", urlencode(query), ""))


def poll_source(
    source: Source,
    *,
    uow_factory: Callable[[], UnitOfWork],
    reader: SourceReader,
    clock: Clock,
    extractor: Extractor,
    max_new: int = MAX_NEW_PER_POLL,
    should_stop: Callable[[], bool] = lambda: False,
) -> PollReport:
    """Read one source and ingest its new items; the poll (and any error) is recorded on the source.

    An item whose link cannot be read is that item's failure (recorded with it, and summed up as
    the source's last error): the other items are kept. When `should_stop` turns true (the worker
    is stopping) the poll ends at once, recording nothing: the source stays due.
    """
    try:
        snapshot = reader.read_source(source)
    except SourceFetchError as exc:
        if should_stop():
            return _stopped(source)
        return _record(source, uow_factory, clock, error=str(exc) or type(exc).__name__)
    except Exception as exc:  # a bug in reading one source must not stop the others
        log.exception("polling source %s (%s) failed", source.id, source.url)
        return _record(source, uow_factory, clock, error=f"{type(exc).__name__}: {exc}")
    if snapshot.status == "not_modified":
        return _record(source, uow_factory, clock, status="not_modified")
    fetched: list[_Fetched] = []
    failures: list[str] = []
    unread = 0
    complete = True
    for item in snapshot.items:
        if len(fetched) >= max_new:
            complete = False
            break
        got = _fetch_item(source, item, uow_factory=uow_factory, reader=reader, clock=clock)
        if should_stop():
            return _stopped(source)
        if isinstance(got, str):  # not even the item could be taken: its link is no URL at all
            failures.append(got)
            unread += 1
        elif got is not None:
            fetched.append(got)
            failures.extend([got.error] if got.error else [])
    new = _ingest_fetched(source, fetched, uow_factory=uow_factory, clock=clock, extractor=extractor)
    summary = _failed_items(failures, tried=len(fetched) + unread)
    # Not all read: keep the old validators, so the next poll gets the feed again, not a 304.
    return _record(
        source,
        uow_factory,
        clock,
        new=new,
        skipped=sum(1 for f in fetched if f.article and f.article.text.strip()) - new,  # stored before
        failed_items=len(failures),
        error=summary,
        etag=snapshot.etag if complete else None,
        last_modified=snapshot.last_modified if complete else None,
    )


def _failed_items(failures: list[str], *, tried: int) -> str | None:
    if not failures:
        return None
    return f"{len(failures)} of {tried} new items could not be read; first: {failures[0]}"


def _stopped(source: Source) -> PollReport:
    return PollReport(source_id=source.id, url=source.url, status="stopped")


def poll_due(
    *,
    now: datetime,
    uow_factory: Callable[[], UnitOfWork],
    reader: SourceReader,
    clock: Clock,
    extractor: Extractor,
    workers: int = 4,
    should_stop: Callable[[], bool] = lambda: False,
) -> list[PollReport]:
    """Poll every active source whose interval has passed, a few at a time; one report per source.

    `should_stop` turning true ends the polls in progress and skips those not started (see poll_source).
    """
    with uow_factory().of(ALL_WORKSPACES) as uow:
        due = _polling(uow).due(now)
    if not due:
        return []

    def one(source: Source) -> PollReport:
        if should_stop():
            return _stopped(source)
        try:
            return poll_source(
                source,
                uow_factory=uow_factory,
                reader=reader,
                clock=clock,
                extractor=extractor,
                should_stop=should_stop,
            )
        except Exception as exc:  # one source's bug (or the database's) must not lose the others' reports
            log.exception("polling source %s (%s) failed", source.id, source.url)
            return PollReport(source_id=source.id, url=source.url, status="failed", error=f"{exc!r}"[:1000])

    with ThreadPoolExecutor(max_workers=max(1, min(workers, len(due)))) as pool:
        return list(pool.map(one, due))


class _Fetched(_Model):
    """A new item of a source, read and waiting to be stored with the others of its poll."""

    key: str
    url: str | None
    title: str | None
    published: date | None
    article: ArticleText | None
    error: str | None = None  # why its link could not be read (the feed's own text may stand in)


def _fetch_item(
    source: Source,
    item: FeedItem,
    *,
    uow_factory: Callable[[], UnitOfWork],
    reader: SourceReader,
    clock: Clock,
) -> _Fetched | str | None:
    """The item read (its linked page fetched), unless seen before: then None, and nothing fetched.

    A link no URL parser accepts (`http://[::1`) is no crash: the item is kept by its GUID or text
    with that error, or, with neither, only the error is returned.
    """
    try:
        url = canonical_url(item.url) if item.url else None
        bad_link = None
    except ValueError as exc:
        url, bad_link = None, f"{item.url[:200] if item.url else ''}: not a valid URL ({exc})"
    by_text = f"sha256:{content_hash(item.text)}" if item.text.strip() else None
    # A page source is one "item" whose text changes: each version is its own item.
    key = by_text if source.kind == "page" else ((item.guid or "").strip() or url or by_text)
    if key is None:
        return bad_link
    with uow_factory().of(ALL_WORKSPACES) as uow:
        known = uow.articles.get_by_url(url) if source.kind == "feed" and url is not None else None
        if _polling(uow).has_seen(source.id, key) or known is not None:
            if known is not None:  # stored from another source: this one's followers may read it too
                uow.articles.grant([known.id], uow.sources.followers(source.id))
            _mark_seen(uow, source, key, url, None, clock)
            return None
    article, error = _article_text(source, item, url, reader)
    return _Fetched(
        key=key,
        url=url,
        title=item.title,
        published=item.published,
        article=article,
        error=bad_link or error,
    )


def _ingest_fetched(
    source: Source,
    fetched: list[_Fetched],
    *,
    uow_factory: Callable[[], UnitOfWork],
    clock: Clock,
    extractor: Extractor,
) -> int:
    """Store a poll's new items in one batch, then mark them all seen; how many were stored.

    Marked only after storing: a crash in between means they are read again next time, and found
    already stored (same text or URL), rather than marked seen and never stored.
    """
    cmds = [
        IngestArticle(
            text=a.text,
            url=canonical_url(a.url) if a.url else f.url,
            title=f.title or a.title,
            outlet=a.outlet or source.name,
            published=f.published or a.published,
            source_id=source.id,
            guid=f.key,
        )
        for f in fetched
        if (a := f.article) is not None and a.text.strip()
    ]
    results = ingest_batch(cmds, uow=uow_factory(), extractor=extractor, clock=clock) if cmds else []
    with uow_factory().of(ALL_WORKSPACES) as uow:
        for f in fetched:
            _polling(uow).mark_seen(
                source.id,
                f.key,
                url=f.url,
                at=clock.now(),
                content_hash=content_hash(f.article.text) if f.article else None,
                error=f.error[:1000] if f.error else None,
            )
        uow.commit()
    return sum(r.status == "stored" for r in results)


def _article_text(
    source: Source, item: FeedItem, url: str | None, reader: SourceReader
) -> tuple[ArticleText | None, str | None]:
    """The linked page's full text, or the feed's own text when the page says less; and why the
    page could not be read, when it could not (the feed's text then stands in, if it has one)."""
    own = None
    if item.text.strip():
        own = ArticleText(text=item.text, title=item.title, published=item.published)
    if source.kind == "page" or not url:
        return own, None
    try:
        page = reader.read_article(url)
    except SourceFetchError as exc:
        log.info("article %s of source %s not fetched (%s); using the feed's text", url, source.id, exc)
        return own, str(exc) or type(exc).__name__
    except Exception as exc:  # a bug on one link (a parser choking on its page) must not end the poll
        log.exception("article %s of source %s could not be read", url, source.id)
        return own, f"{url}: {type(exc).__name__}: {exc}"
    if own is not None and len(page.text) < len(own.text):
        return own, None
    return page, None


def _mark_seen(
    uow: UnitOfWork, source: Source, key: str, url: str | None, digest: str | None, clock: Clock
) -> None:
    _polling(uow).mark_seen(source.id, key, url=url, content_hash=digest, at=clock.now())
    uow.commit()


def _record(
    source: Source,
    uow_factory: Callable[[], UnitOfWork],
    clock: Clock,
    *,
    status: Literal["ok", "not_modified"] = "ok",
    error: str | None = None,
    new: int = 0,
    skipped: int = 0,
    failed_items: int = 0,
    etag: str | None = None,
    last_modified: str | None = None,
) -> PollReport:
    with uow_factory().of(ALL_WORKSPACES) as uow:
        updated = _polling(uow).record_poll(
            source.id,
            at=clock.now(),
            error=error[:1000] if error else None,
            etag=etag,
            last_modified=last_modified,
        )
        uow.commit()
    if error:
        log.warning("source %s (%s) failed: %s", source.id, source.url, error)
    return PollReport(
        source_id=source.id,
        url=source.url,
        # Items that failed leave the poll "ok": the source was read and its good items kept.
        status="failed" if error and not failed_items else status,
        new=new,
        skipped=skipped,
        failed_items=failed_items,
        error=error,
        unhealthy=bool(updated and is_unhealthy(updated)),
    )


def set_poll_interval(
    source_id: int,
    minutes: int,
    *,
    actor: str,
    uow_factory: Callable[[], UnitOfWork],
    clock: Clock,
    workspace: str = DEFAULT_WORKSPACE,
) -> Source:
    """Poll one source every `minutes` instead of the default; audited. AdminError when out of range."""
    if not MIN_INTERVAL <= minutes <= MAX_INTERVAL:
        raise AdminError(f"Poll every {MIN_INTERVAL} to {MAX_INTERVAL} minutes, not {minutes}.")
    with uow_factory().of(workspace) as uow:
        source = _polling(uow).set_interval(source_id, minutes)
        if source is None:
            raise AdminError(f"No source #{source_id} (sources list shows them).")
        uow.audit.record(actor, "sources.interval", f"#{source_id} every {minutes} min", clock.now())
        uow.commit()
    return source


def _polling(uow: UnitOfWork) -> SourcePolling:
    # The store's source repository implements both ports; the unit of work declares only the first.
    return cast(SourcePolling, uow.sources)
