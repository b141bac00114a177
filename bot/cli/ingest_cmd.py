"""`briefbot ingest PATH_OR_URL...`: store articles from text files, HTML files and URLs.

Inputs are stored in batches (50 on SQLite, 200 on PostgreSQL), one transaction each (far faster
than one per input), each batch extracted while the one before is written; a bad input gets a
clear message and the others are still stored.
"""

from __future__ import annotations

import argparse
import logging
import shlex
import sys
from collections import deque
from collections.abc import Callable, Iterator
from dataclasses import replace
from datetime import date
from pathlib import Path
from typing import Any

from bot.bootstrap import Container
from bot.cli.context import add_workspace_option, open_container, workspace_arg
from bot.console.progress import Progress
from bot.fetch import ArticleInput, InputError, read_input
from bot.fetch.inputs import is_url
from handlers.article_dates import FORMATS_HELP, parse_date
from handlers.ingest import ingest_article, ingest_batches
from handlers.results import IngestArticle, IngestResult

log = logging.getLogger(__name__)

_AS_GIVEN = "as given"  # the date of --published: what the user asks for, re-dating a stored article
ARTICLE_SUFFIXES = {".txt", ".html", ".htm", ".md"}


def register(sub: Any) -> None:
    p = sub.add_parser(
        "ingest",
        help="store articles from text files, HTML files or URLs",
        description=(
            "Extract events, quotes and figures from each input and store them. A text file may start with "
            "'Title:', 'Outlet:', 'Published: DATE' and 'URL:' lines, then a blank line. Without a date, "
            "an article takes the one it states (a page's metadata, a dateline), else today's; each line "
            "printed says which."
        ),
    )
    p.add_argument(
        "inputs",
        nargs="+",
        metavar="PATH_OR_URL",
        help="text or HTML files, directories of them, or article URLs",
    )
    p.add_argument(
        "--published",
        type=date_argument,
        metavar="DATE",
        help=f"publication date for all inputs ({FORMATS_HELP}); an article already stored is re-dated",
    )
    p.add_argument("--outlet", help="the outlet's name, for all inputs")
    p.add_argument("--title", help="the title, for all inputs")
    add_workspace_option(p)
    p.set_defaults(func=_run)


def date_argument(text: str) -> date:
    try:
        return parse_date(text)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(str(exc)) from None


def _run(args: argparse.Namespace) -> int:
    counts = {"stored": 0, "duplicate": 0, "rejected": 0}
    inputs = expand_directories(args.inputs)
    with open_container(args) as c:
        progress = Progress(len(inputs))

        def report(line: str, status: str) -> None:
            progress.clear()
            print(line, file=sys.stderr if status == "rejected" else sys.stdout, flush=True)
            counts[status] += 1

        def read(spec: str) -> ArticleInput | None:
            try:
                return _with_overrides(
                    read_input(
                        spec, client_factory=c.http_client_factory, deadline=c.settings.fetch_deadline
                    ),
                    args,
                )
            except InputError as exc:
                report(f"FAILED  {exc}", "rejected")
            except Exception as exc:  # a bug reading one input: say so, log the detail, go on
                log.exception("reading %s failed", spec)
                report(f"FAILED  {spec}: {type(exc).__name__}: {exc}", "rejected")
            finally:
                progress.step(spec)  # the bar stays below the lines while the next input is read
            return None

        batches = _read_batches(inputs, read, c.ingest_batch_size())
        for line, status in _store_all(batches, c, workspace_arg(args, c)):
            report(line, status)
        progress.clear()
    if len(inputs) > 1:
        print(f"{counts['stored']} stored, {counts['duplicate']} already stored, {counts['rejected']} failed")
    return 1 if counts["rejected"] else 0


Batch = list[tuple[str, ArticleInput]]


def _read_batches(
    inputs: list[str], read: Callable[[str], ArticleInput | None], size: int
) -> Iterator[Batch]:
    """The inputs read, `size` at a time (those that could not be read are left out)."""
    batch: Batch = []
    for spec in inputs:
        article = read(spec)
        if article is not None:
            batch.append((spec, article))
        if len(batch) >= size:
            yield batch
            batch = []
    if batch:
        yield batch


def _store_all(batches: Iterator[Batch], c: Container, workspace: str) -> Iterator[tuple[str, str]]:
    """Store the batches in turn (one transaction each, the next extracted while one is written);
    a line and status an input.

    If the database itself fails, the inputs of the batches in flight are reported unstored, and
    storing goes on with the next batch read.
    """
    mark = {"stored": "stored ", "duplicate": "skipped", "rejected": "FAILED "}
    in_flight: deque[Batch] = deque()

    def commands() -> Iterator[list[IngestArticle]]:
        for batch in batches:
            in_flight.append(batch)
            yield [_command(article, workspace) for _, article in batch]

    while True:
        try:
            for results in ingest_batches(commands(), uow=c.uow(), extractor=c.extractor, clock=c.clock):
                batch = in_flight.popleft()
                yield from (
                    (f"{mark[r.status]} {spec}: {r.message}{_hint(spec, r)}", r.status)
                    for (spec, _), r in zip(batch, results, strict=True)
                )
            return
        except Exception as exc:  # the database itself failed: these inputs are not stored
            log.exception("storing %d inputs failed", sum(len(b) for b in in_flight))
            while in_flight:
                yield from (
                    (f"FAILED  {spec}: {type(exc).__name__}: {exc}", "rejected")
                    for spec, _ in in_flight.popleft()
                )


def _hint(spec: str, result: IngestResult) -> str:
    """How to correct the date of an article stored undated."""
    if result.status != "stored" or result.article is None or result.article.published is not None:
        return ""
    return f"\n         to date it: briefbot ingest --published DATE {shlex.quote(spec)}"


def expand_directories(specs: list[str]) -> list[str]:
    """A directory stands for the article files directly in it (.txt, .html, .htm, .md), in name order."""
    out: list[str] = []
    for spec in specs:
        path = Path(spec)
        if not is_url(spec) and path.is_dir():
            out += [
                str(p) for p in sorted(path.iterdir()) if p.is_file() and p.suffix.lower() in ARTICLE_SUFFIXES
            ]
        else:
            out.append(spec)
    return out


def store_article(article: ArticleInput, c: Container, workspace: str | None = None) -> IngestResult:
    """Ingest one read input through the handler, in its own transaction, for `workspace` (the
    deployment's own by default)."""
    command = _command(article, workspace or c.settings.workspace)
    return ingest_article(command, uow=c.uow(), extractor=c.extractor, clock=c.clock)


def _command(article: ArticleInput, workspace: str) -> IngestArticle:
    return IngestArticle(
        workspace=workspace,
        text=article.text,
        url=article.url,
        title=article.title,
        outlet=article.outlet,
        published=article.published,
        published_from=article.published_from,
        redate=article.published_from == _AS_GIVEN,
    )


def _with_overrides(article: ArticleInput, args: argparse.Namespace) -> ArticleInput:
    return replace(
        article,
        published=args.published or article.published,
        published_from=_AS_GIVEN if args.published else article.published_from,
        outlet=args.outlet or article.outlet,
        title=args.title or article.title,
    )
