"""Search latency over ~20k synthetic facts on SQLite and PostgreSQL, and the query plans.

    /work/venv/bin/python -m bench.search_latency [--facts 20000] [--postgres URL | --no-postgres]

Makes a throwaway SQLite file and a throwaway PostgreSQL database, fills each through the real
repositories, times the three searches and prints EXPLAIN for the statement the repository
issued, to show the FTS5 / GIN index is used rather than a scan.
"""

from __future__ import annotations

import argparse
import random
import statistics
import tempfile
import time
import uuid
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import date, timedelta
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event, text
from sqlalchemy.engine import make_url

from handlers.domain import FactSearch, NewArticle, NewEvent, NewFigure, NewQuote
from handlers.tenancy import DEFAULT_WORKSPACE
from store.database import make_engine, make_session_factory
from store.migrate import upgrade
from store.uow import SqlUnitOfWork

WORDS = (
    "council budget harbour rail storm vote ministers talks border grain tariff court election strike "
    "reactor pipeline vaccine wildfire drought bank inflation port convoy summit treaty parliament "
    "protest festival airline satellite refinery bridge school hospital factory ferry tunnel"
).split()
RARE = ["kyiv", "zelenskyy", "lagarde", "qaida", "sybiha"]
PEOPLE = ["Ann Lee", "Volodymyr Zelenskyy", "Christine Lagarde", "Omar Haddad", "Andrii Sybiha", "Lars Berg"]
FACTS_PER_ARTICLE = 10  # split across events, quotes and figures
QUERIES = [["storms"], ["kiev"], ["zelensky"], ["rail", "strike"], ["sybiha", "talks"]]


def _sentence(rng: random.Random) -> str:
    words = rng.sample(WORDS, 8)
    if rng.random() < 0.01:
        words.append(rng.choice(RARE))
    return " ".join(words).capitalize() + "."


def fill(uow: SqlUnitOfWork, facts: int, seed: int = 7) -> None:
    rng = random.Random(seed)
    with uow:
        people = [uow.people.upsert(n, kind="person", aliases=[], roles=[]).id for n in PEOPLE]
        uow.commit()
    for i in range(facts // FACTS_PER_ARTICLE):
        published = date(2024, 1, 1) + timedelta(days=rng.randrange(600))
        with uow:
            body = f"Synthetic article {i} {uuid.uuid4()}"
            article = uow.articles.add(
                NewArticle(text=body, content_hash=uuid.uuid4().hex, published=published, outlet="Bench")
            )
            uow.events.add_many(article.id, [_event(rng, published) for _ in range(4)])
            uow.quotes.add_many(article.id, [_quote(rng, people) for _ in range(3)])
            uow.figures.add_many(article.id, [_figure(rng) for _ in range(3)])
            uow.commit()


def _event(rng: random.Random, published: date) -> NewEvent:
    s = _sentence(rng)
    return NewEvent(
        date=(published - timedelta(days=rng.randrange(30))).isoformat(),
        summary=s,
        sentence=s,
        start=0,
        end=len(s),
        actors=[rng.choice(PEOPLE)],
        places=[],
    )


def _quote(rng: random.Random, people: list[int]) -> tuple[NewQuote, int | None]:
    index = rng.randrange(len(PEOPLE))
    s = _sentence(rng)
    return NewQuote(text=s, kind="direct", speaker=PEOPLE[index], start=0, end=len(s)), people[index]


def _figure(rng: random.Random) -> NewFigure:
    s = _sentence(rng)
    return NewFigure(
        text=f"{rng.randrange(1000)} tonnes",
        value=1.0,
        unit="tonnes",
        about=rng.choice(WORDS),
        sentence=s,
        start=0,
        end=len(s),
    )


@contextmanager
def captured_statements(engine: Engine) -> Iterator[list[tuple[str, Any]]]:
    seen: list[tuple[str, Any]] = []

    def listen(_conn: Any, _cursor: Any, statement: str, parameters: Any, _ctx: Any, _many: bool) -> None:
        seen.append((statement, parameters))

    event.listen(engine, "before_cursor_execute", listen)
    try:
        yield seen
    finally:
        event.remove(engine, "before_cursor_execute", listen)


def explain(engine: Engine, statement: str, parameters: Any) -> str:
    prefix = "EXPLAIN QUERY PLAN " if engine.dialect.name == "sqlite" else "EXPLAIN (ANALYZE, COSTS OFF) "
    with engine.connect() as conn:
        rows = conn.exec_driver_sql(prefix + statement, parameters).all()
    return "\n".join("    " + " ".join(str(c) for c in row[-1:]) for row in rows)


def bench(engine: Engine, facts: int, repeats: int = 20) -> None:
    upgrade(engine)
    uow = SqlUnitOfWork(make_session_factory(engine), workspace=DEFAULT_WORKSPACE)
    started = time.perf_counter()
    fill(uow, facts)
    print(f"  filled {facts} facts in {time.perf_counter() - started:.1f}s")
    if engine.dialect.name == "postgresql":
        with engine.begin() as conn:
            conn.execute(text("ANALYZE"))
    kinds: dict[str, Callable[[SqlUnitOfWork, FactSearch], tuple[list[Any], int]]] = {
        "events": lambda u, s: u.events.search(s),
        "quotes": lambda u, s: u.quotes.search(s),
        "figures": lambda u, s: u.figures.search(s),
    }
    for name, run in kinds.items():
        for terms in QUERIES:
            timings = []
            for _ in range(repeats):
                with uow:
                    t0 = time.perf_counter()
                    _, total = run(uow, FactSearch(terms=terms, limit=10))
                    timings.append((time.perf_counter() - t0) * 1000)
            median = statistics.median(timings)
            label = " ".join(terms)
            worst = max(timings)
            print(f"  {name:8s} {label:14s} total={total:5d}  median {median:6.2f} ms  max {worst:6.2f} ms")
    for name, run in kinds.items():
        with uow, captured_statements(engine) as seen:
            run(uow, FactSearch(terms=["kiev"], limit=10))
        print(f"  plan of the {name} page query for 'kiev':")
        print(explain(engine, *seen[-1]))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--facts", type=int, default=20_000)
    parser.add_argument("--postgres", default="postgresql+psycopg://postgres@127.0.0.1:5432/test")
    parser.add_argument("--no-postgres", action="store_true")
    args = parser.parse_args()

    with tempfile.TemporaryDirectory() as tmp:
        print("SQLite (FTS5)")
        engine = make_engine(f"sqlite:///{Path(tmp) / 'bench.db'}")
        bench(engine, args.facts)
        engine.dispose()

    if args.no_postgres:
        return
    name = f"briefbot_bench_{uuid.uuid4().hex[:8]}"
    admin = create_engine(args.postgres, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{name}"'))
    try:
        print("PostgreSQL (tsvector + GIN)")
        engine = make_engine(make_url(args.postgres).set(database=name).render_as_string(hide_password=False))
        bench(engine, args.facts)
        engine.dispose()
    finally:
        with admin.connect() as conn:
            conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()


if __name__ == "__main__":
    main()
