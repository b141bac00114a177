"""Block Kit rendering, case by case: dates as headers, figures with bound and unit, links, paging."""

from __future__ import annotations

from datetime import UTC, datetime

from bot.slack.limits import violations
from bot.slack.mrkdwn import clip, escape, link
from bot.slack.paging import MoreRequest
from bot.slack.render import format_date, format_figure, render_figures, render_timeline
from bot.slack.render_admin import render_source_list
from bot.slack.replies import split_public
from handlers.admin import SourceList
from handlers.domain import ArticleRef, Page, Source
from handlers.results import (
    FigureGroup,
    FigureReport,
    FiguresQuery,
    FiguresResult,
    TimelineEntry,
    TimelineQuery,
    TimelineResult,
)

REF = ArticleRef(id=1, url="https://wire.example/a?x=1&y=2", title="Flood <update>", outlet="Wire")


def entry(day: str, summary: str, sources: int = 1) -> TimelineEntry:
    return TimelineEntry(date=day, precision="day", summary=summary, sources=[REF] * sources)


def timeline(entries: list[TimelineEntry], total: int, limit: int = 10, offset: int = 0) -> TimelineResult:
    query = TimelineQuery(text="flood since 2025-01-01", terms=["flood"], limit=limit, offset=offset)
    return TimelineResult(query=query, entries=entries, page=Page(total=total, offset=offset, limit=limit))


def test_escape_neutralises_mrkdwn_and_entities() -> None:
    assert escape("a & <b> *c* _d_ ~e~ `f`") == "a &amp; &lt;b&gt; ∗c∗ ˍdˍ ∼e∼ ˋfˋ"


def test_clip_never_cuts_an_entity_in_half() -> None:
    assert clip(escape("ab&cd"), 6) == "ab…"


def test_link_escapes_the_label_and_refuses_non_http_urls() -> None:
    expected = "<https://wire.example/a?x=1&amp;y=2|A¦B &lt;c&gt;>"
    assert link("https://wire.example/a?x=1&y=2", "A|B <c>") == expected
    assert link("javascript:alert(1)", "click") == "click"
    assert link(None, None) == "article"


def test_same_day_entries_share_one_date_header() -> None:
    entries = [
        entry("2025-03-01", "Levee breached"),
        entry("2025-03-01", "Town evacuated"),
        entry("2025-03", "Month of rain"),
    ]
    message = render_timeline(timeline(entries, total=3))
    headers = [b["text"]["text"] for b in message.payload()["blocks"] if b["type"] == "header"]
    assert headers == ["Timeline: flood", "1 March 2025", "March 2025"]
    assert message.text.startswith("Timeline for flood")


def test_a_page_too_big_for_one_message_continues_behind_more() -> None:
    entries = [entry(f"{1950 + i}", f"Event {i}", sources=2) for i in range(50)]
    message = render_timeline(timeline(entries, total=100, limit=50))
    payload = message.payload()
    assert violations(payload) == [] and len(payload["blocks"]) <= 50
    request = MoreRequest.decode(payload["blocks"][-1]["elements"][0]["value"])
    assert request is not None and request.question == "timeline"
    shown = sum(1 for b in payload["blocks"] if b["type"] == "section")
    # Each shown entry is one stored story (however many reports it merged): the next page starts after them.
    assert request.offset == shown and request.text == "flood since 2025-01-01"


def test_last_page_has_no_more_button() -> None:
    result = timeline([entry("2025-03-01", "Levee breached")], total=11, offset=10)
    payload = render_timeline(result).payload()
    assert all(b["type"] != "actions" for b in payload["blocks"])
    assert "Showing 11–11 of 11" in str(payload)


def test_empty_result_shows_the_suggestion() -> None:
    payload = render_timeline(
        TimelineResult(
            query=TimelineQuery(terms=["zzz"]),
            entries=[],
            page=Page(total=0, offset=0, limit=10),
            suggestion="Try another word, or /timeline alone",
        )
    ).payload()
    assert "Try another word, or /timeline alone" in str(payload)
    assert violations(payload) == []


def test_figures_show_bound_unit_range_and_change() -> None:
    def report(**kw) -> FigureReport:  # type: ignore[no-untyped-def]
        return FigureReport(text="x", value=1200, sentence="s", source=REF, **kw)

    assert format_figure(report(unit="homes", bound=">=")) == "at least 1,200 homes"
    assert format_figure(report(unit="%", bound="~", change="up")) == "up about 1,200%"
    assert format_figure(report(value_max=1500.5, unit="tonnes")) == "1,200–1,500.5 tonnes"
    # Extraction names units in the singular: written out after the value as a reader writes them.
    assert format_figure(report(unit="metric ton", bound="<=")) == "up to 1,200 metric tons"
    assert format_figure(FigureReport(text="x", value=1, unit="ship", sentence="s", source=REF)) == "1 ship"
    group = FigureGroup(
        about="homes flooded", unit="homes", reports=[report(unit="homes", bound=">")], conflict=True
    )
    text = str(
        render_figures(
            FiguresResult(
                query=FiguresQuery(terms=["homes"]), groups=[group], page=Page(total=1, offset=0, limit=10)
            )
        ).payload()
    )
    assert "*homes flooded*" in text and "(homes)" not in text and "sources disagree" in text  # said once
    assert "over 1,200 homes" in text
    cost = FigureGroup(about="flood damage", unit="USD", reports=[report(unit="USD")])
    text = str(
        render_figures(
            FiguresResult(
                query=FiguresQuery(terms=["damage"]), groups=[cost], page=Page(total=1, offset=0, limit=10)
            )
        ).payload()
    )
    # The amount says its currency as a reader writes it: no "(USD)" after the heading.
    assert "*flood damage*" in text and "$1,200" in text and "USD" not in text


def test_format_date_handles_partial_and_odd_dates() -> None:
    assert format_date("2025-03-09") == "9 March 2025"
    assert format_date("2025-13") == "2025-13"
    assert format_date("") == "Undated"


def test_hundreds_of_sources_list_within_50_blocks() -> None:
    sources = [
        Source(
            id=i,
            url=f"https://s{i}.example/feed",
            name=f"Source {i}",
            created_at=datetime.now(UTC),
            active=i % 2 == 0,
            last_error="timeout" if i % 7 == 0 else None,
        )
        for i in range(1, 5001)
    ]
    payload = render_source_list(SourceList(sources=sources)).payload()
    assert violations(payload) == []
    assert "more not shown" in str(payload["blocks"][-1])


def test_public_is_taken_out_of_the_query() -> None:
    assert split_public("flood Public since monday") == ("flood since monday", True)
    assert split_public("publicity stunt") == ("publicity stunt", False)
