"""What a question on an empty database answers: that nothing is stored yet, and how to add articles."""

from __future__ import annotations

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
