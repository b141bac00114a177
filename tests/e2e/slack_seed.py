"""Sample news stored through the real unit of work for the Slack e2e tests (written for these tests)."""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from datetime import date

from handlers.domain import ArticleRef, NewArticle, NewEvent, NewFigure, NewQuote
from handlers.ports import UnitOfWork
from handlers.stories import merge_into_stories

EVENT_COUNT = 25
TRICKY_TITLE = "Port *expands* <fast> & _cheap_ ~ `now`"


def seed(uow_factory: Callable[[], UnitOfWork]) -> None:
    """Five articles about the port of Velmora: 25 dated events, quotes by Amara Okafor, container figures."""
    with uow_factory() as uow:
        person = uow.people.upsert(
            "Amara Okafor", kind="person", aliases=["Okafor"], roles=["harbour master"]
        )
        for a in range(5):
            text = f"Velmora harbour report number {a}."
            title = TRICKY_TITLE if a == 0 else f"Velmora harbour report {a}"
            article = uow.articles.add(
                NewArticle(
                    url=f"https://news.example/velmora/{a}?page=1&ref=feed",
                    title=title,
                    outlet="Coastal Times",
                    published=date(2025, 4, 1 + a),
                    text=text,
                    content_hash=hashlib.sha256(text.encode()).hexdigest(),
                )
            )
            events = [
                NewEvent(
                    date=f"2025-03-{1 + a * 5 + i:02d}",
                    summary=f"Harbour crane {a * 5 + i} was commissioned at Velmora",
                    sentence=f"Harbour crane {a * 5 + i} was commissioned at Velmora.",
                    start=0,
                    end=10,
                    places=["Velmora"],
                )
                for i in range(5)
            ]
            ids = uow.events.add_many(article.id, events)
            ref = ArticleRef(
                id=article.id,
                url=article.url,
                title=article.title,
                outlet=article.outlet,
                published=article.published,
            )
            merge_into_stories(ref, events, ids, uow=uow)
            quote = NewQuote(
                text=f"The harbour will <b>double</b> *our* capacity & more by {2026 + a}",
                kind="direct",
                speaker="Amara Okafor",
                speaker_kind="person",
                speaker_role="harbour master",
                cue="said",
                start=0,
                end=10,
            )
            uow.quotes.add_many(article.id, [(quote, person.id)])
            figure = NewFigure(
                text=f"{1200 + a} containers",
                value=1200 + a,
                unit="containers",
                bound=">=",
                about="containers handled at Velmora harbour",
                sentence=f"The harbour handled at least {1200 + a} containers.",
                start=0,
                end=10,
            )
            uow.figures.add_many(article.id, [figure])
        uow.commit()
