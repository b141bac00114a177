"""OPML in and out, and the canonical URL that decides whether a feed item was seen before."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from handlers.admin import AdminError
from handlers.domain import Source
from handlers.opml import parse_opml, to_opml
from handlers.polling import canonical_url


def source(i: int, url: str, name: str | None, kind: str = "feed") -> Source:
    return Source(id=i, url=url, name=name, kind=kind, created_at=datetime(2025, 1, 1, tzinfo=UTC))  # type: ignore[arg-type]


def test_exported_sources_import_back_as_the_same_feeds() -> None:
    sources = [
        source(1, "https://a.example/rss?x=1&y=2", "A & B <news>"),
        source(2, "https://b.example/feed", None),
        source(3, "https://c.example/live", "Live", "page"),
    ]
    feeds = parse_opml(to_opml(sources))
    assert [(f.url, f.title) for f in feeds] == [
        ("https://a.example/rss?x=1&y=2", "A & B <news>"),
        ("https://b.example/feed", "https://b.example/feed"),
    ]


def test_nested_outlines_are_read_and_non_opml_is_refused() -> None:
    nested = (
        '<opml version="1.0"><body><outline text="Folder"><outline text="X" xmlUrl="https://x.example/f"/>'
        "</outline></body></opml>"
    )
    assert [f.url for f in parse_opml(nested)] == ["https://x.example/f"]
    cases = [("<rss/>", "root element"), ("<opml><body/></opml>", "no feeds"), ("not xml", "XML error")]
    for bad, why in cases:
        with pytest.raises(AdminError, match=why):
            parse_opml(bad)


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("https://News.Example/a?utm_source=rss&utm_medium=x&id=7#comments", "https://news.example/a?id=7"),
        ("https://news.example/a?fbclid=abc", "https://news.example/a"),
        ("https://news.example", "https://news.example/"),
        ("https://news.example/a?b=1&a=2", "https://news.example/a?b=1&a=2"),
    ],
)
def test_canonical_urls_drop_tracking_parameters_and_fragments(url: str, expected: str) -> None:
    assert canonical_url(url) == expected
