"""In-memory repositories and unit of work for handler tests: simple lists, simple searches."""

from __future__ import annotations

import unicodedata
from collections.abc import Sequence
from datetime import UTC, date, datetime
from types import TracebackType
from typing import TypeVar

from handlers.domain import (
    AdminAction,
    Article,
    ArticleRef,
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
)


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


def _event_day(value: str) -> date:
    parts = (value + "-01-01")[:10] if len(value) == 4 else (value + "-01" if len(value) == 7 else value)
    return date.fromisoformat(parts)


class FakeArticles:
    def __init__(self) -> None:
        self.rows: list[Article] = []
        self.texts: dict[int, str] = {}

    def get_by_hash(self, content_hash: str) -> Article | None:
        return next((a for a in self.rows if a.content_hash == content_hash), None)

    def get_by_url(self, url: str) -> Article | None:
        return next((a for a in self.rows if a.url == url), None)

    def add(self, article: NewArticle) -> Article:
        row = Article(id=len(self.rows) + 1, url=article.url, title=article.title, outlet=article.outlet,
                      published=article.published, fetched_at=datetime(2025, 9, 10, tzinfo=UTC),
                      content_hash=article.content_hash, source_id=article.source_id, guid=article.guid)
        self.rows.append(row)
        self.texts[row.id] = article.text
        return row

    def count(self) -> int:
        return len(self.rows)

    def ref(self, article_id: int) -> ArticleRef:
        a = next(a for a in self.rows if a.id == article_id)
        return ArticleRef(id=a.id, url=a.url, title=a.title, outlet=a.outlet, published=a.published)


T = TypeVar("T")


def _page(rows: list[T], s: FactSearch) -> tuple[list[T], int]:
    return rows[s.offset:s.offset + s.limit], len(rows)


class FakeEvents:
    def __init__(self, articles: FakeArticles) -> None:
        self.articles = articles
        self.rows: list[EventRecord] = []

    def add_many(self, article_id: int, events: Sequence[NewEvent]) -> None:
        for e in events:
            self.rows.append(EventRecord(id=len(self.rows) + 1, article=self.articles.ref(article_id),
                                         **e.model_dump()))

    def search(self, search: FactSearch) -> tuple[list[EventRecord], int]:
        rows = [e for e in self.rows
                if _matches(" ".join([e.summary, e.sentence, *e.actors, *e.places]), search.terms)
                and _in_window(_event_day(e.date), search)]
        return _page(sorted(rows, key=lambda e: (e.date, e.id)), search)


class FakeQuotes:
    def __init__(self, articles: FakeArticles) -> None:
        self.articles = articles
        self.rows: list[QuoteRecord] = []

    def add_many(self, article_id: int, quotes: Sequence[tuple[NewQuote, int | None]]) -> None:
        for q, person_id in quotes:
            self.rows.append(QuoteRecord(id=len(self.rows) + 1, person_id=person_id,
                                         article=self.articles.ref(article_id), **q.model_dump()))

    def search(self, search: FactSearch) -> tuple[list[QuoteRecord], int]:
        rows = [q for q in self.rows
                if (not search.person_ids or q.person_id in search.person_ids)
                and _matches(f"{q.text} {q.speaker or ''}", search.terms)
                and _in_window(q.article.published, search)]
        rows.sort(key=lambda q: (q.article.published or date.min, q.article.id), reverse=True)
        return _page(rows, search)


class FakeFigures:
    def __init__(self, articles: FakeArticles) -> None:
        self.articles = articles
        self.rows: list[FigureRecord] = []

    def add_many(self, article_id: int, figures: Sequence[NewFigure]) -> None:
        for f in figures:
            self.rows.append(FigureRecord(id=len(self.rows) + 1, article=self.articles.ref(article_id),
                                          **f.model_dump()))

    def search(self, search: FactSearch) -> tuple[list[FigureRecord], int]:
        rows = [f for f in self.rows
                if _matches(f"{f.text} {f.unit or ''} {f.about or ''} {f.sentence}", search.terms)
                and _in_window(f.article.published, search)]
        rows.sort(key=lambda f: (f.article.published or date.min, f.article.id), reverse=True)
        return _page(rows, search)


class FakePeople:
    def __init__(self) -> None:
        self.rows: list[Person] = []

    def _known(self, name: str) -> Person | None:
        key = fold(name)
        return next((p for p in self.rows if key in {fold(n) for n in [p.name, *p.aliases]}), None)

    def upsert(self, name: str, *, kind: str, aliases: Sequence[str], roles: Sequence[str]) -> Person:
        known = self._known(name)
        if known is None:
            person = Person(id=len(self.rows) + 1, name=name, kind=kind,
                            aliases=list(aliases), roles=list(roles))
            self.rows.append(person)
            return person
        merged = known.model_copy(update={
            "aliases": known.aliases + [a for a in aliases if a not in known.aliases],
            "roles": known.roles + [r for r in roles if r not in known.roles],
        })
        self.rows[self.rows.index(known)] = merged
        return merged

    def find(self, text: str) -> list[Person]:
        key = fold(text.strip())
        if not key:
            return []
        return [p for p in self.rows
                if key in {fold(n) for n in [p.name, *p.aliases]} or key == fold(p.name.split()[-1])]


class FakeSources:
    def __init__(self) -> None:
        self.rows: list[Source] = []

    def add(self, url: str, *, name: str | None, kind: str, created_by: str | None) -> Source:
        src = Source(id=len(self.rows) + 1, url=url, name=name, kind=kind,
                     created_at=datetime(2025, 9, 10, tzinfo=UTC), created_by=created_by)
        self.rows.append(src)
        return src

    def get(self, source_id: int) -> Source | None:
        return next((s for s in self.rows if s.id == source_id), None)

    def get_by_url(self, url: str) -> Source | None:
        return next((s for s in self.rows if s.url == url), None)

    def list(self) -> list[Source]:
        return list(self.rows)

    def remove(self, source_id: int) -> bool:
        before = len(self.rows)
        self.rows = [s for s in self.rows if s.id != source_id]
        return len(self.rows) < before

    def set_active(self, source_id: int, active: bool) -> Source | None:
        src = self.get(source_id)
        if src is None:
            return None
        new = src.model_copy(update={"active": active})
        self.rows[self.rows.index(src)] = new
        return new


class FakeAudit:
    def __init__(self) -> None:
        self.rows: list[AdminAction] = []

    def record(self, actor: str, action: str, detail: str, at: datetime) -> None:
        self.rows.append(AdminAction(actor=actor, action=action, detail=detail, at=at))

    def recent(self, limit: int = 50) -> list[AdminAction]:
        return self.rows[-limit:][::-1]


class FakeUnitOfWork:
    """All repositories in memory. Writes made without `commit()` are undone when the block ends."""

    def __init__(self) -> None:
        self.articles = FakeArticles()
        self.events = FakeEvents(self.articles)
        self.quotes = FakeQuotes(self.articles)
        self.figures = FakeFigures(self.articles)
        self.people = FakePeople()
        self.sources = FakeSources()
        self.audit = FakeAudit()
        self.commits = 0
        self._snapshot: dict[str, list[object]] | None = None

    def _lists(self) -> dict[str, list[object]]:
        repos = {"articles": self.articles, "events": self.events, "quotes": self.quotes,
                 "figures": self.figures, "people": self.people, "sources": self.sources, "audit": self.audit}
        return {name: repo.rows for name, repo in repos.items()}  # type: ignore[attr-defined]

    def __enter__(self) -> FakeUnitOfWork:
        self._snapshot = {k: list(v) for k, v in self._lists().items()}
        return self

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.rollback()

    def commit(self) -> None:
        self.commits += 1
        self._snapshot = {k: list(v) for k, v in self._lists().items()}

    def rollback(self) -> None:
        if self._snapshot is None:
            return
        for name, rows in self._snapshot.items():
            getattr(self, name).rows[:] = rows


class FixedClock:
    def __init__(self, today: date) -> None:
        self._today = today

    def today(self) -> date:
        return self._today

    def now(self) -> datetime:
        return datetime(self._today.year, self._today.month, self._today.day, 12, tzinfo=UTC)
