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


def error(command: str, message: str) -> None:
    print(f"briefbot {command}: {message}", file=sys.stderr)


def empty_store_note(c: Container) -> str | None:
    """What to say when a question finds nothing because nothing is stored at all."""
    with c.uow() as uow:
        if uow.articles.count():
            return None
    return empty_store_text(c.settings.database_url)
