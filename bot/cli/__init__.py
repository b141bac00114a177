"""The `briefbot` command line. Each command group lives in its own module with `register(subparsers)`."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from typing import TYPE_CHECKING

from bot.cli import (
    articles_cmd,
    ask_cmd,
    bench_cmd,
    db_cmd,
    demo_cmd,
    digest_cmd,
    export_cmd,
    extract_cmd,
    ingest_cmd,
    shell_cmd,
    slack_cmd,
    sources_cmd,
    stories_cmd,
    watch_cmd,
    worker_cmd,
)
from bot.collector import tune_collector
from bot.console.safe_text import terminal_safe_stdout

if TYPE_CHECKING:
    from bot.bootstrap import Container

# One line per command group; each module adds its subparsers and sets `func`.
COMMAND_MODULES = [
    extract_cmd,
    db_cmd,
    ingest_cmd,
    articles_cmd,
    ask_cmd,
    export_cmd,
    shell_cmd,
    demo_cmd,
    slack_cmd,
    digest_cmd,
    sources_cmd,
    worker_cmd,
    stories_cmd,
    watch_cmd,
    bench_cmd,
]


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="briefbot",
        description="News briefings: dated events, attributed quotes and figures from any news.",
    )
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for module in COMMAND_MODULES:
        module.register(sub)
    return parser


def main(argv: Sequence[str] | None = None, *, container: Container | None = None) -> int:
    """Run one command. `container` replaces the one built from the environment (tests inject fakes)."""
    parser = build_parser()
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
