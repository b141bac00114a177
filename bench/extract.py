"""Extraction speed and memory: characters per second on one core over a large batch.

    python bench/extract.py [--repeat 5] [FILE.jsonl ...]

By default the batch is the PolNeAR dev texts from ../shared/eval (repeated), which are long, real
news articles; any JSON Lines file of {"text": ..., "published": ...} works. Runs in this process on
one core; prints chars/s for the whole pipeline and for each stage, and the peak memory.
"""

from __future__ import annotations

import argparse
import json
import resource
import sys
import time
import tracemalloc
from collections import defaultdict
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from extract.document import Document  # noqa: E402
from extract.events import find as events  # noqa: E402
from extract.figures import find as figures  # noqa: E402
from extract.names import entities, mentions  # noqa: E402
from extract.pipeline import extract  # noqa: E402
from extract.quotes import find as quotes  # noqa: E402
from extract.timex import dates  # noqa: E402


def default_batch() -> Path:
    """The PolNeAR dev texts from the shared eval folder beside the checkout (or any parent's)."""
    for parent in ROOT.parents:
        candidate = parent / "shared" / "eval" / "data" / "dev" / "quotes-polnear-dev.jsonl"
        if candidate.exists():
            return candidate
    raise SystemExit("no batch given and shared/eval/data/dev/quotes-polnear-dev.jsonl not found: give FILE")


def load(paths: list[Path]) -> list[tuple[str, date | None]]:
    docs = []
    for path in paths:
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip():
                d = json.loads(line)
                pub = d.get("published")
                docs.append((d["text"], date.fromisoformat(pub) if pub else None))
    return docs


def stages(docs: list[tuple[str, date | None]]) -> dict[str, float]:
    """Time each stage separately, in pipeline order, to show where the time goes."""
    spent: dict[str, float] = defaultdict(float)
    for text, pub in docs:
        t0 = time.perf_counter()
        doc = Document.parse(text, pub)
        t1 = time.perf_counter()
        ds = dates.find_dates(doc)
        t2 = time.perf_counter()
        figures.find_figures(doc, ds)
        t3 = time.perf_counter()
        ms = mentions.find_mentions(doc)
        t4 = time.perf_counter()
        quotes.find_quotes(doc, ms)
        t5 = time.perf_counter()
        events.find_events(doc, ds, ms)
        t6 = time.perf_counter()
        entities.collect_entities(ms)
        t7 = time.perf_counter()
        for name, a, b in (
            ("segment", t0, t1),
            ("dates", t1, t2),
            ("figures", t2, t3),
            ("mentions", t3, t4),
            ("quotes", t4, t5),
            ("events", t5, t6),
            ("entities", t6, t7),
        ):
            spent[name] += b - a
    return spent


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("files", nargs="*", type=Path)
    ap.add_argument("--repeat", type=int, default=5, help="how many times the batch is run (default 5)")
    args = ap.parse_args()
    docs = load(args.files or [default_batch()])
    chars = sum(len(t) for t, _ in docs)

    for text, pub in docs[:5]:  # warm up lazily built lexicons outside the timing
        extract(text, pub)

    t0 = time.perf_counter()
    for _ in range(args.repeat):
        for text, pub in docs:
            extract(text, pub)
    elapsed = time.perf_counter() - t0
    total = chars * args.repeat

    spent = stages(docs)
    tracemalloc.start()
    for text, pub in docs:
        extract(text, pub)
    _, peak_traced = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    rss_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024

    print(f"batch: {len(docs)} documents, {chars:,} characters, run {args.repeat} times")
    print(f"pipeline: {total / elapsed:,.0f} chars/s ({elapsed:.2f} s for {total:,} chars, one core)")
    stage_total = sum(spent.values())
    for name, secs in spent.items():
        rate = chars / secs if secs else float("inf")
        print(f"  {name:9} {rate:>14,.0f} chars/s  {100 * secs / stage_total:5.1f}%")
    print(f"memory: peak {peak_traced / 2**20:.1f} MiB allocated during one pass; max RSS {rss_mb:.0f} MiB")


if __name__ == "__main__":
    main()
