"""Ingest throughput: generated articles through `handlers.ingest.ingest_article`, end to end.

Each article is extracted and stored in its own transaction, exactly as `briefbot ingest` and the
source poller do, on one core. Memory is the process's resident high-water mark, sampled as the
store grows, so a leak shows as a rising column.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator
from datetime import UTC, date, datetime
from datetime import time as dtime
from typing import Any

from bench.databases import dialect, scratch_database
from bench.generator import ArticleGenerator
from bench.measure import max_rss_mb
from handlers.ingest import ingest_article
from handlers.results import IngestArticle
from store.database import make_engine, make_session_factory
from store.migrate import upgrade
from store.uow import SqlUnitOfWork


class FixedClock:
    """Today is the day after the last article: undated phrases resolve the same way every run."""

    def __init__(self, day: date) -> None:
        self._day = day

    def today(self) -> date:
        return self._day

    def now(self) -> datetime:
        return datetime.combine(self._day, dtime(12), tzinfo=UTC)


def run(*, articles: int, db: str | None, seed: int = 1, keep: bool = False,
        log: Callable[[str], None] = lambda _: None) -> Iterator[dict[str, Any]]:
    """Ingest `articles` generated articles into a scratch database; yield checkpoints and the total."""
    corpus = list(ArticleGenerator(seed).articles(articles))  # generated up front: not part of the timing
    clock = FixedClock(corpus[-1].published)
    checkpoints = {max(articles * k // 4, 1) for k in (1, 2, 3, 4)}
    with scratch_database(db, keep=keep) as url:
        engine = make_engine(url)
        try:
            upgrade(engine)
            uow = SqlUnitOfWork(make_session_factory(engine))
            stored = duplicates = facts = 0
            t0 = time.perf_counter()
            for i, a in enumerate(corpus, start=1):
                cmd = IngestArticle(text=a.text, url=a.url, title=a.title, outlet=a.outlet,
                                    published=a.published)
                result = ingest_article(cmd, uow=uow, clock=clock)
                stored += result.status == "stored"
                duplicates += result.status == "duplicate"
                facts += result.events + result.quotes + result.figures
                if i in checkpoints:
                    elapsed = time.perf_counter() - t0
                    log(f"{i:,} articles in {elapsed:.1f} s: {i / elapsed:.0f}/s, rss {max_rss_mb()} MB")
                    yield {
                        "command": "ingest", "db": dialect(url), "articles": i, "stored": stored,
                        "duplicates": duplicates, "facts": facts, "seconds": round(elapsed, 2),
                        "articles_per_s": round(i / elapsed, 1), "peak_mb": max_rss_mb(),
                        "final": i == articles,
                    }
        finally:
            engine.dispose()
