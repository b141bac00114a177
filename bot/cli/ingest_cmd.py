"""`briefbot ingest PATH_OR_URL...`: store articles from text files, HTML files and URLs.

Each input is its own transaction: a bad input gets a clear message and the others are still stored.
"""

from __future__ import annotations

import argparse
import logging
import sys
from dataclasses import replace
from datetime import date
from pathlib import Path
from typing import Any

from bot.bootstrap import Container
from bot.cli.context import open_container
from bot.console.progress import Progress
from bot.fetch import ArticleInput, InputError, read_input
from bot.fetch.inputs import is_url
from handlers.ingest import ingest_article
from handlers.results import IngestArticle, IngestResult

log = logging.getLogger(__name__)

ARTICLE_SUFFIXES = {".txt", ".html", ".htm", ".md"}


def register(sub: Any) -> None:
    p = sub.add_parser(
        "ingest",
        help="store articles from text files, HTML files or URLs",
        description=(
            "Extract events, quotes and figures from each input and store them. A text file may start with "
            "'Title:', 'Outlet:', 'Published: YYYY-MM-DD' and 'URL:' lines, then a blank line."
        ),
    )
    p.add_argument("inputs", nargs="+", metavar="PATH_OR_URL",
                   help="text or HTML files, directories of them, or article URLs")
    p.add_argument("--published", type=date.fromisoformat,
                   help="publication date (YYYY-MM-DD) for all inputs")
    p.add_argument("--outlet", help="the outlet's name, for all inputs")
    p.add_argument("--title", help="the title, for all inputs")
    p.set_defaults(func=_run)


def _run(args: argparse.Namespace) -> int:
    failed = stored = known = 0
    inputs = expand_directories(args.inputs)
    with open_container(args) as c:
        progress = Progress(len(inputs))
        for spec in inputs:
            line, status = _ingest_one(spec, args, c)
            progress.clear()
            print(line, file=sys.stderr if status == "rejected" else sys.stdout, flush=True)
            progress.step(spec)  # the bar stays below the lines while the next input is read
            failed += status == "rejected"
            stored += status == "stored"
            known += status == "duplicate"
        progress.clear()
    if len(inputs) > 1:
        print(f"{stored} stored, {known} already stored, {failed} failed")
    return 1 if failed else 0


def expand_directories(specs: list[str]) -> list[str]:
    """A directory stands for the article files directly in it (.txt, .html, .htm, .md), in name order."""
    out: list[str] = []
    for spec in specs:
        path = Path(spec)
        if not is_url(spec) and path.is_dir():
            out += [str(p) for p in sorted(path.iterdir())
                    if p.is_file() and p.suffix.lower() in ARTICLE_SUFFIXES]
        else:
            out.append(spec)
    return out


def _ingest_one(spec: str, args: argparse.Namespace, c: Container) -> tuple[str, str]:
    try:
        article = _with_overrides(read_input(spec, client_factory=c.http_client_factory), args)
        result = store_article(article, c)
    except InputError as exc:
        return f"FAILED  {exc}", "rejected"
    except Exception as exc:  # a bug or a database problem: say so, log the detail, go on with the batch
        log.exception("ingesting %s failed", spec)
        return f"FAILED  {spec}: {type(exc).__name__}: {exc}", "rejected"
    mark = {"stored": "stored ", "duplicate": "skipped", "rejected": "FAILED "}[result.status]
    return f"{mark} {spec}: {result.message}", result.status


def store_article(article: ArticleInput, c: Container) -> IngestResult:
    """Ingest one read input through the handler, in its own transaction."""
    cmd = IngestArticle(text=article.text, url=article.url, title=article.title, outlet=article.outlet,
                        published=article.published)
    return ingest_article(cmd, uow=c.uow(), extractor=c.extractor, clock=c.clock)


def _with_overrides(article: ArticleInput, args: argparse.Namespace) -> ArticleInput:
    return replace(
        article,
        published=args.published or article.published,
        outlet=args.outlet or article.outlet,
        title=args.title or article.title,
    )
