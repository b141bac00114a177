"""The source probe over httpx.MockTransport: feeds, pages, failures, size cap, User-Agent."""

from __future__ import annotations

import httpx
import pytest

from bot.sources_probe import HttpSourceProbe
from handlers.admin import ProbeError

ATOM = b"""<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Valley &amp; Coast Wire</title>
<entry><title>One</title><id>urn:1</id></entry><entry><title>Two</title><id>urn:2</id></entry></feed>"""
PAGE = (
    b"<!doctype html><html><head><title>\n  Grain prices &amp; the harvest </title></head>"
    b"<body>x</body></html>"
)


def probe_with(handler, **kwargs) -> HttpSourceProbe:  # type: ignore[no-untyped-def]
    kwargs.setdefault("allow_private", True)  # the mock hosts need no address check (and no DNS)
    return HttpSourceProbe(transport=httpx.MockTransport(handler), **kwargs)


def test_a_feed_reports_its_title_and_item_count() -> None:
    seen: list[httpx.Request] = []

    def handler(request: httpx.Request) -> httpx.Response:
        seen.append(request)
        return httpx.Response(200, content=ATOM, headers={"content-type": "application/atom+xml"})

    result = probe_with(handler).probe("https://wire.example/atom")
    assert (result.kind, result.title, result.item_count) == ("feed", "Valley & Coast Wire", 2)
    assert seen[0].headers["user-agent"].startswith("briefbot/")


def test_a_feed_served_as_text_xml_is_still_a_feed() -> None:
    result = probe_with(
        lambda r: httpx.Response(200, content=ATOM, headers={"content-type": "text/plain"})
    ).probe("https://wire.example/atom")
    assert result.kind == "feed"


def test_a_page_reports_its_title_after_redirects() -> None:
    def handler(request: httpx.Request) -> httpx.Response:
        if request.url.path == "/old":
            return httpx.Response(301, headers={"location": "https://farm.example/new"})
        return httpx.Response(200, content=PAGE, headers={"content-type": "text/html; charset=utf-8"})

    result = probe_with(handler).probe("https://farm.example/old")
    assert (result.kind, result.title, result.item_count) == ("page", "Grain prices & the harvest", None)
    assert result.url == "https://farm.example/new"


def test_http_errors_are_reported_with_the_status() -> None:
    with pytest.raises(ProbeError, match="HTTP 404"):
        probe_with(lambda r: httpx.Response(404)).probe("https://gone.example/feed")


def test_a_body_over_the_size_cap_is_refused() -> None:
    big = b"<html><title>t</title>" + b"x" * 5000
    with pytest.raises(ProbeError, match="too large"):
        probe_with(
            lambda r: httpx.Response(200, content=big, headers={"content-type": "text/html"}), max_bytes=1000
        ).probe("https://big.example/")


def test_timeouts_and_connection_errors_become_probe_errors() -> None:
    def slow(request: httpx.Request) -> httpx.Response:
        raise httpx.ReadTimeout("slow", request=request)

    def refused(request: httpx.Request) -> httpx.Response:
        raise httpx.ConnectError("refused", request=request)

    with pytest.raises(ProbeError, match="did not answer in time"):
        probe_with(slow).probe("https://slow.example/")
    with pytest.raises(ProbeError, match="ConnectError"):
        probe_with(refused).probe("https://down.example/")


def test_something_neither_feed_nor_page_is_refused() -> None:
    with pytest.raises(ProbeError, match="neither a feed nor a web page"):
        probe_with(
            lambda r: httpx.Response(200, content=b"\x89PNG...", headers={"content-type": "image/png"})
        ).probe("https://img.example/a.png")


@pytest.mark.parametrize(
    "url",
    [
        "http://127.0.0.1:8080/feed",
        "http://169.254.169.254/latest/meta-data",
        "http://10.1.2.3/",
        "http://[::1]/feed",
    ],
)
def test_private_and_local_addresses_are_refused(url: str) -> None:
    fetched: list[str] = []

    def handler(request: httpx.Request) -> httpx.Response:
        fetched.append(str(request.url))
        return httpx.Response(200, content=ATOM)

    with pytest.raises(ProbeError, match="private or local address"):
        probe_with(handler, allow_private=False).probe(url)
    assert fetched == []


def test_a_redirect_to_a_private_address_is_refused() -> None:
    def handler(request: httpx.Request) -> httpx.Response:
        return httpx.Response(302, headers={"location": "http://127.0.0.1/admin"})

    with pytest.raises(ProbeError, match=r"127\.0\.0\.1 is a private"):
        probe_with(handler, allow_private=False).probe("http://93.184.216.34/feed")
