"""The three questions: /timeline, /whosaid, /figures. Each reads through the unit of work."""

from __future__ import annotations

from typing import Protocol, TypeVar

from handlers.domain import (
    ArticleRef,
    DatePrecision,
    FactSearch,
    FigureRecord,
    Page,
    Person,
    QuoteRecord,
    Story,
)
from handlers.empty_store import empty_store_hint
from handlers.figure_groups import group_figures, summarise
from handlers.headline_words import topic_words
from handlers.ports import UnitOfWork
from handlers.quoted_person import split_person
from handlers.results import (
    FactQuery,
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

LATEST_FIRST = "latest first"


def show_timeline(query: TimelineQuery, *, uow: UnitOfWork) -> TimelineResult:
    """One entry per story (a happening with every article that reported it), latest first.

    Every page is a slice of one order, so "More" goes on back in time where the page stopped:
    the latest stories first and, on one date, the ones whose own summary names the topic (before
    one where only a report does), then the best corroborated.
    """
    with uow:
        # Ranked from headlines (no reports): only the page's stories are loaded in full.
        found = uow.stories.search(_search(query))
        ranked = rank_stories(found, query.terms)
        page = uow.stories.load([s.id for s in ranked[query.offset : query.offset + query.limit]])
    entries = [_timeline_entry(s) for s in page]
    paged = _page(query, len(found))
    return TimelineResult(
        query=query.model_copy(update={"order": LATEST_FIRST})
        if len(entries) > 1 or paged.has_more
        else query,
        entries=entries,
        page=paged,
        suggestion=None if entries else _suggest("timeline", query, uow),
    )


class Rankable(Protocol):
    """What ranking reads of a story: a full `Story` or a `StoryHeadline` rank the same."""

    @property
    def id(self) -> int: ...
    @property
    def date(self) -> str: ...
    @property
    def corroboration(self) -> int: ...
    @property
    def words(self) -> frozenset[str]: ...


R = TypeVar("R", bound=Rankable)


def rank_stories(stories: list[R], terms: list[str]) -> list[R]:
    """Latest first; on one date, the summary naming the topic first, then the most corroborated."""
    wanted = topic_words(terms)

    def relevance(story: R) -> int:
        if not wanted:
            return 0  # no topic: every story is as relevant
        # Whole words, plural or not: "war" is not in "software", "strikes" is "strike".
        said = story.words
        return sum(1 for t in wanted if t in said)

    def key(story: R) -> tuple[str, int, int, int]:
        return story.date, relevance(story), story.corroboration, story.id

    return sorted(stories, key=key, reverse=True)


def _timeline_entry(story: Story) -> TimelineEntry:
    sources: list[ArticleRef] = []
    for m in story.members:
        if all(s.id != m.article.id for s in sources):
            sources.append(_ref(m.article))
    return TimelineEntry(
        date=story.date,
        precision=_precision(story.date),
        summary=story.summary,
        actors=list(story.actors),
        places=list(story.places),
        sources=sources,
        story_id=story.id,
        reports=len(story.members),
    )


def show_quotes(query: WhoSaidQuery, *, uow: UnitOfWork) -> WhoSaidResult:
    """Quotes by the person the query names (on the topic its other words give: "Zelensky sanctions")
    or, when it names nobody quoted, quotes about all its words."""
    search = _search(query)
    with uow:
        people, _, topic = split_person(query.terms, uow.people.find)
        if people:
            ids = [p.id for p in people]
            by_person_search = search.model_copy(update={"person_ids": ids, "terms": topic})
            by_person, total = uow.quotes.search(by_person_search)
            if total:
                roles = {p.name: p.roles[0] for p in people if p.roles}
                entries = [_quote_entry(q, roles.get(q.speaker or "")) for q in by_person]
                return WhoSaidResult(
                    query=query, matched="person", people=people, quotes=entries, page=_page(query, total)
                )
        quotes, total = uow.quotes.search(search)
    return WhoSaidResult(
        query=query,
        matched="topic" if total else "none",
        people=people,
        quotes=[_quote_entry(q) for q in quotes],
        page=_page(query, total),
        suggestion=None if total else _suggest("whosaid", query, uow),
    )


def show_figures(query: FiguresQuery, *, uow: UnitOfWork) -> FiguresResult:
    """Figures matching the query, grouped by what they count in which happening, ranges, conflicts.

    A group is not split across pages: it is shown on the page where its first figure (in the
    store's order, newest article first) falls, with its figures up to `_horizon` places further
    (read ahead); the next page starts at the first figure of a group not shown yet, and reads as
    far back to know which of its figures were shown already.
    """
    reach = _horizon(query.limit)
    end = query.offset + query.limit
    first = max(0, query.offset - reach)
    window = _search(query).model_copy(update={"offset": first, "limit": end + reach - first})
    with uow:
        figures, total = uow.figures.search(window)
        dates = _happening_dates(figures, uow)
    reports = [figure_report(f).model_copy(update={"happening": dates.get(f.id)}) for f in figures]
    at: dict[tuple[object, ...], int] = {}
    for i, r in enumerate(reports):
        at.setdefault(_place_key(r), first + i)
    groups: list[FigureGroup] = []
    later: list[int] = []
    for group in group_figures(reports, lambda r: r.happening):
        for start, members in _chunks(group, at, reach):
            if query.offset <= start < end:
                groups.append(group if len(members) == len(group.reports) else summarise(members))
            elif start >= end:
                later.append(start)
    # The search matches the whole sentence; numbers that themselves count the topic come first.
    groups.sort(key=lambda g: not _counts_topic(g, query.terms))
    # The next page starts at the first figure of a group not shown here (or past what was read).
    next_offset = min(later) if later else min(total, first + len(figures))
    page = Page(total=total, offset=query.offset, limit=max(query.limit, next_offset - query.offset))
    return FiguresResult(
        query=query,
        groups=groups,
        page=page,
        suggestion=None if groups else _suggest("figures", query, uow),
    )


def _horizon(limit: int) -> int:
    """How many places after a group's first figure its other figures are looked for: a page's
    worth (each place read costs the page a figure and a look-up of its story)."""
    return max(10, limit)


def _place_key(r: FigureReport) -> tuple[object, ...]:
    # By value, not identity: grouping may hand back copies of the reports.
    return (r.source.id, r.text, r.sentence, r.value, r.value_max, r.unit)


def _chunks(
    group: FigureGroup, at: dict[tuple[object, ...], int], reach: int
) -> list[tuple[int, list[FigureReport]]]:
    """The group's figures as shown: (place of the first, the figures up to `reach` places after it),
    a figure further on starting the next. One chunk, the whole group, unless it spans more."""
    placed = sorted(group.reports, key=lambda r: at.get(_place_key(r), 0))
    chunks: list[tuple[int, list[FigureReport]]] = []
    for r in placed:
        where = at.get(_place_key(r), 0)
        if chunks and where - chunks[-1][0] <= reach:
            chunks[-1][1].append(r)
        else:
            chunks.append((where, [r]))
    return chunks


def _happening_dates(figures: list[FigureRecord], uow: UnitOfWork) -> dict[int, str | None]:
    """Figure id -> the day of the happening its sentence tells of (None: no stored event holds it).

    The event's own date when it names a day, else its story's: a story that runs over days (a queue
    of ships reported Tuesday, Thursday and Saturday) is not one moment, and counts told on
    different days of it are not reports that disagree.
    """
    spans = [(f.article.id, f.start) for f in figures]
    stories = uow.stories.stories_at(spans)
    event_days = uow.stories.event_dates_at(spans)
    story_dates: dict[int, str] = {}
    for story_id in set(stories.values()):
        story = uow.stories.get(story_id)
        if story is not None:
            story_dates[story_id] = story.date
    out: dict[int, str | None] = {}
    for f in figures:
        at = (f.article.id, f.start)
        day, found = event_days.get(at), stories.get(at)
        if found is None:
            out[f.id] = None
        elif day is not None and _precision(day) == "day":
            out[f.id] = day
        else:
            out[f.id] = story_dates.get(found)
    return out


def figure_report(f: FigureRecord) -> FigureReport:
    """A stored figure as answers show it, with the article that reported it."""
    return FigureReport(
        text=f.text,
        value=f.value,
        value_max=f.value_max,
        unit=f.unit,
        bound=f.bound,
        change=f.change,
        about=f.about,
        sentence=f.sentence,
        source=_ref(f.article),
    )


def _suggest(command: str, query: FactQuery, uow: UnitOfWork) -> str:
    """What to try when nothing matched: a stored person the words nearly spell, if asking about
    them finds something; else a broader query. Nothing stored at all: how to add articles."""
    with uow:
        if not uow.articles.count():
            return empty_store_hint()
    return did_you_mean(command, query, uow=uow) or suggest_broader(command, query)


# A misspelt name is a few words; a longer query is a topic, and near spellings of it are noise.
_NAME_WORDS = 4


def did_you_mean(command: str, query: FactQuery, *, uow: UnitOfWork) -> str | None:
    """ "Did you mean Keith Kellogg? /whosaid Keith Kellogg" for a misspelt stored name ("Kelog"),
    offered only if the question asked with that name finds something."""
    if not query.terms or len(query.terms) > _NAME_WORDS:
        return None
    with uow:
        for person in uow.people.similar(" ".join(query.terms)):
            if _finds_something(command, query, person, uow):
                return f"Did you mean {person.name}? Try /{command} {person.name}{_window(query)}"
    return None


def _window(query: FactQuery) -> str:
    since = f" since {query.since.isoformat()}" if query.since else ""
    return since + (f" until {query.until.isoformat()}" if query.until else "")


def _finds_something(command: str, query: FactQuery, person: Person, uow: UnitOfWork) -> bool:
    search = _search(query).model_copy(update={"limit": 1, "offset": 0})
    if command == "whosaid":
        return uow.quotes.search(search.model_copy(update={"person_ids": [person.id], "terms": []}))[1] > 0
    named = search.model_copy(update={"terms": person.name.split()})
    if command == "figures":
        return uow.figures.search(named)[1] > 0
    return bool(uow.stories.search(named, cap=1))


def suggest_broader(command: str, query: FactQuery) -> str:
    """A broader query to try when nothing matched: drop the date window first, then words."""
    if query.since or query.until:
        topic = " ".join(query.terms)
        return f"Try without the date window: /{command}{' ' + topic if topic else ''}"
    if len(query.terms) > 1:
        longest = max(query.terms, key=len)
        return f"Try fewer words: /{command} {longest}"
    if query.terms:
        return f"Try another word, or /{command} alone to see everything stored."
    return "None in the stored articles yet: try another question (help lists them)."


def _search(query: FactQuery) -> FactSearch:
    return FactSearch(
        terms=list(query.terms), since=query.since, until=query.until, limit=query.limit, offset=query.offset
    )


def _page(query: FactQuery, total: int) -> Page:
    return Page(total=total, offset=query.offset, limit=query.limit)


def _ref(a: ArticleRef) -> ArticleRef:
    # Records may carry a richer subclass; results hold exactly what a citation needs.
    return ArticleRef(id=a.id, url=a.url, title=a.title, outlet=a.outlet, published=a.published)


def _precision(value: str) -> DatePrecision:
    return "day" if len(value) >= 10 else "month" if len(value) >= 7 else "year"


def _quote_entry(q: QuoteRecord, known_role: str | None = None) -> QuoteEntry:
    # The article may not restate who the speaker is; the role seen elsewhere still helps the reader.
    return QuoteEntry(
        speaker=q.speaker,
        speaker_role=q.speaker_role or known_role,
        text=q.text,
        kind=q.kind,
        cue=q.cue,
        said_on=q.article.published,
        source=_ref(q.article),
    )


def _counts_topic(group: FigureGroup, terms: list[str]) -> bool:
    said = " ".join(f"{r.text} {r.about or ''} {r.unit or ''}" for r in group.reports).lower()
    return any(t.lower() in said or (group.unit and t.lower().startswith(group.unit.lower())) for t in terms)
