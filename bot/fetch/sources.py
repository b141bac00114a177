"""handlers.polling.SourceReader over httpx, feedparser and trafilatura.

Polite and bounded: a named User-Agent, conditional GETs (If-None-Match / If-Modified-Since),
timeouts and one deadline per fetch (retries included), a few retries with backoff on timeouts, 429
and 5xx (Retry-After honoured, capped), at most `per_host` requests to one host at a time, and a size
cap on the decoded body past which reading stops (bot.fetch.http.read_capped).
"""

from __future__ import annotations

import html
import re
import threading
from collections.abc import Callable
from datetime import date
from typing import Any
from urllib.parse import urlsplit

import feedparser
import httpx

from bot.fetch.guard import GuardedTransport
from bot.fetch.html import html_to_text
from bot.fetch.http import (
    DEADLINE,
    FETCH_ERRORS,
    USER_AGENT,
    BodyError,
    Deadline,
    describe,
    make_client,
    open_stream,
    read_capped,
)
from handlers.domain import Source
from handlers.polling import ArticleText, FeedItem, SourceFetchError, SourceSnapshot

MAX_BYTES = 5 * 1024 * 1024
MAX_RETRY_WAIT = 30.0
_FEED_ACCEPT = "application/rss+xml, application/atom+xml, application/xml;q=0.9, text/html;q=0.8"
_TAG = re.compile(r"<[^>]+>")
_BLOCK_END = re.compile(r"(?i)</(p|div|li|h\d)>|<br\s*/?>")


class _Fetched:
    def __init__(self, status: int, headers: httpx.Headers, body: bytes, url: str) -> None:
        self.status, self.headers, self.body, self.url = status, headers, body, url


class HttpSourceReader:
    def __init__(
        self,
        *,
        client: httpx.Client | None = None,
        allow_private: bool = False,
        max_bytes: int = MAX_BYTES,
        attempts: int = 3,
        backoff: float = 1.0,
        per_host: int = 2,
        deadline: float = DEADLINE,
        sleep: Callable[[float], object] | None = None,
    ) -> None:
        # Our own transport when no client is given, so that `abort` can cut its connections.
        self._transport = None if client else GuardedTransport(allow_private=allow_private)
        self._client = client or make_client(self._transport)
        self._stopped = threading.Event()
        self._max_bytes = max_bytes
        self._deadline = deadline
        self._attempts = attempts
        self._backoff = backoff
        self._per_host = per_host
        self._sleep = sleep or self._stopped.wait  # a wait between retries ends when stopped
        self._hosts: dict[str, threading.Semaphore] = {}
        self._lock = threading.Lock()

    def close(self) -> None:
        self._client.close()

    def abort(self) -> None:
        """Stop reading, from any thread: fetches in flight fail now, later ones are refused."""
        self._stopped.set()
        if self._transport is not None:
            self._transport.abort()

    def read_source(self, source: Source) -> SourceSnapshot:
        headers = {"Accept": _FEED_ACCEPT}
        if source.etag:
            headers["If-None-Match"] = source.etag
        if source.last_modified:
            headers["If-Modified-Since"] = source.last_modified
        got = self._get(source.url, headers)
        if got.status == 304:
            return SourceSnapshot(status="not_modified")
        validators = {"etag": got.headers.get("etag"), "last_modified": got.headers.get("last-modified")}
        if source.kind == "page":
            page = html_to_text(got.body, url=got.url)
            item = FeedItem(url=source.url, title=page.title, published=page.published, text=page.text)
            return SourceSnapshot(status="fresh", items=[item] if page.text.strip() else [], **validators)
        return SourceSnapshot(status="fresh", items=parse_feed(got.body, source.url), **validators)

    def read_article(self, url: str) -> ArticleText:
        got = self._get(url, {"Accept": "text/html,application/xhtml+xml;q=0.9,*/*;q=0.5"})
        page = html_to_text(got.body, url=got.url)
        if not page.text.strip():
            raise SourceFetchError(f"{url}: no article text found")
        return ArticleText(
            text=page.text,
            title=page.title,
            outlet=page.outlet,
            published=page.published,
            url=article_link(page.url, got.url),
        )

    def _get(self, url: str, headers: dict[str, str]) -> _Fetched:
        # One deadline for the whole fetch: every attempt, every read and every wait between them.
        # It starts once the host's slot is ours: waiting for it is bounded by the others' deadlines.
        deadline = Deadline(self._deadline)
        try:
            with self._slot(httpx.URL(url).host):
                deadline = Deadline(self._deadline)
                return self._attempts_within(url, headers, deadline)
        except FETCH_ERRORS as exc:
            why = "fetching was stopped" if self._stopped.is_set() else describe(exc, deadline)
            raise SourceFetchError(f"{url}: {why}") from None

    def _attempts_within(self, url: str, headers: dict[str, str], deadline: Deadline) -> _Fetched:
        for attempt in range(1, self._attempts + 1):
            last = attempt == self._attempts
            try:
                if self._stopped.is_set():
                    raise SourceFetchError(f"{url}: fetching was stopped")
                got = self._once(url, headers, deadline)
            except (httpx.TimeoutException, httpx.TransportError) as exc:
                if self._stopped.is_set():
                    raise SourceFetchError(f"{url}: fetching was stopped") from None
                if last or deadline.expired or isinstance(exc, httpx.UnsupportedProtocol):
                    raise
                self._wait(self._backoff * 2 ** (attempt - 1), deadline)
                continue
            if self._stopped.is_set():  # a cut connection can look like a body that simply ended
                raise SourceFetchError(f"{url}: fetching was stopped")
            if got.status == 429 or got.status >= 500:
                if last or deadline.expired:
                    raise SourceFetchError(f"{url}: HTTP {got.status} after {attempt} attempts")
                self._wait(_retry_after(got.headers, self._backoff * 2 ** (attempt - 1)), deadline)
                continue
            if got.status >= 400:
                raise SourceFetchError(f"{url}: HTTP {got.status}")
            return got
        raise SourceFetchError(f"{url}: not fetched")  # unreachable

    def _wait(self, seconds: float, deadline: Deadline) -> None:
        left = deadline.remaining()
        if seconds >= left:
            raise BodyError(deadline.describe())  # waiting would only end past the deadline
        self._sleep(seconds)

    def _once(self, url: str, headers: dict[str, str], deadline: Deadline) -> _Fetched:
        sent = {"User-Agent": USER_AGENT, **headers}
        with open_stream(self._client, url, headers=sent, deadline=deadline) as response:
            if response.status_code >= 300:
                return _Fetched(response.status_code, response.headers, b"", str(response.url))
            body = read_capped(response, max_bytes=self._max_bytes, deadline=deadline)
            return _Fetched(response.status_code, response.headers, body, str(response.url))

    def _slot(self, host: str) -> threading.Semaphore:
        with self._lock:
            return self._hosts.setdefault(host, threading.Semaphore(self._per_host))


def parse_feed(body: bytes, url: str) -> list[FeedItem]:
    """RSS or Atom entries as items; SourceFetchError for something that is no feed at all."""
    parsed: Any = feedparser.parse(body)
    usable = [e for e in parsed.entries if e.get("id") or e.get("link")]
    # feedparser recovers what it can from broken XML; broken with nothing usable is an error,
    # while a slightly broken feed (a wrong declared encoding, say) is still read.
    if not usable and (parsed.get("bozo") or not parsed.get("version")):
        reason = parsed.get("bozo_exception")
        raise SourceFetchError(f"{url}: not a readable feed" + (f" ({reason})" if reason else ""))
    items = []
    for entry in usable:
        contents = entry.get("content") or []
        raw = (contents[0].get("value") if contents else None) or entry.get("summary") or ""
        items.append(
            FeedItem(
                guid=_text(entry.get("id")),
                url=_text(entry.get("link")),
                title=_plain(entry.get("title") or "") or None,
                published=_date(entry.get("published_parsed") or entry.get("updated_parsed")),
                text=_plain(raw),
            )
        )
    return items


def article_link(page_url: str | None, fetched: str) -> str:
    """The article's link: the page's own (<link rel=canonical>, og:url), else where the fetch ended.

    A canonical link to the site's home page (a misconfigured template) names no article: storing
    it would make every article of the site look like one already stored.
    """
    if not page_url:
        return fetched
    if not urlsplit(page_url).path.strip("/") and urlsplit(fetched).path.strip("/"):
        return fetched
    return page_url


def _plain(markup: str) -> str:
    """Feed HTML to text: paragraphs kept as lines, tags dropped, entities decoded."""
    # A line break inside a paragraph is just a space; only block ends make paragraphs.
    text = _TAG.sub("", _BLOCK_END.sub("\x00", markup))
    paragraphs = (" ".join(html.unescape(part).split()) for part in text.split("\x00"))
    return "\n\n".join(p for p in paragraphs if p)


def _text(value: object) -> str | None:
    return value.strip() or None if isinstance(value, str) else None


def _date(value: object) -> date | None:
    try:
        return date(value[0], value[1], value[2]) if value else None  # type: ignore[index]
    except (TypeError, ValueError, IndexError):
        return None


def _retry_after(headers: httpx.Headers, default: float) -> float:
    raw = headers.get("retry-after", "")
    try:
        return min(max(float(raw), 0.0), MAX_RETRY_WAIT)
    except ValueError:
        return default
