"""In-memory repositories and unit of work for handler tests: simple lists, simple searches."""

from __future__ import annotations

import builtins
import contextlib
import unicodedata
from collections.abc import Iterator, Sequence
from datetime import UTC, date, datetime
from types import TracebackType
from typing import TypeVar

from handlers.domain import (
    AdminAction,
    AlertBatch,
    AlertFacts,
    Article,
    ArticleRef,
    ArticleStoredMeanwhile,
    AskedQuestion,
    EventRecord,
    FactSearch,
    FigureRecord,
    NewArticle,
    NewEvent,
    NewFigure,
    NewQuote,
    Person,
    QuoteRecord,
    Source,
    SpeakerSighting,
    Story,
    StoryHeadline,
    StoryKeys,
    StoryMember,
    Watch,
)
from handlers.ports import WaitWork
from handlers.stories import SHOWN_FROM_NEWEST, shown
from handlers.tenancy import ALL_WORKSPACES, DEFAULT_WORKSPACE, own_workspace, require, sees


class FakeTenancy:
    """Which workspace the fake unit of work reads for, and which articles each may read: the same
    rule as store/tenancy.py (handlers.tenancy.sees), so a fake never lets through what the store
    would not."""

    def __init__(self) -> None:
        self.workspace: str | None = None
        self.rows: list[tuple[int, str]] = []  # (article id, workspace): article_access

    def current(self, what: str, search: FactSearch | None = None) -> str:
        return require((search.workspace if search is not None else None) or self.workspace, what)

    def readers(self, article_id: int) -> set[str]:
        return {w for a, w in self.rows if a == article_id}

    def sees(self, article_id: int, workspace: str) -> bool:
        return sees(workspace, self.readers(article_id))

    def grant(self, article_ids: Sequence[int], workspaces: Sequence[str]) -> int:
        new = 0
        for a in article_ids:
            for w in workspaces:
                if (a, own_workspace(w)) not in self.rows:
                    self.rows.append((a, w))
                    new += 1
        return new


def fold(text: str) -> str:
    """Case- and accent-insensitive form."""
    return "".join(c for c in unicodedata.normalize("NFKD", text.casefold()) if not unicodedata.combining(c))


def _matches(haystack: str, terms: Sequence[str]) -> bool:
    h = fold(haystack)
    return all(fold(t) in h for t in terms)


def _in_window(day: date | None, s: FactSearch) -> bool:
    if s.since is None and s.until is None:
        return True
    if day is None:
        return False
    return (s.since is None or day >= s.since) and (s.until is None or day <= s.until)


def _event_end(value: str) -> date:
    from extract.timex.dates import date_range

    span = date_range(value)
    assert span is not None
    return span[1]


def _event_day(value: str) -> date:
    parts = (value + "-01-01")[:10] if len(value) == 4 else (value + "-01" if len(value) == 7 else value)
    return date.fromisoformat(parts)


class FakeArticles:
    def __init__(self, tenancy: FakeTenancy | None = None) -> None:
        self.rows: list[Article] = []
        self.texts: dict[int, str] = {}
        # When `add` says an article was fetched (tests of "new since" move it on).
        self.fetched_at = datetime(2025, 9, 10, tzinfo=UTC)
        self.tenancy = tenancy or FakeTenancy()

    def visible(
        self, article_id: int, what: str = "reading articles", search: FactSearch | None = None
    ) -> bool:
        """Whether the workspace read for (the search's, else the unit of work's) may read the article."""
        return self.tenancy.sees(article_id, self.tenancy.current(what, search))

    def _seen(self, what: str) -> list[Article]:
        workspace = self.tenancy.current(what)
        return [a for a in self.rows if self.tenancy.sees(a.id, workspace)]

    def get_by_hash(self, content_hash: str) -> Article | None:
        return next((a for a in self._seen("finding an article") if a.content_hash == content_hash), None)

    def get_by_url(self, url: str) -> Article | None:
        return next((a for a in self._seen("finding an article") if a.url == url), None)

    def stored_among(self, hashes: Sequence[str], urls: Sequence[str]) -> list[Article]:
        return [
            a
            for a in self._seen("finding stored articles")
            if a.content_hash in hashes or (a.url is not None and a.url in urls)
        ]

    def get(self, article_id: int) -> Article | None:
        return next((a for a in self._seen("reading an article") if a.id == article_id), None)

    def recent(self, *, limit: int, offset: int = 0) -> list[Article]:
        return self._seen("listing articles")[::-1][offset : offset + limit]

    def grant(self, article_ids: Sequence[int], workspaces: Sequence[str]) -> int:
        return self.tenancy.grant(article_ids, workspaces)

    def workspaces(self, article_id: int) -> set[str]:
        return self.tenancy.readers(article_id)

    def revoke(self, article_id: int, workspace: str) -> set[str]:
        self.tenancy.rows[:] = [(a, w) for a, w in self.tenancy.rows if (a, w) != (article_id, workspace)]
        return self.tenancy.readers(article_id)

    def add(self, article: NewArticle) -> Article:
        row = Article(
            id=len(self.rows) + 1,
            url=article.url,
            title=article.title,
            outlet=article.outlet,
            published=article.published,
            fetched_at=self.fetched_at,
            content_hash=article.content_hash,
            source_id=article.source_id,
            guid=article.guid,
        )
        self.rows.append(row)
        self.texts[row.id] = article.text
        # As the store: the workspace storing an article may read it (jobs grant explicitly).
        workspace = self.tenancy.current("storing articles")
        if workspace != ALL_WORKSPACES:
            self.tenancy.grant([row.id], [workspace])
        return row

    def insert_new_many(self, articles: Sequence[NewArticle]) -> list[Article | ArticleStoredMeanwhile]:
        return [self.add(article) for article in articles]

    def count(self) -> int:
        return len(self._seen("counting articles"))

    def fetched_after(self, article_id: int, s: FactSearch) -> bool:
        """Whether the article is in the search's `fetched_after` window (always, without one)."""
        if s.fetched_after is None:
            return True
        return any(a.id == article_id and a.fetched_at > s.fetched_after for a in self.rows)

    def ref(self, article_id: int) -> ArticleRef:
        a = next(a for a in self.rows if a.id == article_id)
        return ArticleRef(id=a.id, url=a.url, title=a.title, outlet=a.outlet, published=a.published)


T = TypeVar("T")


def _page(rows: list[T], s: FactSearch) -> tuple[list[T], int]:
    return rows[s.offset : s.offset + s.limit], len(rows)


class FakeEvents:
    def __init__(self, articles: FakeArticles) -> None:
        self.articles = articles
        self.rows: list[EventRecord] = []

    def add_batch(self, articles: Sequence[tuple[int, Sequence[NewEvent]]]) -> list[list[int | None]]:
        return [self.add_many(article_id, events) for article_id, events in articles]

    def add_many(self, article_id: int, events: Sequence[NewEvent]) -> list[int | None]:
        ids: list[int | None] = []
        for e in events:
            self.rows.append(
                EventRecord(id=len(self.rows) + 1, article=self.articles.ref(article_id), **e.model_dump())
            )
            ids.append(len(self.rows))
        return ids

    def search(self, search: FactSearch) -> tuple[list[EventRecord], int]:
        rows = [
            e
            for e in self.rows
            if _matches(" ".join([e.summary, e.sentence, *e.actors, *e.places]), search.terms)
            and _in_window(_event_day(e.date), search)
            and self.articles.fetched_after(e.article.id, search)
            and self.articles.visible(e.article.id, "a fact search", search)
        ]
        rows.sort(key=lambda e: (_event_day(e.date), e.id), reverse=search.newest_first)
        return _page(rows, search)


class FakeQuotes:
    def __init__(self, articles: FakeArticles) -> None:
        self.articles = articles
        self.rows: list[QuoteRecord] = []

    def add_many(self, article_id: int, quotes: Sequence[tuple[NewQuote, int | None]]) -> None:
        for q, person_id in quotes:
            self.rows.append(
                QuoteRecord(
                    id=len(self.rows) + 1,
                    person_id=person_id,
                    article=self.articles.ref(article_id),
                    **q.model_dump(),
                )
            )

    def search(self, search: FactSearch) -> tuple[list[QuoteRecord], int]:
        rows = [
            q
            for q in self.rows
            if (not search.person_ids or q.person_id in search.person_ids)
            and _matches(f"{q.text} {q.speaker or ''}", search.terms)
            and _in_window(q.article.published, search)
            and self.articles.fetched_after(q.article.id, search)
            and self.articles.visible(q.article.id, "a fact search", search)
        ]
        rows.sort(key=lambda q: (q.article.published or date.min, q.article.id), reverse=True)
        return _page(rows, search)


class FakeFigures:
    def __init__(self, articles: FakeArticles) -> None:
        self.articles = articles
        self.rows: list[FigureRecord] = []

    def add_many(self, article_id: int, figures: Sequence[NewFigure]) -> None:
        for f in figures:
            self.rows.append(
                FigureRecord(id=len(self.rows) + 1, article=self.articles.ref(article_id), **f.model_dump())
            )

    def search(self, search: FactSearch) -> tuple[list[FigureRecord], int]:
        rows = [
            f
            for f in self.rows
            if _matches(f"{f.text} {f.unit or ''} {f.about or ''} {f.sentence}", search.terms)
            and _in_window(f.article.published, search)
            and self.articles.fetched_after(f.article.id, search)
            and self.articles.visible(f.article.id, "a fact search", search)
        ]
        rows.sort(key=lambda f: (f.article.published or date.min, f.article.id), reverse=True)
        return _page(rows, search)


class FakePeople:
    def __init__(self, quotes: FakeQuotes | None = None) -> None:
        self.rows: list[Person] = []
        self.quotes = quotes  # with them, a workspace is offered only the people its articles quote

    def _offered(self, people: list[Person], what: str) -> list[Person]:
        if self.quotes is None:
            return people
        articles = self.quotes.articles
        if articles.tenancy.current(what) == ALL_WORKSPACES:
            return people
        quoted = {q.person_id for q in self.quotes.rows if articles.visible(q.article.id, what)}
        return [p for p in people if p.id in quoted]

    def _known(self, name: str) -> Person | None:
        key = fold(name)
        return next((p for p in self.rows if key in {fold(n) for n in [p.name, *p.aliases]}), None)

    def upsert(
        self,
        name: str,
        *,
        kind: str,
        aliases: Sequence[str],
        roles: Sequence[str],
        seen_on: date | None = None,
    ) -> Person:
        known = self._known(name)
        if known is None:
            person = Person(
                id=len(self.rows) + 1, name=name, kind=kind, aliases=list(aliases), roles=list(roles)
            )
            self.rows.append(person)
            return person
        merged = known.model_copy(
            update={
                "aliases": known.aliases + [a for a in aliases if a not in known.aliases],
                "roles": known.roles + [r for r in roles if r not in known.roles],
            }
        )
        self.rows[self.rows.index(known)] = merged
        return merged

    def upsert_id(
        self,
        name: str,
        *,
        kind: str,
        aliases: Sequence[str],
        roles: Sequence[str],
        seen_on: date | None = None,
    ) -> int:
        return self.upsert(name, kind=kind, aliases=aliases, roles=roles, seen_on=seen_on).id

    def upsert_many(self, sightings: Sequence[SpeakerSighting]) -> list[int]:
        return [
            self.upsert_id(s.name, kind=s.kind, aliases=s.aliases, roles=s.roles, seen_on=s.seen_on)
            for s in sightings
        ]

    def find(self, text: str) -> list[Person]:
        key = fold(text.strip())
        if not key:
            return []
        found = [
            p
            for p in self.rows
            if key in {fold(n) for n in [p.name, *p.aliases]} or key == fold(p.name.split()[-1])
        ]
        return self._offered(found, "finding people")

    def similar(self, text: str, *, limit: int = 3) -> list[Person]:
        # Near spellings are the store's (store.repositories.people_find); a fake knows none.
        self._offered([], "suggesting people")
        return []


class FakeSources:
    """Sources stored once by URL; `follows` (source id, workspace, active, interval, created by) say
    which workspace follows which, as store.repositories.sources keeps them."""

    def __init__(self, tenancy: FakeTenancy | None = None) -> None:
        self.rows: list[Source] = []
        self.follows: list[tuple[int, str, bool, int, str | None]] = []
        self.seen: list[tuple[int, datetime]] = []  # (source id, seen at) of each item a poller took
        self.tenancy = tenancy or FakeTenancy()
        self.articles: FakeArticles | None = None  # to open a followed source's stored articles

    def _as_followed(self, what: str) -> list[Source]:
        workspace = self.tenancy.current(what)
        if workspace == ALL_WORKSPACES:
            return list(self.rows)
        mine = {f[0]: f for f in self.follows if f[1] == workspace}
        return [
            s.model_copy(
                update={
                    "active": mine[s.id][2],
                    "interval_minutes": mine[s.id][3],
                    "created_by": mine[s.id][4],
                }
            )
            for s in self.rows
            if s.id in mine
        ]

    def add(self, url: str, *, name: str | None, kind: str, created_by: str | None) -> Source:
        workspace = own_workspace(self.tenancy.current("following a source"))
        src = next((s for s in self.rows if s.url == url), None)
        if src is None:
            src = Source(
                id=max((s.id for s in self.rows), default=0) + 1,
                url=url,
                name=name,
                kind=kind,
                created_at=datetime(2025, 9, 10, tzinfo=UTC),
                created_by=created_by,
            )
            self.rows.append(src)
        if not any(f[:2] == (src.id, workspace) for f in self.follows):
            self.follows.append((src.id, workspace, True, 15, created_by))
            if self.articles is not None:
                self.tenancy.grant([a.id for a in self.articles.rows if a.source_id == src.id], [workspace])
        return next(s for s in self._as_followed("following a source") if s.id == src.id)

    def get(self, source_id: int) -> Source | None:
        return next((s for s in self._as_followed("reading sources") if s.id == source_id), None)

    def get_by_url(self, url: str) -> Source | None:
        return next((s for s in self._as_followed("reading sources") if s.url == url), None)

    def list(self) -> list[Source]:
        return self._as_followed("reading sources")

    def followers(self, source_id: int) -> builtins.list[str]:
        return sorted(f[1] for f in self.follows if f[0] == source_id)

    def remove(self, source_id: int) -> bool:
        workspace = own_workspace(self.tenancy.current("unfollowing a source"))
        before = len(self.follows)
        self.follows[:] = [f for f in self.follows if f[:2] != (source_id, workspace)]
        if not any(f[0] == source_id for f in self.follows):
            self.rows[:] = [s for s in self.rows if s.id != source_id]
        return len(self.follows) < before

    def set_active(self, source_id: int, active: bool) -> Source | None:
        workspace = self.tenancy.current("changing a source")
        for i, f in enumerate(self.follows):
            if f[0] == source_id and workspace in (f[1], ALL_WORKSPACES):
                self.follows[i] = (f[0], f[1], active, f[3], f[4])
        return self.get(source_id)

    def seen_counts(self, since: datetime) -> dict[int, int]:
        mine = {s.id for s in self._as_followed("reading source health")}
        counts: dict[int, int] = {}
        for source_id, at in self.seen:
            if at >= since and source_id in mine:
                counts[source_id] = counts.get(source_id, 0) + 1
        return counts


class FakeAudit:
    def __init__(self, tenancy: FakeTenancy | None = None) -> None:
        self.rows: list[AdminAction] = []
        self.workspaces: list[str] = []  # whose admin did each of `rows`
        self.tenancy = tenancy or FakeTenancy()

    def record(self, actor: str, action: str, detail: str, at: datetime) -> None:
        self.workspaces.append(own_workspace(self.tenancy.current("an admin action")))
        self.rows.append(AdminAction(actor=actor, action=action, detail=detail, at=at))

    def recent(self, limit: int = 50) -> list[AdminAction]:
        workspace = self.tenancy.current("reading the audit log")
        mine = [
            r for r, w in zip(self.rows, self.workspaces, strict=True) if workspace in (w, ALL_WORKSPACES)
        ]
        return mine[-limit:][::-1]


class FakeStories:
    """Stories as rows of (story without members) and links (event id -> story id, score, reason)."""

    def __init__(self, events: FakeEvents) -> None:
        self.events = events
        self.rows: list[Story] = []
        self.links: list[tuple[int, int, float | None, dict[str, object] | None]] = []
        self.keys: dict[int, StoryKeys] = {}
        self.loaded: list[list[int]] = []  # the ids of every `load`, to check a page loads only itself

    def _member(self, link: tuple[int, int, float | None, dict[str, object] | None]) -> StoryMember:
        _, event_id, score, reason = link
        e = next(e for e in self.events.rows if e.id == event_id)
        return StoryMember(
            event_id=e.id,
            date=e.date,
            summary=e.summary,
            actors=e.actors,
            places=e.places,
            start=e.start,
            article=e.article,
            score=score,
            reason=reason,
        )

    def _full(self, story: Story) -> Story:
        members = [self._member(link) for link in self.links if link[0] == story.id]
        return story.model_copy(update={"members": members})

    def _seen(self, story: Story) -> Story | None:
        """The story as the workspace sees it (store.repositories.stories `_as_seen`): its visible
        members, and what it shows made of them when some are hidden; None when it sees none."""
        articles = self.events.articles
        workspace = articles.tenancy.current("reading stories")
        full = self._full(story)
        members = [m for m in full.members if articles.tenancy.sees(m.article.id, workspace)]
        if workspace == ALL_WORKSPACES or len(members) == len(full.members):
            return full
        if not members:
            return None
        when, summary, actors, places = shown(members[-SHOWN_FROM_NEWEST:])
        return full.model_copy(
            update={"members": members, "date": when, "summary": summary, "actors": actors, "places": places}
        )

    def lock_for_merging(self) -> None:
        pass  # one process, one thread: nothing to take turns with

    def matching_members(
        self, reports: Sequence[StoryKeys], *, limit: int = 50
    ) -> list[list[tuple[int, StoryMember]]]:
        return [self._matching(r.start, r.end, r.keys, limit) for r in reports]

    def read_ahead(self, reports: Sequence[StoryKeys], *, limit: int = 50) -> None:
        pass  # everything is in memory already

    def _matching(
        self, since: date, until: date, keys: Sequence[str], limit: int
    ) -> list[tuple[int, StoryMember]]:
        wanted = set(keys)
        hits = []
        for link in self.links:
            found_by = self.keys.get(link[1])
            if found_by and found_by.start <= until and found_by.end >= since and wanted & set(found_by.keys):
                hits.append((len(wanted & set(found_by.keys)), link))
        hits.sort(key=lambda h: (h[0], h[1][1]), reverse=True)
        return [(link[0], self._member(link)) for _, link in hits[:limit]]

    def members(self, story_id: int, *, newest: int | None = None) -> list[StoryMember]:
        found = [self._member(link) for link in self.links if link[0] == story_id]
        return found if newest is None else found[max(len(found) - newest, 0) :]

    def latest_members(self, story_ids: Sequence[int], *, newest: int) -> dict[int, list[StoryMember]]:
        return {i: self.members(i, newest=newest) for i in story_ids}

    def start(
        self,
        event_id: int,
        *,
        date: str,
        summary: str,
        actors: Sequence[str],
        places: Sequence[str],
        keys: StoryKeys | None = None,
        member: StoryMember | None = None,
    ) -> int:
        story = Story(
            id=len(self.rows) + 1, date=date, summary=summary, actors=list(actors), places=list(places)
        )
        self.rows.append(story)
        self.links = [link for link in self.links if link[1] != event_id]
        self.links.append((story.id, event_id, None, None))
        self._index(event_id, keys)
        return story.id

    def attach(
        self,
        story_id: int,
        event_id: int,
        *,
        score: float,
        reason: dict[str, object],
        keys: StoryKeys | None = None,
        member: StoryMember | None = None,
    ) -> None:
        self.links = [link for link in self.links if link[1] != event_id]
        self.links.append((story_id, event_id, score, dict(reason)))
        self._index(event_id, keys)

    def detach(self, event_id: int) -> None:
        self.links = [link for link in self.links if link[1] != event_id]
        self.keys.pop(event_id, None)

    def _index(self, event_id: int, keys: StoryKeys | None) -> None:
        self.keys.pop(event_id, None)
        if keys is not None:
            self.keys[event_id] = keys

    def update(
        self, story_id: int, *, date: str, summary: str, actors: Sequence[str], places: Sequence[str]
    ) -> None:
        i = next(i for i, s in enumerate(self.rows) if s.id == story_id)
        self.rows[i] = self.rows[i].model_copy(
            update={"date": date, "summary": summary, "actors": list(actors), "places": list(places)}
        )

    def get(self, story_id: int) -> Story | None:
        story = next((s for s in self.rows if s.id == story_id), None)
        return self._seen(story) if story else None

    def story_of_event(self, event_id: int) -> int | None:
        return next((link[0] for link in self.links if link[1] == event_id), None)

    def search(self, search: FactSearch, *, cap: int = 500) -> list[StoryHeadline]:
        return [
            StoryHeadline(id=s.id, date=s.date, corroboration=s.corroboration, words=s.words)
            for s in self._search(search, cap=cap)
        ]

    def load(self, ids: Sequence[int]) -> list[Story]:
        self.loaded.append(list(ids))
        found = [self.get(i) for i in ids]
        return [s for s in found if s is not None]

    def _search(self, search: FactSearch, *, cap: int) -> list[Story]:
        out = []
        articles = self.events.articles
        workspace = articles.tenancy.current("a story search", search)
        for s in self.rows:
            full = self._full(s)
            # Found only through the reports the workspace sees (the headline is the stored one).
            full = full.model_copy(
                update={
                    "members": [m for m in full.members if articles.tenancy.sees(m.article.id, workspace)]
                }
            )
            if not full.members or not _in_window(_event_day(s.date), search):
                continue
            if search.terms and not any(
                _matches(" ".join([m.summary, *m.actors, *m.places]), search.terms) for m in full.members
            ):
                continue
            out.append(full)
        return sorted(out, key=lambda s: (s.date, s.id), reverse=True)[:cap]

    def stories_at(self, spans: Sequence[tuple[int, int]]) -> dict[tuple[int, int], int]:
        found: dict[tuple[int, int], int] = {}
        for article_id, offset in spans:
            if not self.events.articles.visible(article_id, "reading stories"):
                continue
            for e in self.events.rows:
                story_id = self.story_of_event(e.id)
                if e.article.id == article_id and e.start <= offset < e.end and story_id is not None:
                    found[(article_id, offset)] = story_id
                    break
        return found

    def event_dates_at(self, spans: Sequence[tuple[int, int]]) -> dict[tuple[int, int], str]:
        found: dict[tuple[int, int], str] = {}
        for article_id, offset in spans:
            if not self.events.articles.visible(article_id, "reading stories"):
                continue
            for e in self.events.rows:
                if e.article.id == article_id and e.start <= offset < e.end:
                    found[(article_id, offset)] = e.date
                    break
        return found


class FakeThreads:
    def __init__(self, tenancy: FakeTenancy | None = None) -> None:
        self.rows: list[AskedQuestion] = []
        self.workspaces: list[str] = []  # where each of `rows` was asked
        self.tenancy = tenancy or FakeTenancy()

    def last(self, channel: str, thread: str) -> AskedQuestion | None:
        workspace = self.tenancy.current("a thread's question")
        return next(
            (
                q
                for q, w in zip(self.rows, self.workspaces, strict=True)
                if (q.channel, q.thread) == (channel, thread) and w == workspace
            ),
            None,
        )

    def remember(self, question: AskedQuestion) -> None:
        workspace = own_workspace(self.tenancy.current("a thread's question"))
        kept = [
            (q, w)
            for q, w in zip(self.rows, self.workspaces, strict=True)
            if (q.channel, q.thread) != (question.channel, question.thread)
        ]
        self.rows[:] = [q for q, _ in kept] + [question]
        self.workspaces[:] = [w for _, w in kept] + [workspace]


class FakeUnitOfWork:
    """All repositories in memory. Writes made without `commit()` are undone when the block ends."""

    def __init__(self, workspace: str | None = DEFAULT_WORKSPACE) -> None:
        # Tests read as the single-token deployment's workspace unless they choose another (`of`).
        self.tenancy = FakeTenancy()
        self.tenancy.workspace = workspace
        self.articles = FakeArticles(self.tenancy)
        self.events = FakeEvents(self.articles)
        self.quotes = FakeQuotes(self.articles)
        self.figures = FakeFigures(self.articles)
        self.people = FakePeople(self.quotes)
        self.sources = FakeSources(self.tenancy)
        self.sources.articles = self.articles
        self.audit = FakeAudit(self.tenancy)
        self.stories = FakeStories(self.events)
        self.threads = FakeThreads(self.tenancy)
        self.commits = 0
        self._snapshot: dict[str, list[object]] | None = None

    @property
    def workspace(self) -> str | None:
        return self.tenancy.workspace

    def of(self, workspace: str | None) -> FakeUnitOfWork:
        """The next transactions read for `workspace` (as SqlUnitOfWork.of)."""
        self.tenancy.workspace = workspace
        return self

    def _lists(self) -> dict[str, list[object]]:
        repos = {
            "articles": self.articles,
            "events": self.events,
            "quotes": self.quotes,
            "figures": self.figures,
            "people": self.people,
            "sources": self.sources,
            "audit": self.audit,
            "stories": self.stories,
            "threads": self.threads,
        }
        lists = {name: repo.rows for name, repo in repos.items()}  # type: ignore[attr-defined]
        lists["story_links"] = self.stories.links
        lists["article_access"] = self.tenancy.rows
        lists["source_follows"] = self.sources.follows
        lists["audit_workspaces"] = self.audit.workspaces
        lists["thread_workspaces"] = self.threads.workspaces
        return lists

    def __enter__(self) -> FakeUnitOfWork:
        self._snapshot = {k: list(v) for k, v in self._lists().items()}
        return self

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.rollback()

    @contextlib.contextmanager
    def while_waiting(self, work: WaitWork | None) -> Iterator[None]:
        yield
        if work is not None:
            # As a database would: it waited once, for the block's last exchange. What the work
            # raises is not the transaction's: its caller does that piece again.
            with contextlib.suppress(Exception):
                work()

    def commit(self) -> None:
        self.commits += 1
        self._snapshot = {k: list(v) for k, v in self._lists().items()}

    def rollback(self) -> None:
        if self._snapshot is None:
            return
        lists = self._lists()
        for name, rows in self._snapshot.items():
            lists[name][:] = rows


class FixedClock:
    def __init__(self, today: date) -> None:
        self._today = today

    def today(self) -> date:
        return self._today

    def now(self) -> datetime:
        return datetime(self._today.year, self._today.month, self._today.day, 12, tzinfo=UTC)


class FakeWatches:
    """Alert watches in memory: `deliveries` (watch id, kind, fact id) -> batch id is the claim."""

    def __init__(self, articles: FakeArticles) -> None:
        self.articles = articles
        self.rows: list[Watch] = []
        self.batch_rows: list[AlertBatch] = []
        self.deliveries: list[tuple[int, str, int, int]] = []

    def add(
        self, *, kind: str, subject: str, channel: str | None, owner: str, team: str | None, at: datetime
    ) -> Watch:
        watch = Watch(
            id=max((w.id for w in self.rows), default=0) + 1,
            kind=kind,
            subject=subject,
            channel=channel,
            owner=owner,
            team=team,
            created_at=at,
        )
        self.rows.append(watch)
        return watch

    def _mine(self, watch: Watch) -> bool:
        workspace = self.articles.tenancy.current("reading watches")
        return workspace in (watch.team, ALL_WORKSPACES)

    def get(self, watch_id: int) -> Watch | None:
        return next((w for w in self.rows if w.id == watch_id and self._mine(w)), None)

    def find(
        self, *, team: str | None = None, channel: str | None = None, owner: str | None = None
    ) -> list[Watch]:
        return [
            w
            for w in self.rows
            if (team is None or w.team in (team, None))
            and self._mine(w)
            and (
                (channel is None and owner is None)
                or (channel is not None and w.channel == channel)
                or (owner is not None and w.personal and w.owner == owner)
            )
        ]

    def remove(self, watch_id: int) -> bool:
        if self.get(watch_id) is None:
            return False
        before = len(self.rows)
        self.rows[:] = [w for w in self.rows if w.id != watch_id]
        self.batch_rows[:] = [b for b in self.batch_rows if b.watch_id != watch_id]
        self.deliveries[:] = [d for d in self.deliveries if d[0] != watch_id]
        return len(self.rows) < before

    def checked(self, watch_id: int, until: datetime) -> None:
        watch = self.get(watch_id)
        if watch is not None and (watch.checked_until is None or watch.checked_until < until):
            self.rows[self.rows.index(watch)] = watch.model_copy(update={"checked_until": until})

    def delivered(self, watch_id: int, keys: Sequence[tuple[str, int]]) -> set[tuple[str, int]]:
        held = {(kind, fact) for w, kind, fact, _ in self.deliveries if w == watch_id}
        return held & set(keys)

    def claim(self, watch_id: int, facts: AlertFacts, *, at: datetime) -> AlertBatch | None:
        held = self.delivered(watch_id, facts.claim_keys())
        won = {k for k in facts.claim_keys() if k not in held}
        if not won:
            return None
        batch = AlertBatch(
            id=max((b.id for b in self.batch_rows), default=0) + 1,
            watch_id=watch_id,
            facts=facts.only(won),
            claimed_at=at,
        )
        self.batch_rows.append(batch)
        self.deliveries.extend(
            (watch_id, kind, fact, batch.id) for kind, fact in facts.claim_keys() if (kind, fact) in won
        )
        return batch

    def retry(self, watch_id: int, *, max_attempts: int, at: datetime) -> list[AlertBatch]:
        claimed = []
        for i, b in enumerate(self.batch_rows):
            if b.watch_id == watch_id and b.status == "failed" and b.attempts < max_attempts:
                self.batch_rows[i] = b.model_copy(
                    update={"status": "claimed", "attempts": b.attempts + 1, "claimed_at": at, "error": None}
                )
                claimed.append(self.batch_rows[i])
        return claimed

    def _update(self, batch_id: int, **values: object) -> None:
        i = next(i for i, b in enumerate(self.batch_rows) if b.id == batch_id)
        self.batch_rows[i] = self.batch_rows[i].model_copy(update=values)

    def mark_posted(self, batch_id: int, *, message_ts: str | None, at: datetime) -> None:
        self._update(batch_id, status="posted", message_ts=message_ts, posted_at=at)

    def mark_failed(self, batch_id: int, *, error: str) -> None:
        self._update(batch_id, status="failed", error=error)

    def batches(self, watch_id: int, limit: int = 20) -> list[AlertBatch]:
        return [b for b in reversed(self.batch_rows) if b.watch_id == watch_id][:limit]

    def last_fetch(self) -> datetime | None:
        return max((a.fetched_at for a in self.articles.rows), default=None)


class FakeAlertUnitOfWork(FakeUnitOfWork):
    """The in-memory unit of work with alert watches; they too are undone without `commit()`."""

    def __init__(self, workspace: str | None = DEFAULT_WORKSPACE) -> None:
        super().__init__(workspace)
        self.watches = FakeWatches(self.articles)
        self._snapshot = None

    def _lists(self) -> dict[str, list[object]]:
        lists = super()._lists()
        lists["watches"] = self.watches.rows  # type: ignore[assignment]
        lists["alert_batches"] = self.watches.batch_rows  # type: ignore[assignment]
        lists["alert_deliveries"] = self.watches.deliveries  # type: ignore[assignment]
        return lists

    def rollback(self) -> None:
        if self._snapshot is None:
            return
        lists = self._lists()
        for name in ("watches", "alert_batches", "alert_deliveries"):
            lists[name][:] = self._snapshot[name]
        snapshot = self._snapshot
        self._snapshot = {
            k: v for k, v in snapshot.items() if k not in ("watches", "alert_batches", "alert_deliveries")
        }
        try:
            super().rollback()
        finally:
            self._snapshot = snapshot
