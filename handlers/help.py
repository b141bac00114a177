"""Help for the three questions, the same text in Slack and in the terminal."""

from __future__ import annotations

_GRAMMAR = (
    "Add any of: since DATE, until DATE, limit N (1-50). DATE is 2025-09-01, Sep 1, yesterday, last week, ..."
)

_HELP = {
    "timeline": (
        "/timeline [topic] [since DATE] [until DATE] [limit N]\n"
        "What happened when: dated events in date order, each with the articles that reported it.\n"
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
