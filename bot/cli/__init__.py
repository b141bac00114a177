"""The `briefbot` command line. Each command group lives in its own module with `register(subparsers)`."""

from __future__ import annotations

import argparse
import importlib
import sys
from collections.abc import Sequence
from types import ModuleType
from typing import TYPE_CHECKING

from bot.collector import tune_collector
from bot.console.safe_text import terminal_safe_stdout

if TYPE_CHECKING:
    from bot.bootstrap import Container

# Each command group's module (bot/cli/NAME_cmd.py) and the commands it adds, in the order of the
# help. A command's module alone is imported to run it: `briefbot extract --jsonl` then starts
# without Slack, SQLAlchemy, httpx or the scheduler (the others import them at the top). The help,
# or a word that is no command, imports them all. tests/unit/test_cli_startup.py checks the names.
COMMANDS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("extract_cmd", ("extract",)),
    ("db_cmd", ("db",)),
    ("ingest_cmd", ("ingest",)),
    ("articles_cmd", ("articles",)),
    ("ask_cmd", ("ask",)),
    ("export_cmd", ("export",)),
    ("shell_cmd", ("shell",)),
    ("demo_cmd", ("demo",)),
    ("slack_cmd", ("serve", "socket")),
    ("digest_cmd", ("digest",)),
    ("sources_cmd", ("sources",)),
    ("worker_cmd", ("worker",)),
    ("stories_cmd", ("stories",)),
    ("watch_cmd", ("watch",)),
    ("bench_cmd", ("bench",)),
)


def command_modules(argv: Sequence[str] | None = None) -> list[ModuleType]:
    """The modules to register: the named command's alone, else (help, no or an unknown command) all."""
    words = sys.argv[1:] if argv is None else argv
    first = words[0] if words else None  # "briefbot --help extract": an option first, all of them
    named = [module for module, commands in COMMANDS if first in commands]
    return [importlib.import_module(f"bot.cli.{name}") for name in named or [m for m, _ in COMMANDS]]


def build_parser(argv: Sequence[str] | None = None) -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="briefbot",
        description="News briefings: dated events, attributed quotes and figures from any news.",
    )
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for module in command_modules(argv):
        module.register(sub)
    return parser


def main(argv: Sequence[str] | None = None, *, container: Container | None = None) -> int:
    """Run one command. `container` replaces the one built from the environment (tests inject fakes)."""
    parser = build_parser(argv)
    args = parser.parse_args(argv)
    args.container = container
    if not getattr(args, "func", None):
        parser.print_help()
        return 2
    with terminal_safe_stdout():  # article text is strangers' text: no escapes reach the terminal
        code: int = args.func(args)
    return code


def run() -> None:
    """The `briefbot` process: tune it, then run the command."""
    tune_collector()
    try:
        code = main()
    except BrokenPipeError:  # `briefbot demo | head`: the reader left; not an error worth a traceback
        sys.stderr.close()
        code = 0
    except KeyboardInterrupt:
        code = 130
    sys.exit(code)
