"""`briefbot ask "/timeline kyiv since Sep 1"`: answer one command of the registry as text (or JSON)."""

from __future__ import annotations

import argparse
import sys
from datetime import date
from typing import Any

from pydantic import BaseModel

from bot.bootstrap import console_door
from bot.cli.context import add_workspace_option, empty_store_note, error, open_container, workspace_arg
from bot.console.render import render
from handlers.catalog import default_registry
from handlers.domain import Page
from handlers.errors import UserError
from handlers.intent import slash_line


def _plain(line: str, roots: list[str], today: date) -> str:
    """A plain question ("what did Okafor say about wages?") as the command it stands for, said on
    stderr; a command (with or without its slash) as typed."""
    first = line.lstrip("/").split()[0].lower() if line.strip() else ""
    if line.startswith("/") or first in roots:
        return line
    command = slash_line(line, today=today)
    if command is None:
        return line
    print(f"(as {command})", file=sys.stderr)
    return command


def register(sub: Any) -> None:
    names = [c.slash for c in default_registry().questions("console")]
    p = sub.add_parser(
        "ask",
        help=f"answer one {', '.join(names[:-1])} or {names[-1]} command",
        description='Answer one command, e.g. briefbot ask "/whosaid Okafor since 2025-03-01 limit 5".',
    )
    p.add_argument("line", nargs="+", help="the command and its query (quote it, or give it as words)")
    p.add_argument("--json", action="store_true", help="print the result model as JSON")
    p.add_argument("--offset", type=int, default=0, help="skip this many results (the next page)")
    add_workspace_option(p)
    p.set_defaults(func=_run)


def _run(args: argparse.Namespace) -> int:
    line = " ".join(args.line).strip()
    with open_container(args) as c:
        door = console_door(c)
        line = _plain(line, door.registry.roots("console"), c.clock.today())
        words = line.lstrip("/").split()
        try:
            result = door.answer(words, door.call(team=workspace_arg(args, c), offset=args.offset)).result
        except UserError as exc:
            error("ask", str(exc))
            return 2
        page = getattr(result, "page", None)
        paged = page if isinstance(page, Page) else None
        empty = empty_store_note(c) if paged is not None and not paged.total else None
    if empty and not args.json:
        print(empty)
        return 0
    if args.json and isinstance(result, BaseModel):
        print(result.model_dump_json(indent=2))
    else:
        hint = f"add --offset {args.offset + paged.limit} for the next page" if paged is not None else ""
        print(render(result, more_hint=hint))
    return 0
