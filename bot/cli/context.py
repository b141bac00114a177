"""What every command module shares: the container for this run, and printing to stderr."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Iterator
from contextlib import contextmanager

from bot.bootstrap import Container, build
from bot.settings import Settings
from handlers.help import empty_store_text


@contextmanager
def open_container(args: argparse.Namespace, settings: Settings | None = None) -> Iterator[Container]:
    """The container injected by the caller (tests), or one built from the environment and closed after."""
    injected: Container | None = getattr(args, "container", None)
    if injected is not None:
        yield injected
        return
    built = build(settings)
    try:
        yield built
    finally:
        built.close()


def add_workspace_option(*parsers: argparse.ArgumentParser) -> None:
    """`--workspace ID` on each parser: the workspace (Slack team or enterprise id) a command acts
    for, as its own Slack requests would (default BRIEFBOT_WORKSPACE, the single-token workspace)."""
    for parser in parsers:
        parser.add_argument(
            "--workspace",
            metavar="ID",
            default=None,
            help="act for this workspace: its team id, or enterprise id for an org-wide install "
            '(default: BRIEFBOT_WORKSPACE, "default")',
        )


def workspace_arg(args: argparse.Namespace, c: Container) -> str:
    """The workspace `--workspace` names, else the deployment's own (settings.workspace)."""
    named: str | None = getattr(args, "workspace", None)
    return named.strip() if named and named.strip() else c.settings.workspace


def error(command: str, message: str) -> None:
    print(f"briefbot {command}: {message}", file=sys.stderr)


def empty_store_note(c: Container) -> str | None:
    """What to say when a question finds nothing because nothing is stored at all."""
    with c.uow() as uow:
        if uow.articles.count():
            return None
    return empty_store_text(c.settings.database_url)
