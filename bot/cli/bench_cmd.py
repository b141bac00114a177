"""`briefbot bench ingest|commands|digests`: throughput and latency, as JSON lines or a table.

A thin front over the `bench` package, which lives in the source checkout and is not installed:
run it from a checkout (`python -m bot bench ...` in the repository root).
"""

from __future__ import annotations

import argparse
import importlib
import json
import sys
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType
from typing import Any

from bot.cli.context import error

_CHECKOUT = Path(__file__).resolve().parents[2]


def register(sub: Any) -> None:
    p = sub.add_parser(
        "bench",
        help="measure ingest throughput and command latency (from a source checkout)",
        description="Benchmarks on a scratch database (made and removed by the run).",
    )
    kinds = p.add_subparsers(dest="bench", metavar="KIND", required=True)

    ingest = kinds.add_parser("ingest", help="articles/s through handlers.ingest (extraction + store)")
    ingest.add_argument("--articles", type=int, default=1000, help="generated articles (default 1000)")
    ingest.add_argument(
        "--workers", type=int, default=1, help="processes ingesting the same articles at once (default 1)"
    )
    ingest.add_argument(
        "--batch",
        type=int,
        default=None,
        help="articles stored per transaction (default: as `briefbot ingest` does, 50 on "
        "SQLite, 200 on PostgreSQL; 1 = a transaction per article)",
    )
    ingest.add_argument(
        "--workspaces",
        type=int,
        default=0,
        help="every article comes from one source followed by N workspaces (default 0)",
    )
    _common(ingest)
    ingest.set_defaults(func=_ingest)

    commands = kinds.add_parser("commands", help="/timeline, /whosaid, /figures p50/p95/p99 over N facts")
    commands.add_argument("--facts", type=int, default=10_000, help="facts in the store (default 10000)")
    commands.add_argument("--runs", type=int, default=50, help="timed calls per query (default 50)")
    commands.add_argument(
        "--store",
        metavar="URL",
        default=None,
        help="measure this existing store instead of filling a scratch one",
    )
    commands.add_argument(
        "--workspaces",
        type=int,
        default=0,
        help="share the store among N workspaces (each reading a tenth of it) and ask as two of "
        "them; on PostgreSQL as an ordinary role, with row-level security (default 0: one workspace)",
    )
    _common(commands)
    commands.set_defaults(func=_commands)

    digests = kinds.add_parser("digests", help="time to generate the digests of N subscribed channels")
    digests.add_argument("--channels", type=int, default=1000, help="subscribed channels (default 1000)")
    digests.add_argument("--facts", type=int, default=10_000, help="facts in the store (default 10000)")
    digests.add_argument("--workers", type=int, default=1, help="processes posting at once (default 1)")
    _common(digests)
    digests.set_defaults(func=_digests)


def _common(p: argparse.ArgumentParser) -> None:
    p.add_argument(
        "--db",
        default=None,
        metavar="URL",
        help="sqlite (default: a temporary file) or a PostgreSQL server URL: a scratch "
        "database is created on it and dropped afterwards",
    )
    p.add_argument("--seed", type=int, default=1, help="generator seed (default 1)")
    p.add_argument("--keep", action="store_true", help="keep the PostgreSQL scratch database")
    p.add_argument("--json", action="store_true", help="one JSON line per measurement")


def _ingest(args: argparse.Namespace) -> int:
    module = _bench_module("ingest_bench")
    if module is None:
        return 2
    return _emit(
        args,
        module.run(
            articles=args.articles,
            db=args.db,
            seed=args.seed,
            keep=args.keep,
            workers=args.workers,
            batch=args.batch and max(1, args.batch),
            workspaces=args.workspaces,
            log=_log,
        ),
    )


def _commands(args: argparse.Namespace) -> int:
    module = _bench_module("commands_bench")
    if module is None:
        return 2
    return _emit(
        args,
        module.run(
            facts=args.facts,
            db=args.db,
            runs=args.runs,
            seed=args.seed,
            keep=args.keep,
            store=args.store,
            log=_log,
            workspaces=args.workspaces,
        ),
    )


def _digests(args: argparse.Namespace) -> int:
    module = _bench_module("digests_bench")
    if module is None:
        return 2
    return _emit(
        args,
        module.run(
            channels=args.channels,
            facts=args.facts,
            db=args.db,
            seed=args.seed,
            keep=args.keep,
            workers=args.workers,
            log=_log,
        ),
    )


def _emit(args: argparse.Namespace, measurements: Iterator[dict[str, Any]]) -> int:
    for m in measurements:
        if args.json:
            print(json.dumps(m), flush=True)
        else:
            print("  ".join(f"{k}={v}" for k, v in m.items()), flush=True)
    return 0


def _bench_module(name: str) -> ModuleType | None:
    """`bench.<name>`, importing it from the checkout this `bot` package was loaded from."""
    if (_CHECKOUT / "bench" / "__init__.py").exists() and str(_CHECKOUT) not in sys.path:
        sys.path.insert(0, str(_CHECKOUT))
    try:
        return importlib.import_module(f"bench.{name}")
    except ModuleNotFoundError as exc:
        if not (exc.name or "").startswith("bench"):
            raise
        error(
            "bench",
            "the benchmarks live in the source checkout (bench/), which is not installed: "
            "run `python -m bot bench ...` from the repository root.",
        )
        return None


def _log(message: str) -> None:
    print(message, file=sys.stderr, flush=True)
