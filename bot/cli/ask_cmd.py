"""`briefbot ask "/timeline kyiv since Sep 1"`: answer one command as text (or as JSON)."""

from __future__ import annotations

import argparse
from typing import Any

from bot.cli.context import empty_store_note, error, open_container
from bot.console.render import render
from handlers.ask import HelpResult, answer
from handlers.results import QueryError


def register(sub: Any) -> None:
    p = sub.add_parser(
        "ask",
        help="answer one /timeline, /whosaid or /figures command",
        description='Answer one command, e.g. briefbot ask "/whosaid Okafor since 2025-03-01 limit 5".',
    )
    p.add_argument("line", nargs="+", help="the command and its query (quote it, or give it as words)")
    p.add_argument("--json", action="store_true", help="print the result model as JSON")
    p.add_argument("--offset", type=int, default=0, help="skip this many results (the next page)")
    p.set_defaults(func=_run)


def _run(args: argparse.Namespace) -> int:
    line = " ".join(args.line)
    with open_container(args) as c:
        try:
            result = answer(line, uow=c.uow(), today=c.clock.today(), offset=args.offset)
        except QueryError as exc:
            error("ask", str(exc))
            return 2
        empty = None if isinstance(result, HelpResult) or result.page.total else empty_store_note(c)
    if empty and not args.json:
        print(empty)
        return 0
    if args.json:
        print(result.model_dump_json(indent=2))
    else:
        hint = (
            ""
            if isinstance(result, HelpResult)
            else f"add --offset {args.offset + result.page.limit} for the next page"
        )
        print(render(result, more_hint=hint))
    return 0
