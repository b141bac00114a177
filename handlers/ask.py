"""One typed line ("/timeline kyiv since Sep 1") to its result, through the registry's front door.

What `briefbot ask`, the shell and the tests call when they have one unit of work and a date.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, time

from handlers.catalog import default_registry
from handlers.desk import Ports
from handlers.front_door import dispatch
from handlers.ports import UnitOfWork
from handlers.registry import Call, Registry
from handlers.results import FiguresResult, HelpResult, TimelineResult, WhoSaidResult

__all__ = ["Answer", "HelpResult", "answer", "run_command"]

# The results of the console's questions; a new command adds its own result kind.
Answer = TimelineResult | WhoSaidResult | FiguresResult | HelpResult


class FixedDay:
    """A clock stopped on one day (at midnight UTC): questions read dates against `today` alone."""

    def __init__(self, today: date) -> None:
        self._today = today

    def today(self) -> date:
        return self._today

    def now(self) -> datetime:
        return datetime.combine(self._today, time(0), UTC)


def run_command(
    command: str,
    text: str,
    *,
    uow: UnitOfWork,
    today: date,
    offset: int = 0,
    registry: Registry | None = None,
    workspace: str | None = None,
) -> object:
    """Answer `/command text` as `workspace` asks it (the default one when None). Raises QueryError
    for an unknown command or a query we cannot read."""
    words = [command.strip().lstrip("/"), *text.split()]
    ports = Ports(uow_factory=lambda: uow, clock=FixedDay(today))
    call = Call(today=today, offset=offset, actor="console", team=workspace)
    return dispatch(registry or default_registry(), words, call, ports).result


def answer(
    line: str,
    *,
    uow: UnitOfWork,
    today: date,
    offset: int = 0,
    registry: Registry | None = None,
    workspace: str | None = None,
) -> object:
    """Answer a whole line such as "/whosaid Sybiha limit 3" (the leading slash is optional)."""
    command, _, rest = line.strip().partition(" ")
    if not command:
        return HelpResult(text=(registry or default_registry()).help_text())
    return run_command(
        command, rest, uow=uow, today=today, offset=offset, registry=registry, workspace=workspace
    )
