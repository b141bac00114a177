"""The `briefbot` command line. Each command group lives in its own module with `register(subparsers)`."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence

from bot.cli import extract_cmd, slack_cmd

# One line per command group; each module adds its subparsers and sets `func`.
COMMAND_MODULES = [extract_cmd, slack_cmd]


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="briefbot",
        description="News briefings: dated events, attributed quotes and figures from any news.",
    )
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for module in COMMAND_MODULES:
        module.register(sub)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if not getattr(args, "func", None):
        parser.print_help()
        return 2
    code: int = args.func(args)
    return code


def run() -> None:
    sys.exit(main())
