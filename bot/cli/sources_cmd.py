"""`briefbot sources add | list | remove | pause | resume | poll | every | export | import`: followed
sources from the terminal, with what `/briefbot sources` does in Slack (audited as "cli")."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from bot.cli.context import add_workspace_option, error, open_container, workspace_arg
from bot.cli.digest_cmd import iso_time
from bot.fetch.http import FetchError, fetch
from bot.fetch.inputs import is_url
from handlers.admin import (
    AddSource,
    AdminError,
    ListSources,
    SourceAction,
    add_source,
    list_sources,
    pause_source,
    remove_source,
    resume_source,
)
from handlers.opml import ImportSources, import_sources, parse_opml, to_opml
from handlers.polling import UNHEALTHY_AFTER, is_unhealthy, set_poll_interval
from handlers.wording import counted

MAX_OPML_BYTES = 2 * 1024 * 1024


def register(sub: Any) -> None:
    p = sub.add_parser(
        "sources",
        help="followed feeds and pages: add, list, pause, poll, OPML out and in",
        description="The sources the worker polls (in Slack: /briefbot sources).",
    )
    s = p.add_subparsers(dest="sources_command", metavar="ACTION", required=True)
    add = s.add_parser("add", help="follow a feed or page (fetched once to show what it holds)")
    add.add_argument("url", metavar="URL")
    add.add_argument("name", nargs="*", metavar="NAME", help="a name for it (default: its title)")
    add.set_defaults(func=_add)
    s.add_parser("list", help="every source with its state and last error").set_defaults(func=_list)
    for verb, what in (
        ("remove", "stop following source ID (its articles stay)"),
        ("pause", "stop polling source ID until it is resumed"),
        ("resume", "poll a paused source ID again"),
    ):
        change = s.add_parser(verb, help=what)
        change.add_argument("source_id", type=int, metavar="ID")
        change.set_defaults(func=_change, verb=verb)
    poll = s.add_parser("poll", help="poll the sources that are due now (what the worker does)")
    poll.add_argument(
        "--now",
        type=iso_time,
        default=None,
        help="act as if it were this time (ISO 8601): sources due by then are polled",
    )
    poll.set_defaults(func=_poll)
    every = s.add_parser("every", help="poll source ID every MINUTES (default 15)")
    every.add_argument("source_id", type=int, metavar="ID")
    every.add_argument("minutes", type=int, metavar="MINUTES")
    every.set_defaults(func=_every)
    s.add_parser("export", help="print the sources as OPML").set_defaults(func=_export)
    imp = s.add_parser("import", help="follow every feed of an OPML file or URL")
    imp.add_argument("opml", metavar="FILE_OR_URL")
    imp.set_defaults(func=_import)
    add_workspace_option(*(parser for parser in s.choices.values() if parser.prog.split()[-1] != "poll"))


def _add(args: argparse.Namespace) -> int:
    from bot.sources_probe import HttpSourceProbe

    with open_container(args) as c:
        probe = HttpSourceProbe(
            allow_private=c.settings.allow_private_fetch, deadline=c.settings.fetch_deadline
        )
        try:
            added = add_source(
                AddSource(
                    url=args.url,
                    name=" ".join(args.name) or None,
                    actor="cli",
                    workspace=workspace_arg(args, c),
                ),
                uow_factory=c.uow,
                probe=probe,
                clock=c.clock,
            )
        except AdminError as exc:
            error("sources add", str(exc))
            return 1
    source, found = added.source, added.probe
    items = f", {counted(found.item_count, 'item')} now" if found.item_count is not None else ""
    print(
        f"following #{source.id} {source.url} ({found.kind}{items}), polled every "
        f"{source.interval_minutes} min" + (f": {source.name}" if source.name else "")
    )
    return 0


def _change(args: argparse.Namespace) -> int:
    use_case = {"remove": remove_source, "pause": pause_source, "resume": resume_source}[args.verb]
    with open_container(args) as c:
        try:
            changed = use_case(
                SourceAction(source_id=args.source_id, actor="cli", workspace=workspace_arg(args, c)),
                uow_factory=c.uow,
                clock=c.clock,
            )
        except AdminError as exc:
            error(f"sources {args.verb}", str(exc))
            return 1
    print(f"{changed.action} #{changed.source.id} {changed.source.url}")
    return 0


def _list(args: argparse.Namespace) -> int:
    with open_container(args) as c:
        listing = list_sources(
            ListSources(actor="cli", workspace=workspace_arg(args, c)), uow_factory=c.uow, clock=c.clock
        )
    if not listing.sources:
        print("no sources yet")
    for source in listing.sources:
        state = "active" if source.active else "paused"
        if is_unhealthy(source):
            state += f", UNHEALTHY ({source.consecutive_failures} failures in a row)"
        elif source.consecutive_failures:
            state += f", failing ({counted(source.consecutive_failures, 'failed poll')} in a row)"
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
        tail = f": {r.new} new, {r.skipped} seen before" if r.status != "failed" else ""
        if r.failed_items:
            tail += f", {counted(r.failed_items, 'item')} unreadable"
        tail += f": {r.error}" if r.error else ""
        flag = f" (unhealthy: {UNHEALTHY_AFTER}+ failures in a row)" if r.unhealthy else ""
        print(f"#{r.source_id} {r.status}{tail}{flag}")
    print(f"{counted(len(reports), 'source')} polled")
    return 1 if any(r.status == "failed" for r in reports) else 0


def _every(args: argparse.Namespace) -> int:
    with open_container(args) as c:
        try:
            source = set_poll_interval(
                args.source_id,
                args.minutes,
                actor="cli",
                uow_factory=c.uow,
                clock=c.clock,
                workspace=workspace_arg(args, c),
            )
        except AdminError as exc:
            error("sources every", str(exc))
            return 2
    print(f"#{source.id} polled every {source.interval_minutes} minutes")
    return 0


def _export(args: argparse.Namespace) -> int:
    with open_container(args) as c, c.uow().of(workspace_arg(args, c)) as uow:
        sources = uow.sources.list()
    print(to_opml(sources), end="")
    return 0


def _import(args: argparse.Namespace) -> int:
    with open_container(args) as c:
        try:
            if is_url(args.opml):
                with c.http_client_factory() as client:
                    body = fetch(
                        args.opml, client=client, max_bytes=MAX_OPML_BYTES, deadline=c.settings.fetch_deadline
                    ).body
            else:
                body = Path(args.opml).read_bytes()
            feeds = parse_opml(body)
        except (OSError, FetchError, AdminError) as exc:
            error("sources import", str(exc))
            return 1
        result = import_sources(
            ImportSources(feeds=feeds, actor="cli", workspace=workspace_arg(args, c)),
            uow_factory=c.uow,
            clock=c.clock,
        )
    for source in result.added:
        print(f"added #{source.id} {source.url}")
    for url, why in result.skipped:
        print(f"skipped {url}: {why}")
    print(f"{len(result.added)} added, {len(result.skipped)} skipped")
    return 0
