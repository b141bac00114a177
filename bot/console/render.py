"""Plain text from result models: what a terminal (or a log, or an email) shows."""

from __future__ import annotations

from functools import singledispatch

from handlers.domain import ArticleRef, Page
from handlers.results import (
    FactQuery,
    FigureGroup,
    FigureReport,
    FiguresResult,
    HelpResult,
    QuoteEntry,
    Refused,
    TimelineResult,
    WhoSaidResult,
)
from handlers.said import roles_seen, said
from handlers.wording import amount, counted, figure_phrase

MORE_HINT = "type 'more' for the next page"


def render(answer: object, *, more_hint: str = MORE_HINT) -> str:
    """The answer as plain text, ending in a "More" line when there is another page."""
    body = render_text(answer)
    page = getattr(answer, "page", None)
    more = _more(page, more_hint) if isinstance(page, Page) else None
    return body + (f"\n\n{more}" if more else "")


@singledispatch
def render_text(result: object) -> str:
    """The plain text of one result, chosen by its type; `render_text.register(Kind, fn)` adds one."""
    raise TypeError(f"no plain-text renderer for {type(result).__name__}")


@render_text.register
def render_help(result: HelpResult) -> str:
    return f"{result.note}\n\n{result.text}" if result.note else result.text


@render_text.register
def render_refused(result: Refused) -> str:
    return f"Sorry, {result.what} is for briefbot admins only."


@render_text.register
def render_timeline(result: TimelineResult) -> str:
    if not result.entries:
        return _nothing(result.query, result.suggestion)
    lines = [f"Timeline: {result.query.describe()} ({_total(result.page, 'event')})"]
    last_date = None
    coming_up = result.coming_up
    for i, entry in enumerate(result.entries):
        if i == coming_up:
            lines += ["", "Coming up (as reported):"]
        if entry.date != last_date or i == coming_up:
            mark = " (coming up)" if entry.upcoming and i < coming_up else ""
            lines += ["", entry.date + mark]
            last_date = entry.date
        lines.append(f"  • {entry.summary}")
        if entry.story_id is not None and (entry.reports > 1 or entry.corroboration > 1):
            lines.append(
                f"      [story {entry.story_id}: {counted(entry.reports, 'report')}, "
                f"{counted(entry.corroboration, 'source')}]"
            )
        lines += [f"      {cite(s)}" for s in entry.sources]
    return "\n".join(lines)


@render_text.register
def render_quotes(result: WhoSaidResult) -> str:
    if not result.quotes:
        return _nothing(result.query, result.suggestion)
    if result.matched == "person":
        who = ", ".join(p.name for p in result.people)
        head = f"Quotes by {who}"
    else:
        head = f"Quotes about {result.query.describe()}"
    lines = [f"{head} ({_total(result.page, 'quote')})", ""]
    if result.matched == "person":
        lines += [f"{p.name}: {roles_seen(p)}" for p in result.people if p.role_history]
        lines += [""] if any(p.role_history for p in result.people) else []
    lines += [quote_line(q) for q in result.quotes]
    return "\n".join(lines)


def quote_line(q: QuoteEntry) -> str:
    """Speaker — “direct quote” or "Speaker said reported words" — outlet, date, link."""
    return f"{said(q.speaker, q.speaker_role, q.text, q.kind, q.cue, sep=' — ')} — {cite(q.source)}"


@render_text.register
def render_figures(result: FiguresResult) -> str:
    if not result.groups:
        return _nothing(result.query, result.suggestion)
    lines = [f"Figures: {result.query.describe()} ({_total(result.page, 'figure')})"]
    for group in result.groups:
        lines.append("")
        head = f"{group.about or ''}{_range(group)}".strip()
        if head or group.conflict:
            about = f" about {', '.join(group.disputed)}" if group.disputed else ""
            lines.append(head + (f"  [sources disagree{about}]" if group.conflict else ""))
        if group.latest is not None:
            lines.append(f"  latest: {figure_line(group.latest)}")
            lines += [f"    earlier: {figure_line(r)}" for r in group.history]
            continue
        lines += [("  " if head else "") + figure_line(r) for r in group.reports]
    return "\n".join(lines)


def _range(group: FigureGroup) -> str:
    """(reported 9 to 13) when the reports give more than one value: only values they gave."""
    if len(group.reports) < 2 or group.low is None or group.high is None or group.low == group.high:
        return ""
    return f" (reported {amount(group.low)} to {amount(group.high)})"


def figure_line(r: FigureReport) -> str:
    """over 800 drones — “more than 800 drones” — outlet, date, link."""
    phrase = figure_phrase(r.value, r.value_max, r.unit, r.bound, r.change)
    return f"{phrase} — “{r.text}” — {cite(r.source)}"


def cite(source: ArticleRef) -> str:
    """outlet, date, link (whichever are known)."""
    parts = [source.outlet or source.title or f"article {source.id}"]
    if source.published:
        parts.append(source.published.isoformat())
    if source.url:
        parts.append(source.url)
    return ", ".join(parts)


def _nothing(query: FactQuery, suggestion: str | None) -> str:
    text = f"Nothing found for {query.describe()}."
    return f"{text}\n{suggestion}" if suggestion else text


def _total(page: Page, noun: str) -> str:
    return f"{page.total_text} {noun}" + ("" if page.total == 1 else "s")


def _more(page: Page, hint: str) -> str | None:
    if not page.has_more:
        return None
    last = min(page.offset + page.limit, page.total)
    return f"More: showing {page.offset + 1}–{last} of {page.total_text}; {hint}."
