"""Story merging, measured: pairwise precision and recall against a synthetic world's truth.

    python bench/merge.py [--seed 7] [--happenings 40] [--seeds 3] [--show-errors]

Generates articles with bench/synthetic_stories.py, ingests them through the real ingest handler
into a throwaway SQLite store (migrated as in production), then compares the stored stories with
the happenings the generator wrote. Every stored event whose sentence the generator recorded gets
that happening's id; over all pairs of such events, a pair is predicted "same" when both are in
one story and truly "same" when both report one happening.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from datetime import UTC, date, datetime
from itertools import combinations
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from sqlalchemy import select  # noqa: E402

from bench.synthetic_stories import Article, make_corpus  # noqa: E402
from handlers.ingest import ingest_article  # noqa: E402
from handlers.results import IngestArticle  # noqa: E402
from handlers.tenancy import DEFAULT_WORKSPACE  # noqa: E402
from store.database import make_engine, make_session_factory  # noqa: E402
from store.migrate import upgrade  # noqa: E402
from store.orm import ArticleRow, EventRow, StoryEventRow  # noqa: E402
from store.uow import SqlUnitOfWork  # noqa: E402


class _Clock:
    def today(self) -> date:
        return date(2031, 4, 1)

    def now(self) -> datetime:
        return datetime(2031, 4, 1, tzinfo=UTC)


def run(articles: list[Article], show_errors: bool = False) -> tuple[int, int, int, int]:
    """Ingest `articles`; (true positive, false positive, false negative, events scored) pairs."""
    with tempfile.TemporaryDirectory() as tmp:
        engine = make_engine(f"sqlite:///{tmp}/merge.db")
        upgrade(engine)
        uow = SqlUnitOfWork(make_session_factory(engine), workspace=DEFAULT_WORKSPACE)
        truth_by_article: dict[int, list[tuple[int, int, int]]] = {}
        for a in articles:
            result = ingest_article(
                IngestArticle(text=a.text, outlet=a.outlet, published=a.published), uow=uow, clock=_Clock()
            )
            if result.article is not None and result.status == "stored":
                truth_by_article[result.article.id] = a.truth
        with engine.connect() as conn:
            rows = conn.execute(
                select(
                    EventRow.id,
                    EventRow.article_id,
                    EventRow.start,
                    EventRow.end,
                    EventRow.summary,
                    StoryEventRow.story_id,
                    StoryEventRow.reason,
                )
                .join(StoryEventRow, StoryEventRow.event_id == EventRow.id)
                .join(ArticleRow, ArticleRow.id == EventRow.article_id)
            ).all()
        engine.dispose()
    labelled: list[tuple[int, int, str]] = []  # (truth, story, summary and why it was merged)
    for _, article_id, start, end, summary, story_id, reason in rows:
        for t_start, t_end, happening in truth_by_article.get(article_id, []):
            if start < t_end and t_start < end:
                labelled.append((happening, story_id, f"{summary}  {reason or ''}"))
                break
    tp = fp = fn = 0
    for (t1, s1, m1), (t2, s2, m2) in combinations(labelled, 2):
        same_truth, same_story = t1 == t2, s1 == s2
        tp += same_truth and same_story
        fp += same_story and not same_truth
        fn += same_truth and not same_story
        if show_errors and same_truth != same_story:
            print(f"{'FALSE MERGE' if same_story else 'MISSED'}: [{t1}] {m1}\n    [{t2}] {m2}")
    return tp, fp, fn, len(labelled)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seed", type=int, default=7, help="first generator seed")
    parser.add_argument("--seeds", type=int, default=3, help="how many worlds (seed, seed+1, ...)")
    parser.add_argument("--happenings", type=int, default=40)
    parser.add_argument("--show-errors", action="store_true")
    args = parser.parse_args()
    totals = [0, 0, 0, 0]
    for seed in range(args.seed, args.seed + args.seeds):
        articles = make_corpus(seed, args.happenings)
        tp, fp, fn, n = run(articles, args.show_errors)
        for i, v in enumerate((tp, fp, fn, n)):
            totals[i] += v
        print(
            f"seed {seed}: {len(articles)} articles, {n} events scored, "
            f"precision {_ratio(tp, tp + fp)}, recall {_ratio(tp, tp + fn)}"
        )
    tp, fp, fn, n = totals
    print(
        f"all: {n} events, pairs same-story {tp + fp}, truly same {tp + fn}; "
        f"precision {_ratio(tp, tp + fp)}, recall {_ratio(tp, tp + fn)}"
    )


def _ratio(a: int, b: int) -> str:
    return f"{a / b:.3f}" if b else "n/a"


if __name__ == "__main__":
    main()
