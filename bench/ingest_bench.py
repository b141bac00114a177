"""Ingest throughput: generated articles through `handlers.ingest.ingest_batches`, end to end.

Articles are extracted and stored in batches, one transaction each (`--batch`; by default as
many as `briefbot ingest` puts in one on that database: 50 on SQLite, 200 on PostgreSQL), each
batch extracted while the one before is written (`ingest_batches`), exactly as `briefbot ingest`
does, on one core. Memory is the process's resident high-water mark, sampled as the store grows,
so a leak shows as a rising column. The process's CPU time is reported beside the wall time: on
PostgreSQL part of the wall time is spent waiting for the server, which runs elsewhere (here, on
the other core), and the extraction of the next batch fills much of that wait.
"""

from __future__ import annotations

import itertools
import multiprocessing
import time
from collections.abc import Callable, Iterator
from datetime import UTC, date, datetime
from datetime import time as dtime
from typing import Any

from sqlalchemy import text

from bench.databases import dialect, scratch_database
from bench.generator import ArticleGenerator
from bench.measure import cpu_seconds, max_rss_mb
from handlers.ingest import ingest_batch, ingest_batches
from handlers.results import IngestArticle
from handlers.tenancy import DEFAULT_WORKSPACE
from store.database import ingest_batch_size, make_engine, make_session_factory
from store.migrate import upgrade
from store.uow import SqlUnitOfWork


def _followed_source(engine: Any, workspaces: int) -> int:
    """A source followed by the default workspace and `workspaces` others (w0, w1, ...)."""
    factory = make_session_factory(engine)
    source_id = 0
    for workspace in [DEFAULT_WORKSPACE, *(f"w{i}" for i in range(workspaces))]:
        uow = SqlUnitOfWork(factory, workspace=workspace)
        with uow:
            source_id = uow.sources.add(
                "https://feeds.bench.example/wire.xml", name="Wire", kind="feed", created_by="bench"
            ).id
            uow.commit()
    return source_id


class FixedClock:
    """Today is the day after the last article: undated phrases resolve the same way every run."""

    def __init__(self, day: date) -> None:
        self._day = day

    def today(self) -> date:
        return self._day

    def now(self) -> datetime:
        return datetime.combine(self._day, dtime(12), tzinfo=UTC)


def run(
    *,
    articles: int,
    db: str | None,
    seed: int = 1,
    keep: bool = False,
    workers: int = 1,
    batch: int | None = None,
    log: Callable[[str], None] = lambda _: None,
    workspaces: int = 0,
) -> Iterator[dict[str, Any]]:
    """Ingest `articles` generated articles into a scratch database; yield checkpoints and the total.

    With `workspaces`, every article comes from one source that many workspaces (and the default
    one) follow, as a poll would bring it: each stored article is opened to all of them.

    With `workers` > 1, that many processes each ingest the same articles at once (the worst
    case of several pollers finding the same story): every article must be stored once, and no
    fact twice.
    """
    if workers > 1:
        yield from _run_parallel(articles=articles, db=db, seed=seed, keep=keep, workers=workers, batch=batch)
        return
    # Generated as ingested (0.03 ms an article), so the memory measured is ingest's, not a corpus
    # held in memory; a first pass finds the last day, which the clock is set after.
    last_day = max(a.published for a in ArticleGenerator(seed).articles(articles))
    clock = FixedClock(last_day)
    checkpoints = {max(articles * k // 4, 1) for k in (1, 2, 3, 4)}
    if articles >= 10_000:
        checkpoints |= set(range(1_000, articles, max(articles // 10, 1_000)))  # memory as the store grows
    with scratch_database(db, keep=keep) as url:
        engine = make_engine(url)
        try:
            upgrade(engine)
            batch = batch or ingest_batch_size(engine)
            uow = SqlUnitOfWork(make_session_factory(engine), workspace=DEFAULT_WORKSPACE)
            source_id = _followed_source(engine, workspaces) if workspaces else None
            stored = duplicates = facts = 0
            t0, cpu0 = time.perf_counter(), cpu_seconds()
            last_i, last_t = 0, t0
            stream = ArticleGenerator(seed).articles(articles)
            batches = (
                [
                    IngestArticle(
                        text=a.text,
                        url=a.url,
                        title=a.title,
                        outlet=a.outlet,
                        published=a.published,
                        source_id=source_id,
                    )
                    for a in itertools.islice(stream, batch)
                ]
                for _ in range(0, articles, batch)
            )
            i = 0
            for results in ingest_batches(batches, uow=uow, clock=clock):
                first = i
                for result in results:
                    stored += result.status == "stored"
                    duplicates += result.status == "duplicate"
                    facts += result.events + result.quotes + result.figures
                i = first + len(results)
                if any(first < c <= i for c in checkpoints):
                    now = time.perf_counter()
                    elapsed = now - t0
                    cpu = cpu_seconds() - cpu0
                    recent = round((i - last_i) / (now - last_t), 1)  # since the last checkpoint: falling?
                    last_i, last_t = i, now
                    log(f"{i:,} articles in {elapsed:.1f} s: {i / elapsed:.0f}/s, rss {max_rss_mb()} MB")
                    yield {
                        "command": "ingest",
                        "db": dialect(url),
                        "articles": i,
                        "stored": stored,
                        "duplicates": duplicates,
                        "facts": facts,
                        "seconds": round(elapsed, 2),
                        "articles_per_s": round(i / elapsed, 1),
                        "recent_articles_per_s": recent,
                        # Articles a second of this process's CPU: the rate on one core, waits aside.
                        "cpu_s": round(cpu, 2),
                        "articles_per_cpu_s": round(i / cpu, 1),
                        "peak_mb": max_rss_mb(),
                        "batch": batch,
                        "final": i == articles,
                    }
        finally:
            engine.dispose()


def _run_parallel(
    *, articles: int, db: str | None, seed: int, keep: bool, workers: int, batch: int | None
) -> Iterator[dict[str, Any]]:
    with scratch_database(db, keep=keep) as url:
        engine = make_engine(url)
        try:
            upgrade(engine)
            batch = batch or ingest_batch_size(engine)
        finally:
            engine.dispose()
        t0 = time.perf_counter()
        with multiprocessing.get_context("spawn").Pool(workers) as pool:
            results = pool.starmap(_ingest_all, [(url, articles, seed, batch)] * workers)
        elapsed = time.perf_counter() - t0
        engine = make_engine(url)
        try:
            with engine.connect() as conn:
                stored = conn.scalar(text("SELECT count(*) FROM articles")) or 0
                twice = sum(
                    conn.scalar(
                        text(
                            f"SELECT count(*) FROM (SELECT article_id, start FROM {t} "
                            f'GROUP BY article_id, start, "end" HAVING count(*) > 1) d'
                        )
                    )
                    or 0
                    for t in ("events", "quotes", "figures")
                )
        finally:
            engine.dispose()
        yield {
            "command": "ingest",
            "db": dialect(url),
            "articles": articles,
            "workers": workers,
            "stored": stored,
            "stored_by_workers": sum(r["stored"] for r in results),
            "duplicates": sum(r["duplicates"] for r in results),
            "errors": sum(r["errors"] for r in results),
            "facts_stored_twice": twice,
            "seconds": round(elapsed, 2),
            "articles_per_s": round(articles * workers / elapsed, 1),
            "stored_per_s": round(stored / elapsed, 1),
            "batch": batch,
            "peak_mb": max(r["rss_mb"] for r in results),
            "final": True,
        }


def _ingest_all(url: str, articles: int, seed: int, batch: int) -> dict[str, Any]:
    """One worker process: ingest every generated article in batches (as the poller does); outcomes."""
    corpus = list(ArticleGenerator(seed).articles(articles))
    clock = FixedClock(corpus[-1].published)
    engine = make_engine(url)
    counts = {"stored": 0, "duplicates": 0, "errors": 0}
    try:
        uow = SqlUnitOfWork(
            make_session_factory(engine.execution_options(sqlite_begin="BEGIN IMMEDIATE")),
            workspace=DEFAULT_WORKSPACE,
        )
        for first in range(0, len(corpus), batch):
            cmds = [
                IngestArticle(text=a.text, url=a.url, title=a.title, outlet=a.outlet, published=a.published)
                for a in corpus[first : first + batch]
            ]
            try:
                results = ingest_batch(cmds, uow=uow, clock=clock)
            except Exception:  # a lost race surfacing as an error is a finding, not a crash
                counts["errors"] += len(cmds)
                continue
            counts["stored"] += sum(r.status == "stored" for r in results)
            counts["duplicates"] += sum(r.status == "duplicate" for r in results)
            counts["errors"] += sum(r.status == "rejected" for r in results)
    finally:
        engine.dispose()
    return {**counts, "rss_mb": max_rss_mb()}
