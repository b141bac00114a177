"""A readable plain-text report of one article's extraction."""

from __future__ import annotations

from datetime import date

from extract import Extraction
from handlers.said import said
from handlers.wording import clip_words, figure_phrase


def format_extraction(
    text: str, ex: Extraction, published: date | None = None, *, explain: bool = False
) -> str:
    """A readable report of one extraction; with `explain`, each fact ends with its rule's name."""

    def why(rule: str | None) -> str:
        # A family may leave `rule` unset (figures do when nothing says what the number counts).
        return (f"  [rule: {rule}]" if rule else "  [no rule recorded]") if explain else ""

    lines = [f"{len(text):,} characters" + (f", published {published.isoformat()}" if published else "")]
    lines.append("")
    lines.append(f"EVENTS ({len(ex.events)})")
    for e in sorted(ex.events, key=lambda e: e.date):
        when = " (coming up)" if e.scheduled else ""  # as the timeline marks it
        lines.append(f"  {e.date:10}  {e.summary}{when}{why(e.rule)}")
    lines.append("")
    lines.append(f"QUOTES ({len(ex.quotes)})")
    for q in ex.quotes:
        # As the answers write it: direct quotes in marks, reported speech never inside them.
        line = said(q.speaker, q.speaker_role, clip_words(q.text, 200), q.kind, q.cue)
        lines.append(f"  [{q.kind}] {line}{why(q.rule)}")
    lines.append("")
    lines.append(f"FIGURES ({len(ex.figures)})")
    for f in ex.figures:
        phrase = figure_phrase(f.value, f.value_max, f.unit, f.bound, f.change)
        about = f"  of: {f.about}" if f.about else "  of: not found"
        lines.append(f"  {phrase}{about}  (the article: “{f.text}”){why(f.rule)}")
    lines.append("")
    lines.append(f"DATES ({len(ex.dates)})")
    for d in ex.dates:
        lines.append(f"  {d.value or 'unresolved':16} {d.kind:9} “{d.text}”{why(d.rule)}")
    if ex.entities:
        lines.append("")
        lines.append(f"NAMES ({len(ex.entities)})")
        for en in ex.entities:
            aka = f" (also {', '.join(en.aliases)})" if en.aliases else ""
            lines.append(f"  {en.kind:12} {en.name}{aka}")
    return "\n".join(lines)
