"""Re-dating and removing one article, on both databases: its facts go, its stories stay consistent."""

from __future__ import annotations

from datetime import date

from sqlalchemy import Engine, text

from handlers.articles_admin import redate_article, remove_article
from handlers.ingest import ingest_batch
from handlers.results import IngestArticle
from store.uow import SqlUnitOfWork
from tests.fakes import FixedClock

CLOCK = FixedClock(date(2031, 6, 1))

FIRST = (
    "Dock workers walked off the job in Velmora on Tuesday, May 6, 2031. "
    '"We will not load another ship," said union leader Ines Carvalho.'
)
SECOND = "Dock workers in Velmora walked off the job on Tuesday, May 6, 2031, halting the port's cranes."


def _stories(engine: Engine) -> list[tuple[int, int, int]]:
    """(story id, reports, outlets counted) of every story."""
    with engine.connect() as conn:
        rows = conn.execute(
            text(
                "SELECT s.id, (SELECT count(*) FROM story_events e WHERE e.story_id = s.id), s.outlets "
                "FROM stories s ORDER BY s.id"
            )
        )
        return [(int(a), int(b), int(c)) for a, b, c in rows]


def test_remove_and_redate_keep_stories_consistent(uow: SqlUnitOfWork, engine: Engine) -> None:
    results = ingest_batch(
        [
            IngestArticle(text=FIRST, outlet="Ledger", published=date(2031, 5, 7)),
            IngestArticle(text=SECOND, outlet="Wire", published=date(2031, 5, 7)),
        ],
        uow=uow,
        clock=CLOCK,
    )
    assert [r.status for r in results] == ["stored", "stored"]
    # The ids the store gave (PostgreSQL's sequences go on across tests: not always 1 and 2).
    first, second = (r.article.id for r in results if r.article is not None)
    [(story, reports, outlets)] = _stories(engine)
    assert (reports, outlets) == (2, 2)

    removed = remove_article(first, actor="tester", uow_factory=lambda: uow, clock=CLOCK)
    assert (removed.events, removed.quotes) == (1, 1)
    assert _stories(engine) == [(story, 1, 1)]  # the other outlet's report keeps the story
    with uow:
        assert uow.articles.get(first) is None and uow.articles.fact_counts(first) == (0, 0, 0)

    done = redate_article(second, date(2031, 5, 9), actor="tester", uow_factory=lambda: uow, clock=CLOCK)
    assert done.status == "stored" and f"re-dated article {second} (was 2031-05-07" in done.message
    assert [(reports, outlets) for _, reports, outlets in _stories(engine)] == [(1, 1)]
    with uow:
        article = uow.articles.get(second)
        assert article is not None and article.published == date(2031, 5, 9)
        assert [a.action for a in uow.audit.recent(2)] == ["articles.redate", "articles.remove"]
