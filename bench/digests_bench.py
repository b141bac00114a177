"""Digest generation for N subscribed channels through `handlers.digests.run_due`, and exactly-once.

The store is filled in bulk (see bench.fill), N channels subscribe to a daily digest (a mix of
topics and "everything"), and `run_due` is called at the slot with a publisher that only counts,
so the time is building and claiming, not Slack. With --workers K, K processes call `run_due` at
once against the same database: together they must post each channel's digest exactly once.
"""

from __future__ import annotations

import itertools
import multiprocessing
import time
from collections.abc import Callable, Iterator
from datetime import UTC, date, datetime, timedelta
from datetime import time as dtime
from typing import Any

from sqlalchemy import update

from bench.databases import dialect, scratch_database
from bench.fill import fill_facts
from bench.ingest_bench import FixedClock
from bench.measure import max_rss_mb, percentile
from handlers.tenancy import DEFAULT_WORKSPACE
from store.database import make_engine, make_session_factory
from store.migrate import upgrade
from store.orm import DigestSubscriptionRow
from store.uow import SqlUnitOfWork

TOPICS = (None, "strike", "flood", "Velmora", "prices", "rail passengers", "Okafor", "budget schools", None)


class CountingPublisher:
    """Takes every digest, posts nothing; remembers when each arrived."""

    def __init__(self) -> None:
        self.arrivals: list[float] = []
        self.channels: list[str] = []

    def find_posted(self, channel: str, marker: str, *, since: Any) -> str | None:
        return None

    def publish(self, channel: str, digest: Any, *, marker: str) -> str:
        self.arrivals.append(time.perf_counter())
        self.channels.append(channel)
        return f"{len(self.arrivals)}.000"


def run(
    *,
    channels: int,
    facts: int,
    db: str | None,
    seed: int = 1,
    keep: bool = False,
    workers: int = 1,
    log: Callable[[str], None] = lambda _: None,
) -> Iterator[dict[str, Any]]:
    """Fill, subscribe `channels` channels, post their due digests; yield the measurement."""
    try:
        from handlers import digests  # noqa: F401  (arrives with the digests feature)
    except ImportError:
        log("handlers.digests is not in this checkout: nothing to measure")
        return
    with scratch_database(db, keep=keep) as url:
        engine = make_engine(url)
        try:
            upgrade(engine)
            filled = fill_facts(engine, facts, seed=seed)
            log(f"store: {filled.facts:,} facts in {filled.articles:,} articles")
            _subscribe(engine, channels, since=filled.first_day)
        finally:
            engine.dispose()
        now = datetime.combine(filled.last_day + timedelta(days=1), dtime(8, 1), tzinfo=UTC)
        if workers == 1:
            results = [_post_due(url, now)]
        else:
            with multiprocessing.get_context("spawn").Pool(workers) as pool:
                results = pool.starmap(_post_due, [(url, now)] * workers)
        again = _post_due(url, now)  # a worker restarted after the slot: must post nothing
        posted = [c for r in results for c in r["channels"]]
        costs = sorted(ms for r in results for ms in r["costs_ms"])
        yield {
            "command": "digests",
            "db": dialect(url),
            "channels": channels,
            "facts": filled.facts,
            "workers": workers,
            "posted": len(posted),
            "posted_twice": len(posted) - len(set(posted)),
            "reposted_after": len(again["channels"]),
            "skipped_empty": sum(r["empty"] for r in results),
            "seconds": round(max(r["seconds"] for r in results), 2),
            "p50_ms": round(percentile(costs, 50), 2) if costs else 0.0,
            "p95_ms": round(percentile(costs, 95), 2) if costs else 0.0,
            "p99_ms": round(percentile(costs, 99), 2) if costs else 0.0,
            "peak_mb": max(r["rss_mb"] for r in results),
        }


def _subscribe(engine: Any, channels: int, *, since: date) -> None:
    uow = SqlUnitOfWork(make_session_factory(engine), workspace=DEFAULT_WORKSPACE)
    with uow:
        for i in range(channels):
            uow.digests.subscribe(
                f"C{i:07d}",
                team="T1",
                cadence="daily",
                weekday=None,
                time="08:00",
                timezone="UTC",
                topic=TOPICS[i % len(TOPICS)],
                post_empty=False,
                created_by="bench",
            )
        uow.commit()
    # The generated news is dated in the past: the channels subscribed before it, or no slot is due.
    with engine.begin() as conn:
        conn.execute(
            update(DigestSubscriptionRow).values(created_at=datetime.combine(since, dtime(0), tzinfo=UTC))
        )


def _post_due(url: str, now: datetime) -> dict[str, Any]:
    """One worker: every due digest at `now` (in its own process when several run)."""
    from handlers.digests import run_due  # type: ignore[import-not-found,unused-ignore]

    engine = make_engine(url)
    try:
        factory = make_session_factory(engine.execution_options(sqlite_begin="BEGIN IMMEDIATE"))
        publisher = CountingPublisher()
        t0 = time.perf_counter()
        outcomes = run_due(
            now=now,
            uow_factory=lambda: SqlUnitOfWork(factory, workspace=DEFAULT_WORKSPACE),
            publisher=publisher,
            clock=FixedClock(now.date()),
        )
        seconds = time.perf_counter() - t0
    finally:
        engine.dispose()
    marks = [t0, *publisher.arrivals]
    return {
        "channels": publisher.channels,
        "seconds": seconds,
        "costs_ms": [(b - a) * 1000 for a, b in itertools.pairwise(marks)],
        "empty": sum(o.status == "skipped-empty" for o in outcomes),
        "rss_mb": max_rss_mb(),
    }
