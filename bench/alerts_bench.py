"""Alert cycles over a filled store: `python -m bench.alerts_bench DATABASE_URL [FACTS] [WATCHES]`.

The store is filled in bulk (bench.fill) into an empty database given by URL, WATCHES channel watches
are set (the digest bench's topics and a few more), and `handlers.alerts.run_alerts` is timed three
times with a publisher that only counts: a quiet cycle (nothing stored since the watches were set),
a cycle after 30 articles "arrive" (their fetched_at set to now), and the cycle after that (the
look-back reads them again; the claims keep them from being posted twice).
"""

from __future__ import annotations

import sys
import time
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import select, update

from bench.digests_bench import TOPICS
from bench.fill import fill_facts
from handlers.alerts import AddWatch, add_watch, run_alerts
from handlers.domain import AlertBatch, Watch
from handlers.tenancy import DEFAULT_WORKSPACE
from store.database import make_engine, make_session_factory
from store.migrate import upgrade
from store.orm import ArticleRow
from store.uow import SqlUnitOfWork

SUBJECTS = [t for t in TOPICS if t] + ["Okafor", "harbour", "council", "drought", "tariffs", "election"]


class CountingPublisher:
    def __init__(self) -> None:
        self.facts = 0

    def publish(self, watch: Watch, batch: AlertBatch) -> str:
        self.facts += batch.facts.count
        return "1.000"


class _Clock:
    def now(self) -> datetime:
        return datetime.now(UTC)

    def today(self) -> Any:
        return self.now().date()


def main(url: str, facts: int = 100_000, watches: int = 50) -> None:
    engine = make_engine(url)
    upgrade(engine)
    filled = fill_facts(engine, facts, seed=1)
    factory = make_session_factory(engine.execution_options(sqlite_begin="BEGIN IMMEDIATE"))

    def uow() -> Any:
        return SqlUnitOfWork(factory, workspace=DEFAULT_WORKSPACE)

    clock = _Clock()
    for i in range(watches):
        cmd = AddWatch(subject=SUBJECTS[i % len(SUBJECTS)], channel=f"C{i}", actor="bench", is_admin=True)
        add_watch(cmd, uow_factory=uow, clock=clock)

    def cycle() -> tuple[float, int, int]:
        publisher = CountingPublisher()
        started = time.perf_counter()
        outcomes = run_alerts(uow_factory=uow, publisher=publisher, clock=clock)
        return (time.perf_counter() - started) * 1000, len(outcomes), publisher.facts

    quiet = cycle()
    with engine.begin() as conn:
        ids = [r[0] for r in conn.execute(select(ArticleRow.id).order_by(ArticleRow.id.desc()).limit(30))]
        conn.execute(update(ArticleRow).where(ArticleRow.id.in_(ids)).values(fetched_at=datetime.now(UTC)))
    busy, again = cycle(), cycle()
    engine.dispose()
    print(
        f"{engine.dialect.name} {filled.facts:,} facts, {watches} watches: quiet cycle {quiet[0]:.0f} ms; "
        f"after 30 new articles {busy[0]:.0f} ms ({busy[1]} batches, {busy[2]} facts); "
        f"next cycle {again[0]:.0f} ms ({again[1]} batches)"
    )


if __name__ == "__main__":
    main(sys.argv[1], *(int(a) for a in sys.argv[2:4]))
