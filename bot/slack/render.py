"""Block Kit answers to the three questions, built only from the handlers' result models.

Every piece of article or user text goes through `bot.slack.mrkdwn` before it reaches a block.
A page that does not fit in one message is not truncated: the rest is behind the "More" button.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from slack_sdk.models.blocks import Block

from bot.slack.message import BlockBudget, SlackMessage, context, fallback, header, more_button, section
from bot.slack.mrkdwn import bold, escape, link, one_line, safe_text
from bot.slack.paging import MoreRequest
from bot.slack.render_files import with_chart_button
from handlers.domain import ArticleRef, Page
from handlers.empty_store import NO_ARTICLES
from handlers.results import (
    FigureGroup,
    FigureReport,
    FiguresResult,
    QuoteEntry,
    TimelineEntry,
    TimelineResult,
    WhoSaidResult,
)
from handlers.said import is_according, past_tense, quoted, reported, role_parts, roles_seen
from handlers.wording import amount, clip_words, figure_phrase

MAX_SOURCES_SHOWN = 4
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
    coming_up = result.coming_up
    for i, entry in enumerate(result.entries):
        blocks: list[Block] = []
        if i == coming_up:
            blocks.append(header("Coming up (as reported)"))
        if entry.date != last_date or i == coming_up:
            day = format_date(entry.date)
            blocks.append(header(day if i >= coming_up or not entry.upcoming else f"{day} · coming up"))
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
    answer = _finish(
        budget,
        "figures",
        query.text,
        result.page,
        public,
        f"Figures for {query.describe()}: {result.page.total_text} found",
        consumed=None if shown == len(result.groups) else consumed,
    )
    return with_chart_button(answer, query.text, public=public)  # files out: bot/slack/render_files.py


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
    """ "at least 1,200 people", "about 3.5%", "$825 million", "400 fewer jobs", as a reader writes them."""
    phrase = figure_phrase(report.value, report.value_max, report.unit, report.bound, report.change)
    return escape(one_line(phrase))


def format_number(value: float) -> str:
    return amount(value)


def clipped(text: str | None, limit: int) -> str:
    """Article text for a block: one line, cut at a word boundary, then escaped (and cut again if
    escaping lengthened it past the limit)."""
    return safe_text(clip_words(one_line(text or ""), limit), limit)


def _timeline_text(entry: TimelineEntry) -> str:
    lines = [clipped(entry.summary, 1500)]
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
    when = f" · {quote.said_on.isoformat()}" if quote.said_on else ""
    who_said = quote_said(quote.speaker, quote.speaker_role, quote.text, quote.kind, quote.cue)
    return f"{who_said}\n{_source(quote.source)}{when}"


def quote_said(speaker: str | None, role: str | None, text: str, kind: str, cue: str | None = None) -> str:
    """Who said what, in mrkdwn: "*Ada Okafor*, union leader:\n“We stay”" for a direct quote,
    "*Martin Holm* said the yard had lost three orders" for reported speech (never in marks)."""
    before, after = role_parts(one_line(speaker or ""), role) if speaker else ("", "")
    shown = one_line(speaker or "")
    if not before and not is_according(cue):  # the line opens with it: "The authority said ..."
        shown = shown[:1].upper() + shown[1:]
    name = bold(safe_text(shown, 150))
    who = f"{safe_text(before, 150)}{name}{safe_text(after, 150)}" if name else ""
    if kind == "direct":
        return f"{who or 'Unattributed'}:\n{clipped(quoted(text), 1800)}"
    words = clipped(reported(text, kind), 1800)
    if not who:
        return f"Reported, no speaker named: {words}"
    if is_according(cue):
        return f"According to {who}, {words}"
    return f"{who}{',' if after else ''} {safe_text(past_tense(cue), 60)} {words}"


def _group_text(group: FigureGroup) -> str:
    about = bold(clipped(group.about, 200)) if group.about else ""
    spread = ""
    low, high = group.low, group.high
    if len(group.reports) > 1 and low is not None and high is not None and low != high:
        spread = f"reported {format_number(low)} to {format_number(high)}"
    head = " · ".join(p for p in (about, spread) if p)  # each line says its unit
    disagree = "  ⚠ sources disagree" + (
        f" about {', '.join(format_date(d) for d in group.disputed)}" if group.disputed else ""
    )
    lines = [head + (disagree if group.conflict else "")] if head or group.conflict else []
    used = len(lines[0]) if lines else 0
    if group.latest is not None:
        lines.append(f"Latest: {format_figure(group.latest)} {_source(group.latest.source)}")
        used += len(lines[-1])
    earlier = {id(r) for r in group.history}
    for i, report in enumerate(group.reports):
        then = "earlier: " if id(report) in earlier else ""
        line = f"• {then}{format_figure(report)} — “{clipped(report.sentence, 600)}” {_source(report.source)}"
        if used + len(line) + 40 > 2900:
            lines.append(f"+{len(group.reports) - i} more reports")
            break
        lines.append(line)
        used += len(line) + 1
    return "\n".join(lines)


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
    question: str,
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
    if suggestion and suggestion.startswith(NO_ARTICLES):
        # An empty store: nothing was searched, so no heading says "nothing found for" the words.
        blocks: list[Block] = [header(title), section(safe_text(one_line(suggestion), 1000))]
        return SlackMessage(text=fallback(suggestion), blocks=blocks)
    lines = [f"{what} for {bold(safe_text(one_line(described), 500)) or 'that'}."]
    if suggestion:
        lines.append(safe_text(one_line(suggestion), 500))
    blocks = [header(title), section("\n".join(lines))]
    return SlackMessage(text=fallback(f"{what} for {described}"), blocks=blocks)
