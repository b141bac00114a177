"""Ingest inputs a newcomer gets right first time: dates as people write them, canonical links,
errors that name the file, and a pointer to `sources add` for a feed."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import httpx
import pytest

from bot.fetch.guard import BlockedAddress, vet_host
from bot.fetch.http import make_client
from bot.fetch.inputs import InputError, read_input
from handlers.article_dates import parse_date, stated_date

TODAY = date(2031, 5, 20)


@pytest.mark.parametrize(
    ("written", "expected"),
    [
        ("2031-05-14", date(2031, 5, 14)),
        ("2031/05/14", date(2031, 5, 14)),
        ("14 May 2031", date(2031, 5, 14)),
        ("14 August 2030", date(2030, 8, 14)),
        ("Aug 14, 2030", date(2030, 8, 14)),
        ("Thursday, 14th August 2030", date(2030, 8, 14)),
        ("14/08/2030", date(2030, 8, 14)),
        ("08/14/2030", date(2030, 8, 14)),
        ("2030-08-14T06:30:00Z", date(2030, 8, 14)),
    ],
)
def test_published_dates_are_read_as_people_write_them(written: str, expected: date) -> None:
    assert parse_date(written) == expected


def test_an_ambiguous_or_unreadable_date_says_how_to_write_it() -> None:
    with pytest.raises(ValueError, match="could be 7 August or 8 July"):
        parse_date("07/08/2030")
    with pytest.raises(ValueError, match="14 August 2026"):
        parse_date("next week")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("TALLINN, May 18 (Baltic Wire) - Ferry crews walked out.", (date(2031, 5, 18), "dateline")),
        ("TALLINN, August 14, 2030 -- Ferry crews walked out.", (date(2030, 8, 14), "dateline")),
        (
            "Ferry crews walk out\n\nPublished 12 May 2031 at 09:30 CET\n\nCrews left.",
            (date(2031, 5, 12), "date line"),
        ),
        ("Updated: 2031-05-02\nCrews left.", (date(2031, 5, 2), "date line")),
        ("Crews walked out on 12 May 2031 after talks failed.", None),  # a sentence, not a date line
        ("Published 12 May 2032\n\nNot yet.", None),  # after today: not a publication date
    ],
)
def test_the_date_an_article_states_for_itself(text: str, expected: tuple[date, str] | None) -> None:
    assert stated_date(text, TODAY) == expected


CANONICAL = b"""<!doctype html><html><head><title>Ferry talks</title>
<link rel="canonical" href="https://bayherald.example/news/ferry-talks">
<meta property="og:url" content="https://bayherald.example/og/ferry-talks"></head><body><article>
<p>Talks between ferry crews and the operator resumed on Tuesday after two days of strike action.</p>
</article></body></html>"""
OG_ONLY = CANONICAL.replace(b'<link rel="canonical" href="https://bayherald.example/news/ferry-talks">', b"")
FEED = b"""<?xml version="1.0"?><rss version="2.0"><channel><title>Bay Herald</title>
<item><title>Ferry talks</title><link>https://bayherald.example/news/ferry-talks</link></item></channel></rss>"""


def _client(body: bytes, content_type: str) -> httpx.Client:
    def handler(request: httpx.Request) -> httpx.Response:
        return httpx.Response(200, content=body, headers={"content-type": content_type})

    return make_client(httpx.MockTransport(handler))


def test_an_html_page_links_to_its_canonical_url() -> None:
    got = read_input(
        "https://bayherald.example/news/ferry-talks?utm_source=feed",
        client_factory=lambda: _client(CANONICAL, "text/html"),
    )
    assert got.url == "https://bayherald.example/news/ferry-talks"
    got = read_input("https://m.bayherald.example/x", client_factory=lambda: _client(OG_ONLY, "text/html"))
    assert got.url == "https://bayherald.example/og/ferry-talks"


def test_an_html_file_takes_its_canonical_url(tmp_path: Path) -> None:
    (tmp_path / "saved.html").write_bytes(CANONICAL)
    got = read_input(str(tmp_path / "saved.html"), client_factory=lambda: _client(b"", "text/html"))
    assert got.url == "https://bayherald.example/news/ferry-talks"


@pytest.mark.parametrize("content_type", ["application/rss+xml", "text/xml", "text/html"])
def test_a_feed_given_to_ingest_points_to_sources_add(content_type: str) -> None:
    url = "https://bayherald.example/feed.xml"
    with pytest.raises(InputError, match=f"briefbot sources add {url}"):
        read_input(url, client_factory=lambda: _client(FEED, content_type))


def test_a_feed_file_points_to_sources_add(tmp_path: Path) -> None:
    (tmp_path / "feed.xml").write_bytes(FEED)
    with pytest.raises(InputError, match="sources add"):
        read_input(str(tmp_path / "feed.xml"), client_factory=lambda: _client(b"", "text/html"))


def test_a_bad_published_line_names_the_file(tmp_path: Path) -> None:
    path = tmp_path / "ferry.txt"
    path.write_text("Published: sometime soon\n\nCrews walked out.", encoding="utf-8")
    with pytest.raises(InputError) as caught:
        read_input(str(path), client_factory=lambda: _client(b"", "text/html"))
    assert str(caught.value).startswith(str(path)) and "sometime soon" in str(caught.value)


def test_a_refused_private_address_names_the_setting() -> None:
    with pytest.raises(BlockedAddress, match="BRIEFBOT_ALLOW_PRIVATE_FETCH"):
        vet_host("127.0.0.1")
    with pytest.raises(BlockedAddress) as link_local:
        vet_host("169.254.169.254", allow_private=True)  # never allowed: no setting to suggest
    assert "BRIEFBOT_ALLOW_PRIVATE_FETCH" not in str(link_local.value)
