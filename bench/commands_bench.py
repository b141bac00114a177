"""Latency of /timeline, /whosaid and /figures through the handlers over a store of N facts.

Each query goes through `handlers.ask.answer`, the front door Slack and the terminal use: the
query grammar, the handler, the repositories and the database, and building the result models.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from sqlalchemy import Engine, func, select, text

from bench.databases import dialect, scratch_database
from bench.fill import Filled, fill_facts, workspace_names
from bench.measure import max_rss_mb, time_calls
from handlers.ask import answer
from handlers.tenancy import DEFAULT_WORKSPACE
from store.database import make_engine, make_session_factory
from store.migrate import upgrade
from store.orm import ArticleRow
from store.uow import SqlUnitOfWork


@dataclass(frozen=True)
class Query:
    command: str
    text: str
    shape: str  # "broad" or "selective"


def queries(filled: Filled) -> list[Query]:
    """Broad queries (everything, a common word) and selective ones (a name, two words, a week)."""
    week_end = filled.last_day
    week = f"since {(week_end - timedelta(days=6)).isoformat()} until {week_end.isoformat()}"
    return [
        Query("/timeline", "", "broad"),
        Query("/timeline", "officials", "broad"),
        Query("/timeline", "Saltreach derailed", "selective"),
        Query("/timeline", f"river {week}", "selective"),
        Query("/whosaid", "", "broad"),
        Query("/whosaid", "Okafor", "broad"),
        Query("/whosaid", "Ada Okafor", "selective"),
        Query("/whosaid", "bills", "broad"),
        Query("/whosaid", f"Lindqvist {week}", "selective"),
        Query("/figures", "", "broad"),
        Query("/figures", "prices", "broad"),
        Query("/figures", "flood defences", "selective"),
        Query("/figures", f"passengers {week}", "selective"),
    ]


def run(
    *,
    facts: int,
    db: str | None,
    runs: int,
    seed: int = 1,
    keep: bool = False,
    store: str | None = None,
    log: Callable[[str], None] = lambda _: None,
    workspaces: int = 0,
) -> Iterator[dict[str, Any]]:
    """Fill a scratch database with `facts` facts, then yield one measurement per query.

    With `workspaces`, the store is shared by that many workspaces besides the default one (each
    reading a tenth of it, bench.fill.readers) and every query is asked as the default workspace
    (which reads everything) and as one of the others; on PostgreSQL the questions are then asked
    as an ordinary role, so that row-level security applies as in production (a superuser skips it).

    `store` measures an existing store instead (one filled earlier with --keep, say); it is
    upgraded to the latest schema first and otherwise left as it is.
    """
    if store is not None:
        engine = make_engine(store)
        try:
            upgrade(engine)
            filled = describe(engine)
            log(f"store: {filled.facts:,} facts in {filled.articles:,} articles (existing)")
            yield from _ask_all(engine, filled, runs=runs, db=dialect(store), workspaces=workspaces)
        finally:
            engine.dispose()
        return
    with scratch_database(db, keep=keep) as url:
        engine = make_engine(url)
        try:
            upgrade(engine)
            t0 = time.perf_counter()
            filled = fill_facts(
                engine,
                facts,
                seed=seed,
                progress=lambda n: log(f"filled {n:,} facts ({time.perf_counter() - t0:.0f} s)"),
                workspaces=workspaces,
            )
            # What the next process start does (store.migrate.upgrade): SQLite's planner statistics.
            upgrade(engine)
            log(
                f"store: {filled.articles:,} articles, {filled.events:,} events, {filled.quotes:,} quotes, "
                f"{filled.figures:,} figures in {time.perf_counter() - t0:.1f} s (bulk inserts)"
            )
            yield from _ask_all(engine, filled, runs=runs, db=dialect(url), workspaces=workspaces)
        finally:
            engine.dispose()


def _ask_all(
    engine: Engine, filled: Filled, *, runs: int, db: str, workspaces: int
) -> Iterator[dict[str, Any]]:
    """Every query, as the default workspace and (with `workspaces`) as w0, as the app's role."""
    today = filled.last_day + timedelta(days=1)
    asking = engine if not workspaces else _as_app_role(engine)
    try:
        for workspace in [DEFAULT_WORKSPACE, *workspace_names(workspaces)[:1]]:
            uow = SqlUnitOfWork(make_session_factory(asking), workspace=workspace)
            for q in queries(filled):
                row = _measure(q, uow=uow, today=today, runs=runs, db=db, filled=filled)
                yield row | ({"workspace": workspace, "workspaces": workspaces} if workspaces else {})
    finally:
        if asking is not engine:
            asking.dispose()


APP_ROLE = "briefbot_bench_app"


def _as_app_role(engine: Engine) -> Engine:
    """On PostgreSQL, an engine logged in as an ordinary role that may read and write the tables:
    row-level security holds for it (the bench's own login, a superuser, bypasses it). SQLite: the same."""
    if engine.dialect.name != "postgresql":
        return engine
    with engine.begin() as conn:
        exists = conn.scalar(text("SELECT 1 FROM pg_roles WHERE rolname = :r"), {"r": APP_ROLE})
        if not exists:
            conn.execute(text(f"CREATE ROLE {APP_ROLE} LOGIN NOSUPERUSER NOBYPASSRLS"))
        conn.execute(
            text(f"GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO {APP_ROLE}")
        )
        conn.execute(text(f"GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO {APP_ROLE}"))
    return make_engine(engine.url.set(username=APP_ROLE, password=None).render_as_string(hide_password=False))


def describe(engine: Engine) -> Filled:
    """What an existing store holds, in the terms of a fill."""
    with engine.connect() as conn:
        counts = {
            t: conn.scalar(select(func.count()).select_from(text(t))) or 0
            for t in ("articles", "events", "quotes", "figures")
        }
        span = select(func.min(ArticleRow.published), func.max(ArticleRow.published))
        first, last = conn.execute(span).one()
    if first is None or last is None:
        raise ValueError("the store holds no dated articles: nothing to measure")
    return Filled(first_day=first, last_day=last, **counts)


def _measure(
    q: Query, *, uow: SqlUnitOfWork, today: date, runs: int, db: str, filled: Filled
) -> dict[str, Any]:
    line = f"{q.command} {q.text}".strip()
    sizes: list[int] = []

    def call() -> None:
        result = answer(line, uow=uow, today=today, workspace=uow.workspace)
        sizes.append(getattr(getattr(result, "page", None), "total", 0))

    latency = time_calls(call, runs=runs)
    return {
        "command": q.command,
        "query": q.text,
        "shape": q.shape,
        "db": db,
        "facts": filled.facts,
        "matched": sizes[-1] if sizes else 0,
        "p50_ms": latency.p50_ms,
        "p95_ms": latency.p95_ms,
        "p99_ms": latency.p99_ms,
        "runs": latency.runs,
        "peak_mb": latency.peak_mb,
        "rss_mb": max_rss_mb(),
    }
