"""Help for the commands, generated from the registry: the same text in Slack and in the terminal."""

from __future__ import annotations

from handlers.empty_store import ADD_ARTICLES, NO_ARTICLES, empty_store_hint, empty_store_text
from handlers.front_door import is_help_request

__all__ = [
    "ADD_ARTICLES",
    "NO_ARTICLES",
    "empty_store_hint",
    "empty_store_text",
    "help_text",
    "is_help_request",
]


def help_text(command: str | None = None) -> str:
    """Help for one command ("timeline", "whosaid", "figures"; a leading "/" is fine), or for all."""
    # Imported here: the CLI reads the empty-store texts above at start-up, and the catalog imports
    # every use case.
    from handlers.catalog import default_registry

    return default_registry().help_text(command)
