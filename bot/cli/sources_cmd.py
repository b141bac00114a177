"""`briefbot sources list | poll | export | import FILE_OR_URL`: followed sources from the terminal."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from bot.cli.context import error, open_container
from bot.cli.digest_cmd import iso_time
from bot.fetch.http import FetchError, fetch
from bot.fetch.inputs import is_url
from handlers.admin import AdminError, ListSources, list_sources
from handlers.opml import ImportSources, import_sources, parse_opml, to_opml
from handlers.polling import UNHEALTHY_AFTER, is_unhealthy, set_poll_interval
from handlers.wording import counted

MAX_OPML_BYTES = 2 * 1024 * 1024


def register(sub: Any) -> None:
    p = sub.add_parser("sources", help="followed feeds and pages: list, poll, OPML export and import",
                       description="The sources the worker polls (admins add them: /briefbot sources).")
    s = p.add_subparsers(dest="sources_command", metavar="ACTION", required=True)
    s.add_parser("list", help="every source with its state and last error").set_defaults(func=_list)
    poll = s.add_parser("poll", help="poll the sources that are due now (what the worker does)")
    poll.add_argument("--now", type=iso_time, default=None,
                      help="act as if it were this time (ISO 8601): sources due by then are polled")
    poll.set_defaults(func=_poll)
    every = s.add_parser("every", help="poll source ID every MINUTES (default 15)")
    every.add_argument("source_id", type=int, metavar="ID")
    every.add_argument("minutes", type=int, metavar="MINUTES")
    every.set_defaults(func=_every)
    s.add_parser("export", help="print the sources as OPML").set_defaults(func=_export)
    imp = s.add_parser("import", help="follow every feed of an OPML file or URL")
    imp.add_argument("opml", metavar="FILE_OR_URL")
    imp.set_defaults(func=_import)


def _list(args: argparse.Namespace) -> int:
    with open_container(args) as c:
        listing = list_sources(ListSources(actor="cli"), uow_factory=c.uow, clock=c.clock)
    if not listing.sources:
        print("no sources yet")
    for source in listing.sources:
        state = "active" if source.active else "paused"
        if is_unhealthy(source):
            state += f", UNHEALTHY ({source.consecutive_failures} failures in a row)"
        line = f"#{source.id} {source.kind} {state} every {source.interval_minutes} min {source.url}"
        if source.last_error:
            line += f"\n    last error: {source.last_error}"
        print(line)
    return 0


def _poll(args: argparse.Namespace) -> int:
    from bot.jobs import poll_due_sources

    with open_container(args) as c:
        reports = poll_due_sources(c, args.now)
    for r in reports:
        tail = f": {r.error}" if r.error else f": {r.new} new, {r.skipped} seen before"
        flag = f" (unhealthy: {UNHEALTHY_AFTER}+ failures in a row)" if r.unhealthy else ""
        print(f"#{r.source_id} {r.status}{tail}{flag}")
    print(f"{counted(len(reports), 'source')} polled")
    return 1 if any(r.status == "failed" for r in reports) else 0


def _every(args: argparse.Namespace) -> int:
    with open_container(args) as c:
        try:
            source = set_poll_interval(args.source_id, args.minutes, actor="cli", uow_factory=c.uow,
                                       clock=c.clock)
        except AdminError as exc:
            error("sources every", str(exc))
            return 2
    print(f"#{source.id} polled every {source.interval_minutes} minutes")
    return 0


def _export(args: argparse.Namespace) -> int:
    with open_container(args) as c, c.uow() as uow:
        sources = uow.sources.list()
    print(to_opml(sources), end="")
    return 0


def _import(args: argparse.Namespace) -> int:
    with open_container(args) as c:
        try:
            if is_url(args.opml):
                with c.http_client_factory() as client:
                    body = fetch(args.opml, client=client, max_bytes=MAX_OPML_BYTES).body
            else:
                body = Path(args.opml).read_bytes()
            feeds = parse_opml(body)
        except (OSError, FetchError, AdminError) as exc:
            error("sources import", str(exc))
            return 1
        result = import_sources(ImportSources(feeds=feeds, actor="cli"), uow_factory=c.uow, clock=c.clock)
    for source in result.added:
        print(f"added #{source.id} {source.url}")
    for url, why in result.skipped:
        print(f"skipped {url}: {why}")
    print(f"{len(result.added)} added, {len(result.skipped)} skipped")
    return 0
