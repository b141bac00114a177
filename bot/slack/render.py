"""Block Kit answers to the three questions, built only from the handlers' result models.

Every piece of article or user text goes through `bot.slack.mrkdwn` before it reaches a block.
A page that does not fit in one message is not truncated: the rest is behind the "More" button.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from datetime import date

from slack_sdk.models.blocks import Block

from bot.console.stories import roles_seen
from bot.slack.message import BlockBudget, SlackMessage, context, fallback, header, more_button, section
from bot.slack.mrkdwn import bold, escape, link, one_line, safe_text
from bot.slack.paging import MoreRequest, Question
from extract.figures.nouns import plural_unit
from handlers.domain import ArticleRef, Page
from handlers.results import (
    FigureGroup,
    FigureReport,
    FiguresResult,
    QuoteEntry,
    TimelineEntry,
    TimelineResult,
    WhoSaidResult,
)
from handlers.wording import unit_after

MAX_SOURCES_SHOWN = 4
_BOUND_WORDS = {
    "=": "",
    "~": "about ",
    ">": "more than ",
    ">=": "at least ",
    "<": "less than ",
    "<=": "up to ",
}
_MONTHS = ("January February March April May June July August September October November December").split()


def render_timeline(result: TimelineResult, *, public: bool = False) -> SlackMessage:
    """Dates as headers, one section per happening with links to every article that reported it."""
    query = result.query
    title = f"Timeline: {query.describe()}"
    if not result.entries:
        return _nothing(title, "Nothing on the timeline", query.describe(), result.suggestion)
    budget = BlockBudget()
    budget.add(header(title))
    shown = consumed = 0
    last_date: str | None = None
    for entry in result.entries:
        blocks: list[Block] = []
        if entry.date != last_date:
            blocks.append(header(format_date(entry.date)))
        blocks.append(section(_timeline_text(entry)))
        if not budget.add(*blocks):
            break
        last_date = entry.date
        shown += 1
        consumed += 1  # one entry per stored story
    return _finish(
        budget,
        "timeline",
        query.text,
        result.page,
        public,
        f"Timeline for {query.describe()}: {result.page.total_text} events",
        consumed=None if shown == len(result.entries) else consumed,
    )


def render_quotes(result: WhoSaidResult, *, public: bool = False) -> SlackMessage:
    """Who said what: speaker (and role) in bold, the quote, the outlet and a link to the article."""
    query = result.query
    title = f"Who said: {query.describe()}"
    if not result.quotes:
        return _nothing(title, "No quotes found", query.describe(), result.suggestion)
    budget = BlockBudget()
    budget.add(header(title))
    if result.matched == "person" and result.people:
        names = ", ".join(escape(one_line(p.name)) for p in result.people[:10])
        budget.add(context(f"Quotes by {names}"))
        seen = [one_line(f"{p.name}: {roles_seen(p)}") for p in result.people[:3] if p.role_history]
        if seen:
            budget.add(context(safe_text("\n".join(seen), 2900)))
    shown = 0
    for quote in result.quotes:
        if not budget.add(section(_quote_text(quote))):
            break
        shown += 1
    return _finish(
        budget,
        "whosaid",
        query.text,
        result.page,
        public,
        f"Quotes for {query.describe()}: {result.page.total_text} found",
        consumed=None if shown == len(result.quotes) else shown,
    )


def render_figures(result: FiguresResult, *, public: bool = False) -> SlackMessage:
    """One section per figure group: what it is about, each source's figure with bound and unit."""
    query = result.query
    title = f"Figures: {query.describe()}"
    if not result.groups:
        return _nothing(title, "No figures found", query.describe(), result.suggestion)
    budget = BlockBudget()
    budget.add(header(title))
    shown = consumed = 0
    for group in result.groups:
        if not budget.add(section(_group_text(group))):
            break
        shown += 1
        consumed += max(1, len(group.reports))  # a group holds one stored figure per report
    return _finish(
        budget,
        "figures",
        query.text,
        result.page,
        public,
        f"Figures for {query.describe()}: {result.page.total_text} found",
        consumed=None if shown == len(result.groups) else consumed,
    )


def format_date(value: str) -> str:
    """ "2025-03-12" -> "12 March 2025", "2025-03" -> "March 2025", "2025" -> "2025"."""
    try:
        if len(value) == 10:
            day = date.fromisoformat(value)
            return f"{day.day} {_MONTHS[day.month - 1]} {day.year}"
        if len(value) == 7:
            year, month = value.split("-")
            return f"{_MONTHS[int(month) - 1]} {int(year)}"
    except (ValueError, IndexError):
        pass
    return value or "Undated"


def format_figure(report: FigureReport) -> str:
    """ "at least 1,200 people", "about 3.5 %", "1,000–2,000 tonnes", with ▲/▼ for a change."""
    amount = format_number(report.value)
    if report.value_max is not None:
        amount += "–" + format_number(report.value_max)
    unit = ""
    if report.unit:
        unit = " " + escape(one_line(unit_after(report.value, report.value_max, report.unit)))
    arrow = {"up": " ▲", "down": " ▼"}.get(report.change or "", "")
    return f"{_BOUND_WORDS.get(report.bound, '')}{amount}{unit}{arrow}"


def format_number(value: float) -> str:
    if not math.isfinite(value):
        return str(value)
    if value == int(value) and abs(value) < 1e15:
        return f"{int(value):,}"
    return f"{value:,.3f}".rstrip("0").rstrip(".")


def _timeline_text(entry: TimelineEntry) -> str:
    lines = [safe_text(one_line(entry.summary), 1500)]
    who = ", ".join([*entry.actors[:5], *entry.places[:5]])
    if who:
        lines.append(safe_text(who, 300))
    line = _sources_line(entry.sources)
    if entry.corroboration > 1:
        line = f"{entry.corroboration} sources: {line}"
    if entry.story_id is not None and entry.reports > 1:
        line += f" · story {entry.story_id}"  # what /briefbot stories show|split takes
    lines.append(line)
    return "\n".join(lines)


def _quote_text(quote: QuoteEntry) -> str:
    speaker = bold(safe_text(one_line(quote.speaker or ""), 150)) or "Unattributed"
    if quote.speaker_role:
        speaker += f", {safe_text(one_line(quote.speaker_role), 150)}"
    said = safe_text(one_line(quote.text), 1800)
    if quote.kind == "indirect":
        body = f"{said} (paraphrase)"
    else:
        body = said if quote.carries_marks else f"“{said}”"
    when = f" · {quote.said_on.isoformat()}" if quote.said_on else ""
    return f"{speaker}:\n{body}\n{_source(quote.source)}{when}"


def _group_text(group: FigureGroup) -> str:
    about = safe_text(one_line(group.about or "Figures"), 200)
    unit = ""
    if group.unit and not _names_its_unit(group.about or "", group.unit):
        unit = f" ({safe_text(one_line(group.unit), 60)})"
    spread = ""
    low, high = group.low, group.high
    if len(group.reports) > 1 and low is not None and high is not None and low != high:
        spread = f" · range {format_number(low)}–{format_number(high)}"
    lines = [f"{bold(about) or 'Figures'}{unit}{spread}" + ("  ⚠ sources disagree" if group.conflict else "")]
    used = len(lines[0])
    if group.latest is not None:
        lines.append(f"Latest: {format_figure(group.latest)} {_source(group.latest.source)}")
        used += len(lines[-1])
    earlier = {id(r) for r in group.history}
    for i, report in enumerate(group.reports):
        then = "earlier: " if id(report) in earlier else ""
        line = (
            f"• {then}{format_figure(report)} — “{safe_text(one_line(report.sentence), 600)}” "
            f"{_source(report.source)}"
        )
        if used + len(line) + 40 > 2900:
            lines.append(f"+{len(group.reports) - i} more reports")
            break
        lines.append(line)
        used += len(line) + 1
    return "\n".join(lines)


def _names_its_unit(about: str, unit: str) -> bool:
    """Whether what a group counts already says its unit ("ships waiting" of ships): "(ship)" after it
    would only repeat it."""
    said = about.casefold().split()
    return unit.casefold() in said or plural_unit(unit).casefold() in said


def _source(ref: ArticleRef) -> str:
    title = ref.title or ref.outlet or ref.url or f"article {ref.id}"
    text = link(ref.url, title)
    if ref.outlet and ref.title:
        text += f" ({safe_text(one_line(ref.outlet), 80)})"
    return text


def _sources_line(sources: Sequence[ArticleRef]) -> str:
    shown = [_source(ref) for ref in sources[:MAX_SOURCES_SHOWN]]
    extra = len(sources) - len(shown)
    line = " · ".join(shown) or "no source"
    return line + (f" · +{extra} more" if extra > 0 else "")


def _finish(
    budget: BlockBudget,
    question: Question,
    text: str,
    page: Page,
    public: bool,
    summary: str,
    *,
    consumed: int | None,
) -> SlackMessage:
    """Footer and "More": `consumed` is how many stored facts the shown items cover when the page
    did not fit in one message (None when it all fitted, so the page went up to offset + limit)."""
    if consumed is None:
        end = min(page.total, page.offset + page.limit)
    else:
        end = min(page.total, page.offset + max(1, consumed))
    footer: list[Block] = [context(f"Showing {page.offset + 1}–{end} of {page.total_text}")]
    if end < page.total:
        footer.append(more_button(MoreRequest(question=question, text=text, offset=end, public=public)))
    return SlackMessage(
        text=fallback(f"{summary} (showing {page.offset + 1}–{end})"), blocks=budget.finish(*footer)
    )


def _nothing(title: str, what: str, described: str, suggestion: str | None) -> SlackMessage:
    lines = [f"{what} for {bold(safe_text(one_line(described), 500)) or 'that'}."]
    if suggestion:
        lines.append(safe_text(one_line(suggestion), 500))
    blocks: list[Block] = [header(title), section("\n".join(lines))]
    return SlackMessage(text=fallback(f"{what} for {described}"), blocks=blocks)
