"""Help for the three questions, the same text in Slack and in the terminal."""

from __future__ import annotations

_GRAMMAR = (
    "Add any of: since DATE, until DATE, limit N (1-50). DATE is 2025-09-01, Sep 1, yesterday, last week, ..."
)

_HELP = {
    "timeline": (
        "/timeline [topic] [since DATE] [until DATE] [limit N]\n"
        "What happened when: one entry per story, latest first, with every article that reported it.\n"
        "Examples: /timeline strike since last week · /timeline harbour until 2025-09-05 limit 5"
    ),
    "whosaid": (
        "/whosaid [person|topic] [since DATE] [until DATE] [limit N]\n"
        "Who said what: a person's quotes (by name, surname or alias), or quotes about a topic.\n"
        "Examples: /whosaid Okafor · /whosaid wages since Mar 3"
    ),
    "figures": (
        "/figures [topic] [since DATE] [until DATE] [limit N]\n"
        "What the numbers are: counts, money and percentages, with who reported them.\n"
        "Examples: /figures containers · /figures wages since last week"
    ),
}

COMMANDS = tuple(_HELP)

# What a question on an empty database answers, from the terminal (briefbot ask, shell) or Slack.
NO_ARTICLES = "No articles stored yet"
ADD_ARTICLES = (
    ("briefbot ingest FILE_OR_URL...", "text or HTML files, or article URLs"),
    ("briefbot sources add FEED_URL", "follow a feed, which briefbot worker polls"),
    ("briefbot demo", "a sample corpus to try the questions on"),
)


def empty_store_text(database: str | None = None) -> str:
    """ "No articles stored yet" and how to add some, one way a line (the terminal's wording)."""
    where = f" (database {database})" if database else ""
    width = max(len(command) for command, _ in ADD_ARTICLES) + 5
    ways = "\n".join(f"  {command.ljust(width)}{what}" for command, what in ADD_ARTICLES)
    return f"{NO_ARTICLES}{where}. Add some with:\n{ways}"


def empty_store_hint() -> str:
    """The same in one line, under an answer that found nothing (Slack shows it below the heading)."""
    ways = "; ".join(f"{command.rstrip('.')} ({what})" for command, what in ADD_ARTICLES)
    slack = "In Slack an admin can follow a feed: /briefbot sources add URL."
    return f"{NO_ARTICLES}. Add some with: {ways}. {slack}"


def help_text(command: str | None = None) -> str:
    """Help for one command ("timeline", "whosaid", "figures"; a leading "/" is fine), or for all."""
    name = (command or "").strip().lstrip("/").lower()
    if name in _HELP:
        return f"{_HELP[name]}\n{_GRAMMAR}"
    body = "\n\n".join(_HELP[c] for c in COMMANDS)
    return f"{body}\n\n{_GRAMMAR}"


def is_help_request(text: str) -> bool:
    """`/timeline help`, `/whosaid ?`: the user asks how the command works."""
    return text.strip().lower() in {"help", "?", "-h", "--help"}
