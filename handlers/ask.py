"""One typed command ("/timeline kyiv since Sep 1") to its result: the front door of Slack and terminal."""

from __future__ import annotations

from datetime import date
from typing import Literal

from pydantic import BaseModel, ConfigDict

from handlers.commands import show_figures, show_quotes, show_timeline
from handlers.help import COMMANDS, help_text, is_help_request
from handlers.ports import UnitOfWork
from handlers.query import DEFAULT_LIMIT, parse_query
from handlers.results import (
    FiguresQuery,
    FiguresResult,
    QueryError,
    TimelineQuery,
    TimelineResult,
    WhoSaidQuery,
    WhoSaidResult,
)


class HelpResult(BaseModel):
    """How to use a command (or all of them)."""

    model_config = ConfigDict(frozen=True)

    kind: Literal["help"] = "help"
    command: str | None = None
    text: str


Answer = TimelineResult | WhoSaidResult | FiguresResult | HelpResult

# A timeline is read as a sequence: a page of 10 short events cuts most stories off mid-week.
DEFAULT_LIMITS = {"timeline": 20}


def run_command(command: str, text: str, *, uow: UnitOfWork, today: date, offset: int = 0) -> Answer:
    """Answer `/command text`. Raises QueryError for an unknown command or a query we cannot read."""
    name = command.strip().lstrip("/").lower()
    if name == "help":
        return HelpResult(text=help_text())
    if name not in COMMANDS:
        raise QueryError(f"unknown command '/{name}'; try /timeline, /whosaid or /figures (or help).")
    if is_help_request(text):
        return HelpResult(command=name, text=help_text(name))
    if offset < 0:
        raise QueryError("offset must not be negative.")
    parts = parse_query(text, today=today, default_limit=DEFAULT_LIMITS.get(name, DEFAULT_LIMIT)).model_dump()
    parts["offset"] = offset
    if name == "timeline":
        return show_timeline(TimelineQuery(**parts), uow=uow)
    if name == "whosaid":
        return show_quotes(WhoSaidQuery(**parts), uow=uow)
    return show_figures(FiguresQuery(**parts), uow=uow)


def answer(line: str, *, uow: UnitOfWork, today: date, offset: int = 0) -> Answer:
    """Answer a whole line such as "/whosaid Sybiha limit 3" (the leading slash is optional)."""
    stripped = line.strip()
    if not stripped:
        return HelpResult(text=help_text())
    command, _, rest = stripped.partition(" ")
    return run_command(command, rest, uow=uow, today=today, offset=offset)
