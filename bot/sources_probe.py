"""Fetch a would-be source once and say what it is: a feed (title, item count) or a page (title).

Implements handlers.admin.SourceProbe with httpx: bounded time, bounded size, an honest User-Agent,
and an injectable transport so tests never touch the network.
"""

from __future__ import annotations

import html
import re

import feedparser
import httpx

from bot.fetch.guard import BlockedAddress, GuardedTransport, request_guard
from bot.fetch.http import DEADLINE, BodyError, Deadline, open_stream, read_capped
from handlers.admin import ProbeError, ProbeResult

USER_AGENT = "briefbot/0.1 (news briefing bot; +https://github.com/briefbot)"
MAX_BYTES = 5 * 1024 * 1024
_TITLE = re.compile(rb"<title[^>]*>(.*?)</title\s*>", re.IGNORECASE | re.DOTALL)
_FEED_TYPES = ("rss", "atom", "xml", "rdf")


class HttpSourceProbe:
    """One GET with redirects followed, done within `deadline` seconds; the body is read up to
    `max_bytes` (decoded) and no further.

    Private and local addresses are refused unless `allow_private` (tests against localhost need it).
    """

    def __init__(
        self,
        *,
        transport: httpx.BaseTransport | None = None,
        timeout: float = 10.0,
        max_bytes: int = MAX_BYTES,
        user_agent: str = USER_AGENT,
        allow_private: bool = False,
        deadline: float = DEADLINE,
    ) -> None:
        self._deadline = deadline
        self._transport = transport
        self._allow_private = allow_private
        self._timeout = httpx.Timeout(timeout)
        self._max_bytes = max_bytes
        self._user_agent = user_agent

    def probe(self, url: str) -> ProbeResult:
        """What `url` holds; ProbeError with a readable reason when it cannot be fetched or read."""
        final_url, content_type, body = self._fetch(url)
        looks_like_feed = any(t in content_type for t in _FEED_TYPES) or _starts_like_feed(body)
        if looks_like_feed:
            parsed = feedparser.parse(body)
            if parsed.get("version") or parsed.entries:
                title = _clean(parsed.feed.get("title"))
                return ProbeResult(url=final_url, kind="feed", title=title, item_count=len(parsed.entries))
        if "html" in content_type or b"<html" in body[:4096].lower():
            match = _TITLE.search(body)
            title = _clean(match.group(1).decode("utf-8", "replace")) if match else None
            return ProbeResult(url=final_url, kind="page", title=title)
        kind = content_type or "unknown"
        raise ProbeError(f"{url} is neither a feed nor a web page (content type {kind}).")

    def _fetch(self, url: str) -> tuple[str, str, bytes]:
        headers = {
            "User-Agent": self._user_agent,
            "Accept": "application/rss+xml, application/atom+xml, application/xml, text/html;q=0.9",
        }
        limit = Deadline(self._deadline)
        try:
            # The hook refuses early with a clear message; the transport checks again at connect time
            # (with allow_private, only link-local is left to refuse: the transport does that alone).
            hooks = {"request": [] if self._allow_private else [request_guard()]}
            transport = self._transport or GuardedTransport(allow_private=self._allow_private)
            with (
                httpx.Client(
                    transport=transport,
                    timeout=self._timeout,
                    headers=headers,
                    trust_env=False,
                    follow_redirects=True,
                    max_redirects=5,
                    event_hooks=hooks,
                ) as client,
                open_stream(client, url, deadline=limit) as response,
            ):
                if response.status_code >= 400:
                    raise ProbeError(f"{url} answered HTTP {response.status_code}.")
                body = read_capped(response, max_bytes=self._max_bytes, deadline=limit)
                content_type = response.headers.get("content-type", "").lower()
                return str(response.url), content_type, body
        except ProbeError:
            raise
        except BodyError as exc:
            raise ProbeError(f"{url}: {exc}.") from None
        except BlockedAddress as exc:
            raise ProbeError(str(exc)) from None
        except httpx.TimeoutException as exc:
            late = f" ({limit.describe()})" if limit.expired else ""
            raise ProbeError(f"{url} did not answer in time{late}.") from exc
        except httpx.TooManyRedirects as exc:
            raise ProbeError(f"{url} redirects too many times (a redirect loop?).") from exc
        except (httpx.InvalidURL, ValueError) as exc:
            raise ProbeError(f"{url} is not a valid URL ({exc}).") from exc
        except httpx.HTTPError as exc:
            raise ProbeError(f"Could not fetch {url}: {exc.__class__.__name__}.") from exc


def _starts_like_feed(body: bytes) -> bool:
    head = body[:1024].lstrip().lower()
    return head.startswith(b"<?xml") or head.startswith(b"<rss") or head.startswith(b"<feed")


def _clean(title: object) -> str | None:
    if not isinstance(title, str):
        return None
    text = " ".join(html.unescape(title).split())
    return text[:300] or None
