"""Fetching a URL politely: a named User-Agent, timeouts, a size cap, clear errors."""

from __future__ import annotations

from dataclasses import dataclass

import httpx

from bot.fetch.guard import BlockedAddress, GuardedTransport

USER_AGENT = "briefbot/0.1 (news briefing bot; +https://github.com/briefbot/briefbot)"
TIMEOUT = httpx.Timeout(20.0, connect=10.0)


class FetchError(Exception):
    """A URL we could not fetch; the message says why, for the user."""


@dataclass(frozen=True, slots=True)
class Fetched:
    url: str  # after redirects
    content_type: str
    body: bytes
    encoding: str | None = None  # the charset the server declared


def make_client(transport: httpx.BaseTransport | None = None, *, allow_private: bool = False) -> httpx.Client:
    """The HTTP client every fetch uses (tests pass a MockTransport).

    The default transport connects only to public addresses, checked at connect time on every
    request and redirect (bot.fetch.guard), unless `allow_private` (BRIEFBOT_ALLOW_PRIVATE_FETCH).
    """
    return httpx.Client(
        headers={"User-Agent": USER_AGENT},
        timeout=TIMEOUT,
        follow_redirects=True,
        max_redirects=5,
        transport=transport or GuardedTransport(allow_private=allow_private),
        trust_env=False,
    )


def fetch(url: str, *, client: httpx.Client, max_bytes: int) -> Fetched:
    """GET `url`, reading at most `max_bytes`; raises FetchError with a readable reason."""
    try:
        with client.stream("GET", url) as response:
            if response.status_code >= 400:
                raise FetchError(f"{url}: the server answered HTTP {response.status_code}")
            declared = response.headers.get("content-length")
            if declared and declared.isdigit() and int(declared) > max_bytes:
                raise FetchError(f"{url}: too large ({int(declared):,} bytes; the limit is {max_bytes:,})")
            chunks: list[bytes] = []
            size = 0
            for chunk in response.iter_bytes():
                size += len(chunk)
                if size > max_bytes:
                    raise FetchError(f"{url}: too large (over {max_bytes:,} bytes)")
                chunks.append(chunk)
            return Fetched(
                url=str(response.url),
                content_type=response.headers.get("content-type", ""),
                body=b"".join(chunks),
                encoding=response.charset_encoding,
            )
    except BlockedAddress as exc:
        raise FetchError(f"{url}: refused: {exc}") from None
    except httpx.TimeoutException:
        raise FetchError(f"{url}: timed out") from None
    except httpx.InvalidURL as exc:
        raise FetchError(f"{url}: not a valid URL ({exc})") from None
    except httpx.HTTPError as exc:
        raise FetchError(f"{url}: could not fetch ({type(exc).__name__}: {exc})") from None
