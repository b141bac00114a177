"""What every command module shares: the container for this run, and printing to stderr."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Iterator
from contextlib import contextmanager

from bot.bootstrap import Container, build
from bot.settings import Settings


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
