"""Small builders for facts the tests write themselves."""

from __future__ import annotations

import hashlib
from datetime import date

from handlers.domain import Article, NewArticle, NewEvent, NewFigure, NewQuote
from store.uow import SqlUnitOfWork


def new_article(
    text: str, *, published: date | None = date(2025, 3, 10), url: str | None = None
) -> NewArticle:
    return NewArticle(
        url=url,
        title=text[:40],
        outlet="Test Herald",
        published=published,
        text=text,
        content_hash=hashlib.sha256(text.encode()).hexdigest(),
    )


def event(
    summary: str,
    when: str = "2025-03-10",
    *,
    actors: list[str] | None = None,
    places: list[str] | None = None,
) -> NewEvent:
    return NewEvent(
        date=when,
        summary=summary,
        sentence=summary,
        start=0,
        end=len(summary),
        actors=actors or [],
        places=places or [],
    )


def quote(text: str, speaker: str | None) -> NewQuote:
    return NewQuote(text=text, kind="direct", speaker=speaker, speaker_kind="person", start=0, end=len(text))


def figure(
    text: str, value: float, *, unit: str | None = None, about: str | None = None, sentence: str | None = None
) -> NewFigure:
    return NewFigure(
        text=text, value=value, unit=unit, about=about, sentence=sentence or text, start=0, end=len(text)
    )


def store_article(
    uow: SqlUnitOfWork,
    text: str,
    *,
    published: date | None = date(2025, 3, 10),
    url: str | None = None,
    events: list[NewEvent] | None = None,
    quotes: list[tuple[NewQuote, int | None]] | None = None,
    figures: list[NewFigure] | None = None,
) -> Article:
    """Store an article and its facts in one committed transaction."""
    with uow:
        article = uow.articles.add(new_article(text, published=published, url=url))
        uow.events.add_many(article.id, events or [])
        uow.quotes.add_many(article.id, quotes or [])
        uow.figures.add_many(article.id, figures or [])
        uow.commit()
    return article
