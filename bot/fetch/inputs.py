"""One ingest input (a text file, an HTML file or an article URL) read into text and metadata.

Each failure raises InputError with a message for the user; nothing here touches the database.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import date
from pathlib import Path

import httpx

from bot.fetch.html import html_to_text
from bot.fetch.http import DEADLINE, FetchError, fetch
from handlers.article_dates import parse_date

# No news article comes near this; anything bigger is a mistake (a video, a dump, a log).
MAX_BYTES = 5 * 1024 * 1024

# Optional "Key: value" lines at the top of a text file, then a blank line (the demo corpus uses them).
_HEADER_KEYS = {"title", "outlet", "published", "url"}
_HEADER_LINE = re.compile(r"^([A-Za-z]+):\s*(.*)$")
_FEED_START = re.compile(rb"^\s*(<\?xml[^>]*>\s*)?(<!--.*?-->\s*)*<(rss|feed|rdf:RDF)\b", re.DOTALL)
_FEED_TYPES = {
    "application/rss+xml",
    "application/atom+xml",
    "application/rdf+xml",
    "application/xml",
    "text/xml",
}
_HTML_START = re.compile(
    rb"^\s*(<!--.*?-->\s*)*<(!doctype\s+html|html|head|body)\b", re.IGNORECASE | re.DOTALL
)


class InputError(Exception):
    """An input we cannot ingest; the message says which and why."""


@dataclass(frozen=True, slots=True)
class ArticleInput:
    text: str
    url: str | None = None
    title: str | None = None
    outlet: str | None = None
    published: date | None = None
    # Where `published` comes from, said at ingest: "its Published: line", "the page's metadata"...
    published_from: str | None = None


def is_url(spec: str) -> bool:
    return spec.startswith(("http://", "https://"))


def read_input(
    spec: str,
    *,
    client_factory: Callable[[], httpx.Client],
    max_bytes: int = MAX_BYTES,
    deadline: float = DEADLINE,
) -> ArticleInput:
    """Read a path or URL (fetched within `deadline` seconds). Raises InputError for unreadable,
    binary, oversized, empty or unfetchable input."""
    try:
        if is_url(spec):
            article = _read_url(spec, client_factory, max_bytes, deadline)
        else:
            article = _read_file(Path(spec), max_bytes)
    except InputError as exc:  # every message names the input it is about
        message = str(exc)
        raise InputError(message if message.startswith(spec) else f"{spec}: {message}") from None
    if not article.text.strip():
        raise InputError(f"{spec}: no article text found (empty)")
    return article


def _read_file(path: Path, max_bytes: int) -> ArticleInput:
    try:
        if path.is_dir():
            raise InputError(f"{path}: is a directory, not a file")
        size = path.stat().st_size
        if size > max_bytes:
            raise InputError(
                f"{path}: too large ({size / 1024 / 1024:.1f} MB; the limit is "
                f"{max_bytes / 1024 / 1024:.0f} MB)"
            )
        body = path.read_bytes()
    except OSError as exc:
        raise InputError(f"{path}: cannot read ({exc.strerror or exc})") from None
    if path.suffix.lower() in {".html", ".htm", ".xhtml"} or _HTML_START.match(body[:2048]):
        article = _from_page(body, None)
    elif _FEED_START.match(body[:2048]):
        raise InputError(
            f"{path}: a feed, not an article; follow it with: briefbot sources add URL_OF_THE_FEED"
        )
    else:
        article = parse_text_file(_decode(body, str(path)))
    # Without a headline or metadata, the file name is what the user will recognise in answers.
    return article if article.title else replace(article, title=path.name)


def _decode(body: bytes, label: str) -> str:
    if b"\x00" in body[:8192]:
        raise InputError(f"{label}: a binary file, not text or HTML")
    try:
        return body.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise InputError(f"{label}: not UTF-8 text (a binary file, or another encoding)") from None


def parse_text_file(content: str) -> ArticleInput:
    """Text with optional `Title:`/`Outlet:`/`Published:`/`URL:` header lines before a blank line."""
    lines = content.splitlines()
    meta: dict[str, str] = {}
    for i, line in enumerate(lines):
        if not line.strip():
            if meta:
                content = "\n".join(lines[i + 1 :])
            break
        m = _HEADER_LINE.match(line)
        if not m or m.group(1).lower() not in _HEADER_KEYS:
            meta = {}
            break
        meta[m.group(1).lower()] = m.group(2).strip()
    published = None
    if meta.get("published"):
        try:
            published = parse_date(meta["published"])
        except ValueError as exc:
            raise InputError(f"the Published: line: {exc}") from None
    return ArticleInput(
        text=content,
        url=meta.get("url") or None,
        title=meta.get("title") or _headline(content),
        outlet=meta.get("outlet") or None,
        published=published,
        published_from="its Published: line" if published else None,
    )


def _headline(content: str) -> str | None:
    """A short first line standing alone above the body, not ending like a sentence, is the title."""
    lines = content.lstrip().split("\n", 2)
    if len(lines) < 2 or lines[1].strip():
        return None
    first = " ".join(lines[0].split())
    if not 0 < len(first) <= 200 or first.endswith((".", ",", ";", ":")):
        return None
    return first


def _read_url(
    url: str, client_factory: Callable[[], httpx.Client], max_bytes: int, deadline: float
) -> ArticleInput:
    try:
        with client_factory() as client:
            got = fetch(url, client=client, max_bytes=max_bytes, deadline=deadline)
    except FetchError as exc:
        raise InputError(str(exc)) from None
    kind = got.content_type.split(";")[0].strip().lower()
    if _FEED_START.match(got.body[:2048]) or (kind in _FEED_TYPES and not _HTML_START.match(got.body[:2048])):
        raise InputError(f"{url}: a feed, not an article; to follow it: briefbot sources add {url}")
    if kind in {"text/html", "application/xhtml+xml", ""} or _HTML_START.match(got.body[:2048]):
        return _from_page(got.body, got.url)
    if kind == "text/plain":
        text = got.body.decode(got.encoding or "utf-8", errors="replace")
        return replace(parse_text_file(text), url=got.url)
    raise InputError(f"{url}: not an article page (content type {kind})")


def _from_page(body: bytes, url: str | None) -> ArticleInput:
    """An HTML page's article; its link is the page's canonical URL where it gives one."""
    page = html_to_text(body, url=url)
    return ArticleInput(
        text=page.text,
        url=page.url or url,
        title=page.title,
        outlet=page.outlet,
        published=page.published,
        published_from="the page's metadata" if page.published else None,
    )
