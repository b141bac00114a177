"""A digest as plain text (`briefbot digest preview`): what the channel's next post would say."""

from __future__ import annotations

from handlers.digests import Digest
from handlers.domain import EventRecord, FigureRecord
from handlers.figure_groups import adds_to_unit
from handlers.said import said
from handlers.wording import counted, figure_phrase, moment


def digest_text(digest: Digest) -> str:
    """The digest as plain text, for the terminal: the same items, order and window as the post."""
    sub = digest.subscription
    since = moment(digest.since, sub.timezone, year=digest.since.year != digest.until.year)
    lines = [f"Digest for {sub.channel}: {sub.topic or 'all news'}", f"new since {since}"]
    if digest.empty:
        return "\n".join([*lines, "no new items"])
    t = digest.totals
    lines.append(
        f"{counted(t.get('events', 0), 'new event')}, {counted(t.get('quotes', 0), 'quote')} and "
        f"{counted(t.get('figures', 0), 'figure')} from {counted(len(digest.sources), 'article')}"
    )
    if digest.events:
        lines += ["", "Events (newest first):"] + [_event(e, digest) for e in digest.events]
    if digest.upcoming:
        lines += ["", "Coming up:"] + [_event(e, digest) for e in digest.upcoming]
    lines += _more(digest, "events")
    if digest.quotes:
        lines += ["", "Quotes:"] + [
            f"  {said(q.speaker, q.speaker_role, q.text, q.kind, q.cue)}" for q in digest.quotes
        ]
        lines += _more(digest, "quotes")
    if digest.figures:
        lines += ["", "Figures:"] + [_figure(f) for f in digest.figures]
        lines += _more(digest, "figures")
    lines += ["", "Sources:"] + [
        f"  {a.title or a.url or a.id}" + (f" <{a.url}>" if a.url else "") for a in digest.sources
    ]
    return "\n".join(lines)


def _event(e: EventRecord, digest: Digest) -> str:
    n = digest.outlets.get(e.id, 1)
    return f"  {e.date}  {e.summary}" + (f"  [{counted(n, 'outlet')}]" if n > 1 else "")


def _figure(f: FigureRecord) -> str:
    phrase = figure_phrase(f.value, f.value_max, f.unit, f.bound, f.change)
    named = adds_to_unit(f.about, f.unit)
    return (
        f"  {phrase}"
        + (f" ({f.about})" if named else "")
        + f" — {f.article.outlet or f.article.title or ''}".rstrip(" —")
    )


def _more(digest: Digest, kind: str) -> list[str]:
    n = digest.more(kind)
    return [f"  …and {n} more: {digest.see_more(kind)}"] if n else []
