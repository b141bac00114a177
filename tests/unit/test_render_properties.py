"""Whatever the data, a rendered answer stays within Block Kit's limits and article text stays inert."""

from __future__ import annotations

import re
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bot.slack.limits import violations
from bot.slack.message import SlackMessage
from bot.slack.paging import MoreRequest
from bot.slack.render import render_figures, render_quotes, render_timeline
from handlers.domain import ArticleRef, Page, Person
from handlers.results import (
    FigureGroup,
    FigureReport,
    FiguresQuery,
    FiguresResult,
    QuoteEntry,
    TimelineEntry,
    TimelineQuery,
    TimelineResult,
    WhoSaidQuery,
    WhoSaidResult,
)

SPECIALS = "<>&*_~`|"
_alphabet = st.one_of(st.sampled_from(list(SPECIALS + " \n:!@#")), st.characters(codec="utf-8"))
short = st.text(_alphabet, max_size=40)
# Huge texts are built by repetition: hypothesis is slow to draw thousands of characters one by one.
huge = st.tuples(st.text(_alphabet, min_size=1, max_size=12), st.integers(200, 900)).map(
    lambda t: t[0] * t[1]
)
text = st.one_of(short, short, huge)
maybe_text = st.none() | text
url = st.none() | text | st.builds(lambda path: f"https://news.example/{path}", text)

refs = st.builds(
    ArticleRef,
    id=st.integers(1, 10**9),
    url=url,
    title=maybe_text,
    outlet=maybe_text,
    published=st.none() | st.dates(),
)
day = st.one_of(
    st.dates().map(lambda d: d.isoformat()),
    st.dates().map(lambda d: d.isoformat()[:7]),
    st.integers(1, 9999).map(str),
    short,
)
entries = st.builds(
    TimelineEntry,
    date=day,
    precision=st.sampled_from(["day", "month", "year"]),
    summary=text,
    actors=st.lists(text, max_size=8),
    places=st.lists(short, max_size=8),
    sources=st.lists(refs, max_size=12),
)
quotes = st.builds(
    QuoteEntry,
    speaker=maybe_text,
    speaker_role=maybe_text,
    text=text,
    kind=st.sampled_from(["direct", "partial", "indirect"]),
    said_on=st.none() | st.dates(),
    source=refs,
)
numbers = st.floats(allow_nan=True, allow_infinity=True) | st.integers(-(10**15), 10**15).map(float)
reports = st.builds(
    FigureReport,
    text=text,
    value=numbers,
    value_max=st.none() | numbers,
    unit=maybe_text,
    bound=st.sampled_from(["=", "~", ">", ">=", "<", "<="]),
    change=st.sampled_from([None, "up", "down"]),
    about=maybe_text,
    sentence=text,
    source=refs,
)
groups = st.builds(
    FigureGroup,
    about=maybe_text,
    unit=maybe_text,
    reports=st.lists(reports, max_size=15),
    conflict=st.booleans(),
)


def _query(cls: Any) -> Any:
    return st.builds(
        cls,
        text=text,
        terms=st.lists(short, max_size=4),
        limit=st.integers(1, 50),
        offset=st.integers(0, 500),
    )


def _page(query: Any, shown: int, extra: int) -> Page:
    return Page(total=query.offset + shown + extra, offset=query.offset, limit=max(query.limit, shown))


timelines = st.builds(
    lambda q, e, x, s: TimelineResult(query=q, entries=e, page=_page(q, len(e), x), suggestion=s),
    _query(TimelineQuery),
    st.lists(entries, max_size=60),
    st.integers(0, 1000),
    maybe_text,
)
whosaids = st.builds(
    lambda q, e, x, p: WhoSaidResult(
        query=q, quotes=e, page=_page(q, len(e), x), matched="person" if p else "topic", people=p
    ),
    _query(WhoSaidQuery),
    st.lists(quotes, max_size=60),
    st.integers(0, 1000),
    st.lists(st.builds(Person, id=st.integers(1, 99), name=text), max_size=3),
)
figures = st.builds(
    lambda q, g, x: FiguresResult(query=q, groups=g, page=_page(q, len(g), x)),
    _query(FiguresQuery),
    st.lists(groups, max_size=60),
    st.integers(0, 1000),
)

big_data = settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large]
)
_LINK = re.compile(r"<((?i:https?)://[^\s<>|/]+[^\s<>|]*)\|([^<>|\n]*)>")
_BOLD = re.compile(r"\*[^*\n]+\*")
_ENTITY = re.compile(r"&(?!amp;|lt;|gt;)")
_EDGE_UNDERSCORE = re.compile(r"(?<![^\W_])_|_(?![^\W_])")


def assert_inert(mrkdwn: str) -> None:
    """The only markup left is ours: links to http(s) URLs and bold around escaped text."""
    assert not _ENTITY.search(mrkdwn), "a bare & in mrkdwn"
    without_links = _LINK.sub(lambda m: m.group(2), mrkdwn)
    assert "<" not in without_links and ">" not in without_links, "a < or > outside our links"
    for char in "~`":
        assert char not in without_links, f"a raw {char!r} could format text"
    # An underscore between two letters or digits (BRIEFBOT_ADMINS) cannot open or close italics.
    assert not _EDGE_UNDERSCORE.search(without_links), "a raw _ at a word's edge could format text"
    assert "*" not in _BOLD.sub("", without_links), "a raw * outside our bold markers"


def check(message: SlackMessage, page: Page) -> None:
    payload = message.payload()  # slack_sdk validates its own limits here and raises when they are broken
    assert violations(payload) == []
    assert len(payload["blocks"]) <= 50 and payload["text"].strip()
    assert "<" not in payload["text"] and ">" not in payload["text"]
    for block in payload["blocks"]:
        if block["type"] == "section":
            assert_inert(block["text"]["text"])
        elif block["type"] == "context":
            for element in block["elements"]:
                assert_inert(element["text"])
        elif block["type"] == "actions":
            for element in block["elements"]:
                request = MoreRequest.decode(element["value"])
                assert request is not None
                if element["action_id"] == "briefbot_chart":  # charts the whole question (files out)
                    assert request.question == "figures" and request.offset == 0
                else:
                    assert page.offset < request.offset < page.total


@big_data
@given(timelines, st.booleans())
def test_any_timeline_renders_within_limits_with_text_escaped(result: TimelineResult, public: bool) -> None:
    check(render_timeline(result, public=public), result.page)


@big_data
@given(whosaids)
def test_any_quotes_render_within_limits_with_text_escaped(result: WhoSaidResult) -> None:
    check(render_quotes(result), result.page)


@big_data
@given(figures)
def test_any_figures_render_within_limits_with_text_escaped(result: FiguresResult) -> None:
    check(render_figures(result), result.page)


@given(text, st.integers(0, 10**6), st.booleans())
def test_more_button_value_fits_and_round_trips(query_text: str, offset: int, public: bool) -> None:
    request = MoreRequest(question="whosaid", text=query_text, offset=offset, public=public)
    value = request.encode()
    assert len(value) <= 2000
    decoded = MoreRequest.decode(value)
    assert decoded is not None and decoded.offset == offset and decoded.public == public
    assert query_text.startswith(decoded.text)
