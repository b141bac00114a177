"""Whatever the text, find_dates and find_events never raise and their offsets point into the text."""

from __future__ import annotations

from datetime import date

from hypothesis import given, settings
from hypothesis import strategies as st

from extract.document import Document
from extract.events.find import find_events
from extract.timex.dates import find_dates, resolve_date

# Pieces that exercise the grammar, mixed with arbitrary text, so generated inputs hit real matches.
_PIECES = st.sampled_from(
    [
        "Sept. 7",
        "Monday, Oct. 26",
        "early Sunday",
        "last week",
        "two weeks prior",
        "2022",
        "the 1990s",
        "Feb. 30",
        "31 April 2025",
        "Q3",
        "the third quarter",
        "now",
        "May",
        "in May",
        "9 a.m. Tuesday",
        "12:75",
        "99 p.m.",
        "a decade ago",
        "0000-00-00",
        "2025-02-29",
        "’90s",
        "mid-2024",
        "for years",
        "every Monday",
        "Christmas",
        "New Year’s Eve",
        "last fall",
        "the next day",
        "13/45/2025",
        " ",
        ". ",
        ", ",
        "\n\n",
        "İstanbul",
        "ß",
        "Sunday night",
        "three-day",
        "9999 years ago",
        "1 billion years ago",
    ]
)
_TEXT = st.lists(st.one_of(_PIECES, st.text(max_size=12)), max_size=12).map("".join)
_PUBLISHED = st.one_of(st.none(), st.dates(min_value=date(1, 1, 1), max_value=date(9999, 12, 31)))


@settings(max_examples=200, deadline=None)
@given(text=_TEXT, published=_PUBLISHED)
def test_find_dates_and_events_never_raise_and_offsets_match_text(text: str, published: date | None) -> None:
    doc = Document.parse(text, published)
    found = find_dates(doc)
    for t in found:
        assert 0 <= t.start < t.end <= len(text)
        assert text[t.start : t.end] == t.text
    for event in find_events(doc, found, []):
        assert 0 <= event.start < event.end <= len(text)
        assert event.summary


@settings(max_examples=100, deadline=None)
@given(text=_TEXT, reference=st.dates(min_value=date(2, 1, 1), max_value=date(9998, 12, 31)))
def test_resolve_date_never_raises(text: str, reference: date) -> None:
    resolve_date(text, reference)
