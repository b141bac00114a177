"""One stored fact as a line of mrkdwn with its source: what digests and alerts show of each."""

from __future__ import annotations

from bot.slack.mrkdwn import bold, link, one_line, safe_text
from bot.slack.render import clipped, format_figure, quote_said
from handlers.commands import figure_report
from handlers.domain import ArticleRef, FigureRecord, QuoteRecord
from handlers.figure_groups import adds_to_unit


def source_text(ref: ArticleRef) -> str:
    """The article as a link (its title, else outlet or URL), with its outlet beside a title."""
    text = link(ref.url, ref.title or ref.outlet or ref.url or f"article {ref.id}")
    if ref.outlet and ref.title:
        text += f" ({safe_text(one_line(ref.outlet), 80)})"
    return text


def quote_text(q: QuoteRecord) -> str:
    """The quote as said (quotation marks only around the speaker's own words), then its source."""
    return f"{quote_said(q.speaker, q.speaker_role, q.text, q.kind, q.cue)}\n{source_text(q.article)}"


def figure_text(f: FigureRecord, *, before_source: str = "\n") -> str:
    """What the figure is of (when its subject says more than its unit), the figure as a reader
    writes it, its sentence, and its source."""
    report = figure_report(f)
    # "people" or "the" beside a figure says nothing: only a subject that adds to the unit leads.
    about = clipped(f.about, 200) if adds_to_unit(f.about, f.unit) else ""
    lead = f"{bold(about)}: " if about else ""
    return (
        f"{lead}{format_figure(report)} — “{clipped(f.sentence, 600)}”{before_source}{source_text(f.article)}"
    )
