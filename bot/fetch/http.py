"""Fetching a URL politely and within bounds: a named User-Agent, one deadline, a size cap, clear errors.

Every fetch path (feeds, pages, `ingest URL`, the `sources add` probe, OPML downloads) opens its
response with `open_stream` and reads it with `read_capped`: the cap counts decoded bytes, checked
while inflating (bot.fetch.decoding), and one `Deadline` bounds connecting and all reads together,
so neither a compression bomb nor a server dribbling a byte at a time can hold a fetch for long.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any

import httpx

from bot.fetch.decoding import ACCEPT_ENCODING, EncodingError, decoder
from bot.fetch.guard import BlockedAddress, GuardedTransport

USER_AGENT = "briefbot/0.1 (news briefing bot; +https://github.com/briefbot/briefbot)"
TIMEOUT = httpx.Timeout(20.0, connect=10.0)
DEADLINE = 30.0  # seconds for one whole fetch (BRIEFBOT_FETCH_DEADLINE)
_LEAST_WAIT = 0.001  # a socket timeout of 0 would mean non-blocking, not "no time left"


class FetchError(Exception):
    """A URL we could not fetch; the message says why, for the user."""


class BodyError(FetchError):
    """The response body was refused while reading (too large, badly encoded, too slow)."""


@dataclass(frozen=True, slots=True)
class Fetched:
    url: str  # after redirects
    content_type: str
    body: bytes
    encoding: str | None = None  # the charset the server declared


class Deadline:
    """One time limit for a whole fetch: connecting, every read, redirects and retries together."""

    def __init__(self, seconds: float, *, clock: Callable[[], float] = time.monotonic) -> None:
        self.seconds = seconds
        self._clock = clock
        self._end = clock() + seconds

    def remaining(self) -> float:
        """Seconds left (negative once passed)."""
        return self._end - self._clock()

    @property
    def expired(self) -> bool:
        return self.remaining() <= 0

    def timeouts(self, base: httpx.Timeout) -> dict[str, float | None]:
        """httpx's per-request timeout extension, with every wait cut to the time left."""
        return _Timeouts(self, base)

    def describe(self) -> str:
        return f"took longer than the {self.seconds:g} s fetch deadline"


class _Timeouts(dict[str, float | None]):
    # httpcore looks the timeout up (`timeouts.get("read")`) before each connect, read and write,
    # so answering with the time left makes the deadline hold even mid-read; redirects reuse the
    # same extensions, so they share it too.
    def __init__(self, deadline: Deadline, base: httpx.Timeout) -> None:
        super().__init__(base.as_dict())
        self._deadline = deadline

    def get(self, key: str, default: Any = None) -> Any:
        configured = super().get(key, default)
        left = max(self._deadline.remaining(), _LEAST_WAIT)
        return left if configured is None else min(float(configured), left)


def make_client(transport: httpx.BaseTransport | None = None, *, allow_private: bool = False) -> httpx.Client:
    """The HTTP client every fetch uses (tests pass a MockTransport).

    The default transport connects only to public addresses, checked at connect time on every
    request and redirect (bot.fetch.guard), unless `allow_private` (BRIEFBOT_ALLOW_PRIVATE_FETCH).
    """
    return httpx.Client(
        headers={"User-Agent": USER_AGENT, "Accept-Encoding": ACCEPT_ENCODING},
        timeout=TIMEOUT,
        follow_redirects=True,
        max_redirects=5,
        transport=transport or GuardedTransport(allow_private=allow_private),
        trust_env=False,
    )


@contextmanager
def open_stream(
    client: httpx.Client, url: str, *, deadline: Deadline, headers: dict[str, str] | None = None
) -> Iterator[httpx.Response]:
    """GET `url` as a stream whose connect and reads all end by `deadline`; read it with read_capped."""
    sent = {"Accept-Encoding": ACCEPT_ENCODING, **(headers or {})}
    extensions = {"timeout": deadline.timeouts(client.timeout)}
    with client.stream("GET", url, headers=sent, extensions=extensions) as response:
        yield response


def read_capped(response: httpx.Response, *, max_bytes: int, deadline: Deadline | None = None) -> bytes:
    """The decoded body, refused (BodyError) past `max_bytes` or `deadline`, or when badly encoded.

    Reads raw bytes and inflates them here, a bounded step at a time: httpx's own decoding inflates
    a whole chunk at once, so a nested-gzip body would fill memory before any cap could apply.
    """
    declared = response.headers.get("content-length", "")
    if declared.isdigit() and int(declared) > max_bytes:
        raise BodyError(f"too large ({int(declared):,} bytes; the limit is {max_bytes:,})")
    if response.is_stream_consumed:
        # Only an in-memory response (httpx.Response(content=...), as tests build) arrives read.
        if len(response.content) > max_bytes:
            raise BodyError(f"too large (over {max_bytes:,} bytes)")
        return response.content
    try:
        decode = decoder(response.headers.get("content-encoding", ""))
        body = bytearray()
        for chunk in response.iter_raw():
            if response.num_bytes_downloaded > max_bytes:
                raise BodyError(f"too large (over {max_bytes:,} bytes)")
            for piece in decode(chunk):
                body.extend(piece)
                if len(body) > max_bytes:
                    # Stop here: a body this big, once inflated, is a mistake or an attack.
                    raise BodyError(f"too large (over {max_bytes:,} bytes once decompressed)")
            if deadline is not None and deadline.expired:
                raise BodyError(deadline.describe())
    except EncodingError as exc:
        raise BodyError(f"unreadable body: {exc}") from None
    return bytes(body)


def describe(exc: Exception, deadline: Deadline | None = None) -> str:
    """Why a fetch failed, in words for the user (no URL: callers put it in front)."""
    if isinstance(exc, BlockedAddress):
        return f"refused: {exc}"
    if isinstance(exc, BodyError):
        return str(exc)
    if isinstance(exc, httpx.TimeoutException):
        return deadline.describe() if deadline is not None and deadline.expired else "timed out"
    if isinstance(exc, httpx.TooManyRedirects):
        return "too many redirects (a redirect loop?)"
    if isinstance(exc, httpx.UnsupportedProtocol):
        return f"not an http(s) URL, or redirected to one ({exc})"
    if isinstance(exc, httpx.InvalidURL | ValueError):
        return f"not a valid URL ({exc})"
    if isinstance(exc, httpx.DecodingError):
        return f"unreadable body ({exc})"
    return f"could not fetch ({type(exc).__name__}: {exc})"


# What a fetch can raise that is the URL's or the server's fault, not ours.
FETCH_ERRORS = (BlockedAddress, BodyError, httpx.HTTPError, httpx.InvalidURL, ValueError)


def fetch(url: str, *, client: httpx.Client, max_bytes: int, deadline: float = DEADLINE) -> Fetched:
    """GET `url`, reading at most `max_bytes` within `deadline` seconds; FetchError with a readable reason."""
    limit = Deadline(deadline)
    try:
        with open_stream(client, url, deadline=limit) as response:
            if response.status_code >= 400:
                raise FetchError(f"{url}: the server answered HTTP {response.status_code}")
            body = read_capped(response, max_bytes=max_bytes, deadline=limit)
            return Fetched(
                url=str(response.url),
                content_type=response.headers.get("content-type", ""),
                body=body,
                encoding=response.charset_encoding,
            )
    except FETCH_ERRORS as exc:
        raise FetchError(f"{url}: {describe(exc, limit)}") from None
