"""What a digest leads with: the newest happenings, the best corroborated stories, the most-quoted people.

Pure functions over the facts new in a digest's window. A story reported by several new articles is
one item (its latest report shown, with how many outlets carry the story); a happening dated after
every article that reports it is still to come, and is listed apart as upcoming, soonest first.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping, Sequence
from datetime import date

from extract.timex.dates import date_range
from handlers.domain import EventRecord, FigureRecord, QuoteRecord, Story
from handlers.figure_groups import names_a_thing

_FAR_PAST = date(1, 1, 1)


def span(value: str) -> tuple[date, date]:
    found = date_range(value)
    return found if found is not None else (_FAR_PAST, _FAR_PAST)


def is_upcoming(e: EventRecord, today: date) -> bool:
    """Scheduled (the article says it will happen), or dated after the day its article was published
    (`today` for an article of unknown date)."""
    return e.scheduled or span(e.date)[0] > (e.article.published or today)


def rank_events(
    events: Sequence[EventRecord], story_of: Mapping[int, int], stories: Mapping[int, Story], today: date
) -> tuple[list[EventRecord], list[EventRecord], dict[int, int]]:
    """(past happenings, upcoming ones, outlets reporting each shown event's story).

    One event per story (or per event outside any story): the report from the latest article.
    Past ones newest happening first, then the most corroborated, then the most reported in the
    window; upcoming ones soonest first.
    """
    by_item: dict[tuple[str, int], list[EventRecord]] = {}
    for e in events:
        story_id = story_of.get(e.id)
        key = ("story", story_id) if story_id is not None else ("event", e.id)
        by_item.setdefault(key, []).append(e)
    past: list[tuple[tuple[date, int, int, int], EventRecord]] = []
    upcoming: list[tuple[tuple[date, int], EventRecord]] = []
    outlets: dict[int, int] = {}
    for (kind, item), reports in by_item.items():
        shown = max(reports, key=lambda e: (e.article.published or _FAR_PAST, e.article.id, e.id))
        story = stories.get(item) if kind == "story" else None
        outlets[shown.id] = story.corroboration if story else len({_outlet(e) for e in reports})
        if all(is_upcoming(e, today) for e in reports):
            upcoming.append(((span(shown.date)[0], shown.id), shown))
            continue
        happened = [e for e in reports if not is_upcoming(e, today)]
        newest = max(span(e.date)[0] for e in happened)
        past.append(((newest, outlets[shown.id], len(reports), shown.id), shown))
    past.sort(key=lambda item: item[0], reverse=True)
    upcoming.sort(key=lambda item: item[0])
    return [e for _, e in past], [e for _, e in upcoming], outlets


def _outlet(e: EventRecord) -> str | int:
    return e.article.outlet or e.article.url or e.article.id


def rank_quotes(quotes: Sequence[QuoteRecord], named: frozenset[int] = frozenset()) -> list[QuoteRecord]:
    """The most-quoted people first, their own words before reported speech, newest article first;
    a quote repeated word for word (two outlets, one statement) once. Quotes in `named` (those that
    name a topic's words themselves) lead the others."""
    seen: set[tuple[str, str]] = set()
    unique: list[QuoteRecord] = []
    for q in quotes:
        said = (_speaker(q), " ".join(q.text.casefold().split()))
        if said not in seen:
            seen.add(said)
            unique.append(q)
    counts = Counter(_speaker(q) for q in unique if q.speaker)
    kind_order = {"direct": 0, "partial": 1, "indirect": 2}

    def key(q: QuoteRecord) -> tuple[int, int, int, int, date, int]:
        return (
            0 if not named or q.id in named else 1,
            -counts.get(_speaker(q), 0),
            0 if q.speaker else 1,
            kind_order.get(q.kind, 3),
            _negated(q.article.published),
            -q.id,
        )

    ranked = sorted(unique, key=key)
    # Each speaker's best quote first, then the rest in the same order: one voice does not fill it.
    firsts: list[QuoteRecord] = []
    rest: list[QuoteRecord] = []
    speakers: set[str] = set()
    for q in ranked:
        (rest if _speaker(q) in speakers else firsts).append(q)
        speakers.add(_speaker(q))
    return sorted(firsts, key=lambda q: q.id not in named if named else False) + rest


def _speaker(q: QuoteRecord) -> str:
    return str(q.person_id) if q.person_id is not None else (q.speaker or "").casefold()


def _negated(day: date | None) -> date:
    """Sorts newest first inside an ascending key."""
    if day is None:
        return date.max
    return date.fromordinal(date.max.toordinal() - day.toordinal() + 1)


def rank_figures(
    figures: Sequence[FigureRecord], lead_articles: Sequence[int], named: frozenset[int] = frozenset()
) -> list[FigureRecord]:
    """Figures that name a topic's words (`named`) first, then those that say what they count, from
    the articles of the stories leading the digest, then newest article first."""
    order = {article_id: i for i, article_id in enumerate(dict.fromkeys(lead_articles))}

    def key(f: FigureRecord) -> tuple[int, int, int, date, int]:
        said = f.about is not None and names_a_thing(f.about, f.unit)
        lead = 0 if not named or f.id in named else 1
        return (
            lead,
            0 if said else 1,
            order.get(f.article.id, len(order)),
            _negated(f.article.published),
            -f.id,
        )

    return sorted(figures, key=key)
