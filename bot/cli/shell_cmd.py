"""`briefbot shell`: an interactive console for the registry's questions."""

from __future__ import annotations

import argparse
import sys
from typing import Any

from bot.bootstrap import console_door
from bot.cli.context import add_workspace_option, empty_store_note, open_container, workspace_arg
from bot.console.shell import Shell
from handlers.catalog import default_registry


def register(sub: Any) -> None:
    names = ", ".join(c.slash for c in default_registry().questions("console"))
    p = sub.add_parser(
        "shell",
        help=f"an interactive console: {names}, help, more, quit",
        description="Ask questions interactively (history in ~/.briefbot_history). Reads a pipe too.",
    )
    add_workspace_option(p)
    p.set_defaults(func=_run)


def _run(args: argparse.Namespace) -> int:
    with open_container(args) as c:
        door = console_door(c)
        workspace = workspace_arg(args, c)

        def ask(line: str, offset: int) -> object:
            return door.answer(
                line.strip().lstrip("/").split(), door.call(team=workspace, offset=offset)
            ).result

        return Shell(
            ask,
            stdin=sys.stdin,
            stdout=sys.stdout,
            interactive=sys.stdin.isatty(),
            empty_note=lambda: empty_store_note(c),
            registry=door.registry,
        ).run()
